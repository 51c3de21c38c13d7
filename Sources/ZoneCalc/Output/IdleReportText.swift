/// Renders an ``IdleLandReport`` for the terminal in the run's language: totals by status and by
/// supply-chain category, 批而未供, then every parcel that is idle, overdue, in a supply-chain category or
/// missing data.
public struct IdleReportText {
    public var language: Language

    public init(language: Language) { self.language = language }

    func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    static func hectares(_ squareMetres: Double) -> String { AreaUnit.hectare.text(squareMetres: squareMetres, decimals: 4) }
    static func mu(_ squareMetres: Double) -> String { AreaUnit.mu.text(squareMetres: squareMetres, decimals: 4) }

    /// A parcel's reason with the data it misses, in `language` (also the reason column of the export).
    static func reason(_ classification: IdleClassification, _ language: Language) -> String {
        let missing = classification.missing.joined(zh: "，", en: ", ")
        return classification.reason.text(language)
            + (classification.missing.isEmpty ? "" : Bilingual("；缺失：", "; missing: ").text(language) + missing.text(language))
    }

    /// The status as a planner reads it: its Chinese name, or in English its stable code (also the export's).
    static func status(_ status: IdleStatus, _ language: Language) -> String { language == .zh ? status.chineseName : status.rawValue }

    /// The supply-chain category: its Chinese name, or in English its stable code (also the export's).
    static func category(_ category: SupplyChainCategory, _ language: Language) -> String {
        language == .zh ? category.chineseName : category.rawValue
    }

    func status(_ status: IdleStatus) -> String { Self.status(status, language) }
    func category(_ category: SupplyChainCategory) -> String { Self.category(category, language) }

    public func render(_ report: IdleLandReport) -> String {
        let order = report.rules.sources["order"] ?? "国土资源部令第53号"
        var out = t("闲置土地：\(report.zoneName)，基准日 \(report.asOf)（\(order)；规则 \(report.rules.source)）\n",
                    "Idle land (闲置土地): \(report.zoneName), as of \(report.asOf) (\(order); rules \(report.rules.source))\n")
        out += t("宗地：\(report.source)，\(report.parcels.count) 宗\n面积算法：", "Parcels: \(report.source), \(report.parcels.count) parcels\nMethod: ")
            + "\(report.method.rawValue) = \(report.method.summary(in: report.crs, language: language))\n\n"
        out += totals(report).render() + "\n"
        out += chain(report).render() + t("（供应链分类为工作定义）\n\n", "(supply-chain categories: working definitions)\n\n")
        let listed = report.parcels.filter { item in
            let status = item.classification.status
            return status != .started && status != .notSupplied && status != .notYetDue || !item.classification.categories.isEmpty
        }
        if !listed.isEmpty { out += parcels(listed).render() + "\n" }
        if !report.assumptions.isEmpty {
            out += t("假设", "Assumptions") + "\n" + report.assumptions.map { "  \($0.text(language))\n" }.joined() + "\n"
        }
        if !report.notes.isEmpty {
            out += t("说明", "Notes") + "\n" + report.notes.map { "  \($0.text(language))\n" }.joined()
        }
        return out
    }

    private func totals(_ report: IdleLandReport) -> TextTable {
        let headers = language == .zh ? ["状态", "宗数", "公顷", "亩", "闲置费（万元）", "条款"]
                                      : ["status", "meaning", "parcels", "ha", "mu", "fee (万元)", "article"]
        var table = TextTable(headers: headers, alignments: headers.map { ["状态", "条款", "status", "meaning", "article"].contains($0) ? .left : .right })
        func add(_ code: String, _ name: Bilingual, _ items: [IdleParcelResult], fee: String, article: String) {
            let area = items.reduce(0) { $0 + $1.area }
            let figures = [String(items.count), Self.hectares(area), Self.mu(area), fee, article]
            table.add((language == .zh ? [name.zh] : [code, name.en]) + figures)
        }
        for status in IdleStatus.allCases {
            let items = report.parcels(status)
            guard !items.isEmpty else { continue }
            let fees = items.compactMap(\.classification.fee)
            add(status.rawValue, status.name, items, fee: fees.isEmpty ? "" : NumberText.fixed(fees.reduce(0, +), decimals: 2), article: status.article)
        }
        add("idle_total", Bilingual("闲置土地合计", "idle land in total"), report.parcels.filter(\.classification.status.isIdle), fee: "", article: "第二条")
        return table
    }

    private func chain(_ report: IdleLandReport) -> TextTable {
        var table = TextTable(headers: [t("类别", "category"), t("宗数", "parcels"), t("公顷", "ha"), t("亩", "mu")],
                              alignments: [.left, .right, .right, .right])
        let unsupplied = t("批而未供", "approved_unsupplied")
        if let area = report.unsupplied?.area {
            table.add([unsupplied, "", Self.hectares(area), Self.mu(area)])
        } else {
            table.add([unsupplied, "", t("未评价：", "not evaluated: ") + (report.unsuppliedReason?.text(language) ?? ""), ""])
        }
        for category in SupplyChainCategory.allCases {
            let items = report.parcels(category)
            let area = items.reduce(0) { $0 + $1.area }
            table.add([self.category(category), String(items.count), Self.hectares(area), Self.mu(area)])
        }
        return table
    }

    private func parcels(_ listed: [IdleParcelResult]) -> TextTable {
        let headers = language == .zh ? ["宗地编号", "状态", "闲置年限", "闲置费（万元）", "亩", "公顷", "条款", "类别", "原因"]
                                      : ["parcel", "status", "years", "fee (万元)", "mu", "ha", "article", "categories", "reason"]
        var table = TextTable(headers: headers, alignments: [.left, .left, .right, .right, .right, .right, .left, .left, .left])
        for item in listed {
            let c = item.classification
            table.add([item.id, status(c.status), c.yearsIdle.map(String.init) ?? "", c.fee.map { NumberText.fixed($0, decimals: 2) } ?? "",
                       Self.mu(item.area), Self.hectares(item.area), c.status.article,
                       c.categories.map(category).joined(separator: " "), Self.reason(c, language)])
        }
        return table
    }
}
