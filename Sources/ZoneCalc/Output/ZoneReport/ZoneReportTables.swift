import Foundation
import GeoBridge

/// The tables of a zone report, in the run's language: the workbook's sheets (one per topic, 亩均 two)
/// and the GeoPackage's result layers, each topic's from the columns and rows its own command writes,
/// so a sheet holds what the single command's ledger holds.
struct ZoneReportTables {
    let report: ZoneReport
    let language: Language

    private func t(_ zh: String, _ en: String) -> String { Bilingual(zh, en).text(language) }
    private var method: AreaMethod { report.project.areaMethod }

    /// The workbook's sheets, in topic order.
    var sheets: [ReportTable] {
        [overview, landUse, evaluation, idle, supplyChain, standardLand] + perMu + [qc]
    }

    /// A topic's table, or the table saying why it was not computed.
    private func table<T>(_ topic: ZoneReportTopic, _ result: Result<T, ZoneCalcError>, name: Bilingual? = nil,
                          _ make: (T) -> ReportTable) -> ReportTable {
        switch result {
        case .success(let value): return make(value)
        case .failure(let error): return .notComputed(name ?? topic.title, error, language: language)
        }
    }

    // MARK: 概况

    /// Zone, 基准日, boundary parts and approved area, CRS, method, rule profile, data layers, topics not computed.
    var overview: ReportTable {
        let project = report.project
        var items = [(t("开发区", "zone"), project.name)]
        if let code = project.code { items.append((t("开发区代码", "zone code"), code)) }
        if let province = project.province { items.append((t("省份", "province"), province)) }
        if let level = project.level { items.append((t("级别", "level"), level.rawValue)) }
        if let asOf = project.asOf { items.append((t("基准日", "as of"), asOf)) }
        switch report.boundary {
        case .success(let boundary):
            items.append((t("核准范围", "approved boundary"),
                          t("\(boundary.parts.count) 个区块，合计 \(hectares(boundary.area)) 公顷（\(mu(boundary.area)) 亩）",
                            "\(boundary.parts.count) parts, \(hectares(boundary.area)) ha (\(mu(boundary.area)) mu) in all")))
            for part in boundary.parts {
                let name = [part.feature, part.name].compactMap { $0 }.joined(separator: " ")
                items.append((t("区块 \(name)-\(part.part)", "part \(name)-\(part.part)"),
                              t("\(hectares(part.area)) 公顷（\(mu(part.area)) 亩）", "\(hectares(part.area)) ha (\(mu(part.area)) mu)")))
            }
            if let field = boundary.declaredField {
                let declared = boundary.parts.compactMap(\.declared)
                if !declared.isEmpty {
                    items.append((t("核准面积（\(field) 字段，按记载）", "approved area (field \(field), as recorded)"),
                                  declared.map { NumberText.fixed($0, decimals: 4) }.joined(separator: "、")))
                }
            }
        case .failure(let error):
            items.append((t("核准范围", "approved boundary"), t("未计算：", "not computed: ") + error.message(language)))
        }
        items.append((t("坐标系", "CRS"), report.crs.summary(language)))
        items.append((t("面积算法", "method"), method.summary(in: report.crs, language: language)))
        items.append((t("规则配置", "rule profile"), RuleFiles(project: project).profile.text(language)))
        for (topic, source) in ruleSources { items.append((t("规则依据：", "rules: ") + topic.title.text(language), source)) }
        for layer in report.layers {
            items.append((t("数据：", "data: ") + (language == .zh ? layer.role.chineseName : layer.role.rawValue), Self.summary(of: layer, language: language)))
        }
        let missing = report.notComputed
        items.append((t("未计算的专题", "topics not computed"),
                      missing.isEmpty ? t("无", "none") : missing.map { $0.title.text(language) }.joined(separator: t("、", ", "))))
        for note in report.notes { items.append((t("说明", "note"), note.text(language))) }
        items.append((t("ZoneCalc 版本", "ZoneCalc version"), ZoneCalcVersion.current))
        return ReportTable(name: ZoneReportTopic.overview.title, items: items)
    }

