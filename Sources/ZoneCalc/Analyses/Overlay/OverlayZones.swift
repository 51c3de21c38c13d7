import GeoBridge

/// Layer B of an overlay, held in memory as WKB in A's CRS: one entry per feature, or per part.
struct OverlayZones: Sendable {
    var wkbs: [[UInt8]] = []
    var labels: [String] = []
    /// The datum change made with the given parameters to bring B into A's CRS, when there was one.
    var datumNote: Bilingual?

    static func load(_ reader: FeatureLayerReader, options: OverlayOptions, targetCRS: ResolvedCRS) throws(ZoneCalcError) -> OverlayZones {
        let crs = try CRSResolver.resolve(reader, override: options.bCRS)
        let labelName = reader.idField(options.bIdField)
        let labelIndex = try labelName.map { name throws(ZoneCalcError) in try reader.fieldIndex(name) }
        var zones = OverlayZones()
        do {
            let reprojector = try options.datum.reprojector(from: crs, to: targetCRS, layer: reader.sourceName)
            zones.datumNote = options.datum.statement(from: crs, to: targetCRS, layer: reader.sourceName)
            let context = GEOSContext()
            var problems: [FeatureGeometryProblem] = []
            try reader.read(fieldIndices: labelIndex.map { [$0] } ?? [], swapXY: false) { feature in
                let geometry: Geometry
                do {
                    guard let read = try FeatureGeometryIntake.decisivePolygons(of: feature, label: feature.attributes.first?.text,
                                                                                reprojector: reprojector, context: context) else { return }
                    geometry = read
                } catch let problem as FeatureGeometryProblem {
                    problems.append(problem)
                    return
                }
                let label = feature.attributes.first?.text ?? "\(reader.layerName) #\(feature.index + 1)"
                let parts = options.perPart && geometry.kind == .multiPolygon ? geometry.parts : [geometry]
                for (number, part) in parts.enumerated() {
                    zones.wkbs.append(try part.wkb())
                    zones.labels.append(parts.count > 1 ? "\(label) part \(number + 1)" : label)
                }
            }
            // Every zone counts: an overlay that left one out would report less than is there.
            guard problems.isEmpty else { throw ZoneCalcError.unusableFeatures(source: reader.sourceName, problems: problems) }
        } catch {
            throw ZoneCalcError(error, source: reader.sourceName)
        }
        guard !zones.wkbs.isEmpty else { throw .noPolygons(source: reader.sourceName, detail: Bilingual("叠加图层没有面", "the overlay layer has no polygon")) }
        return zones
    }
}
