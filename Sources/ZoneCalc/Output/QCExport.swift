import GeoBridge

/// Writes QC findings as a ledger: a table (CSV, XLSX with 汇总 and 说明 sheets) or GIS layers whose
/// geometry is the problem's geometry (overlap piece, part outside the zone) or its location point, for
/// review in QGIS or ArcGIS. Each GIS layer holds one geometry type — points (findings without a
/// location too, with no geometry), lines, polygons — as ArcGIS and the Shapefile require: a GeoPackage
/// or FileGDB gets one layer per type, a Shapefile one file per type (`NAME_points.shp`,
/// `NAME_lines.shp`, `NAME_polygons.shp`); GeoJSON and KML, which allow mixed types, one layer.
public enum QCExport {
    static let columns = [
        LedgerColumn("CODE", Bilingual("问题代码", "code"), .string), LedgerColumn("SEVERITY", Bilingual("严重程度", "severity"), .string),
        LedgerColumn("CHECK", Bilingual("检查项", "check"), .string), LedgerColumn("SEQ", Bilingual("序号", "No."), .integer),
        LedgerColumn("SRC_FID", Bilingual("源要素号", "source FID"), .integer64), LedgerColumn("FEAT_ID", Bilingual("编号", "ID"), .string),
        LedgerColumn("OTHER_SEQ", Bilingual("相关要素序号", "other No."), .integer), LedgerColumn("OTHER_ID", Bilingual("相关要素编号", "other ID"), .string),
        .figure("VALUE", Bilingual("数值", "value"), decimals: 6), .figure("X", Bilingual("X", "X"), decimals: 3),
        .figure("Y", Bilingual("Y", "Y"), decimals: 3), LedgerColumn("MESSAGE", Bilingual("说明", "message"), .string),
    ]

    /// The geometry types findings are split by, in layer order.
    enum Kind: CaseIterable {
        case points, lines, polygons

        var layerGeometry: LayerGeometryType {
            switch self {
            case .points: return .point
            case .lines: return .multiLineString
            case .polygons: return .multiPolygon
            }
        }

        var name: Bilingual {
            switch self {
            case .points: return Bilingual("质检问题_点", "qc_findings_points")
            case .lines: return Bilingual("质检问题_线", "qc_findings_lines")
            case .polygons: return Bilingual("质检问题_面", "qc_findings_polygons")
            }
        }

        /// The suffix of a Shapefile's name.
        var fileSuffix: String {
            switch self {
            case .points: return "_points"
            case .lines: return "_lines"
            case .polygons: return "_polygons"
            }
        }

        /// The kind of a finding's geometry: from its WKB type, points for a location only.
        init(_ wkb: [UInt8]?) {
            switch wkb.flatMap(WKBCoordinates.baseType) {
            case 2, 5: self = .lines
            case 3, 6, 7: self = .polygons   // a collection is what overlaps leave: its polygons are written
            default: self = .points
            }
        }
    }

    /// The severity as a planner reads it.
    static func severity(_ severity: QCSeverity) -> Bilingual {
        switch severity {
        case .error: return Bilingual("错误", "error")
        case .warning: return Bilingual("警告", "warning")
        case .info: return Bilingual("提示", "info")
        }
    }

    static func values(_ finding: QCFinding, language: Language) -> [FieldValue] {
        AreaExport.rounded([
            .string(finding.code), .string(severity(finding.severity).text(language)), .string(QCCatalogue.titles[finding.code]?.text(language) ?? ""),
            finding.featureIndex.map { .integer(Int64($0 + 1)) } ?? .null, finding.fid.map(FieldValue.integer) ?? .null,
            finding.featureId.map(FieldValue.string) ?? .null, finding.otherIndex.map { .integer(Int64($0 + 1)) } ?? .null,
            finding.otherId.map(FieldValue.string) ?? .null, finding.value.map(FieldValue.real) ?? .null,
            finding.location.map { .real($0.x) } ?? .null, finding.location.map { .real($0.y) } ?? .null, .string(finding.message.text(language)),
        ], columns)
    }

    /// The geometry written for a finding: its own, else its location as a point.
    static func geometry(_ finding: QCFinding) -> [UInt8]? { finding.wkb ?? finding.location.map(pointWKB) }

