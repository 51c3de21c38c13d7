/// The economic figures of a parcel, an enterprise or the zone, with the land they use.
public struct PerMuFigures: Sendable, Equatable {
    /// 万元.
    public var tax, valueAdded, revenue, output, investment, rd: Double?
    /// 吨标煤, 吨, persons, 万kWh.
    public var energy, emissions, employees, electricity: Double?
    /// m² of land, by the project's area method.
    public var land = 0.0

    public init() {}

    /// Adds `other` scaled by `share` (a value missing on both sides stays missing).
    public mutating func add(_ other: PerMuFigures, share: Double = 1) {
        func sum(_ a: Double?, _ b: Double?) -> Double? { b.map { (a ?? 0) + $0 * share } ?? a }
        tax = sum(tax, other.tax); valueAdded = sum(valueAdded, other.valueAdded); revenue = sum(revenue, other.revenue)
        output = sum(output, other.output); investment = sum(investment, other.investment); rd = sum(rd, other.rd)
        energy = sum(energy, other.energy); emissions = sum(emissions, other.emissions)
        employees = sum(employees, other.employees); electricity = sum(electricity, other.electricity)
        land += other.land * share
    }

    /// Land in 亩.
    public var mu: Double { AreaUnit.mu.value(ofSquareMetres: land) }
}

/// The per-mu indicators of rules.md §5.1 (and 单位电耗税收 for below-scale enterprises).
public enum PerMuIndicator: String, CaseIterable, Sendable {
    case taxPerMu = "tax_per_mu"
    case valueAddedPerMu = "value_added_per_mu"
    case revenuePerMu = "revenue_per_mu"
    case investmentPerMu = "investment_per_mu"
    case energyValueAdded = "energy_value_added"
    case emissionValueAdded = "emission_value_added"
    case labourProductivity = "labour_productivity"
    case rdShare = "rd_share"
    case taxPerElectricity = "tax_per_electricity"

    public var name: String {
        switch self {
        case .taxPerMu: return "亩均税收"
        case .valueAddedPerMu: return "亩均增加值"
        case .revenuePerMu: return "亩均营业收入"
        case .investmentPerMu: return "亩均固定资产投资"
        case .energyValueAdded: return "单位能耗增加值"
        case .emissionValueAdded: return "单位排放增加值"
        case .labourProductivity: return "全员劳动生产率"
        case .rdShare: return "R&D经费支出占营业收入比重"
        case .taxPerElectricity: return "单位电耗税收"
        }
    }

    public var unit: String {
        switch self {
        case .taxPerMu, .valueAddedPerMu, .revenuePerMu, .investmentPerMu: return "万元/亩"
        case .energyValueAdded: return "万元/吨标煤"
        case .emissionValueAdded: return "万元/吨"
        case .labourProductivity: return "万元/人"
        case .rdShare: return "%"
        case .taxPerElectricity: return "万元/万kWh"
        }
    }

    /// Whether the indicator is per unit of land (shown also per 公顷 for zones).
    public var perLand: Bool { [.taxPerMu, .valueAddedPerMu, .revenuePerMu, .investmentPerMu].contains(self) }

    /// The value for some figures, nil when a figure is missing or a divisor is 0. 营业收入 falls back to
    /// the output value (产值) when no revenue is given.
    public func value(_ f: PerMuFigures) -> Double? {
        func divide(_ a: Double?, _ b: Double?) -> Double? {
            guard let a, let b, b > 0 else { return nil }
            return a / b
        }
        let mu = f.land > 0 ? f.mu : nil
        switch self {
        case .taxPerMu: return divide(f.tax, mu)
        case .valueAddedPerMu: return divide(f.valueAdded, mu)
        case .revenuePerMu: return divide(f.revenue ?? f.output, mu)
        case .investmentPerMu: return divide(f.investment, mu)
        case .energyValueAdded: return divide(f.valueAdded, f.energy)
        case .emissionValueAdded: return divide(f.valueAdded, f.emissions)
        case .labourProductivity: return divide(f.valueAdded, f.employees)
        case .rdShare: return divide(f.rd, f.revenue ?? f.output).map { $0 * 100 }
        case .taxPerElectricity: return divide(f.tax, f.electricity)
        }
    }
}
