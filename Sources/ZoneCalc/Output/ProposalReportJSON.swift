import Foundation

/// Renders a ``ProposalReport`` as JSON for scripts: the verdict and every rule's outcome as stable
/// codes (`pass`, `fail`, `needs_review`, `not_applicable`, `not_checked`, `info`), the reasons in both
/// languages, the figures each rule used, the documents it cites; areas in m², in rule order.
public struct ProposalReportJSON {
    public init() {}

    struct Document: Encodable {
        var zone: String
        var code: String?
        var kind: String
        var crs: String
        var method: String
        var verdict: String
        var areas: Areas
        var rules: [Rule]
        var landUse: [LandUse]
        var notes: [Bilingual]
    }
    struct Area: Encodable { var planarSquareMetres: Double?; var ellipsoidalSquareMetres: Double? }
    struct Areas: Encodable { var approved: Area; var removed: Area; var added: Area; var after: Area }
    struct Piece: Encodable { var kind: Bilingual; var label: String; var area: Area; var x: Double; var y: Double }
    struct Rule: Encodable {
        var id: String; var title: Bilingual; var outcome: String; var reason: Bilingual
        var figures: [String: Double]; var documents: String; var pieces: [Piece]
    }
    struct LandUse: Encodable { var code: String; var name: String; var category: String; var area: Area }

    static func area(_ area: MeasuredArea) -> Area { Area(planarSquareMetres: area.planar, ellipsoidalSquareMetres: area.ellipsoidal) }

    public func render(_ report: ProposalReport) throws -> String {
        let document = Document(
            zone: report.zoneName, code: report.zoneCode, kind: report.kind.rawValue, crs: report.crs.definition, method: report.method.rawValue,
            verdict: report.verdict.rawValue,
            areas: Areas(approved: Self.area(report.approved), removed: Self.area(report.removed), added: Self.area(report.added), after: Self.area(report.after)),
            rules: report.rules.map { rule in
                Rule(id: rule.id, title: rule.title, outcome: rule.status.rawValue, reason: rule.reason,
                     figures: rule.figures, documents: rule.source,
                     pieces: rule.pieces.map { Piece(kind: $0.kind, label: $0.label, area: Self.area($0.area), x: $0.location.x, y: $0.location.y) })
            },
            landUse: report.landUse.map { LandUse(code: $0.code, name: $0.name, category: $0.category, area: Self.area($0.area)) },
            notes: report.notes.map({ $0 }))
        return try ReportJSON.encode(document)
    }
}

/// A batch of proposal checks as JSON: per file its kind, areas, verdict, the rules failed and to
/// review, its report folder, or its error.
public struct ProposalBatchJSON {
    public init() {}

    struct Line: Encodable {
        var file: String
        var kind: String?
        var addedSquareMetres: Double?
        var removedSquareMetres: Double?
        var verdict: String?
        var failed: [String]
        var review: [String]
        var folder: String?
        var error: Bilingual?
        var exitStatus: Int32
    }

    public func render(_ lines: [ProposalBatchExport.Line]) throws -> String {
        try ReportJSON.encode(lines.map { line in
            let report = line.report
            return Line(file: line.file, kind: report?.kind.rawValue, addedSquareMetres: report?.added.ellipsoidal,
                        removedSquareMetres: report?.removed.ellipsoidal, verdict: line.error == nil ? report?.verdict.rawValue : nil,
                        failed: report?.rules.filter { $0.status == .fail }.map(\.id) ?? [],
                        review: report?.rules.filter { [.needsReview, .notChecked].contains($0.status) }.map(\.id) ?? [],
                        folder: line.folder, error: line.error.map { Bilingual($0.message(.zh), $0.message(.en)) }, exitStatus: line.status.rawValue)
        })
    }
}
