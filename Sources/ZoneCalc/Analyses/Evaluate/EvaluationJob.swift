import Foundation
import GeoBridge

/// `zonecalc evaluate`: the development-zone land-intensity evaluation (开发区土地集约利用评价,
/// TD/T 1029-2010) of a zone project — the land account by evaluation land status, the indicators with
/// their numerators and denominators, the zone type and, when the rule profile gives ideal values
/// and weights, the score.
public enum EvaluationJob {
    /// Evaluates the frame's project; made once per run, so a proposal check that needs it shares it.
    public static func run(frame: AnalysisFrame) throws(ZoneCalcError) -> EvaluationReport {
        try frame.shared("evaluation") { () throws(ZoneCalcError) in try evaluate(frame) }
    }

    private static func evaluate(_ frame: AnalysisFrame) throws(ZoneCalcError) -> EvaluationReport {
        let project = frame.project
        let files = RuleFiles(project: project)
        let classes = try LandClassTable.bundled()
        let status = try EvaluationLandStatus.load(files, classes: classes)
        let profile = try EvaluationProfile.load(files)
        let boundary = try project.layer(.boundary)
        let context = try EvaluationContext(frame: frame)
        let landUse = try ClippedLayer.clip(.landUse, frame: frame, context: context,
                                            by: project.layers[.landUse]?.field("evaluation_code") != nil ? "evaluation_code" : "land_use")
        let parcels = try ClippedLayer.clip(.parcels, frame: frame, context: context, by: "land_use",
                                            apportion: EconomicAccount.parcelApportioned, attributes: LandAccount.parcelAttributes)
        let buildings = try ClippedLayer.clip(.buildings, frame: frame, context: context,
                                              apportion: BuildingAccount.buildingApportioned, attributes: BuildingAccount.buildingAttributes)
        let redLine = try ClippedLayer.clip(.ecologicalRedLine, frame: frame, context: context)
        let idle = try idleParcels(frame)
        var land: LandAccount
        var quantities: [String: EvaluationQuantity]
        let zoneArea: Double
        do {
            zoneArea = try self.zoneArea(boundary, frame: frame, context: context)
            land = try LandAccount.build(landUse: landUse, parcels: parcels, redLine: redLine, project: project, status: status, idle: idle, context: context)
            quantities = land.quantities
            quantities.merge(try BuildingAccount.quantities(buildings: buildings, parcels: parcels, land: land, project: project,
                                                            status: status, context: context)) { $1 }
        } catch {
            throw ZoneCalcError(error, source: project.path)
        }
        quantities.merge(EconomicAccount.quantities(parcels: parcels, project: project, status: status)) { $1 }
        if let landUse {
            let covered = land.rows.reduce(0) { $0 + $1.area }
            if zoneArea > 0, abs(covered - zoneArea) / zoneArea > 0.001 {
                let coveredText = NumberText.fixed(covered / 10_000, decimals: 4), zoneText = NumberText.fixed(zoneArea / 10_000, decimals: 4)
                land.warnings.append(Bilingual("\(landUse.source) 覆盖开发区 \(zoneText) 公顷中的 \(coveredText) 公顷；其余部分没有评价用地状况",
                                               "\(landUse.source) covers \(coveredText) ha of the zone's \(zoneText) ha; the rest has no land status"))
            }
        }
        let zoneType = decideZoneType(quantities, stated: project.zoneType, profile: profile)
        let set = zoneType.type.flatMap { profile.indicatorSets[$0.rawValue] }
        var indicators = IndicatorCatalogue.all.map { definition in
            indicator(definition, quantities: quantities, inSet: set?.contains(definition.id) ?? false)
        }
        let score = EvaluationScoring.apply(profile, to: &indicators, set: set)
        let order = ["A", "A1", "A2", "A+B", "A+B21", "D", "G", "H", "F_A", "F_A2", "P_A", "P_A2", "I_ind", "T_ind", "R_ind", "T_all", "R_ht", "POP"]
        return EvaluationReport(zoneName: project.name, zoneCode: project.code, asOf: project.asOf, method: project.areaMethod, crs: frame.crs,
                                zoneArea: zoneArea, landStatus: land.rows, quantities: order.compactMap { quantities[$0] },
                                zoneType: zoneType, indicators: indicators, score: score, warnings: land.warnings + frame.notes,
                                profileSource: profile.source, landStatusSource: status.source,
                                landStatusBasis: landUse?.report.classAreaBasis)
    }

    /// The idle parcels by the idle-land check (国土资源部令第53号), when the parcels carry no idle flag but
    /// the dates the check needs (an agreed start date and the project's as_of).
    static func idleParcels(_ frame: AnalysisFrame) throws(ZoneCalcError) -> (indices: Set<Int>, source: Bilingual)? {
        let project = frame.project
        guard let parcels = project.layers[.parcels], parcels.field("idle") == nil, parcels.field("agreed_start") != nil,
              project.asOf != nil else { return nil }
        let report = try IdleLandJob.run(frame: frame)
        let idle = report.parcels.filter(\.classification.status.isIdle)
        let missing = report.parcels(.dataMissing).count
        let gaps = missing == 0 ? Bilingual(verbatim: "")
            : Bilingual("；\(missing) 宗日期缺失或无法识别，无法认定，未计入", "; \(missing) parcels with missing or unreadable dates could not be judged and are not counted")
        return (Set(idle.map(\.index)), Bilingual("基准日 \(report.asOf) 的闲置土地认定（国土资源部令第53号 第二条）", "the idle-land check as of \(report.asOf) (国土资源部令第53号 第二条)")
                    + gaps)
    }

