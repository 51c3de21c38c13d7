import GeoBridge

/// Writes an ``EvaluationReport`` as one table (CSV or XLSX) a planner can filter by its first column
/// (类别, section): `land_status` rows (公顷 by evaluation code), `quantity` rows (numerators and
/// denominators with their sources), `indicator` rows (value, formula, numerator and denominator, set,
/// score), and one `zone_type` and one `score` row. Headings, sections, formulas and notes in the run's
/// language (`Docs/ledgers.md`).
public enum EvaluationExport {
    static let columns: [LedgerColumn] = [
        LedgerColumn("SECTION", Bilingual("类别", "section"), .string), LedgerColumn("CODE", Bilingual("代码", "code"), .string),
        LedgerColumn("NAME", Bilingual("名称", "name"), .string), .figure("VALUE", Bilingual("值", "value"), decimals: 6),
        LedgerColumn("UNIT", Bilingual("单位", "unit"), .string), LedgerColumn("FORMULA", Bilingual("公式", "formula"), .string),
        LedgerColumn("NUMERATOR", Bilingual("分子", "numerator"), .string), .figure("NUM_VALUE", Bilingual("分子值", "numerator value"), decimals: 6),
        LedgerColumn("DENOM", Bilingual("分母", "denominator"), .string), .figure("DEN_VALUE", Bilingual("分母值", "denominator value"), decimals: 6),
        LedgerColumn("IN_SET", Bilingual("属于类型指标集", "in the type's set"), .integer),
        .figure("SCORE", Bilingual("分值", "score"), decimals: 4), .figure("WEIGHT", Bilingual("权重", "weight"), decimals: 4),
        LedgerColumn("NOTE", Bilingual("备注", "note"), .string),
    ]

    /// The sections, as the first column names them.
    static let landStatusSection = Bilingual("用地状况", "land_status"), quantitySection = Bilingual("分子分母", "quantity"),
               indicatorSection = Bilingual("指标", "indicator"), zoneTypeSection = Bilingual("开发区类型", "zone_type"),
               scoreSection = Bilingual("集约度分值", "score")

    /// The workbook's sheet.
    static let sheet = Bilingual("集约利用评价", "evaluation")

    public static func write(_ report: EvaluationReport, to path: String, language: Language, force: Bool, inputs: [String]) throws {
        let format = try OutputFormat(path: path)
        guard format == .csv || format == .xlsx else {
            throw ZoneCalcError.unsupportedOutput(path: path, reason: Bilingual("评价结果是表格：请写成 .csv 或 .xlsx（或用 --format json）", "the evaluation is a table: write it to .csv or .xlsx (or use --format json)"))
        }
        let spec = OutputLayerSpec(name: sheet.text(language), crs: nil, geometry: .none, columns: columns.fields(format: format, language: language))
        try FeatureFileWriter.write(to: path, format: format, layer: spec, inputs: inputs, force: force) { emit in
            for row in rows(report, language: language) { try emit(row, nil) }
        }
    }

    /// The rows, figures rounded to their columns' decimals.
    static func rows(_ report: EvaluationReport, language: Language) -> [[FieldValue]] {
        func text(_ value: Bilingual) -> FieldValue { .string(value.text(language)) }
        func number(_ value: Double?) -> FieldValue { value.map(FieldValue.real) ?? .null }
        func shown(_ quantity: EvaluationQuantity) -> FieldValue { number(quantity.value.map(quantity.kind.shown)) }
        var rows: [[FieldValue]] = []
        for row in report.landStatus {
            rows.append([text(landStatusSection), .string(row.code), .string(row.name), .real(row.area / 10_000), text(QuantityKind.landArea.unit),
                         .null, .null, .null, .null, .null, .null, .null, .null, text(row.from)])
        }
        for quantity in report.quantities {
            let note = quantity.missing.map { Bilingual("缺少：", "missing: ") + $0 } ?? quantity.source
            rows.append([text(quantitySection), .string(quantity.symbol), .string(quantity.name), shown(quantity), text(quantity.kind.unit),
                         .null, .null, .null, .null, .null, .null, .null, .null, text(note)])
        }
        for result in report.indicators {
            let definition = result.definition
            let note = result.notComputable.map { Bilingual("无法计算：", "not computable: ") + $0 } ?? Bilingual(verbatim: definition.rule)
            rows.append([text(indicatorSection), .string(definition.id), .string(definition.name), number(result.value), .string(definition.unit),
                         text(definition.formula), .string(result.numerator.symbol), shown(result.numerator),
                         .string(result.denominator.symbol), shown(result.denominator), .integer(result.inZoneTypeSet ? 1 : 0),
                         number(result.score), number(result.weight), text(note)])
        }
        rows.append([text(zoneTypeSection), report.zoneType.type.map { .string($0.rawValue) } ?? .null, .string("开发区类型"), number(report.zoneType.industrialShare),
                     .string("% A2/A"), .null, .null, .null, .null, .null, .null, .null, .null, text(report.zoneType.reason)])
        let unconfirmed = report.score.confirmed ? Bilingual(verbatim: "")
            : Bilingual("（权重未核实：\(report.score.source)）", " (weights unconfirmed: \(report.score.source))")
        rows.append([text(scoreSection), text(Bilingual("总分", "total")), .string("集约度分值"), number(report.score.total), .null, .null, .null, .null,
                     .null, .null, .null, .null, .null, text(report.score.reason + unconfirmed)])
        return rows.map { AreaExport.rounded($0, columns) }
    }
}
