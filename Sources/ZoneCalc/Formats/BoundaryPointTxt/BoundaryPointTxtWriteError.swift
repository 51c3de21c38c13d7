/// Input that ``BoundaryPointTxtWriter`` cannot turn into a valid boundary-point txt.
public enum BoundaryPointTxtWriteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The zone number is not a zone of that width used in China (3°: 25–45, 6°: 13–23).
    case invalidZone(number: Int, width: Int)
    /// `decimals` is outside 0…9.
    case invalidDecimals(Int)
    /// There is no parcel to write.
    case noParcels
    /// A parcel has no polygon part.
    case parcelWithoutParts(parcelID: String)
    /// A ring (named by the 圈号 it would get) has fewer than 3 distinct vertices.
    case ringTooShort(parcelID: String, ringNumber: Int, vertexCount: Int)
    /// A coordinate is NaN or infinite.
    case nonFiniteCoordinate(parcelID: String, ringNumber: Int)
    /// An easting is outside 0…1 000 000 m, e.g. because it already carries a zone prefix.
    case eastingOutOfRange(parcelID: String, ringNumber: Int, easting: Double)
    /// A text field would break the format: a header field with `,` or a line break, an
    /// attribute with a line break or a key with `=`.
    case invalidText(field: String, value: String)
    /// `带号` or `几度分带` was given as an attribute override.
    case reservedAttribute(String)
    /// The text holds a character that the output encoding cannot represent.
    case unencodableCharacter(String, encoding: BoundaryPointTxtWriteOptions.OutputEncoding)

    /// A sentence naming the parcel and ring at fault, where there is one.
    public var description: String { message(.en) }

    /// The sentence in `language`.
    public func message(_ language: Language) -> String {
        let text: Bilingual
        switch self {
        case .invalidZone(let number, let width):
            text = Bilingual("\(number) 不是我国使用的 \(width)° 带号（3° 带：25–45，6° 带：13–23）", "zone \(number) is not a \(width)° zone used in China (3°: 25–45, 6°: 13–23)")
        case .invalidDecimals(let decimals):
            text = Bilingual("小数位数应为 0…9，而不是 \(decimals)", "decimals must be 0…9, not \(decimals)")
        case .noParcels:
            text = Bilingual("没有可写出的地块", "no parcel to write")
        case .parcelWithoutParts(let id):
            text = Bilingual("地块“\(id)”没有面", "parcel '\(id)' has no polygon")
        case .ringTooShort(let id, let ringNumber, let count):
            text = Bilingual("地块“\(id)”圈号 \(ringNumber)：只有 \(count) 个不同的顶点，至少需要 3 个", "parcel '\(id)', ring 圈号 \(ringNumber): \(count) distinct vertices, at least 3 are needed")
        case .nonFiniteCoordinate(let id, let ringNumber):
            text = Bilingual("地块“\(id)”圈号 \(ringNumber)：有坐标不是有限数值", "parcel '\(id)', ring 圈号 \(ringNumber): a coordinate is not a finite number")
        case .eastingOutOfRange(let id, let ringNumber, let easting):
            text = Bilingual("地块“\(id)”圈号 \(ringNumber)：东坐标 \(easting) 超出 0…1 000 000 m；请给出不带带号的东坐标",
                             "parcel '\(id)', ring 圈号 \(ringNumber): easting \(easting) is outside 0…1 000 000 m; pass eastings without the zone prefix")
        case .invalidText(let field, let value):
            text = Bilingual("\(field)“\(value)”含有破坏格式的字符（头字段中的“,”、键中的“=”、换行）",
                             "\(field) '\(value)' contains a character that breaks the format (',' in header fields, '=' in keys, line breaks)")
        case .reservedAttribute(let key):
            text = Bilingual("\(key) 由分带参数写出，不能覆盖", "\(key) is written from the zone arguments and cannot be overridden")
        case .unencodableCharacter(let character, let encoding):
            text = Bilingual("“\(character)”无法用 \(encoding) 编码", "'\(character)' cannot be encoded as \(encoding)")
        }
        return text.text(language)
    }
}
