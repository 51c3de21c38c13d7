import GeoBridge

/// Writes the pieces of an overlay as a ledger: A's position, id and class, B's layer and id, areas by
/// method (gross in m² and 亩, net in m²), apportioned fields, shares in per cent, then A's own
/// attributes (all, or those ``SourceFieldSelection`` chooses) under the names the data came with. Headings as in ``LedgerColumn`` (`Docs/ledgers.md`).
public enum OverlayExport {
    /// The ledger columns of the pieces of `report`, before A's attributes.
    static func columns(_ report: OverlayReport) -> [LedgerColumn] {
        var columns = [LedgerColumn("A_SEQ", Bilingual("A序号", "A No."), .integer),
                       LedgerColumn("A_FID", Bilingual("A源要素号", "A FID"), .integer64),
                       LedgerColumn("A_ID", Bilingual("A编号", "A ID"), .string),
                       LedgerColumn("A_CLASS", Bilingual("A分类", "A class"), .string),
                       LedgerColumn("B_LAYER", Bilingual("B图层", "B layer"), .string),
                       LedgerColumn("B_ID", Bilingual("B编号", "B ID"), .string)]
        for method in report.methods {
            columns.append(AreaExport.areaColumn(method, unit: .squareMetre))
            columns.append(AreaExport.areaColumn(method, unit: .mu))
        }
        // Net areas: what the totals count when features of A overlap each other (equal to the gross area otherwise).
        for method in report.methods {
            columns.append(.figure("NET_\(AreaExport.prefix(method).prefix(3))_M2", Bilingual("净" + method.areaName.zh, "net " + method.areaName.en).with(unit: AreaUnit.squareMetre.name), decimals: 2))
        }
        for (position, field) in report.apportionFields.enumerated() {
            let key = "AP_\(field)"
            columns.append(.figure(key.utf8.count <= 10 && key.allSatisfy(\.isASCII) ? key : "AP_\(position + 1)",
                                   Bilingual("分摊_\(field)", "apportioned \(field)"), decimals: 6))
        }
        columns += [.figure("SHARE_A", Bilingual("占A比例（%）", "share of A (%)"), decimals: 3),
                    .figure("SHARE_B", Bilingual("占B比例（%）", "share of B (%)"), decimals: 3),
                    LedgerColumn("WHOLE", Bilingual("整宗在B内", "wholly inside B"), .string)]
        return columns
    }

    /// The ledger values of one piece.
    static func values(_ piece: OverlayPiece, of overlay: OverlayReport, columns: [LedgerColumn], language: Language) -> [FieldValue] {
        var values: [FieldValue] = [.integer(Int64(piece.aIndex + 1)), .integer(piece.aFid), piece.aLabel.map(FieldValue.string) ?? .null,
                                    piece.aClass.map(FieldValue.string) ?? .null, .string(overlay.bSource), .string(piece.bLabel)]
        for method in overlay.methods {
            let area = piece.area[method] ?? 0
            values += [.real(area), .real(AreaUnit.mu.value(ofSquareMetres: area))]
        }
        values += overlay.methods.map { FieldValue.real(piece.netArea[$0] ?? 0) }
        values += piece.apportioned.map { $0.map(FieldValue.real) ?? .null }
        values += [.real(100 * piece.shareOfA), .real(100 * piece.shareOfB),
                   LedgerColumn.flag(piece.whole, language)]
        return AreaExport.rounded(values, columns)
    }

