import Foundation
import GeoBridge

/// The ten rules of the expansion / adjustment check. Each returns its result with the
/// reason in Chinese and English; a rule that cannot be checked says so.
struct ProposalChecks {
    let geometry: ProposalGeometry
    let rules: ProposalRules
    let project: ZoneProject
    /// The method thresholds and reasons use (the project's; planar when it is geodesic).
    let method: AreaMethod
    /// The land-use layer's features, read once for the added and the removed land.
    let landUse = LandUseFeatures()

    final class LandUseFeatures {
        var read: ([(code: String, geometry: Geometry, deduction: LandUseDeduction?)], LandUseDeductionFields?)?
    }

    static func hectares(_ squareMetres: Double) -> String { AreaUnit.hectare.text(squareMetres: squareMetres, decimals: 2) }
    static func mu(_ squareMetres: Double) -> String { AreaUnit.mu.text(squareMetres: squareMetres, decimals: 2) }

    func value(_ area: MeasuredArea) -> Double { area[method] ?? area.planar ?? 0 }

    /// The English name of a control layer a piece of the added land conflicts with.
    static func englishName(_ role: LayerRole) -> String {
        switch role {
        case .farmland: return "permanent basic farmland"
        case .ecologicalRedLine: return "ecological protection red line"
        case .otherZones: return "other zone"
        default: return role.rawValue
        }
    }

    /// Rules 1, 2, 4: the added land may not overlap a control layer.
    func noOverlap(id: String, role: LayerRole, added: Geometry, title: Bilingual, source: String) throws -> RuleResult {
        let kind = role.chineseName
        guard let features = try geometry.features(project, role) else {
            return RuleResult(id: id, title: title, source: source, status: .notChecked,
                              reason: Bilingual("项目未提供\(kind)图层，无法检查。", "The project names no \(role.rawValue) layer; the rule cannot be checked."))
        }
        if let missing = try uncovered(id: id, title: title, source: source, role: role, added: added, features: features) { return missing }
        let (pieces, small) = try geometry.overlaps(of: added, with: features, rule: id, kind: Bilingual(kind, Self.englishName(role)),
                                                    tolerance: rules.overlapTolerance)
        let total = pieces.reduce(0) { $0 + value($1.area) }
        let figures = ["overlapSquareMetres": total, "overlapPieces": Double(pieces.count), "smallContacts": Double(small),
                       "toleranceSquareMetres": rules.overlapTolerance]
        let note = small > 0 ? Bilingual("另有\(small)处小于\(NumberText.fixed(rules.overlapTolerance, decimals: 1))平方米的接触，视为数字化误差。",
                                         " \(small) contact(s) under \(NumberText.fixed(rules.overlapTolerance, decimals: 1)) m² are taken as digitising noise.")
                             : Bilingual("", "")
        guard !pieces.isEmpty else {
            return RuleResult(id: id, title: title, source: source, status: .pass,
                              reason: Bilingual("拟新增用地不占用\(kind)。" + note.zh, "The added land does not overlap the \(role.rawValue) layer." + note.en),
                              figures: figures)
        }
        return RuleResult(id: id, title: title, source: source, status: .fail,
                          reason: Bilingual("拟新增用地占用\(kind)\(pieces.count)处，面积\(Self.hectares(total))公顷（\(Self.mu(total))亩）。" + note.zh,
                                            "The added land overlaps the \(role.rawValue) layer in \(pieces.count) piece(s), \(Self.hectares(total)) ha (\(Self.mu(total)) mu)." + note.en),
                          figures: figures, pieces: pieces)
    }

