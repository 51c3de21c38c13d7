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

    /// What a table or ledger column calls an area by this method: 椭球面积, 平面面积, 测地线面积.
    public var areaName: Bilingual {
        switch self {
        case .planar: return Bilingual("平面面积", "planar area")
        case .ellipsoidal: return Bilingual("椭球面积", "ellipsoidal area")
        case .geodesic: return Bilingual("测地线面积", "geodesic area")
        }
    }

    /// A one-line description for reports.
    public var summary: String { explanation.en }

    /// The one-line description in both languages.
    public var explanation: Bilingual {
        switch self {
        case .planar: return Bilingual("高斯-克吕格平面面积", "planar Gauss–Krüger area")
        case .ellipsoidal: return Bilingual("椭球面积，国土调查椭球面积公式（国土调查办发〔2008〕32号），分带计算至收敛",
                                            "ellipsoidal area, national land-survey formula (国土调查办发〔2008〕32号), converged strips")
        case .geodesic: return Bilingual("测地线面积（Karney 算法，PROJ geod_polygonarea）", "geodesic area (Karney, PROJ geod_polygonarea)")
        }
    }

    /// The description for data in `crs`, in `language`: for the ellipsoidal area, with the edge convention it integrates along.
    public func summary(in crs: ResolvedCRS, language: Language = .en) -> String {
        let text = explanation.text(language)
        guard self == .ellipsoidal else { return text }
        return text + (language == .zh ? "，" : ", ") + EdgeConvention(crs).explanation.text(language)
    }
}
