import GeoBridge

/// The zone report's content as a ``ReportDocument``, rendered as one self-contained HTML page (no
/// network, no scripts, print-ready on A4 portrait) and as Word: a section per topic with its tables
/// (the workbook's figures, as rounded there), maps in the zone's CRS and charts, each figure naming
/// the table it draws; a topic that could not be computed says why and what to add.
struct ZoneReportDocument {
    var language: Language

    private func t(_ zh: String, _ en: String) -> String { Bilingual(zh, en).text(language) }

    func title(_ report: ZoneReport) -> String {
        t("\(report.project.name)土地利用状况报告", "Land account of \(report.project.name)")
    }

    /// The report's content, for the page and the Word document.
    func document(_ report: ZoneReport) throws -> ReportDocument {
        let tables = ZoneReportTables(report: report, language: language)
        let maps = ZoneReportMaps(report: report, language: language)
        var page = ReportDocument(language: language)
        page.title(title(report))
        var facts = [report.project.code, report.project.asOf.map { t("基准日 \($0)", "as of \($0)") }].compactMap { $0 }
        facts.append("ZoneCalc \(ZoneCalcVersion.current)")
        page.paragraph(facts.joined(separator: " · "))
        page.list(ZoneReportTopic.allCases.map { topic in
            topic.title.text(language) + (report.problem(topic) == nil ? "" : t("（未计算）", " (not computed)"))
        }, ordered: true)
        for (index, topic) in ZoneReportTopic.allCases.enumerated() {
            page.section("\(index + 1)　" + topic.title.text(language))
            if let problem = report.problem(topic), topic != .overview {
                page.paragraph(t("未计算：", "Not computed: ") + problem.message(language), .missing)
            } else {
                try section(topic, report: report, tables: tables, maps: maps, page: &page)
            }
        }
        return page
    }

    private func section(_ topic: ZoneReportTopic, report: ZoneReport, tables: ZoneReportTables, maps: ZoneReportMaps,
                         page: inout ReportDocument) throws {
        switch topic {
        case .overview: try overview(report, tables: tables, maps: maps, page: &page)
        case .landUse: try landUse(report, tables: tables, maps: maps, page: &page)
        case .evaluation: evaluation(report, tables: tables, page: &page)
        case .idle: try idle(report, tables: tables, maps: maps, page: &page)
        case .supplyChain: supplyChain(tables, page: &page)
        case .standardLand: standardLand(report, page: &page)
        case .perMu: try perMu(report, tables: tables, maps: maps, page: &page)
        case .qc: qc(report, tables: tables, page: &page)
        }
    }

    /// Rows a printed report lists at most in one table; the workbook has them all.
    static let listedRows = 300

    /// A table of at most ``listedRows`` rows, with a note of how many more the workbook's sheet holds.
    private func listing(_ caption: String, _ table: ReportTable, keys: [String], rows: [ReportRow], page: inout ReportDocument) {
        page.table(caption, table, keys: keys, rows: Array(rows.prefix(Self.listedRows)))
        if rows.count > Self.listedRows {
            page.paragraph(t("仅列出前 \(Self.listedRows) 行，共 \(rows.count) 行；全部见工作簿“\(table.name.zh)”表。",
                             "The first \(Self.listedRows) of \(rows.count) rows; all of them are in the workbook's sheet '\(table.name.en)'."), .missing)
        }
    }

    private func place(_ outcome: ZoneReportMaps.Outcome, caption: String, table: Int?, page: inout ReportDocument) {
        switch outcome {
        case .drawn(let svg): page.figure(svg, caption: caption, table: table)
        case .notDrawn(let reason): page.paragraph(caption + t("：", ": ") + reason.text(language), .missing)
        }
    }

    private func overview(_ report: ZoneReport, tables: ZoneReportTables, maps: ZoneReportMaps, page: inout ReportDocument) throws {
        let overview = tables.overview
        page.table(t("概况", "Overview"), overview, keys: ["ITEM", "VALUE"], keyValue: true)
        guard case .success = report.boundary, let layer = tables.layers.first(where: { $0.name.hasPrefix("开发区范围") }) else {
            if let problem = report.problem(.overview) { page.paragraph(t("核准范围未计算：", "Boundary not computed: ") + problem.message(language), .missing) }
            return
        }
        let number = page.nextTable
        page.table(t("核准范围区块", "Parts of the approved boundary"), layer.table, keys: ["FEATURE", "NAME", "PART", "AREA_HA", "AREA_MU", "DECLARED"])
        place(try maps.zoneParts(title: t("核准范围区块", "parts of the approved boundary")), caption: t("开发区核准范围及区块", "The approved boundary and its parts"),
              table: number, page: &page)
    }

