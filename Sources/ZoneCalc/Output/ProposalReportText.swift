/// Renders a ``ProposalReport`` for the terminal (and the rows the HTML page shows): the verdict, the
/// area table, every rule with its status and reason, the land use of the added land.
public struct ProposalReportText {
    public var language: Language

    public init(language: Language = .zh) { self.language = language }

    func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    /// The area table rows: label, then 公顷 (2 decimals), 亩, km² by the ellipsoidal method, and 公顷 planar.
    func areaRows(_ report: ProposalReport) -> [[String]] {
        let addedLabel = report.kind == .expansion ? t("扩区面积", "expansion") : t("调入面积", "brought in")
        let rows: [(String, MeasuredArea)] = [(t("核准面积", "approved"), report.approved), (t("调出面积", "taken out"), report.removed),
                                              (addedLabel, report.added), (t("调整后面积", "after"), report.after)]
        return rows.map { label, area in
            let e = area.ellipsoidal ?? 0, p = area.planar ?? 0
            return [label, NumberText.fixed(e / 10_000, decimals: 2), AreaUnit.mu.text(squareMetres: e, decimals: 2),
                    NumberText.fixed(e / 1_000_000, decimals: 4), NumberText.fixed(p / 10_000, decimals: 2)]
        }
    }

    var areaHeaders: [String] {
        ["", t("公顷 (椭球)", "ha (ellipsoidal)"), t("亩 (椭球)", "mu (ellipsoidal)"), t("平方公里 (椭球)", "km² (ellipsoidal)"), t("公顷 (平面)", "ha (planar)")]
    }

    /// 扩区, 调区 or 新边界 in the language.
    public func kindName(_ kind: ProposalKind) -> String {
        switch kind {
        case .expansion: return t("扩区", "expansion")
        case .adjustment: return t("调区", "adjustment")
        case .newBoundary: return t("新边界", "new boundary")
        }
    }

    public func render(_ report: ProposalReport) -> String {
        var out = t("开发区\(kindName(report.kind))方案审查：\(report.zoneName)", "Check of the \(kindName(report.kind)): \(report.zoneName)")
        out += report.zoneCode.map { " (\($0))" } ?? ""
        out += "\n" + t("结论：", "Verdict: ") + report.verdict.label.text(language) + "\n"
        out += t("坐标系：", "CRS: ") + report.crs.summary(language) + "\n\n"
        var areas = TextTable(headers: areaHeaders, alignments: [.left, .right, .right, .right, .right])
        for row in areaRows(report) { areas.add(row) }
        out += areas.render() + "\n"
        var rules = TextTable(headers: [t("编号", "rule"), t("审查内容", "check"), t("结果", "result"), t("理由", "reason")],
                              alignments: [.left, .left, .left, .left])
        for rule in report.rules { rules.add([rule.id, rule.title.text(language), rule.status.label.text(language), rule.reason.text(language)]) }
        out += rules.render() + "\n"
        if !report.landUse.isEmpty {
            var table = TextTable(headers: [t("地类编码", "code"), t("地类名称", "class"), t("三大类", "category"), t("公顷", "ha"), t("亩", "mu")],
                                  alignments: [.left, .left, .left, .right, .right])
            for item in report.landUse {
                let e = item.area.ellipsoidal ?? 0
                table.add([item.code, item.name, item.category, NumberText.fixed(e / 10_000, decimals: 2),
                           AreaUnit.mu.text(squareMetres: e, decimals: 2)])
            }
            out += t("新增用地现状地类（三调）", "Land use of the added land (三调)") + "\n" + table.render() + "\n"
        }
        let pieces = report.rules.flatMap(\.pieces)
        if !pieces.isEmpty {
            var table = TextTable(headers: [t("编号", "rule"), t("类型", "kind"), t("对象", "feature"), t("公顷", "ha"), t("亩", "mu"), "X", "Y"],
                                  alignments: [.left, .left, .left, .right, .right, .right, .right])
            for piece in pieces {
                let e = piece.area.ellipsoidal ?? 0
                table.add([piece.rule, piece.kind.text(language), piece.label, NumberText.fixed(e / 10_000, decimals: 2),
                           AreaUnit.mu.text(squareMetres: e, decimals: 2),
                           NumberText.fixed(piece.location.y, decimals: 3), NumberText.fixed(piece.location.x, decimals: 3)])
            }
            out += t("冲突图斑（X 为北坐标，Y 为东坐标）", "Conflict pieces (X northing, Y easting)") + "\n" + table.render() + "\n"
        }
        if !report.notes.isEmpty { out += t("说明", "Notes") + "\n" + report.notes.map { "  \($0.text(language))\n" }.joined() }
        return out
    }
}
