/// The terminal summary of a zone report: each topic computed or not (and why), with its headline
/// figure; the files are listed by the CLI.
public struct ZoneReportText {
    public var language: Language

    public init(language: Language = .zh) { self.language = language }

    private func t(_ zh: String, _ en: String) -> String { Bilingual(zh, en).text(language) }

    public func render(_ report: ZoneReport) -> String {
        var table = TextTable(headers: [t("专题", "topic"), t("结果", "result")], alignments: [.left, .left])
        for topic in ZoneReportTopic.allCases {
            if let problem = report.problem(topic) {
                table.add([topic.title.text(language), t("未计算：", "not computed: ") + problem.message(language)])
            } else {
                table.add([topic.title.text(language), headline(topic, report)])
            }
        }
        var out = t("\(report.project.name)土地利用状况报告", "Land account of \(report.project.name)") + "\n" + table.render()
        let missing = report.notComputed
        if !missing.isEmpty {
            out += t("\(missing.count) 个专题缺数据未计算；报告中对应章节写明了需补充的数据。\n",
                     missing.count == 1 ? "1 topic lacked data; its section of the report says what to add.\n" : "\(missing.count) topics lacked data; their sections of the report say what to add.\n")
        }
        return out
    }

    private func hectares(_ m2: Double) -> String { NumberText.fixed(m2 / 10_000, decimals: 4) + t(" 公顷", " ha") }

    private func headline(_ topic: ZoneReportTopic, _ report: ZoneReport) -> String {
        let method = report.project.areaMethod
        switch topic {
        case .overview:
            guard let boundary = try? report.boundary.get() else { return "" }
            return t("\(boundary.parts.count) 个区块，", "\(boundary.parts.count) parts, ") + hectares(boundary.area)
        case .landUse:
            guard let overlay = try? report.landUse.get() else { return "" }
            return t("\(overlay.classes.count) 个地类，", "\(overlay.classes.count) classes, ") + hectares(overlay.total[method] ?? 0)
        case .evaluation:
            guard let evaluation = try? report.evaluation.get() else { return "" }
            let computed = evaluation.indicators.filter { $0.value != nil }.count
            return t("\(computed)/\(evaluation.indicators.count) 项指标可计算", "\(computed) of \(evaluation.indicators.count) indicators computed")
        case .idle:
            guard let idle = try? report.idle.get() else { return "" }
            let parcels = idle.parcels.filter(\.classification.status.isIdle)
            return t("闲置 \(parcels.count) 宗，", "\(parcels.count) idle parcels, ") + hectares(parcels.reduce(0) { $0 + $1.area })
        case .supplyChain:
            guard let idle = try? report.idle.get() else { return "" }
            let unsupplied = idle.unsupplied.map { t("批而未供 ", "approved unsupplied ") + hectares($0.area) } ?? t("批而未供未计算", "approved unsupplied not computed")
            return unsupplied + t("，供而未用 \(idle.parcels(.suppliedUnused).count) 宗", ", \(idle.parcels(.suppliedUnused).count) parcels supplied not used")
        case .standardLand:
            guard let standard = try? report.standardLand.get() else { return "" }
            return t("标准地 \(standard.parcels.filter(\.isStandardLand).count) 宗", "\(standard.parcels.filter(\.isStandardLand).count) standard-land parcels")
        case .perMu:
            guard let perMu = try? report.perMu.get() else { return "" }
            return t("\(perMu.enterprises.count) 家企业，\(perMu.evaluatedCount) 家参评", "\(perMu.enterprises.count) enterprises, \(perMu.evaluatedCount) evaluated")
        case .qc:
            guard let qc = try? report.qc.get() else { return "" }
            return t("\(qc.featureCount) 个要素，\(qc.findings.count) 个问题", "\(qc.featureCount) features, \(qc.findings.count) findings")
        }
    }
}
