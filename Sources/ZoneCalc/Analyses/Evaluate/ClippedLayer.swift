import GeoBridge

/// One piece of a project layer inside the zone, in the boundary's CRS and the evaluation's GEOS
/// context, with the attributes the evaluation reads.
struct ClippedPiece {
    var featureIndex: Int
    var label: String?
    /// The feature's `--by` value (its land-use code).
    var featureClass: String?
    var geometry: Geometry
    /// Area by the project's method, overlap with earlier features of the layer counted once.
    var netArea: Double
    /// The feature's 扣除地类 (三调 land use with KCXS/KCMJ), whose share counts under its own class.
    var deduction: LandUseDeduction?
    /// Numeric fields apportioned by the piece's share of its feature, in the order asked for.
    var apportioned: [Double?]
    /// Further fields of the feature, in the order asked for.
    var attributes: [FieldValue]
}

/// A project layer clipped to the zone boundary by the overlay engine (make-valid, overlaps counted
/// once, slivers left out), its pieces brought into the boundary's CRS.
struct ClippedLayer {
    var role: LayerRole
    var source: String
    var report: OverlayReport
    var pieces: [ClippedPiece]

    /// Clips the project's `role` layer to the boundary; nil when the project has no such layer.
    /// - Parameters:
    ///   - by: ZoneCalc field giving each feature's class.
    ///   - apportion: ZoneCalc numeric fields apportioned by area share (unmapped ones give nil).
    ///   - attributes: ZoneCalc fields read as they are (unmapped ones give null).
    static func clip(_ role: LayerRole, frame: AnalysisFrame, context: EvaluationContext, by: String? = nil,
                     apportion: [String] = [], attributes: [String] = []) throws(ZoneCalcError) -> ClippedLayer? {
        guard let layer = frame.project.layers[role] else { return nil }
        let reader = try LayerReaders.open(layer.source)
        let report = try overlay(role, frame: frame, by: by, apportion: apportion)
        let apportionSlots = apportion.map { name in layer.field(name) }
        let extra = try LayerAttributes.read(reader, names: attributes.map(layer.field))
        var pieces: [ClippedPiece] = []
        do {
            let reprojector = try frame.reprojector(from: report.crs, layer: reader.sourceName)
            for piece in report.pieces {
                guard var wkb = piece.wkb else { continue }
                if let reprojector { wkb = try reprojector.reproject(wkb) }
                var cursor = 0
                let apportioned = apportionSlots.map { mapped -> Double? in
                    guard mapped != nil else { return nil }
                    defer { cursor += 1 }
                    return piece.apportioned[cursor]
                }
                let geometry = try Geometry.fromWKB(wkb, context: context.calculator.geos)
                // The overlay measured the piece in the layer's own CRS; one brought into the frame is measured
                // again there, in the frame's plane, its overlap share kept.
                var netArea = piece.netArea[context.method] ?? 0
                if reprojector != nil, let gross = piece.area[context.method], gross > 0 {
                    netArea = try context.area(geometry) * netArea / gross
                }
                pieces.append(ClippedPiece(featureIndex: piece.aIndex, label: piece.aLabel, featureClass: piece.aClass,
                                           geometry: geometry, netArea: netArea, deduction: piece.deduction, apportioned: apportioned,
                                           attributes: extra[piece.aIndex] ?? Array(repeating: .null, count: attributes.count)))
            }
        } catch {
            throw ZoneCalcError(error, source: reader.sourceName)
        }
        return ClippedLayer(role: role, source: reader.sourceName, report: report, pieces: pieces)
    }

    /// The overlay of the project's `role` layer with the boundary (pieces kept, by the project's area
    /// method), made once per run: the evaluation and the zone report's land use share it.
    /// - Parameters:
    ///   - by: ZoneCalc field giving each feature's class.
    ///   - apportion: ZoneCalc numeric fields apportioned by area share (unmapped ones are left out).
    static func overlay(_ role: LayerRole, frame: AnalysisFrame, by: String? = nil, apportion: [String] = []) throws(ZoneCalcError) -> OverlayReport {
        let project = frame.project
        let layer = try project.layer(role)
        let key = "overlay of \(role.rawValue) with the boundary by \(by ?? "-") apportioning \(apportion.joined(separator: ","))"
        return try frame.shared(key) { () throws(ZoneCalcError) in
            let boundary = try project.layer(.boundary)
            let reader = try LayerReaders.open(layer.source)
            let boundaryReader = try LayerReaders.open(boundary.source)
            var options = OverlayOptions()
            options.methods = [project.areaMethod]
            options.byField = by.flatMap(layer.field)
            options.aIdField = layer.field("id")
            options.bIdField = boundary.field("id")
            options.aCRS = layer.crs
            options.bCRS = boundary.crs
            options.keepGeometry = true
            options.workers = frame.workers
            options.datum = frame.datum
            if role == .landUse { options.deduction = LandUseDeductionFields.detect(in: reader.fields, mapped: layer.field) }
            options.apportion = apportion.compactMap(layer.field)
            let report = try OverlayJob.run(a: reader, b: boundaryReader, options: options)
            frame.note(report.datumNote.map { [$0] } ?? [])
            return report
        }
    }
}

/// What every part of an evaluation shares: the frame's CRS, the area method and one GEOS/PROJ
/// context (the evaluation's geometry work after the overlays runs on one thread).
final class EvaluationContext {
    let crs: ResolvedCRS
    let method: AreaMethod
    let calculator: AreaCalculator
    let workers: Int

    init(frame: AnalysisFrame) throws(ZoneCalcError) {
        crs = frame.crs
        method = frame.project.areaMethod
        workers = frame.workers
        calculator = try frame.calculator([method])
    }

    /// The area of a geometry by the project's method, m².
    func area(_ geometry: Geometry) throws -> Double { try calculator.measure(geometry)[method] ?? 0 }

    /// The union of some pieces, nil when there are none.
    func union(_ geometries: [Geometry]) throws -> Geometry? {
        guard !geometries.isEmpty else { return nil }
        return try Geometry.collection(.collection, of: geometries, context: calculator.geos).unaryUnion()
    }

    /// The area of `a ∩ b` (0 when either is missing); `a` is taken whole when `b` contains it.
    func overlapArea(_ a: Geometry?, _ b: PreparedGeometry?) throws -> Double {
        guard let a, let b else { return 0 }
        if try b.contains(a) { return try area(a) }
        guard try b.intersects(a) else { return 0 }
        return try area(try a.intersection(b.base).polygonalPart())
    }
}
