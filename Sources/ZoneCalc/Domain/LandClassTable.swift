import Foundation

/// The three major land categories of the 三调 roll-up (表A.4).
public enum LandCategory: String, Sendable, CaseIterable {
    case agricultural = "农用地"
    case construction = "建设用地"
    case unused = "未利用地"
}

/// One land-use class of the 三调 work classification.
public struct LandClass: Sendable, Equatable {
    public var code: String
    public var name: String
    public var levelOneCode: String
    public var levelOneName: String
    public var category: LandCategory
    /// Confidence tag of the source: C confirmed, P partly confirmed, U unconfirmed.
    public var tag: String
}

/// The land-use code list with its three-category roll-up, read from a rules file
/// (`Rules/sandiao-land-classes.csv`, TD/T 1055-2019 附录A) so that users can correct or extend it.
public struct LandClassTable: Sendable {
    public let classes: [String: LandClass]
    /// GB/T 21010 codes that 三调 merges into one of its classes (0502 → 05H1 …).
    public let merged: [String: String]
    /// Where the table came from, for reports.
    public let source: String

    /// 耕地 = 0101 + 0102 + 0103 (TD/T 1055-2019 附录A).
    public static let cultivatedCodes: Set<String> = ["0101", "0102", "0103"]

    /// The table shipped with ZoneCalc.
    public static func bundled() throws(ZoneCalcError) -> LandClassTable {
        guard let url = Bundle.module.url(forResource: "sandiao-land-classes", withExtension: "csv", subdirectory: "Rules"),
              let mergedURL = Bundle.module.url(forResource: "gbt21010-merged-codes", withExtension: "csv", subdirectory: "Rules") else {
            throw .invalidArgument(Bilingual("本安装缺少内置的三调地类表", "the bundled 三调 land-class tables are missing from this installation"))
        }
        return try load(url, merged: mergedURL, source: "Rules/\(url.lastPathComponent)")
    }

    /// Reads a table: `#` lines are comments; a header row `code,name,level1,level1_name,category,tag`.
    /// Reads the class table and, optionally, the table of merged GB/T codes; `source` names it in reports
    /// (by default its file name).
    public static func load(_ url: URL, merged mergedURL: URL? = nil, source: String? = nil) throws(ZoneCalcError) -> LandClassTable {
        var classes: [String: LandClass] = [:]
        for (line, fields) in try rows(url, columns: 6, expected: "code,name,level1,level1_name,category,tag") {
            guard let category = LandCategory(rawValue: fields[4]) else {
                throw .invalidArgument(Bilingual("\(url.path):\(line)：三大类应为农用地、建设用地或未利用地，而不是“\(fields[4])”",
                                                 "\(url.path):\(line): the category must be 农用地, 建设用地 or 未利用地, not '\(fields[4])'"))
            }
            classes[fields[0]] = LandClass(code: fields[0], name: fields[1], levelOneCode: fields[2], levelOneName: fields[3],
                                           category: category, tag: fields[5])
        }
        var merged: [String: String] = [:]
        if let mergedURL {
            for (_, fields) in try rows(mergedURL, columns: 4, expected: "gbt_code,gbt_name,sandiao_code,tag") { merged[fields[0]] = fields[2] }
        }
        return LandClassTable(classes: classes, merged: merged, source: source ?? url.lastPathComponent)
    }

    /// The data rows of a rules CSV (after `#` comments and the header), with their line numbers.
    /// Lines may end in LF or CRLF (as Excel writes them) and the file may start with a BOM; the header
    /// must be `expected`, and a first column may not repeat — each is an error naming the file and line.
    static func rows(_ url: URL, columns: Int, expected: String) throws(ZoneCalcError) -> [(Int, [String])] {
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw .fileNotFound(path: url.path) }
        guard var text = String(data: data, encoding: .utf8) else {
            throw .invalidArgument(Bilingual("\(url.path)：不是 UTF-8 文本；请另存为 UTF-8（Excel 中选“CSV UTF-8”）", "\(url.path): is not UTF-8 text; save it as UTF-8 (in Excel: CSV UTF-8)"))
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var rows: [(Int, [String])] = [], sawHeader = false, firstLine: [String: Int] = [:]
        for (number, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            if !sawHeader {
                guard fields.joined(separator: ",") == expected else {
                    throw .invalidArgument(Bilingual("\(url.path):\(number + 1)：第一行必须是表头 \(expected)", "\(url.path):\(number + 1): the first line must be the header \(expected)"))
                }
                sawHeader = true
                continue
            }
            guard fields.count == columns else { throw .invalidArgument(Bilingual("\(url.path):\(number + 1)：应有 \(columns) 列：\(expected)", "\(url.path):\(number + 1): expected \(columns) columns: \(expected)")) }
            if let earlier = firstLine[fields[0]] {
                throw .invalidArgument(Bilingual("\(url.path):\(number + 1)：\(fields[0]) 已在第 \(earlier) 行给出；每个代码只保留一行", "\(url.path):\(number + 1): \(fields[0]) is already given on line \(earlier); keep one row per code"))
            }
            firstLine[fields[0]] = number + 1
            rows.append((number + 1, fields))
        }
        return rows
    }

    /// The class of a code; a trailing K (可调整) or A (sub-type) falls back to its parent code
    /// (0201K → 0201, 08H2A → 08H2, 1104A → 1104), and a GB/T 21010 code that 三调 merges goes to
    /// its 三调 class (0502 → 05H1).
    public func lookup(_ code: String) -> LandClass? {
        if let found = classes[code] { return found }
        let trimmed = code.trimmingCharacters(in: .whitespaces)
        if let found = classes[trimmed] { return found }
        if let last = trimmed.last, last == "K" || last == "A", let parent = classes[String(trimmed.dropLast())] { return parent }
        return merged[trimmed].flatMap { classes[$0] }
    }
}
