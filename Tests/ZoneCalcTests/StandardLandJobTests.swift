import Foundation
import Testing
@testable import ZoneCalc

/// The standard-land check on the hand-made zone of EvaluationTestZone (figures in its comment).
@Suite struct StandardLandJobTests {
    static let project = EvaluationTestZone.project
        .replacingOccurrences(of: "idle: XZ, high_tech: GX }", with: "standard_land: BZD, agreed_floor_area_ratio: RJLXX, actual_completion: SJJGRQ }")

    @Test func coverageAndFloorAreaRatioFromTheBuildingPolygons() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try StandardLandJob.run(frame: try AnalysisFrame(project: try ZoneProjectLoader.load(try EvaluationTestZone.write(in: folder, projectText: Self.project))))
        func check(_ parcel: String, _ indicator: String) throws -> IndicatorCheck {
            let found = try #require(report.parcels.first { $0.id == parcel }, "\(parcel)")
            return try #require(found.checks.first { $0.indicator.id == indicator }, "\(parcel) \(indicator)")
        }
        let p1Coverage = try check("P1", "building_coverage")
        #expect(abs(p1Coverage.achieved! - 7.5) < 1e-9)
        #expect(p1Coverage.agreed == 30 && p1Coverage.outcome == .fail && p1Coverage.due)
        #expect(abs(p1Coverage.gap! + 22.5) < 1e-9)
        let p1Ratio = try check("P1", "floor_area_ratio")
        #expect(abs(p1Ratio.achieved! - 0.25) < 1e-12)
        #expect(p1Ratio.agreed == 0.2 && p1Ratio.outcome == .pass)
        #expect(p1Ratio.agreedSource.en == "agreed (RJLXX)" && p1Ratio.agreedSource.zh == "约定值（RJLXX）")
        let p2Ratio = try check("P2", "floor_area_ratio")
        #expect(abs(p2Ratio.achieved! - 0.05) < 1e-12)
        #expect(p2Ratio.outcome == .fail && !p2Ratio.due)
        #expect(abs(try check("P2", "building_coverage").achieved! - 2.5) < 1e-9)
        #expect(abs(try check("P4", "building_coverage").achieved! - 2000.0 / 60_000 * 100) < 1e-9)
        #expect(try check("P5", "building_coverage").achieved == 0)
        // P3 is residential, not standard land: not checked. Green and office shares have no data.
        #expect(report.parcels.first { $0.id == "P3" } == nil)
        #expect(try check("P1", "green_ratio").outcome == .notMeasurable)
        #expect(report.parcels.allSatisfy { !$0.producingBelowTarget })
    }

    /// 投而未达 (the supply-chain working definition): the test maps SJTZ as an agreed 亩均税收 to have one. P1 pays 1000 万元 on
    /// 20 ha = 300 亩 → 3.3333 万元/亩 < 30000: producing and below → flagged; P4 has no tax or output
    /// (not producing) → not flagged although below.
    @Test func producingBelowAnAgreedTargetIsFlaggedAndReachesTheIdleCheck() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = Self.project.replacingOccurrences(of: "actual_completion: SJJGRQ }", with: "actual_completion: SJJGRQ, agreed_tax_per_mu: SJTZ }")
        let project = try ZoneProjectLoader.load(try EvaluationTestZone.write(in: folder, projectText: text))
        let report = try StandardLandJob.run(frame: try AnalysisFrame(project: project))
        let p1 = try #require(report.parcels.first { $0.id == "P1" })
        let tax = try #require(p1.checks.first { $0.indicator.id == "tax_per_mu" })
        #expect(abs(tax.achieved! - 1000.0 / 300) < 1e-9)
        #expect(tax.outcome == .fail && tax.due)
        #expect(p1.producingBelowTarget)
        #expect(report.parcels.first { $0.id == "P4" }?.producingBelowTarget == false)
        let idle = try IdleLandJob.run(frame: try AnalysisFrame(project: project))
        #expect(Set(idle.parcels(.producingBelowTarget).map(\.id)) == ["P1", "P2"])
    }
}