    /// A rule that compares the added land with a layer can only judge where the layer has data: nil
    /// when the layer's coverage (``ProposalGeometry/coverage(_:_:features:)``) holds the added land,
    /// else the rule's not-checked result, saying how much lies outside and what to give.
    func uncovered(id: String, title: Bilingual, source: String, role: LayerRole, added: Geometry,
                   features: [(label: String, geometry: Geometry)]) throws -> RuleResult? {
        guard !added.isEmpty else { return nil }
        // Land outside the urban boundary's or the other zones' extent is outside them: only a coverage
        // the project gives limits those rules. Farmland and red-line layers list patches, so their
        // extent is the least they cover.
        let extentMeansCoverage = role == .farmland || role == .ecologicalRedLine
        guard extentMeansCoverage || project.layers[role]?.coverage != nil else { return nil }
        let (coverage, given) = try geometry.coverage(project, role, features: features)
        let outside = try added.difference(coverage).polygonalPart()
        let area = try geometry.measure(outside)
        guard (area.planar ?? 0) > rules.overlapTolerance else { return nil }
        let kind = role.chineseName
        let extentZh = given ? "项目给出的数据范围（coverage）" : "图层要素的外包范围"
        let extentEn = given ? "the coverage the project gives" : "the extent of its features"
        return RuleResult(id: id, title: title, source: source, status: .notChecked,
                          reason: Bilingual("\(kind)图层的数据未覆盖拟新增用地：\(Self.hectares(value(area)))公顷位于\(extentZh)之外，无法检查。"
                                            + "请提供覆盖该区域的\(kind)数据，或在项目文件中以 coverage 给出该图层的数据范围。",
                                            "The \(role.rawValue) layer has no data for part of the added land: \(Self.hectares(value(area))) ha lie outside \(extentEn); "
                                            + "the rule cannot be checked. Give \(role.rawValue) data covering it, or the layer's coverage in the project file."),
                          figures: ["uncoveredSquareMetres": value(area), "toleranceSquareMetres": rules.overlapTolerance])
    }

    /// Rule 3: the added land lies inside the urban development boundary.
    func insideUrbanBoundary(added: Geometry) throws -> RuleResult {
        let title = Bilingual("位于城镇开发边界内", "inside the urban development boundary")
        let source = Citations.text("three-control-lines-2019")
        guard let features = try geometry.features(project, .urbanDevelopmentBoundary) else {
            return RuleResult(id: "R3", title: title, source: source, status: .notChecked,
                              reason: Bilingual("项目未提供城镇开发边界图层，无法检查。", "The project names no urban_development_boundary layer; the rule cannot be checked."))
        }
        if let missing = try uncovered(id: "R3", title: title, source: source, role: .urbanDevelopmentBoundary, added: added, features: features) {
            return missing
        }
        let outside = try added.difference(try geometry.union(features.map(\.geometry))).polygonalPart()
        var pieces: [ConflictPiece] = []
        for part in outside.polygons {
            let area = try geometry.measure(part)
            // A piece of positive area always has a point on its surface.
            guard (area.planar ?? 0) >= rules.overlapTolerance, let location = try part.pointOnSurface() else { continue }
            pieces.append(ConflictPiece(rule: "R3", kind: Bilingual("城镇开发边界外", "outside the urban development boundary"), label: "城镇开发边界外", area: area, location: location, wkb: try part.wkb()))
        }
        let total = pieces.reduce(0) { $0 + value($1.area) }
        let figures = ["outsideSquareMetres": total, "outsidePieces": Double(pieces.count), "toleranceSquareMetres": rules.overlapTolerance]
        guard !pieces.isEmpty else {
            return RuleResult(id: "R3", title: title, source: source, status: .pass,
                              reason: Bilingual("拟新增用地全部位于城镇开发边界内。", "All added land lies inside the urban development boundary."), figures: figures)
        }
        return RuleResult(id: "R3", title: title, source: source, status: .fail,
                          reason: Bilingual("拟新增用地有\(pieces.count)处位于城镇开发边界外，面积\(Self.hectares(total))公顷（\(Self.mu(total))亩）。",
                                            "\(pieces.count) piece(s) of the added land, \(Self.hectares(total)) ha (\(Self.mu(total)) mu), lie outside the urban development boundary."),
                          figures: figures, pieces: pieces)
    }

