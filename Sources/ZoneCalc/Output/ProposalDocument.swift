import Foundation
import GeoBridge

/// The proposal report a planner attaches to an opinion, as a ``ReportDocument`` (rendered as HTML and
/// Word): a header block (zone, proposal files, kind, check date, version, rule profile, data layers),
/// the verdict with the reasons, the map, the areas, the rules with their documents, the land taken
/// out (an adjustment), the land use of the added land, the conflict pieces, notes and the documents
/// relied on — each cited from the citations file, never by a file of ZoneCalc's.
struct ProposalDocument {
    let language: Language

    private func t(_ zh: String, _ en: String) -> String { Bilingual(zh, en).text(language) }

    func title(_ report: ProposalReport) -> String {
        let kind = ProposalReportText(language: language).kindName(report.kind)
        return t("开发区\(kind)方案审查报告：\(report.zoneName)", "Check of the \(kind) of \(report.zoneName)")
    }

    private func hectares(_ area: MeasuredArea) -> String { NumberText.fixed((area.ellipsoidal ?? 0) / 10_000, decimals: 2) }
    private func mu(_ area: MeasuredArea) -> String { AreaUnit.mu.text(squareMetres: area.ellipsoidal ?? 0, decimals: 2) }

    func document(_ report: ProposalReport, project: ZoneProject, checkDate: CalendarDate) throws -> ReportDocument {
        let text = ProposalReportText(language: language)
        var page = ReportDocument(language: language, sectionsOnNewPages: false)
        page.title(title(report))
        header(report, project: project, checkDate: checkDate, page: &page)

        page.section(t("一、审查结论", "1 Verdict"))
        page.paragraph(t("结论：", "Verdict: ") + report.verdict.label.text(language), .verdict(report.verdict))
        let decisive = report.rules.filter { [.fail, .needsReview, .notChecked].contains($0.status) }
        page.list(decisive.map { "\($0.id) \($0.title.text(language))（\($0.status.label.text(language))）：\($0.reason.text(language))" })

        page.section(t("二、位置示意图及冲突图斑", "2 Map and conflict pieces"))
        let pieces = report.rules.flatMap(\.pieces)
        page.figure(try ProposalMapSVG.svg(report, language: language, title: title(report)),
                    caption: t("核准范围、调整部分与管控线；冲突图斑按规则着色并标注编号", "Approved zone, the proposal and the control lines; conflict pieces coloured and labelled by rule"),
                    table: pieces.isEmpty ? nil : page.nextTable)
        if pieces.isEmpty {
            page.paragraph(t("拟新增用地与各管控线无冲突图斑。", "The added land has no conflict pieces with the control lines."))
        } else {
            page.table(t("冲突图斑（X 为北坐标，Y 为东坐标）", "Conflict pieces (X north, Y east)"),
                       headers: [t("编号", "rule"), t("类型", "kind"), t("对象", "feature"), t("公顷", "ha"), t("亩", "mu"), t("X (北)", "X (north)"), t("Y (东)", "Y (east)")],
                       rows: pieces.map { piece in
                           [piece.rule, piece.kind.text(language), piece.label, hectares(piece.area), mu(piece.area),
                            NumberText.fixed(piece.location.y, decimals: 3), NumberText.fixed(piece.location.x, decimals: 3)]
                       }, numeric: [3, 4, 5, 6])
        }

        page.section(t("三、面积", "3 Areas"))
        page.table(t("面积", "Areas"), headers: [t("项目", "item")] + text.areaHeaders.dropFirst(), rows: text.areaRows(report), numeric: [1, 2, 3, 4])

        page.section(t("四、审查规则", "4 Rules"))
        page.table(t("审查规则", "Rules"), headers: [t("编号", "rule"), t("审查内容", "check"), t("结果", "result"), t("理由", "reason"), t("依据", "source")],
                   rows: report.rules.map { [$0.id, $0.title.text(language), $0.status.label.text(language), $0.reason.text(language), $0.source] })

        var section = 5
        if !report.removedPieces.isEmpty {
            page.section(t("\(chineseNumeral(section))、调出用地", "\(section) Land taken out"))
            section += 1
            page.paragraph(t("调出 \(report.removedPieces.count) 块，合计 \(hectares(report.removed)) 公顷（\(mu(report.removed)) 亩）；图中以橙色虚线表示。",
                             "\(report.removedPieces.count) pieces taken out, \(hectares(report.removed)) ha (\(mu(report.removed)) mu) in all; dashed orange on the map."))
            page.table(t("调出地块", "Pieces taken out"),
                       headers: [t("序号", "No."), t("公顷", "ha"), t("亩", "mu"), t("X (北)", "X (north)"), t("Y (东)", "Y (east)")],
                       rows: report.removedPieces.enumerated().map { index, piece in
                           [t("调出 \(index + 1)", "out \(index + 1)"), hectares(piece.area), mu(piece.area),
                            NumberText.fixed(piece.location.y, decimals: 3), NumberText.fixed(piece.location.x, decimals: 3)]
                       }, numeric: [1, 2, 3, 4])
            if !report.removedLandUse.isEmpty {
                landUseTable(t("调出用地现状地类（三调）", "Land use of the land taken out (三调)"), report.removedLandUse, page: &page)
            }
        }
        if !report.landUse.isEmpty {
            page.section(t("\(chineseNumeral(section))、新增用地现状地类", "\(section) Land use of the added land"))
            section += 1
            landUseTable(t("新增用地现状地类（三调）", "Land use of the added land (三调)"), report.landUse, page: &page)
        }
        let notes = report.notes.map { $0.text(language) } + report.parts.flatMap(\.warnings).map { $0.text(language) }
        if !notes.isEmpty {
            page.section(t("\(chineseNumeral(section))、说明", "\(section) Notes"))
            section += 1
            page.list(notes)
        }
        page.section(t("\(chineseNumeral(section))、审查依据与规则", "\(section) Documents and rules relied on"))
        var documents: [String] = []
        for rule in report.rules where !documents.contains(rule.source) { documents.append(rule.source) }
        page.list(documents, ordered: true)
        page.paragraph(t("本报告由 ZoneCalc \(ZoneCalcVersion.current) 按上列数据与规则计算生成，结论供审查人员复核后签署。",
                         "Computed by ZoneCalc \(ZoneCalcVersion.current) from the data and rules listed above, for the reviewer to check and sign."))
        return page
    }

