import Foundation

/// A rule table (CSV) read in layers like ``LayeredRuleFile``: the table bundled with ZoneCalc, then the
/// bundled profile of the project's province, then the project's copy. Rows are keyed by their first
/// column: a later layer's row replaces the earlier row with the same key, and a new key is added after
/// the rows already read, so a province or project names only the rows it changes.
struct LayeredRuleTable {
    struct Row {
        var fields: [String]
        /// The file and line the row was read from, for messages.
        var path: String
        var line: Int
        /// The layer's name for reports ("Rules/name" (the copy inside ZoneCalc), "Rules/provinces/山西/name", the project copy's path).
        var layer: String
        /// Whether the row is the bundled national table's.
        var isNational: Bool
        var location: String { "\(path):\(line)" }
    }
    let rows: [Row]
    /// The layers' names for reports: "Rules/name + rules/name".
    let source: String

    /// - Parameters:
    ///   - columns: the number of columns every row has; `header` names them for messages.
    init(_ name: String, files: RuleFiles, columns: Int, header: String) throws(ZoneCalcError) {
        let copies = try files.layers(of: name)
        var rows: [Row] = [], position: [String: Int] = [:]
        for (layerIndex, copy) in copies.enumerated() {
            for (line, fields) in try LandClassTable.rows(URL(fileURLWithPath: copy.path), columns: columns, expected: header) {
                let row = Row(fields: fields, path: copy.path, line: line, layer: copy.name, isNational: layerIndex == 0)
                if let index = position[fields[0]] { rows[index] = row } else { position[fields[0]] = rows.count; rows.append(row) }
            }
        }
        self.rows = rows
        source = copies.map(\.name).joined(separator: " + ")
    }
}
