import Testing
@testable import ZoneCalc

/// The decision table of 《闲置土地处置办法》 (国土资源部令第53号), branch by branch, with
/// boundary dates. Judged as of 2026-06-30; land price 1000 万元, so the 第十四条(一) fee is 200 万元.
@Suite struct IdleLandClassifierTests {
    static let bundled = try! IdleLandRules.load(RuleFiles())

    static let asOf = CalendarDate(year: 2026, month: 6, day: 30)!

    static func day(_ text: String) -> DateFact {
        guard case .date(let date) = LandDateParser.parse(.string(text)) else { return .unreadable(field: "T", text: text) }
        return .day(date)
    }

    /// A supplied parcel of 1 ha, not started, agreed start `start`.
    static func parcel(start: String? = nil) -> IdleParcelFacts {
        var facts = IdleParcelFacts(index: 0, id: "P", area: 10_000)
        facts.supplyDate = day("2020-01-01")
        facts.agreedStart = start.map(day) ?? .missing(field: "YDKGRQ")
        facts.actualStart = .missing(field: "SJKGRQ")
        facts.landPrice = 1000
        return facts
    }

    /// A parcel started 2020-01-01, not completed, suspended since `suspended`, with developed and invested shares.
    static func started(suspended: String?, developed: Double, invested: Double) -> IdleParcelFacts {
        var facts = parcel(start: "2019-06-01")
        facts.actualStart = day("2020-01-01")
        facts.actualCompletion = .missing(field: "SJJGRQ")
        facts.agreedCompletion = day("2022-01-01")
        facts.hasSuspensionField = true
        facts.suspendedSince = suspended.map(day) ?? .missing(field: "TGRQ")
        facts.developedArea = 10_000 * developed
        facts.developedSource = Bilingual(verbatim: "building footprints")
        facts.committedInvestment = 10_000
        facts.actualInvestment = 10_000 * invested
        return facts
    }

    func classify(_ facts: IdleParcelFacts, rules: IdleLandRules = Self.bundled, asOf: CalendarDate = asOf,
                  supplyField: Bool = true) -> IdleClassification {
        IdleLandClassifier(rules: rules, asOf: asOf, hasSupplyField: supplyField).classify(facts)
    }

    // 第二条(一) + 第十四条(一): exactly one full year after the agreed start → idle, fee 20 % of the price.
    @Test func exactlyOneYearNotStartedIsIdleWithTheFee() {
        let result = classify(Self.parcel(start: "2025-06-30"))
        #expect(result.status == .idleFee)
        #expect(result.yearsIdle == 1)
        #expect(result.fee == 200)
        #expect(result.status.article == "第二条（一）、第十四条（一）")
        #expect(result.categories == [.suppliedUnused])
    }

    // 第二条(一): one day short of a full year → not idle yet (供而未用, within the grace year).
    @Test func oneDayShortOfAYearIsWithinGrace() {
        let result = classify(Self.parcel(start: "2025-07-01"))
        #expect(result.status == .withinGrace)
        #expect(result.yearsIdle == 0)
        #expect(result.fee == nil)
        #expect(result.categories == [.suppliedUnused])
    }

    // 第十四条(二): two full years → 无偿收回 candidate; one day short of two years → still the fee.
    @Test func twoYearsIsRecoveryOneDayShortIsTheFee() {
        #expect(classify(Self.parcel(start: "2024-06-30")).status == .idleRecover)
        #expect(classify(Self.parcel(start: "2024-07-01")).status == .idleFee)
    }

    // Before or on the agreed start date nothing is due.
    @Test func onOrBeforeTheAgreedStartNothingIsDue() {
        #expect(classify(Self.parcel(start: "2026-06-30")).status == .notYetDue)
        #expect(classify(Self.parcel(start: "2026-07-01")).status == .notYetDue)
        #expect(classify(Self.parcel(start: "2026-06-30")).categories.isEmpty)
    }

