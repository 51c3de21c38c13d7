import Foundation
import Testing
@testable import ZoneCalc

@Suite struct PerMuTests {
    static func enterprise(_ id: String, land: Double, scale: String?, _ fill: (inout PerMuFigures) -> Void) -> PerMuEnterprise {
        var figures = PerMuFigures()
        figures.land = land
        fill(&figures)
        return PerMuEnterprise(id: id, name: id, scale: scale, parcels: [], figures: figures, contributions: [figures], scheme: nil, parts: [])
    }

    static func part(land mu: Double, _ fill: (inout PerMuFigures) -> Void) -> PerMuFigures {
        var figures = PerMuFigures()
        figures.land = mu * 2000 / 3
        fill(&figures)
        return figures
    }

    /// Each ratio divides sums over the same parts. By hand: A (2 亩, value added 100, emissions 10,
    /// investment 500) and B (3 亩, value added 50, no emissions, no investment): 单位排放增加值 = 100/10 = 10
    /// (not 150/10 = 15), B left out; 亩均固定资产投资 = 500/2 = 250 万元/亩 (not 500/5 = 100); 亩均增加值
    /// = 150/5 = 30 over both.
    @Test func zoneRatiosUseTheSameEnterprisesAboveAndBelow() {
        let a = Self.part(land: 2) { $0.valueAdded = 100; $0.emissions = 10; $0.investment = 500 }
        let b = Self.part(land: 3) { $0.valueAdded = 50 }
        let emissions = PerMuIndicator.emissionValueAdded.ratio(over: [[a], [b]])
        #expect(emissions.value == 10 && emissions.used == 1 && emissions.leftOut == 1)
        #expect(emissions.leftOutNote?.en == "1 left out: no 增加值 and 排放 (value added and emissions)" && emissions.leftOutNote?.zh == "1个未计入：无增加值和排放")
        let investment = PerMuIndicator.investmentPerMu.ratio(over: [[a], [b]])
        #expect(abs(investment.value! - 250) < 1e-9 && investment.leftOut == 1)
        let valueAdded = PerMuIndicator.valueAddedPerMu.ratio(over: [[a], [b]])
        #expect(abs(valueAdded.value! - 30) < 1e-9 && valueAdded.leftOut == 0)
        // An enterprise with both parcels: the same parts, counted as one used enterprise.
        let both = PerMuIndicator.emissionValueAdded.ratio(over: [[a, b]])
        #expect(both.value == 10 && both.used == 1 && both.leftOut == 0)
    }

    /// Per unit of land, an enterprise's figure is over all its land: 100 万元 of tax on a 10 亩 parcel and
    /// none reported on its 90 亩 parcel is 1 万元/亩, not 10 (a blank cannot shrink the land).
    @Test func perLandRatiosUseAllTheEnterprisesLand() {
        var enterprise = Self.enterprise("E", land: 0, scale: "规上") { _ in }
        enterprise.contributions = [Self.part(land: 10) { $0.tax = 100 }, Self.part(land: 90) { _ in }]
        let ratio = enterprise.ratio(.taxPerMu)
        #expect(abs(ratio.value! - 1) < 1e-12 && ratio.used == 1 && ratio.leftOut == 0)
    }

    /// An enterprise on two parcels that reports emissions on one: its 单位排放增加值 is that parcel's.
    @Test func enterpriseRatiosUseTheSameParcelsAboveAndBelow() {
        var enterprise = Self.enterprise("E", land: 0, scale: "规上") { _ in }
        enterprise.contributions = [Self.part(land: 2) { $0.valueAdded = 100; $0.emissions = 10 },
                                    Self.part(land: 3) { $0.valueAdded = 80 }]
        let ratio = enterprise.ratio(.emissionValueAdded)
        #expect(ratio.value == 10 && ratio.used == 1 && ratio.leftOut == 1)
        #expect(abs(enterprise.ratio(.valueAddedPerMu).value! - 36) < 1e-9)  // 180 / 5
    }

