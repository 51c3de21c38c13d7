import GeoBridge

/// Writes the standard-land check: one row per parcel and indicator (the parcel's geometry with it in
/// GIS formats), so a planner can filter failures in QGIS or a spreadsheet.
public enum StandardLandExport {
    static let columns: [FieldDefinition] = [
        FieldDefinition(name: "PARCEL_ID", type: .string), FieldDefinition(name: "SRC_FID", type: .integer64),
        FieldDefinition(name: "STANDARD", type: .integer), FieldDefinition(name: "INDUSTRIAL", type: .integer),
        FieldDefinition(name: "INDICATOR", type: .string), FieldDefinition(name: "NAME", type: .string),
        FieldDefinition(name: "COMPARATOR", type: .string), FieldDefinition(name: "UNIT", type: .string),
        FieldDefinition(name: "AGREED", type: .real, width: 20, precision: 6), FieldDefinition(name: "ACHIEVED", type: .real, width: 20, precision: 6),
        FieldDefinition(name: "GAP", type: .real, width: 20, precision: 6), FieldDefinition(name: "OUTCOME", type: .string),
        FieldDefinition(name: "CHECKPOINT", type: .string), FieldDefinition(name: "DUE", type: .integer),
        FieldDefinition(name: "DUE_NOTE", type: .string), FieldDefinition(name: "AGREED_SRC", type: .string),
        FieldDefinition(name: "ACHIEVED_SRC", type: .string), FieldDefinition(name: "BELOW_TARGET", type: .integer),
    ]

    public static func write(_ report: StandardLandReport, to path: String, encoding: OutputTextEncoding, force: Bool, inputs: [String]) throws {
        let format = try OutputFormat(resultsAt: path)
        let spec = OutputLayerSpec(name: "standard_land", crs: report.crs.definition, geometry: format.hasGeometry ? .multiPolygon : .none,
                                   columns: columns, nameColumn: "PARCEL_ID")
        try FeatureFileWriter.write(to: path, format: format, layer: spec, encoding: encoding, inputs: inputs, force: force) { emit in
            for parcel in report.parcels {
                for check in parcel.checks {
                    let values: [FieldValue] = [
                        .string(parcel.id), .integer(parcel.fid), .integer(parcel.isStandardLand ? 1 : 0), .integer(parcel.industrial ? 1 : 0),
                        .string(check.indicator.id), .string(check.indicator.name), .string(check.indicator.comparator.rawValue),
                        .string(check.indicator.unit), .real(check.agreed), check.achieved.map(FieldValue.real) ?? .null,
                        check.gap.map(FieldValue.real) ?? .null, .string(check.outcome.rawValue), .string(check.indicator.checkpoint.rawValue),
                        .integer(check.due ? 1 : 0), .string(check.dueNote.zh), .string(check.agreedSource.zh), .string(check.achievedSource.zh),
                        .integer(parcel.producingBelowTarget ? 1 : 0),
                    ]
                    try emit(values, parcel.wkb)
                }
            }
        }
    }
}