    // 第八条: delay caused by the government → idle, disposed by 第十二条, no fee.
    @Test func governmentCauseMeansNoFee() {
        var facts = Self.parcel(start: "2023-01-01")
        facts.governmentCause = true
        let result = classify(facts)
        #expect(result.status == .idleGovernment)
        #expect(result.fee == nil)
        #expect(result.status.article == "第八条、第十二条")
    }

    // 民法典 第二百零二条: a year from 29 February ends on 28 February of a common year.
    @Test func aYearFromALeapDayEndsOnTheLastDayOfFebruary() {
        let asOf = CalendarDate(year: 2025, month: 2, day: 28)!
        #expect(classify(Self.parcel(start: "2024-02-29"), asOf: asOf).status == .idleFee)
        #expect(classify(Self.parcel(start: "2024-02-29"), asOf: CalendarDate(year: 2025, month: 2, day: 27)!).status == .withinGrace)
    }

    // The counting convention is configurable: without "anniversary completes", the anniversary is one day short.
    @Test func theAnniversaryConventionIsConfigurable() {
        var rules = Self.bundled
        rules.anniversaryCompletesYear = false
        #expect(classify(Self.parcel(start: "2025-06-30"), rules: rules).status == .withinGrace)
        #expect(classify(Self.parcel(start: "2025-06-29"), rules: rules).status == .idleFee)
    }

    // Missing or unreadable dates go to "data missing" naming the field.
    @Test func missingOrUnreadableDatesAreNamed() {
        let missing = classify(Self.parcel())
        #expect(missing.status == .dataMissing)
        #expect(missing.missing.first?.en == "YDKGRQ (missing)" && missing.missing.first?.zh == "YDKGRQ（缺失）")
        var facts = Self.parcel()
        facts.agreedStart = .unreadable(field: "YDKGRQ", text: "2025-13-01")
        let unreadable = classify(facts)
        #expect(unreadable.status == .dataMissing)
        #expect(unreadable.missing.first?.en.contains("2025-13-01") == true && unreadable.missing.first?.zh.contains("「2025-13-01」不是日期") == true)
        var noPrice = Self.parcel(start: "2025-01-01")
        noPrice.landPrice = nil
        let fee = classify(noPrice)
        #expect(fee.status == .idleFee && fee.fee == nil)
        #expect(fee.missing.first?.en.contains("land_price") == true && fee.missing.first?.zh.contains("无法计算闲置费") == true)
    }

    // A parcel without a supply date (the field mapped) is not supplied; without the field, all are supplied.
    @Test func unsuppliedParcelsAreNotClassified() {
        var facts = Self.parcel(start: "2020-01-01")
        facts.supplyDate = .missing(field: "GYRQ")
        #expect(classify(facts).status == .notSupplied)
        #expect(classify(facts, supplyField: false).status == .idleRecover)
    }

    // 第二条(二): "不足三分之一", "不足25%" are strict; suspension must be ≥ 1 full year.
    @Test func stalledNeedsStrictlyLowDevelopmentOrInvestmentAndAFullYearSuspended() {
        #expect(classify(Self.started(suspended: "2025-06-30", developed: 0.5, invested: 0.2499)).status == .idleStalled)
        #expect(classify(Self.started(suspended: "2025-06-30", developed: 0.3, invested: 0.9)).status == .idleStalled)
        #expect(classify(Self.started(suspended: "2025-06-30", developed: 0.5, invested: 0.25)).status == .started)
        #expect(classify(Self.started(suspended: "2025-06-30", developed: 1.0 / 3, invested: 0.9)).status == .started)
        #expect(classify(Self.started(suspended: "2025-07-01", developed: 0.1, invested: 0.1)).status == .started)
        #expect(classify(Self.started(suspended: nil, developed: 0.1, invested: 0.1)).status == .started)
        let stalled = classify(Self.started(suspended: "2024-03-01", developed: 0.1, invested: 0.1))
        #expect(stalled.yearsIdle == 2)
        #expect(stalled.status.article == "第二条（二）")
        #expect(stalled.categories == [.startedUnfinished])
    }