    /// Rule 5: land-use composition of the added land (三调 classes, 三大类, 耕地 for 占补平衡).
    func landUse(added: Geometry) throws -> (RuleResult, [AddedLandClass]) {
        let title = Bilingual("新增用地现状地类构成", "land use of the added land")
        let source = Citations.text("tdt-1055-2019") + "；耕地占补平衡"
        guard let layer = project.layers[.landUse] else {
            return (RuleResult(id: "R5", title: title, source: source, status: .notChecked,
                               reason: Bilingual("项目未提供三调地类图斑图层，无法统计。", "The project names no land_use layer.")), [])
        }
        guard layer.field("land_use") != nil else {
            return (RuleResult(id: "R5", title: title, source: source, status: .notChecked,
                               reason: Bilingual("三调图层未映射地类编码字段 (land_use)。", "The land_use layer maps no land_use field.")), [])
        }
        let table = try LandClassTable.bundled()
        let (classes, deductionFields) = try composition(of: added, layer: layer, table: table)
        let total = value(try geometry.measure(added))
        let covered = classes.reduce(0) { $0 + value($1.area) }
        // Land use that misses more than 0.1 % of the added land (or the overlap tolerance) leaves the
        // composition incomplete; less is the digitising noise of two independent layers.
        if total > 0, total - covered > max(rules.overlapTolerance, total * 0.001) {
            let missing = total - covered
            return (RuleResult(id: "R5", title: title, source: source, status: .notChecked,
                               reason: Bilingual("三调图层仅覆盖拟新增用地的\(NumberText.fixed(covered / total * 100, decimals: 2))%，另有\(Self.hectares(missing))公顷无地类，无法完整统计。",
                                                 "The land_use layer covers only \(NumberText.fixed(covered / total * 100, decimals: 2)) % of the added land; \(Self.hectares(missing)) ha have no land class."),
                               figures: ["addedSquareMetres": total, "coveredSquareMetres": covered, "coveredSharePercent": covered / total * 100]),
                    classes)
        }
        let cultivated = classes.filter { LandClassTable.cultivatedCodes.contains(table.lookup($0.code)?.code ?? "") }.reduce(0) { $0 + value($1.area) }
        let construction = classes.filter { $0.category == LandCategory.construction.rawValue }.reduce(0) { $0 + value($1.area) }
        let cultivatedShare = total > 0 ? cultivated / total * 100 : 0, constructionShare = total > 0 ? construction / total * 100 : 0
        var status = RuleStatus.info
        var limits: [Bilingual] = []
        var figures = ["addedSquareMetres": total, "cultivatedSquareMetres": cultivated, "cultivatedSharePercent": cultivatedShare,
                       "constructionSquareMetres": construction, "constructionSharePercent": constructionShare]
        figures["maxCultivatedSharePercent"] = rules.maxCultivatedShare
        figures["maxConstructionSharePercent"] = rules.maxConstructionShare
        if let limit = rules.maxCultivatedShare {
            limits.append(Bilingual("耕地 ≤ \(NumberText.fixed(limit, decimals: 1)) %", "cultivated ≤ \(NumberText.fixed(limit, decimals: 1)) %"))
            status = cultivatedShare <= limit ? .pass : .fail
        }
        if let limit = rules.maxConstructionShare {
            limits.append(Bilingual("建设用地 ≤ \(NumberText.fixed(limit, decimals: 1)) %", "construction ≤ \(NumberText.fixed(limit, decimals: 1)) %"))
            if constructionShare > limit { status = .fail } else if status == .info { status = .pass }
        }
        let basis = deductionFields == nil
            ? Bilingual("（三调图层无扣除地类字段，面积为毛面积。）", "(The land-use layer has no 扣除地类 fields: gross areas.)")
            : Bilingual("（面积为扣除田坎等后的图斑地类面积，扣除部分计入其地类。）",
                        "(Net 图斑地类面积: the deducted 田坎 etc. is counted under its own class.)")
        let reason = Bilingual(
            "拟新增用地中耕地\(Self.hectares(cultivated))公顷（\(Self.mu(cultivated))亩，占\(NumberText.fixed(cultivatedShare, decimals: 2))%），需落实占补平衡；建设用地占\(NumberText.fixed(constructionShare, decimals: 2))%。"
                + (limits.isEmpty ? "" : "限值：" + limits.map(\.zh).joined(separator: "，") + "。") + basis.zh,
            "The added land holds \(Self.hectares(cultivated)) ha (\(Self.mu(cultivated)) mu) of cultivated land (\(NumberText.fixed(cultivatedShare, decimals: 2)) %), to be offset (占补平衡); construction land is \(NumberText.fixed(constructionShare, decimals: 2)) %."
                + (limits.isEmpty ? "" : " Limits: " + limits.map(\.en).joined(separator: ", ") + ".")
            + " " + basis.en)
        return (RuleResult(id: "R5", title: title, source: source, status: status, reason: reason, figures: figures), classes)
    }

