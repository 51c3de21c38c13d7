import Foundation
import Yams

/// How serious a finding is.
public enum QCSeverity: String, Sendable, CaseIterable, Comparable {
    case info
    case warning
    case error

    public static func < (a: QCSeverity, b: QCSeverity) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// The catalogue of checks: stable codes with their meaning (Docs/qc.md).
public enum QCCatalogue {
    public static let titles: [String: String] = [
        "G01": "invalid geometry", "G02": "empty geometry", "G03": "ring with too few points", "G04": "ring not closed",
        "G05": "repeated consecutive points", "G06": "spike", "G07": "sliver", "G08": "not a polygon", "G09": "NaN or infinite coordinate", "G10": "geometry could not be checked", "G11": "curved or composite geometry converted",
        "T01": "parcels overlap", "T02": "duplicate geometry", "T03": "parcel inside another", "T04": "gap between parcels",
        "Z01": "partly outside the zone", "Z02": "wholly outside the zone",
        "A01": "required field missing or empty", "A02": "duplicate id", "A03": "land-use code not in the code list",
        "A04": "declared area differs", "A05": "date not readable", "A06": "dates out of order", "A07": "negative number",
        "C01": "coordinates outside the CRS's range", "C02": "easting and northing swapped", "C03": "zone prefix contradicts the CRS",
        "C04": "no usable CRS",
    ]
}

/// The QC rule set (`Rules/qc-rules.yaml`, or `--rules FILE`).
public struct QCRules: Sendable {
    public var severities: [String: QCSeverity] = [:]
    public var enabled: Set<String> = []
    // The values come only from the rule files (bundled, project, --rules); `load` checks every one was given.
    public var overlapArea = Double.nan
    public var outsideArea = Double.nan
    public var sliverThinness = Double.nan
    public var sliverArea = Double.nan
    public var spikeAngle = Double.nan
    public var repeatedPointDistance = Double.nan
    public var declaredAreaPercent = Double.nan
    /// T04: uncovered land narrower than this mean width (m) is a gap between parcels.
    public var gapWidth = Double.nan
    /// T04: smaller uncovered bits (m²) are coordinate noise, not gaps.
    public var gapMinArea = Double.nan
    public var requiredFields: [String] = []
    /// The keys the files gave ("checks.G01.enabled", "tolerances.sliver_area_m2", "required_fields").
    private var given: Set<String> = []
    static let toleranceKeys = ["overlap_area_m2", "outside_area_m2", "sliver_thinness", "sliver_area_m2", "spike_angle_degrees",
                                "repeated_point_distance_m", "declared_area_percent", "gap_width_m", "gap_min_area_m2"]
    public var source = "qc-rules.yaml"

    public func on(_ code: String) -> Bool { enabled.contains(code) }
    public func severity(_ code: String) -> QCSeverity { severities[code] ?? .warning }

    /// The bundled rule set, then the project's `qc-rules.yaml` and the file at `path` on top of it: a file
    /// changes only the checks and tolerances it names.
    public static func load(path: String?, files: RuleFiles) throws(ZoneCalcError) -> QCRules {
        let bundled = try RuleFiles().url("qc-rules.yaml").path
        var rules = try QCRules().applying(bundled)
        let project = try files.url("qc-rules.yaml").path
        if project != bundled { rules = try rules.applying(project) }
        if let path { rules = try rules.applying(path) }
        let needed = QCCatalogue.titles.keys.sorted().flatMap { ["checks.\($0).enabled", "checks.\($0).severity"] }
            + toleranceKeys.map { "tolerances.\($0)" } + ["required_fields"]
        if let missing = needed.first(where: { !rules.given.contains($0) }) {
            throw .projectFile(path: [bundled, project, path].compactMap { $0 }.joined(separator: ", "), line: nil, key: missing,
                               message: Bilingual("qc-rules.yaml 的各层都没有给出这一项；请在规则集中补上", "no layer of qc-rules.yaml gives this key; add it to the rule set"))
        }
        return rules
    }

    /// These rules with the entries of the file at `file` applied.
    func applying(_ file: String) throws(ZoneCalcError) -> QCRules {
        let (root, reader) = try NodeReader.document(at: file, what: "the QC rule set")
        let top = try reader.mapping(root, key: "(top level)", allowed: ["checks", "tolerances", "required_fields"])
        var rules = self
        if let checks = top["checks"] {
            for (code, node) in try reader.mapping(checks, key: "checks", allowed: QCCatalogue.titles.keys.sorted()).ordered {
                let entry = try reader.mapping(node, key: "checks.\(code)", allowed: ["enabled", "severity"])
                if let text = entry["enabled"].flatMap(reader.text) {
                    guard let enabled = Bool(text) else { throw reader.error(node, "checks.\(code).enabled", Bilingual("应为 true 或 false", "must be true or false")) }
                    if enabled { rules.enabled.insert(code) } else { rules.enabled.remove(code) }
                    rules.given.insert("checks.\(code).enabled")
                }
                if let text = entry["severity"].flatMap(reader.text) {
                    guard let severity = QCSeverity(rawValue: text) else {
                        throw reader.error(node, "checks.\(code).severity", Bilingual("“\(text)”应为 error、warning 或 info", "'\(text)' must be error, warning or info"))
                    }
                    rules.severities[code] = severity
                    rules.given.insert("checks.\(code).severity")
                }
            }
        }
        if let node = top["tolerances"] {
            let entries = try reader.mapping(node, key: "tolerances", allowed: Self.toleranceKeys)
            func value(_ key: String, _ current: Double) throws(ZoneCalcError) -> Double {
                guard let number = try reader.optionalNumber(entries[key], key: "tolerances.\(key)") else { return current }
                guard number >= 0 else { throw reader.error(entries[key]!, "tolerances.\(key)", Bilingual("不能为负", "must not be negative")) }
                rules.given.insert("tolerances.\(key)")
                return number
            }
            rules.overlapArea = try value("overlap_area_m2", rules.overlapArea)
            rules.outsideArea = try value("outside_area_m2", rules.outsideArea)
            rules.sliverThinness = try value("sliver_thinness", rules.sliverThinness)
            rules.sliverArea = try value("sliver_area_m2", rules.sliverArea)
            rules.spikeAngle = try value("spike_angle_degrees", rules.spikeAngle)
            rules.repeatedPointDistance = try value("repeated_point_distance_m", rules.repeatedPointDistance)
            rules.declaredAreaPercent = try value("declared_area_percent", rules.declaredAreaPercent)
            rules.gapWidth = try value("gap_width_m", rules.gapWidth)
            rules.gapMinArea = try value("gap_min_area_m2", rules.gapMinArea)
        }
        if let node = top["required_fields"] {
            guard let items = node.sequence else { throw reader.error(node, "required_fields", Bilingual("应为字段名列表", "expected a list of field names")) }
            rules.requiredFields = items.compactMap(reader.text)
            rules.given.insert("required_fields")
        }
        rules.source = (file as NSString).lastPathComponent
        return rules
    }
}
