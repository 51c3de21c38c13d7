import GeoBridge

/// A file a command wrote, read back with GDAL: each layer's field names and rows.
struct ExportedFile {
    struct Layer {
        var name: String
        var geometry: LayerGeometryType
        var fields: [String]
        var rows: [[FieldValue]]

        /// The value of `field` in row `row`.
        func value(_ field: String, row: Int) -> FieldValue? {
            fields.firstIndex(of: field).map { rows[row][$0] }
        }
    }

    var layers: [Layer]

    init(_ path: String) throws {
        let dataset = try VectorDataset.open(path)
        layers = try dataset.layers.map { layer in
            let definitions = layer.fields
            var rows: [[FieldValue]] = []
            try layer.forEachFeature { record in
                rows.append(definitions.indices.map { record.value($0, type: definitions[$0].type) })
            }
            return Layer(name: layer.name, geometry: layer.geometryType, fields: definitions.map(\.name), rows: rows)
        }
    }

    /// The layer named `name`.
    func layer(_ name: String) -> Layer? { layers.first { $0.name == name } }
}
