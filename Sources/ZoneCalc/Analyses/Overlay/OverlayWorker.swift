import GeoBridge

/// One worker's overlay state: its GEOS/PROJ contexts (in the area calculator) and layer B as
/// prepared geometries in an STRtree, all built on the worker's own thread and never shared.
final class OverlayWorker {
    private let calculator: AreaCalculator
    private let zones: [Geometry]
    private let prepared: [PreparedGeometry]
    private let index: SpatialIndex

    init(crs: ResolvedCRS, methods: [AreaMethod], zones wkbs: [[UInt8]]) throws {
        let calculator = try AreaCalculator(crs: crs, methods: methods)
        let zones = try wkbs.map { try Geometry.fromWKB($0, context: calculator.geos) }
        prepared = try zones.map { try PreparedGeometry($0) }
        index = try SpatialIndex(zones, context: calculator.geos)
        self.calculator = calculator
        self.zones = zones
    }

    /// Overlays one A feature with every B it touches and adds the pieces to `batch`.
    func overlay(_ feature: BorrowedFeature, rules: OverlayRules, into batch: inout OverlayBatch) {
        // The id is decoded only where it is shown: notes, and pieces kept with their details.
        var decoded: String??
        func label() -> String? {
            if let decoded { return decoded }
            let value = rules.wanted.label(feature)
            decoded = .some(value)
            return value
        }
        func skip(_ reason: String) {
            batch.skipped.append(SkippedFeature(index: feature.index, fid: feature.fid, label: label(), reason: reason))
        }
        guard let wkb = feature.wkb else { return skip("has no geometry") }
        do {
            var geometry = try Geometry.fromWKB(wkb, context: calculator.geos)
            guard !geometry.isEmpty else { return skip("has an empty geometry") }
            guard geometry.kind.isAreal || geometry.kind == .collection else { return skip("is a \(geometry.kind), not a polygon") }
            if let problem = try geometry.validityProblem() {
                if problem.reason.contains("Invalid Coordinate") { return skip("has a NaN or infinite coordinate") }
                if rules.skipInvalid { return skip("is invalid (\(problem.describe())) and was left out (--skip-invalid)") }
                geometry = try geometry.makeValid()
                batch.repaired.append((feature.index, label(), problem))
            }
            let candidates = index.candidates(for: geometry)
            guard !candidates.isEmpty else { batch.outside += 1; return }
            var featureArea: MeasuredArea?
            var inside = 0.0, touched = false
            for zone in candidates {
                let whole = try prepared[zone].covers(geometry)
                let piece: Geometry
                if whole {
                    piece = geometry
                } else {
                    guard try prepared[zone].intersects(geometry) else { continue }
                    piece = try geometry.intersection(zones[zone])
                }
                let area = try calculator.measure(piece)
                let primary = area[rules.primary] ?? 0
                guard primary > 0 else { continue }
                touched = true
                let total = try featureArea ?? { () throws -> MeasuredArea in
                    let measured = whole ? area : try calculator.measure(geometry)
                    featureArea = measured
                    return measured
                }()
                let shareOfA = primary / max(total[rules.primary] ?? primary, .leastNonzeroMagnitude)
                inside += shareOfA
                let width = whole ? .infinity : 2 * primary / max(try piece.length(), .leastNonzeroMagnitude)
                if primary < rules.sliverArea || width < rules.sliverWidth {
                    batch.slivers.append(OverlaySliver(aIndex: feature.index, aLabel: label(), bLabel: rules.zoneLabels[zone], area: primary, width: width))
                    continue
                }
                let zoneArea = rules.zoneAreas[zone][rules.primary] ?? 0
                batch.pieces.append(OverlayPiece(
                    aIndex: feature.index, aFid: feature.fid, aLabel: rules.keepPieceDetails ? label() : nil, aClass: rules.wanted.klass(feature), bIndex: zone,
                    bLabel: rules.zoneLabels[zone], area: area, netArea: area, shareOfA: shareOfA, shareOfB: zoneArea > 0 ? primary / zoneArea : 0,
                    whole: whole, apportioned: rules.wanted.apportioned(feature, share: shareOfA),
                    wkb: rules.keepGeometry ? try piece.wkb() : nil))
            }
            if !touched { batch.outside += 1 } else if inside < 1 - 1e-9 { batch.crossing.append((feature.index, label(), inside)) }
        } catch {
            skip("could not be overlaid: \(error)")
        }
    }
}
