import GeoBridge

/// Building footprint and floor area on each parcel, from the buildings layer by geometry: each
/// building is intersected with the parcels it touches (STRtree, prepared parcels); its floor area
/// (the floor-area field, else footprint × storeys) is shared by footprint.
public struct ParcelBuildings: Sendable {
    /// m² of building footprint on the parcel.
    public var footprint = 0.0
    /// m² of floor area on the parcel; nil when no building on it has a floor area or storeys.
    public var floorArea: Double?
    public var count = 0
}

public enum BuildingsOnParcels {
    /// Per parcel position in `parcels.records`; nil when the project has no buildings layer. Made once
    /// per run; buildings are brought into the frame and measured in its plane.
    public static func measure(_ frame: AnalysisFrame, parcels: ParcelTable) throws(ZoneCalcError) -> [ParcelBuildings]? {
        try frame.shared("buildings on parcels") { () throws(ZoneCalcError) in try measureOnce(frame, parcels: parcels) }
    }

    private static func measureOnce(_ frame: AnalysisFrame, parcels: ParcelTable) throws(ZoneCalcError) -> [ParcelBuildings]? {
        guard let layer = frame.project.layers[.buildings] else { return nil }
        let reader = try LayerReaders.open(layer.source)
        let crs = try CRSResolver.resolve(reader, override: layer.crs)
        let floorField = layer.field("floor_area"), floorsField = layer.field("floors")
        var indices: [Int] = []
        if let floorField { indices.append(try reader.fieldIndex(floorField)) }
        if let floorsField { indices.append(try reader.fieldIndex(floorsField)) }
        var result = Array(repeating: ParcelBuildings(), count: parcels.records.count)
        do {
            let calculator = try frame.calculator([parcels.method])
            let context = calculator.geos
            let geometries = try parcels.records.map { try Geometry.fromWKB($0.wkb, context: context) }
            let prepared = try geometries.map { try PreparedGeometry($0) }
            let index = try SpatialIndex(geometries, context: context)
            let reprojector = try frame.reprojector(from: crs, layer: reader.sourceName)
            var unusable: [FeatureGeometryProblem] = []
            defer {
                if !unusable.isEmpty {
                    let listed = unusable.prefix(10), more = unusable.count > 10 ? " …" : ""
                    frame.note([Bilingual("\(reader.sourceName)：\(unusable.count) 栋建筑物的几何无法使用，未计入："
                                            + listed.map { $0.message(.zh) }.joined(separator: "；") + more,
                                          "\(reader.sourceName): \(unusable.count) building(s) left out, their geometry unusable: "
                                            + listed.map { $0.message(.en) }.joined(separator: "; ") + more)])
                }
            }
            try reader.read(fieldIndices: indices, swapXY: false) { feature in
                let read: Geometry?
                do { read = try FeatureGeometryIntake.geometry(of: feature, label: nil, reprojector: reprojector, context: context, repair: true) }
                catch let problem as FeatureGeometryProblem { unusable.append(problem); return }
                guard let building = try read?.polygonalPart(), !building.isEmpty else { return }
                let footprint = try calculator.measure(building)[parcels.method] ?? 0
                guard footprint > 0 else { return }
                var slot = 0
                let floorArea = floorField != nil ? feature.attributes[slot].doubleValue : nil
                if floorField != nil { slot += 1 }
                let floors = floorsField != nil ? feature.attributes[slot].doubleValue : nil
                let floor = floorArea ?? floors.map { $0 * footprint }
                for candidate in index.candidates(for: building) where try prepared[candidate].intersects(building) {
                    let part = try prepared[candidate].contains(building)
                        ? footprint : try calculator.measure(try building.intersection(geometries[candidate]).polygonalPart())[parcels.method] ?? 0
                    guard part > 0 else { continue }
                    result[candidate].footprint += part
                    result[candidate].count += 1
                    if let floor { result[candidate].floorArea = (result[candidate].floorArea ?? 0) + floor * part / footprint }
                }
            }
        } catch {
            throw ZoneCalcError(error, source: reader.sourceName)
        }
        return result
    }
}

extension ParcelBuildings {
    /// A parcel's building footprint (m²) and where it came from: the buildings on it when the project
    /// has a buildings layer and some stand on the parcel, else the parcel's footprint field, else 0
    /// when the layer shows no building there; nil when nothing tells.
    public static func footprint(_ buildings: ParcelBuildings?, record: ParcelRecord, field: String?) -> (Double?, Bilingual) {
        if let buildings, buildings.count > 0 { return (buildings.footprint, Bilingual("宗地上建筑物的基底面积", "building footprints on the parcel")) }
        if let field, let value = record.number("footprint_area") { return (value, Bilingual(verbatim: field)) }
        if buildings != nil { return (0, Bilingual("宗地上无建筑物", "no building on the parcel")) }
        return (nil, field.map { Bilingual("\($0)为空", "\($0) is empty") }
                     ?? Bilingual("无建筑物图层，也无 footprint_area 字段", "no buildings layer and no footprint_area field"))
    }

    /// A parcel's floor area (m²), the same way: buildings on it, else the parcel's floor-area field.
    public static func floorArea(_ buildings: ParcelBuildings?, record: ParcelRecord, field: String?) -> (Double?, Bilingual) {
        if let buildings, buildings.count > 0, let floor = buildings.floorArea { return (floor, Bilingual("宗地上建筑物的建筑面积", "buildings' floor area on the parcel")) }
        if let field, let value = record.number("floor_area") { return (value, Bilingual(verbatim: field)) }
        if let buildings, buildings.count == 0 { return (0, Bilingual("宗地上无建筑物", "no building on the parcel")) }
        return (nil, field.map { Bilingual("\($0)为空", "\($0) is empty") }
                     ?? Bilingual("无建筑物建筑面积，也无 floor_area 字段", "no building floor area and no floor_area field"))
    }
}