    /// A data layer in a line: file and layer, feature count, the file's date, or why it cannot be opened.
    static func summary(of layer: ReportDataLayer, language: Language) -> String {
        let t = { (zh: String, en: String) in Bilingual(zh, en).text(language) }
        var value = layer.file + (layer.layer.map { ":\($0)" } ?? "")
        if let count = layer.features { value += t("，\(count) 个要素", ", \(count) features") }
        if let day = layer.modified { value += t("，文件日期 \(day)", ", file dated \(day)") }
        if let problem = layer.problem { value += t("；无法打开：", "; cannot be opened: ") + problem.text(language) }
        return value
    }

    /// The documents each computed topic's rules come from (the rule files themselves are the profile's,
    /// said once as 规则配置).
    var ruleSources: [(ZoneReportTopic, String)] {
        var sources: [(ZoneReportTopic, String)] = []
        if case .success(let evaluation) = report.evaluation { sources.append((.evaluation, ([Citations.text("tdt-1029-2010")] + [Self.documents(evaluation.profileSource)].filter { !$0.isEmpty }).joined(separator: "；"))) }
        if case .success(let idle) = report.idle { sources.append((.idle, idle.rules.sources["order"] ?? Citations.text("mlr-order-53"))) }
        if case .success(let standard) = report.standardLand { sources.append((.standardLand, ([Citations.text("industrial-indicators-2008")] + [Self.documents(standard.rulesSource)].filter { !$0.isEmpty }).joined(separator: "；"))) }
        return sources.filter { !$0.1.isEmpty }
    }

    /// A source text without the names of rule files: the documents it cites.
    static func documents(_ source: String) -> String {
        source.components(separatedBy: CharacterSet(charactersIn: "；;"))
            .map { $0.components(separatedBy: " + ").filter { !($0.contains("Rules/") || $0.hasSuffix(".yaml") || $0.hasSuffix(".csv") || $0.hasPrefix("/")) }.joined(separator: " + ") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: "；")
    }

    private func hectares(_ squareMetres: Double) -> String { NumberText.fixed(squareMetres / 10_000, decimals: 4) }
    private func mu(_ squareMetres: Double) -> String { AreaUnit.mu.text(squareMetres: squareMetres, decimals: 4) }

    // MARK: 土地利用现状

    static let landUseColumns = [
        LedgerColumn("ROW", Bilingual("类别", "row"), .string), LedgerColumn("CODE", Bilingual("地类编码", "code"), .string),
        LedgerColumn("NAME", Bilingual("地类名称", "class"), .string), LedgerColumn("CATEGORY", Bilingual("三大类", "category"), .string),
        LedgerColumn("PIECES", Bilingual("图斑数", "pieces"), .integer),
        .figure("AREA_M2", Bilingual("面积（平方米）", "area (m²)"), decimals: 2), .figure("AREA_HA", Bilingual("面积（公顷）", "area (ha)"), decimals: 4),
        .figure("AREA_MU", Bilingual("面积（亩）", "area (mu)"), decimals: 4), .figure("SHARE", Bilingual("占比（%）", "share (%)"), decimals: 2),
        LedgerColumn("NOTE", Bilingual("备注", "note"), .string),
    ]

