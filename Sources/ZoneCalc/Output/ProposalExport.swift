import Foundation
import GeoBridge

/// Writes a proposal check into a folder: `proposal.gpkg` (new boundary, added and removed land, every
/// conflict piece), `new_boundary.txt` (the boundary-point txt for the application: J-numbered, closed
/// rings, 带号 and header filled), `report.html` (the self-contained, print-ready report), `report.docx`
/// (the same content in Word) and `map.geojson` (the report's map in the zone's CRS, ``ProposalMapGeoJSON``),
/// put in place together; then `report.pdf` when a renderer is on the machine.
public enum ProposalExport {
    /// - Parameter pdf: also make `report.pdf` when a renderer is on the machine (``ReportPDF``).
    /// The files every report folder holds (and `report.pdf` where it can be made).
    public static let fileNames = ["proposal.gpkg", "new_boundary.txt", "report.html", "report.docx", ProposalMapGeoJSON.fileName]

    /// - Returns: why the PDF could not be made, when it could not (the other files are written).
    @discardableResult
    public static func write(_ report: ProposalReport, project: ZoneProject, to folder: String, language: Language,
                             force: Bool, pdf: Bool = true) throws -> ZoneCalcError? {
        let inputs = project.inputPaths + report.parts.map(\.path)
        // Existing outputs are refused before anything is drawn.
        try SafeOutput.checkFolder(folder, holding: fileNames, inputs: inputs, force: force)
        let content = ProposalDocument(language: language)
        let document = try content.document(report, project: project, checkDate: CalendarDate(beijing: Date()))
        let html = document.html(title: content.title(report))
        let map = try ProposalMapGeoJSON.text(report, language: language, title: content.title(report))
        let renderer = ReportPDF.renderer
        // One deadline for all of the report's rendering.
        let deadline = Date().addingTimeInterval(ReportPDF.timeLimit)
        let pictures = pdf ? renderer.map { ReportPDF.pictures(of: document, with: $0, until: deadline) } ?? [:] : [:]
        // The five files are put in place together, or none is.
        try SafeOutput.intoFolder(folder) {
            try writeLayers(report, to: (folder as NSString).appendingPathComponent("proposal.gpkg"), language: language, inputs: inputs, force: force)
            try writeBoundaryTxt(report, project: project, to: (folder as NSString).appendingPathComponent("new_boundary.txt"), inputs: inputs, force: force)
            try SafeOutput.write(to: (folder as NSString).appendingPathComponent("report.html"), inputs: inputs, force: force) { path in
                try Data(html.utf8).write(to: URL(fileURLWithPath: path))
            }
            let word = (folder as NSString).appendingPathComponent("report.docx")
            try SafeOutput.write(to: word, inputs: inputs, force: force) { path in try ReportDocx(document: document, pictures: pictures).write(to: path, destination: word) }
            try SafeOutput.write(to: (folder as NSString).appendingPathComponent(ProposalMapGeoJSON.fileName), inputs: inputs, force: force) { path in
                try Data(map.utf8).write(to: URL(fileURLWithPath: path))
            }
        }
        return ReportPDF.finish(html: html, document: document, requested: pdf, renderer: renderer,
                                to: (folder as NSString).appendingPathComponent("report.pdf"), inputs: inputs, force: force, until: deadline)
    }

