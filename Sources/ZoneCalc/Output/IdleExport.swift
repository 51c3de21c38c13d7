import GeoBridge

/// Writes the idle-land classification as a ledger: a GIS layer (one feature per parcel, for mapping)
/// or a table (CSV, XLSX with 汇总 by status and 说明): id, land user, status, years idle, fee, areas,
/// article, supply-chain categories, the dates the classification reasons from, and the reason.
/// Headings as in ``LedgerColumn`` (`Docs/ledgers.md`).
public enum IdleExport {
    static let columns = [
        LedgerColumn("PARCEL_ID", Bilingual("宗地编号", "parcel ID"), .string), LedgerColumn("SRC_FID", Bilingual("源要素号", "source FID"), .integer64),
        LedgerColumn("ENTERPRISE", Bilingual("企业名称", "land user"), .string),
        LedgerColumn("STATUS", Bilingual("闲置状态", "status"), .string), LedgerColumn("STATUS_CD", Bilingual("状态代码", "status code"), .string),
        LedgerColumn("IDLE", Bilingual("是否闲置", "idle"), .string), LedgerColumn("YEARS", Bilingual("闲置年限", "years idle"), .integer),
        .figure("FEE_WY", Bilingual("闲置费（万元）", "idle fee (10k yuan)"), decimals: 2),
        .figure("AREA_M2", Bilingual("面积（平方米）", "area (m²)"), decimals: 2), .figure("AREA_HA", Bilingual("面积（公顷）", "area (ha)"), decimals: 4),
        .figure("AREA_MU", Bilingual("面积（亩）", "area (mu)"), decimals: 4), LedgerColumn("ARTICLE", Bilingual("条款", "article"), .string),
        LedgerColumn("CATEGORIES", Bilingual("供应链类别", "supply-chain categories"), .string),
        LedgerColumn("SUPPLY_DT", Bilingual("供地日期", "supply date"), .string),
        LedgerColumn("START_AGR", Bilingual("约定开工日期", "agreed start"), .string),
        LedgerColumn("DONE_AGR", Bilingual("约定竣工日期", "agreed completion"), .string),
        LedgerColumn("START_ACT", Bilingual("实际开工日期", "actual start"), .string),
        LedgerColumn("DONE_ACT", Bilingual("实际竣工日期", "actual completion"), .string),
        LedgerColumn("REASON", Bilingual("认定理由", "reason"), .string),
    ]

    /// A date as read: the day, the text that is not a date, or nothing.
    static func date(_ fact: DateFact) -> FieldValue {
        switch fact {
        case .day(let day): return .string(day.description)
        case .unreadable(_, let text): return .string(text)
        case .missing: return .null
        }
    }

    static func values(_ item: IdleParcelResult, language: Language) -> [FieldValue] {
        let c = item.classification, facts = item.facts
        return AreaExport.rounded([
            .string(item.id), .integer(item.fid), item.enterprise.map(FieldValue.string) ?? .null,
            .string(IdleReportText.status(c.status, language)), .string(c.status.rawValue), LedgerColumn.flag(c.status.isIdle, language),
            c.yearsIdle.map { .integer(Int64($0)) } ?? .null, c.fee.map(FieldValue.real) ?? .null,
            .real(item.area), .real(AreaUnit.hectare.value(ofSquareMetres: item.area)), .real(AreaUnit.mu.value(ofSquareMetres: item.area)),
            .string(c.status.article), .string(c.categories.map { IdleReportText.category($0, language) }.joined(separator: " ")),
            date(facts.supplyDate), date(facts.agreedStart), date(facts.agreedCompletion), date(facts.actualStart), date(facts.actualCompletion),
            .string(IdleReportText.reason(c, language)),
        ], columns)
    }

    /// The 汇总 sheet (parcels, area and fees by status, the idle total) and 说明.
    static func appendix(_ report: IdleLandReport, language: Language) -> LedgerAppendix {
        let t = { (zh: String, en: String) in Bilingual(zh, en).text(language) }
        let columns = [columns[3], LedgerColumn("PARCELS", Bilingual("宗数", "parcels"), .integer), columns[9], columns[10], columns[7]]
        func row(_ label: String, _ items: [IdleParcelResult]) -> [FieldValue] {
            let area = items.reduce(0) { $0 + $1.area }
            let fees = items.compactMap(\.classification.fee)
            return AreaExport.rounded([.string(label), .integer(Int64(items.count)), .real(AreaUnit.hectare.value(ofSquareMetres: area)),
                                       .real(AreaUnit.mu.value(ofSquareMetres: area)), fees.isEmpty ? .null : .real(fees.reduce(0, +))], columns)
        }
        var totals = IdleStatus.allCases.map { status in (status, report.parcels.filter { $0.classification.status == status }) }
            .filter { !$0.1.isEmpty }.map { row(IdleReportText.status($0.0, language), $0.1) }
        totals.append(row(t("闲置土地合计", "idle total"), report.parcels.filter(\.classification.status.isIdle)))
        let about = LedgerAppendix.projectAbout(zone: report.zoneName, asOf: report.asOf, source: report.source, crs: report.crs,
                                                method: report.method, rules: "\(report.rules.sources["order"] ?? "国土资源部令第53号")；\(report.rules.source)",
                                                rounding: Bilingual("与终端显示一致：平方米 2 位小数，公顷、亩 4 位，万元 2 位", "as on the terminal: m² 2 decimals, ha and mu 4, 10k yuan 2"),
                                                language: language)
        return LedgerAppendix(totalsColumns: columns, totals: totals, about: about)
    }

    public static func write(_ report: IdleLandReport, to path: String, language: Language, encoding: TextEncodingChoice,
                             force: Bool, inputs: [String]) throws {
        let format = try OutputFormat(resultsAt: path)
        let fields = columns.fields(format: format, language: language)
        let spec = OutputLayerSpec(name: "idle_land", crs: report.crs.definition, geometry: format.hasGeometry ? .multiPolygon : .none,
                                   columns: fields, nameColumn: fields[0].name, expectedRows: report.parcels.count)
        let appendix = appendix(report, language: language)
        try appendix.write(detail: spec, to: path, format: format, language: language, encoding: encoding,
                             inputs: inputs, force: force) { emit in
            for item in report.parcels { try emit(values(item, language: language), item.wkb) }
        }
    }
}
