import GeoBridge

/// Writes the standard-land check as a ledger: one row per parcel (the parcel's geometry with it in
/// GIS formats) with each indicator as columns — agreed value, achieved value and outcome — then the
/// indicators failed at a due checkpoint, 投而未达 and a note saying where every value comes from; an
/// XLSX adds 汇总 (outcomes by indicator) and 说明. Headings as in ``LedgerColumn`` (`Docs/ledgers.md`).
public enum StandardLandExport {
    /// The short codes of the bundled indicators in Shapefile keys (`FAR_AGR`, `FAR_ACT`, `FAR_RES`).
    static let codes = ["investment_intensity": "INV", "floor_area_ratio": "FAR", "building_coverage": "BCOV", "green_ratio": "GREEN",
                        "office_share": "OFFICE", "tax_per_mu": "TAX", "output_per_mu": "OUTPUT", "energy_value_added": "ENERGY",
                        "emission_value_added": "EMISS"]

    /// The indicators checked on any parcel, in the order they are first checked.
    static func indicators(_ report: StandardLandReport) -> [ControlIndicator] {
        var seen: Set<String> = [], indicators: [ControlIndicator] = []
        for parcel in report.parcels { for check in parcel.checks where seen.insert(check.indicator.id).inserted { indicators.append(check.indicator) } }
        return indicators
    }

    static func columns(_ indicators: [ControlIndicator]) -> [LedgerColumn] {
        var columns = [LedgerColumn("PARCEL_ID", Bilingual("宗地编号", "parcel ID"), .string), LedgerColumn("SRC_FID", Bilingual("源要素号", "source FID"), .integer64),
                       LedgerColumn("STANDARD", Bilingual("是否标准地", "standard land"), .string),
                       LedgerColumn("INDUSTRIAL", Bilingual("是否工业用地", "industrial"), .string),
                       .figure("AREA_MU", Bilingual("面积（亩）", "area (mu)"), decimals: 4)]
        for (position, indicator) in indicators.enumerated() {
            let code = codes[indicator.id] ?? "I\(position + 1)"
            let unit = indicator.unit.isEmpty ? "" : "（\(indicator.unit)）"
            let unitEN = indicator.unit.isEmpty ? "" : " (\(indicator.unit))"
            columns += [.figure("\(code)_AGR", Bilingual("\(indicator.name)约定值\(unit)", "\(indicator.id) agreed\(unitEN)"), decimals: 2),
                        .figure("\(code)_ACT", Bilingual("\(indicator.name)实际值\(unit)", "\(indicator.id) achieved\(unitEN)"), decimals: 2),
                        LedgerColumn("\(code)_RES", Bilingual("\(indicator.name)结论", "\(indicator.id) outcome"), .string)]
        }
        columns += [LedgerColumn("FAILED", Bilingual("到期未达标指标", "failed at a due checkpoint"), .string),
                    LedgerColumn("BELOW_TGT", Bilingual("投而未达", "producing below target"), .string),
                    LedgerColumn("NOTE", Bilingual("备注", "note"), .string)]
        return columns
    }

    /// An outcome as a planner reads it, with a checkpoint not yet reached said.
    static func outcome(_ check: IndicatorCheck, _ language: Language) -> String {
        let text: Bilingual
        switch check.outcome {
        case .pass: text = Bilingual("达标", "pass")
        case .fail: text = Bilingual("未达标", "fail")
        case .notMeasurable: text = Bilingual("无法计算", "not_measurable")
        }
        return text.text(language) + (check.due ? "" : Bilingual("（未到检查节点）", " (checkpoint not due)").text(language))
    }

