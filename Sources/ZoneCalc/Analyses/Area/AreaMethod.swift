/// How an area was computed. Every reported area names its method.
public enum AreaMethod: String, CaseIterable, Sendable, Codable {
    /// Shoelace area in the Gauss–Krüger plane (what cadastral and 报批 software report).
    case planar
    /// The national land-survey ellipsoidal area (国土调查办发〔2008〕32号, 三调 on CGCS2000):
    /// vertices inverse-projected, ellipsoidal trapezoids summed along edges.
    case ellipsoidal
    /// Karney's geodesic polygon area (PROJ `geod_polygonarea`), edges as geodesics.
    case geodesic

    /// A one-line description for reports.
    public var summary: String {
        switch self {
        case .planar: return "planar Gauss–Krüger area"
        case .ellipsoidal: return "ellipsoidal area, national land-survey formula (国土调查办发〔2008〕32号)"
        case .geodesic: return "geodesic area (Karney, PROJ geod_polygonarea)"
        }
    }
}