    /// The weighted-benchmark score with the shipped 黄岩 2022 profile, by hand:
    /// E1 (规上, 30 亩 = 20000 m²): tax 900 → 30 万元/亩, value added 3000 → 100 万元/亩, energy 1000 → 3,
    ///   no emission data, employees 150 → 20, R&D 60 of revenue 2000 → 3 %:
    ///   30×30/24.097 + 20×100/136.16 + 20×3/2.694 + [average] + 10×20/18.14 + 10×3/3.02
    ///   = 37.349048 + 14.688602 + 22.271715 + 12.170854 + 11.025358 + 9.933775 = 107.439352 → A (≥ 100).
    /// E2 (规上, 15 亩): tax 150 → 10, va 1500 → 100, energy 750 → 2, emissions 0.25 → 6000 (10×6000/4929.81
    ///   = 12.170854, also E1's average), employees 100 → 15, R&D 20 of 1000 → 2 %:
    ///   12.449683 + 14.688602 + 14.847810 + 12.170854 + 8.269019 + 6.622517 = 69.048484 → C (40–70).
    /// E3 (规下, 6 亩): tax 60 → 10 万元/亩, electricity 200 → 0.3: 50×10/11.5932 + 50×0.3/0.2352 = 106.904241 → A.
    /// E4 (规上, 2 亩): below the 3 亩 minimum, not scored. E5: nothing produced, not scored. E6: a scale
    /// value no scheme matches, not scored (never silently the first scheme).
    @Test func scoresAndClassesByHand() throws {
        let profile = try PerMuProfile.load(RuleFiles())
        let mu = 2000.0 / 3
        let enterprises = [
            Self.enterprise("E1", land: 30 * mu, scale: "规上") { f in
                f.tax = 900; f.valueAdded = 3000; f.energy = 1000; f.employees = 150; f.rd = 60; f.revenue = 2000
            },
            Self.enterprise("E2", land: 15 * mu, scale: "规上") { f in
                f.tax = 150; f.valueAdded = 1500; f.energy = 750; f.emissions = 0.25; f.employees = 100; f.rd = 20; f.revenue = 1000
            },
            Self.enterprise("E3", land: 6 * mu, scale: "规下") { f in f.tax = 60; f.electricity = 200 },
            Self.enterprise("E4", land: 2 * mu, scale: "规上") { f in f.tax = 100 },
            Self.enterprise("E5", land: 10 * mu, scale: nil) { f in f.tax = 0 },
            Self.enterprise("E6", land: 10 * mu, scale: "规下企业") { f in f.tax = 100 },
        ]
        let ranked = PerMuScoring.score(enterprises, profile: profile)
        let byId = Dictionary(uniqueKeysWithValues: ranked.map { ($0.id, $0) })
        #expect(abs(byId["E1"]!.score! - 107.439352) < 1e-6)
        #expect(abs(byId["E2"]!.score! - 69.048484) < 1e-6)
        #expect(abs(byId["E3"]!.score! - 106.904241) < 1e-6)
        #expect(byId["E1"]!.classLabel == "A" && byId["E2"]!.classLabel == "C" && byId["E3"]!.classLabel == "A")
        #expect(byId["E3"]!.scheme == "below_scale")
        #expect(byId["E1"]!.parts.first { $0.indicator == .emissionValueAdded }!.basis == .schemeAverage)
        #expect(byId["E4"]!.score == nil && byId["E4"]!.notScored!.en.contains("minimum") && byId["E4"]!.notScored!.zh.contains("下限"))
        #expect(byId["E5"]!.score == nil)
        #expect(byId["E6"]!.score == nil && byId["E6"]!.notScored!.en.contains("matches no scheme"))
        #expect(ranked.map(\.id) == ["E1", "E3", "E2", "E4", "E5", "E6"])
        #expect(ranked.prefix(3).map(\.rank) == [1, 2, 3])
    }

    /// A parcel used by several enterprises: by the share field (scaled when over 1), else floor area, else equal parts.
    @Test func enterpriseSharesOfAParcel() {
        func row(_ share: Double?, floor: Double?) -> EnterpriseRow {
            EnterpriseRow(id: "x", name: nil, scale: nil, share: share, floorArea: floor, figures: PerMuFigures())
        }
        #expect(EnterpriseTable.shares([row(0.6, floor: nil), row(0.4, floor: nil)]).0 == [0.6, 0.4])
        let over = EnterpriseTable.shares([row(0.8, floor: nil), row(0.4, floor: nil)])
        #expect(abs(over.0[0] - 2.0 / 3) < 1e-12 && over.1.en.contains("scaled"))
        let byFloor = EnterpriseTable.shares([row(0.6, floor: 100), row(nil, floor: 300)])
        #expect(byFloor.0 == [0.25, 0.75] && byFloor.1.en == "floor area")
        let third = 1.0 / 3
        let equal = EnterpriseTable.shares([row(nil, floor: nil), row(nil, floor: 300), row(0.2, floor: nil)])
        #expect(equal.0 == [third, third, third] && equal.1 == Bilingual("均分", "equal parts"))
    }

    /// The sample zone: the two parcels of qyxx.csv are shared by their rows' shares; the enterprise on
    /// 320401001008GB00022 with 60 % holds 60 % of the parcel's area; the zone's figures are the scored
    /// enterprises' sums.
    @Test func theSampleZonesSharedParcelsAndZoneTotals() throws {
        let report = try PerMuJob.run(frame: try AnalysisFrame(project: try ZoneProjectLoader.load(TestData.sample("zone.yaml"))))
        let shared = report.parcels.filter { $0.users.count > 1 }
        #expect(shared.map(\.id) == ["320401001008GB00022", "320401001014GB00006"])
        let parcel = shared[0]
        #expect(parcel.users.map(\.share) == [0.6, 0.25, 0.15])
        let main = try #require(report.enterprises.first { $0.id == "91320412MA1LLWUB0P" })
        let mainOnParcel = main.parcels.count == 1 ? main.figures.land : nil
        #expect(abs(try #require(mainOnParcel) - parcel.figures.land * 0.6) < 1e-6)
        var zone = PerMuFigures()
        for enterprise in report.enterprises where enterprise.score != nil { zone.add(enterprise.figures) }
        #expect(zone == report.zone)
        #expect(report.enterprises.filter { $0.score != nil }.count == report.evaluatedCount)
        // Every zone ratio accounts for every evaluated enterprise, used or left out.
        #expect(report.zoneRatios.allSatisfy { $0.used + $0.leftOut == report.evaluatedCount })
    }
}
