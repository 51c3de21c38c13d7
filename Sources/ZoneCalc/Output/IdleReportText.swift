/// Renders an ``IdleLandReport`` for the terminal: totals by status and by supply-chain category,
/// 批而未供, then every parcel that is idle, overdue, in a supply-chain category or missing data.
public struct IdleReportText {
    public init() {}

    static func hectares(_ squareMetres: Double) -> String { AreaUnit.hectare.text(squareMetres: squareMetres, decimals: 4) }
    static func mu(_ squareMetres: Double) -> String { AreaUnit.mu.text(squareMetres: squareMetres, decimals: 4) }

    public func render(_ report: IdleLandReport) -> String {
        var out = "闲置土地: \(report.zoneName), as of \(report.asOf) (\(report.rules.sources["order"] ?? "国土资源部令第53号"); rules \(report.rules.source))\n"
        out += "Parcels: \(report.source), \(report.parcels.count) parcels\nMethod: \(report.method.rawValue) = \(report.method.summary(in: report.crs))\n\n"
        var totals = TextTable(headers: ["status", "", "parcels", "公顷", "亩", "fee 万元", "article"],
                               alignments: [.left, .left, .right, .right, .right, .right, .left])
        for status in IdleStatus.allCases {
            let items = report.parcels(status)
            guard !items.isEmpty else { continue }
            let area = items.reduce(0) { $0 + $1.area }
            let fees = items.compactMap(\.classification.fee)
            totals.add([status.rawValue, status.chineseName, String(items.count), Self.hectares(area), Self.mu(area),
                        fees.isEmpty ? "" : NumberText.fixed(fees.reduce(0, +), decimals: 2), status.article])
        }
        let idle = report.parcels.filter(\.classification.status.isIdle)
        let idleArea = idle.reduce(0) { $0 + $1.area }
        totals.add(["idle total", "闲置土地合计", String(idle.count), Self.hectares(idleArea), Self.mu(idleArea), "", "第二条"])
        out += totals.render() + "\n"
        var chain = TextTable(headers: ["category", "", "parcels", "公顷", "亩"], alignments: [.left, .left, .right, .right, .right])
        if let unsupplied = report.unsupplied {
            chain.add(["approved_unsupplied", "批而未供", "", Self.hectares(unsupplied.area), Self.mu(unsupplied.area)])
        } else {
            chain.add(["approved_unsupplied", "批而未供", "", "not evaluated: \(report.unsuppliedReason ?? "")", ""])
        }
        for category in SupplyChainCategory.allCases {
            let items = report.parcels(category)
            let area = items.reduce(0) { $0 + $1.area }
            chain.add([category.rawValue, category.chineseName, String(items.count), Self.hectares(area), Self.mu(area)])
        }
        out += chain.render() + "(supply-chain categories: working definitions)\n\n"
        let listed = report.parcels.filter { item in
            let status = item.classification.status
            return status != .started && status != .notSupplied && status != .notYetDue || !item.classification.categories.isEmpty
        }
        if !listed.isEmpty {
            var table = TextTable(headers: ["parcel", "status", "years", "fee 万元", "亩", "公顷", "article", "categories", "reason"],
                                  alignments: [.left, .left, .right, .right, .right, .right, .left, .left, .left])
            for item in listed {
                let c = item.classification
                table.add([item.id, c.status.rawValue, c.yearsIdle.map(String.init) ?? "", c.fee.map { NumberText.fixed($0, decimals: 2) } ?? "",
                           Self.mu(item.area), Self.hectares(item.area), c.status.article,
                           c.categories.map(\.chineseName).joined(separator: " "),
                           c.reason + (c.missing.isEmpty ? "" : "; missing: " + c.missing.joined(separator: ", "))])
            }
            out += table.render() + "\n"
        }
        if !report.assumptions.isEmpty {
            out += "Assumptions\n" + report.assumptions.map { "  \($0)\n" }.joined() + "\n"
        }
        if !report.notes.isEmpty {
            out += "Notes\n" + report.notes.map { "  \($0)\n" }.joined()
        }
        return out
    }
}
