/// Renders a ``QCReport`` for the terminal: findings by code and severity, then the first findings.
public struct QCReportText {
    public var limit: Int

    public init(limit: Int = 40) { self.limit = limit }

    public func render(_ report: QCReport) -> String {
        var out = "QC: \(report.source), \(report.featureCount) features (rules \(report.rules.source))\n"
        out += "CRS: \(report.crs?.summary ?? "not resolved (see the findings)")\n\n"
        guard !report.findings.isEmpty else { return out + "No findings.\n" }
        var table = TextTable(headers: ["code", "check", "severity", "findings", "features"], alignments: [.left, .left, .left, .right, .right])
        for code in QCCatalogue.titles.keys.sorted() {
            let items = report.findings.filter { $0.code == code }
            guard let first = items.first else { continue }
            table.add([code, QCCatalogue.titles[code]!, first.severity.rawValue, String(items.count),
                       String(Set(items.flatMap { [$0.featureIndex, $0.otherIndex].compactMap { $0 } }).count)])
        }
        out += table.render()
        out += QCSeverity.allCases.reversed().map { severity in
            "\(severity.rawValue): \(report.findings.filter { $0.severity == severity }.count)"
        }.joined(separator: ", ") + "\n\n"
        var list = TextTable(headers: ["code", "severity", "feature", "message"], alignments: [.left, .left, .left, .left])
        for finding in report.findings.prefix(limit) {
            let feature = finding.featureIndex.map { "#\($0 + 1)" + (finding.featureId.map { " \($0)" } ?? "") } ?? "(layer)"
            list.add([finding.code, finding.severity.rawValue, feature, finding.message])
        }
        out += list.render()
        if report.findings.count > limit { out += "… \(report.findings.count - limit) more (write them with -o)\n" }
        return out
    }
}
