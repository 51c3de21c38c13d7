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
    public var description: String {
        switch self {
        case .invalidZone(let number, let width):
            "zone \(number) is not a \(width)° zone used in China (3°: 25–45, 6°: 13–23)"
        case .invalidDecimals(let decimals):
            "decimals must be 0…9, not \(decimals)"
        case .noParcels:
            "no parcel to write"
        case .parcelWithoutParts(let id):
            "parcel '\(id)' has no polygon"
        case .ringTooShort(let id, let ringNumber, let count):
            "parcel '\(id)', ring 圈号 \(ringNumber): \(count) distinct vertices, at least 3 are needed"
        case .nonFiniteCoordinate(let id, let ringNumber):
            "parcel '\(id)', ring 圈号 \(ringNumber): a coordinate is not a finite number"
        case .eastingOutOfRange(let id, let ringNumber, let easting):
            "parcel '\(id)', ring 圈号 \(ringNumber): easting \(easting) is outside 0…1 000 000 m; pass eastings without the zone prefix"
        case .invalidText(let field, let value):
            "\(field) '\(value)' contains a character that breaks the format (',' in header fields, '=' in keys, line breaks)"
        case .reservedAttribute(let key):
            "\(key) is written from the zone arguments and cannot be overridden"
        case .unencodableCharacter(let character, let encoding):
            "'\(character)' cannot be encoded as \(encoding)"
        }
    }
}