    /// Every 三调 class inside the zone, then the three categories, 耕地 and the total, with the basis.
    var landUse: ReportTable {
        table(.landUse, report.landUse) { overlay in
            let total = overlay.total[method] ?? 0
            func figures(_ area: MeasuredArea) -> [FieldValue] {
                let m2 = area[method] ?? 0
                return [.real(m2), .real(m2 / 10_000), .real(AreaUnit.mu.value(ofSquareMetres: m2)), total > 0 ? .real(m2 / total * 100) : .null]
            }
            var rows = overlay.classes.map { item in
                ReportRow([.string(t("地类", "class")), .string(item.key), item.name.map(FieldValue.string) ?? .null,
                           item.category.map { .string($0.rawValue) } ?? .null, .integer(Int64(item.pieces))] + figures(item.area) + [.null])
            }
            rows += overlay.categories.map { ReportRow([.string(t("三大类", "category")), .null, .null, .string($0.category), .null] + figures($0.area) + [.null]) }
            if let cultivated = overlay.cultivated {
                rows.append(ReportRow([.string(t("其中：耕地", "of which 耕地")), .string("01"), .string("耕地"), .string(LandCategory.agricultural.rawValue), .null]
                                      + figures(cultivated) + [.null]))
            }
            let notes = ([overlay.classAreaBasis?.text(language)].compactMap { $0 } + landUseCaveats(overlay)).joined(separator: t("；", "; "))
            rows.append(ReportRow([.string(t("合计", "total")), .null, .null, .null, .integer(Int64(overlay.pieceCount))] + figures(overlay.total)
                                  + [notes.isEmpty ? .null : .string(notes)]))
            return ReportTable(name: ZoneReportTopic.landUse.title, columns: Self.landUseColumns,
                               rows: rows.map { ReportRow(AreaExport.rounded($0.values, Self.landUseColumns)) })
        }
    }

    /// What the overlay left out or changed, which a total differing from the zone's area comes from:
    /// overlaps counted once, slivers, repaired and skipped features (each listed by `zonecalc overlay`).
    func landUseCaveats(_ overlay: OverlayReport) -> [String] {
        var notes: [String] = []
        let gross = overlay.grossTotal[method] ?? 0, net = overlay.total[method] ?? 0
        if !overlay.overlaps.isEmpty {
            notes.append(t("\(overlay.overlaps.count) 对图斑相互重叠，重叠的 \(NumberText.fixed(gross - net, decimals: 2)) 平方米只计一次",
                           "\(overlay.overlaps.count) pairs of polygons overlap; the \(NumberText.fixed(gross - net, decimals: 2)) m² they share is counted once"))
        }
        if !overlay.slivers.isEmpty {
            let area = overlay.slivers.reduce(0) { $0 + $1.area }
            notes.append(t("\(overlay.slivers.count) 个碎片共 \(NumberText.fixed(area, decimals: 2)) 平方米未计入", "\(overlay.slivers.count) slivers, \(NumberText.fixed(area, decimals: 2)) m², left out"))
        }
        if !overlay.repaired.isEmpty {
            notes.append(t("\(overlay.repaired.count) 个无效图斑经修复后计入", "\(overlay.repaired.count) invalid polygons counted after repair"))
        }
        if !overlay.skipped.isEmpty { notes.append(t("\(overlay.skipped.count) 个图斑未参与叠加", "\(overlay.skipped.count) polygons skipped")) }
        if !notes.isEmpty {
            notes.append(t("逐项见 zonecalc overlay 项目文件 --role land_use --by land_use", "each is listed by zonecalc overlay PROJECT --role land_use --by land_use"))
        }
        return notes
    }

