import GeoBridge

/// One parcel as the parcel analyses (idle land, standard land, per-mu output) see it.
public struct ParcelRecord: Sendable {
    public var index: Int
    public var fid: Int64
    /// The id field's value, or "#n" (1-based position) when there is none.
    public var id: String
    /// Geometry (repaired when it was invalid) as WKB in the frame's working CRS.
    public var wkb: [UInt8]
    /// m², by the project's area method.
    public var area: Double
    /// Mapped fields by ZoneCalc name (unmapped names absent).
    public var values: [String: FieldValue]

    public func value(_ name: String) -> FieldValue? { values[name] }
    public func number(_ name: String) -> Double? { values[name]?.doubleValue }
    public func text(_ name: String) -> String? {
        values[name]?.text.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
    }
}

/// The parcels layer of a project read once per run into memory: ids, geometries in the frame's
/// working CRS, areas by the project's method and every mapped field. Zone parcel layers hold hundreds
/// to tens of thousands of parcels.
public struct ParcelTable: Sendable {
    public var source: String
    public var crs: ResolvedCRS
    public var method: AreaMethod
    public var records: [ParcelRecord]
    /// Parcels measured after make-valid, and parcels left out (no or empty geometry), with reasons.
    public var notes: [Bilingual]
    /// The data's field name for each mapped ZoneCalc name that was read.
    public var fieldNames: [String: String]
    /// Parcel ids that more than one parcel carries.
    public var duplicateIds: Set<String>

    /// The project's parcels layer with every mapped field, read into the frame once per run.
    public static func load(_ frame: AnalysisFrame) throws(ZoneCalcError) -> ParcelTable {
        try frame.shared("parcels") { () throws(ZoneCalcError) in try read(frame) }
    }

    private static func read(_ frame: AnalysisFrame) throws(ZoneCalcError) -> ParcelTable {
        let project = frame.project
        let layer = try project.layer(.parcels)
        let reader = try LayerReaders.open(layer.source)
        let crs = try CRSResolver.resolve(reader, override: layer.crs)
        let reprojector = try frame.reprojector(from: crs, layer: reader.sourceName)
        var wanted: [(name: String, field: String)] = []
        for (name, field) in layer.fields.sorted(by: { ($0.key == "id" ? "" : $0.key) < ($1.key == "id" ? "" : $1.key) }) {
            wanted.append((name, field))
        }
        var indices: [Int] = []
        for item in wanted { indices.append(try reader.fieldIndex(item.field)) }
        var records: [ParcelRecord] = [], notes: [Bilingual] = []
        do {
            let calculator = try frame.calculator([project.areaMethod])
            try reader.read(fieldIndices: indices, swapXY: false) { feature in
                var values: [String: FieldValue] = [:]
                for (slot, item) in wanted.enumerated() { values[item.name] = feature.attributes[slot] }
                let id = values["id"]?.text.flatMap { $0.isEmpty ? nil : $0 } ?? "#\(feature.index + 1)"
                do {
                    guard let wkb = try FeatureGeometryIntake.wkb(of: feature, label: id, reprojector: reprojector) else {
                        notes.append(Bilingual("\(id)：无图形，未计入", "\(id): no geometry, left out")); return
                    }
                    var geometry = try Geometry.fromWKB(wkb, context: calculator.geos)
                    guard !geometry.isEmpty else { notes.append(Bilingual("\(id)：图形为空，未计入", "\(id): empty geometry, left out")); return }
                    var stored = wkb
                    if let problem = try geometry.validityProblem() {
                        geometry = try geometry.makeValid().polygonalPart()
                        stored = try geometry.wkb()
                        let reason = problem.bilingual
                        notes.append(Bilingual("\(id)：图形无效（\(reason.zh)），修复后量算", "\(id): invalid (\(reason.en)), measured after make-valid"))
                    }
                    records.append(ParcelRecord(index: feature.index, fid: feature.fid, id: id, wkb: stored,
                                                area: try calculator.measure(geometry)[project.areaMethod] ?? 0, values: values))
                } catch let problem as FeatureGeometryProblem {
                    notes.append(Bilingual("\(id)：\(problem.reason)，未计入", "\(id): \(problem.reason), left out"))
                } catch let error as GEOSError {
                    let detail = error.messages.joined(separator: "; ")
                    notes.append(Bilingual("\(id)：GEOS 无法读取、修复或量算（\(detail)），未计入",
                                           "\(id): GEOS could not read, repair or measure it (\(detail)), left out"))
                }
            }
        } catch {
            throw ZoneCalcError(error, source: reader.sourceName)
        }
        var seen = Set<String>(), duplicates = Set<String>()
        for record in records where !seen.insert(record.id).inserted { duplicates.insert(record.id) }
        if !duplicates.isEmpty {
            let ids = duplicates.sorted().prefix(10).joined(separator: ", ") + (duplicates.count > 10 ? " …" : "")
            notes.append(Bilingual("\(duplicates.count)个宗地编号被多宗宗地使用：\(ids)；每宗仍单独判定",
                                   "\(duplicates.count) parcel id(s) used by more than one parcel: \(ids); each parcel is still judged on its own"))
        }
        return ParcelTable(source: reader.sourceName, crs: frame.crs, method: project.areaMethod, records: records, notes: notes,
                           fieldNames: Dictionary(uniqueKeysWithValues: wanted.map { ($0.name, $0.field) }), duplicateIds: duplicates)
    }
}
