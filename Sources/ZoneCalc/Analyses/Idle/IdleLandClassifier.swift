/// The idle-land status of a supplied parcel (《闲置土地处置办法》, 国土资源部令第53号).
public enum IdleStatus: String, CaseIterable, Sendable {
    case notSupplied = "not_supplied"
    case notYetDue = "not_due"
    case withinGrace = "within_grace"
    case idleFee = "idle_fee"
    case idleRecover = "idle_recover"
    case idleGovernment = "idle_government"
    case idleStalled = "idle_stalled"
    case started = "started"
    case dataMissing = "data_missing"

    /// The status in a planner's words.
    public var chineseName: String {
        switch self {
        case .notSupplied: return "未供应"
        case .notYetDue: return "未到约定开工日期"
        case .withinGrace: return "未动工，未满一年"
        case .idleFee: return "闲置满一年（征缴土地闲置费）"
        case .idleRecover: return "闲置满两年（无偿收回）"
        case .idleGovernment: return "闲置，政府原因（不征闲置费）"
        case .idleStalled: return "已动工但中止满一年（可认定闲置）"
        case .started: return "已动工，未闲置"
        case .dataMissing: return "数据缺失"
        }
    }

    /// The status in English words (the stable code is ``rawValue``).
    public var englishName: String {
        switch self {
        case .notSupplied: return "not supplied"
        case .notYetDue: return "agreed start date not reached"
        case .withinGrace: return "not started, less than a year"
        case .idleFee: return "idle a full year (idle fee)"
        case .idleRecover: return "idle two full years (recovered without compensation)"
        case .idleGovernment: return "idle, caused by the government (no idle fee)"
        case .idleStalled: return "started but suspended a full year (may be idle)"
        case .started: return "started, not idle"
        case .dataMissing: return "data missing"
        }
    }

    /// The status's name in a planner's language.
    public var name: Bilingual { Bilingual(chineseName, englishName) }

    /// The article of 国土资源部令第53号 the status rests on.
    public var article: String {
        switch self {
        case .withinGrace: return "第二条（一）"
        case .idleFee: return "第二条（一）、第十四条（一）"
        case .idleRecover: return "第二条（一）、第十四条（二）"
        case .idleGovernment: return "第八条、第十二条"
        case .idleStalled: return "第二条（二）"
        case .notSupplied, .notYetDue, .started, .dataMissing: return ""
        }
    }

    /// Counted as 闲置土地 (G of the evaluation, TD/T 1029-2010 指标 #16).
    public var isIdle: Bool { [.idleFee, .idleRecover, .idleGovernment, .idleStalled].contains(self) }
}

/// The supply-chain categories a parcel falls in (working definitions).
public enum SupplyChainCategory: String, CaseIterable, Sendable {
    /// 供而未用: supplied, not started, past the agreed start date.
    case suppliedUnused = "supplied_unused"
    /// 用而未尽: started, not finished, and stalled or past the agreed completion date.
    case startedUnfinished = "started_unfinished"
    /// 建而未投: completed, not in production.
    case builtNotProducing = "built_not_producing"
    /// 投而未达: producing below an agreed 达产 value (from the standard-land check).
    case producingBelowTarget = "producing_below_target"

    /// The category in a planner's words.
    public var chineseName: String {
        switch self {
        case .suppliedUnused: return "供而未用"
        case .startedUnfinished: return "用而未尽"
        case .builtNotProducing: return "建而未投"
        case .producingBelowTarget: return "投而未达"
        }
    }
}

/// One parcel's classification.
public struct IdleClassification: Sendable {
    public var status: IdleStatus
    /// Full years idle: since the agreed start (not started) or since suspension (stalled).
    public var yearsIdle: Int?
    /// 土地闲置费, 万元 (the idle fee share of the land price), when it applies and the price is known.
    public var fee: Double?
    public var categories: [SupplyChainCategory] = []
    /// What was decided and on which dates, in words.
    public var reason: Bilingual
    /// Fields that were missing or unreadable, each named with what is wrong with it.
    public var missing: [Bilingual] = []
}

/// Classifies parcels by the decision table of 国土资源部令第53号.
public struct IdleLandClassifier: Sendable {
    public var rules: IdleLandRules
    public var asOf: CalendarDate
    /// The supply date field is mapped (otherwise every parcel counts as supplied).
    public var hasSupplyField: Bool

    public init(rules: IdleLandRules, asOf: CalendarDate, hasSupplyField: Bool) {
        self.rules = rules; self.asOf = asOf; self.hasSupplyField = hasSupplyField
    }

