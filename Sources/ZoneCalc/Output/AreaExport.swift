import GeoBridge

/// Writes an ``AreaReport`` to a file: one row per feature with its areas by method (in m² and in
/// the chosen unit), the declared-area comparison and any validity note. GIS formats carry the
/// source geometry and attributes too; CSV and XLSX carry the attributes only.
///
/// Column names say the method: PLANAR_*, ELLIPS_* (ellipsoidal, 三调 formula), GEODES_* (geodesic);
/// they stay within the Shapefile's 10-character limit.
public enum AreaExport {
    static func prefix(_ method: AreaMethod) -> String {
        switch method {
        case .planar: return "PLANAR"
        case .ellipsoidal: return "ELLIPS"
        case .geodesic: return "GEODES"
        }
    }

    /// The area columns for a report, after any source columns.
    static func areaColumns(_ report: AreaReport, unit: AreaUnit) -> [FieldDefinition] {
        var columns = [FieldDefinition(name: "SEQ", type: .integer), FieldDefinition(name: "SRC_FID", type: .integer64),
                       FieldDefinition(name: "FEAT_ID", type: .string)]
        if !report.groups.isEmpty { columns.append(FieldDefinition(name: "CLASS", type: .string)) }
        for method in report.methods {
            columns.append(FieldDefinition(name: "\(prefix(method))_M2", type: .real, width: 24, precision: 6))
            if unit != .squareMetre {
                columns.append(FieldDefinition(name: "\(prefix(method))_\(unit.fieldSuffix)", type: .real, width: 24, precision: 8))
            }
        }
        if report.declared != nil {
            columns += [FieldDefinition(name: "DECL_M2", type: .real, width: 24, precision: 6),
                        FieldDefinition(name: "DECL_DIFF", type: .real, width: 16, precision: 8),
                        FieldDefinition(name: "DECL_FLAG", type: .integer)]
        }
        columns.append(FieldDefinition(name: "NOTE", type: .string))
        return columns
    }

    /// The area values of every feature, by layer position (skipped features have a note and no areas).
    static func areaRows(_ report: AreaReport, unit: AreaUnit) -> [Int: [FieldValue]] {
        var rows: [Int: [FieldValue]] = [:]
        let flagged = Set(report.declared?.mismatches ?? [])
        let hasGroups = !report.groups.isEmpty
        for (position, feature) in report.features.enumerated() {
            var row: [FieldValue] = [.integer(Int64(feature.index + 1)), .integer(feature.fid), feature.label.map(FieldValue.string) ?? .null]
            if hasGroups { row.append(feature.group.map(FieldValue.string) ?? .null) }
            for method in report.methods {
                let value = feature.area[method] ?? 0
                row.append(.real(value))
                if unit != .squareMetre { row.append(.real(unit.value(ofSquareMetres: value))) }
            }
            if let check = report.declared {
                if let declared = feature.declaredSquareMetres, let computed = feature.area[check.method] {
                    row += [.real(declared), .real(DeclaredAreaCheck.relativeDifference(declared: declared, computed: computed)),
                            .integer(flagged.contains(position) ? 1 : 0)]
                } else {
                    row += [.null, .null, .null]
                }
            }
            row.append(feature.noteText.isEmpty ? .null : .string(feature.noteText))
            rows[feature.index] = row
        }
        let width = areaColumns(report, unit: unit).count
        for skipped in report.skipped {
            var row: [FieldValue] = [.integer(Int64(skipped.index + 1)), .integer(skipped.fid), skipped.label.map(FieldValue.string) ?? .null]
            row += Array(repeating: .null, count: width - 4)
            row.append(.string("skipped: \(skipped.reason)"))
            rows[skipped.index] = row
        }
        return rows
    }

    /// Writes the report to `path` (format from the extension).
    public static func write(_ report: AreaReport, reader: FeatureLayerReader, to path: String, unit: AreaUnit,
                             swapXY: Bool, encoding: OutputTextEncoding, force: Bool, inputs: [String]) throws {
        precondition(report.rowsAreComplete, "an area file needs a row per feature: run the job with keepAllRows")
        let format = try OutputFormat(path: path)
        guard format != .boundaryPointTxt else {
            throw ZoneCalcError.unsupportedOutput(path: path, reason: "area results go to .gpkg, .shp, .geojson, .kml, .csv or .xlsx; use `convert` for boundary-point txt")
        }
        let areaColumns = areaColumns(report, unit: unit)
        let rows = areaRows(report, unit: unit)
        let sourceColumns = format.hasGeometry ? reader.fields.filter { field in !areaColumns.contains { $0.name == field.name } } : []
        let sourceIndices = sourceColumns.map { column in reader.fields.firstIndex { $0.name == column.name }! }
        let spec = OutputLayerSpec(name: reader.layerName + "_area", crs: report.crs.definition,
                                   geometry: format.hasGeometry ? .multiPolygon : .none,
                                   columns: sourceColumns + areaColumns, nameColumn: "FEAT_ID")
        try FeatureFileWriter.write(to: path, format: format, layer: spec, encoding: encoding, inputs: inputs, force: force) { emit in
            if format.hasGeometry {
                try reader.read(fieldIndices: sourceIndices, swapXY: swapXY) { feature in
                    try emit(feature.attributes + (rows[feature.index] ?? []), feature.wkb)
                }
            } else {
                for index in rows.keys.sorted() { try emit(rows[index]!, nil) }
            }
        }
    }
}
