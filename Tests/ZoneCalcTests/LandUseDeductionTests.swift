import Foundation
import Testing
@testable import ZoneCalc

/// 三调 net areas: a land-use polygon's 扣除地类 share (KCXS, or KCMJ over its area) counts under its own
/// class (1203 田坎 by default), the rest under the polygon's class. Hand calculations in the comments.
@Suite struct LandUseDeductionTests {
    static let x = 389_000.0, y = 4_185_000.0

    /// Zone: x 0–50, y 0–200. Land use: P1 0101 x 0–100, y 0–100 (1 ha) with KCXS 0.08, KCDLBM 1203 —
    /// half inside: 5 000 m², of which 0101 4 600 and 1203 400; P2 0102 x 0–50, y 100–200 (5 000 m²) with
    /// no KCXS and KCMJ 150 — 150/5 000 = 0.03: 0102 4 850, 1203 150; P3 0601 x 0–50, y 200–300, outside.
    static func layers(in folder: URL, withDeductions: Bool) throws -> (a: String, b: String) {
        let context = GEOSContext()
        let b = folder.appendingPathComponent("zone.gpkg").path
        try TestData.writeLayer(b, crs: "EPSG:4547", features: [("Z", nil, try Geometry.polygon(shell: EvaluationTestZone.rect(0, 0, 50, 200).map {
            XY($0.x - EvaluationTestZone.x0 + x, $0.y - EvaluationTestZone.y0 + y) }, context: context).wkb())])
        let a = folder.appendingPathComponent("dltb.gpkg").path
        let dataset = try VectorDataset.create(a, driver: "GPKG")
        var fields = [FieldDefinition(name: "DLBM", type: .string)]
        if withDeductions {
            fields += [FieldDefinition(name: "KCDLBM", type: .string), FieldDefinition(name: "KCXS", type: .real), FieldDefinition(name: "KCMJ", type: .real)]
        }
        let layer = try dataset.createLayer(name: "dltb", crsWKT: "EPSG:4547", geometry: .polygon, fields: fields)
        let features: [(String, [XY], FieldValue, FieldValue, FieldValue)] = [
            ("0101", TestData.square(x, y, 100), .string("1203"), .real(0.08), .real(800)),
            ("0102", [XY(x, y + 100), XY(x + 50, y + 100), XY(x + 50, y + 200), XY(x, y + 200), XY(x, y + 100)], .string(""), .null, .real(150)),
            ("0601", [XY(x, y + 200), XY(x + 50, y + 200), XY(x + 50, y + 300), XY(x, y + 300), XY(x, y + 200)], .string(""), .real(0), .real(0)),
        ]
        for (code, ring, kcdlbm, kcxs, kcmj) in features {
            try layer.addFeature(withDeductions ? [.string(code), kcdlbm, kcxs, kcmj] : [.string(code)],
                                 wkb: try Geometry.polygon(shell: ring, context: context).wkb())
        }
        try dataset.close()
        return (a, b)
    }

    func overlay(withDeductions: Bool) throws -> OverlayReport {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (a, b) = try Self.layers(in: folder, withDeductions: withDeductions)
        let reader = try LayerReaders.open(SourceSpec(path: a))
        var options = OverlayOptions()
        options.methods = [.planar]
        options.byField = "DLBM"
        options.deduction = LandUseDeductionFields.detect(in: reader.fields)
        return try OverlayJob.run(a: reader, b: try LayerReaders.open(SourceSpec(path: b)), options: options)
    }

    @Test func classAreasAreNetOfTheDeduction() throws {
        let report = try overlay(withDeductions: true)
        let classes = Dictionary(uniqueKeysWithValues: report.classes.map { ($0.key, $0.area.planar!) })
        #expect(abs(classes["0101"]! - 4_600) < 1e-6)
        #expect(abs(classes["0102"]! - 4_850) < 1e-6)
        #expect(abs(classes["1203"]! - 550) < 1e-6)
        #expect(classes["0601"] == nil)
        #expect(abs(report.total.planar! - 10_000) < 1e-6)         // the split keeps the total
        #expect(abs(report.cultivated!.planar! - 9_450) < 1e-6)    // 田坎 is not 耕地
        #expect(report.classAreaBasis?.en.contains("KCXS") == true)
        #expect(report.classAreaBasis?.zh == "分类面积为图斑地类面积，扣除地类已按 KCXS（扣除系数）扣除，扣除地类编码取自 KCDLBM；扣除部分列在其地类下")
    }

    @Test func withoutTheFieldsTheFiguresAreGrossAndSaySo() throws {
        let report = try overlay(withDeductions: false)
        let classes = Dictionary(uniqueKeysWithValues: report.classes.map { ($0.key, $0.area.planar!) })
        #expect(abs(classes["0101"]! - 5_000) < 1e-6 && classes["1203"] == nil)
        #expect(report.classAreaBasis?.en.contains("gross") == true)
        #expect(report.classAreaBasis?.zh.hasPrefix("分类面积为毛面积") == true)
    }

    @Test func fieldsAreFoundByTheirSurveyNamesOrTheProjectMapping() {
        let sandiao = [FieldDefinition(name: "KCXS", type: .real), FieldDefinition(name: "KCDLBM", type: .string)]
        #expect(LandUseDeductionFields.detect(in: sandiao) == LandUseDeductionFields(ratio: "KCXS", area: nil, code: "KCDLBM"))
        #expect(LandUseDeductionFields.detect(in: [FieldDefinition(name: "TKXS", type: .real)])?.ratio == "TKXS")
        #expect(LandUseDeductionFields.detect(in: [FieldDefinition(name: "DLBM", type: .string)]) == nil)
        #expect(LandUseDeductionFields.detect(in: [], mapped: { $0 == "deduction_ratio" ? "田坎系数" : nil })?.ratio == "田坎系数")
        // A ratio outside 0…1 deducts nothing.
        #expect(LandUseDeductionFields.deduction(ratio: .real(8), area: nil, code: nil, polygonArea: 100) == nil)
    }

    /// The sample expansion: its 耕地 (0101–0103) is the net 图斑地类面积. Independent reference, shapely 2.2.0
    /// on zone.gpkg (planar): `added = kqfw.union_all() − kfqfw.make_valid().union_all()`;
    /// Σ over 0101–0103 图斑 of area(图斑 ∩ added) × (1 − KCXS) = 561 491.280469 m² (gross 617 925.441991;
    /// deducted 56 434.161522 m² under 1203).
    @Test func theSampleExpansionsCultivatedLandIsNet() throws {
        let project = try ZoneProjectLoader.load(TestData.sample("zone.yaml"))
        var options = ProposalOptions()
        options.layer = .expansion
        let report = try ProposalJob.run(frame: try AnalysisFrame(project: project), options: options)
        let cultivated = report.landUse.filter { ["0101", "0102", "0103"].contains($0.code) }.reduce(0) { $0 + $1.area.planar! }
        #expect(abs(cultivated - 561_491.280469) < 0.01, "\(cultivated)")
        let rule = try #require(report.rules.first { $0.id == "R5" })
        #expect(rule.reason.zh.contains("扣除"))
    }
}