    /// The clipped land-use pieces, for the GeoPackage and the map (in the land-use layer's CRS).
    var landUsePieces: ReportTable? {
        guard case .success(let overlay) = report.landUse else { return nil }
        let columns = [LedgerColumn("PIECE_OF", Bilingual("图斑编号", "polygon ID"), .string), Self.landUseColumns[1], Self.landUseColumns[2],
                       Self.landUseColumns[3], Self.landUseColumns[5], Self.landUseColumns[6], Self.landUseColumns[7]]
        let classes = Dictionary(overlay.classes.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let rows = overlay.pieces.map { piece -> ReportRow in
            let area = piece.netArea[method] ?? 0, item = piece.aClass.flatMap { classes[$0] }
            return ReportRow(AreaExport.rounded([piece.aLabel.map(FieldValue.string) ?? .integer(piece.aFid), piece.aClass.map(FieldValue.string) ?? .null,
                                                 item?.name.map(FieldValue.string) ?? .null, item?.category.map { .string($0.rawValue) } ?? .null,
                                                 .real(area), .real(area / 10_000), .real(AreaUnit.mu.value(ofSquareMetres: area))], columns),
                             wkb: piece.wkb)
        }
        return ReportTable(name: Bilingual("土地利用现状", "land_use"), columns: columns, rows: rows, geometry: (.multiPolygon, overlay.crs.definition))
    }

    // MARK: the topics' own ledgers

    var evaluation: ReportTable {
        table(.evaluation, report.evaluation) { evaluation in
            ReportTable(name: ZoneReportTopic.evaluation.title, columns: EvaluationExport.columns,
                        rows: EvaluationExport.rows(evaluation, language: language).map { ReportRow($0) })
        }
    }

    var idle: ReportTable {
        table(.idle, report.idle) { idle in
            ReportTable(name: ZoneReportTopic.idle.title, columns: IdleExport.columns,
                        rows: idle.parcels.map { ReportRow(IdleExport.values($0, language: language), wkb: $0.wkb) },
                        geometry: (.multiPolygon, idle.crs.definition))
        }
    }

    static let supplyChainColumns = [
        LedgerColumn("CATEGORY", Bilingual("类别", "category"), .string), LedgerColumn("PARCEL_ID", Bilingual("宗地编号", "parcel ID"), .string),
        LedgerColumn("ENTERPRISE", Bilingual("土地使用者", "land user"), .string), LedgerColumn("STATUS", Bilingual("闲置状态", "status"), .string),
        LedgerColumn("PARCELS", Bilingual("宗数", "parcels"), .integer),
        .figure("AREA_HA", Bilingual("面积（公顷）", "area (ha)"), decimals: 4), .figure("AREA_MU", Bilingual("面积（亩）", "area (mu)"), decimals: 4),
        LedgerColumn("NOTE", Bilingual("备注", "note"), .string),
    ]

    /// 批而未供 (approved less supplied), then per supply-chain category its total and its parcels.
    var supplyChain: ReportTable {
        table(.supplyChain, report.idle) { idle in
            func area(_ m2: Double) -> [FieldValue] { [.real(m2 / 10_000), .real(AreaUnit.mu.value(ofSquareMetres: m2))] }
            var rows: [ReportRow] = []
            let unsupplied = t("批而未供", "approved not supplied")
            if let approvals = idle.unsupplied {
                rows.append(ReportRow([.string(unsupplied), .null, .null, .null, .null] + area(approvals.area)
                                      + [.string(t("批准用地 \(hectares(approvals.approvedArea)) 公顷，减去已供应宗地", "approved \(hectares(approvals.approvedArea)) ha less the supplied parcels"))],
                                      wkb: approvals.wkb))
            } else {
                rows.append(ReportRow([.string(unsupplied), .null, .null, .null, .null, .null, .null,
                                       .string(t("未计算：", "not computed: ") + (idle.unsuppliedReason?.text(language) ?? ""))]))
            }
            for category in SupplyChainCategory.allCases {
                let parcels = idle.parcels(category)
                let name = language == .zh ? category.chineseName : category.rawValue.replacingOccurrences(of: "_", with: " ")
                rows.append(ReportRow([.string(name), .string(t("合计", "total")), .null, .null, .integer(Int64(parcels.count))]
                                      + area(parcels.reduce(0) { $0 + $1.area }) + [.null]))
                for parcel in parcels {
                    rows.append(ReportRow([.string(name), .string(parcel.id), parcel.enterprise.map(FieldValue.string) ?? .null,
                                           .string(parcel.classification.status.name.text(language)), .integer(1)]
                                          + area(parcel.area) + [.string(IdleReportText.reason(parcel.classification, language))], wkb: parcel.wkb))
                }
            }
            return ReportTable(name: ZoneReportTopic.supplyChain.title, columns: Self.supplyChainColumns,
                               rows: rows.map { ReportRow(AreaExport.rounded($0.values, Self.supplyChainColumns), wkb: $0.wkb) })
        }
    }

    var standardLand: ReportTable {
        table(.standardLand, report.standardLand) { standard in
            let indicators = StandardLandExport.indicators(standard)
            let columns = StandardLandExport.columns(indicators)
            return ReportTable(name: ZoneReportTopic.standardLand.title, columns: columns,
                               rows: standard.parcels.map { ReportRow(StandardLandExport.values($0, indicators: indicators, columns: columns, language: language), wkb: $0.wkb) },
                               geometry: (.multiPolygon, standard.crs.definition))
        }
    }

    static let perMuEnterprisesSheet = Bilingual("亩均（企业）", "per mu (enterprises)")
    static let perMuParcelsSheet = Bilingual("亩均（宗地）", "per mu (parcels)")

    /// The enterprise ranking and the parcels' per-mu figures.
    var perMu: [ReportTable] {
        switch report.perMu {
        case .success(let perMu):
            let classes = PerMuExport.classes(perMu)
            return [ReportTable(name: Self.perMuEnterprisesSheet, columns: PerMuExport.enterpriseColumns,
                                rows: perMu.enterprises.map { ReportRow(PerMuExport.enterpriseValues($0, language: language)) }),
                    ReportTable(name: Self.perMuParcelsSheet, columns: PerMuExport.parcelColumns,
                                rows: perMu.parcels.map { ReportRow(PerMuExport.parcelValues($0, classes: classes, language: language), wkb: $0.wkb) },
                                geometry: (.multiPolygon, perMu.crs.definition))]
        case .failure(let error):
            return [.notComputed(ZoneReportTopic.perMu.title, error, language: language)]
        }
    }

    /// QC findings by code, with the total.
    var qc: ReportTable {
        table(.qc, report.qc) { qc in
            let appendix = QCExport.appendix(qc, language: language)
            return ReportTable(name: ZoneReportTopic.qc.title, columns: appendix.totalsColumns, rows: appendix.totals.map { ReportRow($0) })
        }
    }

    // MARK: the GeoPackage

    /// Every result layer with geometry, each named in Chinese and English.
    var layers: [(name: String, table: ReportTable)] {
        var layers: [(String, ReportTable)] = []
        if case .success(let boundary) = report.boundary {
            let columns = [LedgerColumn("FEATURE", Bilingual("编号", "ID"), .string), LedgerColumn("NAME", Bilingual("名称", "name"), .string),
                           LedgerColumn("PART", Bilingual("区块", "part"), .integer), Self.landUseColumns[5], Self.landUseColumns[6], Self.landUseColumns[7],
                           .figure("DECLARED", Bilingual("核准面积（按记载）", "approved area (as recorded)"), decimals: 4)]
            let rows = boundary.parts.map { part in
                ReportRow(AreaExport.rounded([.string(part.feature), part.name.map(FieldValue.string) ?? .null, .integer(Int64(part.part)),
                                              .real(part.area), .real(part.area / 10_000), .real(AreaUnit.mu.value(ofSquareMetres: part.area)),
                                              part.declared.map(FieldValue.real) ?? .null], columns), wkb: part.wkb)
            }
            layers.append(("开发区范围_zone_boundary", ReportTable(name: Bilingual("开发区范围", "zone_boundary"), columns: columns, rows: rows,
                                                                  geometry: (.multiPolygon, report.crs.definition))))
        }
        if let pieces = landUsePieces { layers.append(("土地利用现状_land_use", pieces)) }
        if case .success = report.idle {
            layers.append(("闲置土地_idle_land", idle))
            let chain = supplyChain
            layers.append(("批而未供_供而未用_supply_chain", ReportTable(name: chain.name, columns: chain.columns, rows: chain.rows.filter { $0.wkb != nil },
                                                                        geometry: (.multiPolygon, report.crs.definition))))
        }
        if case .success = report.standardLand { layers.append(("标准地_standard_land", standardLand)) }
        if case .success = report.perMu, let parcels = perMu.last { layers.append(("亩均宗地_per_mu_parcels", parcels)) }
        if case .success(let qc) = report.qc {
            let columns = QCExport.columns
            for kind in QCExport.present(qc) {
                let rows = qc.findings.filter { QCExport.Kind(QCExport.geometry($0)) == kind }
                    .map { ReportRow(QCExport.values($0, language: language), wkb: QCExport.geometry($0)) }
                layers.append((kind.name.zh + "_" + kind.name.en,
                               ReportTable(name: kind.name, columns: columns, rows: rows, geometry: (kind.layerGeometry, qc.crs?.definition))))
            }
        }
        return layers
    }
}
