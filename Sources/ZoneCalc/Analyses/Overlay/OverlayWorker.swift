import GeoBridge

/// One worker's overlay state: its GEOS/PROJ contexts (in the area calculator) and every B layer as
/// prepared geometries in an STRtree, all built on the worker's own thread and never shared.
final class OverlayWorker {
    /// One B layer in this worker's GEOS context.
    private struct ZoneSet {
        var zones: [Geometry]
        var prepared: [PreparedGeometry]
        var index: SpatialIndex
    }

    private let calculator: AreaCalculator
    private let sets: [ZoneSet]

    init(crs: ResolvedCRS, methods: [AreaMethod], plane: String?, zoneSets: [[[UInt8]]]) throws {
        let calculator = try AreaCalculator(crs: crs, methods: methods, planeForGeographic: plane)
        sets = try zoneSets.map { wkbs in
            let zones = try wkbs.map { try Geometry.fromWKB($0, context: calculator.geos) }
            return ZoneSet(zones: zones, prepared: try zones.map { try PreparedGeometry($0) },
                           index: try SpatialIndex(zones, context: calculator.geos))
        }
        self.calculator = calculator
    }

    /// Reads, checks and repairs one A feature once, then overlays it with every B layer;
    /// `batches[k]` receives what concerns B layer k.
    func overlay(_ feature: borrowing BorrowedFeature, rules: OverlayRules, into batches: inout [OverlayBatch]) {
        // The id is decoded only where it is shown: notes, and pieces kept with their details.
        var decoded: String??
        func label() -> String? {
            if let decoded { return decoded }
            let value = rules.wanted.label(feature)
            decoded = .some(value)
            return value
        }
        func skip(_ reason: Bilingual) {
            let skipped = SkippedFeature(index: feature.index, fid: feature.fid, label: label(), reason: reason)
            for k in batches.indices { batches[k].skipped.append(skipped) }
        }
        guard let wkb = feature.wkb else {
            return skip(feature.readProblem.map { Bilingual("几何无法读取（\($0.zh)）", "has a geometry that could not be read (\($0.en))") }
                        ?? SkippedFeature.noGeometry)
        }
        // Coordinates are walked for NaN only when GEOS refuses or invalidates the geometry (a NaN first
        // vertex reads as an unclosed ring), off the path of sound parcels.
        let nonFinite = Bilingual("有 NaN 或无穷大坐标", "has a NaN or infinite coordinate")
        if let note = feature.readNotes { for k in batches.indices { batches[k].readNotes.append((feature.index, label(), note)) } }
        do {
            var geometry = try Geometry.fromWKB(wkb, context: calculator.geos)
            guard !geometry.isEmpty else { return skip(SkippedFeature.emptyGeometry) }
            guard geometry.kind.isAreal || geometry.kind == .collection else {
                return skip(Bilingual("是 \(geometry.kind)，不是面", "is a \(geometry.kind), not a polygon"))
            }
            if let problem = try geometry.validityProblem() {
                if WKBCoordinates.containsNonFinite(wkb) { return skip(nonFinite) }
                if rules.skipInvalid { return skip(SkippedFeature.leftOutAsInvalid(problem)) }
                geometry = try geometry.makeValid().polygonalPart()
                for k in batches.indices { batches[k].repaired.append((feature.index, label(), problem)) }
            }
            var featureArea: MeasuredArea?
            for k in sets.indices {
                // A failure with one B layer skips the feature in that layer's report only, undoing
                // what this feature had added there (rolled back in place: copying the batch would
                // cost a copy of everything gathered so far).
                let mark = batches[k].mark
                do {
                    try overlay(feature, geometry, with: sets[k], rules: rules, zoneRules: rules.sets[k], featureArea: &featureArea,
                                label: label, into: &batches[k])
                } catch {
                    batches[k].rollBack(to: mark)
                    let reason = Bilingual("无法与 \(rules.sets[k].source) 叠加：", "could not be overlaid with \(rules.sets[k].source): ")
                        + Bilingual(describing: error)
                    batches[k].skipped.append(SkippedFeature(index: feature.index, fid: feature.fid, label: label(), reason: reason))
                }
            }
        } catch {
            skip(WKBCoordinates.containsNonFinite(wkb) ? nonFinite : Bilingual("无法读取：", "could not be read: ") + Bilingual(describing: error))
        }
    }

    private func overlay(_ feature: borrowing BorrowedFeature, _ geometry: Geometry, with set: ZoneSet, rules: OverlayRules, zoneRules: ZoneRules,
                         featureArea: inout MeasuredArea?, label: () -> String?, into batch: inout OverlayBatch) throws {
        let candidates = set.index.candidates(for: geometry)
        guard !candidates.isEmpty else { batch.outside += 1; return }
        var inside = 0.0, touched = false
        for zone in candidates {
            let whole = try set.prepared[zone].covers(geometry)
            let piece: Geometry
            if whole {
                piece = geometry
            } else {
                guard try set.prepared[zone].intersects(geometry) else { continue }
                // Only the polygonal part of an intersection is a piece (shared edges come back as lines).
                piece = try geometry.intersection(set.zones[zone]).polygonalPart()
            }
            let area = try calculator.measure(piece)
            let primary = area[rules.primary] ?? 0
            guard primary > 0 else { continue }
            if featureArea == nil { featureArea = whole ? area : try calculator.measure(geometry) }
            let shareOfA = primary / max(featureArea?[rules.primary] ?? primary, .leastNonzeroMagnitude)
            let width = rules.sliverWidth > 0 ? 2 * primary / max(try piece.length(), .leastNonzeroMagnitude) : .infinity
            if primary < rules.sliverArea || width < rules.sliverWidth {
                batch.slivers.append(OverlaySliver(aIndex: feature.index, aLabel: label(), bLabel: zoneRules.labels[zone], area: primary, width: width))
                continue
            }
            touched = true
            inside += shareOfA
            guard rules.keepPieces else {
                batch.tallies.append(PieceTally(aClass: rules.wanted.klass(feature), area: area,
                                                deduction: rules.wanted.deduction(feature, featureArea: featureArea?[rules.primary] ?? primary)))
                continue
            }
            let zoneArea = zoneRules.areas[zone][rules.primary] ?? 0
            batch.pieces.append(OverlayPiece(
                aIndex: feature.index, aFid: feature.fid, aLabel: label(), aClass: rules.wanted.klass(feature),
                bIndex: zone, bLabel: zoneRules.labels[zone], area: area, netArea: area, shareOfA: shareOfA,
                shareOfB: zoneArea > 0 ? primary / zoneArea : 0, whole: whole, apportioned: rules.wanted.apportioned(feature, share: shareOfA),
                deduction: rules.wanted.deduction(feature, featureArea: featureArea?[rules.primary] ?? primary),
                wkb: rules.keepGeometry ? try piece.wkb() : nil))
        }
        if !touched { batch.outside += 1 } else if inside < 1 - 1e-9 { batch.crossing.append((feature.index, label(), inside)) }
    }
}
