import GeoBridge

/// Writes an ``AreaReport`` as a ledger (台账): one row per feature with its areas by method (in m² and
/// in the chosen unit, rounded as the terminal shows them), the declared-area comparison (the
/// difference in per cent) and its note, followed by the feature's own attributes (all, or those chosen
/// with ``SourceFieldSelection``) under the names the data came with. GIS formats carry the geometry
/// too; an XLSX workbook adds 汇总 and 说明 sheets.
///
/// Headings are Chinese (English with `--lang en`); a Shapefile gets the ASCII keys (PLANAR_*,
/// ELLIPS_*, GEODES_*, DECL_*…), listed with their headings in `Docs/ledgers.md`.
public enum AreaExport {
    static func prefix(_ method: AreaMethod) -> String {
        switch method {
        case .planar: return "PLANAR"
        case .ellipsoidal: return "ELLIPS"
        case .geodesic: return "GEODES"
        }
    }

    /// The column of `method`'s area in `unit`.
    static func areaColumn(_ method: AreaMethod, unit: AreaUnit, decimals: Int? = nil, key: String? = nil) -> LedgerColumn {
        .figure(key ?? "\(prefix(method))_\(unit.fieldSuffix)", method.areaName.with(unit: unit.name), decimals: decimals ?? unit.defaultDecimals)
    }

    /// The units a row gives each area in: m² and the chosen unit.
    static func units(_ unit: AreaUnit) -> [AreaUnit] { unit == .squareMetre ? [.squareMetre] : [.squareMetre, unit] }

    /// The ledger columns of a report's rows, before the feature's own attributes.
    static func columns(_ report: AreaReport, unit: AreaUnit, decimals: Int?) -> [LedgerColumn] {
        var columns = [LedgerColumn("SEQ", Bilingual("序号", "No."), .integer),
                       LedgerColumn("SRC_FID", Bilingual("源要素号", "source FID"), .integer64),
                       LedgerColumn("FEAT_ID", Bilingual("编号", "ID"), .string)]
        if !report.groups.isEmpty { columns.append(LedgerColumn("CLASS", Bilingual("分类", "class"), .string)) }
        for method in report.methods {
            columns += units(unit).map { areaColumn(method, unit: $0, decimals: $0 == unit ? decimals : nil) }
        }
        if report.declared != nil {
            columns += units(unit).map {
                .figure("DECL_\($0.fieldSuffix)", Bilingual("申报面积", "declared area").with(unit: $0.name), decimals: ($0 == unit ? decimals : nil) ?? $0.defaultDecimals)
            }
            columns += [.figure("DECL_PCT", Bilingual("差值（%）", "difference (%)"), decimals: 3),
                        LedgerColumn("DECL_FLAG", Bilingual("超差", "beyond tolerance"), .string)]
        }
        columns.append(LedgerColumn("NOTE", Bilingual("备注", "note"), .string))
        return columns
    }

    /// The ledger values of every feature, by layer position (skipped features have a note and no areas).
    static func rows(_ report: AreaReport, columns: [LedgerColumn], unit: AreaUnit, language: Language) -> [[FieldValue]?] {
        let positions = max(report.features.last?.index ?? -1, report.skipped.map(\.index).max() ?? -1) + 1
        var rows = [[FieldValue]?](repeating: nil, count: positions)
        let notes = AreaFeatureNotes(report, language: language)
        let flagged = Set(report.declared?.mismatches ?? [])
        let hasGroups = !report.groups.isEmpty
        for (position, feature) in report.features.enumerated() {
            var values: [FieldValue] = [.integer(Int64(feature.index + 1)), .integer(feature.fid), feature.label.map(FieldValue.string) ?? .null]
            if hasGroups { values.append(feature.group.map(FieldValue.string) ?? .null) }
            for method in report.methods {
                values += units(unit).map { .real($0.value(ofSquareMetres: feature.area[method] ?? 0)) }
            }
            if let check = report.declared {
                if let declared = feature.declaredSquareMetres, let computed = feature.area[check.method] {
                    values += units(unit).map { .real($0.value(ofSquareMetres: declared)) }
                    values += [.real(100 * DeclaredAreaCheck.relativeDifference(declared: declared, computed: computed)),
                               LedgerColumn.flag(flagged.contains(position), language)]
                } else {
                    values += Array(repeating: .null, count: units(unit).count + 2)
                }
            }
            let note = notes.text(at: position)
            values.append(note.isEmpty ? .null : .string(note))
            rows[feature.index] = rounded(values, columns)
        }
        for skipped in report.skipped {
            var values: [FieldValue] = [.integer(Int64(skipped.index + 1)), .integer(skipped.fid), skipped.label.map(FieldValue.string) ?? .null]
            values += Array(repeating: .null, count: columns.count - 4)
            values.append(.string(notes.text(skipped: skipped)))
            rows[skipped.index] = values
        }
        return rows
    }

