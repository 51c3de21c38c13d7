import Foundation
import GeoBridge

/// What `zonecalc qc` checks and how.
public struct QCOptions: Sendable {
    /// The layer to check (FILE[:LAYER]); nil with a project (its layer of `role`).
    public var source: SourceSpec?
    public var project: ZoneProject?
    /// The project's layer to check (its field mapping applies): the parcels unless said.
    public var role: LayerRole = .parcels
    /// The approved zone for Z01/Z02 (a project's boundary when not given).
    public var zone: SourceSpec?
    public var rulesPath: String?
    public var idField: String?
    public var landUseField: String?
    public var declaredField: String?
    public var declaredUnit: AreaUnit = .mu
    /// The area the declared areas are compared with (A04); the other checks measure in the layer's plane.
    public var method: AreaMethod = .ellipsoidal
    public var crs: String?
    /// The file stores northings as x (surveying order).
    public var swapXY = false
    public var workers = ProcessInfo.processInfo.activeProcessorCount
    /// Receives the duration of each pass (for `--timings`).
    public var timings: (@Sendable (String, Double) -> Void)?

    public init() {}
}

/// What `zonecalc qc` found.
public struct QCReport: Sendable {
    public var source: String
    public var crs: ResolvedCRS?
    public var featureCount: Int
    public var rules: QCRules
    /// In layer order (layer-level findings first), then by code.
    public var findings: [QCFinding]
    /// Per feature position: the fixed geometry and areas (for the repaired copy).
    var records: [QCRecord]

    /// The area declared areas are compared with (A04); areas, lengths and tolerances of the other
    /// checks are in the layer's own plane.
    public var method: AreaMethod

    /// Findings at or above a severity.
    public func count(atLeast severity: QCSeverity) -> Int { findings.filter { $0.severity >= severity }.count }
}