    /// The 汇总 and 说明 sheets of a workbook: per B, the zone's area, every class, the 三大类 and 耕地, the total.
    static func appendix(_ reports: [OverlayReport], language: Language) -> LedgerAppendix {
        let report = reports[0]
        let t = { (zh: String, en: String) in Bilingual(zh, en).text(language) }
        var columns = [LedgerColumn("B_LAYER", Bilingual("B图层", "B layer"), .string), LedgerColumn("GROUP", Bilingual("汇总项", "total"), .string),
                       LedgerColumn("NAME", Bilingual("名称", "name"), .string), LedgerColumn("PIECES", Bilingual("块数", "pieces"), .integer)]
        for method in report.methods { columns += [AreaExport.areaColumn(method, unit: .squareMetre), AreaExport.areaColumn(method, unit: .mu)] }
        func figures(_ area: MeasuredArea) -> [FieldValue] {
            report.methods.flatMap { [FieldValue.real(area[$0] ?? 0), .real(AreaUnit.mu.value(ofSquareMetres: area[$0] ?? 0))] }
        }
        var totals: [[FieldValue]] = []
        for overlay in reports {
            let b = FieldValue.string(overlay.bSource)
            for zone in overlay.zones { totals.append([b, .string(t("范围", "zone")), .string(zone.label), .null] + figures(zone.area)) }
            for item in overlay.classes {
                totals.append([b, .string(item.key), item.name.map(FieldValue.string) ?? .null, .integer(Int64(item.pieces))] + figures(item.area))
            }
            for category in overlay.categories { totals.append([b, .string(category.category), .null, .null] + figures(category.area)) }
            if let cultivated = overlay.cultivated { totals.append([b, .string(t("其中：耕地", "of which 耕地")), .null, .null] + figures(cultivated)) }
            totals.append([b, .string(t("合计", "total")), .null, .integer(Int64(overlay.pieceCount))] + figures(overlay.total))
        }
        var about = [(t("A 图层", "A layer"), report.aSource)] + reports.map { (t("B 图层", "B layer"), $0.bSource) }
        about.append((t("坐标系", "CRS"), report.crs.summary(language)))
        for method in report.methods { about.append((t("面积算法", "method"), method.summary(in: report.crs, language: language))) }
        if let basis = report.classAreaBasis { about.append((t("分类面积口径", "class areas"), basis.text(language))) }
        if let source = report.landClassSource { about.append((t("地类表", "land classes"), source)) }
        if let datum = report.datumNote { about.append((t("坐标转换", "datum change"), datum.text(language))) }
        about.append((t("数值取位", "rounding"), t("与终端显示一致：平方米 2 位小数，亩 4 位，比例（%）3 位", "as on the terminal: m² 2 decimals, mu 4, shares (%) 3")))
        about.append((t("ZoneCalc 版本", "ZoneCalc version"), ZoneCalcVersion.current))
        return LedgerAppendix(totalsColumns: columns, totals: totals.map { AreaExport.rounded($0, columns) }, about: about)
    }

    /// Writes the pieces of one or several overlays (same A) into one layer; B编号 says which B each
    /// piece is in. A is read again for the attributes `fields` selects, in step with the pieces, ahead
    /// of the writing (``ReadAhead``).
    public static func write(_ reports: [OverlayReport], a reader: FeatureLayerReader, swapXY: Bool, to path: String,
                             language: Language, fields: SourceFieldSelection = .all, encoding: TextEncodingChoice, force: Bool,
                             inputs: [String]) throws {
        let report = reports[0]
        let format = try OutputFormat(resultsAt: path)
        let columns = columns(report)
        let ledgerFields = columns.fields(format: format, language: language)
        let sourceIndices = try fields.indices(in: reader, taken: ledgerFields.map(\.name))
        let sourceColumns = sourceIndices.map { reader.fields[$0] }
        let spec = OutputLayerSpec(name: Bilingual("叠加图块", "overlay_pieces").text(language), crs: report.crs.definition, geometry: format.hasGeometry ? .multiPolygon : .none,
                                   columns: ledgerFields + sourceColumns, nameColumn: ledgerFields[2].name,
                                   expectedRows: reports.reduce(0) { $0 + $1.pieces.count })
        let appendix = appendix(reports, language: language)
        try appendix.write(detail: spec, to: path, format: format, language: language, encoding: encoding,
                             inputs: inputs, force: force) { emit in
            for overlay in reports {
                let byFeature = Dictionary(grouping: overlay.pieces, by: \.aIndex)
                try ReadAhead.features(of: reader, fieldIndices: sourceIndices, swapXY: swapXY) { feature in
                    for piece in byFeature[feature.index] ?? [] {
                        try emit(values(piece, of: overlay, columns: columns, language: language) + feature.attributes, piece.wkb)
                    }
                }
            }
        }
    }
}
