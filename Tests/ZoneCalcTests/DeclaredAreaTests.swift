import Foundation
import Testing
@testable import ZoneCalc

/// Declared areas are compared with the planar area at their own precision: within half a unit of the
/// last decimal written, plus the tolerance. Hand calculations in the comments.
@Suite struct DeclaredAreaTests {
    @Test func decimalsComeFromTheTextAsWritten() {
        #expect(DeclaredArea(.string(" 0.0430 "), fieldPrecision: 0) == DeclaredArea(value: 0.043, decimals: 4))
        #expect(DeclaredArea(.string("12"), fieldPrecision: 0) == DeclaredArea(value: 12, decimals: 0))
        #expect(DeclaredArea(.string("1e-3"), fieldPrecision: 0) == DeclaredArea(value: 0.001, decimals: nil))
        #expect(DeclaredArea(.real(0.0433), fieldPrecision: 0) == DeclaredArea(value: 0.0433, decimals: nil))  // GPKG REAL: unknown
        #expect(DeclaredArea(.real(4.75), fieldPrecision: 4) == DeclaredArea(value: 4.75, decimals: 4))  // DBF N(12,4)
        #expect(DeclaredArea(.integer(3), fieldPrecision: 0) == DeclaredArea(value: 3, decimals: 0))
        #expect(DeclaredArea(.string("约3亩"), fieldPrecision: 0) == nil)
        #expect(DeclaredArea(.null, fieldPrecision: 0) == nil)
    }

    /// 0.0433 公顷 covers 432.5–433.5 m²: 432.53 m² agrees even with no tolerance; 0.0432 (431.5–432.5) does not.
    /// "0.0430" (4 decimals: 429.5–430.5 m²) disagrees with 430.6 m², "0.043" (425–435 m²) agrees.
    @Test func halfAUnitOfTheLastDecimalPlusTheTolerance() {
        #expect(!DeclaredArea(value: 0.0433, decimals: 4).differs(from: 432.53, unit: .hectare, tolerance: 0))
        #expect(DeclaredArea(value: 0.0432, decimals: 4).differs(from: 432.53, unit: .hectare, tolerance: 0))
        #expect(DeclaredArea(value: 0.043, decimals: 4).differs(from: 430.6, unit: .hectare, tolerance: 0))
        #expect(!DeclaredArea(value: 0.043, decimals: 3).differs(from: 430.6, unit: .hectare, tolerance: 0))
        // 0.1 % of 432.53 m² = 0.43 m²: 0.0432 公顷 (432.0 ± 0.5) is within 0.5 + 0.43 of 432.53.
        #expect(!DeclaredArea(value: 0.0432, decimals: 4).differs(from: 432.53, unit: .hectare, tolerance: 0.001))
        // Unknown decimals: the tolerance alone (432.53 vs 433.0: 0.47 m² > 0.43 m²).
        #expect(DeclaredArea(value: 0.0433, decimals: nil).differs(from: 432.53, unit: .hectare, tolerance: 0.001))
    }

    /// A boundary-point txt whose 地块面积 is 0.0433 公顷 for a 432.54 m² parcel is not flagged; "0.0432"
    /// and "0.04330" are. The comparison uses the planar area even when only the ellipsoidal one is asked for.
    @Test(arguments: [("0.0433", 0.0, false), ("0.0432", 0.0, true), ("0.04330", 0.0, true)])
    func boundaryPointTxtAreaAtItsOwnPrecision(written: String, tolerance: Double, flagged: Bool) throws {
        // 21.53 m × 20.09 m = 432.5377 m² (hand multiplication): within 0.0433 ± 0.00005 公顷, outside
        // 0.0432 ± 0.00005 and outside 0.04330 ± 0.000005 公顷 (433.0 ± 0.05 m²).
        let text = BoundaryTxtSamples.preamble + "\n" + """
            4,\(written),D1,测试地块,面,,,,@
            J1,1,3353400.000,40520800.000
            J2,1,3353400.000,40520821.530
            J3,1,3353379.910,40520821.530
            J4,1,3353379.910,40520800.000
            J1,1,3353400.000,40520800.000
            """ + "\n"
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("d.txt").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        var options = AreaOptions()
        options.methods = [.ellipsoidal]
        options.declaredTolerance = tolerance
        let report = try AreaJob.run(try LayerReaders.open(SourceSpec(path: path)), options: options)
        let feature = try #require(report.features.first)
        #expect(abs(try #require(feature.area.planar) - 432.5377) < 1e-6)
        #expect(report.declared?.method == .planar)
        #expect((report.declared?.mismatches.isEmpty == false) == flagged)
    }

    /// An unreadable 地块面积 is reported, in Chinese and English, with its line.
    @Test func unreadableDeclaredAreaIsReportedWithItsLine() throws {
        let text = BoundaryTxtSamples.preamble + "\n" + "4,约0.04,D1,测试地块,面,,,,@\n" + BoundaryTxtSamples.squarePoints + "\n"
        let result = try BoundaryTxtSamples.read(text)
        let warning = try #require(result.warnings.first { $0.code == .headerNotNumber })
        #expect(warning.line == 6)
        #expect(warning.text(.zh).hasPrefix("第 6 行：BPT-W-HEADER-NOT-NUMBER ") && warning.message.zh.contains("不是数字"))
        #expect(warning.text(.en).hasPrefix("line 6: BPT-W-HEADER-NOT-NUMBER ") && warning.message.en.contains("is not a number"))
        #expect(result.document.parcels[0].declaredAreaHectares == nil)
    }
}
