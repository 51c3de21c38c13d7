/// Renders a ``StandardLandReport`` as JSON for scripts: stable English keys and outcome codes, areas
/// in m², every checked parcel in layer order with each indicator's agreed and achieved values (in the
/// indicator's unit, named in `unit`), gap, checkpoint and where each value came from, in both languages.
public struct StandardLandReportJSON {
    public init() {}

    struct Document: Encodable {
        var zone: String
        var asOf: String
        var method: String
        var crs: String
        var source: String
        var rules: Rules
        var indicators: [Indicator]
        var producingBelowTarget: [String]
        var parcels: [Parcel]
        var notes: [Bilingual]
    }
    struct Rules: Encodable { var document: String; var files: String }
    struct Indicator: Encodable {
        var id: String; var name: String; var unit: String; var comparator: String; var checkpoint: String; var source: String
        var checked: Int; var pass: Int; var fail: Int; var failDue: Int; var notMeasurable: Int
    }
    struct Parcel: Encodable {
        var id: String; var fid: Int64; var squareMetres: Double; var isStandardLand: Bool; var industrial: Bool
        var producingBelowTarget: Bool; var checks: [Check]
    }
    struct Check: Encodable {
        var indicator: String; var unit: String; var comparator: String; var agreed: Double; var agreedSource: Bilingual
        var achieved: Double?; var achievedSource: Bilingual; var gap: Double?; var outcome: String
        var checkpoint: String; var due: Bool; var dueNote: Bilingual
    }

    public func render(_ report: StandardLandReport) throws -> String {
        let checks = report.parcels.flatMap(\.checks)
        let indicators: [Indicator] = StandardLandRules.ids.compactMap { id in
            let items = checks.filter { $0.indicator.id == id }
            guard let indicator = items.first?.indicator else { return nil }
            return Indicator(id: id, name: indicator.name, unit: indicator.unit, comparator: indicator.comparator.rawValue,
                             checkpoint: indicator.checkpoint.rawValue, source: indicator.source, checked: items.count,
                             pass: items.filter { $0.outcome == .pass }.count, fail: items.filter { $0.outcome == .fail }.count,
                             failDue: items.filter { $0.outcome == .fail && $0.due }.count,
                             notMeasurable: items.filter { $0.outcome == .notMeasurable }.count)
        }
        let document = Document(
            zone: report.zoneName, asOf: report.asOf.description, method: report.method.rawValue, crs: report.crs.definition,
            source: report.source, rules: Rules(document: Citations.text("industrial-indicators-2008"), files: report.rulesSource),
            indicators: indicators, producingBelowTarget: report.parcels.filter(\.producingBelowTarget).map(\.id),
            parcels: report.parcels.map { parcel in
                Parcel(id: parcel.id, fid: parcel.fid, squareMetres: parcel.area, isStandardLand: parcel.isStandardLand, industrial: parcel.industrial,
                       producingBelowTarget: parcel.producingBelowTarget,
                       checks: parcel.checks.map { check in
                           Check(indicator: check.indicator.id, unit: check.indicator.unit, comparator: check.indicator.comparator.rawValue,
                                 agreed: check.agreed, agreedSource: check.agreedSource, achieved: check.achieved, achievedSource: check.achievedSource,
                                 gap: check.gap, outcome: check.outcome.rawValue, checkpoint: check.indicator.checkpoint.rawValue, due: check.due,
                                 dueNote: check.dueNote)
                       })
            },
            notes: report.notes)
        return try ReportJSON.encode(document)
    }
}
