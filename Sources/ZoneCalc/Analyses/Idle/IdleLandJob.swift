import GeoBridge

/// One parcel's idle-land result.
public struct IdleParcelResult: Sendable {
    public var index: Int
    public var fid: Int64
    public var id: String
    /// m², by the project's area method.
    public var area: Double
    public var classification: IdleClassification
    public var wkb: [UInt8]
    /// What the classification reasons from: the dates, figures and developed area as read.
    public var facts: IdleParcelFacts
    /// The land user (企业名称), when the parcels layer maps one.
    public var enterprise: String?
}

/// Approved land not yet supplied (批而未供): the approvals layer less the supplied parcels.
public struct UnsuppliedApprovals: Sendable {
    /// m², by the project's area method.
    public var area: Double
    public var approvedArea: Double
    public var wkb: [UInt8]?
}

/// What `zonecalc idle` found.
public struct IdleLandReport: Sendable {
    public var zoneName: String
    public var asOf: CalendarDate
    public var method: AreaMethod
    public var crs: ResolvedCRS
    public var source: String
    public var rules: IdleLandRules
    public var parcels: [IdleParcelResult]
    /// 批而未供, or why it is not evaluated.
    public var unsupplied: UnsuppliedApprovals?
    public var unsuppliedReason: Bilingual?
    /// Which proxies were used (no suspension or production date field, footprints for developed area).
    public var assumptions: [Bilingual]
    /// Parcels measured after repair or left out, and what the run noted of its inputs.
    public var notes: [Bilingual]

    /// Parcels in a status, in layer order.
    public func parcels(_ status: IdleStatus) -> [IdleParcelResult] { parcels.filter { $0.classification.status == status } }
    public func parcels(_ category: SupplyChainCategory) -> [IdleParcelResult] { parcels.filter { $0.classification.categories.contains(category) } }
}

/// `zonecalc idle`: classifies every parcel of a project by 《闲置土地处置办法》 as of a date, with the
/// idle fee and the supply-chain categories, and measures approved but unsupplied land.
public enum IdleLandJob {
    /// Classifies the frame's parcels as of `override` (else the project's as_of); made once per run
    /// and date, so the evaluation that needs it shares it.
    public static func run(frame: AnalysisFrame, asOf override: CalendarDate? = nil) throws(ZoneCalcError) -> IdleLandReport {
        let asOf = try frame.project.judgingDate(override, for: "the idle-land check")
        return try frame.shared("idle land \(asOf)") { () throws(ZoneCalcError) in try classify(frame, asOf: asOf) }
    }

