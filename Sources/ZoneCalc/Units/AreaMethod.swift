/// How an area was computed. Every reported area names its method.
public enum AreaMethod: String, CaseIterable, Sendable, Codable {
    /// Shoelace area in the Gauss–Krüger plane (what cadastral and 报批 software report).
    case planar
    /// The national land-survey ellipsoidal area (国土调查办发〔2008〕32号, 三调 on CGCS2000):
    /// vertices inverse-projected, ellipsoidal trapezoids summed along edges cut into strips until the
    /// sum converges (``ConvergedEllipsoidalArea``).
    case ellipsoidal
    /// Karney's geodesic polygon area (PROJ `geod_polygonarea`), edges as geodesics.
    case geodesic

    /// A one-line description for reports.
    public var summary: String {
        switch self {
        case .planar: return "planar Gauss–Krüger area"
        case .ellipsoidal: return "ellipsoidal area, national land-survey formula (国土调查办发〔2008〕32号), converged strips"
        case .geodesic: return "geodesic area (Karney, PROJ geod_polygonarea)"
        }
    }

    /// The description for data in `crs`: for the ellipsoidal area, with the edge convention it integrates along.
    public func summary(in crs: ResolvedCRS) -> String {
        self == .ellipsoidal ? "\(summary), \(EdgeConvention(crs).summary)" : summary
    }
}
