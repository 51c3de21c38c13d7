/// Renders ``LayerSummary`` values as readable terminal text.
public enum LayerSummaryText {
    public static func render(_ summary: LayerSummary) -> String {
        var out = "Layer: \(summary.layer)   (\(summary.source), format \(summary.format))\n"
        out += "  Features:   \(summary.featureCount)"
        if summary.featuresWithoutGeometry > 0 { out += " (\(summary.featuresWithoutGeometry) without geometry)" }
        out += "\n  Geometries: " + (summary.geometryTypes.isEmpty ? "none" :
            summary.geometryTypes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")) + "\n"
        for (note, count) in summary.conversions.sorted(by: { $0.key < $1.key }) { out += "  Converted:  \(count) × \(note)\n" }
        switch summary.crs {
        case .success(let crs):
            out += "  CRS:        \(crs.summary)\n"
            if let datum = crs.datum { out += "  Datum:      \(datum.rawValue)\n" }
        case .failure(let error):
            out += "  CRS:        not usable: \(error.description)\n"
        }
        if let e = summary.extent {
            let d = e.maxX.magnitude > 1000 ? 3 : 8
            out += "  Extent:     x \(NumberText.fixed(e.minX, decimals: d)) … \(NumberText.fixed(e.maxX, decimals: d)), "
            out += "y \(NumberText.fixed(e.minY, decimals: d)) … \(NumberText.fixed(e.maxY, decimals: d))\n"
        }
        out += "  Encoding:   \(summary.encoding)\n"
        out += "  Invalid:    \(summary.invalid.count)\n"
        for item in summary.invalid.prefix(20) {
            out += "    feature #\(item.index + 1) (fid \(item.fid)): \(item.problem.describe())\n"
        }
        if summary.invalid.count > 20 { out += "    … and \(summary.invalid.count - 20) more\n" }
        if !summary.readWarnings.isEmpty {
            out += "  Warnings:\n" + summary.readWarnings.map { "    \($0)\n" }.joined()
        }
        var table = TextTable(headers: ["field", "type", "width", "precision"], alignments: [.left, .left, .right, .right])
        for field in summary.fields { table.add([field.name, field.type.name, String(field.width), String(field.precision)]) }
        out += "  Fields:\n" + table.render().split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
        return out
    }
}