    private static func classify(_ frame: AnalysisFrame, asOf: CalendarDate) throws(ZoneCalcError) -> IdleLandReport {
        let project = frame.project
        let rules = try IdleLandRules.load(RuleFiles(project: project))
        let table = try ParcelTable.load(frame)
        let buildings = try BuildingsOnParcels.measure(frame, parcels: table)
        let mapped = table.fieldNames
        var assumptions: [Bilingual] = []
        if mapped["suspension_date"] == nil {
            let years = rules.suspensionProxyYears
            assumptions.append(Bilingual("无 suspension_date 字段：已动工未竣工的宗地，约定竣工日期过后满\(years)年即视为停工（待核实）",
                                         "no suspension_date field: a started, unfinished parcel counts as suspended from its agreed completion date once that is \(years) full year(s) past（待核实）"))
        }
        if mapped["production_date"] == nil {
            let prefixes = rules.productionLandUsePrefixes.joined(separator: "/")
            let scope = mapped["land_use"] == nil ? Bilingual("已竣工宗地", "a completed parcel")
                : Bilingual("地类编码以\(prefixes)开头的已竣工宗地", "a completed parcel with a land-use code starting \(prefixes)")
            assumptions.append(Bilingual("无 production_date 字段：", "no production_date field: ") + scope
                               + Bilingual("无产值、无税收的，视为建而未投（待核实）", " with neither output value nor tax is 建而未投（待核实）"))
        }
        if mapped["developed_area"] == nil {
            let footprint = mapped["footprint_area"].map { Bilingual("宗地的基底面积字段\($0)", "the parcel's footprint field \($0)") }
            let layer = buildings == nil ? nil : Bilingual("宗地上建筑物的基底面积（建筑物图层）", "building footprints on the parcel (buildings layer)")
            let sources = [layer, footprint].compactMap { $0 }
            assumptions.append(sources.isEmpty
                ? Bilingual("无 developed_area 字段、基底面积字段和建筑物图层：不作已开发面积三分之一的判定",
                            "no developed_area field, footprint field or buildings layer: the 1/3 developed-area test is not made")
                : Bilingual("无 developed_area 字段：已开发面积取", "no developed_area field: developed area = ") + sources.joined(zh: "，其次取", en: ", else "))
        }
        if mapped["supply_date"] == nil {
            assumptions.append(Bilingual("无 supply_date 字段：图层中每宗宗地均视为已供应", "no supply_date field: every parcel of the layer counts as supplied"))
        }
        // 投而未达 comes from the standard-land check, when the parcels carry agreed 达产 values.
        let production = try StandardLandRules.load(RuleFiles(project: project)).indicators.filter { $0.checkpoint == .production }
        let agreedProduction = production.contains { project.layers[.parcels]?.field("agreed_\($0.id)") != nil }
        var producingBelowTarget = Set<Int>()
        if agreedProduction {
            producingBelowTarget = Set(try StandardLandJob.run(frame: frame, asOf: asOf).parcels.filter(\.producingBelowTarget).map(\.index))
        } else {
            let fields = production.map { "agreed_\($0.id)" }.joined(separator: ", ")
            assumptions.append(Bilingual("未映射约定达产值（\(fields)）：不判定投而未达", "no agreed 达产 value (\(fields)) mapped: 投而未达 is not evaluated"))
        }
        let classifier = IdleLandClassifier(rules: rules, asOf: asOf, hasSupplyField: mapped["supply_date"] != nil)
        var results: [IdleParcelResult] = [], suppliedShapes: [[UInt8]] = []
        for (position, record) in table.records.enumerated() {
            var facts = IdleParcelFacts(index: record.index, id: record.id, area: record.area)
            func date(_ name: String) -> DateFact { DateFact(record.value(name), field: mapped[name], name: name) }
            facts.supplyDate = date("supply_date")
            facts.agreedStart = date("agreed_start")
            facts.agreedCompletion = date("agreed_completion")
            facts.actualStart = date("actual_start")
            facts.actualCompletion = date("actual_completion")
            facts.suspendedSince = date("suspension_date")
            facts.productionDate = date("production_date")
            facts.hasSuspensionField = mapped["suspension_date"] != nil
            facts.hasProductionField = mapped["production_date"] != nil
            facts.governmentCause = record.value("government_cause")?.isSet ?? false
            if let landUse = record.text("land_use") {
                facts.productionExpected = rules.productionLandUsePrefixes.contains { landUse.hasPrefix($0) }
            }
            facts.landPrice = record.number("land_price")
            facts.committedInvestment = record.number("committed_investment")
            facts.actualInvestment = record.number("actual_investment")
            facts.outputValue = record.number("output_value")
            facts.tax = record.number("tax")
            if let developed = record.number("developed_area") {
                facts.developedArea = developed
                facts.developedSource = Bilingual(verbatim: mapped["developed_area"]!)
            } else {
                (facts.developedArea, facts.developedSource) = ParcelBuildings.footprint(buildings?[position], record: record,
                                                                                         field: mapped["footprint_area"])
            }
            if mapped["supply_date"] == nil || facts.supplyDate.day.map({ $0 <= asOf }) == true { suppliedShapes.append(record.wkb) }
            var classification = classifier.classify(facts)
            if producingBelowTarget.contains(record.index) { classification.categories.append(.producingBelowTarget) }
            results.append(IdleParcelResult(index: record.index, fid: record.fid, id: record.id, area: record.area,
                                            classification: classification, wkb: record.wkb, facts: facts,
                                            enterprise: record.text("enterprise_name")))
        }
        var report = IdleLandReport(zoneName: project.name, asOf: asOf, method: project.areaMethod, crs: table.crs, source: table.source,
                                    rules: rules, parcels: results, unsupplied: nil, unsuppliedReason: nil, assumptions: assumptions,
                                    notes: table.notes)
        if project.layers[.approvals] == nil {
            report.unsuppliedReason = Bilingual("项目未提供批准用地范围图层", "the project names no approvals layer (批准用地范围)")
        } else {
            report.unsupplied = try UnsuppliedApprovalsCheck.measure(frame, supplied: suppliedShapes)
        }
        report.notes += frame.notes
        return report
    }
}

/// 批而未供 (working definition（部分核实）): the union of the approvals less the union of the supplied parcels.
enum UnsuppliedApprovalsCheck {
    static func measure(_ frame: AnalysisFrame, supplied: [[UInt8]]) throws(ZoneCalcError) -> UnsuppliedApprovals {
        let layer = try frame.project.layer(.approvals)
        let method = frame.project.areaMethod
        do {
            let calculator = try frame.calculator([method])
            let context = calculator.geos
            let approvals = try LayerPolygons.read(layer, into: frame, context: context).map(\.geometry)
            guard !approvals.isEmpty else { return UnsuppliedApprovals(area: 0, approvedArea: 0, wkb: nil) }
            let approved = try Geometry.collection(.collection, of: approvals, context: context).unaryUnion()
            let suppliedParts = try supplied.map { try Geometry.fromWKB($0, context: context) }
            let remaining = suppliedParts.isEmpty ? approved
                : try approved.difference(try Geometry.collection(.collection, of: suppliedParts, context: context).unaryUnion()).polygonalPart()
            return UnsuppliedApprovals(area: try calculator.measure(remaining)[method] ?? 0,
                                       approvedArea: try calculator.measure(approved)[method] ?? 0,
                                       wkb: remaining.isEmpty ? nil : try remaining.wkb())
        } catch {
            throw ZoneCalcError(error, source: layer.source.path)
        }
    }
}
