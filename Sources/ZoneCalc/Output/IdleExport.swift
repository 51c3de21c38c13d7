import GeoBridge

/// Writes the idle-land classification as a GIS layer (one feature per parcel, for mapping) or a
/// table (CSV, XLSX): id, status, years idle, fee, areas, article, supply-chain categories, reason.
public enum IdleExport {
    static let columns: [FieldDefinition] = [
        FieldDefinition(name: "PARCEL_ID", type: .string), FieldDefinition(name: "SRC_FID", type: .integer64),
        FieldDefinition(name: "STATUS", type: .string), FieldDefinition(name: "STATUS_CN", type: .string),
        FieldDefinition(name: "IDLE", type: .integer), FieldDefinition(name: "YEARS", type: .integer),
        FieldDefinition(name: "FEE_WY", type: .real, width: 20, precision: 4),
        FieldDefinition(name: "AREA_M2", type: .real, width: 24, precision: 6), FieldDefinition(name: "AREA_HA", type: .real, width: 24, precision: 8),
        FieldDefinition(name: "AREA_MU", type: .real, width: 24, precision: 8), FieldDefinition(name: "ARTICLE", type: .string),
        FieldDefinition(name: "CATEGORIES", type: .string), FieldDefinition(name: "REASON", type: .string),
    ]

    public static func write(_ report: IdleLandReport, to path: String, encoding: OutputTextEncoding, force: Bool, inputs: [String]) throws {
        let format = try OutputFormat(resultsAt: path)
        let spec = OutputLayerSpec(name: "idle_land", crs: report.crs.definition, geometry: format.hasGeometry ? .multiPolygon : .none,
                                   columns: columns, nameColumn: "PARCEL_ID")
        try FeatureFileWriter.write(to: path, format: format, layer: spec, encoding: encoding, inputs: inputs, force: force) { emit in
            for item in report.parcels {
                let c = item.classification
                let values: [FieldValue] = [
                    .string(item.id), .integer(item.fid), .string(c.status.rawValue), .string(c.status.chineseName),
                    .integer(c.status.isIdle ? 1 : 0), c.yearsIdle.map { .integer(Int64($0)) } ?? .null, c.fee.map(FieldValue.real) ?? .null,
                    .real(item.area), .real(item.area / 10_000), .real(AreaUnit.mu.value(ofSquareMetres: item.area)),
                    .string(c.status.article), .string(c.categories.map(\.chineseName).joined(separator: " ")),
                    .string(IdleReportText.reason(c, .zh)),
                ]
                try emit(values, item.wkb)
            }
        }
    }
}
