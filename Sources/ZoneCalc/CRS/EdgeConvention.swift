/// How a ring's edges run between its vertices. The ellipsoidal area of 国土调查办发〔2008〕32号
/// integrates along the edges, so it depends on this: ZoneCalc takes every edge as straight in the
/// data's own coordinates, as the survey's software does for Gauss–Krüger data.
public enum EdgeConvention: Sendable, Equatable {
    /// Straight in a Gauss–Krüger plane (transverse Mercator, k = 1) with this false easting.
    case gaussKrugerPlane(falseEasting: Double)
    /// Straight in another projected plane; no error bound is known, so every edge is cut into strips.
    case otherPlane
    /// Straight in longitude and latitude (data in a geographic CRS).
    case longitudeLatitude

    /// The convention of data in `crs`.
    public init(_ crs: ResolvedCRS) {
        switch crs.kind {
        case .geographic: self = .longitudeLatitude
        case .gaussKruger(_, let falseEasting, _): self = .gaussKrugerPlane(falseEasting: falseEasting)
        case .otherProjected: self = .otherPlane
        }
    }

    /// One line for reports: along what the ellipsoidal area integrates.
    public var summary: String { explanation.en }

    /// The convention in both languages.
    public var explanation: Bilingual {
        switch self {
        case .gaussKrugerPlane: return Bilingual("边线为高斯平面直线", "edges straight in the Gauss–Krüger plane (边线为高斯平面直线)")
        case .otherPlane: return Bilingual("边线为投影平面直线", "edges straight in the layer's projected plane (边线为投影平面直线)")
        case .longitudeLatitude: return Bilingual("边线为经纬度直线", "edges straight in longitude/latitude (边线为经纬度直线)")
        }
    }
}
