import Foundation

/// Renders an ``OverlayReport`` as JSON for scripts: areas in m² by method, keys sorted.
public struct OverlayReportJSON {
    public init() {}

    struct Document: Encodable {
        var a: String
        var b: String
        var crs: String
        var methods: [String]
        var zones: [Zone]
        var classes: [Class]
        var classAreaBasis: Bilingual?
        var datumTransformation: Bilingual?
        var categories: [Category]
        var cultivatedSquareMetres: [String: Double]?
        var total: Areas
        var grossTotal: Areas
        var pieces: Int
        var overlaps: Int
        var crossing: Int
        var outside: Int
        var slivers: Int
        var repaired: Int
        /// Features whose reading is noted (curves linearised, problems GDAL reported).
        var readNotes: Int
        var skipped: Int
    }
    struct Areas: Encodable { var squareMetres: [String: Double] }
    struct Zone: Encodable { var label: String; var area: Areas }
    struct Class: Encodable {
        var key: String; var name: String?; var category: String?; var pieces: Int; var area: Areas
        var apportioned: [String: Double]?
    }
    struct Category: Encodable { var category: String; var area: Areas }

    /// One JSON object for one overlay, an array for several.
    public func render(_ reports: [OverlayReport]) throws -> String {
        let documents = reports.map(document)
        return documents.count == 1 ? try ReportJSON.encode(documents[0]) : try ReportJSON.encode(documents)
    }

    func document(_ report: OverlayReport) -> Document {
        func areas(_ area: MeasuredArea) -> Areas {
            Areas(squareMetres: Dictionary(uniqueKeysWithValues: report.methods.compactMap { m in area[m].map { (m.rawValue, $0) } }))
        }
        return Document(
            a: report.aSource, b: report.bSource, crs: report.crs.summary, methods: report.methods.map(\.rawValue),
            zones: report.zones.map { Zone(label: $0.label, area: areas($0.area)) },
            classes: report.classes.map { item in
                Class(key: item.key, name: item.name, category: item.category?.rawValue, pieces: item.pieces, area: areas(item.area),
                      apportioned: report.apportionFields.isEmpty ? nil : Dictionary(uniqueKeysWithValues: zip(report.apportionFields, item.apportioned)))
            },
            classAreaBasis: report.classAreaBasis,
            datumTransformation: report.datumNote,
            categories: report.categories.map { Category(category: $0.category, area: areas($0.area)) },
            cultivatedSquareMetres: report.cultivated.map { areas($0).squareMetres },
            total: areas(report.total), grossTotal: areas(report.grossTotal), pieces: report.pieceCount, overlaps: report.overlaps.count,
            crossing: report.crossing.count, outside: report.outsideCount, slivers: report.slivers.count,
            repaired: report.repaired.count, readNotes: report.readNotes.count, skipped: report.skipped.count)
    }
}