    /// The 汇总 sheet (findings by code) and 说明.
    static func appendix(_ report: QCReport, language: Language) -> LedgerAppendix {
        let t = { (zh: String, en: String) in Bilingual(zh, en).text(language) }
        let columns = [columns[0], columns[1], columns[2], LedgerColumn("FINDINGS", Bilingual("问题数", "findings"), .integer)]
        let byCode = Dictionary(grouping: report.findings, by: \.code)
        let totals = byCode.keys.sorted().map { code -> [FieldValue] in
            let first = byCode[code]![0]
            return [.string(code), .string(severity(first.severity).text(language)), .string(QCCatalogue.titles[code]?.text(language) ?? ""), .integer(Int64(byCode[code]!.count))]
        } + [[.string(t("合计", "total")), .null, .null, .integer(Int64(report.findings.count))]]
        var about = [(t("数据源", "source"), report.source)]
        if let crs = report.crs { about.append((t("坐标系", "CRS"), crs.summary(language))) }
        about.append((t("ZoneCalc 版本", "ZoneCalc version"), ZoneCalcVersion.current))
        return LedgerAppendix(totalsColumns: columns, totals: totals, about: about)
    }

    public static func write(_ report: QCReport, to path: String, language: Language, encoding: TextEncodingChoice, force: Bool, inputs: [String]) throws {
        let format = try OutputFormat(resultsAt: path)
        let fields = columns.fields(format: format, language: language)
        func spec(_ name: String, _ geometry: LayerGeometryType) -> OutputLayerSpec {
            OutputLayerSpec(name: name, crs: report.crs?.definition, geometry: geometry, columns: fields, nameColumn: fields[0].name)
        }
        switch format {
        case .csv, .xlsx:
            let appendix = appendix(report, language: language)
            try appendix.write(detail: spec("qc_findings", .none), to: path, format: format, language: language, encoding: encoding,
                                 inputs: inputs, force: force) { emit in
                for finding in report.findings { try emit(values(finding, language: language), nil) }
            }
        case .geoJSON, .kml:
            try FeatureFileWriter.write(to: path, format: format, layer: spec("qc_findings", .unknown), encoding: encoding, inputs: inputs, force: force) { emit in
                for finding in report.findings { try emit(values(finding, language: language), geometry(finding)) }
            }
        case .shapefile:
            let stem = String(path.dropLast(4))
            try SafeOutput.together {
                for kind in present(report) {
                    let findings = report.findings.filter { Kind(geometry($0)) == kind }
                    try FeatureFileWriter.write(to: stem + kind.fileSuffix + ".shp", format: format, layer: spec(kind.name.en, kind.layerGeometry),
                                                encoding: encoding, inputs: inputs, force: force) { emit in
                        for finding in findings { try emit(values(finding, language: language), geometry(finding)) }
                    }
                }
            }
        case .geoPackage, .fileGDB, .boundaryPointTxt:
            let kinds = present(report)
            let layers = kinds.map { spec($0.name.text(language), $0.layerGeometry) }
            try FeatureFileWriter.write(to: path, format: format, layers: layers, encoding: encoding, inputs: inputs, force: force) { layer, emit in
                for finding in report.findings where Kind(geometry(finding)) == kinds[layer] {
                    try emit(values(finding, language: language), geometry(finding))
                }
            }
        }
    }

    /// The kinds the findings have, in layer order; points when there is none (an empty layer says so).
    static func present(_ report: QCReport) -> [Kind] {
        let kinds = Set(report.findings.map { Kind(geometry($0)) })
        return kinds.isEmpty ? [.points] : Kind.allCases.filter(kinds.contains)
    }

    /// ISO WKB of a 2D point, little endian.
    static func pointWKB(_ point: XY) -> [UInt8] {
        var bytes: [UInt8] = [1, 1, 0, 0, 0]
        withUnsafeBytes(of: point.x.bitPattern.littleEndian) { bytes += $0 }
        withUnsafeBytes(of: point.y.bitPattern.littleEndian) { bytes += $0 }
        return bytes
    }
}
