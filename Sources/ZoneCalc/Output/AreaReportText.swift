/// Renders an ``AreaReport`` as readable terminal text in the run's language.
public struct AreaReportText {
    public var unit: AreaUnit
    public var decimals: Int
    public var showFeatures: Bool
    public var language: Language

    public init(unit: AreaUnit, decimals: Int? = nil, showFeatures: Bool = true, language: Language = .en) {
        self.unit = unit
        self.decimals = decimals ?? unit.defaultDecimals
        self.showFeatures = showFeatures
        self.language = language
    }

    private func t(_ zh: String, _ en: String) -> String { Bilingual(zh, en).text(language) }

    private func figure(_ squareMetres: Double?) -> String {
        squareMetres.map { NumberText.fixed(unit.value(ofSquareMetres: $0), decimals: decimals) } ?? ""
    }

    private var areaHeaders: (AreaReport) -> [String] {
        { report in report.methods.map { language == .zh ? $0.areaName.with(unit: unit.name).zh : "\($0.rawValue) (\(unit.label))" } }
    }

    public func render(_ report: AreaReport) -> String {
        var out = t("数据源：", "Source: ") + report.source + "\n" + t("坐标系：", "CRS:    ") + report.crs.summary(language) + "\n"
        if let plane = report.planarCRS { out += t("平面面积在 \(plane)（数据所在的高斯-克吕格 3° 带）中计算\n", "Planar areas computed in \(plane) (the Gauss–Krüger 3° zone of the data)\n") }
        for method in report.methods {
            out += t("算法：", "Method: ") + "\(method.rawValue) = \(method.summary(in: report.crs, language: language))\n"
        }
        out += t("单位：", "Unit:   ") + unit.label + (unit == .mu ? t("（1 亩 = 2000/3 平方米）", " (1 亩 = 2000/3 m²)") : "") + "\n\n"
        if showFeatures { out += featureTable(report).render() + "\n" }
        out += totalsTable(report).render()
        if !report.groups.isEmpty { out += "\n" + groupTable(report).render() }
        out += notes(report)
        return out
    }

    private func featureTable(_ report: AreaReport) -> TextTable {
        let check = report.declared
        var headers = ["#", "fid", t("编号", "id")] + areaHeaders(report)
        var left: Set<Int> = [2]
        if report.groups.isEmpty == false { headers.insert(t("分类", "class"), at: 3); left.insert(3) }
        if let check {
            headers += [t("申报面积（\(unit.label)）", "declared (\(unit.label))"), t("差值（相对\(check.method.areaName.zh)）", "diff vs \(check.method.rawValue)")]
        }
        headers.append(t("备注", "note"))
        left.insert(headers.count - 1)
        var table = TextTable(headers: headers, alignments: headers.indices.map { left.contains($0) ? .left : .right })
        let notes = AreaFeatureNotes(report, language: language)
        for (position, feature) in report.features.enumerated() {
            var row = [String(feature.index + 1), String(feature.fid), feature.label ?? ""]
            if report.groups.isEmpty == false { row.append(feature.group ?? "") }
            row += report.methods.map { figure(feature.area[$0]) }
            if let check {
                if let declared = feature.declaredSquareMetres, let computed = feature.area[check.method] {
                    row += [figure(declared), NumberText.percent(DeclaredAreaCheck.relativeDifference(declared: declared, computed: computed), decimals: 3)]
                } else {
                    row += ["", ""]
                }
            }
            row.append(notes.text(at: position))
            table.add(row)
        }
        return table
    }

    private func totalsTable(_ report: AreaReport) -> TextTable {
        var table = TextTable(headers: [t("合计", "total"), t("要素数", "features")] + areaHeaders(report), alignments: [.left] + Array(repeating: .right, count: report.methods.count + 1))
        table.add([t("全部已计算", "all measured"), String(report.measuredCount)] + report.methods.map { figure(report.total[$0]) })
        return table
    }

    private func groupTable(_ report: AreaReport) -> TextTable {
        let first = report.methods[0]
        let total = report.total[first] ?? 0
        var table = TextTable(headers: [t("分类", "class"), t("要素数", "features")] + areaHeaders(report) + [t("占比（\(first.areaName.zh)）", "share (\(first.rawValue))")],
                              alignments: [.left] + Array(repeating: .right, count: report.methods.count + 2))
        for group in report.groups {
            let share = total > 0 ? (group.area[first] ?? 0) / total : 0
            table.add([group.key, String(group.count)] + report.methods.map { figure(group.area[$0]) } + [NumberText.percent(share)])
        }
        return table
    }

    private func notes(_ report: AreaReport) -> String {
        var out = ""
        if !report.readWarnings.isEmpty {
            out += t("\n读取时的警告：\n", "\nWarnings while reading:\n") + report.readWarnings.map { "  \($0.text(language))\n" }.joined()
        }
        if let check = report.declared {
            let tolerance = NumberText.percent(check.tolerance, decimals: 2)
            out += t("\n申报面积（\(check.field)，\(check.unit.label)）与\(check.method.areaName.zh)比较：\(check.mismatches.count) 个要素相差超过末位半个单位加 \(tolerance)",
                     "\nDeclared area (\(check.field), in \(check.unit.label)) vs \(check.method.rawValue) area: \(check.mismatches.count) feature(s) differ by more than half a unit of the last decimal written plus \(tolerance)")
            out += check.missing > 0 ? t("；\(check.missing) 个要素无申报值\n", "; \(check.missing) without a declared value\n") : "\n"
        }
        if report.repairedCount > 0 {
            out += t("\n\(report.repairedCount) 个无效要素经修复（GEOS make-valid，linework 方法）后计算；--skip-invalid 可不计这些要素\n",
                     "\n\(report.repairedCount) invalid feature(s) measured after make-valid (GEOS linework method); --skip-invalid leaves them out\n")
        }
        if !report.skipped.isEmpty {
            out += t("\n\(report.skipped.count) 个要素未计算：\n", "\n\(report.skipped.count) feature(s) skipped:\n")
            for skipped in report.skipped.prefix(50) {
                let name = "#\(skipped.index + 1)（fid \(skipped.fid)\(skipped.label.map { "，\($0)" } ?? "")）"
                out += t("  要素 \(name) \(skipped.reason.zh)\n", "  feature #\(skipped.index + 1) (fid \(skipped.fid)\(skipped.label.map { ", \($0)" } ?? "")) \(skipped.reason.en)\n")
            }
            if report.skipped.count > 50 { out += t("  …… 另有 \(report.skipped.count - 50) 个（见 --format json）\n", "  … and \(report.skipped.count - 50) more (see --format json)\n") }
        }
        return out
    }
}
