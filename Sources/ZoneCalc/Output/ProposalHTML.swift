import GeoBridge

/// A self-contained HTML page of a proposal check (no network, no scripts: land data are often on
/// offline networks): the verdict, an SVG map, the area table, the rule table, the land use of the
/// added land and the conflict pieces.
public struct ProposalHTML {
    public var language: Language

    public init(language: Language = .zh) { self.language = language }

    func table(_ headers: [String], _ rows: [[String]], numericFrom: Int = 1) -> String {
        var out = "<table><thead><tr>" + headers.map { "<th>\(HTMLText.escape($0))</th>" }.joined() + "</tr></thead><tbody>\n"
        for row in rows {
            out += "<tr>" + row.enumerated().map { index, cell in
                index >= numericFrom && Double(cell) != nil ? "<td class=\"n\">\(HTMLText.escape(cell))</td>" : "<td>\(HTMLText.escape(cell))</td>"
            }.joined() + "</tr>\n"
        }
        return out + "</tbody></table>\n"
    }

    public func render(_ report: ProposalReport) throws -> String {
        let text = ProposalReportText(language: language)
        let t = text.t
        let title = t("开发区\(text.kindName(report.kind))方案审查：\(report.zoneName)", "\(text.kindName(report.kind).capitalized) check: \(report.zoneName)")
        let verdictClass = report.verdict == .pass ? "pass" : (report.verdict == .fail ? "fail" : "review")
        var html = """
        <!DOCTYPE html>
        <html lang="\(language == .zh ? "zh-CN" : "en")"><head><meta charset="utf-8"><title>\(HTMLText.escape(title))</title>
        <style>
        body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:24px;color:#222}
        table{border-collapse:collapse;margin:8px 0 20px}th,td{border:1px solid #bbb;padding:4px 8px;vertical-align:top}
        th{background:#eee}td.n{text-align:right;font-variant-numeric:tabular-nums}
        .verdict{font-size:20px;font-weight:bold;padding:8px 12px;display:inline-block}
        .pass{background:#c8e6c9}.fail{background:#ffcdd2}.review{background:#fff9c4}
        svg{width:100%;height:auto;background:#fff}
        </style></head><body>
        <h1>\(HTMLText.escape(title))\(report.zoneCode.map { " (\(HTMLText.escape($0)))" } ?? "")</h1>
        <p class="verdict \(verdictClass)">\(t("结论", "Verdict"))：\(HTMLText.escape(report.verdict.label.text(language)))</p>
        <p>CRS: \(HTMLText.escape(report.crs.summary))</p>

        """
        html += "<h2>\(t("位置示意图", "Map"))</h2>\n" + (try ProposalMapSVG.svg(report, language: language, title: title)) + "\n"
        html += "<h2>\(t("面积", "Areas"))</h2>\n" + table(text.areaHeaders, text.areaRows(report))
        html += "<h2>\(t("审查规则", "Rules"))</h2>\n"
        html += table([t("编号", "rule"), t("审查内容", "check"), t("结果", "result"), t("理由", "reason"), t("依据", "source")],
                      report.rules.map { [$0.id, $0.title.text(language), $0.status.label.text(language), $0.reason.text(language), $0.source] },
                      numericFrom: 99)
        if !report.landUse.isEmpty {
            html += "<h2>\(t("新增用地现状地类（三调）", "Land use of the added land"))</h2>\n"
            html += table([t("地类编码", "code"), t("地类名称", "class"), t("三大类", "category"), t("公顷", "ha"), t("亩", "mu")],
                          report.landUse.map { item in
                              let e = item.area.ellipsoidal ?? 0
                              return [item.code, item.name, item.category, NumberText.fixed(e / 10_000, decimals: 2),
                                      AreaUnit.mu.text(squareMetres: e, decimals: 2)]
                          }, numericFrom: 3)
        }
        let pieces = report.rules.flatMap(\.pieces)
        if !pieces.isEmpty {
            html += "<h2>\(t("冲突图斑", "Conflict pieces"))</h2>\n"
            html += table([t("编号", "rule"), t("类型", "kind"), t("对象", "feature"), t("公顷", "ha"), t("亩", "mu"), t("X (北)", "X (north)"), t("Y (东)", "Y (east)")],
                          pieces.map { piece in
                              let e = piece.area.ellipsoidal ?? 0
                              return [piece.rule, piece.kind.text(language), piece.label, NumberText.fixed(e / 10_000, decimals: 2),
                                      AreaUnit.mu.text(squareMetres: e, decimals: 2),
                                      NumberText.fixed(piece.location.y, decimals: 3), NumberText.fixed(piece.location.x, decimals: 3)]
                          }, numericFrom: 3)
        }
        if !report.notes.isEmpty {
            html += "<h2>\(t("说明", "Notes"))</h2><ul>" + report.notes.map { "<li>\(HTMLText.escape($0.text(language)))</li>" }.joined() + "</ul>\n"
        }
        return html + "</body></html>\n"
    }
}
