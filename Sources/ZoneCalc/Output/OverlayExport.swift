import GeoBridge

/// Writes the pieces of an overlay as a GIS layer: A's id and class, B's id, areas by method, shares.
public enum OverlayExport {
    /// Writes the pieces of one or several overlays (same A) into one layer; B_ID says which B each piece is in.
    public static func write(_ reports: [OverlayReport], to path: String, encoding: OutputTextEncoding, force: Bool, inputs: [String]) throws {
        let report = reports[0]
        let format = try OutputFormat(path: path)
        guard format != .boundaryPointTxt else {
            throw ZoneCalcError.unsupportedOutput(path: path, reason: "overlay pieces go to .gpkg, .shp, .geojson, .kml, .gdb, .csv or .xlsx")
        }
        var columns = [FieldDefinition(name: "A_SEQ", type: .integer), FieldDefinition(name: "A_FID", type: .integer64),
                       FieldDefinition(name: "A_ID", type: .string), FieldDefinition(name: "A_CLASS", type: .string),
                       FieldDefinition(name: "B_LAYER", type: .string), FieldDefinition(name: "B_ID", type: .string)]
        for method in report.methods {
            columns.append(FieldDefinition(name: "\(AreaExport.prefix(method))_M2", type: .real, width: 24, precision: 6))
        }
        // Net areas: what the totals count when features of A overlap each other (equal to the gross area otherwise).
        for method in report.methods {
            columns.append(FieldDefinition(name: "NET_\(AreaExport.prefix(method).prefix(3))_M2", type: .real, width: 24, precision: 6))
        }
        for field in report.apportionFields { columns.append(FieldDefinition(name: "AP_\(field)", type: .real, width: 24, precision: 6)) }
        columns += [FieldDefinition(name: "SHARE_A", type: .real, width: 16, precision: 10),
                    FieldDefinition(name: "SHARE_B", type: .real, width: 16, precision: 10),
                    FieldDefinition(name: "WHOLE", type: .integer)]
        let spec = OutputLayerSpec(name: "overlay_pieces", crs: report.crs.definition, geometry: format.hasGeometry ? .multiPolygon : .none,
                                   columns: columns, nameColumn: "A_ID")
        try FeatureFileWriter.write(to: path, format: format, layer: spec, encoding: encoding, inputs: inputs, force: force) { emit in
            for overlay in reports {
                for piece in overlay.pieces {
                    var values: [FieldValue] = [.integer(Int64(piece.aIndex + 1)), .integer(piece.aFid), piece.aLabel.map(FieldValue.string) ?? .null,
                                                piece.aClass.map(FieldValue.string) ?? .null, .string(overlay.bSource), .string(piece.bLabel)]
                    values += report.methods.map { FieldValue.real(piece.area[$0] ?? 0) }
                    values += report.methods.map { FieldValue.real(piece.netArea[$0] ?? 0) }
                    values += piece.apportioned.map { $0.map(FieldValue.real) ?? .null }
                    values += [.real(piece.shareOfA), .real(piece.shareOfB), .integer(piece.whole ? 1 : 0)]
                    try emit(values, piece.wkb)
                }
            }
        }
    }
}
