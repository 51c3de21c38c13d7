/// Renders an ``OverlayReport`` for the terminal in the run's language: zones, the table by class (m²,
/// 公顷, 亩, share, count), the three-category roll-up with the 耕地 subtotal, and the notes.
public struct OverlayReportText {
    public var decimals: Int?
    public var language: Language

    public init(decimals: Int? = nil, language: Language = .en) { self.decimals = decimals; self.language = language }

    private func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    /// "#n（label）" / "#n (label)".
    private func feature(_ index: Int, _ label: String?) -> String {
        "#\(index + 1)" + (label.map { t("（\($0)）", " (\($0))") } ?? "")
    }

    /// The method's area in m² as a heading.
    private func metres(_ method: AreaMethod) -> String { t("\(method.areaName.zh)（平方米）", "\(method.rawValue) m²") }

    private func text(_ squareMetres: Double?, _ unit: AreaUnit) -> String {
        squareMetres.map { NumberText.fixed(unit.value(ofSquareMetres: $0), decimals: decimals ?? unit.defaultDecimals) } ?? ""
    }

    public func render(_ report: OverlayReport) -> String {
        let primary = report.methods[0], others = report.methods.dropFirst()
        var out = "A:      \(report.aSource)\n" + t("B:      \(report.bSource)（\(report.zones.count) 个要素/部分）\n", "B:      \(report.bSource) (\(report.zones.count) feature(s)/part(s))\n")
        out += t("坐标系：", "CRS:    ") + report.crs.summary(language) + "\n"
        for method in report.methods { out += t("算法：", "Method: ") + "\(method.rawValue) = \(method.summary(in: report.crs, language: language))\n" }
        out += "\n"
        var zones = TextTable(headers: ["B", metres(primary), "公顷", "亩"], alignments: [.left, .right, .right, .right])
        for zone in report.zones { zones.add([zone.label, text(zone.area[primary], .squareMetre), text(zone.area[primary], .hectare), text(zone.area[primary], .mu)]) }
        out += zones.render() + "\n"
        let total = report.total[primary] ?? 0
        let headers = [t("分类", "class"), t("名称", "name"), t("块数", "pieces"), metres(primary), "公顷", "亩", t("占比", "share")]
            + others.map { t("\($0.areaName.zh)（亩）", "\($0.rawValue) 亩") } + report.apportionFields.map { t("\($0)（分摊）", "\($0) (apportioned)") }
        func row(_ key: String, _ name: String, _ pieces: String, _ area: MeasuredArea, _ apportioned: [Double] = []) -> [String] {
            let value = area[primary] ?? 0
            return [key, name, pieces, text(value, .squareMetre), text(value, .hectare), text(value, .mu),
                    NumberText.percent(total > 0 ? value / total : 0)] + others.map { text(area[$0], .mu) }
                + apportioned.map { NumberText.fixed($0, decimals: 4) }
        }
        let alignments: [TextTable.Alignment] = [.left, .left] + Array(repeating: .right, count: headers.count - 2)
        if !report.classes.isEmpty {
            var table = TextTable(headers: headers, alignments: alignments)
            for item in report.classes { table.add(row(item.key, item.name ?? "", String(item.pieces), item.area, item.apportioned)) }
            let apportionedTotals = report.apportionFields.indices.map { slot in report.classes.reduce(0) { $0 + $1.apportioned[slot] } }
            table.add(row(t("合计", "total"), "", String(report.pieceCount), report.total, apportionedTotals))
            out += table.render()
            out += report.classAreaBasis.map { t("（\($0.zh)）\n", "(\($0.en))\n") } ?? ""
            out += "\n"
        } else {
            var table = TextTable(headers: headers, alignments: alignments)
            table.add(row(t("合计", "total"), "", String(report.pieceCount), report.total))
            out += table.render() + "\n"
        }
        if !report.categories.isEmpty {
            var table = TextTable(headers: ["三大类", "", "", metres(primary), "公顷", "亩", t("占比", "share")]
                                    + others.map { t("\($0.areaName.zh)（亩）", "\($0.rawValue) 亩") },
                                  alignments: alignments)
            for item in report.categories { table.add(row(item.category, "", "", item.area)) }
            if let cultivated = report.cultivated { table.add(row("其中 耕地", "0101+0102+0103", "", cultivated)) }
            out += table.render()
            out += t("（三大类按 \(report.landClassSource ?? "地类表") 归并，TD/T 1055-2019 附录A）\n\n",
                     "(三大类 roll-up from \(report.landClassSource ?? "the land-class table"), TD/T 1055-2019 附录A)\n\n")
        }
        out += notes(report)
        return out
    }

