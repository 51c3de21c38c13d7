import Foundation
import Yams

/// The per-mu evaluation profile (`Rules/permu-profile.yaml`, 台州市黄岩区 2022 亩均效益综合评价): scoring schemes by
/// enterprise scale, A/B/C/D cut-offs, cap and minimum land.
public struct PerMuProfile: Sendable {
    public struct Weighted: Sendable {
        public var indicator: String
        public var weight: Double
        public var benchmark: Double
        /// Score a missing value with the average of the enterprises that have it (else 0).
        public var averageWhenMissing: Bool
    }

    public struct Scheme: Sendable {
        public var id: String
        public var name: String
        public var match: [String]
        public var indicators: [Weighted]
    }

    public struct Cutoff: Sendable {
        public var label: String
        public var minScore: Double
        public var meaning: String
    }

    public var schemes: [Scheme]
    /// Highest cut-off first.
    public var classes: [Cutoff]
    public var indicatorCap: Double?
    public var minimumLandMu: Double
    /// Land-use code prefixes of the parcels whose users are evaluated; empty = all.
    public var landUsePrefixes: [String]
    public var source: String
    public var file: String

    /// The scheme for an enterprise scale value: the first scheme when none is given, nil when a value
    /// matches no scheme.
    public func scheme(for scale: String?) -> Scheme? {
        guard let scale = scale?.trimmingCharacters(in: .whitespaces), !scale.isEmpty else { return schemes[0] }
        return schemes.first { $0.match.contains(scale) }
    }

    public func classify(_ score: Double) -> Cutoff? { classes.first { score >= $0.minScore } }

    public static func load(_ files: RuleFiles) throws(ZoneCalcError) -> PerMuProfile {
        // Layered key by key (bundled, province, project); every key must be given by some layer.
        let file = try LayeredRuleFile("permu-profile.yaml", files: files, what: "the per-mu profile",
                                       allowed: ["source", "schemes", "classes", "indicator_cap", "minimum_land_mu", "land_use_prefixes"])
        let (schemesNode, reader) = try file.required("schemes")
        var schemes: [Scheme] = []
        for (id, node) in try reader.mapping(schemesNode, key: "schemes", allowed: ["above_scale", "below_scale", "all"]).ordered {
            let key = "schemes.\(id)"
            let entry = try reader.mapping(node, key: key, allowed: ["name", "match", "indicators"])
            guard let indicatorsNode = entry["indicators"] else { throw reader.error(node, "\(key).indicators", Bilingual("缺少", "missing")) }
            var weighted: [Weighted] = []
            for (indicator, itemNode) in try reader.mapping(indicatorsNode, key: "\(key).indicators", allowed: PerMuIndicator.allCases.map(\.rawValue)).ordered {
                let itemKey = "\(key).indicators.\(indicator)"
                let item = try reader.mapping(itemNode, key: itemKey, allowed: ["weight", "benchmark", "missing"])
                let benchmark = try reader.number(item["benchmark"], key: "\(itemKey).benchmark", in: itemNode)
                guard benchmark > 0 else { throw reader.error(itemNode, "\(itemKey).benchmark", Bilingual("应大于 0", "must be above 0")) }
                let missing = item["missing"].flatMap(reader.text)
                guard missing == nil || missing == "average" || missing == "zero" else {
                    throw reader.error(itemNode, "\(itemKey).missing", Bilingual("“\(missing!)”应为 average 或 zero", "'\(missing!)' must be average or zero"))
                }
                weighted.append(Weighted(indicator: indicator, weight: try reader.number(item["weight"], key: "\(itemKey).weight", in: itemNode),
                                         benchmark: benchmark, averageWhenMissing: missing == "average"))
            }
            schemes.append(Scheme(id: id, name: entry["name"].flatMap(reader.text) ?? id,
                                  match: entry["match"]?.sequence?.compactMap(reader.text) ?? [], indicators: weighted))
        }
        guard !schemes.isEmpty else { throw reader.error(schemesNode, "schemes", Bilingual("请至少给出一个方案", "give at least one scheme")) }
        var classes: [Cutoff] = []
        let (node, classReader) = try file.required("classes")
        do {
            let reader = classReader
            guard let items = node.sequence else { throw reader.error(node, "classes", Bilingual("应为 { class, min_score } 列表", "expected a list of { class, min_score }")) }
            for item in items {
                let entry = try reader.mapping(item, key: "classes", allowed: ["class", "min_score", "meaning"])
                guard let label = entry["class"].flatMap(reader.text) else { throw reader.error(item, "classes.class", Bilingual("缺少", "missing")) }
                classes.append(Cutoff(label: label, minScore: try reader.number(entry["min_score"], key: "classes.min_score", in: item),
                                      meaning: entry["meaning"].flatMap(reader.text) ?? ""))
            }
        }
        return PerMuProfile(schemes: schemes, classes: classes.sorted { $0.minScore > $1.minScore },
                            indicatorCap: try file.number("indicator_cap", Bilingual("≥ 0 的数值", "a number ≥ 0")) { $0 >= 0 },
                            minimumLandMu: try file.requiredNumber("minimum_land_mu", Bilingual("≥ 0 的亩数", "a number of 亩 ≥ 0")) { $0 >= 0 },
                            landUsePrefixes: try prefixes(file), source: try file.text("source"), file: file.source)
    }

    private static func prefixes(_ file: LayeredRuleFile) throws(ZoneCalcError) -> [String] {
        let (node, reader) = try file.required("land_use_prefixes")
        guard let items = node.sequence else { throw reader.error(node, "land_use_prefixes", Bilingual("应为代码前缀列表", "expected a list of code prefixes")) }
        return items.compactMap(reader.text)
    }
}