    // Without a suspension date field, the agreed completion date a full year past stands in (said in the reason).
    @Test func theSuspensionProxyIsTheAgreedCompletion() {
        var facts = Self.started(suspended: nil, developed: 0.1, invested: 0.1)
        facts.hasSuspensionField = false
        facts.agreedCompletion = Self.day("2025-06-30")
        let result = classify(facts)
        #expect(result.status == .idleStalled)
        #expect(result.reason.en.contains("agreed completion") && result.reason.zh.contains("自约定竣工日期起算"))
        facts.agreedCompletion = Self.day("2025-07-01")
        #expect(classify(facts).status == .started)
    }

    // The supply-chain working definition: completed with neither output nor tax (no production date field) → 建而未投.
    @Test func completedWithoutOutputIsBuiltNotProducing() {
        var facts = Self.started(suspended: nil, developed: 0.5, invested: 1)
        facts.actualCompletion = Self.day("2024-05-01")
        facts.outputValue = 0
        #expect(classify(facts).categories == [.builtNotProducing])
        facts.tax = 12
        #expect(classify(facts).categories.isEmpty)
        facts.hasProductionField = true
        facts.productionDate = .missing(field: "TCRQ")
        #expect(classify(facts).categories == [.builtNotProducing])
    }

    @Test func datesAreReadInTheFormatsChineseDataUse() {
        let expected = CalendarDate(year: 2023, month: 5, day: 1)!
        for value: FieldValue in [.string("2023-05-01"), .string("2023/5/1"), .string("2023年5月1日"), .string("20230501"), .string("2023.5.1"),
                                  .integer(20_230_501), .integer(45_047), .real(45_047), .string("45047"), .date("2023-05-01"),
                                  .dateTime("2023-05-01T08:30:00"), .string("2023/5/1 0:00:00")] {
            #expect(LandDateParser.parse(value) == .date(expected), "\(value)")
        }
        for text in ["2023-02-30", "abc", "2023-5", "5/1/2023", "12"] {
            #expect(LandDateParser.parse(.string(text)) == .unreadable(text), "\(text)")
        }
        #expect(LandDateParser.parse(.string("  ")) == .empty)
        #expect(LandDateParser.parse(.null) == .empty)
        #expect(CalendarDate(dayNumber: expected.dayNumber) == expected)
        #expect(CalendarDate(year: 2024, month: 2, day: 29)!.adding(years: 1) == CalendarDate(year: 2025, month: 2, day: 28)!)
    }

    // Dates after the as-of date have not happened yet on it.
    @Test func futureDatesHaveNotHappened() {
        var facts = Self.parcel(start: "2020-01-01")
        facts.actualStart = Self.day("2027-01-01")
        #expect(classify(facts).status == .idleRecover)
        facts.supplyDate = Self.day("2026-07-01")
        #expect(classify(facts).status == .notSupplied)
        var completed = Self.started(suspended: nil, developed: 0.5, invested: 1)
        completed.actualCompletion = Self.day("2026-12-31")
        #expect(classify(completed).reason.en.contains("not completed") && classify(completed).reason.zh.contains("未竣工"))
    }

    // A completion date proves the start when the start date is missing: not idle.
    @Test func aCompletionWithoutAStartIsStarted() {
        var facts = Self.parcel(start: "2019-01-01")
        facts.actualCompletion = Self.day("2023-04-09")
        facts.outputValue = 100
        let result = classify(facts)
        #expect(result.status == .started && result.reason.en.contains("the completion proves the start") && result.reason.zh.contains("已竣工即已开工"))
    }

    @Test func absurdNumbersAreUnreadableDates() {
        #expect(LandDateParser.parse(.real(1e19)) == .unreadable("1e+19"))
        #expect(LandDateParser.parse(.string("99999999999999999999")) == .unreadable("99999999999999999999"))
        #expect(LandDateParser.parse(.real(.nan)) == .unreadable("nan"))
    }
}
