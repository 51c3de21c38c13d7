import Foundation

/// The names Chinese land data use for ZoneCalc's fields, from the rules file
/// `Rules/field-aliases.csv` (Chinese names, pinyin initials, English).
public struct FieldAliases: Sendable {
    /// ZoneCalc field → aliases, in order of preference.
    public let aliases: [(field: String, names: [String])]

    public static func bundled() throws(ZoneCalcError) -> FieldAliases {
        guard let url = Bundle.module.url(forResource: "field-aliases", withExtension: "csv", subdirectory: "Rules"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw .invalidArgument(Bilingual("本安装缺少内置的字段别名表", "the bundled field-alias table is missing from this installation"))
        }
        var aliases: [(String, [String])] = []
        for line in text.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) })
        where !line.isEmpty && !line.hasPrefix("#") && !line.hasPrefix("field,") {
            let parts = line.split(separator: ",", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            aliases.append((parts[0], parts[1].split(separator: "|").map(String.init)))
        }
        return FieldAliases(aliases: aliases)
    }

    /// For each ZoneCalc field, the first alias the layer has (case-insensitive).
    public func guess(_ fieldNames: [String]) -> [(field: String, dataName: String)] {
        let byLowercase = Dictionary(fieldNames.map { ($0.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        return aliases.compactMap { entry in
            entry.names.lazy.compactMap { byLowercase[$0.lowercased()] }.first.map { (entry.field, $0) }
        }
    }
}
