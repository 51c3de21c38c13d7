import GeoBridge

/// Writes the repaired copy of a checked layer (`zonecalc qc --fix OUT`): every source field, the
/// geometry after make-valid with repeated points removed, and the area before and after with the
/// change per parcel. The input is never modified.
public enum QCFixWriter {
    public static func write(_ report: QCReport, reader: FeatureLayerReader, to path: String, encoding: TextEncodingChoice,
                             force: Bool, inputs: [String]) throws {
        let format = try OutputFormat(path: path)
        guard format.hasGeometry, format != .boundaryPointTxt else {
            throw ZoneCalcError.unsupportedOutput(path: path, reason: Bilingual("修复后的副本需要 GIS 格式：.gpkg、.shp、.geojson、.kml 或 .gdb", "a repaired copy needs a GIS format: .gpkg, .shp, .geojson, .kml or .gdb"))
        }
        // Names within the Shapefile's 10 characters.
        let added = [FieldDefinition(name: "QC_FIX", type: .string), FieldDefinition(name: "AREA_BEF", type: .real, width: 24, precision: 6),
                     FieldDefinition(name: "AREA_AFT", type: .real, width: 24, precision: 6),
                     FieldDefinition(name: "AREA_CHG", type: .real, width: 24, precision: 6)]
        let source = reader.fields.filter { field in !added.contains { $0.name == field.name } }
        let indices = source.map { field in reader.fields.firstIndex { $0.name == field.name }! }
        let byIndex = Dictionary(report.records.map { ($0.index, $0) }, uniquingKeysWith: { first, _ in first })
        let context = GEOSContext()
        let spec = OutputLayerSpec(name: reader.layerName + "_fixed", crs: report.crs?.definition, geometry: .multiPolygon, columns: source + added)
        try FeatureFileWriter.write(to: path, format: format, layer: spec, encoding: encoding, inputs: inputs, force: force) { emit in
            try reader.read(fieldIndices: indices, swapXY: false) { feature in
                guard let record = byIndex[feature.index], let fixed = record.fixed else {
                    try emit(feature.attributes + [.string("not repairable: left without geometry"), .null, .null, .null], nil)
                    return
                }
                let geometry = try Geometry.fromWKB(fixed, context: context)
                let cleaned = try geometry.removingRepeatedPoints()
                var notes: [String] = []
                if record.areaBefore != nil { notes.append(cleaned.isEmpty ? "make-valid left nothing" : "make-valid") }
                if try cleaned.wkb() != fixed { notes.append("repeated points removed") }
                // An invalid polygon has no defined area (GEOS's figure for a bow-tie nets its loops), so
                // the change is given for valid inputs only.
                let before: FieldValue = record.areaBefore == nil ? .real(record.area) : .null
                let change: FieldValue = record.areaBefore == nil ? .real(0) : .null
                try emit(feature.attributes + [.string(notes.isEmpty ? "unchanged" : notes.joined(separator: ", ")), before, .real(record.area), change],
                         cleaned.isEmpty ? nil : try cleaned.wkb())
            }
        }
    }
}
