import GeoBridge

/// Whether an achieved value meets its agreed one.
public enum CheckOutcome: String, Sendable {
    case pass
    case fail
    /// The achieved value cannot be computed (the reason says which data are missing).
    case notMeasurable = "not_measurable"
}

/// One indicator of one parcel: agreed, achieved, gap and outcome, and whether its checkpoint is due.
public struct IndicatorCheck: Sendable {
    public var indicator: ControlIndicator
    public var agreed: Double
    /// Where the agreed value comes from: the parcel's field, or a national threshold.
    public var agreedSource: Bilingual
    public var achieved: Double?
    public var achievedSource: Bilingual
    /// achieved − agreed (positive = above).
    public var gap: Double?
    public var outcome: CheckOutcome
    /// The checkpoint has been reached (completion done or due, 达产 date passed, producing).
    public var due: Bool
    public var dueNote: Bilingual
}

/// One parcel's standard-land check.
public struct ParcelStandardCheck: Sendable {
    public var index: Int
    public var fid: Int64
    public var id: String
    public var area: Double
    public var isStandardLand: Bool
    public var industrial: Bool
    public var checks: [IndicatorCheck]
    /// 投而未达: producing, and an agreed 达产 (production) indicator fails at a due checkpoint.
    public var producingBelowTarget: Bool
    public var wkb: [UInt8]
}

/// What `zonecalc standard-land` found.
public struct StandardLandReport: Sendable {
    public var zoneName: String
    public var asOf: CalendarDate
    public var method: AreaMethod
    public var crs: ResolvedCRS
    public var source: String
    public var rulesSource: String
    public var parcels: [ParcelStandardCheck]
    /// Parcels measured after repair or left out, rule data not supplied, and what the run noted of its inputs.
    public var notes: [Bilingual]
}

/// `zonecalc standard-land`: checks standard-land parcels against their agreed control indicators and
/// industrial parcels against the national thresholds (国土资发〔2008〕24号). Achieved values come from the
/// geometry where they can (area by the project's method; building footprint and floor area from the
/// buildings layer), the rest from the parcels' fields.
public enum StandardLandJob {
    /// Checks the frame's parcels as of `override` (else the project's as_of); made once per run and date,
    /// so the idle-land check that needs it (投而未达) shares it.
    public static func run(frame: AnalysisFrame, asOf override: CalendarDate? = nil) throws(ZoneCalcError) -> StandardLandReport {
        let asOf = try frame.project.judgingDate(override, for: "the standard-land check")
        return try frame.shared("standard land \(asOf)") { () throws(ZoneCalcError) in try check(frame, asOf: asOf) }
    }