    static func writeLayers(_ report: ProposalReport, to path: String, language: Language, inputs: [String], force: Bool) throws {
        let areaColumns = [FieldDefinition(name: "AREA_HA", type: .real, width: 20, precision: 6), FieldDefinition(name: "AREA_MU", type: .real, width: 20, precision: 6),
                           FieldDefinition(name: "PLANAR_HA", type: .real, width: 20, precision: 6)]
        let shapes: [(name: String, wkb: [UInt8]?, area: MeasuredArea)] = [
            ("new_boundary", report.newBoundaryWKB, report.after), ("added", report.addedWKB, report.added), ("removed", report.removedWKB, report.removed),
        ]
        var specs = shapes.map { OutputLayerSpec(name: $0.name, crs: report.crs.definition, geometry: .multiPolygon, columns: areaColumns) }
        specs.append(OutputLayerSpec(name: "conflicts", crs: report.crs.definition, geometry: .multiPolygon,
                                     columns: [FieldDefinition(name: "RULE", type: .string), FieldDefinition(name: "KIND", type: .string),
                                               FieldDefinition(name: "FEATURE", type: .string)] + areaColumns
                                         + [FieldDefinition(name: "X_NORTH", type: .real, width: 20, precision: 3),
                                            FieldDefinition(name: "Y_EAST", type: .real, width: 20, precision: 3)]))
        func areas(_ area: MeasuredArea) -> [FieldValue] {
            let e = area.ellipsoidal ?? 0
            return [.real(e / 10_000), .real(AreaUnit.mu.value(ofSquareMetres: e)), .real((area.planar ?? 0) / 10_000)]
        }
        try FeatureFileWriter.write(to: path, format: .geoPackage, layers: specs, inputs: inputs, force: force) { layer, emit in
            if layer < shapes.count {
                if let wkb = shapes[layer].wkb { try emit(areas(shapes[layer].area), wkb) }
                return
            }
            for piece in report.rules.flatMap(\.pieces) {
                try emit([.string(piece.rule), .string(piece.kind.text(language)), .string(piece.label)] + areas(piece.area)
                         + [.real(piece.location.y), .real(piece.location.x)], piece.wkb)
            }
        }
    }

    /// The new boundary as a boundary-point txt, in the zone's Gauss–Krüger CRS; a zone held in any
    /// other CRS (longitude/latitude, UTM …) has it written in the 3° zone of the boundary's centre, in
    /// the zone's datum (CGCS2000 when it has none of China's), as `zonecalc convert` writes a txt.
    static func writeBoundaryTxt(_ report: ProposalReport, project: ZoneProject, to path: String, inputs: [String], force: Bool) throws {
        var crs = report.crs, wkb = report.newBoundaryWKB
        if case .gaussKruger(_, _, _?) = crs.kind {} else {
            let datum = crs.datum ?? .cgcs2000
            let geographic = try GeometryReprojector(from: crs.definition, to: "EPSG:\(datum.geographicEPSG)").reproject(wkb)
            let bounds = try Geometry.fromWKB(geographic, context: GEOSContext()).bounds() ?? Bounds(minX: .nan, minY: .nan, maxX: .nan, maxY: .nan)
            guard let zone = GaussKrugerZone.threeDegree(containing: (bounds.minX + bounds.maxX) / 2),
                  let code = datum.gaussKrugerEPSG(zone, prefixed: false) else {
                throw ZoneCalcError.unsupportedCRS(source: path, detail: Bilingual(
                    "调整后边界不在我国高斯-克吕格分带范围（东经 73.5°–136.5°）内，而界址点 txt 按分带写出",
                    "the new boundary lies outside China's Gauss–Krüger zones (73.5°–136.5°E), which the boundary-point txt is written in"))
            }
            wkb = try GeometryReprojector(from: crs.definition, to: "EPSG:\(code)").reproject(wkb)
            crs = try CRSResolver.resolve(declared: nil, override: "EPSG:\(code)", bounds: nil, source: path, context: ProjContext())
        }
        guard case .gaussKruger(_, let falseEasting, let zone?) = crs.kind else {
            throw ZoneCalcError.unsupportedCRS(source: path, detail: Bilingual("界址点 txt 需要高斯-克吕格坐标，而开发区数据是 \(crs.summary(.zh))",
                                                                            "the boundary-point txt needs Gauss–Krüger coordinates; the zone is in \(crs.summary)"))
        }
        let geometry = try Geometry.fromWKB(wkb, context: GEOSContext())
        let parts = try BoundaryTxtExport.parts(of: geometry, prefixOffset: falseEasting - 500_000)
        let parcel = BoundaryParcelInput(id: project.code ?? "1", name: project.name, landClassCode: "", parts: parts)
        var overrides = [TxtKeyValue(key: "数据产生单位", value: project.name)]
        if let date = project.asOf { overrides.append(TxtKeyValue(key: "数据产生日期", value: date)) }
        let data: Data
        do {
            data = try BoundaryPointTxtWriter.write([parcel], zoneNumber: zone.number, zoneWidth: zone.width,
                                                    options: BoundaryPointTxtWriteOptions(attributeOverrides: overrides))
        } catch {
            throw ZoneCalcError.boundaryPointTxtWrite(error, path: path)
        }
        try SafeOutput.write(to: path, inputs: inputs, force: force) { temporary in try data.write(to: URL(fileURLWithPath: temporary)) }
    }
}
