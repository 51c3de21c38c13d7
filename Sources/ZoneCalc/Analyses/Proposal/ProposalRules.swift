import Foundation
import Yams

/// The thresholds of the expansion / adjustment check (`Rules/proposal-rules.yaml`, rules.md §6).
public struct ProposalRules: Sendable {
    /// A precondition on an evaluation indicator (rules.md §6.3): at least `min` or at most `max`.
    public struct Precondition: Sendable {
        public var indicator: String
        public var min: Double?
        public var max: Double?
    }

    public var overlapTolerance = 1.0
    public var maxCultivatedShare: Double?
    public var maxConstructionShare: Double?
    public var adjustmentTolerance = 1.0
    public var maxExpansionKm2: Double?
    public var maxExpansionSharePercent: Double?
    public var expansionLimitSource = ""
    public var preconditions: [Precondition] = []
    public var sliverWidth = 1.0
    public var sliverArea = 10.0
    public var spikeAngleDegrees = 1.0
    public var declaredAreaTolerancePercent = 0.5
    public var maxDistanceKm = 30.0
    public var source = "proposal-rules.yaml"

    public init() {}

    public static func load(_ files: RuleFiles) throws(ZoneCalcError) -> ProposalRules {
        let url = try files.url("proposal-rules.yaml")
        let (root, reader) = try NodeReader.document(at: url.path, what: "the proposal rules")
        let numbers = ["overlap_tolerance_m2", "max_cultivated_share", "max_construction_share", "adjustment_tolerance_m2",
                       "max_expansion_km2", "max_expansion_share_percent", "sliver_width_m", "sliver_area_m2", "spike_angle_degrees",
                       "declared_area_tolerance_percent", "max_distance_km"]
        let top = try reader.mapping(root, key: "(top level)", allowed: numbers + ["expansion_limit_source", "preconditions"])
        var values: [String: Double] = [:]
        for key in numbers {
            guard let value = try reader.optionalNumber(top[key], key: key) else { continue }
            guard value >= 0 else { throw reader.error(top[key]!, key, "must not be negative") }
            values[key] = value
        }
        var rules = ProposalRules()
        rules.overlapTolerance = values["overlap_tolerance_m2"] ?? rules.overlapTolerance
        rules.maxCultivatedShare = values["max_cultivated_share"]
        rules.maxConstructionShare = values["max_construction_share"]
        rules.adjustmentTolerance = values["adjustment_tolerance_m2"] ?? rules.adjustmentTolerance
        rules.maxExpansionKm2 = values["max_expansion_km2"]
        rules.maxExpansionSharePercent = values["max_expansion_share_percent"]
        rules.sliverWidth = values["sliver_width_m"] ?? rules.sliverWidth
        rules.sliverArea = values["sliver_area_m2"] ?? rules.sliverArea
        rules.spikeAngleDegrees = values["spike_angle_degrees"] ?? rules.spikeAngleDegrees
        rules.declaredAreaTolerancePercent = values["declared_area_tolerance_percent"] ?? rules.declaredAreaTolerancePercent
        rules.maxDistanceKm = values["max_distance_km"] ?? rules.maxDistanceKm
        rules.expansionLimitSource = top["expansion_limit_source"].flatMap(reader.text) ?? ""
        if let node = top["preconditions"], node.mapping != nil {
            for (id, entryNode) in try reader.mapping(node, key: "preconditions", allowed: IndicatorCatalogue.all.map(\.id)).ordered {
                let entry = try reader.mapping(entryNode, key: "preconditions.\(id)", allowed: ["min", "max"])
                let condition = Precondition(indicator: id, min: try reader.optionalNumber(entry["min"], key: "preconditions.\(id).min"),
                                             max: try reader.optionalNumber(entry["max"], key: "preconditions.\(id).max"))
                guard condition.min != nil || condition.max != nil else { throw reader.error(entryNode, "preconditions.\(id)", "give min or max") }
                rules.preconditions.append(condition)
            }
        }
        rules.source = url.lastPathComponent
        return rules
    }
}