    /// The land-use features with their codes and 扣除地类, and the fields those came from (nil: gross areas).
    /// The 三调 classes of `region` (net of 扣除地类 where the layer has their fields), by code; empty
    /// when the project has no land-use layer with a mapped code field.
    func composition(of region: Geometry) throws -> [AddedLandClass] {
        guard let layer = project.layers[.landUse], layer.field("land_use") != nil, !region.isEmpty else { return [] }
        return try composition(of: region, layer: layer, table: try LandClassTable.bundled()).classes
    }

    private func composition(of region: Geometry, layer: ProjectLayer, table: LandClassTable) throws
        -> (classes: [AddedLandClass], deductionFields: LandUseDeductionFields?) {
        var byCode: [String: MeasuredArea] = [:]
        var piecesByCode: [String: [Geometry]] = [:]
        let (classified, deductionFields) = try landUseFeatures(layer)
        let prepared = try PreparedGeometry(region)
        for (code, feature, deduction) in classified where try !region.isEmpty && prepared.intersects(feature) {
            let part = try region.intersection(feature).polygonalPart()
            let piece = try geometry.measure(part)
            if !part.isEmpty { piecesByCode[code, default: []].append(part) }
            // 三调 net areas: the deducted share (田坎 …) counts under its own class.
            byCode[code, default: MeasuredArea(planar: 0, ellipsoidal: 0)].add(piece.scaled(by: 1 - (deduction?.ratio ?? 0)))
            if let deduction { byCode[deduction.code, default: MeasuredArea(planar: 0, ellipsoidal: 0)].add(piece.scaled(by: deduction.ratio)) }
        }
        let classes = try byCode.keys.sorted().map { code -> AddedLandClass in
            let known = table.lookup(code)
            // One valid (multi)polygon per code: the pieces of its features, dissolved.
            let wkb = try piecesByCode[code].map { try Geometry.collection(.multiPolygon, of: $0.flatMap(\.polygons), context: geometry.context).unaryUnion().wkb() }
            return AddedLandClass(code: code, name: known?.name ?? "未识别", category: known?.category.rawValue ?? "未识别", area: byCode[code]!, wkb: wkb)
        }
        return (classes, deductionFields)
    }

    private func landUseFeatures(_ layer: ProjectLayer) throws
        -> ([(code: String, geometry: Geometry, deduction: LandUseDeduction?)], LandUseDeductionFields?) {
        if let read = landUse.read { return read }
        let read = try readLandUseFeatures(layer)
        landUse.read = read
        return read
    }

