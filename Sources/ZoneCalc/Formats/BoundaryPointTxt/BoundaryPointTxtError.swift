/// A boundary-point txt that cannot be read, with the file and line at fault.
///
/// `description` reads like a compiler message, e.g.
/// `kfqfw.txt:12: point line has 3 fields, expected 4 (点号,圈号,X,Y)`.
public struct BoundaryPointTxtError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file name (or the name passed to ``BoundaryPointTxtReader/read(data:sourceName:)``).
    public var source: String
    /// The 1-based line at fault; `nil` when the problem concerns the whole file.
    public var line: Int?
    /// What is wrong.
    public var kind: Kind

    /// What is wrong with the file.
    public enum Kind: Sendable, Equatable {
        /// The file could not be read from disk (the system's reason attached). No line.
        case unreadableFile(reason: String)
        /// The file has no bytes, or only blank lines. No line.
        case emptyFile
        /// The bytes are not valid text in the encoding named (the one chosen by the
        /// byte-order mark, or GB18030 after strict UTF-8 failed). Line of the first bad byte.
        case undecodableText(DetectedTextEncoding)
        /// There is no `[地块坐标]` section. No line.
        case missingCoordinateSection
        /// `[地块坐标]` holds no parcel header. Line of the section header.
        case noParcels
        /// A section appears twice (`[属性描述]`) or after `[地块坐标]`, which must be last.
        case unexpectedSection(String)
        /// A point line comes before the first parcel header of `[地块坐标]`.
        case pointBeforeParcelHeader
        /// A point line does not have exactly 4 fields.
        case wrongPointFieldCount(Int)
        /// 圈号 is not an integer ≥ 1.
        case invalidRingNumber(String)
        /// X or Y (named by `field`) is not a finite number.
        case invalidCoordinate(field: String, text: String)
        /// A 圈号 comes back after another ring of the same parcel; its points must be
        /// consecutive. Line of the reappearing point; `firstLine` is where the ring began.
        case ringNumberReused(ringNumber: Int, firstLine: Int)
        /// A ring has fewer than 4 points after closing. Line of the ring's first point.
        case tooFewPoints(ringNumber: Int, count: Int)
        /// A parcel header is followed by no point line. Line of the header.
        case emptyParcel(id: String)
    }

    /// Creates an error.
    public init(source: String, line: Int?, kind: Kind) {
        self.source = source
        self.line = line
        self.kind = kind
    }

    /// `file:line: message`, or `file: message` when the error has no line.
    public var description: String { message(.en) }

    /// `file:line：message` in `language`.
    public func message(_ language: Language) -> String {
        let location = line.map { "\(source):\($0)" } ?? source
        return location + (language == .zh ? "：" : ": ") + what.text(language)
    }

    private var what: Bilingual {
        switch kind {
        case .unreadableFile(let reason):
            Bilingual("无法读取文件：\(reason)", "cannot read the file: \(reason)")
        case .emptyFile:
            Bilingual("文件为空", "the file is empty")
        case .undecodableText(let encoding):
            Bilingual("按 \(encoding) 解码时遇到无效字节；应为 GBK/GB18030、UTF-8，或带字节顺序标记的 UTF-16",
                      "invalid byte sequence for \(encoding); expected GBK/GB18030, UTF-8 or UTF-16 with a byte-order mark")
        case .missingCoordinateSection:
            Bilingual("缺少 [地块坐标] 节", "no [地块坐标] section")
        case .noParcels:
            Bilingual("[地块坐标] 中没有地块头（以 @ 结尾的行）", "[地块坐标] has no parcel header (a line ending with @)")
        case .unexpectedSection(let name):
            Bilingual("意外的节 [\(name)]：[属性描述] 只能出现一次，[地块坐标] 必须是最后一节",
                      "unexpected section [\(name)]: [属性描述] may appear once and [地块坐标] must be the last section")
        case .pointBeforeParcelHeader:
            Bilingual("界址点行出现在第一个地块头（以 @ 结尾的行）之前", "point line before the first parcel header (a line ending with @)")
        case .wrongPointFieldCount(let count):
            Bilingual("界址点行有 \(count) 个字段，应为 4 个（点号,圈号,X,Y）" + (count >= 7 ? "；若这是地块头，须以 @ 结尾" : ""),
                      "point line has \(count) fields, expected 4 (点号,圈号,X,Y)" + (count >= 7 ? "; if this is a parcel header, it must end with @" : ""))
        case .invalidRingNumber(let text):
            Bilingual("圈号“\(text)”不是 ≥ 1 的整数", "圈号 '\(text)' is not an integer ≥ 1")
        case .invalidCoordinate(let field, let text):
            Bilingual("\(field)“\(text)”不是有限数值", "\(field) '\(text)' is not a finite number")
        case .ringNumberReused(let ringNumber, let firstLine):
            Bilingual("圈号 \(ringNumber) 在另一圈之后再次出现（该圈始于第 \(firstLine) 行）；同一圈的界址点须连续",
                      "圈号 \(ringNumber) reappears after another ring (it began on line \(firstLine)); the points of a ring must be consecutive")
        case .tooFewPoints(let ringNumber, let count):
            Bilingual("圈号 \(ringNumber) 连同闭合点只有 \(count) 个点，至少需要 4 个",
                      "ring 圈号 \(ringNumber) has \(count) points including the closing point, at least 4 are needed")
        case .emptyParcel(let id):
            Bilingual("地块“\(id)”没有界址点", "parcel '\(id)' has no points")
        }
    }
}
