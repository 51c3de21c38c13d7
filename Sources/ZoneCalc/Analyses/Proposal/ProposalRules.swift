import Foundation
import Yams

/// The thresholds of the expansion / adjustment check (`Rules/proposal-rules.yaml`).
public struct ProposalRules: Sendable {
    /// A precondition on an evaluation indicator: at least `min` or at most `max`.
    public struct Precondition: Sendable {
        public var indicator: String
        public var min: Double?
        public var max: Double?
    }

    public var overlapTolerance: Double
    public var maxCultivatedShare: Double?
    public var maxConstructionShare: Double?
    public var adjustmentTolerance: Double
    public var maxExpansionKm2: Double?
    public var maxExpansionSharePercent: Double?
    public var expansionLimitSource: String
    /// Whether a province's profile or the project's gives the expansion limits (the national file has none).
    public var expansionLimitGiven = false
    /// The project's province, for reasons.
    public var province: String?
    public var preconditions: [Precondition] = []
    public var sliverWidth: Double
    public var sliverArea: Double
    public var spikeAngleDegrees: Double
    public var declaredAreaTolerancePercent: Double
    public var maxDistanceKm: Double
    /// The files the values came from.
    public var source: String

    /// Reads the layered `proposal-rules.yaml` (bundled, then the project's copy, key by key); every key
    /// must be given by some layer.
    public static func load(_ files: RuleFiles) throws(ZoneCalcError) -> ProposalRules {
        let numbers = ["overlap_tolerance_m2", "max_cultivated_share", "max_construction_share", "adjustment_tolerance_m2",
                       "max_expansion_km2", "max_expansion_share_percent", "sliver_width_m", "sliver_area_m2", "spike_angle_degrees",
                       "declared_area_tolerance_percent", "max_distance_km"]
        let file = try LayeredRuleFile("proposal-rules.yaml", files: files, what: "the proposal rules",
                                       allowed: numbers + ["expansion_limit_source", "preconditions"])
        func limit(_ key: String) throws(ZoneCalcError) -> Double? { try file.number(key, Bilingual("≥ 0 的数值", "a number ≥ 0")) { $0 >= 0 } }
        func value(_ key: String) throws(ZoneCalcError) -> Double { try file.requiredNumber(key, Bilingual("≥ 0 的数值", "a number ≥ 0")) { $0 >= 0 } }
        var rules = ProposalRules(
            overlapTolerance: try value("overlap_tolerance_m2"), maxCultivatedShare: try limit("max_cultivated_share"),
            maxConstructionShare: try limit("max_construction_share"), adjustmentTolerance: try value("adjustment_tolerance_m2"),
            maxExpansionKm2: try limit("max_expansion_km2"), maxExpansionSharePercent: try limit("max_expansion_share_percent"),
            expansionLimitSource: try file.text("expansion_limit_source"), sliverWidth: try value("sliver_width_m"),
            sliverArea: try value("sliver_area_m2"), spikeAngleDegrees: try value("spike_angle_degrees"),
            declaredAreaTolerancePercent: try value("declared_area_tolerance_percent"), maxDistanceKm: try value("max_distance_km"),
            source: file.source)
        rules.expansionLimitGiven = file.givenBeyondNational("max_expansion_km2") || file.givenBeyondNational("max_expansion_share_percent")
        rules.province = files.province
        let (node, reader) = try file.required("preconditions")
        if node.mapping != nil {
            for (id, entryNode) in try reader.mapping(node, key: "preconditions", allowed: IndicatorCatalogue.all.map(\.id)).ordered {
                let entry = try reader.mapping(entryNode, key: "preconditions.\(id)", allowed: ["min", "max"])
                let condition = Precondition(indicator: id, min: try reader.optionalNumber(entry["min"], key: "preconditions.\(id).min"),
                                             max: try reader.optionalNumber(entry["max"], key: "preconditions.\(id).max"))
                guard condition.min != nil || condition.max != nil else { throw reader.error(entryNode, "preconditions.\(id)", Bilingual("请给出 min 或 max", "give min or max")) }
                rules.preconditions.append(condition)
            }
        }
        return rules
    }
}
