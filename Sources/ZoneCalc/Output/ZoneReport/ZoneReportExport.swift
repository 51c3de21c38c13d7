import Foundation
import GeoBridge

/// Writes a zone report into a folder: `report.xlsx` (a sheet per topic), `report.html` (the
/// print-ready page with maps and charts), `report.docx` (the same content in Word) and `report.gpkg`
/// (every result layer, named in Chinese and English) — put in place together, or none is; then,
/// when the machine has a renderer (``ReportPDF``), `report.pdf`.
public enum ZoneReportExport {
    public static let workbookName = "report.xlsx", pageName = "report.html", layersName = "report.gpkg", wordName = "report.docx", pdfName = "report.pdf"
    /// The files put in place together (the PDF comes after them).
    public static let names = [workbookName, pageName, layersName, wordName]

    /// - Parameter pdf: also make the PDF when a renderer is on the machine.
    /// - Returns: why the PDF could not be made, when it could not (the other files are written).
    @discardableResult
    public static func write(_ report: ZoneReport, to folder: String, language: Language, force: Bool, pdf: Bool = true) throws -> ZoneCalcError? {
        let inputs = report.project.inputPaths
        let tables = ZoneReportTables(report: report, language: language)
        let document = try ZoneReportDocument(language: language).document(report)
        let html = document.html(title: ZoneReportDocument(language: language).title(report))
        func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
        let renderer = ReportPDF.renderer
        // One deadline for all of the report's rendering.
        let deadline = Date().addingTimeInterval(ReportPDF.timeLimit)
        let pictures = pdf ? renderer.map { ReportPDF.pictures(of: document, with: $0, until: deadline) } ?? [:] : [:]
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
            try SafeOutput.write(to: path(wordName), inputs: inputs, force: force) { temporary in
                try ReportDocx(document: document, pictures: pictures).write(to: temporary, destination: path(wordName))
            }
        }
        return ReportPDF.finish(html: html, document: document, requested: pdf, renderer: renderer, to: path(pdfName), inputs: inputs, force: force, until: deadline)
    }
}
