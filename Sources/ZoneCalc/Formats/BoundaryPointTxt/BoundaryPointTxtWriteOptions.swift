/// How ``BoundaryPointTxtWriter`` formats a file. The defaults produce what 报批 systems
/// expect (部标界址点坐标交换格式): 3 decimals, zone-prefixed eastings, `J1, J2 …`, GBK, CRLF.
public struct BoundaryPointTxtWriteOptions: Sendable, Equatable {
    /// How 点号 are written.
    public enum PointNaming: Sendable, Equatable {
        /// `J1`, `J2`, …
        case jPrefixed
        /// `1`, `2`, …
        case plainNumbers
    }

    /// The bytes the text is encoded to.
    public enum OutputEncoding: Sendable, Equatable {
        /// GBK (CP936), what upload systems read.
        case gbk
        /// UTF-8 without a byte-order mark.
        case utf8
        /// UTF-8 with the byte-order mark EF BB BF.
        case utf8WithBOM
    }

    /// The line break written after every line, the last one included.
    public enum LineEnding: Sendable, Equatable {
        /// `\r\n`, the Windows convention of the format.
        case crlf
        /// `\n`.
        case lf
    }

    /// Decimals of the coordinates (0…9); the area always has 4.
    public var decimals: Int
    /// Whether eastings carry the zone number (`39500000.000` rather than `500000.000`).
    public var includeZonePrefix: Bool
    /// How 点号 are written.
    public var pointNaming: PointNaming
    /// Whether each ring's numbering starts again at 1 (otherwise it continues across rings).
    public var restartNumberingPerRing: Bool
    /// The output encoding.
    public var encoding: OutputEncoding
    /// The line break.
    public var lineEnding: LineEnding
    /// `[属性描述]` values replacing the defaults (e.g. `数据产生单位`, `数据产生日期`, `坐标系`);
    /// keys that are not standard are appended in the given order. `带号` and `几度分带`
    /// come from the writer's arguments and cannot be overridden.
    public var attributeOverrides: [TxtKeyValue]

    /// Creates options; every argument has the default described on its property.
    public init(
        decimals: Int = 3,
        includeZonePrefix: Bool = true,
        pointNaming: PointNaming = .jPrefixed,
        restartNumberingPerRing: Bool = false,
        encoding: OutputEncoding = .gbk,
        lineEnding: LineEnding = .crlf,
        attributeOverrides: [TxtKeyValue] = []
    ) {
        self.decimals = decimals
        self.includeZonePrefix = includeZonePrefix
        self.pointNaming = pointNaming
        self.restartNumberingPerRing = restartNumberingPerRing
        self.encoding = encoding
        self.lineEnding = lineEnding
        self.attributeOverrides = attributeOverrides
    }
}
