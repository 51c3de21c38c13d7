import Foundation
import Testing
@testable import ZoneCalc

/// The idle-land check on the sample zone against the generator's ground truth (GeoData/demo/manifest.json,
/// the planted life-cycle states), as of the sample's date 2026-06-30.
@Suite struct IdleLandJobTests {
    struct Manifest: Decodable { var planted: [String: [String]] }

    @Test func theSampleZoneMatchesThePlantedCases() throws {
        let manifest = try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: URL(fileURLWithPath: TestData.sample("manifest.json"))))
        let report = try IdleLandJob.run(frame: try AnalysisFrame(project: try ZoneProjectLoader.load(TestData.sample("zone.yaml"))))
        func ids(_ status: IdleStatus) -> Set<String> { Set(report.parcels(status).map(\.id)) }
        #expect(ids(.idleFee) == Set(manifest.planted["not_started_overdue_1_to_2_years"]!))
        #expect(ids(.idleRecover) == Set(manifest.planted["not_started_overdue_2_years_or_more"]!))
        #expect(ids(.idleStalled) == Set(manifest.planted["started_stalled"]!))
        #expect(ids(.withinGrace).union(ids(.notYetDue)) == Set(manifest.planted["not_started_within_grace_or_not_yet_due"]!))
        #expect(ids(.dataMissing).isEmpty)
        // Two of the planted completed-but-not-producing parcels are residential (0701): the data have no
        // production date, and residential land has neither output nor tax, so nothing tells them apart
        // from the other completed homes; the check looks at commerce and industry (idle-land.yaml).
        let residential: Set = ["320401001011GB00028", "320401001011GB00035"]
        let builtNotProducing = Set(report.parcels(.builtNotProducing).map(\.id))
        #expect(builtNotProducing == Set(manifest.planted["completed_not_in_production"]!).subtracting(residential))
        // Fee: 20 % of the land price of every idle_fee and idle_recover parcel (第十四条).
        for item in report.parcels(.idleFee) + report.parcels(.idleRecover) { #expect(item.classification.fee != nil) }
        #expect(report.unsupplied == nil && report.unsuppliedReason != nil)
    }

    /// 批而未供: an approvals layer less the supplied parcels, by hand. The test zone's parcels P1–P4 are
    /// supplied (P5 has no supply date); an approval over x 0–1000, y 0–1000 less P1 (20 ha), P2 (20 ha),
    /// P3 (10 ha) and P4's part inside (5 ha; P4 reaches 100 m below) leaves 100 − 55 = 45 ha.
    @Test func approvedButUnsuppliedIsTheApprovalLessTheSuppliedParcels() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = EvaluationTestZone.project
            + "\n  approvals:\n    file: zone.gpkg\n    layer: kfqfw\n"
        let path = try EvaluationTestZone.write(in: folder, projectText: text)
        let report = try IdleLandJob.run(frame: try AnalysisFrame(project: try ZoneProjectLoader.load(path)))
        let unsupplied = try #require(report.unsupplied)
        // The approval is the zone layer (99 ha: the square less its 1 ha hole, which no parcel covers).
        #expect(abs(unsupplied.approvedArea - 990_000) < 1e-6)
        #expect(abs(unsupplied.area - 440_000) < 1e-6)
        #expect(report.parcels.first { $0.id == "P5" }?.classification.status == .notSupplied)
    }
}
