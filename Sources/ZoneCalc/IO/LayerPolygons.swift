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

    /// Reads a project layer into the frame's working CRS (a datum change only as the frame allows).
    /// - Parameter labelField: a field whose text labels each polygon.
    static func read(_ layer: ProjectLayer, into frame: AnalysisFrame, context: GEOSContext,
                     labelField: String? = nil) throws(ZoneCalcError) -> [Item] {
        try read(layer.source, crsOverride: layer.crs, into: frame, context: context, labelField: labelField)
    }

    /// Reads `spec` (CRS from the file or `crsOverride`) into the frame's working CRS.
    static func read(_ spec: SourceSpec, crsOverride: String?, into frame: AnalysisFrame, context: GEOSContext,
                     labelField: String? = nil) throws(ZoneCalcError) -> [Item] {
        try read(spec, crsOverride: crsOverride, context: context, labelField: labelField) { crs, name throws(ZoneCalcError) in
            try frame.reprojector(from: crs, layer: name)
        }
    }

    /// Reads `spec` (CRS from the file or `crsOverride`) into `target`'s CRS, a datum change as `datum` allows.
    static func read(_ spec: SourceSpec, crsOverride: String?, into target: ResolvedCRS, datum: DatumPolicy, context: GEOSContext,
                     labelField: String? = nil) throws(ZoneCalcError) -> [Item] {
        try read(spec, crsOverride: crsOverride, context: context, labelField: labelField) { crs, name throws(ZoneCalcError) in
            try datum.reprojector(from: crs, to: target, layer: name)
        }
    }

    private static func read(_ spec: SourceSpec, crsOverride: String?, context: GEOSContext, labelField: String?,
                             reprojector makeReprojector: (ResolvedCRS, String) throws(ZoneCalcError) -> GeometryReprojector?)
        throws(ZoneCalcError) -> [Item] {
        let reader = try LayerReaders.open(spec)
        let crs = try CRSResolver.resolve(reader, override: crsOverride)
        let labelIndex = try labelField.map { name throws(ZoneCalcError) in try reader.fieldIndex(name) }
        let reprojector = try makeReprojector(crs, reader.sourceName)
        var items: [Item] = [], problems: [FeatureGeometryProblem] = []
        do {
            try reader.read(fieldIndices: labelIndex.map { [$0] } ?? [], swapXY: false) { feature in
                let label = feature.attributes.first?.text
                do {
                    guard let geometry = try FeatureGeometryIntake.decisivePolygons(of: feature, label: label, reprojector: reprojector,
                                                                                    context: context) else { return }
                    items.append(Item(index: feature.index, label: label, geometry: geometry))
                } catch let problem as FeatureGeometryProblem {
                    problems.append(problem)
                }
            }
        } catch {
            throw ZoneCalcError(error, source: reader.sourceName)
        }
        // Every feature of such a layer counts (a part of the zone, a control line): none is left out quietly.
        guard problems.isEmpty else { throw .unusableFeatures(source: reader.sourceName, problems: problems) }
        return items
    }
}