    private static func check(_ frame: AnalysisFrame, asOf: CalendarDate) throws(ZoneCalcError) -> StandardLandReport {
        let project = frame.project
        let files = RuleFiles(project: project)
        let rules = try StandardLandRules.load(files)
        let status = try EvaluationLandStatus.load(files, classes: try LandClassTable.bundled())
        let table = try ParcelTable.load(frame)
        let buildings = try BuildingsOnParcels.measure(frame, parcels: table)
        let measurer = AchievedValues(fields: table.fieldNames)
        var parcels: [ParcelStandardCheck] = []
        for (position, record) in table.records.enumerated() {
            let industrial = record.text("land_use").flatMap(status.code(for:)) == "A2"
            let standard = record.value("standard_land")?.isSet ?? false
            var checks: [IndicatorCheck] = []
            for indicator in rules.indicators {
                guard let (agreed, agreedSource) = agreedValue(indicator, record: record, industrial: industrial, rules: rules, fields: table.fieldNames)
                else { continue }
                let (achieved, achievedSource) = measurer.value(indicator.id, record: record, buildings: buildings?[position])
                let (due, dueNote) = checkpointDue(indicator.checkpoint, record: record, asOf: asOf, fields: table.fieldNames)
                let outcome: CheckOutcome = achieved.map { indicator.comparator.holds($0, agreed) ? .pass : .fail } ?? .notMeasurable
                checks.append(IndicatorCheck(indicator: indicator, agreed: agreed, agreedSource: agreedSource, achieved: achieved,
                                             achievedSource: achievedSource, gap: achieved.map { $0 - agreed }, outcome: outcome,
                                             due: due, dueNote: dueNote))
            }
            guard !checks.isEmpty || standard else { continue }
            let producing = (record.number("output_value") ?? 0) > 0 || (record.number("tax") ?? 0) > 0
                || record.text("production_date") != nil
            let below = producing && checks.contains {
                $0.indicator.checkpoint == .production && $0.due && $0.outcome == .fail && !$0.agreedSource.en.hasPrefix("national")
            }
            parcels.append(ParcelStandardCheck(index: record.index, fid: record.fid, id: record.id, area: record.area, isStandardLand: standard,
                                               industrial: industrial, checks: checks, producingBelowTarget: below, wkb: record.wkb))
        }
        var notes = table.notes
        if rules.investmentByRegionAndIndustry.isEmpty {
            notes.append(Bilingual("规则目录中没有 investment-intensity.csv：无约定投资强度的工业宗地不检查投资强度",
                                   "no investment-intensity.csv in the rules folder: industrial parcels without an agreed investment intensity are not checked for it"))
        }
        if table.fieldNames["industry_code"] == nil {
            notes.append(Bilingual("无 industry_code 字段：无约定容积率的工业宗地不按行业容积率下限检查",
                                   "no industry_code field: industrial parcels without an agreed floor-area ratio are not checked against the industry minimum"))
        } else {
            let unmatched = Set(table.records.compactMap { record in record.text("industry_code").flatMap { code in
                rules.floorAreaRatioByIndustry[StandardLandRules.division(code)] == nil ? code : nil } })
            if !unmatched.isEmpty {
                let codes = unmatched.sorted().prefix(10).joined(separator: ", ")
                notes.append(Bilingual("容积率表中没有这些行业代码（GB/T 4754-2002 第13–43大类；GB/T 4754-2017 的代码不同）：\(codes)",
                                       "industry codes with no row in the floor-area-ratio table (GB/T 4754-2002 divisions 13–43; codes of GB/T 4754-2017 differ): \(codes)"))
            }
        }
        return StandardLandReport(zoneName: project.name, asOf: asOf, method: project.areaMethod, crs: table.crs, source: table.source,
                                  rulesSource: rules.source, parcels: parcels, notes: notes + frame.notes)
    }

    /// The agreed value of an indicator for a parcel: its agreed_<id> field, else for industrial parcels
    /// the national threshold (and the floor-area ratio or investment intensity by industry).
    static func agreedValue(_ indicator: ControlIndicator, record: ParcelRecord, industrial: Bool, rules: StandardLandRules,
                            fields: [String: String]) -> (Double, Bilingual)? {
        let name = "agreed_\(indicator.id)"
        if let value = record.number(name) { return (value, Bilingual("约定值（\(fields[name]!)）", "agreed (\(fields[name]!))")) }
        guard industrial else { return nil }
        if let fallback = rules.industrialDefaults[indicator.id] { return (fallback.value, fallback.source) }
        let industry = record.text("industry_code").map(StandardLandRules.division)
        switch indicator.id {
        case "floor_area_ratio":
            guard let industry, let row = rules.floorAreaRatioByIndustry[industry] else { return nil }
            return (row.value, row.source)
        case "investment_intensity":
            guard let industry, let region = record.text("region_class"),
                  let value = rules.investmentByRegionAndIndustry["\(region)|\(industry)"] else { return nil }
            return (value, Bilingual("国家标准：investment-intensity.csv，地区类别\(region)，行业\(industry)",
                                     "national: investment-intensity.csv, region class \(region), industry \(industry)"))
        default:
            return nil
        }
    }

