/// Renders a ``StandardLandReport`` for the terminal in the run's language: a summary by indicator, the
/// parcels failing a due checkpoint, and the 投而未达 parcels.
public struct StandardLandReportText {
    public var language: Language

    public init(language: Language) { self.language = language }

    func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    static func number(_ value: Double?) -> String { value.map { NumberText.fixed($0, decimals: 2) } ?? "—" }

    /// The checkpoint: its Chinese name, or in English its stable code.
    func checkpoint(_ checkpoint: Checkpoint) -> String { language == .zh ? checkpoint.chineseName : checkpoint.rawValue }

    /// The indicator: its name in the rule file (Chinese), or in English its stable id.
    func indicator(_ indicator: ControlIndicator) -> String { language == .zh ? indicator.name : indicator.id }

    public func render(_ report: StandardLandReport) -> String {
        let standard = report.parcels.filter(\.isStandardLand).count, industrial = report.parcels.filter(\.industrial).count
        var out = t("标准地 / 工业用地控制指标：\(report.zoneName)，基准日 \(report.asOf)（规则 \(report.rulesSource)）\n",
                    "Standard land / industrial-land control indicators: \(report.zoneName), as of \(report.asOf) (rules \(report.rulesSource))\n")
        out += t("宗地：\(report.source)：检查 \(report.parcels.count) 宗（标准地 \(standard) 宗，工业用地 \(industrial) 宗）\n面积算法：",
                 "Parcels: \(report.source): \(report.parcels.count) checked (\(standard) standard land, \(industrial) industrial)\nMethod: ")
        out += "\(report.method.rawValue) = \(report.method.summary(in: report.crs, language: language))\n\n"
        out += summary(report).render() + "\n"
        let failures = self.failures(report)
        out += failures.rows.isEmpty ? t("没有宗地在已到期的复核节点未达标。\n\n", "No parcel fails an indicator at a due checkpoint.\n\n")
            : t("已到复核节点而未达标", "Failing at a due checkpoint") + "\n" + failures.render() + "\n"
        let below = report.parcels.filter(\.producingBelowTarget)
        out += t("投而未达（已投产但未达到约定达产值）：\(below.count) 宗", "投而未达 (producing below an agreed 达产 value): \(below.count) parcel(s)")
        out += below.isEmpty ? "\n" : t("：", ": ") + below.map(\.id).joined(separator: ", ") + "\n"
        if !report.notes.isEmpty { out += "\n" + t("说明", "Notes") + "\n" + report.notes.map { "  \($0.text(language))\n" }.joined() }
        return out
    }

    private func summary(_ report: StandardLandReport) -> TextTable {
        let headers = language == .zh ? ["指标", "复核节点", "检查数", "达标", "未达标", "到期未达标", "无法计算"]
                                      : ["indicator", "checkpoint", "checked", "pass", "fail", "fail (due)", "not measurable"]
        var table = TextTable(headers: headers, alignments: [.left, .left, .right, .right, .right, .right, .right])
        let checks = report.parcels.flatMap(\.checks)
        for id in StandardLandRules.ids {
            let items = checks.filter { $0.indicator.id == id }
            guard let first = items.first else { continue }
            table.add(["\(indicator(first.indicator)) \(first.indicator.comparator.rawValue)", checkpoint(first.indicator.checkpoint), String(items.count),
                       String(items.filter { $0.outcome == .pass }.count), String(items.filter { $0.outcome == .fail }.count),
                       String(items.filter { $0.outcome == .fail && $0.due }.count), String(items.filter { $0.outcome == .notMeasurable }.count)])
        }
        return table
    }

    private func failures(_ report: StandardLandReport) -> TextTable {
        let headers = language == .zh ? ["宗地编号", "指标", "约定值", "实际值", "差距", "单位", "复核节点", "约定值来源", "实际值来源"]
                                      : ["parcel", "indicator", "agreed", "achieved", "gap", "unit", "checkpoint", "agreed from", "achieved from"]
        var table = TextTable(headers: headers, alignments: [.left, .left, .right, .right, .right, .left, .left, .left, .left])
        for parcel in report.parcels {
            for check in parcel.checks where check.outcome == .fail && check.due {
                table.add([parcel.id, indicator(check.indicator), Self.number(check.agreed), Self.number(check.achieved), Self.number(check.gap),
                           check.indicator.unit, check.dueNote.text(language), check.agreedSource.text(language), check.achievedSource.text(language)])
            }
        }
        return table
    }
}