    private func landUse(_ report: ZoneReport, tables: ZoneReportTables, maps: ZoneReportMaps, page: inout ReportDocument) throws {
        guard case .success(let overlay) = report.landUse else { return }
        let table = tables.landUse
        let number = page.nextTable
        page.table(t("三调地类面积（开发区内）", "三调 land use inside the zone"), table, keys: ["ROW", "CODE", "NAME", "CATEGORY", "AREA_HA", "AREA_MU", "SHARE"])
        if let basis = overlay.classAreaBasis { page.paragraph(basis.text(language)) }
        let caveats = tables.landUseCaveats(overlay)
        if !caveats.isEmpty { page.paragraph(caveats.joined(separator: t("；", "; ")) + t("。", "."), .missing) }
        // The composition by first-level class: the class rows summed by their code's first two digits.
        let classes = try? LandClassTable.bundled()
        let method = report.project.areaMethod
        var byLevel: [String: Double] = [:]
        for item in overlay.classes { byLevel[String(item.key.prefix(2)), default: 0] += item.area[method] ?? 0 }
        let total = overlay.total[method] ?? 0
        let bars = byLevel.keys.sorted().map { level -> SVGBarChart.Bar in
            let area = byLevel[level]!
            let name = classes?.classes.values.first { $0.levelOneCode == level }?.levelOneName ?? t("未识别地类", "unknown class")
            let share = total > 0 ? "（" + NumberText.percent(area / total) + "）" : ""
            return SVGBarChart.Bar(label: "\(level) \(name)", value: area, text: NumberText.fixed(area / 10_000, decimals: 4) + t(" 公顷", " ha") + share,
                                   colour: ZoneReportMaps.levelOneColours[level] ?? "#9e9e9e")
        }
        page.figure(SVGBarChart(bars: bars).svg(title: t("土地利用构成", "land-use composition")),
                    caption: t("土地利用构成（按一级类汇总）", "Land-use composition by first-level class"), table: number)
        place(try maps.landUse(title: t("土地利用现状图", "land use"), classes: classes), caption: t("土地利用现状图（按一级类）", "Land use by first-level class"),
              table: number, page: &page)
    }

    private func evaluation(_ report: ZoneReport, tables: ZoneReportTables, page: inout ReportDocument) {
        guard case .success(let evaluation) = report.evaluation else { return }
        let number = page.nextTable
        func quantity(_ q: EvaluationQuantity) -> String {
            "\(q.symbol) = " + (q.value.map { NumberText.fixed(q.kind.shown($0), decimals: 4) + " " + q.kind.unit.text(language) } ?? t("缺", "missing"))
        }
        // Seven columns fit A4 portrait; each indicator's source, or what it lacks, follows as a numbered note.
        let rows = evaluation.indicators.enumerated().map { index, result -> [String] in
            let d = result.definition
            return ["\(index + 1) " + (language == .zh ? d.name : d.english), result.value.map { NumberText.fixed($0, decimals: 2) } ?? "—", d.unit,
                    d.formula.text(language), quantity(result.numerator), quantity(result.denominator), result.ideal.map { NumberText.fixed($0, decimals: 2) } ?? ""]
        }
        page.table(t("集约利用评价指标", "Land-intensity indicators"),
                   headers: [t("指标", "indicator"), t("值", "value"), t("单位", "unit"), t("公式", "formula"), t("分子", "numerator"),
                             t("分母", "denominator"), t("理想值", "ideal")],
                   rows: rows, numeric: [1, 6])
        page.list(evaluation.indicators.map { result in
            result.notComputable.map { t("无法计算：", "not computable: ") + $0.text(language) } ?? result.definition.rule
        }, ordered: true)
        page.paragraph(t("开发区类型：", "Zone type: ") + (evaluation.zoneType.type?.rawValue ?? t("未确定", "not decided")) + "（" + evaluation.zoneType.reason.text(language) + "）")
        page.paragraph(t("集约度分值：", "Score: ") + (evaluation.score.total.map { NumberText.fixed($0, decimals: 2) } ?? t("无", "none")) + "（" + evaluation.score.reason.text(language) + "）")
        let compared = evaluation.indicators.filter { $0.ideal != nil && $0.value != nil && $0.ideal! > 0 }
        guard !compared.isEmpty else {
            page.paragraph(t("评价配置没有给出理想值，指标未与理想值对比作图。", "The rule profile gives no ideal values: the indicators are not charted against them."))
            return
        }
        let bars = compared.map { result in
            SVGBarChart.Bar(label: "\(result.definition.id) \(result.definition.name)", value: result.value! / result.ideal! * 100,
                            text: NumberText.fixed(result.value!, decimals: 2) + " " + result.definition.unit,
                            colour: (result.lowerIsBetter ? result.value! <= result.ideal! : result.value! >= result.ideal!) ? "#43a047" : "#fb8c00",
                            reference: (100, t("理想值 ", "ideal ") + NumberText.fixed(result.ideal!, decimals: 2)))
        }
        page.figure(SVGBarChart(bars: bars).svg(title: t("指标与理想值", "indicators against ideal values")),
                    caption: t("指标值与理想值（竖线为理想值，条长为指标值 / 理想值）", "Indicators against their ideal values (the line is the ideal; bar length value / ideal)"),
                    table: number)
    }

