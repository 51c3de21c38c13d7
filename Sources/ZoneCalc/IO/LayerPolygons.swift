import GeoBridge

/// A whole layer's polygons in one GEOS context and one CRS, repaired (make-valid, polygonal part): what
/// the analyses that hold a small layer in memory need — a zone, control lines, approvals, the land use
/// of a proposal. Large layers are streamed instead (``ParallelLayerScan``).
enum LayerPolygons {
    struct Item {
        var index: Int
        /// The label field's value, when one was asked for.
        var label: String?
        var geometry: Geometry
    }

    /// Reads `spec` (CRS from the file or `crsOverride`) into `target`'s CRS.
    /// - Parameter labelField: a field whose text labels each polygon.
    static func read(_ spec: SourceSpec, crsOverride: String?, into target: ResolvedCRS, context: GEOSContext,
                     labelField: String? = nil) throws(ZoneCalcError) -> [Item] {
        let reader = try LayerReaders.open(spec)
        let crs = try CRSResolver.resolve(reader, override: crsOverride)
        let labelIndex = try labelField.map { name throws(ZoneCalcError) in try reader.fieldIndex(name) }
        var items: [Item] = []
        do {
            let reprojector = try GeometryReprojector.between(crs, target)
            try reader.read(fieldIndices: labelIndex.map { [$0] } ?? [], swapXY: false) { feature in
                guard var wkb = feature.wkb else { return }
                if let reprojector { wkb = try reprojector.reproject(wkb) }
                var geometry = try Geometry.fromWKB(wkb, context: context)
                if try geometry.validityProblem() != nil { geometry = try geometry.makeValid() }
                geometry = try geometry.polygonalPart()
                guard !geometry.isEmpty else { return }
                items.append(Item(index: feature.index, label: feature.attributes.first?.text, geometry: geometry))
            }
        } catch {
            throw ZoneCalcError(error, source: reader.sourceName)
        }
        return items
    }
}

extension GeometryReprojector {
    /// A reprojector from one resolved CRS to another; nil when they are the same.
    static func between(_ source: ResolvedCRS, _ target: ResolvedCRS) throws(GDALError) -> GeometryReprojector? {
        source.definition == target.definition ? nil : try GeometryReprojector(from: source.definition, to: target.definition)
    }
}