    static func describe(_ fact: DateFact) -> Bilingual {
        switch fact {
        case .day(let date): return Bilingual(verbatim: date.description)
        case .missing(let field): return Bilingual("\(field)缺失", "\(field) missing")
        case .unreadable(let field, let text): return Bilingual("\(field)「\(text)」不是日期", "\(field) '\(text)' is not a date")
        }
    }

    static func problem(_ fact: DateFact) -> Bilingual? {
        switch fact {
        case .day: return nil
        case .missing(let field): return Bilingual("\(field)（缺失）", "\(field) (missing)")
        case .unreadable(let field, let text): return Bilingual("\(field)（「\(text)」不是日期）", "\(field) ('\(text)' is not a date)")
        }
    }

    public func classify(_ parcel: IdleParcelFacts) -> IdleClassification {
        for fact in [parcel.supplyDate, parcel.actualStart, parcel.actualCompletion] {
            if case .unreadable = fact { return IdleClassification(status: .dataMissing, reason: Self.describe(fact), missing: [Self.problem(fact)!]) }
        }
        if hasSupplyField {
            guard let supplied = parcel.supplyDate.day else { return IdleClassification(status: .notSupplied, reason: Bilingual("无供地日期", "no supply date")) }
            guard supplied <= asOf else { return IdleClassification(status: .notSupplied, reason: Bilingual("\(supplied)供地，晚于\(asOf)", "supplied \(supplied), after \(asOf)")) }
        }
        // Dates after the as-of date have not happened yet on that date.
        let start = parcel.actualStart.day.flatMap { $0 <= asOf ? $0 : nil }
        let completion = parcel.actualCompletion.day.flatMap { $0 <= asOf ? $0 : nil }
        if start == nil, let completion {
            return started(parcel, since: nil, completed: completion)
        }
        guard let start else { return notStarted(parcel) }
        return started(parcel, since: start, completed: completion)
    }

    /// 第二条(一): not started one full year after the agreed start → idle; two years → recovery.
    private func notStarted(_ parcel: IdleParcelFacts) -> IdleClassification {
        guard let deadline = parcel.agreedStart.day else {
            return IdleClassification(status: .dataMissing, reason: Bilingual("未动工，需要约定开工日期：", "not started, and the agreed start date is needed: ")
                                      + Self.describe(parcel.agreedStart), missing: [Self.problem(parcel.agreedStart)!])
        }
        guard asOf > deadline else {
            return IdleClassification(status: .notYetDue, reason: Bilingual("约定开工日期\(deadline)，至\(asOf)未到", "agreed start \(deadline), not passed on \(asOf)"))
        }
        let years = rules.fullYears(from: deadline, to: asOf)
        var result = IdleClassification(status: .withinGrace, yearsIdle: years, categories: [.suppliedUnused],
                                        reason: Bilingual("未动工；约定开工日期\(deadline)，至\(asOf)满\(years)年",
                                                          "not started; agreed start \(deadline), \(years) full year(s) before \(asOf)"))
        guard years >= rules.idleAfterYears else { return result }
        if parcel.governmentCause {
            result.status = .idleGovernment
            result.reason += Bilingual("；政府原因造成（第八条）：按第十二条处置，不征收闲置费",
                                       "; delay caused by the government (第八条): dispose by 第十二条, no idle fee")
            return result
        }
        result.status = years >= rules.recoverAfterYears ? .idleRecover : .idleFee
        if let price = parcel.landPrice, price > 0 {
            result.fee = price * rules.idleFeeShare
        } else {
            result.missing.append(parcel.landPrice == nil
                ? Bilingual("land_price（缺失：无法计算闲置费）", "land_price (missing: the idle fee cannot be computed)")
                : Bilingual("land_price（\(parcel.landPrice!)不是价款：无法计算闲置费）", "land_price (\(parcel.landPrice!) is not a price: the idle fee cannot be computed)"))
        }
        return result
    }