    private func header(_ report: ProposalReport, project: ZoneProject, checkDate: CalendarDate, page: inout ReportDocument) {
        let text = ProposalReportText(language: language)
        var items = [(t("开发区", "zone"), report.zoneName + (report.zoneCode.map { "（\($0)）" } ?? ""))]
        let added = report.parts.filter { $0.change == .added }, removed = report.parts.filter { $0.change == .removed }
        func files(_ parts: [ProposalPart]) -> String {
            var names: [String] = []
            for part in parts where !names.contains(part.source) { names.append(part.source) }
            return names.map { ($0 as NSString).lastPathComponent }.joined(separator: t("、", ", "))
        }
        if report.givenAsNewBoundary {
            items.append((t("方案文件（调整后边界）", "proposal file (new boundary)"), files(report.parts)))
        } else {
            if !added.isEmpty { items.append((t("方案文件（新增）", "proposal files (added)"), files(added))) }
            if !removed.isEmpty { items.append((t("方案文件（调出）", "proposal files (taken out)"), files(removed))) }
        }
        items.append((t("方案类型", "kind"), text.kindName(report.kind) + (report.givenAsNewBoundary ? t("（以调整后边界给出）", " (given as the new boundary)") : "")))
        items.append((t("审查日期", "checked on"), checkDate.description))
        if let asOf = project.asOf { items.append((t("数据基准日", "data as of"), asOf)) }
        items.append((t("ZoneCalc 版本", "ZoneCalc version"), ZoneCalcVersion.current))
        items.append((t("规则配置", "rule profile"), RuleFiles(project: project).profile.text(language)))
        items.append((t("坐标系", "CRS"), report.crs.summary(language)))
        items.append((t("面积算法", "area method"), report.method.summary(in: report.crs, language: language)))
        for layer in ReportDataLayer.list(project) {
            items.append((t("数据：", "data: ") + (language == .zh ? layer.role.chineseName : layer.role.rawValue), ZoneReportTables.summary(of: layer, language: language)))
        }
        page.table(t("审查信息", "About this check"), headers: [t("项目", "item"), t("内容", "value")], rows: items.map { [$0.0, $0.1] }, keyValue: true)
    }

    private func landUseTable(_ caption: String, _ classes: [AddedLandClass], page: inout ReportDocument) {
        page.table(caption, headers: [t("地类编码", "code"), t("地类名称", "class"), t("三大类", "category"), t("公顷", "ha"), t("亩", "mu")],
                   rows: classes.map { [$0.code, $0.name, $0.category, hectares($0.area), mu($0.area)] }, numeric: [3, 4])
    }

    /// 一 … 十 for section numbers in Chinese.
    private func chineseNumeral(_ number: Int) -> String {
        let digits = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]
        return number < digits.count ? digits[number] : String(number)
    }
}
