import Foundation
import GeoBridge

/// What `zonecalc area` should do.
public struct AreaOptions: Sendable {
    public var methods: [AreaMethod] = [.ellipsoidal]
    /// `--crs`: overrides the CRS the file declares.
    public var crsOverride: String?
    /// `--swap-xy`: the file stores northing as x.
    public var swapXY = false
    /// `--declared FIELD` and the unit its values are in.
    public var declaredField: String?
    public var declaredUnit: AreaUnit = .squareMetre
    /// Relative tolerance for declared vs computed (0.001 = 0.1 %).
    public var declaredTolerance = 0.001
    /// `--by FIELD`: totals by the field's values.
    public var byField: String?
    /// The id field shown per feature; nil picks a usual one (ZDBH, DKBH, BSM…) when present.
    public var labelField: String?
    /// `--skip-invalid`: leave invalid polygons out instead of measuring them after make-valid.
    public var skipInvalid = false
    /// Worker threads.
    public var workers = ProcessInfo.processInfo.activeProcessorCount
    /// Keep a row per feature (for tables and files). A totals-only run keeps rows only for features
    /// with a note, and reads their id field only then.
    public var keepAllRows = true

    public init() {}
}

/// Measures every polygon feature of a layer and totals them (`zonecalc area`).
public enum AreaJob {

    public static func run(_ reader: FeatureLayerReader, options requested: AreaOptions) throws(ZoneCalcError) -> AreaReport {
        let source = reader.sourceName
        var options = requested
        if options.declaredField == nil, let declared = reader.declaredAreaField {
            // Formats with a declared area of their own (the boundary-point txt's 地块面积 in 公顷) are checked by default.
            options.declaredField = declared.name
            options.declaredUnit = declared.unit
        }
        let wanted = try FieldSelection(reader: reader, options: options)
        let crs = try CRSResolver.resolve(reader, override: options.crsOverride, swapXY: options.swapXY)
        // Declared cadastral and 报批 areas are planar: the planar area is computed for the comparison
        // even when it is not reported.
        let methods = options.methods + (options.declaredField != nil && !options.methods.contains(.planar) ? [.planar] : [])
        let plane = methods.contains(.planar) ? PlanarPlane.forGeographic(crs, reader: reader, swapXY: options.swapXY) : nil
        // Build one calculator up front so CRS problems surface here, not on a worker thread.
        do { _ = try AreaCalculator(crs: crs, methods: methods, planeForGeographic: plane) }
        catch { throw .proj(error, source: source) }

        let swapXY = options.swapXY
        let rules = MeasureRules(
            wanted: wanted, skipInvalid: options.skipInvalid, keepAllRows: options.keepAllRows,
            declared: options.declaredField == nil ? nil : DeclaredRule(unit: options.declaredUnit, tolerance: options.declaredTolerance))
        let makeCalculator: @Sendable () -> Result<AreaCalculator, ProjError> = {
            Result { () throws(ProjError) in try AreaCalculator(crs: crs, methods: methods, planeForGeographic: plane) }
        }
        let measureInto: @Sendable (Result<AreaCalculator, ProjError>, borrowing BorrowedFeature, inout MeasuredBatch) -> Void = { worker, feature, batch in
            switch worker {
            case .success(let calculator):
                measure(feature, with: calculator, rules: rules, into: &batch)
            case .failure(let error):
                batch.failure = batch.failure ?? error
            }
        }
        let batches = try ParallelLayerScan.run(reader, fieldIndices: wanted.indices, swapXY: swapXY, workers: options.workers,
                                                step: Bilingual("读取并计算面积", "reading and measuring"), makeWorker: makeCalculator, newBatch: { MeasuredBatch() }, process: { worker, feature, batch in
                                                    measureInto(worker, feature, &batch)
                                                })
        return try assemble(batches, source: source, crs: crs, plane: plane, options: options, readWarnings: reader.readWarnings)
    }


    private static func assemble(_ batches: [MeasuredBatch], source: String, crs: ResolvedCRS, plane: String?,
                                 options: AreaOptions, readWarnings: [Bilingual]) throws(ZoneCalcError) -> AreaReport {
        // A worker whose PROJ objects could not be made fails the run with PROJ's error (a library failure, exit 3).
        if let failure = batches.lazy.compactMap(\.failure).first { throw .proj(failure, source: source) }
        var rows: [FeatureArea] = [], skipped: [SkippedFeature] = []
        rows.reserveCapacity(batches.reduce(0) { $0 + $1.rows.count })
        for batch in batches {
            rows.append(contentsOf: batch.rows)
            skipped.append(contentsOf: batch.skipped)
        }
        let measuredCount = batches.reduce(0) { $0 + $1.areas.count }
        if measuredCount == 0 && !skipped.isEmpty {
            throw .noPolygons(source: source, detail: Bilingual("没有一个要素能计算面积；第一个问题：要素 \(skipped[0].fid)：\(skipped[0].reason.zh)", "no feature could be measured; the first problem: feature \(skipped[0].fid): \(skipped[0].reason.en)"))
        }
        // Summed feature by feature in layer order, so totals do not depend on how the work was split.
        var total = MeasuredArea()
        for method in options.methods {
            var sum = 0.0
            for batch in batches { for area in batch.areas { sum += area[method] ?? 0 } }
            total[method] = sum
        }
        var groups: [String: AreaGroup] = [:]
        if options.byField != nil {
            for batch in batches {
                for (area, group) in zip(batch.areas, batch.groups) {
                    let key = group ?? "(empty)"
                    groups[key, default: AreaGroup(key: key, count: 0, area: MeasuredArea())].count += 1
                    groups[key]!.area.add(area)
                }
            }
        }
        let declared = options.declaredField.map { field in
            DeclaredAreaCheck(field: field, unit: options.declaredUnit, tolerance: options.declaredTolerance, method: .planar,
                              mismatches: rows.indices.filter { rows[$0].declaredMismatch },
                              missing: batches.reduce(0) { $0 + $1.declaredMissing })
        }
        return AreaReport(source: source, crs: crs, planarCRS: plane, methods: options.methods, measuredCount: measuredCount,
                          features: rows, rowsAreComplete: options.keepAllRows, skipped: skipped, total: total,
                          groups: groups.values.sorted { $0.key < $1.key }, declared: declared, readWarnings: readWarnings)
    }
}