    /// `values` with every figure rounded as its column says.
    static func rounded(_ values: [FieldValue], _ columns: [LedgerColumn]) -> [FieldValue] {
        zip(values, columns).map { value, column in
            if case .real(let number) = value { return column.value(number) }
            return value
        }
    }

    /// The 汇总 and 说明 sheets of a workbook, in `language`.
    static func appendix(_ report: AreaReport, unit: AreaUnit, decimals: Int?, language: Language) -> LedgerAppendix {
        var columns = [LedgerColumn("GROUP", Bilingual("汇总项", "total"), .string), LedgerColumn("FEATURES", Bilingual("要素数", "features"), .integer)]
        for method in report.methods {
            columns += units(unit).map { areaColumn(method, unit: $0, decimals: $0 == unit ? decimals : nil) }
        }
        func figures(_ area: MeasuredArea) -> [FieldValue] {
            report.methods.flatMap { method in units(unit).map { FieldValue.real($0.value(ofSquareMetres: area[method] ?? 0)) } }
        }
        let all = Bilingual("合计", "all measured").text(language)
        var totals = [rounded([.string(all), .integer(Int64(report.measuredCount))] + figures(report.total), columns)]
        for group in report.groups {
            totals.append(rounded([.string(group.key), .integer(Int64(group.count))] + figures(group.area), columns))
        }
        let t = { (zh: String, en: String) in Bilingual(zh, en).text(language) }
        var about = [(t("数据源", "source"), report.source), (t("坐标系", "CRS"), report.crs.summary(language))]
        if let plane = report.planarCRS { about.append((t("平面面积投影", "planar areas in"), plane)) }
        for method in report.methods { about.append((t("面积算法", "method"), method.summary(in: report.crs, language: language))) }
        about.append((t("面积单位", "unit"), unit == .mu ? t("亩（1 亩 = 2000/3 平方米）", "mu (1 亩 = 2000/3 m²)") : unit.name.text(language)))
        if let check = report.declared {
            let tolerance = NumberText.percent(check.tolerance, decimals: 2)
            about.append((t("申报面积", "declared area"),
                          t("字段 \(check.field)（\(check.unit.name.zh)），与\(check.method.areaName.zh)比较，容差为末位半个单位加 \(tolerance)",
                            "field \(check.field) (\(check.unit.name.en)) against the \(check.method.areaName.en), tolerance ½ last decimal + \(tolerance)")))
        }
        about.append((t("数值取位", "rounding"), t("与终端显示一致：平方米 2 位小数，公顷、亩 4 位，差值（%）3 位", "as on the terminal: m² 2 decimals, ha and mu 4, difference (%) 3")))
        about.append((t("ZoneCalc 版本", "ZoneCalc version"), ZoneCalcVersion.current))
        return LedgerAppendix(totalsColumns: columns, totals: totals, about: about)
    }

    /// Writes the report to `path` (format from the extension), headings in `language`, with the source
    /// fields `fields` selects.
    public static func write(_ report: AreaReport, reader: FeatureLayerReader, to path: String, unit: AreaUnit, decimals: Int? = nil,
                             language: Language, swapXY: Bool, fields: SourceFieldSelection = .all, encoding: TextEncodingChoice, force: Bool,
                             inputs: [String]) throws {
        precondition(report.rowsAreComplete, "an area file needs a row per feature: run the job with keepAllRows")
        let format = try OutputFormat(resultsAt: path)
        let columns = columns(report, unit: unit, decimals: decimals)
        let ledgerFields = columns.fields(format: format, language: language)
        let rows = rows(report, columns: columns, unit: unit, language: language)
        let sourceIndices = try fields.indices(in: reader, taken: ledgerFields.map(\.name))
        let sourceColumns = sourceIndices.map { reader.fields[$0] }
        let detail = OutputLayerSpec(name: reader.layerName + "_area", crs: report.crs.definition,
                                     geometry: format.hasGeometry ? .multiPolygon : .none,
                                     columns: ledgerFields + sourceColumns, nameColumn: ledgerFields[2].name, expectedRows: rows.count)
        let appendix = appendix(report, unit: unit, decimals: decimals, language: language)
        try appendix.write(detail: detail, to: path, format: format, language: language, encoding: encoding,
                             inputs: inputs, force: force) { emit in
            // A table without source fields needs nothing more of the layer: it is not read again.
            if sourceIndices.isEmpty, !format.hasGeometry {
                for row in rows { try emit(row ?? [], nil) }
                return
            }
            try ReadAhead.features(of: reader, fieldIndices: sourceIndices, swapXY: swapXY) { feature in
                try emit((feature.index < rows.count ? rows[feature.index] ?? [] : []) + feature.attributes, format.hasGeometry ? feature.wkb : nil)
            }
        }
    }
}
