import Foundation
import GeoBridge

/// Writes a zone report into a folder: `report.xlsx` (a sheet per topic), `report.html` (the
/// print-ready page with maps and charts) and `report.gpkg` (every result layer, named in Chinese
/// and English) — put in place together, or none is.
public enum ZoneReportExport {
    public static let workbookName = "report.xlsx", pageName = "report.html", layersName = "report.gpkg"

    public static func write(_ report: ZoneReport, to folder: String, language: Language, force: Bool) throws {
        let inputs = report.project.inputPaths
        let tables = ZoneReportTables(report: report, language: language)
        let html = try ZoneReportHTML(language: language).render(report)
        func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
        try SafeOutput.intoFolder(folder) {
            let sheets = tables.sheets
            try FeatureFileWriter.write(to: path(workbookName), format: .xlsx,
                                        layers: sheets.map { $0.spec(name: $0.name.text(language), format: .xlsx, language: language) },
                                        inputs: inputs, force: force) { layer, emit in
                for row in sheets[layer].rows { try emit(row.values, nil) }
            }
            let layers = tables.layers
            try FeatureFileWriter.write(to: path(layersName), format: .geoPackage,
                                        layers: layers.map { $0.table.spec(name: $0.name, format: .geoPackage, language: language) },
                                        inputs: inputs, force: force) { layer, emit in
                for row in layers[layer].table.rows { try emit(row.values, row.wkb) }
            }
            try SafeOutput.write(to: path(pageName), inputs: inputs, force: force) { temporary in
                try Data(html.utf8).write(to: URL(fileURLWithPath: temporary))
            }
        }
    }
}