    private func readLandUseFeatures(_ layer: ProjectLayer) throws
        -> ([(code: String, geometry: Geometry, deduction: LandUseDeduction?)], LandUseDeductionFields?) {
        let items = try LayerPolygons.read(layer, into: geometry.frame, context: geometry.context, labelField: layer.field("land_use"))
        let reader = try LayerReaders.open(layer.source)
        guard let fields = LandUseDeductionFields.detect(in: reader.fields, mapped: layer.field) else {
            return (items.map { ($0.label ?? "(empty)", $0.geometry, nil) }, nil)
        }
        let values = try LayerAttributes.read(reader, names: [fields.ratio, fields.area, fields.code])
        let classified = try items.map { item -> (code: String, geometry: Geometry, deduction: LandUseDeduction?) in
            let row = values[item.index] ?? [.null, .null, .null]
            let deduction = LandUseDeductionFields.deduction(ratio: fields.ratio == nil ? nil : row[0], area: fields.area == nil ? nil : row[1],
                                                             code: fields.code == nil ? nil : row[2],
                                                             polygonArea: value(try geometry.measure(item.geometry)))
            return (item.label ?? "(empty)", item.geometry, deduction)
        }
        return (classified, fields)
    }

    /// Rule 6: an adjustment keeps the approved area.
    func keepsApprovedArea(kind: ProposalKind, approved: MeasuredArea, after: MeasuredArea) -> RuleResult {
        let title = Bilingual("调区后面积不增加", "adjustment keeps the approved area")
        let source = "调区总面积不变（通行做法，未见全国统一条文；容差\(NumberText.fixed(rules.adjustmentTolerance, decimals: 1)) m²，见规则配置）"
        guard kind != .expansion else {
            return RuleResult(id: "R6", title: title, source: source, status: .notApplicable,
                              reason: Bilingual("扩区方案，不适用。", "An expansion: does not apply."))
        }
        let before = value(approved), later = value(after)
        let change = later - before
        let text = Bilingual("调整前\(Self.hectares(before))公顷，调整后\(Self.hectares(later))公顷，变化\(NumberText.fixed(change, decimals: 2))平方米。",
                             "Before \(Self.hectares(before)) ha, after \(Self.hectares(later)) ha, change \(NumberText.fixed(change, decimals: 2)) m².")
        // 调区 keeps the area: a larger zone fails; a smaller one is not what an adjustment asks for either.
        let status: RuleStatus = change > rules.adjustmentTolerance ? .fail : (change < -rules.adjustmentTolerance ? .needsReview : .pass)
        return RuleResult(id: "R6", title: title, source: source, status: status, reason: text,
                          figures: ["approvedSquareMetres": before, "afterSquareMetres": later, "changeSquareMetres": change,
                                    "toleranceSquareMetres": rules.adjustmentTolerance])
    }

    /// Rule 7: the expansion's size within the profile's limits.
    func expansionSize(kind: ProposalKind, added: MeasuredArea, approved: MeasuredArea) -> RuleResult {
        let title = Bilingual("扩区规模", "expansion size")
        let source = rules.expansionLimitSource.isEmpty ? "无全国统一限值；按省份规则（见规则配置）" : rules.expansionLimitSource
        guard kind != .adjustment else {
            return RuleResult(id: "R7", title: title, source: source, status: .notApplicable, reason: Bilingual("调区方案，不适用。", "An adjustment: does not apply."))
        }
        guard rules.maxExpansionKm2 != nil || rules.maxExpansionSharePercent != nil else {
            guard rules.expansionLimitGiven else {
                let province = rules.province
                return RuleResult(id: "R7", title: title, source: source, status: .notChecked, reason: province.map {
                    Bilingual("ZoneCalc没有\($0)的扩区规模规则，未检查（不借用其他省份的限值）；请在项目规则目录的 proposal-rules.yaml 中给出 max_expansion_km2 及其文件依据。",
                              "ZoneCalc has no expansion-size rule for \($0): not checked (another province's limit is never borrowed); give max_expansion_km2 and its document in the project's proposal-rules.yaml.")
                } ?? Bilingual("项目未注明省份（zone.province），扩区规模规则未检查。",
                               "The project names no province (zone.province): the expansion-size rule is not checked."))
            }
            return RuleResult(id: "R7", title: title, source: source, status: .notApplicable,
                              reason: Bilingual("所在省份的规则未设扩区规模上限。", "The province's rule profile sets no expansion limit."))
        }
        let km2 = value(added) / 1_000_000, share = value(approved) > 0 ? value(added) / value(approved) * 100 : 0
        var failed = false, limits: [String] = []
        if let max = rules.maxExpansionKm2 { limits.append("≤ \(NumberText.fixed(max, decimals: 2)) km²"); failed = failed || km2 > max }
        if let max = rules.maxExpansionSharePercent { limits.append("≤ \(NumberText.fixed(max, decimals: 1)) %"); failed = failed || share > max }
        var figures = ["expansionSquareKilometres": km2, "expansionSharePercent": share]
        figures["maxExpansionSquareKilometres"] = rules.maxExpansionKm2
        figures["maxExpansionSharePercent"] = rules.maxExpansionSharePercent
        return RuleResult(id: "R7", title: title, source: source, status: failed ? .fail : .pass,
                          reason: Bilingual("扩区面积\(NumberText.fixed(km2, decimals: 4))平方公里，为核准面积的\(NumberText.fixed(share, decimals: 2))%（限值 \(limits.joined(separator: "，"))）。",
                                            "The expansion is \(NumberText.fixed(km2, decimals: 4)) km², \(NumberText.fixed(share, decimals: 2)) % of the approved area (limits \(limits.joined(separator: ", ")))."),
                          figures: figures)
    }

