import GeoBridge

/// Some fields of every feature of a layer, by feature index, for analyses that hold a layer's
/// geometries elsewhere (clipped pieces, repaired polygons).
enum LayerAttributes {
    /// The named fields of every feature, by feature index (nil names read as null).
    static func read(_ reader: FeatureLayerReader, names: [String?]) throws(ZoneCalcError) -> [Int: [FieldValue]] {
        guard names.contains(where: { $0 != nil }) else { return [:] }
        var indices: [Int] = [], slots: [Int?] = []
        for name in names {
            if let name {
                indices.append(try reader.fieldIndex(name))
                slots.append(indices.count - 1)
            } else {
                slots.append(nil)
            }
        }
        var values: [Int: [FieldValue]] = [:]
        do {
            try reader.read(fieldIndices: indices, swapXY: false) { feature in
                values[feature.index] = slots.map { $0.map { feature.attributes[$0] } ?? .null }
            }
        } catch {
            throw ZoneCalcError(error, source: reader.sourceName)
        }
        return values
    }
}
