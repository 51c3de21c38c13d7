import Foundation

/// Renders a ``ProposalReport`` as JSON for scripts: the verdict and every rule's outcome as stable
/// codes (`pass`, `fail`, `needs_review`, `not_applicable`, `not_checked`, `info`), the reasons in both
/// languages, the figures each rule used, the documents it cites; areas in m², in rule order.
public struct ProposalReportJSON {
    public init() {}

    /// The JSON document: what ``render(_:)`` writes, and what the service's check page reads back.
    public struct Document: Codable, Sendable {
        public var zone: String
        public var code: String?
        public var kind: String
        public var crs: String
        public var method: String
        public var verdict: String
        public var areas: Areas
        public var rules: [Rule]
        public var landUse: [LandUse]
        public var notes: [Bilingual]
    }
    public struct Area: Codable, Sendable { public var planarSquareMetres: Double?; public var ellipsoidalSquareMetres: Double? }
    public struct Areas: Codable, Sendable { public var approved: Area; public var removed: Area; public var added: Area; public var after: Area }
    /// A conflict piece; `x` and `y` are the easting and northing of a point inside it.
    public struct Piece: Codable, Sendable { public var kind: Bilingual; public var label: String; public var area: Area; public var x: Double; public var y: Double }
    public struct Rule: Codable, Sendable {
        public var id: String; public var title: Bilingual; public var outcome: String; public var reason: Bilingual
        public var figures: [String: Double]; public var documents: String; public var pieces: [Piece]
    }
    public struct LandUse: Codable, Sendable { public var code: String; public var name: String; public var category: String; public var area: Area }

    static func area(_ area: MeasuredArea) -> Area { Area(planarSquareMetres: area.planar, ellipsoidalSquareMetres: area.ellipsoidal) }

    /// The document in the JSON `data`, as ``render(_:)`` writes it.
    public static func decode(_ data: Data) throws -> Document {
        try JSONDecoder().decode(Document.self, from: data)
    }

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
