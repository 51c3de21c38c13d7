/// Renders a ``PerMuReport`` for the terminal in the run's language: the zone's per-mu figures in 万元/亩
/// and 万元/公顷, the enterprise ranking with score and class, class counts, parcels shared by several
/// enterprises.
public struct PerMuReportText {
    public var language: Language

    public init(language: Language) { self.language = language }

    func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    static func number(_ value: Double?, _ decimals: Int = 2) -> String { value.map { NumberText.fixed($0, decimals: decimals) } ?? "—" }

    /// The indicator: its Chinese name, or in English its stable code.
    func indicator(_ indicator: PerMuIndicator) -> String { language == .zh ? indicator.name : indicator.rawValue }

    public func render(_ report: PerMuReport) -> String {
        let method = "\(report.method.rawValue) = \(report.method.summary(in: report.crs, language: language))"
        var out = t("亩均效益：\(report.zoneName)\n宗地：\(report.source)；面积算法 \(method)\n", "Per-mu output (亩均效益): \(report.zoneName)\nParcels: \(report.source); method \(method)\n")
        out += t("评价方案：", "Profile: ") + "\(report.profile.file) — \(report.profile.source)\n\n"
        let mu = NumberText.fixed(report.zone.mu, decimals: 4), hectares = NumberText.fixed(report.zone.land / 10_000, decimals: 4)
        out += t("开发区：参评企业 \(report.evaluatedCount) 家，用地 \(mu) 亩（\(hectares) 公顷）\n",
                 "Zone: \(report.evaluatedCount) evaluated enterprises on \(mu) mu (\(hectares) ha)\n")
        out += zone(report).render() + "\n"
        out += t("企业（得分 = Σ 权重 × 实际值 / 基准值，台州市黄岩区 2022 亩均效益综合评价）",
                 "Enterprises (score = Σ weight × achieved / benchmark, 台州市黄岩区 2022 亩均效益综合评价)") + "\n" + enterprises(report).render() + "\n"
        var counts = TextTable(headers: [t("类别", "class"), t("含义", "meaning"), t("起始得分", "from score"), t("企业数", "enterprises")],
                               alignments: [.left, .left, .right, .right])
        for cutoff in report.profile.classes {
            counts.add([cutoff.label, cutoff.meaning, NumberText.fixed(cutoff.minScore, decimals: 0),
                        String(report.enterprises.filter { $0.classLabel == cutoff.label }.count)])
        }
        out += counts.render()
        let unscored = report.enterprises.compactMap(\.notScored)
        if !unscored.isEmpty {
            out += "\n" + t("未评分（\(unscored.count) 家）", "Not scored (\(unscored.count))") + "\n"
            for reason in Set(unscored.map { $0.text(language) }).sorted() {
                let count = unscored.filter { $0.text(language) == reason }.count
                out += t("  \(count) 家：\(reason)\n", "  \(count) enterprise(s): \(reason)\n")
            }
        }
        let averaged = report.enterprises.filter { $0.parts.contains { $0.basis == .schemeAverage } }.count
        if averaged > 0 {
            out += "\n" + t("\(averaged) 家企业缺少某项数据，该项按方案平均分计（评价方案：missing: average）",
                            "\(averaged) enterprise(s) scored with the scheme average for a missing figure (profile: missing: average)") + "\n"
        }
        let shared = report.parcels.filter { $0.users.count > 1 }
        if !shared.isEmpty {
            out += "\n" + t("多家企业共用的宗地", "Parcels used by several enterprises") + "\n"
            for parcel in shared {
                out += "  \(parcel.id)" + t("（\(parcel.split.zh)）：", " (\(parcel.split.en)): ")
                    + parcel.users.map { "\($0.id) \(NumberText.fixed($0.share * 100, decimals: 1)) %" }.joined(separator: ", ") + "\n"
            }
        }
        if !report.notes.isEmpty { out += "\n" + t("说明", "Notes") + "\n" + report.notes.map { "  \($0.text(language))\n" }.joined() }
        return out
    }

    private func zone(_ report: PerMuReport) -> TextTable {
        var table = TextTable(headers: [t("指标", "indicator"), t("数值", "value"), t("单位", "unit"), t("每公顷", "per ha"), t("企业数", "enterprises")],
                              alignments: [.left, .right, .left, .right, .left])
        for ratio in report.zoneRatios {
            let indicator = ratio.indicator, value = ratio.value
            table.add([self.indicator(indicator), Self.number(value), indicator.unit,
                       indicator.perLand ? value.map { NumberText.fixed($0 * 15, decimals: 2) + " 万元/公顷" } ?? "—" : "",
                       "\(ratio.used)" + (ratio.leftOutNote.map { t("（\($0.zh)）", " (\($0.en))") } ?? "")])
        }
        return table
    }

    private func enterprises(_ report: PerMuReport) -> TextTable {
        let shown = Array(Set(report.profile.schemes.flatMap { $0.indicators.map(\.indicator) }))
            .compactMap(PerMuIndicator.init(rawValue:)).sorted { PerMuIndicator.allCases.firstIndex(of: $0)! < PerMuIndicator.allCases.firstIndex(of: $1)! }
        let headers = language == .zh ? ["排名", "企业代码", "企业名称", "亩", "方案", "得分", "类别"] : ["rank", "enterprise", "name", "mu", "scheme", "score", "class"]
        var table = TextTable(headers: headers + shown.map(indicator),
                              alignments: [.right, .left, .left, .right, .left, .right, .left] + shown.map { _ in .right })
        let schemes = Dictionary(report.profile.schemes.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        for enterprise in report.enterprises {
            let scheme = enterprise.scheme.map { language == .zh ? schemes[$0] ?? $0 : $0 } ?? ""
            table.add([enterprise.rank.map(String.init) ?? "", enterprise.id, enterprise.name, NumberText.fixed(enterprise.figures.mu, decimals: 2),
                       scheme, Self.number(enterprise.score), enterprise.classLabel ?? (enterprise.notScored == nil ? "" : "—")]
                      + shown.map { Self.number(enterprise.ratio($0).value) })
        }
        return table
    }
}