    private func notes(_ report: OverlayReport) -> String {
        var out = report.datumNote.map { "\($0.text(language))\n" } ?? ""
        let primary = report.methods[0]
        if !report.overlaps.isEmpty {
            let gross = report.grossTotal[primary] ?? 0, net = report.total[primary] ?? 0
            let once = NumberText.fixed(gross - net, decimals: 2), before = NumberText.fixed(gross, decimals: 2)
            out += t("B 内 A 的要素有 \(report.overlaps.count) 对相互重叠（\(once) 平方米只计一次，计入 A 中靠前的要素；此前各块合计 \(before) 平方米）：\n",
                     "\(report.overlaps.count) pair(s) of A's features overlap inside B (\(once) m² counted once, "
                        + "for the feature that comes first in A; the pieces add up to \(before) m² before that):\n")
            for pair in report.overlaps.prefix(20) {
                let area = NumberText.fixed(pair.area, decimals: 2)
                out += "  " + t("\(feature(pair.first.index, pair.first.label)) 与 \(feature(pair.second.index, pair.second.label)) 在 \(pair.bLabel) 内：\(area) 平方米\n",
                                "\(feature(pair.first.index, pair.first.label)) and \(feature(pair.second.index, pair.second.label)) in \(pair.bLabel): \(area) m²\n")
            }
            if report.overlaps.count > 20 { out += more(report.overlaps.count - 20) }
        }
        out += t("A 有 \(report.crossing.count) 个要素跨 B 的边界，已裁切；\(report.outsideCount) 个在 B 外（至多以碎片接触 B）。\n",
                 "\(report.crossing.count) feature(s) of A cross the boundary of B and were clipped; \(report.outsideCount) lie outside "
                    + "(touching B at most in slivers).\n")
        for item in report.crossing.prefix(20) {
            let share = NumberText.percent(item.insideShare)
            out += "  " + t("要素 \(feature(item.aIndex, item.aLabel))：\(share) 在内\n", "feature \(feature(item.aIndex, item.aLabel)): \(share) inside\n")
        }
        if report.crossing.count > 20 { out += t("  …… 另有 \(report.crossing.count - 20) 个（用 -o 写出各块）\n", "  … and \(report.crossing.count - 20) more (write the pieces with -o)\n") }
        if !report.sliverWidthApplied {
            out += t("数据为经纬度：碎片只按面积判断（宽度判断需要米制）。\n", "The data are in longitude/latitude: slivers are judged by area only (the width test needs metres).\n")
        }
        if !report.slivers.isEmpty {
            let area = report.slivers.reduce(0) { $0 + $1.area }
            out += t("\(report.slivers.count) 个碎片，共 \(NumberText.fixed(area, decimals: 2)) 平方米，未计入统计：\n",
                     "\(report.slivers.count) sliver piece(s), \(NumberText.fixed(area, decimals: 2)) m² in all, left out of the statistics:\n")
            for sliver in report.slivers.prefix(20) {
                let area = NumberText.fixed(sliver.area, decimals: 3), width = NumberText.fixed(sliver.width, decimals: 3)
                out += "  " + t("要素 \(feature(sliver.aIndex, sliver.aLabel)) 在 \(sliver.bLabel) 内：\(area) 平方米", "feature \(feature(sliver.aIndex, sliver.aLabel)) in \(sliver.bLabel): \(area) m²")
                out += sliver.width.isFinite ? t("，平均宽度 \(width) 米\n", ", mean width \(width) m\n") : "\n"
            }
            if report.slivers.count > 20 { out += more(report.slivers.count - 20) }
        }
        if !report.readNotes.isEmpty {
            out += t("读取时记录了 A 的 \(report.readNotes.count) 个要素：\n", "\(report.readNotes.count) feature(s) of A noted while reading:\n")
            for item in report.readNotes.prefix(20) { out += "  " + t("要素 ", "feature ") + feature(item.aIndex, item.aLabel) + t("：", ": ") + item.note.text(language) + "\n" }
            if report.readNotes.count > 20 { out += more(report.readNotes.count - 20) }
        }
        if !report.repaired.isEmpty {
            out += t("A 的 \(report.repaired.count) 个无效要素经修复（GEOS make-valid，linework 方法）后叠加：\n",
                     "\(report.repaired.count) invalid feature(s) of A overlaid after make-valid (GEOS linework method):\n")
            for item in report.repaired.prefix(20) { out += "  " + t("要素 ", "feature ") + feature(item.aIndex, item.aLabel) + t("：", ": ") + item.problem.bilingual.text(language) + "\n" }
            if report.repaired.count > 20 { out += more(report.repaired.count - 20) }
        }
        if !report.skipped.isEmpty {
            out += t("A 的 \(report.skipped.count) 个要素未参与叠加：\n", "\(report.skipped.count) feature(s) of A skipped:\n")
            for item in report.skipped.prefix(20) { out += "  " + t("要素 ", "feature ") + feature(item.index, item.label) + t("：", ": ") + item.reason.text(language) + "\n" }
            if report.skipped.count > 20 { out += more(report.skipped.count - 20) }
        }
        return out
    }

    private func more(_ count: Int) -> String { t("  …… 另有 \(count) 个\n", "  … and \(count) more\n") }
}