    /// The zone's area: its boundary features repaired and dissolved, so overlaps count once.
    static func zoneArea(_ boundary: ProjectLayer, frame: AnalysisFrame, context: EvaluationContext) throws -> Double {
        let parts = try LayerPolygons.read(boundary, into: frame, context: context.calculator.geos)
        return try context.union(parts.map(\.geometry)).map(context.area) ?? 0
    }

    /// Zone type by TD/T 1029-2010（2014年度试行）开发区类型 from A2/A and A1/A, unless the project states it.
    static func decideZoneType(_ quantities: [String: EvaluationQuantity], stated: String?, profile: EvaluationProfile) -> ZoneTypeDecision {
        var decision = ZoneTypeDecision(type: nil, industrialShare: nil, residentialShare: nil, reason: Bilingual(verbatim: ""))
        if let a = quantities["A"]?.value, a > 0, let a1 = quantities["A1"]?.value, let a2 = quantities["A2"]?.value {
            decision.industrialShare = a2 / a * 100
            decision.residentialShare = a1 / a * 100
        }
        if let stated, let type = ZoneType(rawValue: stated) {
            decision.type = type
            decision.reason = Bilingual("项目文件指定（zone.type）", "stated in the project file (zone.type)")
            return decision
        }
        guard let industrial = decision.industrialShare, let residential = decision.residentialShare else {
            let missing = quantities["A"]?.missing ?? Bilingual("开发区内没有已建成城镇建设用地 A", "no built land A in the zone")
            decision.reason = Bilingual("未确定：需要 A、A1 和 A2（\(missing.zh)）", "not decided: A, A1 and A2 are needed (\(missing.en))")
            return decision
        }
        let i = NumberText.fixed(industrial, decimals: 2), r = NumberText.fixed(residential, decimals: 2)
        let above = NumberText.fixed(profile.industrialShareAbove, decimals: 0), below = NumberText.fixed(profile.residentialShareBelow, decimals: 0)
        let source = profile.zoneTypeSource
        if industrial > profile.industrialShareAbove && residential < profile.residentialShareBelow {
            decision.type = .industrial
            decision.reason = Bilingual("A2/A = \(i) % > \(above) %，且 A1/A = \(r) % < \(below) %（\(source)）",
                                        "A2/A = \(i) % > \(above) % and A1/A = \(r) % < \(below) % (\(source))")
        } else if industrial <= profile.industrialShareAbove && residential >= profile.residentialShareBelow {
            decision.type = .mixedUse
            decision.reason = Bilingual("A2/A = \(i) % ≤ \(above) %，且 A1/A = \(r) % ≥ \(below) %（\(source)）",
                                        "A2/A = \(i) % ≤ \(above) % and A1/A = \(r) % ≥ \(below) % (\(source))")
        } else {
            decision.type = .other
            decision.reason = Bilingual("A2/A = \(i) %，A1/A = \(r) %：按\(source)既不是工业主导型，也不是产城融合型；"
                                            + "如本省把这种情况归入其中一类，请在项目文件中写明 zone.type",
                                        "A2/A = \(i) %, A1/A = \(r) %: neither 工业主导型 nor 产城融合型 by \(source); "
                                            + "state zone.type in the project file if the province folds this case into one of them")
        }
        return decision
    }

    /// One indicator from the quantities, or the reason it cannot be computed.
    static func indicator(_ definition: IndicatorDefinition, quantities: [String: EvaluationQuantity], inSet: Bool) -> IndicatorResult {
        let numerator = quantities[definition.numerator]!, denominator = quantities[definition.denominator]!
        var result = IndicatorResult(definition: definition, numerator: numerator, denominator: denominator, value: nil,
                                     notComputable: nil, inZoneTypeSet: inSet, score: nil, weight: nil)
        /// "A2（工矿仓储用地）：reason", "A2 (工矿仓储用地): reason".
        func lacking(_ quantity: EvaluationQuantity) -> Bilingual {
            let reason = quantity.missing ?? Bilingual("缺失", "missing")
            return Bilingual("\(quantity.symbol)（\(quantity.name)）：\(reason.zh)", "\(quantity.symbol) (\(quantity.name)): \(reason.en)")
        }
        if numerator.value == nil {
            result.notComputable = lacking(numerator)
        } else if denominator.value == nil {
            result.notComputable = lacking(denominator)
        } else if let den = denominator.value, den <= 0 {
            result.notComputable = Bilingual("本开发区的 \(denominator.symbol)（\(denominator.name)）为 0",
                                             "\(denominator.symbol) (\(denominator.name)) is 0 in this zone")
        } else {
            result.value = IndicatorCatalogue.value(definition, numerator: numerator.value!, denominator: denominator.value!)
        }
        return result
    }
}
