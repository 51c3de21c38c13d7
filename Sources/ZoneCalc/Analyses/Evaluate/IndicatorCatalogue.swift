/// How an indicator's value follows from its numerator and denominator.
public enum IndicatorScale: String, Sendable {
    /// numerator / denominator × 100, in %.
    case percent
    /// numerator / denominator (both m²).
    case ratio
    /// numerator / denominator in 公顷.
    case perHectare
}

/// One indicator of the development-zone land-intensity evaluation (TD/T 1029-2010 指标).
public struct IndicatorDefinition: Sendable {
    public var id: String
    public var name: String
    public var english: String
    public var unit: String
    /// The formula in the quantities' symbols (the same in both languages) or names.
    public var formula: Bilingual
    /// Symbols of the quantities divided.
    public var numerator: String
    public var denominator: String
    public var scale: IndicatorScale
    /// Where the formula comes from.
    public var rule: String
}

/// The indicators of TD/T 1029-2010 指标, numbered as there.
public enum IndicatorCatalogue {
    public static let all: [IndicatorDefinition] = [
        .init(id: "land_development_rate", name: "土地开发率", english: "land development rate", unit: "%",
              formula: Bilingual(verbatim: "(A + B21) / (A + B) × 100 %"), numerator: "A+B21", denominator: "A+B", scale: .percent, rule: "TD/T 1029-2010 指标 #1（部分核实）"),
        .init(id: "land_supply_rate", name: "土地供应率", english: "land supply rate", unit: "%",
              formula: Bilingual(verbatim: "D / (A + B21) × 100 %"), numerator: "D", denominator: "A+B21", scale: .percent, rule: "TD/T 1029-2010 指标 #2（部分核实）"),
        .init(id: "land_built_rate", name: "土地建成率", english: "land built rate", unit: "%",
              formula: Bilingual(verbatim: "A / D × 100 %"), numerator: "A", denominator: "D", scale: .percent, rule: "TD/T 1029-2010 指标 #3（部分核实）"),
        .init(id: "industrial_land_rate", name: "工业用地率", english: "industrial land share", unit: "%",
              formula: Bilingual(verbatim: "A2 / A × 100 %"), numerator: "A2", denominator: "A", scale: .percent, rule: "TD/T 1029-2010 指标 #4（部分核实）"),
        .init(id: "high_tech_land_rate", name: "高新技术产业用地率", english: "high-tech industry land share", unit: "%",
              formula: Bilingual(verbatim: "(H1 + H2) / A × 100 %"), numerator: "H", denominator: "A", scale: .percent, rule: "TD/T 1029-2010 指标 #5（部分核实）"),
        .init(id: "floor_area_ratio", name: "综合容积率", english: "overall floor-area ratio", unit: "",
              formula: Bilingual("A 上建筑面积 / A", "floor area on A / A"), numerator: "F_A", denominator: "A", scale: .ratio, rule: "TD/T 1029-2010 指标 #6（部分核实）"),
        .init(id: "building_density", name: "建筑密度", english: "building density", unit: "%",
              formula: Bilingual("A 上建筑基底面积 / A × 100 %", "building footprint on A / A × 100 %"), numerator: "P_A", denominator: "A", scale: .percent, rule: "TD/T 1029-2010 指标 #7（部分核实）"),
        .init(id: "industrial_floor_area_ratio", name: "工业用地综合容积率", english: "industrial floor-area ratio", unit: "",
              formula: Bilingual("A2 上建筑面积 / A2", "floor area on A2 / A2"), numerator: "F_A2", denominator: "A2", scale: .ratio, rule: "TD/T 1029-2010 指标 #8（部分核实）"),
        .init(id: "industrial_building_coverage", name: "工业用地建筑系数", english: "industrial building coverage", unit: "%",
              formula: Bilingual("A2 上建筑基底面积 / A2 × 100 %", "building footprint on A2 / A2 × 100 %"), numerator: "P_A2", denominator: "A2", scale: .percent, rule: "TD/T 1029-2010 指标 #9（部分核实）"),
        .init(id: "industrial_investment_intensity", name: "工业用地固定资产投入强度", english: "industrial fixed-asset investment per hectare",
              unit: "万元/公顷", formula: Bilingual("工业企业累计固定资产投资 / A2", "industrial fixed-asset investment / A2"), numerator: "I_ind", denominator: "A2",
              scale: .perHectare, rule: "TD/T 1029-2010 指标 #10（部分核实）"),
        .init(id: "industrial_tax_per_area", name: "工业用地地均税收", english: "industrial tax per hectare", unit: "万元/公顷",
              formula: Bilingual("工业企业税收 / A2", "industrial tax / A2"), numerator: "T_ind", denominator: "A2", scale: .perHectare, rule: "TD/T 1029-2010 指标 #11（部分核实）"),
        .init(id: "tax_per_area", name: "综合地均税收", english: "tax per hectare of built land", unit: "万元/公顷",
              formula: Bilingual("二三产业税收总额 / A", "tax of secondary and tertiary industry / A"), numerator: "T_all", denominator: "A", scale: .perHectare,
              rule: "TD/T 1029-2010 指标 #12（部分核实）"),
        .init(id: "population_density", name: "人口密度", english: "population density", unit: "人/公顷",
              formula: Bilingual("常住人口 / A", "resident population / A"), numerator: "POP", denominator: "A", scale: .perHectare, rule: "TD/T 1029-2010 指标 #13（部分核实）"),
        .init(id: "industrial_output_intensity", name: "工业用地产出强度", english: "industrial output per hectare", unit: "万元/公顷",
              formula: Bilingual("工业企业营业收入 / A2", "industrial revenue / A2"), numerator: "R_ind", denominator: "A2", scale: .perHectare, rule: "TD/T 1029-2010 指标 #14（名称已核实）"),
        .init(id: "high_tech_output_intensity", name: "高新技术产业用地产出强度", english: "high-tech output per hectare", unit: "万元/公顷",
              formula: Bilingual("高新技术产业营业收入 / (H1 + H2)", "high-tech industry revenue / (H1 + H2)"), numerator: "R_ht", denominator: "H", scale: .perHectare,
              rule: "TD/T 1029-2010 指标 #15（名称已核实）"),
        .init(id: "idle_land_rate", name: "土地闲置率", english: "idle land rate", unit: "%",
              formula: Bilingual(verbatim: "G / D × 100 %"), numerator: "G", denominator: "D", scale: .percent, rule: "TD/T 1029-2010 指标 #16（部分核实）"),
    ]

    public static func definition(_ id: String) -> IndicatorDefinition? { all.first { $0.id == id } }

    /// The value of an indicator from its numerator and denominator (m², 万元 or persons).
    static func value(_ definition: IndicatorDefinition, numerator: Double, denominator: Double) -> Double {
        switch definition.scale {
        case .percent: return numerator / denominator * 100
        case .ratio: return numerator / denominator
        case .perHectare: return numerator / (denominator / 10_000)
        }
    }
}