    private func idle(_ report: ZoneReport, tables: ZoneReportTables, maps: ZoneReportMaps, page: inout ReportDocument) throws {
        guard case .success(let idle) = report.idle else { return }
        let number = page.nextTable
        page.table(t("各认定状态的宗数、面积和闲置费", "Parcels, area and fees by status"), totals: IdleExport.appendix(idle, language: language))
        let ledger = tables.idle
        let idleRows = zip(idle.parcels, ledger.rows).filter { $0.0.classification.status.isIdle }.map(\.1)
        if idleRows.isEmpty {
            page.paragraph(t("没有认定为闲置的宗地。", "No parcel is idle."))
        } else {
            listing(t("闲置宗地（全部宗地见工作簿“闲置土地”表）", "Idle parcels (every parcel in the workbook's sheet)"), ledger,
                    keys: ["PARCEL_ID", "ENTERPRISE", "STATUS", "YEARS", "FEE_WY", "AREA_MU", "ARTICLE"], rows: idleRows, page: &page)
        }
        let statusBars = IdleStatus.allCases.compactMap { status -> SVGBarChart.Bar? in
            let parcels = idle.parcels(status)
            guard !parcels.isEmpty else { return nil }
            let area = parcels.reduce(0) { $0 + $1.area }
            return SVGBarChart.Bar(label: status.name.text(language), value: area,
                                   text: NumberText.fixed(area / 10_000, decimals: 4) + t(" 公顷，", " ha, ") + t("\(parcels.count) 宗", "\(parcels.count) parcels"),
                                   colour: ZoneReportMaps.idleColours[status] ?? "#9e9e9e")
        }
        page.figure(SVGBarChart(bars: statusBars).svg(title: t("各状态面积", "area by status")), caption: t("闲置土地认定状态（面积）", "Idle-land status by area"), table: number)
        let years = Dictionary(grouping: idle.parcels.filter { $0.classification.status.isIdle }) { $0.classification.yearsIdle ?? 0 }
        if !years.isEmpty {
            let bars = years.keys.sorted().map { year -> SVGBarChart.Bar in
                let parcels = years[year]!, area = parcels.reduce(0) { $0 + $1.area }
                return SVGBarChart.Bar(label: t("闲置 \(year) 年", "\(year) years idle"), value: area,
                                       text: NumberText.fixed(area / 10_000, decimals: 4) + t(" 公顷，", " ha, ") + t("\(parcels.count) 宗", "\(parcels.count) parcels"),
                                       colour: "#ef6c00")
            }
            page.figure(SVGBarChart(bars: bars).svg(title: t("闲置年限", "years idle")), caption: t("闲置土地按闲置年限（面积）", "Idle land by years idle"),
                        table: number + 1)
        }
        place(try maps.idle(idle, title: t("闲置土地分布", "idle land")), caption: t("宗地闲置认定状态分布图", "Parcels by idle-land status"), table: number, page: &page)
    }

