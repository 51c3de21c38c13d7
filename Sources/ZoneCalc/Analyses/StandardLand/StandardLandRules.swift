import Foundation
import Yams

/// When a control indicator is checked (标准地 practice).
public enum Checkpoint: String, Sendable, CaseIterable {
    /// At completion (竣工验收): plot ratio, building coverage, office share, green ratio, investment.
    case completion
    /// At full production (达产复核): tax and output per mu.
    case production
    /// Every year once producing: energy and emission efficiency.
    case annual

    /// The checkpoint in a planner's words (the stable code is ``rawValue``).
    public var chineseName: String {
        switch self {
        case .completion: return "竣工验收"
        case .production: return "达产复核"
        case .annual: return "年度复核"
        }
    }
}

/// How an achieved value is held to the agreed one.
public enum Comparator: String, Sendable {
    case atLeast = ">="
    case atMost = "<="

    public func holds(_ achieved: Double, _ agreed: Double) -> Bool {
        self == .atLeast ? achieved >= agreed : achieved <= agreed
    }
}

/// One control indicator of industrial land or standard land.
public struct ControlIndicator: Sendable {
    public var id: String
    public var name: String
    public var unit: String
    public var comparator: Comparator
    public var checkpoint: Checkpoint
    public var source: String
}

/// The standard-land rule profile: indicators (`Rules/standard-land.yaml`), the 2008 national
/// thresholds for industrial parcels without agreed values, the minimum floor-area ratio by industry
/// (`Rules/industrial-floor-area-ratio.csv`) and, when the user supplies one, investment intensity by
/// region class and industry (`investment-intensity.csv` in the project's rules folder).
public struct StandardLandRules: Sendable {
    /// The indicator ids, in report order (also the ZoneCalc field suffix: agreed_<id>).
    public static let ids = ["investment_intensity", "floor_area_ratio", "building_coverage", "green_ratio", "office_share",
                             "tax_per_mu", "output_per_mu", "energy_value_added", "emission_value_added"]

    public var indicators: [ControlIndicator]
    /// Indicator id → threshold for industrial parcels, with where it comes from ("national: 国土资发…",
    /// or the rule profile that replaced the national values).
    public var industrialDefaults: [String: (value: Double, source: Bilingual)]
    /// Two-digit industry code → (industry, minimum floor-area ratio, where the row comes from).
    public var floorAreaRatioByIndustry: [String: (industry: String, value: Double, source: Bilingual)]
    /// "region class|industry code" → minimum investment, 万元/亩; empty when not supplied.
    public var investmentByRegionAndIndustry: [String: Double]
    public var source: String

    public func indicator(_ id: String) -> ControlIndicator? { indicators.first { $0.id == id } }

    /// The two-digit division of a GB/T 4754 industry code, a leading section letter dropped (C3911 → 39).
    public static func division(_ code: String) -> String { String(code.drop { $0.isLetter }.prefix(2)) }

    public static func load(_ files: RuleFiles) throws(ZoneCalcError) -> StandardLandRules {
        // Layered key by key (bundled, province, project); both keys must be given by some layer.
        let file = try LayeredRuleFile("standard-land.yaml", files: files, what: "the standard-land rules",
                                       allowed: ["indicators", "industrial_defaults"])
        let (indicatorsNode, reader) = try file.required("indicators")
        var indicators: [ControlIndicator] = []
        for (id, node) in try reader.mapping(indicatorsNode, key: "indicators", allowed: ids).ordered {
            let key = "indicators.\(id)"
            let entry = try reader.mapping(node, key: key, allowed: ["name", "unit", "comparator", "checkpoint", "source"])
            let comparatorText = entry["comparator"].flatMap(reader.text) ?? ""
            guard let comparator = Comparator(rawValue: comparatorText) else {
                throw reader.error(node, "\(key).comparator", Bilingual("“\(comparatorText)”应为 >= 或 <=", "'\(comparatorText)' must be >= or <="))
            }
            let checkpointText = entry["checkpoint"].flatMap(reader.text) ?? ""
            guard let checkpoint = Checkpoint(rawValue: checkpointText) else {
                throw reader.error(node, "\(key).checkpoint", Bilingual("“\(checkpointText)”应为 completion、production 或 annual", "'\(checkpointText)' must be completion, production or annual"))
            }
            indicators.append(ControlIndicator(id: id, name: entry["name"].flatMap(reader.text) ?? id, unit: entry["unit"].flatMap(reader.text) ?? "",
                                               comparator: comparator, checkpoint: checkpoint, source: entry["source"].flatMap(reader.text) ?? ""))
        }
        var defaults: [String: (value: Double, source: Bilingual)] = [:]
        let (defaultsNode, defaultsReader) = try file.required("industrial_defaults")
        if defaultsNode.mapping != nil {
            let reader = defaultsReader, node = defaultsNode
            for (id, entryNode) in try reader.mapping(node, key: "industrial_defaults", allowed: ids).ordered {
                let key = "industrial_defaults.\(id)"
                let entry = try reader.mapping(entryNode, key: key, allowed: ["value", "source"])
                let source = entry["source"].flatMap(reader.text) ?? ""
                let layer = file.layerName(giving: "industrial_defaults")
                defaults[id] = (try reader.number(entry["value"], key: "\(key).value", in: entryNode),
                                file.givenBeyondNational("industrial_defaults") ? Bilingual("\(layer)：\(source)", "\(layer): \(source)")
                                                                                 : Bilingual("国家标准：\(source)", "national: \(source)"))
            }
        }
        var ratios: [String: (industry: String, value: Double, source: Bilingual)] = [:]
        let ratioTable = try LayeredRuleTable("industrial-floor-area-ratio.csv", files: files, columns: 4,
                                              header: "industry_code,industry,min_floor_area_ratio,tag")
        for row in ratioTable.rows {
            guard let value = Double(row.fields[2]) else { throw .invalidArgument(Bilingual("\(row.location)：“\(row.fields[2])”不是数值", "\(row.location): '\(row.fields[2])' is not a number")) }
            let industry = "\(row.fields[0]) \(row.fields[1])"
            let source = row.isNational ? Bilingual("国家标准：国土资发〔2008〕24号 表2，\(industry)", "national: 国土资发〔2008〕24号 Table 2, \(industry)")
                : Bilingual("\(row.layer) 第\(row.line)行：\(industry)", "\(row.layer) line \(row.line): \(industry)")
            ratios[row.fields[0]] = (row.fields[1], value, source)
        }
        var investment: [String: Double] = [:]
        if let folder = files.folder {
            let path = (folder as NSString).appendingPathComponent("investment-intensity.csv")
            if FileManager.default.fileExists(atPath: path) {
                for (line, fields) in try LandClassTable.rows(URL(fileURLWithPath: path), columns: 3, expected: "region_class,industry_code,min_wanyuan_per_mu") {
                    guard let value = Double(fields[2]) else { throw .invalidArgument(Bilingual("\(path):\(line)：“\(fields[2])”不是数值", "\(path):\(line): '\(fields[2])' is not a number")) }
                    investment["\(fields[0])|\(fields[1])"] = value
                }
            }
        }
        return StandardLandRules(indicators: indicators, industrialDefaults: defaults, floorAreaRatioByIndustry: ratios,
                                 investmentByRegionAndIndustry: investment, source: file.source + "; " + ratioTable.source)
    }
}
