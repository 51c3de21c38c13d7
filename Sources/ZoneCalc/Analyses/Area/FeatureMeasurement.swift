import GeoBridge

extension AreaJob {
    /// The fixed inputs of measuring one feature on a worker.
    struct MeasureRules: Sendable {
        var wanted: FieldSelection
        var skipInvalid: Bool
        /// Keep a row for every feature; otherwise only for those with a note (repaired, declared mismatch).
        var keepAllRows: Bool
        var declared: DeclaredRule?
    }

    /// How a declared area is checked: its unit and the tolerance; it is compared with the planar area.
    struct DeclaredRule: Sendable {
        var unit: AreaUnit
        var tolerance: Double
    }

    /// What one worker measured, in layer order.
    struct MeasuredBatch: Sendable {
        /// Every measured feature's areas, for totals summed in layer order.
        var areas: [MeasuredArea] = []
        /// Every measured feature's `--by` value, when grouping.
        var groups: [String?] = []
        /// Rows: every measured feature, or only those with a note (see ``MeasureRules/keepAllRows``).
        var rows: [FeatureArea] = []
        var skipped: [SkippedFeature] = []
        /// Measured features without a usable declared value.
        var declaredMissing = 0
        /// Why the worker could not start.
        var failure: ProjError?
    }

    /// Measures one feature on a worker: checks, repairs or skips, then computes the areas and adds
    /// them to `batch`. The id field is decoded only for rows that are kept.
    static func measure(_ feature: borrowing BorrowedFeature, with calculator: AreaCalculator, rules: MeasureRules,
                        into batch: inout MeasuredBatch) {
        func skip(_ reason: Bilingual) {
            batch.skipped.append(SkippedFeature(index: feature.index, fid: feature.fid, label: rules.wanted.label(feature), reason: reason))
        }
        func record(_ area: MeasuredArea, repaired: ValidityProblem?) {
            // Coordinates far beyond any real CRS (1e200) overflow to an infinite area: reported, not totalled.
            guard AreaMethod.allCases.allSatisfy({ area[$0]?.isFinite ?? true }) else {
                return skip(Bilingual("面积不是有限的数（坐标远在坐标系之外），请检查坐标和坐标系",
                                      "has an area that is not a finite number (coordinates far outside the CRS); check the coordinates and the CRS"))
            }
            var declared: Double?, mismatch = false
            if let rule = rules.declared {
                let written = rules.wanted.declared(feature)
                declared = written.map { $0.value * rule.unit.squareMetres }
                if let written, let computed = area.planar {
                    mismatch = written.differs(from: computed, unit: rule.unit, tolerance: rule.tolerance)
                } else {
                    batch.declaredMissing += 1
                }
            }
            let group = rules.wanted.group(feature)
            batch.areas.append(area)
            if rules.wanted.hasGroup { batch.groups.append(group) }
            // What GDAL reported while reading a feature it still gave a geometry for is said with the figure.
            let note = feature.readNotes
            if rules.keepAllRows || repaired != nil || mismatch || note != nil {
                batch.rows.append(FeatureArea(index: feature.index, fid: feature.fid, label: rules.wanted.label(feature), group: group,
                                              declaredSquareMetres: declared, declaredMismatch: mismatch, area: area,
                                              repairedProblem: repaired, readNote: note))
            }
        }
        guard let wkb = feature.wkb else {
            return skip(feature.readProblem.map { Bilingual("几何无法读取（\($0.zh)），请修正或重绘", "has a geometry that could not be read (\($0.en)); fix or redraw it") }
                        ?? SkippedFeature.noGeometry)
        }
        // Coordinates are walked for NaN only when GEOS refuses or invalidates the geometry (a NaN first
        // vertex reads as an unclosed ring), off the path of sound parcels.
        let nonFinite = Bilingual("有 NaN 或无穷大坐标，请修正坐标", "has a NaN or infinite coordinate; fix the coordinates")
        do {
            if let area = try calculator.measureCertainlySimple(wkb) {
                return record(area, repaired: nil)
            }
            var geometry = try Geometry.fromWKB(wkb, context: calculator.geos)
            guard !geometry.isEmpty else { return skip(SkippedFeature.emptyGeometry) }
            guard geometry.kind.isAreal || geometry.kind == .collection else {
                return skip(Bilingual("是 \(geometry.kind)，不是面：只有面才有面积", "is a \(geometry.kind), not a polygon: only polygons have an area"))
            }
            var repaired: ValidityProblem?
            if let problem = try geometry.validityProblem() {
                if WKBCoordinates.containsNonFinite(wkb) { return skip(nonFinite) }
                if rules.skipInvalid { return skip(SkippedFeature.leftOutAsInvalid(problem)) }
                geometry = try geometry.makeValid()
                repaired = problem
            }
            record(try calculator.measure(geometry), repaired: repaired)
        } catch {
            skip(WKBCoordinates.containsNonFinite(wkb) ? nonFinite : Bilingual("无法计算面积：", "could not be measured: ") + Bilingual(describing: error))
        }
    }
}
