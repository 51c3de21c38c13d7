/// Renders ``LayerSummary`` values as readable terminal text in the run's language.
public enum LayerSummaryText {
    public static func render(_ summary: LayerSummary, language: Language = .en) -> String {
        func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }
        var out = t("图层：\(summary.layer)   （\(summary.source)，格式 \(summary.format.zh)）\n", "Layer: \(summary.layer)   (\(summary.source), format \(summary.format.en))\n")
        out += t("  要素数：    ", "  Features:   ") + "\(summary.featureCount)"
        if summary.featuresWithoutGeometry > 0 { out += t("（\(summary.featuresWithoutGeometry) 个无几何）", " (\(summary.featuresWithoutGeometry) without geometry)") }
        out += t("\n  几何类型：  ", "\n  Geometries: ") + (summary.geometryTypes.isEmpty ? t("无", "none") :
            summary.geometryTypes.sorted { $0.key < $1.key }.map { type, count in
                "\(type == "unreadable" ? t("无法读取", type) : type) \(count)"
            }.joined(separator: t("、", ", "))) + "\n"
        let conversions = summary.conversions.map { (note: $0.key.note.text(language), count: $0.value) }.sorted { $0.note < $1.note }
        for (note, count) in conversions { out += t("  已转换：    ", "  Converted:  ") + "\(count) × \(note)\n" }
        switch summary.crs {
        case .success(let crs):
            out += t("  坐标系：    ", "  CRS:        ") + crs.summary(language) + "\n"
            if let datum = crs.datum { out += t("  大地基准：  ", "  Datum:      ") + datum.rawValue + "\n" }
        case .failure(let error):
            out += t("  坐标系：    不可用：", "  CRS:        not usable: ") + error.message(language) + "\n"
        }
        if let e = summary.extent {
            let d = e.maxX.magnitude > 1000 ? 3 : 8
            out += t("  范围：      ", "  Extent:     ") + "x \(NumberText.fixed(e.minX, decimals: d)) … \(NumberText.fixed(e.maxX, decimals: d)), "
            out += "y \(NumberText.fixed(e.minY, decimals: d)) … \(NumberText.fixed(e.maxY, decimals: d))\n"
        }
        out += t("  文字编码：  ", "  Encoding:   ") + summary.encoding.text(language) + "\n"
        out += t("  无效几何：  ", "  Invalid:    ") + "\(summary.invalid.count)\n"
        for item in summary.invalid.prefix(20) {
            out += t("    要素 #\(item.index + 1)（fid \(item.fid)）：", "    feature #\(item.index + 1) (fid \(item.fid)): ") + item.problem.bilingual.text(language) + "\n"
        }
        if summary.invalid.count > 20 { out += t("    …… 另有 \(summary.invalid.count - 20) 个\n", "    … and \(summary.invalid.count - 20) more\n") }
        if !summary.readWarnings.isEmpty {
            out += t("  警告：\n", "  Warnings:\n") + summary.readWarnings.map { "    \($0.text(language))\n" }.joined()
        }
        var table = TextTable(headers: [t("字段", "field"), t("类型", "type"), t("宽度", "width"), t("精度", "precision")],
                              alignments: [.left, .left, .right, .right])
        for field in summary.fields { table.add([field.name, field.type.name, String(field.width), String(field.precision)]) }
        out += t("  字段：\n", "  Fields:\n") + table.render().split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
        return out
    }
}
