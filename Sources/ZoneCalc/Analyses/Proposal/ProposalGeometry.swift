import GeoBridge

/// The proposal's geometry work in one GEOS context: the approved zone, the land added and removed,
/// the new boundary, and control layers read into the boundary's CRS.
final class ProposalGeometry {
    let calculator: AreaCalculator
    let crs: ResolvedCRS
    var context: GEOSContext { calculator.geos }

    let frame: AnalysisFrame

    init(frame: AnalysisFrame) throws(ZoneCalcError) {
        self.frame = frame
        crs = frame.crs
        calculator = try frame.calculator([.planar, .ellipsoidal])
    }

    /// Planar and ellipsoidal areas (0 for nil or empty).
    func measure(_ geometry: Geometry?) throws -> MeasuredArea {
        guard let geometry, !geometry.isEmpty else { return MeasuredArea(planar: 0, ellipsoidal: 0) }
        return try calculator.measure(geometry)
    }

    private var toPlane: GeometryReprojector?

    /// The geometry in metres: itself for projected data, in the frame's Gauss–Krüger plane for lon/lat.
    func inMetres(_ geometry: Geometry) throws -> Geometry {
        guard crs.kind == .geographic, let plane = frame.plane else { return geometry }
        if toPlane == nil { toPlane = try GeometryReprojector(from: crs.definition, to: plane) }
        return try Geometry.fromWKB(try toPlane!.reproject(try geometry.wkb()), context: context)
    }

    /// The distance between two geometries in metres (in the frame's plane for lon/lat data).
    func distance(_ a: Geometry, _ b: Geometry) throws -> Double { try inMetres(a).distance(to: try inMetres(b)) }

    /// A valid polygonal geometry from WKB.
    func polygon(_ wkb: [UInt8]) throws -> Geometry {
        let geometry = try Geometry.fromWKB(wkb, context: context)
        return try geometry.validityProblem() == nil ? geometry : try geometry.makeValid().polygonalPart()
    }

    /// The union of some geometries (an empty collection when there are none).
    func union(_ geometries: [Geometry]) throws -> Geometry {
        try Geometry.collection(.collection, of: geometries, context: context).unaryUnion().polygonalPart()
    }

    /// A project layer's features in the boundary's CRS, repaired, with their labels (name or id).
    func features(_ project: ZoneProject, _ role: LayerRole) throws(ZoneCalcError) -> [(label: String, geometry: Geometry)]? {
        guard let layer = project.layers[role] else { return nil }
        let items = try LayerPolygons.read(layer, into: frame, context: context, labelField: layer.field("name") ?? layer.field("id"))
        return items.map { ($0.label ?? "\(role.chineseName) #\($0.index + 1)", $0.geometry) }
    }

    /// Where a layer's data are complete, in the boundary's CRS: the union of the project's coverage
    /// polygons for the layer when it gives them, else the rectangle of the features' extent (empty
    /// when there are none). `given` tells which.
    func coverage(_ project: ZoneProject, _ role: LayerRole, features: [(label: String, geometry: Geometry)]) throws
        -> (area: Geometry, given: Bool) {
        if let spec = project.layers[role]?.coverage {
            let items = try LayerPolygons.read(spec, crsOverride: nil, into: frame, context: context)
            return (try union(items.map(\.geometry)), true)
        }
        let bounds = try features.compactMap { try $0.geometry.bounds() }.reduce(nil as Bounds?) { $0?.union($1) ?? $1 }
        guard let bounds else { return (try union([]), false) }
        return (try Geometry.rectangle(bounds, context: context), false)
    }

    /// Pieces of `region` inside each feature, at or above `tolerance` m² (planar); smaller ones are counted.
    func overlaps(of region: Geometry, with features: [(label: String, geometry: Geometry)], rule: String, kind: Bilingual,
                  tolerance: Double) throws -> (pieces: [ConflictPiece], belowTolerance: Int) {
        guard !region.isEmpty else { return ([], 0) }
        let prepared = try PreparedGeometry(region)
        var pieces: [ConflictPiece] = [], small = 0
        for feature in features where try prepared.intersects(feature.geometry) {
            let piece = try region.intersection(feature.geometry).polygonalPart()
            guard !piece.isEmpty else { continue }
            let area = try measure(piece)
            guard (area.planar ?? 0) >= tolerance else { small += 1; continue }
            // A piece of positive area always has a point on its surface.
            guard let location = try piece.pointOnSurface() else { continue }
            pieces.append(ConflictPiece(rule: rule, kind: kind, label: feature.label, area: area, location: location,
                                        wkb: try piece.wkb()))
        }
        return (pieces, small)
    }

}