/// `zonecalc qc`: batch checks of a parcel layer with stable codes (Docs/qc.md). Streams the layer over
/// the cores for the per-feature checks, then checks pairs with an STRtree.
public enum QCJob {
    public static func run(_ options: QCOptions) throws(ZoneCalcError) -> QCReport {
        let project = options.project
        let files = project.map { RuleFiles(project: $0) } ?? RuleFiles()
        let rules = try QCRules.load(path: options.rulesPath, files: files)
        let layer = project?.layers[options.role]
        guard let spec = options.source ?? layer?.source else {
            throw .invalidArgument(Bilingual("请给出要检查的图层，或含宗地（parcels）图层的项目文件", "give a layer to check, or a project with a parcels layer"))
        }
        let reader = try LayerReaders.open(spec)
        var layerFindings: [QCFinding] = []
        func layerFinding(_ code: String, _ message: Bilingual) {
            guard rules.on(code) else { return }
            layerFindings.append(QCFinding(code: code, severity: rules.severity(code), message: message))
        }
        // The CRS: a missing or contradicted CRS is a finding, not a stop — the per-feature checks are planar.
        var crs: ResolvedCRS?
        do {
            crs = try CRSResolver.resolve(reader, override: options.crs ?? layer?.crs, swapXY: options.swapXY)
        } catch {
            switch error {
            case .missingCRS: layerFinding("C04", Self.bilingual(error))
            case .crsMismatch(_, _, _, .swappedAxes): layerFinding("C02", Self.bilingual(error))
            case .crsMismatch(_, _, _, .zonePrefix): layerFinding("C03", Self.bilingual(error))
            case .crsMismatch(_, _, _, .units): layerFinding("C01", Self.bilingual(error))
            default: layerFinding("C04", Self.bilingual(error))
            }
        }
        // Areas and tolerances are in metres: lon/lat data must be projected first.
        if let resolved = crs, resolved.kind == .geographic {
            let plane = PlanarPlane.forGeographic(resolved, reader: reader) ?? "a Gauss–Krüger EPSG code"
            throw .unsupportedCRS(source: reader.sourceName, detail: Bilingual(
                "图层是经纬度坐标（\(resolved.name)）；检查按米计量，请先投影，例如 zonecalc convert \(spec.path) OUT.gpkg --to-crs \(plane)",
                "the layer is in longitude/latitude (\(resolved.name)); the checks measure in metres — project it first, e.g. zonecalc convert \(spec.path) OUT.gpkg --to-crs \(plane)"))
        }
        let fields = try self.fields(reader, layer: layer, options: options, rules: rules, missing: layerFinding)
        var zoneGeometry: [UInt8]?
        if options.zone != nil || project?.layers[.boundary] != nil {
            if let crs {
                zoneGeometry = try zoneWKB(options: options, project: project, crs: crs)
            } else {
                layerFinding("C04", Bilingual("未作范围检查（Z01、Z02）：图层没有坐标系，无法把开发区范围转换到图层的坐标系",
                                              "the zone checks (Z01, Z02) are skipped: without the layer's CRS the zone cannot be brought into it"))
            }
        }
        let zone = zoneGeometry
        // Without a CRS only the plane's area can be measured: the declared areas are compared with it.
        let declaredMethod = crs == nil ? AreaMethod.planar : options.method
        let workingCRS = crs
        let classes = try LandClassTable.bundled()
        let range = crs.map { QCCoordinateRange($0) } ?? .unbounded
        var clock = Date()
        func lap(_ name: String) { options.timings?(name, Date().timeIntervalSince(clock)); clock = Date() }
        let sourceName = reader.sourceName
        var batches = try ParallelLayerScan.run(
            reader, fieldIndices: fields.indices, swapXY: options.swapXY, workers: max(1, options.workers),
            step: Bilingual("逐宗检查", "checking features"),
            makeWorker: { Result { try QCWorker(rules: rules, fields: fields, classes: classes, range: range, zoneWKB: zone,
                                                declaredMethod: declaredMethod, crs: workingCRS) } },
            newBatch: { QCWorker.Batch() },
            process: { worker, feature, batch in
                switch worker {
                case .success(let worker): worker.check(feature, into: &batch)
                case .failure(let error): batch.failure = batch.failure ?? ZoneCalcError(error, source: sourceName)
                }
            })
        // A worker that could not start (a GEOS or PROJ failure) fails the run with the library's error and exit code.
        if let failure = batches.lazy.compactMap({ $0.failure }).first { throw failure }
        lap("features")
        let records = batches.flatMap(\.records)
        var pieces = ConvexPieces()
        for position in batches.indices {   // each batch's pieces freed once copied
            pieces.append(contentsOf: batches[position].pieces)
            batches[position].pieces = ConvexPieces()
        }
        var findings = layerFindings + batches.flatMap(\.findings)
        do { findings += try duplicateIds(records, rules: rules, workers: options.workers) } catch { throw ZoneCalcError(error, source: sourceName) }
        lap("ids")
        let meter = ProgressMeter.current
        meter?.start(Bilingual("相邻宗地检查", "checking pairs"), total: records.count)
        do {
            findings += try QCTopology.run(records, pieces: pieces, rules: rules, workers: options.workers, progress: meter)
            findings += try QCGaps.run(records, zoneWKB: zone, rules: rules)
        } catch {
            throw ZoneCalcError(error, source: sourceName)
        }
        lap("pairs")
        findings.sort { a, b in (a.featureIndex ?? -1, a.code, a.otherIndex ?? -1) < (b.featureIndex ?? -1, b.code, b.otherIndex ?? -1) }
        return QCReport(source: reader.sourceName, crs: crs, featureCount: records.count, rules: rules, findings: findings, records: records,
                        method: declaredMethod)
    }

    /// A02: ids carried by more than one feature, one finding per feature after the first. The ids are
    /// split between the workers by their hash, so each id is counted by one worker only.
    static func duplicateIds(_ records: [QCRecord], rules: QCRules, workers: Int) throws -> [QCFinding] {
        guard rules.on("A02") else { return [] }
        let shares = max(1, workers)
        let found = try PartitionedRun.run(Array(0..<shares)) { share in
            let context = GEOSContext()
            var first: [String: Int] = [:]
            first.reserveCapacity(records.count / shares)
            var findings: [QCFinding] = []
            for position in records.indices {
                let record = records[position]
                guard let id = record.id, shares == 1 || Int(id.hashValue.magnitude % UInt(shares)) == share else { continue }
                guard let earlier = first[id] else {
                    first[id] = position
                    continue
                }
                let other = records[earlier]
                findings.append(QCFinding(code: "A02", severity: rules.severity("A02"), featureIndex: record.index, fid: record.fid, featureId: id,
                                          otherIndex: other.index, otherId: id, message: Bilingual("编号 \(id) 与第 \(other.index + 1) 个要素重复", "id \(id) is also feature #\(other.index + 1)'s"),
                                          location: try record.fixed.flatMap { wkb in
                                              let geometry = try Geometry.fromWKB(wkb, context: context)
                                              return geometry.isEmpty ? nil : try geometry.pointOnSurface()
                                          }))
            }
            return findings
        }
        return found.flatMap { $0 }
    }

