import Foundation

/// Renders a ``QCReport`` as JSON for scripts: stable English keys and codes, the counts by code and by
/// severity, every finding in layer order with its feature (1-based position as in the ledger's SEQ),
/// the other feature of a pair, the measured value, a location and the message in both languages.
public struct QCReportJSON {
    public init() {}

    struct Document: Encodable {
        var source: String
        var featureCount: Int
        var crs: String?
        var rules: String
        var method: String
        var total: Int
        var bySeverity: [String: Int]
        var byCode: [CodeCount]
        var findings: [Finding]
    }
    struct CodeCount: Encodable { var code: String; var check: Bilingual; var severity: String; var findings: Int; var features: Int }
    struct Location: Encodable { var x: Double; var y: Double }
    struct Finding: Encodable {
        var code: String; var severity: String
        var position: Int?; var fid: Int64?; var id: String?
        var otherPosition: Int?; var otherId: String?
        var value: Double?; var location: Location?; var message: Bilingual
    }

    public func render(_ report: QCReport) throws -> String {
        let byCode = Dictionary(grouping: report.findings, by: \.code)
        let document = Document(
            source: report.source, featureCount: report.featureCount, crs: report.crs?.definition, rules: report.rules.source,
            method: report.method.rawValue, total: report.findings.count,
            bySeverity: Dictionary(uniqueKeysWithValues: QCSeverity.allCases.map { severity in
                (severity.rawValue, report.findings.filter { $0.severity == severity }.count)
            }),
            byCode: byCode.keys.sorted().map { code in
                let items = byCode[code]!
                return CodeCount(code: code, check: QCCatalogue.titles[code] ?? Bilingual("", ""), severity: items[0].severity.rawValue,
                                 findings: items.count, features: Set(items.flatMap { [$0.featureIndex, $0.otherIndex].compactMap { $0 } }).count)
            },
            findings: report.findings.map { finding in
                Finding(code: finding.code, severity: finding.severity.rawValue, position: finding.featureIndex.map { $0 + 1 }, fid: finding.fid,
                        id: finding.featureId, otherPosition: finding.otherIndex.map { $0 + 1 }, otherId: finding.otherId, value: finding.value,
                        location: finding.location.map { Location(x: $0.x, y: $0.y) }, message: finding.message)
            })
        return try ReportJSON.encode(document)
    }
}