    static func values(_ parcel: ParcelStandardCheck, indicators: [ControlIndicator], columns: [LedgerColumn], language: Language) -> [FieldValue] {
        var values: [FieldValue] = [.string(parcel.id), .integer(parcel.fid), LedgerColumn.flag(parcel.isStandardLand, language),
                                    LedgerColumn.flag(parcel.industrial, language), .real(AreaUnit.mu.value(ofSquareMetres: parcel.area))]
        for indicator in indicators {
            guard let check = parcel.checks.first(where: { $0.indicator.id == indicator.id }) else { values += [.null, .null, .null]; continue }
            values += [.real(check.agreed), check.achieved.map(FieldValue.real) ?? .null, .string(outcome(check, language))]
        }
        let failed = parcel.checks.filter { $0.outcome == .fail && $0.due }.map { language == .zh ? $0.indicator.name : $0.indicator.id }
        let note = parcel.checks.map { check in
            let name = language == .zh ? check.indicator.name : check.indicator.id
            return language == .zh
                ? "\(name)：约定值 \(check.agreedSource.zh)，实际值 \(check.achievedSource.zh)，\(check.dueNote.zh)"
                : "\(name): agreed \(check.agreedSource.en), achieved \(check.achievedSource.en), \(check.dueNote.en)"
        }.joined(separator: language == .zh ? "；" : "; ")
        values += [failed.isEmpty ? .null : .string(failed.joined(separator: language == .zh ? "、" : ", ")),
                   LedgerColumn.flag(parcel.producingBelowTarget, language), note.isEmpty ? .null : .string(note)]
        return AreaExport.rounded(values, columns)
    }

    /// The 汇总 sheet (per indicator: parcels checked, passed, failed, failed at a due checkpoint, not
    /// measurable) and 说明.
    static func appendix(_ report: StandardLandReport, indicators: [ControlIndicator], language: Language) -> LedgerAppendix {
        let columns = [LedgerColumn("INDICATOR", Bilingual("指标", "indicator"), .string), LedgerColumn("CHECKED", Bilingual("检查宗数", "checked"), .integer),
                       LedgerColumn("PASSED", Bilingual("达标", "pass"), .integer), LedgerColumn("FAILED", Bilingual("未达标", "fail"), .integer),
                       LedgerColumn("FAILED_DUE", Bilingual("到期未达标", "fail at a due checkpoint"), .integer),
                       LedgerColumn("NOT_MEAS", Bilingual("无法计算", "not measurable"), .integer)]
        let totals = indicators.map { indicator -> [FieldValue] in
            let checks = report.parcels.flatMap(\.checks).filter { $0.indicator.id == indicator.id }
            func count(_ include: (IndicatorCheck) -> Bool) -> FieldValue { .integer(Int64(checks.filter(include).count)) }
            return [.string(language == .zh ? indicator.name : indicator.id), .integer(Int64(checks.count)), count { $0.outcome == .pass },
                    count { $0.outcome == .fail }, count { $0.outcome == .fail && $0.due }, count { $0.outcome == .notMeasurable }]
        }
        let about = LedgerAppendix.projectAbout(zone: report.zoneName, asOf: report.asOf, source: report.source, crs: report.crs,
                                                method: report.method, rules: report.rulesSource,
                                                rounding: Bilingual("与终端显示一致：指标 2 位小数，亩 4 位", "as on the terminal: indicators 2 decimals, mu 4"),
                                                language: language)
        return LedgerAppendix(totalsColumns: columns, totals: totals, about: about)
    }

    public static func write(_ report: StandardLandReport, to path: String, language: Language, encoding: TextEncodingChoice,
                             force: Bool, inputs: [String]) throws {
        let format = try OutputFormat(resultsAt: path)
        let indicators = indicators(report)
        let columns = columns(indicators)
        let fields = columns.fields(format: format, language: language)
        let spec = OutputLayerSpec(name: "standard_land", crs: report.crs.definition, geometry: format.hasGeometry ? .multiPolygon : .none,
                                   columns: fields, nameColumn: fields[0].name, expectedRows: report.parcels.count)
        let appendix = appendix(report, indicators: indicators, language: language)
        try appendix.write(detail: spec, to: path, format: format, language: language, encoding: encoding,
                             inputs: inputs, force: force) { emit in
            for parcel in report.parcels { try emit(values(parcel, indicators: indicators, columns: columns, language: language), parcel.wkb) }
        }
    }
}
