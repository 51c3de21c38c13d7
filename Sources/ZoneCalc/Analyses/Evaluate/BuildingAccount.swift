import GeoBridge

/// Floor area and footprint on the built land A and the industrial land A2 (TD/T 1029-2010 指标 #6–#9).
///
/// From a buildings layer: each building clipped to the zone, its footprint from the geometry, the
/// part on A and on A2 by intersection, its floor area from the floor-area field (apportioned when a
/// building is cut) or else footprint × storeys, shared between A and A2 in proportion to the
/// footprint. Without a buildings layer: the parcels' floor-area and footprint fields, over parcels
/// whose land-use code is A (or A2), apportioned by the share of each parcel inside the zone.
enum BuildingAccount {
    /// Building fields read as attributes and apportioned.
    static let buildingAttributes = ["floors"]
    static let buildingApportioned = ["floor_area"]

    static func quantities(buildings: ClippedLayer?, parcels: ClippedLayer?, land: LandAccount, project: ZoneProject,
                           status: EvaluationLandStatus, context: EvaluationContext) throws -> [String: EvaluationQuantity] {
        let names = ["F_A": "建筑面积 (A 上)", "F_A2": "建筑面积 (A2 上)", "P_A": "建筑基底面积 (A 上)", "P_A2": "建筑基底面积 (A2 上)"]
        var result: [String: EvaluationQuantity] = [:]
        func unknown(_ reason: Bilingual, _ symbols: [String]) {
            for symbol in symbols { result[symbol] = .unknown(symbol, names[symbol]!, .buildingArea, reason: reason) }
        }
        if land.builtRegion == nil && land.quantities["A"]?.value == nil {
            unknown(Bilingual("没有已建成城镇建设用地 A：", "no built land A: ")
                        + (land.quantities["A"]?.missing ?? Bilingual("开发区内没有 A 类用地", "no A-coded land use in the zone")), Array(names.keys))
            return result
        }
        if let buildings {
            var footprintA = 0.0, footprintA2 = 0.0, floorA = 0.0, floorA2 = 0.0, withoutFloor = 0
            var counted = Set<Int>()
            for piece in buildings.pieces {
                let footprint = try context.area(piece.geometry)
                guard footprint > 0 else { continue }
                let onA = try context.overlapArea(piece.geometry, land.builtRegion)
                let onA2 = try context.overlapArea(piece.geometry, land.industrialRegion)
                footprintA += onA
                footprintA2 += onA2
                let floors = piece.attributes[0].doubleValue
                guard let floor = piece.apportioned[0] ?? floors.map({ $0 * footprint }) else {
                    if onA > 0, counted.insert(piece.featureIndex).inserted { withoutFloor += 1 }
                    continue
                }
                floorA += floor * onA / footprint
                floorA2 += floor * onA2 / footprint
            }
            let count = Set(buildings.pieces.map(\.featureIndex)).count
            let footprintSource = Bilingual("\(buildings.source)：开发区内 \(count) 栋建筑物的基底与 A（A2）相交",
                                            "\(buildings.source): footprints of \(count) buildings inside the zone, intersected with A (A2)")
            result["P_A"] = .known("P_A", names["P_A"]!, .buildingArea, footprintA, source: footprintSource)
            result["P_A2"] = .known("P_A2", names["P_A2"]!, .buildingArea, footprintA2, source: footprintSource)
            let floorFields = [project.layers[.buildings]?.field("floor_area").map(Bilingual.init(verbatim:)),
                               project.layers[.buildings]?.field("floors").map { Bilingual("\($0) × 基底面积", "\($0) × footprint") }]
                .compactMap { $0 }
            if floorFields.isEmpty {
                unknown(Bilingual("请在建筑物图层映射 floor_area 或 floors", "map floor_area or floors on the buildings layer"), ["F_A", "F_A2"])
            } else {
                let gaps = withoutFloor > 0 ? Bilingual("；A 上有 \(withoutFloor) 栋建筑物没有建筑面积，按 0 计",
                                                        "; \(withoutFloor) buildings on A have no floor area and count 0") : Bilingual(verbatim: "")
                let fields = floorFields.joined(zh: "，无值时用 ", en: ", then ")
                let floorSource = Bilingual("\(buildings.source)：\(fields.zh)，按 A（A2）上的基底面积分摊\(gaps.zh)",
                                            "\(buildings.source): \(fields.en), shared by footprint on A (A2)\(gaps.en)")
                result["F_A"] = .known("F_A", names["F_A"]!, .buildingArea, floorA, source: floorSource)
                result["F_A2"] = .known("F_A2", names["F_A2"]!, .buildingArea, floorA2, source: floorSource)
            }
            return result
        }
        guard let parcels else {
            unknown(Bilingual("项目文件既没有建筑物（buildings）图层，也没有宗地（parcels）图层",
                              "the project names neither a buildings nor a parcels layer"), Array(names.keys))
            return result
        }
        let parcelLayer = project.layers[.parcels]
        guard parcelLayer?.field("land_use") != nil else {
            unknown(Bilingual("没有建筑物图层，宗地图层也没有映射 land_use，无法区分 A 与 A2 宗地",
                              "no buildings layer, and the parcels layer maps no land_use to tell A and A2 parcels"), Array(names.keys))
            return result
        }
        for (symbol, slot, field) in [("F", 3, "floor_area"), ("P", 4, "footprint_area")] {
            guard let dataField = parcelLayer?.field(field) else {
                unknown(Bilingual("没有建筑物图层，宗地图层也没有映射 \(field)", "no buildings layer, and the parcels layer maps no \(field)"),
                        ["\(symbol)_A", "\(symbol)_A2"])
                continue
            }
            var onA = 0.0, onA2 = 0.0
            for piece in parcels.pieces {
                guard let code = status.code(for: piece.featureClass ?? ""), code.hasPrefix("A"), let value = piece.apportioned[slot] else { continue }
                onA += value
                if code == "A2" { onA2 += value }
            }
            let source = Bilingual("\(parcels.source)：用地状况为 A（A2）的宗地的 \(dataField)，各按其在开发区内的面积比例",
                                   "\(parcels.source): \(dataField) of parcels with an A (A2) land-use code, by their share inside the zone")
            result["\(symbol)_A"] = .known("\(symbol)_A", names["\(symbol)_A"]!, .buildingArea, onA, source: source)
            result["\(symbol)_A2"] = .known("\(symbol)_A2", names["\(symbol)_A2"]!, .buildingArea, onA2, source: source)
        }
        return result
    }
}
