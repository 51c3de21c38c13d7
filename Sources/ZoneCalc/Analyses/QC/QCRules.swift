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
    /// What each check looks for, in both languages: the one place the check titles are kept.
    public static let titles: [String: Bilingual] = [
        "G01": Bilingual("几何无效", "invalid geometry"), "G02": Bilingual("空几何", "empty geometry"),
        "G03": Bilingual("环的点数过少", "ring with too few points"), "G04": Bilingual("环未闭合", "ring not closed"),
        "G05": Bilingual("连续重复点", "repeated consecutive points"), "G06": Bilingual("尖角", "spike"),
        "G07": Bilingual("细碎图斑", "sliver"), "G08": Bilingual("不是面", "not a polygon"),
        "G09": Bilingual("坐标为 NaN 或无穷大", "NaN or infinite coordinate"), "G10": Bilingual("几何无法检查", "geometry could not be checked"),
        "G11": Bilingual("曲线或复合几何已转换", "curved or composite geometry converted"),
        "T01": Bilingual("宗地重叠", "parcels overlap"), "T02": Bilingual("几何重复", "duplicate geometry"),
        "T03": Bilingual("宗地位于另一宗内", "parcel inside another"), "T04": Bilingual("宗地间缝隙", "gap between parcels"),
        "Z01": Bilingual("部分位于开发区范围外", "partly outside the zone"), "Z02": Bilingual("完全位于开发区范围外", "wholly outside the zone"),
        "A01": Bilingual("必填字段缺失或为空", "required field missing or empty"), "A02": Bilingual("编号重复", "duplicate id"),
        "A03": Bilingual("地类编码不在地类表中", "land-use code not in the code list"), "A04": Bilingual("申报面积不符", "declared area differs"),
        "A05": Bilingual("日期无法识别", "date not readable"), "A06": Bilingual("日期先后颠倒", "dates out of order"),
        "A07": Bilingual("数值为负", "negative number"),
        "C01": Bilingual("坐标超出坐标系范围", "coordinates outside the CRS's range"), "C02": Bilingual("东坐标与北坐标颠倒", "easting and northing swapped"),
        "C03": Bilingual("带号与坐标系矛盾", "zone prefix contradicts the CRS"), "C04": Bilingual("没有可用的坐标系", "no usable CRS"),
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
    /// The files layered, for reports: "Rules/qc-rules.yaml" (the copy inside ZoneCalc), then the project's
    /// copy and the `--rules` file by their paths, joined by " + ".
    public var source = "Rules/qc-rules.yaml"

    public func on(_ code: String) -> Bool { enabled.contains(code) }
    public func severity(_ code: String) -> QCSeverity { severities[code] ?? .warning }

    /// The bundled rule set, then the project's `qc-rules.yaml` and the file at `path` on top of it: a file
    /// changes only the checks and tolerances it names.
    public static func load(path: String?, files: RuleFiles) throws(ZoneCalcError) -> QCRules {
        let bundled = try RuleFiles().url("qc-rules.yaml").path
        var rules = try QCRules().applying(bundled)
        var names = ["Rules/qc-rules.yaml"]
        let project = try files.url("qc-rules.yaml").path
        if project != bundled { rules = try rules.applying(project); names.append(project) }
        if let path { rules = try rules.applying(path); names.append(path) }
        rules.source = names.joined(separator: " + ")
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
        return rules
    }
}
