import Foundation

/// Renders an ``EvaluationReport`` as JSON for scripts: areas in m², money in 万元, keys sorted; every
/// sentence (sources, reasons, warnings) and every formula in words as {en, zh}.
public struct EvaluationReportJSON {
    public init() {}

    struct Document: Encodable {
        var zone: String
        var code: String?
        var asOf: String?
        var method: String
        var crs: String
        var zoneAreaSquareMetres: Double
        var landStatus: [LandStatus]
        var landStatusBasis: Bilingual?
        var quantities: [Quantity]
        var zoneType: ZoneTypeEntry
        var indicators: [Indicator]
        var score: Score
        var warnings: [Bilingual]
    }
    struct LandStatus: Encodable { var code: String; var name: String; var squareMetres: Double; var from: Bilingual }
    struct Quantity: Encodable {
        var symbol: String; var name: String; var kind: String; var value: Double?; var source: Bilingual?; var missing: Bilingual?
    }
    struct ZoneTypeEntry: Encodable { var type: String?; var industrialSharePercent: Double?; var residentialSharePercent: Double?; var reason: Bilingual }
    struct Indicator: Encodable {
        var id: String; var name: String; var unit: String; var formula: Bilingual; var rule: String
        var value: Double?; var notComputable: Bilingual?; var numerator: String; var denominator: String
        var inZoneTypeSet: Bool; var score: Double?; var weight: Double?
    }
    struct Score: Encodable { var total: Double?; var reason: Bilingual; var confirmed: Bool; var source: String }

    public func render(_ report: EvaluationReport) throws -> String {
        let document = Document(
            zone: report.zoneName, code: report.zoneCode, asOf: report.asOf, method: report.method.rawValue, crs: report.crs.definition,
            zoneAreaSquareMetres: report.zoneArea,
            landStatus: report.landStatus.map { LandStatus(code: $0.code, name: $0.name, squareMetres: $0.area, from: $0.from) },
            landStatusBasis: report.landStatusBasis,
            quantities: report.quantities.map { Quantity(symbol: $0.symbol, name: $0.name, kind: $0.kind.rawValue, value: $0.value,
                                                         source: $0.missing == nil ? $0.source : nil, missing: $0.missing) },
            zoneType: ZoneTypeEntry(type: report.zoneType.type?.rawValue, industrialSharePercent: report.zoneType.industrialShare,
                                    residentialSharePercent: report.zoneType.residentialShare, reason: report.zoneType.reason),
            indicators: report.indicators.map { result in
                Indicator(id: result.definition.id, name: result.definition.name, unit: result.definition.unit, formula: result.definition.formula,
                          rule: result.definition.rule, value: result.value, notComputable: result.notComputable,
                          numerator: result.numerator.symbol, denominator: result.denominator.symbol, inZoneTypeSet: result.inZoneTypeSet,
                          score: result.score, weight: result.weight)
            },
            score: Score(total: report.score.total, reason: report.score.reason, confirmed: report.score.confirmed, source: report.score.source),
            warnings: report.warnings)
        return try ReportJSON.encode(document)
    }
}
