import GeoBridge

/// One table of the zone report: a workbook sheet, a GeoPackage layer when its rows carry geometry,
/// and the source of an HTML table.
struct ReportTable {
    var name: Bilingual
    var columns: [LedgerColumn]
    var rows: [ReportRow]
    /// The rows' geometry type and CRS, for a GeoPackage layer; nil for a table without geometry.
    var geometry: (type: LayerGeometryType, crs: String?)?

    init(name: Bilingual, columns: [LedgerColumn], rows: [ReportRow], geometry: (type: LayerGeometryType, crs: String?)? = nil) {
        self.name = name; self.columns = columns; self.rows = rows; self.geometry = geometry
    }

    /// A two-column table of items (序号, 项目, 内容), as a workbook's 说明 sheet.
    init(name: Bilingual, items: [(item: String, value: String)]) {
        self.init(name: name, columns: LedgerAppendix.aboutColumns,
                  rows: items.enumerated().map { ReportRow([.integer(Int64($0.offset + 1)), .string($0.element.item), .string($0.element.value)]) })
    }

    /// The table of a topic that could not be computed: what kept it, and what to add.
    static func notComputed(_ name: Bilingual, _ error: ZoneCalcError, language: Language) -> ReportTable {
        ReportTable(name: name, items: [(Bilingual("状态", "status").text(language), Bilingual("未计算", "not computed").text(language)),
                                        (Bilingual("原因及需补充的数据", "why, and what to add").text(language), error.message(language))])
    }

    /// The layer spec of this table in a file of `format`.
    func spec(name layerName: String, format: OutputFormat, language: Language) -> OutputLayerSpec {
        let fields = columns.fields(format: format, language: language)
        return OutputLayerSpec(name: layerName, crs: geometry?.crs, geometry: format.hasGeometry ? geometry?.type ?? .none : .none,
                               columns: fields, nameColumn: geometry == nil ? nil : fields.first?.name, expectedRows: rows.count)
    }
}

/// One row of a ``ReportTable``: values in its columns' order, with the geometry of a layer's feature.
struct ReportRow {
    var values: [FieldValue]
    var wkb: [UInt8]?

    init(_ values: [FieldValue], wkb: [UInt8]? = nil) { self.values = values; self.wkb = wkb }
}
