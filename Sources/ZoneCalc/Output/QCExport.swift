import GeoBridge

/// Writes QC findings: a table (CSV, XLSX) or a GIS layer whose geometry is the problem's geometry
/// (overlap piece, part outside the zone) or its location point, for review in QGIS or ArcGIS.
public enum QCExport {
    static let columns: [FieldDefinition] = [
        FieldDefinition(name: "CODE", type: .string), FieldDefinition(name: "SEVERITY", type: .string), FieldDefinition(name: "CHECK", type: .string),
        FieldDefinition(name: "SEQ", type: .integer), FieldDefinition(name: "SRC_FID", type: .integer64), FieldDefinition(name: "FEAT_ID", type: .string),
        FieldDefinition(name: "OTHER_SEQ", type: .integer), FieldDefinition(name: "OTHER_ID", type: .string),
        FieldDefinition(name: "VALUE", type: .real, width: 24, precision: 6), FieldDefinition(name: "X", type: .real, width: 20, precision: 3),
        FieldDefinition(name: "Y", type: .real, width: 20, precision: 3), FieldDefinition(name: "MESSAGE", type: .string),
    ]

    public static func write(_ report: QCReport, to path: String, encoding: OutputTextEncoding, force: Bool, inputs: [String]) throws {
        let format = try OutputFormat(path: path)
        guard format != .boundaryPointTxt else {
            throw ZoneCalcError.unsupportedOutput(path: path, reason: "QC findings go to .gpkg, .geojson, .kml, .csv or .xlsx")
        }
        let spec = OutputLayerSpec(name: "qc_findings", crs: report.crs?.definition, geometry: format.hasGeometry ? .unknown : .none,
                                   columns: columns, nameColumn: "CODE")
        try FeatureFileWriter.write(to: path, format: format, layer: spec, encoding: encoding, inputs: inputs, force: force) { emit in
            for finding in report.findings {
                let values: [FieldValue] = [
                    .string(finding.code), .string(finding.severity.rawValue), .string(QCCatalogue.titles[finding.code] ?? ""),
                    finding.featureIndex.map { .integer(Int64($0 + 1)) } ?? .null, finding.fid.map(FieldValue.integer) ?? .null,
                    finding.featureId.map(FieldValue.string) ?? .null, finding.otherIndex.map { .integer(Int64($0 + 1)) } ?? .null,
                    finding.otherId.map(FieldValue.string) ?? .null, finding.value.map(FieldValue.real) ?? .null,
                    finding.location.map { .real($0.x) } ?? .null, finding.location.map { .real($0.y) } ?? .null, .string(finding.message),
                ]
                try emit(values, finding.wkb ?? finding.location.map(pointWKB))
            }
        }
    }

    /// ISO WKB of a 2D point, little endian.
    static func pointWKB(_ point: XY) -> [UInt8] {
        var bytes: [UInt8] = [1, 1, 0, 0, 0]
        withUnsafeBytes(of: point.x.bitPattern.littleEndian) { bytes += $0 }
        withUnsafeBytes(of: point.y.bitPattern.littleEndian) { bytes += $0 }
        return bytes
    }
}
