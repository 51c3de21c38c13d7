import GeoBridge

/// Writes an ``EvaluationReport`` as one table (CSV or XLSX) a planner can filter by SECTION:
/// `land_status` rows (公顷 by evaluation code), `quantity` rows (numerators and denominators with
/// their sources), `indicator` rows (value, formula, numerator and denominator, set, score), and one
/// `zone_type` and one `score` row.
public enum EvaluationExport {
    static let columns: [FieldDefinition] = [
        FieldDefinition(name: "SECTION", type: .string), FieldDefinition(name: "CODE", type: .string),
        FieldDefinition(name: "NAME", type: .string), FieldDefinition(name: "VALUE", type: .real, width: 24, precision: 6),
        FieldDefinition(name: "UNIT", type: .string), FieldDefinition(name: "FORMULA", type: .string),
        FieldDefinition(name: "NUMERATOR", type: .string), FieldDefinition(name: "NUM_VALUE", type: .real, width: 24, precision: 6),
        FieldDefinition(name: "DENOMINATOR", type: .string), FieldDefinition(name: "DEN_VALUE", type: .real, width: 24, precision: 6),
        FieldDefinition(name: "IN_SET", type: .integer), FieldDefinition(name: "SCORE", type: .real, width: 16, precision: 4),
        FieldDefinition(name: "WEIGHT", type: .real, width: 16, precision: 4), FieldDefinition(name: "NOTE", type: .string),
    ]

    public static func write(_ report: EvaluationReport, to path: String, force: Bool, inputs: [String]) throws {
        let format = try OutputFormat(path: path)
        guard format == .csv || format == .xlsx else {
            throw ZoneCalcError.unsupportedOutput(path: path, reason: Bilingual("评价结果是表格：请写成 .csv 或 .xlsx（或用 --format json）", "the evaluation is a table: write it to .csv or .xlsx (or use --format json)"))
        }
        let spec = OutputLayerSpec(name: "evaluation", crs: nil, geometry: .none, columns: columns)
        try FeatureFileWriter.write(to: path, format: format, layer: spec, inputs: inputs, force: force) { emit in
            for row in rows(report) { try emit(row, nil) }
        }
    }

    static func rows(_ report: EvaluationReport) -> [[FieldValue]] {
        func text(_ value: String?) -> FieldValue { value.map(FieldValue.string) ?? .null }
        func number(_ value: Double?) -> FieldValue { value.map(FieldValue.real) ?? .null }
        func shown(_ quantity: EvaluationQuantity) -> FieldValue { number(quantity.value.map(quantity.kind.shown)) }
        var rows: [[FieldValue]] = []
        for row in report.landStatus {
            rows.append([.string("land_status"), .string(row.code), .string(row.name), .real(row.area / 10_000), .string("公顷"),
                         .null, .null, .null, .null, .null, .null, .null, .null, .string(row.from)])
        }
        for quantity in report.quantities {
            rows.append([.string("quantity"), .string(quantity.symbol), .string(quantity.name), shown(quantity), .string(quantity.kind.unit),
                         .null, .null, .null, .null, .null, .null, .null, .null, text(quantity.missing.map { "missing: \($0)" } ?? quantity.source)])
        }
        for result in report.indicators {
            let definition = result.definition
            rows.append([.string("indicator"), .string(definition.id), .string(definition.name), number(result.value), .string(definition.unit),
                         .string(definition.formula), .string(result.numerator.symbol), shown(result.numerator),
                         .string(result.denominator.symbol), shown(result.denominator), .integer(result.inZoneTypeSet ? 1 : 0),
                         number(result.score), number(result.weight), text(result.notComputable.map { "not computable: \($0)" } ?? definition.rule)])
        }
        rows.append([.string("zone_type"), text(report.zoneType.type?.rawValue), .string("开发区类型"), number(report.zoneType.industrialShare),
                     .string("% A2/A"), .null, .null, .null, .null, .null, .null, .null, .null, .string(report.zoneType.reason)])
        rows.append([.string("score"), .string("total"), .string("集约度分值"), number(report.score.total), .null, .null, .null, .null,
                     .null, .null, .null, .null, .null,
                     .string(report.score.reason + (report.score.confirmed ? "" : " (weights unconfirmed: \(report.score.source))"))])
        return rows
    }
}
