/// Renders an ``EvaluationReport`` for the terminal: the land account by evaluation land status, the
/// zone type, the indicators, where every numerator and denominator came from, and what could not be
/// computed and why.
public struct EvaluationReportText {
    public init() {}

    /// An indicator value with the decimals its unit needs.
    static func value(_ result: IndicatorResult) -> String {
        guard let value = result.value else { return "—" }
        return NumberText.fixed(value, decimals: 2)
    }

    /// A quantity in the unit reports show.
    static func quantity(_ quantity: EvaluationQuantity) -> String {
        guard let value = quantity.value else { return "—" }
        let decimals = quantity.kind == .persons ? 0 : 4
        return "\(NumberText.fixed(quantity.kind.shown(value), decimals: decimals)) \(quantity.kind.unit)"
    }

    public func render(_ report: EvaluationReport) -> String {
        var out = "开发区土地集约利用评价: \(report.zoneName)\(report.zoneCode.map { " (\($0))" } ?? "")"
        out += report.asOf.map { ", as of \($0)" } ?? ""
        out += "\nCRS:    \(report.crs.summary)\nMethod: \(report.method.rawValue) = \(report.method.summary(in: report.crs))\n"
        out += "Zone area: \(NumberText.fixed(report.zoneArea / 10_000, decimals: 4)) 公顷\n\n"
        out += "Land status (评价用地分类) — \(report.landStatusSource)\n" + (report.landStatusBasis.map { "(\($0))\n" } ?? "")
        var land = TextTable(headers: ["code", "name", "公顷", "亩", "share", "from"], alignments: [.left, .left, .right, .right, .right, .left])
        for row in report.landStatus {
            land.add([row.code, row.name, NumberText.fixed(row.area / 10_000, decimals: 4),
                      AreaUnit.mu.text(squareMetres: row.area, decimals: 4),
                      NumberText.percent(report.zoneArea > 0 ? row.area / report.zoneArea : 0), row.from])
        }
        out += land.render() + "\n"
        out += "Zone type: \(report.zoneType.type?.rawValue ?? "not decided") — \(report.zoneType.reason)\n\n"
        var table = TextTable(headers: ["#", "indicator", "value", "unit", "formula", "set", "score"],
                              alignments: [.right, .left, .right, .left, .left, .left, .right])
        for (number, result) in report.indicators.enumerated() {
            table.add([String(number + 1), result.definition.name, Self.value(result), result.definition.unit, result.definition.formula,
                       result.inZoneTypeSet ? "yes" : "", result.score.map { NumberText.fixed($0, decimals: 2) } ?? ""])
        }
        out += table.render()
        out += "(set: in the indicator set of the zone type, TD/T 1029-2010（2014年度试行）开发区类型; formulas TD/T 1029-2010 指标)\n\n"
        out += "Numerators and denominators\n"
        var quantities = TextTable(headers: ["symbol", "name", "value", "source"], alignments: [.left, .left, .right, .left])
        for quantity in report.quantities {
            quantities.add([quantity.symbol, quantity.name, Self.quantity(quantity), quantity.missing.map { "missing: \($0)" } ?? quantity.source])
        }
        out += quantities.render() + "\n"
        let missing = report.indicators.filter { $0.notComputable != nil }
        if !missing.isEmpty {
            out += "Not computable\n"
            for result in missing { out += "  \(result.definition.name): \(result.notComputable!)\n" }
            out += "\n"
        }
        out += "Score (集约度分值): "
        if let total = report.score.total {
            out += NumberText.fixed(total, decimals: 2) + " — \(report.score.reason)"
        } else {
            out += "not scored — \(report.score.reason)"
        }
        out += report.score.confirmed ? "\n" : "\n  (ideal values and weights of \(report.profileSource) are marked unconfirmed: \(report.score.source))\n"
        if !report.warnings.isEmpty {
            out += "\nWarnings\n"
            for warning in report.warnings { out += "  \(warning)\n" }
        }
        return out
    }
}
