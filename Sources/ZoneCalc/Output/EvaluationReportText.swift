/// Renders an ``EvaluationReport`` for the terminal: the land account by evaluation land status, the
/// zone type, the indicators, where every numerator and denominator came from, and what could not be
/// computed and why.
public struct EvaluationReportText {
    public var language: Language

    public init(language: Language = .en) { self.language = language }

    private func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    /// An indicator value with the decimals its unit needs.
    static func value(_ result: IndicatorResult) -> String {
        guard let value = result.value else { return "—" }
        return NumberText.fixed(value, decimals: 2)
    }

    /// A quantity in the unit reports show.
    static func quantity(_ quantity: EvaluationQuantity, _ language: Language) -> String {
        guard let value = quantity.value else { return "—" }
        let decimals = quantity.kind == .persons ? 0 : 4
        return "\(NumberText.fixed(quantity.kind.shown(value), decimals: decimals)) \(quantity.kind.unit.text(language))"
    }

    public func render(_ report: EvaluationReport) -> String {
        var out = "开发区土地集约利用评价" + t("：", ": ") + report.zoneName + (report.zoneCode.map { t("（\($0)）", " (\($0))") } ?? "")
        out += report.asOf.map { t("，基准日 \($0)", ", as of \($0)") } ?? ""
        out += "\n" + t("坐标系：", "CRS:    ") + report.crs.summary(language) + "\n"
        out += t("算法：", "Method: ") + "\(report.method.rawValue) = \(report.method.summary(in: report.crs, language: language))\n"
        out += t("开发区面积：", "Zone area: ") + "\(NumberText.fixed(report.zoneArea / 10_000, decimals: 4)) \(t("公顷", "ha"))\n\n"
        out += t("评价用地分类 — ", "Land status (评价用地分类) — ") + "\(report.landStatusSource)\n" + (report.landStatusBasis.map { t("（\($0.zh)）\n", "(\($0.en))\n") } ?? "")
        var land = TextTable(headers: [t("代码", "code"), t("名称", "name"), t("公顷", "ha"), t("亩", "mu"), t("占比", "share"), t("来源地类", "from")],
                             alignments: [.left, .left, .right, .right, .right, .left])
        for row in report.landStatus {
            land.add([row.code, row.name, NumberText.fixed(row.area / 10_000, decimals: 4),
                      AreaUnit.mu.text(squareMetres: row.area, decimals: 4),
                      NumberText.percent(report.zoneArea > 0 ? row.area / report.zoneArea : 0), row.from.text(language)])
        }
        out += land.render() + "\n"
        out += t("开发区类型：", "Zone type: ") + (report.zoneType.type?.rawValue ?? t("未确定", "not decided")) + " — \(report.zoneType.reason.text(language))\n\n"
        var table = TextTable(headers: ["#", t("指标", "indicator"), t("值", "value"), t("单位", "unit"), t("公式", "formula"), t("类型指标集", "set"), t("分值", "score")],
                              alignments: [.right, .left, .right, .left, .left, .left, .right])
        for (number, result) in report.indicators.enumerated() {
            table.add([String(number + 1), result.definition.name, Self.value(result), result.definition.unit, result.definition.formula.text(language),
                       result.inZoneTypeSet ? t("是", "yes") : "", result.score.map { NumberText.fixed($0, decimals: 2) } ?? ""])
        }
        out += table.render()
        out += t("（类型指标集：属于该开发区类型的指标集，TD/T 1029-2010（2014年度试行）开发区类型；公式见 TD/T 1029-2010 指标）\n\n",
                 "(set: in the indicator set of the zone type, TD/T 1029-2010（2014年度试行）开发区类型; formulas TD/T 1029-2010 指标)\n\n")
        out += t("分子与分母\n", "Numerators and denominators\n")
        var quantities = TextTable(headers: [t("符号", "symbol"), t("名称", "name"), t("值", "value"), t("来源", "source")], alignments: [.left, .left, .right, .left])
        for quantity in report.quantities {
            quantities.add([quantity.symbol, quantity.name, Self.quantity(quantity, language),
                            quantity.missing.map { t("缺少：", "missing: ") + $0.text(language) } ?? quantity.source.text(language)])
        }
        out += quantities.render() + "\n"
        let missing = report.indicators.filter { $0.notComputable != nil }
        if !missing.isEmpty {
            out += t("无法计算\n", "Not computable\n")
            for result in missing { out += "  \(result.definition.name)\(t("：", ": "))\(result.notComputable!.text(language))\n" }
            out += "\n"
        }
        out += t("集约度分值：", "Score (集约度分值): ")
        if let total = report.score.total {
            out += NumberText.fixed(total, decimals: 2) + " — \(report.score.reason.text(language))"
        } else {
            out += t("未评分 — ", "not scored — ") + report.score.reason.text(language)
        }
        out += report.score.confirmed ? "\n" : t("\n  （\(report.profileSource) 的理想值和权重标为未核实：\(report.score.source)）\n",
                                                  "\n  (ideal values and weights of \(report.profileSource) are marked unconfirmed: \(report.score.source))\n")
        if !report.warnings.isEmpty {
            out += t("\n警告\n", "\nWarnings\n")
            for warning in report.warnings { out += "  \(warning.text(language))\n" }
        }
        return out
    }
}
