/// Renders a ``QCReport`` for the terminal in the run's language: findings by code and severity, then
/// the first findings. Codes stay codes; each comes with its check and its message in `language`.
public struct QCReportText {
    public var language: Language
    /// How many findings are listed one by one after the summary: 0 for none (the findings are in the
    /// file written), nil for all.
    public var limit: Int?

    public init(language: Language = .zh, limit: Int? = 40) { self.language = language; self.limit = limit }

    func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    public func render(_ report: QCReport) -> String {
        var out = t("质检：\(report.source)，\(report.featureCount) 个要素（规则 \(report.rules.source)）\n",
                    "QC: \(report.source), \(report.featureCount) features (rules \(report.rules.source))\n")
        out += t("坐标系：", "CRS: ") + (report.crs?.summary(language) ?? t("未能确定（见问题列表）", "not resolved (see the findings)")) + "\n\n"
        guard !report.findings.isEmpty else { return out + t("未发现问题。\n", "No findings.\n") }
        var table = TextTable(headers: [t("代码", "code"), t("检查项", "check"), t("严重程度", "severity"), t("问题数", "findings"), t("涉及要素", "features")],
                              alignments: [.left, .left, .left, .right, .right])
        for code in QCCatalogue.titles.keys.sorted() {
            let items = report.findings.filter { $0.code == code }
            guard let first = items.first else { continue }
            table.add([code, QCCatalogue.titles[code]!.text(language), QCExport.severity(first.severity).text(language), String(items.count),
                       String(Set(items.flatMap { [$0.featureIndex, $0.otherIndex].compactMap { $0 } }).count)])
        }
        out += table.render()
        out += QCSeverity.allCases.reversed().map { severity in
            QCExport.severity(severity).text(language) + t("：", ": ") + String(report.findings.filter { $0.severity == severity }.count)
        }.joined(separator: t("，", ", ")) + "\n\n"
        guard limit != 0 else { return out }
        let listed = limit ?? report.findings.count
        var list = TextTable(headers: [t("代码", "code"), t("严重程度", "severity"), t("要素", "feature"), t("说明", "message")],
                             alignments: [.left, .left, .left, .left])
        for finding in report.findings.prefix(listed) {
            let feature = finding.featureIndex.map { "#\($0 + 1)" + (finding.featureId.map { " \($0)" } ?? "") } ?? t("（图层）", "(layer)")
            list.add([finding.code, QCExport.severity(finding.severity).text(language), feature, finding.message.text(language)])
        }
        out += list.render()
        if report.findings.count > listed {
            let more = report.findings.count - listed
            out += t("… 另有 \(more) 个问题（用 -o 写出全部）\n", "… \(more) more (write them with -o)\n")
        }
        return out
    }
}