    /// A CRS problem as a finding's message, in both languages.
    static func bilingual(_ error: ZoneCalcError) -> Bilingual { Bilingual(error.message(.zh), error.message(.en)) }

    /// The fields read: the project's mapping, or explicit options, or the usual names.
    static func fields(_ reader: FeatureLayerReader, layer: ProjectLayer?, options: QCOptions, rules: QCRules,
                       missing: (String, Bilingual) -> Void) throws(ZoneCalcError) -> QCFields {
        var fields = QCFields()
        fields.declaredUnit = options.declaredUnit
        let names = reader.fields.map(\.name)
        func find(_ name: String, explicit: String?, usual: [String]) throws(ZoneCalcError) {
            let field = explicit ?? layer?.field(name) ?? usual.first { names.contains($0) }
            guard let field else { return }
            fields.add(name, field: field, index: try reader.fieldIndex(field))
        }
        if let id = reader.idField(options.idField ?? layer?.field("id")) { fields.add("id", field: id, index: try reader.fieldIndex(id)) }
        try find("land_use", explicit: options.landUseField, usual: ["DLBM", "地类编码"])
        try find("declared_area", explicit: options.declaredField, usual: ["SBMJ"])
        try find("supply_date", explicit: nil, usual: ["GYRQ"])
        try find("actual_start", explicit: nil, usual: ["SJKGRQ"])
        try find("actual_completion", explicit: nil, usual: ["SJJGRQ"])
        let usualNumbers = ["land_price": ["TDJG"], "committed_investment": ["XYTZ"], "actual_investment": ["SJTZ"], "floor_area": ["JZMJ"],
                            "footprint_area": ["JZZDMJ"], "tax": ["SS"], "output_value": ["CZ"], "declared_area": []]
        for name in ["land_price", "committed_investment", "actual_investment", "floor_area", "footprint_area", "tax", "output_value", "declared_area"] {
            try find(name, explicit: nil, usual: usualNumbers[name] ?? [])
            if fields.slots[name] != nil { fields.numeric.append(name) }
        }
        for name in rules.requiredFields where rules.on("A01") {
            if fields.slots[name] == nil {
                if let field = layer?.field(name) ?? (names.contains(name) ? name : nil) {
                    fields.add(name, field: field, index: try reader.fieldIndex(field))
                } else {
                    missing("A01", Bilingual("图层没有 \(name) 字段（请在项目中映射，或用选项指定）", "the layer has no \(name) field (map it in the project, or name it with an option)"))
                }
            }
        }
        fields.resolve(required: rules.on("A01") ? rules.requiredFields : [])
        return fields
    }

    /// The approved zone as one WKB in the layer's CRS, when there is one.
    static func zoneWKB(options: QCOptions, project: ZoneProject?, crs: ResolvedCRS) throws(ZoneCalcError) -> [UInt8]? {
        let boundary = project?.layers[.boundary]
        guard let spec = options.zone ?? boundary?.source else { return nil }
        let context = GEOSContext()
        let parts = try LayerPolygons.read(spec, crsOverride: options.zone == nil ? boundary?.crs : nil, into: crs, datum: .refuse, context: context)
        guard !parts.isEmpty else { throw .noPolygons(source: spec.path, detail: Bilingual("开发区范围图层没有面", "the zone layer has no polygon")) }
        do { return try Geometry.collection(.collection, of: parts.map(\.geometry), context: context).unaryUnion().wkb() }
        catch { throw ZoneCalcError(error, source: spec.path) }
    }
}
