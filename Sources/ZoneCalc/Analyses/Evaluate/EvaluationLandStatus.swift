import Foundation

/// The land status codes of the development-zone evaluation survey (评价用地分类, TD/T 1029-2010 评价用地分类) and
/// the groups the indicators use.
public enum EvaluationGroup: String, Sendable, CaseIterable {
    /// 已建成城镇建设用地 (A1…A6).
    case built = "A"
    /// 已建成农村建设用地 and other land (B1, B2).
    case other = "B"
    /// 不可建设土地 (C1…C3).
    case unbuildable = "C"

    /// The group of an evaluation code: its first letter.
    public init?(code: String) {
        guard let first = code.first, let group = EvaluationGroup(rawValue: String(first)) else { return nil }
        self = group
    }
}

/// Maps 三调 land-use codes to evaluation land status codes (A1, A2, A31 … B21, B22, C1), read from
/// `Rules/evaluation-land-status.csv` (a working definition, TD/T 1029-2010 评价用地分类（待核实）).
public struct EvaluationLandStatus: Sendable {
    /// 三调 code or level-one code → evaluation code.
    public let codes: [String: String]
    public let source: String
    let classes: LandClassTable

    /// The evaluation codes ZoneCalc knows, with their names (TD/T 1029-2010 评价用地分类).
    public static let names: [String: String] = [
        "A1": "住宅用地", "A2": "工矿仓储用地", "A31": "街巷用地", "A32": "其他交通运输用地", "A4": "商服用地",
        "A51": "公园与绿地", "A52": "其他公共管理与公共服务用地", "A6": "其他城镇建设用地",
        "B11": "已建成农村工矿仓储用地", "B12": "其他已建成农村建设用地",
        "B21": "已达到供地条件的其他土地", "B22": "未达到供地条件的其他土地",
        "C1": "河湖及其蓄滞洪区土地", "C2": "自然、生态保护区土地", "C3": "其他不可建设土地",
    ]

    public static func load(_ files: RuleFiles, classes: LandClassTable) throws(ZoneCalcError) -> EvaluationLandStatus {
        let table = try LayeredRuleTable("evaluation-land-status.csv", files: files, columns: 4, header: "sandiao_code,evaluation_code,tag,note")
        var codes: [String: String] = [:]
        for row in table.rows {
            guard names[row.fields[1]] != nil else {
                throw .invalidArgument(Bilingual("\(row.location)：“\(row.fields[1])”不是评价用地状况代码；请用 \(names.keys.sorted().joined(separator: "、")) 之一",
                                                 "\(row.location): '\(row.fields[1])' is not an evaluation code; use one of \(names.keys.sorted().joined(separator: ", "))"))
            }
            codes[row.fields[0]] = row.fields[1]
        }
        return EvaluationLandStatus(codes: codes, source: table.source, classes: classes)
    }

    /// The evaluation code of a 三调 code: as given, without a K/A suffix, as the 三调 class of a
    /// merged GB/T 21010 code, then by its level-one code; nil when none matches.
    public func code(for landUse: String) -> String? {
        let trimmed = landUse.trimmingCharacters(in: .whitespaces)
        if let found = codes[trimmed] { return found }
        let resolved = classes.lookup(trimmed)?.code ?? trimmed
        if let found = codes[resolved] { return found }
        return resolved.count >= 2 ? codes[String(resolved.prefix(2))] : nil
    }
}
