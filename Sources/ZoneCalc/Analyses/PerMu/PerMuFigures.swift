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

/// The per-mu indicators of 亩均效益综合评价 (and 单位电耗税收 for below-scale enterprises).
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

    /// The indicator in English words (the stable code is ``rawValue``).
    public var englishName: String {
        switch self {
        case .taxPerMu: return "tax per mu"
        case .valueAddedPerMu: return "value added per mu"
        case .revenuePerMu: return "revenue per mu"
        case .investmentPerMu: return "fixed-asset investment per mu"
        case .energyValueAdded: return "value added per unit of energy"
        case .emissionValueAdded: return "value added per unit of emissions"
        case .labourProductivity: return "labour productivity"
        case .rdShare: return "R&D spending share of revenue"
        case .taxPerElectricity: return "tax per unit of electricity"
        }
    }

    /// The indicator's name in a planner's language.
    public var label: Bilingual { Bilingual(name, englishName) }

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

    /// The figure divided, nil when missing. 营业收入 falls back to the output value (产值) when no
    /// revenue is given.
    public func numerator(_ f: PerMuFigures) -> Double? {
        switch self {
        case .taxPerMu, .taxPerElectricity: return f.tax
        case .valueAddedPerMu, .energyValueAdded, .emissionValueAdded, .labourProductivity: return f.valueAdded
        case .revenuePerMu: return f.revenue ?? f.output
        case .investmentPerMu: return f.investment
        case .rdShare: return f.rd
        }
    }

    /// The figure divided by, nil when missing or not positive (land in 亩).
    public func denominator(_ f: PerMuFigures) -> Double? {
        let value: Double?
        switch self {
        case .taxPerMu, .valueAddedPerMu, .revenuePerMu, .investmentPerMu: value = f.land > 0 ? f.mu : nil
        case .energyValueAdded: value = f.energy
        case .emissionValueAdded: value = f.emissions
        case .labourProductivity: value = f.employees
        case .rdShare: value = f.revenue ?? f.output
        case .taxPerElectricity: value = f.electricity
        }
        return value.flatMap { $0 > 0 ? $0 : nil }
    }

    /// The names of the figures a part must have to count.
    public var needs: Bilingual {
        switch self {
        case .taxPerMu: return Bilingual("税收", "税收 (tax)")
        case .valueAddedPerMu: return Bilingual("增加值", "增加值 (value added)")
        case .revenuePerMu: return Bilingual("营业收入/产值", "营业收入/产值 (revenue/output)")
        case .investmentPerMu: return Bilingual("固定资产投资", "固定资产投资 (fixed-asset investment)")
        case .energyValueAdded: return Bilingual("增加值和能耗", "增加值 and 能耗 (value added and energy)")
        case .emissionValueAdded: return Bilingual("增加值和排放", "增加值 and 排放 (value added and emissions)")
        case .labourProductivity: return Bilingual("增加值和从业人员", "增加值 and 从业人员 (value added and employees)")
        case .rdShare: return Bilingual("R&D经费和营业收入", "R&D经费 and 营业收入 (R&D spending and revenue)")
        case .taxPerElectricity: return Bilingual("税收和用电量", "税收 and 用电量 (tax and electricity)")
        }
    }

    /// The value for one parcel's or enterprise's figures, nil when a figure is missing or a divisor is 0.
    public func value(_ f: PerMuFigures) -> Double? { ratio(over: [[f]]).value }

    /// The ratio over groups of parts (an enterprise's parcels, or the zone's enterprises). A group that
    /// reports the figure counts: per unit of land, its figure over **all** its land (a parcel left blank
    /// does not shrink the land an enterprise holds); otherwise numerator and denominator summed over the
    /// same parts, those that have both. A group with no such part is left out, and counted.
    public func ratio(over groups: [[PerMuFigures]]) -> PerMuRatio {
        var ratio = PerMuRatio(indicator: self)
        for group in groups {
            var numerator = 0.0, denominator = 0.0, used = false
            for part in group {
                if perLand {
                    if let n = self.numerator(part) { numerator += n; used = true }
                    denominator += self.denominator(part) ?? 0
                } else if let n = self.numerator(part), let d = self.denominator(part) {
                    numerator += n; denominator += d
                    used = true
                }
            }
            if used, denominator > 0 {
                ratio.numerator += numerator; ratio.denominator += denominator; ratio.used += 1
            } else {
                ratio.leftOut += 1
            }
        }
        return ratio
    }
}

/// An indicator over a set of enterprises or parcels, with the sums it divides and how many were left out.
public struct PerMuRatio: Sendable, Equatable {
    public var indicator: PerMuIndicator
    /// Sums over the parts that have both figures.
    public var numerator = 0.0, denominator = 0.0
    /// Groups counted, and groups left out because none of their parts has both figures.
    public var used = 0, leftOut = 0

    public init(indicator: PerMuIndicator) { self.indicator = indicator }

    /// numerator / denominator (× 100 for a percentage), nil when nothing was counted.
    public var value: Double? {
        guard used > 0, denominator > 0 else { return nil }
        return numerator / denominator * (indicator == .rdShare ? 100 : 1)
    }

    /// Why groups were left out, e.g. "3 left out: no 增加值 and 排放 (value added and emissions)".
    public var leftOutNote: Bilingual? {
        leftOut == 0 ? nil : Bilingual("\(leftOut)个未计入：无\(indicator.needs.zh)", "\(leftOut) left out: no \(indicator.needs.en)")
    }
}
