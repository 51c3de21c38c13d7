/// What a quantity measures, which fixes its unit in reports.
public enum QuantityKind: String, Sendable {
    /// Land area: m² inside, shown in 公顷.
    case landArea
    /// Building floor or footprint area: m² inside, shown in 万m².
    case buildingArea
    /// Money, 万元.
    case money
    /// Persons.
    case persons

    /// The unit a report shows.
    public var unit: Bilingual {
        switch self {
        case .landArea: return Bilingual("公顷", "ha")
        case .buildingArea: return Bilingual(verbatim: "万m²")
        case .money: return Bilingual(verbatim: "万元")
        case .persons: return Bilingual("人", "persons")
        }
    }

    /// A stored value in the unit a report shows.
    public func shown(_ value: Double) -> Double {
        switch self {
        case .landArea, .buildingArea: return value / 10_000
        case .money, .persons: return value
        }
    }
}

/// A numerator or denominator of an indicator: its value and where it came from, or why it is missing.
public struct EvaluationQuantity: Sendable {
    /// Short symbol as in TD/T 1029-2010 (A, A2, A+B21, D, G, F_A …).
    public var symbol: String
    public var name: String
    public var kind: QuantityKind
    /// m² for areas, 万元 for money, persons; nil when it cannot be computed.
    public var value: Double?
    /// The layer, features and rule it came from (empty when the value is missing).
    public var source: Bilingual
    /// Why the value is missing: what to map or give.
    public var missing: Bilingual?

    public static func known(_ symbol: String, _ name: String, _ kind: QuantityKind, _ value: Double, source: Bilingual) -> EvaluationQuantity {
        EvaluationQuantity(symbol: symbol, name: name, kind: kind, value: value, source: source, missing: nil)
    }

    public static func unknown(_ symbol: String, _ name: String, _ kind: QuantityKind, reason: Bilingual) -> EvaluationQuantity {
        EvaluationQuantity(symbol: symbol, name: name, kind: kind, value: nil, source: Bilingual(verbatim: ""), missing: reason)
    }
}

/// One indicator's result.
public struct IndicatorResult: Sendable {
    public var definition: IndicatorDefinition
    public var numerator: EvaluationQuantity
    public var denominator: EvaluationQuantity
    /// The value in the definition's unit; nil when not computable.
    public var value: Double?
    /// Why there is no value: the numerator or denominator missing, and what to map or give.
    public var notComputable: Bilingual?
    /// The zone type's indicator set includes it (TD/T 1029-2010（2014年度试行）开发区类型).
    public var inZoneTypeSet: Bool
    /// Score 0–100 when the profile gives an ideal value and a weight.
    public var score: Double?
    public var weight: Double?
    /// The profile's ideal value, in the definition's unit, when it gives one with a weight.
    public var ideal: Double? = nil
    /// The ideal is a ceiling (a rate in %), not a target to reach.
    public var lowerIsBetter = false
}

/// The zone type with the shares it was decided on.
public struct ZoneTypeDecision: Sendable {
    public var type: ZoneType?
    /// A2/A and A1/A in %.
    public var industrialShare: Double?
    public var residentialShare: Double?
    /// How it was decided, or why it could not be.
    public var reason: Bilingual
}

/// The evaluation's total score, or why there is none.
public struct EvaluationScore: Sendable {
    public var total: Double?
    /// How the total was made, or why there is none.
    public var reason: Bilingual
    public var confirmed: Bool
    public var source: String
}

/// One row of the land account: an evaluation land status code with its area.
public struct LandStatusRow: Sendable {
    public var code: String
    public var name: String
    /// m².
    public var area: Double
    /// 三调 codes (and the rule that moved land into it) it came from.
    public var from: Bilingual
}

/// What `zonecalc evaluate` found.
public struct EvaluationReport: Sendable {
    public var zoneName: String
    public var zoneCode: String?
    public var asOf: String?
    public var method: AreaMethod
    public var crs: ResolvedCRS
    public var zoneArea: Double
    public var landStatus: [LandStatusRow]
    public var quantities: [EvaluationQuantity]
    public var zoneType: ZoneTypeDecision
    public var indicators: [IndicatorResult]
    public var score: EvaluationScore
    /// Data problems met on the way (unknown land-use codes, overlaps, land use not covering the zone…),
    /// then the frame's notes (datum changes, features left out).
    public var warnings: [Bilingual]
    public var profileSource: String
    public var landStatusSource: String
    /// Whether the land-use areas are net of 扣除地类 (三调 图斑地类面积) or gross.
    public var landStatusBasis: Bilingual?
}