    private func supplyChain(_ tables: ZoneReportTables, page: inout ReportDocument) {
        let table = tables.supplyChain
        // Each category's total row first, then its parcels (as many as a printed page can carry).
        // (a total row has no parcel id, or 合计 in its place)
        func isTotal(_ row: ReportRow) -> Bool { row.values[1] == .null || row.values[1] == .string(t("合计", "total")) }
        let totals = table.rows.filter(isTotal)
        page.table(t("批而未供及供应链各类合计", "Approved unsupplied and the supply-chain totals"), table, keys: ["CATEGORY", "PARCELS", "AREA_HA", "AREA_MU", "NOTE"], rows: totals)
        listing(t("供应链各类宗地", "Parcels by supply-chain category"), table, keys: ["CATEGORY", "PARCEL_ID", "ENTERPRISE", "AREA_HA", "AREA_MU", "NOTE"],
                rows: table.rows.filter { !isTotal($0) }, page: &page)
    }

    private func standardLand(_ report: ZoneReport, page: inout ReportDocument) {
        guard case .success(let standard) = report.standardLand else { return }
        let indicators = StandardLandExport.indicators(standard)
        let appendix = StandardLandExport.appendix(standard, indicators: indicators, language: language)
        let marked = standard.parcels.filter(\.isStandardLand).count
        page.paragraph(t("标准地 \(marked) 宗，共检查 \(standard.parcels.count) 宗；逐宗结果见工作簿“标准地”表。",
                         "\(marked) standard-land parcels of \(standard.parcels.count) checked; each parcel in the workbook's sheet."))
        page.table(t("标准地控制指标达标情况", "Standard-land indicators"), totals: appendix)
    }

    private func perMu(_ report: ZoneReport, tables: ZoneReportTables, maps: ZoneReportMaps, page: inout ReportDocument) throws {
        guard case .success(let perMu) = report.perMu else { return }
        let appendix = PerMuExport.appendix(perMu, language: language)
        let number = page.nextTable
        page.table(t("各类企业数与用地", "Enterprises and land by class"), totals: appendix)
        if let ranking = tables.perMu.first {
            listing(t("企业亩均排名", "Enterprise ranking"), ranking, keys: ["RANK", "NAME", "LAND_MU", "TAX", "TAX_MU", "SCORE", "CLASS"], rows: ranking.rows, page: &page)
        }
        let classBars = appendix.totals.enumerated().map { index, row in
            let count = row[1].doubleValue ?? 0
            return SVGBarChart.Bar(label: row[0].text ?? "", value: count, text: t("\(Int(count)) 家", "\(Int(count)) enterprises"),
                                   colour: ZoneReportMaps.classColours[index % ZoneReportMaps.classColours.count])
        }
        page.figure(SVGBarChart(bars: classBars).svg(title: t("企业分类", "enterprise classes")), caption: t("亩均评价企业分类分布", "Enterprises by per-mu class"), table: number)
        let values = perMu.enterprises.compactMap { $0.ratio(.taxPerMu).value }.sorted()
        if let low = values.first, let high = values.last, values.count > 1, high > low {
            let step = SVGMap.roundStep((high - low) / 6)
            let start = (low / step).rounded(.down) * step
            var bins: [Int: Int] = [:]
            for value in values { bins[Int(((value - start) / step).rounded(.down)), default: 0] += 1 }
            let bars = bins.keys.sorted().map { bin -> SVGBarChart.Bar in
                let from = start + Double(bin) * step
                return SVGBarChart.Bar(label: NumberText.fixed(from, decimals: 2) + "–" + NumberText.fixed(from + step, decimals: 2) + t(" 万元/亩", " 10k yuan/mu"),
                                       value: Double(bins[bin]!), text: t("\(bins[bin]!) 家", "\(bins[bin]!) enterprises"), colour: "#5b8def")
            }
            page.figure(SVGBarChart(bars: bars).svg(title: t("亩均税收分布", "tax per mu")), caption: t("企业亩均税收分布", "Enterprises by tax per mu"), table: number + 1)
        }
        place(try maps.perMu(perMu, title: t("亩均分类图", "per-mu classes")), caption: t("宗地按用地企业亩均分类（主要用地企业）", "Parcels by their main user's per-mu class"),
              table: number + 1, page: &page)
    }

    private func qc(_ report: ZoneReport, tables: ZoneReportTables, page: inout ReportDocument) {
        guard case .success(let qc) = report.qc else { return }
        page.paragraph(t("检查 \(qc.source) 的 \(qc.featureCount) 个要素；问题明细见 report.gpkg 的质检问题图层。",
                         "\(qc.featureCount) features of \(qc.source) checked; each finding is in report.gpkg's QC layers."))
        let table = tables.qc
        page.table(t("质检问题按代码汇总", "QC findings by code"), table, keys: table.columns.map(\.key))
    }
}
