import GeoBridge

/// The sheets an XLSX ledger has besides its rows (明细): 汇总, the totals, and 说明, what the figures
/// come from (sources, CRS, method, date, rules, ZoneCalc version). Other formats hold the rows only.
public struct LedgerAppendix: Sendable {
    /// The columns of the 汇总 sheet.
    public var totalsColumns: [LedgerColumn]
    /// Its rows, values in the order of `totalsColumns`.
    public var totals: [[FieldValue]]
    /// The 说明 sheet: one row per item, in the run's language.
    public var about: [(item: String, value: String)]

    public init(totalsColumns: [LedgerColumn], totals: [[FieldValue]], about: [(item: String, value: String)]) {
        self.totalsColumns = totalsColumns; self.totals = totals; self.about = about
    }

    /// The 说明 rows of a project analysis: zone, 基准日 (when it has one), source, CRS, method, rules,
    /// the rounding said, the ZoneCalc version.
    static func projectAbout(zone: String, asOf: CalendarDate?, source: String, crs: ResolvedCRS, method: AreaMethod, rules: String?,
                             rounding: Bilingual, language: Language) -> [(item: String, value: String)] {
        let t = { (zh: String, en: String) in Bilingual(zh, en).text(language) }
        var about = [(t("开发区", "zone"), zone)]
        if let asOf { about.append((t("基准日", "as of"), asOf.description)) }
        about += [(t("数据源", "source"), source), (t("坐标系", "CRS"), crs.summary(language)),
                  (t("面积算法", "method"), method.summary(in: crs, language: language))]
        if let rules { about.append((t("规则", "rules"), rules)) }
        return about + [(t("数值取位", "rounding"), rounding.text(language)), (t("ZoneCalc 版本", "ZoneCalc version"), ZoneCalcVersion.current)]
    }

    static let detailSheet = Bilingual("明细", "features")
    static let totalsSheet = Bilingual("汇总", "totals")
    static let aboutSheet = Bilingual("说明", "about")
    /// 序号 first: GDAL (and QGIS) take a sheet's first row as headings only when the second row is
    /// not text throughout.
    static let aboutColumns = [LedgerColumn("SEQ", Bilingual("序号", "No."), .integer), LedgerColumn("ITEM", Bilingual("项目", "item"), .string),
                               LedgerColumn("VALUE", Bilingual("内容", "value"), .string)]

    /// The layers written to a file of `format`: the rows (named `detailName`, 明细 in a workbook) and,
    /// in a workbook, 汇总 and 说明.
    func layers(detail: OutputLayerSpec, format: OutputFormat, language: Language) -> [OutputLayerSpec] {
        guard format == .xlsx else { return [detail] }
        var rows = detail
        rows.name = Self.detailSheet.text(language)
        return [rows,
                OutputLayerSpec(name: Self.totalsSheet.text(language), crs: nil, geometry: .none,
                                columns: totalsColumns.fields(format: format, language: language)),
                OutputLayerSpec(name: Self.aboutSheet.text(language), crs: nil, geometry: .none,
                                columns: Self.aboutColumns.fields(format: format, language: language))]
    }

    /// How many of the layers of a `format` file hold rows: the first (明细) in a workbook, all otherwise.
    func rowLayers(_ format: OutputFormat) -> Int? { format == .xlsx ? 1 : nil }

    /// Writes the rows of appendix layer `layer` (1: 汇总, 2: 说明).
    func emit(layer: Int, _ emit: ([FieldValue], [UInt8]?) throws -> Void) throws {
        if layer == 1 {
            for row in totals { try emit(row, nil) }
        } else {
            for (position, (item, value)) in about.enumerated() { try emit([.integer(Int64(position + 1)), .string(item), .string(value)], nil) }
        }
    }

    /// Writes a ledger: the rows `detail` describes, given by `rows`, and in a workbook the 汇总 and 说明
    /// sheets; the terminal reports the rows of `detail` as written.
    func write(detail: OutputLayerSpec, to path: String, format: OutputFormat, language: Language, encoding: TextEncodingChoice,
               inputs: [String], force: Bool, rows: (_ emit: ([FieldValue], [UInt8]?) throws -> Void) throws -> Void) throws {
        try withoutActuallyEscaping(rows) { rows in
            _ = try FeatureFileWriter.write(to: path, format: format, layers: layers(detail: detail, format: format, language: language),
                                            rowLayers: rowLayers(format), encoding: encoding, inputs: inputs, force: force) { layer, emit in
                guard layer == 0 else { return try self.emit(layer: layer, emit) }
                try rows(emit)
            }
        }
    }
}
