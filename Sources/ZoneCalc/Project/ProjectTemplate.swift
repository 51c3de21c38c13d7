import Foundation

/// Writes a commented zone project file (`zonecalc init`).
public enum ProjectTemplate {
    /// A layer found in the data, with its guessed role and field mapping.
    public struct LayerDraft: Sendable {
        public var role: LayerRole
        public var file: String
        public var layer: String?
        public var fields: [(field: String, dataName: String)]
    }

    public static func render(name: String, layers: [LayerDraft], unassigned: [String]) -> String {
        var out = """
        # ZoneCalc zone project file (开发区项目文件).
        # Paths are relative to this file. Under each layer, `fields` maps ZoneCalc's field names (left)
        # to the names the data uses (right); the mapping below was guessed from the field names found,
        # so check it. Keys: see `zonecalc init --help` or Docs/project-file.md.
        zone:
          name: \(quoted(name))          # 开发区名称
          code:                          # 开发区代码, e.g. G320401
          province:                      # 省份, e.g. 江苏: selects the province's rule profile; rules that need one say so
          level:                         # 国家级 | 省级
          # type: 工业主导型               # only to overrule the type decided from land use (TD/T 1029-2010（2014年度试行）开发区类型)
        as_of:                           # date analyses are made as of, YYYY-MM-DD
        area_method: ellipsoidal         # ellipsoidal (national land-survey formula) | planar | geodesic
        rules:                           # rule-profile folder (thresholds, code lists); empty = the bundled one
        # statistics:                    # zone figures from statistics; each replaces the sum over parcels
        \(statisticsLines)
        layers:

        """
        for draft in layers {
            out += "  \(draft.role.rawValue):\(String(repeating: " ", count: max(1, 30 - draft.role.rawValue.count)))# \(draft.role.chineseName)\n"
            out += "    file: \(quoted(draft.file))\n"
            if let layer = draft.layer { out += "    layer: \(quoted(layer))\n" }
            out += "    # crs: EPSG:4528               # only when the file has no CRS or a wrong one\n"
            if draft.fields.isEmpty {
                out += "    # fields:                      # no usual field names found\n"
            } else {
                out += "    fields:\n"
                for (field, dataName) in draft.fields {
                    let meaning = ProjectFields.all.first { $0.name == field }?.meaning ?? ""
                    let entry = "      \(field): \(quoted(dataName))"
                    out += entry + String(repeating: " ", count: max(1, 36 - TextTable.displayWidth(entry))) + "# \(meaning)\n"
                }
            }
        }
        if !unassigned.isEmpty {
            out += "\n# Layers found but not used (no role guessed, or a second layer for a role taken above):\n"
            for item in unassigned { out += "#   \(item)\n" }
        }
        return out
    }

    /// The commented `statistics:` keys with their meaning.
    static var statisticsLines: String {
        ZoneStatistics.all.map { item in
            let entry = "#   \(item.name):"
            return entry + String(repeating: " ", count: max(1, 33 - entry.count)) + "# \(item.meaning)"
        }.joined(separator: "\n")
    }

    /// A YAML scalar, quoted when plain style would change its meaning.
    static func quoted(_ text: String) -> String {
        let plainSafe = !text.isEmpty && text.range(of: #"^[^\s#:'"\[\]{},&*!|>%@`-][^#]*$"#, options: .regularExpression) != nil
            && !text.contains(": ") && !text.hasSuffix(" ") && !text.hasSuffix(":")
        return plainSafe ? text : "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
