/// A vertex of a ring to write, in a Gauss–Krüger plane, in metres, **without** the zone
/// prefix: the easting has the false easting 500 000 m of the central-meridian-only CRSs
/// (CGCS2000 3°: EPSG 4534–4554, 6°: EPSG 4502–4512), so it lies in 0 … 1 000 000. The
/// writer adds the prefix.
///
/// Named `easting`/`northing` on purpose: the txt writes northing first (X) and GEOS uses
/// x = easting, so "x" and "y" would be ambiguous here.
public struct BoundaryVertex: Sendable, Equatable {
    /// Easting in metres, no zone prefix.
    public var easting: Double
    /// Northing in metres.
    public var northing: Double

    /// Creates a vertex.
    public init(easting: Double, northing: Double) {
        self.easting = easting
        self.northing = northing
    }
}

/// One polygon of a parcel: an outer boundary and its holes (扣除), already told apart by the
/// caller. Rings may be given closed (first == last) or open, in either orientation.
public struct BoundaryPolygonPart: Sendable, Equatable {
    /// The outer boundary.
    public var exterior: [BoundaryVertex]
    /// The holes inside `exterior`.
    public var holes: [[BoundaryVertex]]

    /// Creates a polygon part.
    public init(exterior: [BoundaryVertex], holes: [[BoundaryVertex]] = []) {
        self.exterior = exterior
        self.holes = holes
    }
}

/// A parcel to write: the header's text fields and the polygon parts. 界址点数, 地块面积 and
/// 记录图形属性 (`面`) are produced by the writer.
public struct BoundaryParcelInput: Sendable, Equatable {
    /// 地块编号.
    public var id: String
    /// 地块名称.
    public var name: String
    /// 图幅号.
    public var mapSheet: String
    /// 地块用途.
    public var landUse: String
    /// 地类编码.
    public var landClassCode: String
    /// The polygons, written in order: part 1's exterior gets 圈号 1, its holes 2, 3 …, then
    /// part 2's exterior, and so on.
    public var parts: [BoundaryPolygonPart]

    /// Creates a parcel.
    public init(id: String, name: String, mapSheet: String = "", landUse: String = "", landClassCode: String = "",
                parts: [BoundaryPolygonPart]) {
        self.id = id
        self.name = name
        self.mapSheet = mapSheet
        self.landUse = landUse
        self.landClassCode = landClassCode
        self.parts = parts
    }
}