    /// Rule 8: preconditions on the existing zone from its evaluation (and idle land).
    func preconditions() throws -> RuleResult {
        let title = Bilingual("现有开发区前置条件", "preconditions on the existing zone")
        let source = "省份规定的前置条件（见规则配置）；指标按\(Citations.text("tdt-1029-2010"))"
        guard !rules.preconditions.isEmpty else {
            return RuleResult(id: "R8", title: title, source: source, status: .notApplicable,
                              reason: Bilingual("规则配置未设前置条件（土地开发率、建成率、闲置率等），未评价。",
                                                "The rule profile sets no precondition (development, built or idle rate …); not evaluated."))
        }
        let evaluation = try EvaluationJob.run(frame: geometry.frame)
        var failed: [String] = [], missing: [Bilingual] = [], passed: [String] = [], figures: [String: Double] = [:]
        for condition in rules.preconditions {
            guard let result = evaluation.indicators.first(where: { $0.definition.id == condition.indicator }) else { continue }
            let name = result.definition.name
            figures["\(condition.indicator)Min"] = condition.min
            figures["\(condition.indicator)Max"] = condition.max
            guard let value = result.value else {
                let reason = result.notComputable ?? Bilingual(verbatim: "")
                missing.append(Bilingual("\(name)（\(reason.zh)）", "\(name) (\(reason.en))"))
                continue
            }
            figures[condition.indicator] = value
            let text = "\(name) \(NumberText.fixed(value, decimals: 2))\(result.definition.unit)"
            if let min = condition.min, value < min { failed.append("\(text) < \(NumberText.fixed(min, decimals: 2))"); continue }
            if let max = condition.max, value > max { failed.append("\(text) > \(NumberText.fixed(max, decimals: 2))"); continue }
            passed.append(text)
        }
        let status: RuleStatus = !failed.isEmpty ? .fail : (!missing.isEmpty ? .notChecked : .pass)
        var zh = "", en = ""
        if !failed.isEmpty { zh += "不满足：" + failed.joined(separator: "；") + "。"; en += "Not met: " + failed.joined(separator: "; ") + ". " }
        if !missing.isEmpty { zh += "无法评价：" + missing.map(\.zh).joined(separator: "；") + "。"; en += "Not evaluated: " + missing.map(\.en).joined(separator: "; ") + ". " }
        if !passed.isEmpty { zh += "满足：" + passed.joined(separator: "；") + "。"; en += "Met: " + passed.joined(separator: "; ") + "." }
        return RuleResult(id: "R8", title: title, source: source, status: status, reason: Bilingual(zh, en.trimmingCharacters(in: .whitespaces)),
                          figures: figures)
    }
}
