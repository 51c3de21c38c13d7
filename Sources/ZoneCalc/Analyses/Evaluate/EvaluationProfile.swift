import Foundation
import Yams

/// The evaluation's rule profile (`Rules/evaluation-profile.yaml`): zone-type thresholds, the
/// indicators each zone type reports, and the ideal values and weights for scoring.
public struct EvaluationProfile: Sendable {
    /// How an indicator is standardised for scoring.
    public enum Direction: String, Sendable {
        /// Higher is better: min(value / ideal, 1) × 100.
        case positive
        /// Lower is better (a rate in %): 100 at or below the ideal, falling linearly to 0 at 100 %.
        case negative
    }

    public struct Scoring: Sendable {
        public var ideal: Double?
        public var weight: Double?
        public var direction: Direction
    }

    /// 工业主导型 when A2/A exceeds this share (%) …
    public var industrialShareAbove: Double
    /// … and A1/A is below this share (%).
    public var residentialShareBelow: Double
    public var zoneTypeSource: String
    /// Zone type (工业主导型 / 产城融合型) → indicator ids it reports.
    public var indicatorSets: [String: [String]]
    public var scoring: [String: Scoring]
    /// False while the ideal values and weights are not confirmed against the official text.
    public var scoringConfirmed: Bool
    public var scoringSource: String
    /// The file the profile came from, for reports.
    public var source: String

    public static func load(_ files: RuleFiles) throws(ZoneCalcError) -> EvaluationProfile {
        // Layered key by key (bundled, province, project); every key must be given by some layer.
        let file = try LayeredRuleFile("evaluation-profile.yaml", files: files, what: "the evaluation profile",
                                       allowed: ["zone_type", "indicator_sets", "scoring"])
        let (zoneTypeNode, reader) = try file.required("zone_type")
        let zoneType = try reader.mapping(zoneTypeNode, key: "zone_type", allowed: ["industrial_share_above", "residential_share_below", "source"])
        let industrial = try reader.number(zoneType["industrial_share_above"], key: "zone_type.industrial_share_above", in: zoneTypeNode)
        let residential = try reader.number(zoneType["residential_share_below"], key: "zone_type.residential_share_below", in: zoneTypeNode)
        var sets: [String: [String]] = [:]
        do {
            let (setsNode, reader) = try file.required("indicator_sets")
            let entries = try reader.mapping(setsNode, key: "indicator_sets", allowed: ZoneType.reportedTypes.map(\.rawValue))
            for (name, node) in entries.ordered {
                guard let sequence = node.sequence else { throw reader.error(node, "indicator_sets.\(name)", Bilingual("应为指标编号列表", "expected a list of indicator ids")) }
                var ids: [String] = []
                for item in sequence {
                    guard let id = reader.text(item), IndicatorCatalogue.definition(id) != nil else {
                        throw reader.error(item, "indicator_sets.\(name)", Bilingual("未知指标；应为以下之一：\(IndicatorCatalogue.all.map(\.id).joined(separator: "、"))",
                                                                                  "unknown indicator; expected one of: \(IndicatorCatalogue.all.map(\.id).joined(separator: ", "))"))
                    }
                    ids.append(id)
                }
                sets[name] = ids
            }
        }
        var scoring: [String: Scoring] = [:], confirmed = false, scoringSource = ""
        do {
            let (scoringNode, reader) = try file.required("scoring")
            let entries = try reader.mapping(scoringNode, key: "scoring", allowed: ["confirmed", "source", "indicators"])
            confirmed = entries["confirmed"].flatMap(reader.text) == "true"
            scoringSource = entries["source"].flatMap(reader.text) ?? ""
            if let indicators = entries["indicators"] {
                for (id, node) in try reader.mapping(indicators, key: "scoring.indicators", allowed: IndicatorCatalogue.all.map(\.id)).ordered {
                    let key = "scoring.indicators.\(id)"
                    let values = try reader.mapping(node, key: key, allowed: ["ideal", "weight", "direction"])
                    let directionText = values["direction"].flatMap(reader.text) ?? "positive"
                    guard let direction = Direction(rawValue: directionText) else {
                        throw reader.error(node, "\(key).direction", Bilingual("“\(directionText)”应为 positive 或 negative", "'\(directionText)' must be positive or negative"))
                    }
                    scoring[id] = Scoring(ideal: try reader.optionalNumber(values["ideal"], key: "\(key).ideal"),
                                          weight: try reader.optionalNumber(values["weight"], key: "\(key).weight"),
                                          direction: direction)
                }
            }
        }
        return EvaluationProfile(industrialShareAbove: industrial, residentialShareBelow: residential,
                                 zoneTypeSource: zoneType["source"].flatMap(reader.text) ?? "", indicatorSets: sets, scoring: scoring,
                                 scoringConfirmed: confirmed, scoringSource: scoringSource, source: file.source)
    }
}

extension NodeReader {
    /// A required number.
    func number(_ node: Node?, key: String, in parent: Node) throws(ZoneCalcError) -> Double {
        guard let node else { throw error(parent, key, Bilingual("缺少：请给出数值", "missing: give a number")) }
        guard let value = try optionalNumber(node, key: key) else { throw error(node, key, Bilingual("缺少：请给出数值", "missing: give a number")) }
        return value
    }

    /// A number, or nil when the value is left empty.
    func optionalNumber(_ node: Node?, key: String) throws(ZoneCalcError) -> Double? {
        guard let node, let text = text(node), !text.isEmpty else { return nil }
        guard let value = Double(text), value.isFinite else { throw error(node, key, Bilingual("“\(text)”不是数值", "'\(text)' is not a number")) }
        return value
    }
}
