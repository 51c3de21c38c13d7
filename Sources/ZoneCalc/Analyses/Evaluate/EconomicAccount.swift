/// Investment, tax, revenue and population (TD/T 1029-2010 指标 #10–#15): a figure in the project's
/// `statistics:` when given, otherwise the sum over parcels inside the zone, each apportioned by its
/// share inside the zone. Industrial firms are those on parcels whose land-use code is A2 (工矿仓储).
/// Revenue (营业收入) is the `revenue` field, or the output value (产值) when no revenue is mapped.
enum EconomicAccount {
    /// Parcel fields apportioned, in this order (shared with ``BuildingAccount``'s fallback: slots 3, 4).
    static let parcelApportioned = ["actual_investment", "tax", "output_value", "floor_area", "footprint_area", "revenue"]

    static func quantities(parcels: ClippedLayer?, project: ZoneProject, status: EvaluationLandStatus) -> [String: EvaluationQuantity] {
        var result: [String: EvaluationQuantity] = [:]
        let items: [(symbol: String, name: String, statistic: String, field: String?, slot: Int?, industrialOnly: Bool)] = [
            ("I_ind", "工业企业累计固定资产投资", "industrial_investment", "actual_investment", 0, true),
            ("T_ind", "工业企业税收", "industrial_tax", "tax", 1, true),
            ("R_ind", "工业企业营业收入", "industrial_revenue", project.layers[.parcels]?.field("revenue") != nil ? "revenue" : "output_value",
             project.layers[.parcels]?.field("revenue") != nil ? 5 : 2, true),
            ("T_all", "二三产业税收总额", "total_tax", "tax", 1, false),
            ("R_ht", "高新技术产业营业收入", "high_tech_revenue", nil, nil, false),
            ("POP", "常住人口", "population", nil, nil, false),
        ]
        for item in items {
            let kind: QuantityKind = item.symbol == "POP" ? .persons : .money
            let statistic = "statistics.\(item.statistic)"
            if let value = project.statistics[item.statistic] {
                result[item.symbol] = .known(item.symbol, item.name, kind, value, source: Bilingual("项目文件 \(statistic)", "project file, \(statistic)"))
                continue
            }
            guard let field = item.field, let slot = item.slot else {
                result[item.symbol] = .unknown(item.symbol, item.name, kind,
                                               reason: Bilingual("请在项目文件中给出 \(statistic)", "give \(statistic) in the project file"))
                continue
            }
            guard let parcels, let dataField = project.layers[.parcels]?.field(field) else {
                result[item.symbol] = .unknown(item.symbol, item.name, kind,
                                               reason: Bilingual("请在项目文件中给出 \(statistic)，或在宗地图层映射 \(field)",
                                                                 "give \(statistic) in the project file, or map \(field) on the parcels layer"))
                continue
            }
            if item.industrialOnly, project.layers[.parcels]?.field("land_use") == nil {
                result[item.symbol] = .unknown(item.symbol, item.name, kind,
                                               reason: Bilingual("请在宗地图层映射 land_use 以区分工业宗地，或给出 \(statistic)",
                                                                 "map land_use on the parcels layer to tell industrial parcels, or give \(statistic)"))
                continue
            }
            var total = 0.0, withValue = Set<Int>(), without = Set<Int>()
            for piece in parcels.pieces {
                if item.industrialOnly, status.code(for: piece.featureClass ?? "") != "A2" { continue }
                if let value = piece.apportioned[slot] {
                    total += value
                    withValue.insert(piece.featureIndex)
                } else {
                    without.insert(piece.featureIndex)
                }
            }
            let scope = item.industrialOnly ? Bilingual("工业（A2）宗地", "industrial (A2-coded) parcels") : Bilingual("宗地", "parcels")
            guard !withValue.isEmpty else {
                result[item.symbol] = .unknown(item.symbol, item.name, kind,
                                               reason: Bilingual("开发区内的\(scope.zh)在 \(dataField) 中都没有值；请给出 \(statistic)",
                                                                 "no \(scope.en) inside the zone has a value in \(dataField); give \(statistic)"))
                continue
            }
            let gaps = without.isEmpty ? Bilingual(verbatim: "") : Bilingual("；\(without.count) 宗没有值，按 0 计", "; \(without.count) without a value count 0")
            result[item.symbol] = .known(item.symbol, item.name, kind, total, source: Bilingual(
                "\(parcels.source)：开发区内\(scope.zh)的 \(dataField) 之和（\(withValue.count) 宗，各按其在开发区内的面积比例）\(gaps.zh)",
                "\(parcels.source): sum of \(dataField) over \(withValue.count) \(scope.en) by their share inside the zone\(gaps.en)"))
        }
        return result
    }
}
