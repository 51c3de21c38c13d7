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
                land.warnings.append("\(landUse.source) covers \(NumberText.fixed(covered / 10_000, decimals: 4)) 公顷 of the zone's "
                                     + "\(NumberText.fixed(zoneArea / 10_000, decimals: 4)) 公顷; the rest has no land status")
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
    static func idleParcels(_ frame: AnalysisFrame) throws(ZoneCalcError) -> (indices: Set<Int>, source: String)? {
        let project = frame.project
        guard let parcels = project.layers[.parcels], parcels.field("idle") == nil, parcels.field("agreed_start") != nil,
              project.asOf != nil else { return nil }
        let report = try IdleLandJob.run(frame: frame)
        let idle = report.parcels.filter(\.classification.status.isIdle)
        let missing = report.parcels(.dataMissing).count
        let gaps = missing == 0 ? "" : "; \(missing) parcels with missing or unreadable dates could not be judged and are not counted"
        return (Set(idle.map(\.index)), "the idle-land check as of \(report.asOf) (国土资源部令第53号 第二条)\(gaps)")
    }

    /// The zone's area: its boundary features repaired and dissolved, so overlaps count once.
    static func zoneArea(_ boundary: ProjectLayer, frame: AnalysisFrame, context: EvaluationContext) throws -> Double {
        let parts = try LayerPolygons.read(boundary, into: frame, context: context.calculator.geos)
        return try context.union(parts.map(\.geometry)).map(context.area) ?? 0
    }

    /// Zone type by TD/T 1029-2010（2014年度试行）开发区类型 from A2/A and A1/A, unless the project states it.
    static func decideZoneType(_ quantities: [String: EvaluationQuantity], stated: String?, profile: EvaluationProfile) -> ZoneTypeDecision {
        var decision = ZoneTypeDecision(type: nil, industrialShare: nil, residentialShare: nil, reason: "")
        if let a = quantities["A"]?.value, a > 0, let a1 = quantities["A1"]?.value, let a2 = quantities["A2"]?.value {
            decision.industrialShare = a2 / a * 100
            decision.residentialShare = a1 / a * 100
        }
        if let stated, let type = ZoneType(rawValue: stated) {
            decision.type = type
            decision.reason = "stated in the project file (zone.type)"
            return decision
        }
        guard let industrial = decision.industrialShare, let residential = decision.residentialShare else {
            decision.reason = "not decided: A, A1 and A2 are needed (\(quantities["A"]?.missing ?? "no built land A in the zone"))"
            return decision
        }
        let i = NumberText.fixed(industrial, decimals: 2), r = NumberText.fixed(residential, decimals: 2)
        let above = NumberText.fixed(profile.industrialShareAbove, decimals: 0), below = NumberText.fixed(profile.residentialShareBelow, decimals: 0)
        if industrial > profile.industrialShareAbove && residential < profile.residentialShareBelow {
            decision.type = .industrial
            decision.reason = "A2/A = \(i) % > \(above) % and A1/A = \(r) % < \(below) % (\(profile.zoneTypeSource))"
        } else if industrial <= profile.industrialShareAbove && residential >= profile.residentialShareBelow {
            decision.type = .mixedUse
            decision.reason = "A2/A = \(i) % ≤ \(above) % and A1/A = \(r) % ≥ \(below) % (\(profile.zoneTypeSource))"
        } else {
            decision.type = .other
            decision.reason = "A2/A = \(i) %, A1/A = \(r) %: neither 工业主导型 nor 产城融合型 by \(profile.zoneTypeSource); "
                + "state zone.type in the project file if the province folds this case into one of them"
        }
        return decision
    }

    /// One indicator from the quantities, or the reason it cannot be computed.
    static func indicator(_ definition: IndicatorDefinition, quantities: [String: EvaluationQuantity], inSet: Bool) -> IndicatorResult {
        let numerator = quantities[definition.numerator]!, denominator = quantities[definition.denominator]!
        var result = IndicatorResult(definition: definition, numerator: numerator, denominator: denominator, value: nil,
                                     notComputable: nil, inZoneTypeSet: inSet, score: nil, weight: nil)
        if numerator.value == nil {
            result.notComputable = "\(numerator.symbol) (\(numerator.name)): \(numerator.missing ?? "missing")"
        } else if denominator.value == nil {
            result.notComputable = "\(denominator.symbol) (\(denominator.name)): \(denominator.missing ?? "missing")"
        } else if let den = denominator.value, den <= 0 {
            result.notComputable = "\(denominator.symbol) (\(denominator.name)) is 0 in this zone"
        } else {
            result.value = IndicatorCatalogue.value(definition, numerator: numerator.value!, denominator: denominator.value!)
        }
        return result
    }
}
