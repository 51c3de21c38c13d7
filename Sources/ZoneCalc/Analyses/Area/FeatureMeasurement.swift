import GeoBridge

extension AreaJob {
    /// What one worker measured, in layer order: measured features, skipped ones, or the failure
    /// that stopped it.
    struct MeasuredBatch: Sendable {
        var features: [FeatureArea] = []
        var skipped: [SkippedFeature] = []
        var failure: String?

        mutating func add(_ outcome: FeatureOutcome) {
            switch outcome {
            case .measured(let feature): features.append(feature)
            case .skipped(let feature): skipped.append(feature)
            }
        }
    }

    enum FeatureOutcome: Sendable {
        case measured(FeatureArea)
        case skipped(SkippedFeature)
    }

    /// Measures one feature on a worker: checks, repairs or skips, then computes the areas.
    static func measure(_ feature: BorrowedFeature, with calculator: AreaCalculator, wanted: FieldSelection,
                        skipInvalid: Bool, declaredUnit: AreaUnit) -> FeatureOutcome {
        let label = wanted.label(feature), group = wanted.group(feature)
        func skip(_ reason: String) -> FeatureOutcome {
            .skipped(SkippedFeature(index: feature.index, fid: feature.fid, label: label, reason: reason))
        }
        guard let wkb = feature.wkb else { return skip("has no geometry") }
        do {
            var geometry = try Geometry.fromWKB(wkb, context: calculator.geos)
            guard !geometry.isEmpty else { return skip("has an empty geometry") }
            guard geometry.kind.isAreal || geometry.kind == .collection else {
                return skip("is a \(geometry.kind), not a polygon: only polygons have an area")
            }
            var repaired: ValidityProblem?
            if let problem = try geometry.validityProblem() {
                if problem.reason.contains("Invalid Coordinate") {
                    return skip("has a NaN or infinite coordinate; fix the coordinates")
                }
                if skipInvalid { return skip("is invalid (\(problem.describe())) and was left out (--skip-invalid)") }
                geometry = try geometry.makeValid()
                repaired = problem
            }
            let area = try calculator.measure(geometry)
            let declared = wanted.declared(feature).map { $0 * declaredUnit.squareMetres }
            return .measured(FeatureArea(index: feature.index, fid: feature.fid, label: label, group: group,
                                         declaredSquareMetres: declared, area: area, repairedProblem: repaired))
        } catch {
            return skip("could not be measured: \(error)")
        }
    }
}

extension Optional where Wrapped == [UInt8] {
    /// Lends the bytes (or nil) to `body`.
    func withUnsafeBytesIfPresent<T>(_ body: (UnsafeRawBufferPointer?) throws -> T) rethrows -> T {
        guard let bytes = self else { return try body(nil) }
        return try bytes.withUnsafeBytes { try body($0) }
    }
}
