/// Renders a ``StandardLandReport`` for the terminal: a summary by indicator, the parcels failing a due
/// checkpoint, and the 投而未达 parcels.
public struct StandardLandReportText {
    public init() {}

    static func number(_ value: Double?) -> String { value.map { NumberText.fixed($0, decimals: 2) } ?? "—" }

    public func render(_ report: StandardLandReport) -> String {
        let standard = report.parcels.filter(\.isStandardLand).count
        var out = "标准地 / 工业用地控制指标: \(report.zoneName), as of \(report.asOf) (rules \(report.rulesSource))\n"
        out += "Parcels: \(report.source): \(report.parcels.count) checked (\(standard) standard land, "
        out += "\(report.parcels.filter(\.industrial).count) industrial)\nMethod: \(report.method.rawValue) = \(report.method.summary(in: report.crs))\n\n"
        var summary = TextTable(headers: ["indicator", "checkpoint", "checked", "pass", "fail", "fail (due)", "not measurable"],
                                alignments: [.left, .left, .right, .right, .right, .right, .right])
        let checks = report.parcels.flatMap(\.checks)
        for id in StandardLandRules.ids {
            let items = checks.filter { $0.indicator.id == id }
            guard let first = items.first else { continue }
            summary.add(["\(first.indicator.name) \(first.indicator.comparator.rawValue)", first.indicator.checkpoint.rawValue, String(items.count),
                         String(items.filter { $0.outcome == .pass }.count), String(items.filter { $0.outcome == .fail }.count),
                         String(items.filter { $0.outcome == .fail && $0.due }.count), String(items.filter { $0.outcome == .notMeasurable }.count)])
        }
        out += summary.render() + "\n"
        var failures = TextTable(headers: ["parcel", "indicator", "agreed", "achieved", "gap", "unit", "checkpoint", "agreed from", "achieved from"],
                                 alignments: [.left, .left, .right, .right, .right, .left, .left, .left, .left])
        for parcel in report.parcels {
            for check in parcel.checks where check.outcome == .fail && check.due {
                failures.add([parcel.id, check.indicator.name, Self.number(check.agreed), Self.number(check.achieved), Self.number(check.gap),
                              check.indicator.unit, check.dueNote, check.agreedSource, check.achievedSource])
            }
        }
        out += failures.rows.isEmpty ? "No parcel fails an indicator at a due checkpoint.\n\n" : "Failing at a due checkpoint\n" + failures.render() + "\n"
        let below = report.parcels.filter(\.producingBelowTarget)
        out += "投而未达 (producing below an agreed 达产 value): \(below.count) parcel(s)"
        out += below.isEmpty ? "\n" : ": " + below.map(\.id).joined(separator: ", ") + "\n"
        if !report.notes.isEmpty { out += "\nNotes\n" + report.notes.map { "  \($0)\n" }.joined() }
        return out
    }
}
