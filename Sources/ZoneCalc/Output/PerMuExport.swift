import GeoBridge

/// Writes per-mu results as a ledger: a GIS file gets the parcels (per-mu figures, users, their
/// classes) for mapping; CSV and XLSX get the enterprise ranking (figures, per-mu indicators, score,
/// class), an XLSX with 汇总 (enterprises and land by class) and 说明. Figures rounded as on the terminal
/// (万元 and indicators 2 decimals, 亩 4); headings as in ``LedgerColumn`` (`Docs/ledgers.md`).
public enum PerMuExport {
    /// The Shapefile keys of the indicators.
    static let keys: [PerMuIndicator: String] = [.taxPerMu: "TAX_MU", .valueAddedPerMu: "VA_MU", .revenuePerMu: "REV_MU", .investmentPerMu: "INV_MU",
                                                 .energyValueAdded: "ENERGY_VA", .emissionValueAdded: "EMISS_VA", .labourProductivity: "LABOUR",
                                                 .rdShare: "RD_SHARE", .taxPerElectricity: "TAX_ELEC"]
    static let indicatorColumns = PerMuIndicator.allCases.map { indicator in
        LedgerColumn.figure(keys[indicator]!, indicator.label.with(unit: Bilingual(verbatim: indicator.unit)), decimals: 2)
    }

    public static func write(_ report: PerMuReport, to path: String, language: Language, encoding: TextEncodingChoice, force: Bool,
                             inputs: [String]) throws {
        let format = try OutputFormat(resultsAt: path)
        if format.hasGeometry { try writeParcels(report, to: path, format: format, language: language, encoding: encoding, force: force, inputs: inputs) }
        else { try writeEnterprises(report, to: path, format: format, language: language, encoding: encoding, force: force, inputs: inputs) }
    }

    static let parcelColumns = [
        LedgerColumn("PARCEL_ID", Bilingual("宗地编号", "parcel ID"), .string), LedgerColumn("SRC_FID", Bilingual("源要素号", "source FID"), .integer64),
        .figure("AREA_MU", Bilingual("面积（亩）", "area (mu)"), decimals: 4), LedgerColumn("USERS", Bilingual("用地企业", "users"), .string),
        LedgerColumn("CLASSES", Bilingual("企业分类", "classes"), .string), LedgerColumn("SPLIT", Bilingual("分摊方式", "split"), .string),
    ] + indicatorColumns

    /// Each enterprise's class label ("—" when not scored), by id.
    static func classes(_ report: PerMuReport) -> [String: String] {
        Dictionary(report.enterprises.map { ($0.id, $0.classLabel ?? "—") }, uniquingKeysWith: { first, _ in first })
    }

    /// A parcel's row in ``parcelColumns``.
    static func parcelValues(_ parcel: PerMuParcel, classes: [String: String], language: Language) -> [FieldValue] {
        let values: [FieldValue] = [.string(parcel.id), .integer(parcel.fid), .real(parcel.figures.mu),
                                    .string(parcel.users.map(\.id).joined(separator: " ")),
                                    .string(parcel.users.map { classes[$0.id] ?? "—" }.joined(separator: " ")), .string(parcel.split.text(language))]
            + PerMuIndicator.allCases.map { $0.value(parcel.figures).map(FieldValue.real) ?? .null }
        return AreaExport.rounded(values, parcelColumns)
    }

    static func writeParcels(_ report: PerMuReport, to path: String, format: OutputFormat, language: Language, encoding: TextEncodingChoice,
                             force: Bool, inputs: [String]) throws {
        let classes = classes(report)
        let fields = parcelColumns.fields(format: format, language: language)
        let spec = OutputLayerSpec(name: "permu_parcels", crs: report.crs.definition, geometry: .multiPolygon, columns: fields, nameColumn: fields[0].name,
                                   expectedRows: report.parcels.count)
        try FeatureFileWriter.write(to: path, format: format, layer: spec, encoding: encoding, inputs: inputs, force: force) { emit in
            for parcel in report.parcels { try emit(parcelValues(parcel, classes: classes, language: language), parcel.wkb) }
        }
    }

    static let enterpriseColumns = [
        LedgerColumn("RANK", Bilingual("排名", "rank"), .integer), LedgerColumn("ENT_ID", Bilingual("统一社会信用代码", "enterprise ID"), .string),
        LedgerColumn("NAME", Bilingual("企业名称", "name"), .string), LedgerColumn("SCALE", Bilingual("规模", "scale"), .string),
        LedgerColumn("PARCELS", Bilingual("宗地", "parcels"), .string), .figure("LAND_MU", Bilingual("用地面积（亩）", "land (mu)"), decimals: 4),
        .figure("TAX", Bilingual("税收（万元）", "tax (10k yuan)"), decimals: 2), .figure("VALUE_ADD", Bilingual("增加值（万元）", "value added (10k yuan)"), decimals: 2),
        .figure("REVENUE", Bilingual("营业收入（万元）", "revenue (10k yuan)"), decimals: 2),
    ] + indicatorColumns + [
        LedgerColumn("SCHEME", Bilingual("评价方案", "scheme"), .string), .figure("SCORE", Bilingual("得分", "score"), decimals: 2),
        LedgerColumn("CLASS", Bilingual("分类", "class"), .string), LedgerColumn("NOTE", Bilingual("备注", "note"), .string),
    ]