    /// 第二条(二): started, but developed < 1/3 or invested < 25 %, and suspended ≥ 1 year.
    /// - Parameters:
    ///   - since: the start date (nil when only a completion date proves the start).
    ///   - completed: the completion date, when on or before the as-of date.
    private func started(_ parcel: IdleParcelFacts, since: CalendarDate?, completed: CalendarDate?) -> IdleClassification {
        if let completion = completed {
            var result = IdleClassification(status: .started, reason: Bilingual("\(completion)竣工", "completed \(completion)")
                                            + (since == nil ? Bilingual("（无开工日期：已竣工即已开工）", " (no start date: the completion proves the start)")
                                                            : Bilingual(verbatim: "")))
            let producing: Bool
            if parcel.hasProductionField {
                producing = parcel.productionDate.day.map { $0 <= asOf } ?? false
                if !producing { result.reason += Bilingual("；\(asOf)前无投产日期", "; no production date on or before \(asOf)") }
            } else {
                producing = !parcel.productionExpected || (parcel.outputValue ?? 0) > 0 || (parcel.tax ?? 0) > 0
                if !producing { result.reason += Bilingual("；无产值、无税收（无投产日期字段）", "; neither output value nor tax (no production date field)") }
            }
            if !producing { result.categories.append(.builtNotProducing) }
            return result
        }
        var result = IdleClassification(status: .started, reason: Bilingual("\(since!)开工，未竣工", "started \(since!), not completed"))
        let developedShare = parcel.developedArea.map { parcel.area > 0 ? $0 / parcel.area : 0 }
        var investedShare: Double?
        if let invested = parcel.actualInvestment, let committed = parcel.committedInvestment, committed > 0 { investedShare = invested / committed }
        let lowDevelopment = developedShare.map { $0 < rules.stalledDevelopedShareBelow } ?? false
        let lowInvestment = investedShare.map { $0 < rules.stalledInvestmentShareBelow } ?? false
        // Suspension: the recorded date, or (no such field) the agreed completion date passed by the proxy years.
        var suspendedSince: CalendarDate?
        var suspensionNote = Bilingual(verbatim: "")
        let needed = parcel.hasSuspensionField ? parcel.suspendedSince : parcel.agreedCompletion
        if case .unreadable = needed {
            return IdleClassification(status: .dataMissing, reason: Bilingual("\(since!)开工，未竣工；", "started \(since!), not completed; ") + Self.describe(needed),
                                      missing: [Self.problem(needed)!])
        }
        if parcel.hasSuspensionField {
            suspendedSince = parcel.suspendedSince.day.flatMap { $0 <= asOf ? $0 : nil }
        } else if let due = parcel.agreedCompletion.day, rules.fullYears(from: due, to: asOf) >= rules.suspensionProxyYears {
            suspendedSince = due
            suspensionNote = Bilingual("（无停工日期字段：自约定竣工日期起算）", " (no suspension date field: counted from the agreed completion date)")
        }
        if let due = parcel.agreedCompletion.day, asOf > due || lowDevelopment || lowInvestment {
            result.categories.append(.startedUnfinished)
            if asOf > due { result.reason += Bilingual("；已过约定竣工日期\(due)", "; agreed completion \(due) passed") }
        }
        guard let since = suspendedSince else { return result }
        let years = rules.fullYears(from: since, to: asOf)
        guard years >= rules.stalledSuspendedYears else { return result }
        var tests: [Bilingual] = []
        if let share = developedShare {
            tests.append(Bilingual("已开发面积占\(NumberText.percent(share))（", "developed \(NumberText.percent(share)) of the area (")
                         + parcel.developedSource + Bilingual("）", ")"))
        }
        if let share = investedShare {
            tests.append(Bilingual("已投资额占约定投资\(NumberText.percent(share))", "invested \(NumberText.percent(share)) of the committed investment"))
        }
        let testText = tests.joined(zh: "，", en: ", ")
        guard lowDevelopment || lowInvestment else {
            if developedShare == nil && investedShare == nil {
                return IdleClassification(status: .dataMissing, yearsIdle: nil, categories: result.categories,
                                          reason: Bilingual("自\(since)停工", "suspended since \(since)") + suspensionNote
                                            + Bilingual("，但已开发面积和投资额均未知", ", but neither the developed area nor the investment is known"),
                                          missing: [Bilingual("developed_area 或建筑物", "developed_area or buildings"),
                                                    Bilingual("actual_investment 和 committed_investment", "actual_investment and committed_investment")])
            }
            result.reason += Bilingual("；自\(since)停工", "; suspended since \(since)") + suspensionNote + Bilingual("，但", " but ") + testText
            return result
        }
        result.yearsIdle = years
        result.reason += Bilingual("；自\(since)停工", "; suspended since \(since)") + suspensionNote
            + Bilingual("，满\(years)年；", ", \(years) full year(s); ") + testText
        if parcel.governmentCause {
            result.status = .idleGovernment
            result.reason += Bilingual("；政府原因造成（第八条）", "; delay caused by the government (第八条)")
        } else {
            result.status = .idleStalled
        }
        return result
    }
}
