/// Something the reader accepted but corrected or found suspicious (部标界址点坐标交换格式).
public struct BoundaryPointTxtWarning: Sendable, Equatable, CustomStringConvertible {
    /// The 1-based line concerned; `nil` when the warning is about the whole file.
    public var line: Int?
    /// The stable code, e.g. `BPT-W-UNCLOSED-RING`.
    public var code: Code
    /// A sentence for people, in both languages.
    public var message: Bilingual

    /// The stable warning codes; `rawValue` is the code shown to users.
    public enum Code: String, Sendable, Equatable, CaseIterable {
        /// Text before the first `[section]`; ignored.
        case outsideSection = "BPT-W-OUTSIDE-SECTION"
        /// A section between `[属性描述]` and `[地块坐标]`; kept with the leading sections.
        case sectionOrder = "BPT-W-SECTION-ORDER"
        /// No `[属性描述]` section.
        case missingAttributes = "BPT-W-MISSING-ATTRIBUTES"
        /// A section line without `=`; ignored.
        case notKeyValue = "BPT-W-NOT-KEY-VALUE"
        /// 带号 or 几度分带 is not a number the reader understands; ignored.
        case attributeValue = "BPT-W-ATTRIBUTE-VALUE"
        /// 转换参数 holds non-zero parameters; they are ignored (部标界址点坐标交换格式).
        case transformationParameters = "BPT-W-TRANSFORMATION-PARAMETERS"
        /// Full-width comma `，` read as `,`.
        case fullWidthComma = "BPT-W-FULLWIDTH-COMMA"
        /// A parcel header with an unusual field count (7 fields, or not 8/10/13).
        case headerFieldCount = "BPT-W-HEADER-FIELD-COUNT"
        /// A header field holds a field name (DKMC, DLBM …) instead of a value; taken as empty.
        case headerPlaceholder = "BPT-W-HEADER-PLACEHOLDER"
        /// 界址点数 or 地块面积 is not a number; taken as unknown.
        case headerNotNumber = "BPT-W-HEADER-NOT-NUMBER"
        /// 记录图形属性 is not `面`.
        case geometryKind = "BPT-W-GEOMETRY-KIND"
        /// 界址点数 differs from the number of point lines that follow.
        case pointCount = "BPT-W-POINT-COUNT"
        /// 圈号 values are not 1, 2, 3 … in order of appearance.
        case ringNumberOrder = "BPT-W-RING-NUMBER-ORDER"
        /// A ring's last point differs from its first; the reader closed it.
        case unclosedRing = "BPT-W-UNCLOSED-RING"
        /// A point repeats the previous point's coordinates; kept.
        case duplicatePoint = "BPT-W-DUPLICATE-POINT"
        /// X and Y were swapped (easting first); the reader swapped them back.
        case swappedAxes = "BPT-W-SWAPPED-XY"
        /// Some points are easting-first and others northing-first.
        case mixedAxisOrder = "BPT-W-MIXED-AXIS-ORDER"
        /// No coordinate looks like a Gauss–Krüger northing/easting in China.
        case unrecognisedCoordinates = "BPT-W-UNRECOGNISED-COORDINATES"
        /// Eastings carry different zone prefixes, or only some carry one.
        case mixedZonePrefix = "BPT-W-MIXED-ZONE-PREFIX"
        /// 带号 contradicts the easting prefix; the prefix wins.
        case zoneMismatch = "BPT-W-ZONE-MISMATCH"
        /// Eastings carry no zone prefix; the zone comes from 带号 alone.
        case noZonePrefix = "BPT-W-NO-ZONE-PREFIX"
        /// Neither a prefix nor 带号 gives the zone.
        case zoneUnknown = "BPT-W-ZONE-UNKNOWN"
        /// The zone number is in neither 25–45 (3°) nor 13–23 (6°).
        case zoneOutOfRange = "BPT-W-ZONE-OUT-OF-RANGE"
        /// 几度分带 contradicts the width implied by the zone number; the zone number wins.
        case zoneWidthMismatch = "BPT-W-ZONE-WIDTH-MISMATCH"
    }

    /// Creates a warning.
    public init(line: Int?, code: Code, message: Bilingual) {
        self.line = line
        self.code = code
        self.message = message
    }

    /// `line N: CODE message`, or `CODE message` for a file-level warning, in English.
    public var description: String { text(.en) }

    /// `第 N 行：CODE 说明` / `line N: CODE message`; the code is the same in both.
    public var bilingual: Bilingual {
        let location = line.map { Bilingual("第 \($0) 行：", "line \($0): ") } ?? Bilingual(verbatim: "")
        return location + Bilingual(verbatim: "\(code.rawValue) ") + message
    }

    /// ``bilingual`` in `language`.
    public func text(_ language: Language) -> String { bilingual.text(language) }
}