    static func note(_ enterprise: PerMuEnterprise, _ language: Language) -> String {
        let ratios = PerMuIndicator.allCases.map(enterprise.ratio)
        let averaged = enterprise.parts.filter { $0.basis == .schemeAverage }.map { $0.indicator.label.text(language) }
        let partial = ratios.filter { $0.used > 0 && $0.leftOut > 0 }.map { ratio in
            language == .zh ? "\(ratio.indicator.name)按\(ratio.used + ratio.leftOut)宗中的\(ratio.used)宗计（\(ratio.leftOutNote!.zh)）"
                : "\(ratio.indicator.englishName) from \(ratio.used) of \(ratio.used + ratio.leftOut) parcels (\(ratio.leftOutNote!.en))"
        }
        if let notScored = enterprise.notScored { return notScored.text(language) }
        let scoredAtAverage = averaged.isEmpty ? [] : [averaged.joined(separator: language == .zh ? "、" : ", ")
                                                       + (language == .zh ? "按方案平均分计" : " scored at the scheme's average")]
        return (scoredAtAverage + partial).joined(separator: language == .zh ? "；" : "; ")
    }

    /// An enterprise's row in ``enterpriseColumns``.
    static func enterpriseValues(_ enterprise: PerMuEnterprise, language: Language) -> [FieldValue] {
        let f = enterprise.figures
        var values: [FieldValue] = [enterprise.rank.map { .integer(Int64($0)) } ?? .null, .string(enterprise.id), .string(enterprise.name),
                                    enterprise.scale.map(FieldValue.string) ?? .null, .string(enterprise.parcels.joined(separator: " ")),
                                    .real(f.mu), f.tax.map(FieldValue.real) ?? .null, f.valueAdded.map(FieldValue.real) ?? .null,
                                    (f.revenue ?? f.output).map(FieldValue.real) ?? .null]
        values += PerMuIndicator.allCases.map { enterprise.ratio($0).value.map(FieldValue.real) ?? .null }
        values += [enterprise.scheme.map(FieldValue.string) ?? .null, enterprise.score.map(FieldValue.real) ?? .null,
                   enterprise.classLabel.map(FieldValue.string) ?? .null, .string(note(enterprise, language))]
        return AreaExport.rounded(values, enterpriseColumns)
    }

    static func writeEnterprises(_ report: PerMuReport, to path: String, format: OutputFormat, language: Language, encoding: TextEncodingChoice,
                                 force: Bool, inputs: [String]) throws {
        let spec = OutputLayerSpec(name: "permu_enterprises", crs: nil, geometry: .none, columns: enterpriseColumns.fields(format: format, language: language),
                                   expectedRows: report.enterprises.count)
        let appendix = appendix(report, language: language)
        try appendix.write(detail: spec, to: path, format: format, language: language, encoding: encoding,
                             inputs: inputs, force: force) { emit in
            for enterprise in report.enterprises { try emit(enterpriseValues(enterprise, language: language), nil) }
        }
    }

    /// The 汇总 sheet (enterprises and land by class) and 说明.
    static func appendix(_ report: PerMuReport, language: Language) -> LedgerAppendix {
        let t = { (zh: String, en: String) in Bilingual(zh, en).text(language) }
        let columns = [LedgerColumn("CLASS", Bilingual("分类", "class"), .string), LedgerColumn("ENT_COUNT", Bilingual("企业数", "enterprises"), .integer),
                       .figure("LAND_MU", Bilingual("用地面积（亩）", "land (mu)"), decimals: 4), .figure("TAX", Bilingual("税收（万元）", "tax (10k yuan)"), decimals: 2)]
        let labels = Array(Set(report.enterprises.map { $0.classLabel ?? t("未评分", "not scored") })).sorted()
        let totals = labels.map { label -> [FieldValue] in
            let members = report.enterprises.filter { ($0.classLabel ?? t("未评分", "not scored")) == label }
            return AreaExport.rounded([.string(label), .integer(Int64(members.count)), .real(members.reduce(0) { $0 + $1.figures.mu }),
                                       .real(members.reduce(0) { $0 + ($1.figures.tax ?? 0) })], columns)
        }
        let about = LedgerAppendix.projectAbout(zone: report.zoneName, asOf: nil, source: report.source, crs: report.crs, method: report.method,
                                                rules: nil, rounding: Bilingual("与终端显示一致：万元与指标 2 位小数，亩 4 位",
                                                                                "as on the terminal: 10k yuan and indicators 2 decimals, mu 4"),
                                                language: language)
        return LedgerAppendix(totalsColumns: columns, totals: totals, about: about)
    }
}
