import Foundation
import GeoBridge

/// What `zonecalc qc` checks and how.
public struct QCOptions: Sendable {
    /// The layer to check (FILE[:LAYER]); nil with a project (its parcels layer).
    public var source: SourceSpec?
    public var project: ZoneProject?
    /// The approved zone for Z01/Z02 (a project's boundary when not given).
    public var zone: SourceSpec?
    public var rulesPath: String?
    public var idField: String?
    public var landUseField: String?
    public var declaredField: String?
    public var declaredUnit: AreaUnit = .mu
    public var crs: String?
    public var workers = ProcessInfo.processInfo.activeProcessorCount
    public var progress: QCProgress?
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
        let layer = project?.layers[.parcels]
        guard let spec = options.source ?? layer?.source else {
            throw .invalidArgument("give a layer to check, or a project with a parcels layer")
        }
        let reader = try LayerReaders.open(spec)
        var layerFindings: [QCFinding] = []
        func layerFinding(_ code: String, _ message: String) {
            guard rules.on(code) else { return }
            layerFindings.append(QCFinding(code: code, severity: rules.severity(code), message: message))
        }
        // The CRS: a contradiction is a finding, not a stop — the per-feature checks are planar.
        var crs: ResolvedCRS?
        do { crs = try CRSResolver.resolve(reader, override: options.crs ?? layer?.crs) } catch {
            let text = "\(error)"
            layerFinding(text.contains("swap") ? "C02" : (text.contains("zone") || text.contains("prefix") ? "C03" : "C01"), text)
        }
        if let bounds = try? reader.extent(), CoordinateRangeGuess(bounds) == .swappedAxes, !layerFindings.contains(where: { $0.code == "C02" }) {
            layerFinding("C02", "the x values look like northings and y like eastings (surveying order): read with --swap-xy or fix the file")
        }
        let fields = try self.fields(reader, layer: layer, options: options, rules: rules, missing: layerFinding)
        let zone = try zoneWKB(options: options, project: project, crs: crs)
        let classes = try LandClassTable.bundled()
        let range = crs.map { QCCoordinateRange($0) } ?? .unbounded
        var clock = Date()
        func lap(_ name: String) { options.timings?(name, Date().timeIntervalSince(clock)); clock = Date() }
        options.progress?.start("checking features", total: 0)
        let progress = options.progress
        let batches = try ParallelLayerScan.run(
            reader, fieldIndices: fields.indices, swapXY: false, workers: options.workers,
            makeWorker: { Result { try QCWorker(rules: rules, fields: fields, classes: classes, range: range, zoneWKB: zone) } },
            newBatch: { QCWorker.Batch() },
            process: { worker, feature, batch in
                switch worker {
                case .success(let worker): worker.check(feature, into: &batch)
                case .failure(let error): batch.failure = batch.failure ?? "\(error)"
                }
                if feature.index % 8192 == 0 { progress?.advance(8192) }
            })
        if let failure = batches.lazy.compactMap({ $0.failure }).first { throw .invalidArgument("\(reader.sourceName): \(failure)") }
        lap("features")
        let records = batches.flatMap(\.records)
        var findings = layerFindings + batches.flatMap(\.findings)
        findings += duplicateIds(records, rules: rules)
        options.progress?.start("checking pairs", total: records.count)
        do {
            findings += try QCTopology.run(records, rules: rules, workers: options.workers, progress: options.progress)
            findings += try QCGaps.run(records, zoneWKB: zone, rules: rules)
        } catch {
            throw ZoneCalcError(error, source: reader.sourceName)
        }
        options.progress?.finish()
        lap("pairs")
        let codes = QCCatalogue.titles.keys.sorted()
        findings.sort { a, b in
            let ka = (a.featureIndex ?? -1, codes.firstIndex(of: a.code) ?? 0, a.otherIndex ?? -1)
            let kb = (b.featureIndex ?? -1, codes.firstIndex(of: b.code) ?? 0, b.otherIndex ?? -1)
            return ka < kb
        }
        return QCReport(source: reader.sourceName, crs: crs, featureCount: records.count, rules: rules, findings: findings, records: records)
    }

    /// A02: ids carried by more than one feature, one finding per feature after the first.
    static func duplicateIds(_ records: [QCRecord], rules: QCRules) -> [QCFinding] {
        guard rules.on("A02") else { return [] }
        var first: [String: QCRecord] = [:], findings: [QCFinding] = []
        for record in records {
            guard let id = record.id else { continue }
            if let earlier = first[id] {
                findings.append(QCFinding(code: "A02", severity: rules.severity("A02"), featureIndex: record.index, fid: record.fid, featureId: id,
                                          otherIndex: earlier.index, otherId: id, message: "id \(id) is also feature #\(earlier.index + 1)'s"))
            } else {
                first[id] = record
            }
        }
        return findings
    }

    /// The fields read: the project's mapping, or explicit options, or the usual names.
    static func fields(_ reader: FeatureLayerReader, layer: ProjectLayer?, options: QCOptions, rules: QCRules,
                       missing: (String, String) -> Void) throws(ZoneCalcError) -> QCFields {
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
        for name in ["land_price", "committed_investment", "actual_investment", "floor_area", "footprint_area", "tax", "output_value", "declared_area"] {
            try find(name, explicit: nil, usual: [])
            if fields.slots[name] != nil { fields.numeric.append(name) }
        }
        for name in rules.requiredFields where rules.on("A01") {
            if fields.slots[name] == nil {
                if let field = layer?.field(name) ?? (names.contains(name) ? name : nil) {
                    fields.add(name, field: field, index: try reader.fieldIndex(field))
                } else {
                    missing("A01", "the layer has no \(name) field (map it in the project, or name it with an option)")
                }
            }
        }
        return fields
    }

    /// The approved zone as one WKB in the layer's CRS, when there is one.
    static func zoneWKB(options: QCOptions, project: ZoneProject?, crs: ResolvedCRS?) throws(ZoneCalcError) -> [UInt8]? {
        let boundary = project?.layers[.boundary]
        guard let spec = options.zone ?? boundary?.source else { return nil }
        let reader = try LayerReaders.open(spec)
        let zoneCRS = try? CRSResolver.resolve(reader, override: options.zone == nil ? boundary?.crs : nil)
        do {
            let reprojector = try crs.flatMap { target in
                try zoneCRS.flatMap { $0.definition == target.definition ? nil : try GeometryReprojector(from: $0.definition, to: target.definition) }
            }
            let context = GEOSContext()
            var parts: [Geometry] = []
            try reader.read(fieldIndices: [], swapXY: false) { feature in
                guard var wkb = feature.wkb else { return }
                if let reprojector { wkb = try reprojector.reproject(wkb) }
                var geometry = try Geometry.fromWKB(wkb, context: context)
                if try geometry.validityProblem() != nil { geometry = try geometry.makeValid().polygonalPart() }
                parts.append(geometry)
            }
            guard !parts.isEmpty else { throw ZoneCalcError.noPolygons(source: reader.sourceName, detail: "the zone layer has no polygon") }
            return try Geometry.collection(.collection, of: parts, context: context).unaryUnion().wkb()
        } catch {
            throw ZoneCalcError(error, source: reader.sourceName)
        }
    }
}
