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
/// (`Rules/sandiao-land-classes.csv`, rules.md §8.2) so that users can correct or extend it.
public struct LandClassTable: Sendable {
    public let classes: [String: LandClass]
    /// Where the table came from, for reports.
    public let source: String

    /// 耕地 = 0101 + 0102 + 0103 (rules.md §8.2).
    public static let cultivatedCodes: Set<String> = ["0101", "0102", "0103"]

    /// The table shipped with ZoneCalc.
    public static func bundled() throws(ZoneCalcError) -> LandClassTable {
        guard let url = Bundle.module.url(forResource: "sandiao-land-classes", withExtension: "csv", subdirectory: "Rules") else {
            throw .invalidArgument("the bundled 三调 land-class table is missing from this installation")
        }
        return try load(url)
    }

    /// Reads a table: `#` lines are comments; a header row `code,name,level1,level1_name,category,tag`.
    public static func load(_ url: URL) throws(ZoneCalcError) -> LandClassTable {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch { throw .fileNotFound(path: url.path) }
        var classes: [String: LandClass] = [:]
        var sawHeader = false
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            if !sawHeader { sawHeader = true; continue }
            guard fields.count == 6, let category = LandCategory(rawValue: fields[4]) else {
                throw .invalidArgument("\(url.path):\(number + 1): expected code,name,level1,level1_name,category,tag with category 农用地, 建设用地 or 未利用地")
            }
            classes[fields[0]] = LandClass(code: fields[0], name: fields[1], levelOneCode: fields[2], levelOneName: fields[3],
                                           category: category, tag: fields[5])
        }
        return LandClassTable(classes: classes, source: url.lastPathComponent)
    }

    /// The class of a code; a trailing K (可调整) or A (sub-type) falls back to its parent code
    /// (0201K → 0201, 08H2A → 08H2, 1104A → 1104).
    public func lookup(_ code: String) -> LandClass? {
        let trimmed = code.trimmingCharacters(in: .whitespaces)
        if let found = classes[trimmed] { return found }
        if let last = trimmed.last, last == "K" || last == "A" { return classes[String(trimmed.dropLast())] }
        return nil
    }
}
