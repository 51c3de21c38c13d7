/// The contents of a 部标 boundary-point coordinate txt (界址点坐标交换格式), as read.
///
/// Coordinates are Gauss–Krüger metres exactly as written in the file (after the reader has
/// corrected swapped columns): `northing` is the file's X, `easting` the file's Y, and an
/// easting keeps its zone prefix when the file has one (`hasZonePrefix`). The format is
/// 部标界址点坐标交换格式; zone numbers by the national 3°/6° grids.
///
/// ```swift
/// let result = try BoundaryPointTxtReader.read(contentsOf: url)
/// for parcel in result.document.parcels { print(parcel.id, parcel.rings.count) }
/// ```
public struct BoundaryPointDocument: Sendable, Equatable {
    /// Sections that precede `[属性描述]` (e.g. `[项目信息]`), in file order.
    public var leadingSections: [TxtSection]
    /// The `[属性描述]` entries in file order, unknown keys included.
    public var attributes: [TxtKeyValue]
    /// The parcels of `[地块坐标]` in file order.
    public var parcels: [BoundaryParcel]
    /// The Gauss–Krüger zone number: the easting prefix when the eastings carry one,
    /// otherwise `带号`; `nil` when neither is known.
    public var zoneNumber: Int?
    /// The zone width in degrees (3 or 6): implied by `zoneNumber` (25–45 → 3, 13–23 → 6),
    /// otherwise `几度分带`; `nil` when neither is known.
    public var zoneWidth: Int?
    /// The `坐标系` value (e.g. `2000国家大地坐标系`), `nil` when absent or empty.
    public var coordinateSystemName: String?
    /// Whether the eastings carry the zone number (`40520986.477` = zone 40, 520 986.477 m).
    public var hasZonePrefix: Bool

    /// Creates a document.
    public init(
        leadingSections: [TxtSection] = [],
        attributes: [TxtKeyValue] = [],
        parcels: [BoundaryParcel] = [],
        zoneNumber: Int? = nil,
        zoneWidth: Int? = nil,
        coordinateSystemName: String? = nil,
        hasZonePrefix: Bool = false
    ) {
        self.leadingSections = leadingSections
        self.attributes = attributes
        self.parcels = parcels
        self.zoneNumber = zoneNumber
        self.zoneWidth = zoneWidth
        self.coordinateSystemName = coordinateSystemName
        self.hasZonePrefix = hasZonePrefix
    }

    /// The value of the first `[属性描述]` entry named `key`, or `nil`.
    public func attribute(_ key: String) -> String? {
        attributes.first { $0.key == key }?.value
    }
}

/// One parcel (地块) of `[地块坐标]`: its header fields and its rings.
///
/// The header's 界址点数 and 地块面积 are kept as declared and never trusted (部标界址点坐标交换格式):
/// the reader warns when the point count disagrees; the caller compares the area with its own.
public struct BoundaryParcel: Sendable, Equatable {
    /// 界址点数 as declared, `nil` when blank or not a number.
    public var declaredPointCount: Int?
    /// 地块面积 in hectares (公顷) as declared, `nil` when blank or not a number.
    public var declaredAreaHectares: Double?
    /// Decimals 地块面积 was written with (4 for "0.0430"), `nil` when it is not a plain decimal number.
    public var declaredAreaDecimals: Int?
    /// 地块编号.
    public var id: String
    /// 地块名称.
    public var name: String
    /// 记录图形属性, `面` for parcels.
    public var geometryKind: String
    /// 图幅号, often empty.
    public var mapSheet: String
    /// 地块用途, often empty.
    public var landUse: String
    /// 地类编码, often empty.
    public var landClassCode: String
    /// Header fields that have no named slot, in file order: the five 土地整治 fields of
    /// ``ParcelHeaderVariant/landConsolidation``, the 行政区代码 and 村名 of
    /// ``ParcelHeaderVariant/zhejiangProvincial``, or whatever follows 地类编码 otherwise.
    public var extraFields: [String]
    /// Which header layout the line had.
    public var headerVariant: ParcelHeaderVariant
    /// 1-based line number of the header in the file.
    public var line: Int
    /// The rings in order of appearance, each closed.
    public var rings: [BoundaryRing]

    /// Creates a parcel.
    public init(
        declaredPointCount: Int? = nil,
        declaredAreaHectares: Double? = nil,
        declaredAreaDecimals: Int? = nil,
        id: String = "",
        name: String = "",
        geometryKind: String = "面",
        mapSheet: String = "",
        landUse: String = "",
        landClassCode: String = "",
        extraFields: [String] = [],
        headerVariant: ParcelHeaderVariant = .standard,
        line: Int,
        rings: [BoundaryRing] = []
    ) {
        self.declaredPointCount = declaredPointCount
        self.declaredAreaHectares = declaredAreaHectares
        self.declaredAreaDecimals = declaredAreaDecimals
        self.id = id
        self.name = name
        self.geometryKind = geometryKind
        self.mapSheet = mapSheet
        self.landUse = landUse
        self.landClassCode = landClassCode
        self.extraFields = extraFields
        self.headerVariant = headerVariant
        self.line = line
        self.rings = rings
    }
}

/// The layouts of a parcel header line (部标界址点坐标交换格式), told apart by their field count
/// (the trailing `@` not counted).
public enum ParcelHeaderVariant: Sendable, Equatable {
    /// 8 fields: 界址点数,地块面积,地块编号,地块名称,记录图形属性,图幅号,地块用途,地类编码.
    case standard
    /// 7 fields (one empty field missing, "7 commas"); 地类编码 is taken as empty.
    case sevenField
    /// 13 fields (土地整治/补充耕地): the standard 8, then 图斑类型, 地类, 改造前质量等别,
    /// 改造后质量等别, 备注 (kept in `extraFields`).
    case landConsolidation
    /// 10 fields (浙江 报省部标): 界址点数, 地块面积, then 行政区代码 and 村名 (kept in
    /// `extraFields`), then the standard fields from 地块编号 on.
    case zhejiangProvincial
    /// Any other field count; fields are mapped by standard position, the rest kept as extras.
    case other(fieldCount: Int)
}

/// A ring (圈) of one parcel: the points sharing one 圈号, closed (first == last coordinates).
///
/// Whether a ring is an outer boundary, a hole or another part is not decided here: 圈号
/// only groups points (部标界址点坐标交换格式); the caller decides geometrically.
public struct BoundaryRing: Sendable, Equatable {
    /// 圈号, ≥ 1.
    public var ringNumber: Int
    /// The points in file order; the last repeats the first point's coordinates.
    public var points: [BoundaryPoint]

    /// Creates a ring.
    public init(ringNumber: Int, points: [BoundaryPoint]) {
        self.ringNumber = ringNumber
        self.points = points
    }
}

/// One boundary point (界址点) line: `点号,圈号,X,Y`.
public struct BoundaryPoint: Sendable, Equatable {
    /// 点号 as written (`J1`, `J01`, `1` …); not unique.
    public var name: String
    /// 圈号, ≥ 1.
    public var ringNumber: Int
    /// X, the Gauss–Krüger northing in metres.
    public var northing: Double
    /// Y, the Gauss–Krüger easting in metres, with the zone prefix if the file has one.
    public var easting: Double
    /// 1-based line number in the file. A closing point added by the reader is a copy of
    /// the ring's first point and carries that point's line.
    public var line: Int

    /// Creates a point.
    public init(name: String, ringNumber: Int, northing: Double, easting: Double, line: Int) {
        self.name = name
        self.ringNumber = ringNumber
        self.northing = northing
        self.easting = easting
        self.line = line
    }
}
