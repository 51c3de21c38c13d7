import GeoBridge

/// Gathers the workers' batches into an ``OverlayReport``: pieces in layer order, totals by class
/// summed in layer order (net of 扣除地类 when A carries them: the deducted share under its own class,
/// 1203 田坎 by default), the 三调 three-category roll-up and the 耕地 subtotal.
enum OverlaySummary {
    static func assemble(_ batches: [OverlayBatch], a: FeatureLayerReader, b: FeatureLayerReader, crs: ResolvedCRS,
                         methods: [AreaMethod], zones: [String], zoneAreas: [MeasuredArea], classify: Bool,
                         table: LandClassTable, accountOverlaps: Bool, keepGeometry: Bool, plane: String?,
                         apportion: [String], deduction: LandUseDeductionFields?, workers: Int) throws(ZoneCalcError) -> OverlayReport {
        var pieces: [OverlayPiece] = [], slivers: [OverlaySliver] = [], skipped: [SkippedFeature] = []
        var crossing: [(aIndex: Int, aLabel: String?, insideShare: Double)] = []
        var repaired: [(aIndex: Int, aLabel: String?, problem: ValidityProblem)] = []
        var readNotes: [(aIndex: Int, aLabel: String?, note: Bilingual)] = []
        var outside = 0
        for batch in batches {
            pieces += batch.pieces; slivers += batch.slivers; skipped += batch.skipped
            crossing += batch.crossing; repaired += batch.repaired; outside += batch.outside
            readNotes += batch.readNotes
        }
        var overlaps: [OverlapAccounting.Pair] = []
        if accountOverlaps {
            do { overlaps = try OverlapAccounting.apply(to: &pieces, crs: crs, methods: methods, plane: plane, workers: workers) }
            catch { throw ZoneCalcError(error, source: a.sourceName) }
            if !keepGeometry { for i in pieces.indices { pieces[i].wkb = nil } }
        }
        // Every piece's (class, gross, net) in layer order: from the kept pieces or from the tallies.
        let tallies: [(aClass: String?, gross: MeasuredArea, net: MeasuredArea, apportioned: [Double?], deduction: LandUseDeduction?)] = pieces.isEmpty
            ? batches.flatMap { $0.tallies.map { ($0.aClass, $0.area, $0.area, [], $0.deduction) } }
            : pieces.map { ($0.aClass, $0.area, $0.netArea, $0.apportioned, $0.deduction) }
        var total = MeasuredArea(), grossTotal = MeasuredArea()
        for method in methods { total[method] = 0; grossTotal[method] = 0 }
        var classes: [String: OverlayClassTotal] = [:]
        for piece in tallies {
            total.add(piece.net)
            grossTotal.add(piece.gross)
            guard classify else { continue }
            func add(_ key: String, _ area: MeasuredArea, apportioned: [Double?], counted: Bool) {
                if classes[key] == nil {
                    let known = table.lookup(key)
                    // A merged or suffixed code shows the 三调 class it rolls up to.
                    let name = known.map { $0.code == key ? $0.name : "→ \($0.code) \($0.name)" }
                    classes[key] = OverlayClassTotal(key: key, name: name, category: known?.category, pieces: 0, area: MeasuredArea(),
                                                     apportioned: Array(repeating: 0, count: apportion.count))
                }
                if counted { classes[key]!.pieces += 1 }
                classes[key]!.area.add(area)
                for (slot, value) in apportioned.enumerated() { classes[key]!.apportioned[slot] += value ?? 0 }
            }
            let key = piece.aClass ?? "(empty)"
            if let deduction = piece.deduction {
                add(key, piece.net.scaled(by: 1 - deduction.ratio), apportioned: piece.apportioned, counted: true)
                add(deduction.code, piece.net.scaled(by: deduction.ratio), apportioned: [], counted: false)
            } else {
                add(key, piece.net, apportioned: piece.apportioned, counted: true)
            }
        }
        let sorted = classes.values.sorted { $0.key < $1.key }
        var categories: [(category: String, area: MeasuredArea)] = []
        var cultivated: MeasuredArea?
        if sorted.contains(where: { $0.category != nil }) {
            for category in LandCategory.allCases {
                var area = MeasuredArea()
                for item in sorted where item.category == category { area.add(item.area) }
                categories.append((category.rawValue, area))
            }
            let unknown = sorted.filter { $0.category == nil }
            if !unknown.isEmpty {
                var area = MeasuredArea()
                for item in unknown { area.add(item.area) }
                categories.append(("未识别地类 (\(unknown.map(\.key).joined(separator: ", ")))", area))
            }
            var cultivatedArea = MeasuredArea()
            for item in sorted where LandClassTable.cultivatedCodes.contains(table.lookup(item.key)?.code ?? "") { cultivatedArea.add(item.area) }
            cultivated = cultivatedArea
        }
        return OverlayReport(aSource: a.sourceName, bSource: b.sourceName, crs: crs, methods: methods,
                             zones: Array(zip(zones, zoneAreas)).map { (label: $0.0, area: $0.1) }, pieces: pieces,
                             pieceCount: tallies.count, classes: sorted, apportionFields: apportion,
                             sliverWidthApplied: plane == nil,
                             categories: categories, cultivated: cultivated, total: total, grossTotal: grossTotal, overlaps: overlaps,
                             crossing: crossing, outsideCount: outside, slivers: slivers, repaired: repaired, readNotes: readNotes, skipped: skipped,
                             landClassSource: categories.isEmpty ? nil : table.source, deductionFields: classify ? deduction : nil)
    }
}