    /// Whether a checkpoint has been reached as of the date. Dates after it have not happened yet; an
    /// unreadable date is named.
    static func checkpointDue(_ checkpoint: Checkpoint, record: ParcelRecord, asOf: CalendarDate,
                              fields: [String: String]) -> (Bool, Bilingual) {
        let none = Bilingual(verbatim: "")
        /// - Parameter happened: the date records an event, which has not happened if it is after the as-of date.
        func day(_ name: String, happened: Bool = false) -> (date: CalendarDate?, note: Bilingual) {
            switch DateFact(record.value(name), field: fields[name], name: name) {
            case .day(let date): return happened && date > asOf ? (nil, none) : (date, none)
            case .missing: return (nil, none)
            case .unreadable(let field, let text): return (nil, Bilingual("\(field)「\(text)」不是日期；", "\(field) '\(text)' is not a date; "))
            }
        }
        let producing = (record.number("output_value") ?? 0) > 0 || (record.number("tax") ?? 0) > 0
        switch checkpoint {
        case .completion:
            let done = day("actual_completion", happened: true), due = day("agreed_completion")
            if let date = done.date { return (true, Bilingual("\(date)竣工", "completed \(date)")) }
            if let date = due.date {
                return (asOf >= date, done.note + due.note + (asOf >= date ? Bilingual("约定\(date)竣工，未竣工", "completion due \(date), not completed")
                                                                           : Bilingual("约定\(date)竣工", "completion due \(date)")))
            }
            return (false, done.note + due.note + Bilingual("无竣工日期", "no completion date"))
        case .production:
            let target = day("target_date")
            if let date = target.date { return (asOf >= date, Bilingual("约定\(date)达产", "达产 due \(date)")) }
            let why = target.note != none ? target.note
                : fields["target_date"] == nil ? Bilingual("字段未映射", "field not mapped") : Bilingual("为空", "empty")
            return (producing, producing ? Bilingual("已投产；无约定达产日期（", "producing; no agreed 达产 date (") + why + Bilingual("）：现即复核", "): checked now")
                                         : Bilingual("未投产", "not producing"))
        case .annual:
            return (producing, producing ? Bilingual("每年复核，已投产", "annual, producing") : Bilingual("未投产", "not producing"))
        }
    }
}

/// Computes a parcel's achieved values (国土资发〔2008〕24号): ratios on the parcel's area by the project's
/// method, 亩 = 2000/3 m².
struct AchievedValues {
    var fields: [String: String]

    func value(_ id: String, record: ParcelRecord, buildings: ParcelBuildings?) -> (Double?, Bilingual) {
        let area = record.area, mu = AreaUnit.mu.value(ofSquareMetres: record.area)
        guard area > 0 else { return (nil, Bilingual("宗地无面积", "the parcel has no area")) }
        let perParcelArea = Bilingual(" / 宗地面积", " / parcel area")
        func field(_ name: String) -> (Double?, Bilingual) {
            guard let dataName = fields[name] else { return (nil, Bilingual("宗地图层需映射 \(name)", "map \(name) on the parcels layer")) }
            guard let value = record.number(name) else { return (nil, Bilingual("\(dataName)为空", "\(dataName) is empty")) }
            return (value, Bilingual(verbatim: dataName))
        }
        func perMu(_ name: String) -> (Double?, Bilingual) {
            let (value, source) = field(name)
            return (value.map { $0 / mu }, value == nil ? source : source + Bilingual(" / 宗地面积（亩）", " / parcel area in 亩"))
        }
        func ratio(_ numerator: String, _ denominator: String) -> (Double?, Bilingual) {
            let (top, topSource) = field(numerator), (bottom, bottomSource) = field(denominator)
            guard let top else { return (nil, topSource) }
            guard let bottom else { return (nil, bottomSource) }
            guard bottom > 0 else { return (nil, bottomSource + Bilingual("为0", " is 0")) }
            return (top / bottom, topSource + Bilingual(verbatim: " / ") + bottomSource)
        }
        func areaShare(_ name: String) -> (Double?, Bilingual) {
            let (value, source) = field(name)
            return (value.map { $0 / area * 100 }, value == nil ? source : source + perParcelArea)
        }
        switch id {
        case "investment_intensity": return perMu("actual_investment")
        case "tax_per_mu": return perMu("tax")
        case "output_per_mu": return perMu("output_value")
        case "green_ratio": return areaShare("green_area")
        case "office_share": return areaShare("office_area")
        case "energy_value_added": return ratio("value_added", "energy")
        case "emission_value_added": return ratio("value_added", "emissions")
        case "building_coverage":
            let (footprint, source) = ParcelBuildings.footprint(buildings, record: record, field: fields["footprint_area"])
            return (footprint.map { $0 / area * 100 }, footprint == nil ? source : source + perParcelArea)
        case "floor_area_ratio":
            let (floor, source) = ParcelBuildings.floorArea(buildings, record: record, field: fields["floor_area"])
            return (floor.map { $0 / area }, floor == nil ? source : source + perParcelArea)
        default:
            return (nil, Bilingual("未知指标", "unknown indicator"))
        }
    }
}
