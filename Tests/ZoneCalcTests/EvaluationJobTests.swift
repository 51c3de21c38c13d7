import Foundation
import Testing
@testable import ZoneCalc

@Suite struct EvaluationJobTests {
    func evaluate(_ projectText: String = EvaluationTestZone.project, rules: [String: String] = [:],
                  extraLayers: [EvaluationTestZone.Layer] = []) throws -> EvaluationReport {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var text = projectText
        if !rules.isEmpty {
            let rulesFolder = folder.appendingPathComponent("rules")
            try FileManager.default.createDirectory(at: rulesFolder, withIntermediateDirectories: true)
            for (name, content) in rules { try Data(content.utf8).write(to: rulesFolder.appendingPathComponent(name)) }
            text = text.replacingOccurrences(of: "area_method: planar\n", with: "area_method: planar\nrules: rules\n")
        }
        let path = try EvaluationTestZone.write(in: folder, projectText: text, extraLayers: extraLayers)
        return try EvaluationJob.run(frame: try AnalysisFrame(project: try ZoneProjectLoader.load(path), workers: 2))
    }

    func value(_ report: EvaluationReport, _ id: String) -> Double? { report.indicators.first { $0.definition.id == id }?.value }
    func quantity(_ report: EvaluationReport, _ symbol: String) -> Double? { report.quantities.first { $0.symbol == symbol }?.value }

    /// Every figure against the hand calculation in EvaluationTestZone's comment.
    @Test func everyIndicatorOfTheHandMadeZone() throws {
        let report = try evaluate()
        #expect(abs(report.zoneArea - 990_000) < 1e-6)
        let areas = Dictionary(uniqueKeysWithValues: report.landStatus.map { ($0.code, $0.area / 10_000) })
        let expected: [String: Double] = ["A1": 10, "A2": 40, "A31": 20, "B21": 5, "B22": 7, "C1": 14, "C2": 3]
        #expect(Set(areas.keys) == Set(expected.keys))
        for (code, hectares) in expected { #expect(abs(areas[code]! - hectares) < 1e-9, "\(code)") }
        for (symbol, squareMetres) in [("A", 700_000.0), ("A+B", 820_000), ("A+B21", 750_000), ("D", 550_000), ("G", 200_000), ("H", 200_000),
                                       ("P_A", 25_000), ("P_A2", 20_000), ("F_A", 80_000), ("F_A2", 60_000)] {
            #expect(abs(quantity(report, symbol)! - squareMetres) < 1e-6, "\(symbol)")
        }
        let indicators: [(String, Double)] = [
            ("land_development_rate", 75.0 / 82 * 100), ("land_supply_rate", 55.0 / 75 * 100), ("land_built_rate", 70.0 / 55 * 100),
            ("industrial_land_rate", 40.0 / 70 * 100), ("high_tech_land_rate", 20.0 / 70 * 100), ("floor_area_ratio", 80_000.0 / 700_000),
            ("building_density", 25_000.0 / 700_000 * 100), ("industrial_floor_area_ratio", 0.15), ("industrial_building_coverage", 5),
            ("industrial_investment_intensity", (30_000 + 10_000 + 2000 * 5.0 / 6) / 40), ("industrial_tax_per_area", 30),
            ("tax_per_area", 1500.0 / 70), ("population_density", 200), ("industrial_output_intensity", 1450),
            ("high_tech_output_intensity", 2000), ("idle_land_rate", 20.0 / 55 * 100),
        ]
        #expect(indicators.count == IndicatorCatalogue.all.count)
        for (id, expected) in indicators {
            let computed = try #require(value(report, id), "\(id)")
            #expect(abs(computed - expected) < 1e-9 * max(1, expected), "\(id): \(computed) vs \(expected)")
        }
        #expect(report.zoneType.type == .industrial)
        #expect(report.warnings.isEmpty)
    }

    func source(_ report: EvaluationReport, _ symbol: String) -> Bilingual { report.quantities.first { $0.symbol == symbol }!.source }

    /// Where the figures of the hand-made zone came from and how its type was decided, in both languages
    /// (counts from EvaluationTestZone's comment: P1–P4 of P5 have a supply date, P2 is idle, P1 high-tech,
    /// four buildings reach into the zone, P5 has no SJTZ; A2/A = 40/70 = 57.14 %, A1/A = 10/70 = 14.29 %).
    @Test func sourcesAndReasonsOfTheHandMadeZoneInBothLanguages() throws {
        let report = try evaluate()
        let expected: [(String, String, String)] = [
            ("D", "zd ∩ 开发区：5 宗中 4 宗有供地日期（GYRQ）且不晚于 2026-06-30；重叠部分只计一次",
             "zd ∩ zone: 4 of 5 parcels with a supply date (GYRQ) on or before 2026-06-30; overlaps counted once"),
            ("G", "zd ∩ 开发区：XZ 标记的 1 宗", "zd ∩ zone: 1 parcels flagged in XZ"),
            ("H", "zd ∩ 开发区：GX 标记的 1 宗", "zd ∩ zone: 1 parcels flagged in GX"),
            ("P_A", "jzw：开发区内 4 栋建筑物的基底与 A（A2）相交", "jzw: footprints of 4 buildings inside the zone, intersected with A (A2)"),
            ("F_A", "jzw：JZMJ，无值时用 CS × 基底面积，按 A（A2）上的基底面积分摊", "jzw: JZMJ, then CS × footprint, shared by footprint on A (A2)"),
            ("I_ind", "zd：开发区内工业（A2）宗地的 SJTZ 之和（3 宗，各按其在开发区内的面积比例）；1 宗没有值，按 0 计",
             "zd: sum of SJTZ over 3 industrial (A2-coded) parcels by their share inside the zone; 1 without a value count 0"),
            ("A+B21", "dltb ∩ 开发区，用地状况代码按 Rules/evaluation-land-status.csv 对照；已供应宗地内的 B22 计为 B21",
             "dltb ∩ zone, codes by Rules/evaluation-land-status.csv; B22 inside supplied parcels counted as B21"),
            ("POP", "项目文件 statistics.population", "project file, statistics.population"),
        ]
        for (symbol, zh, en) in expected {
            let text = source(report, symbol)
            #expect(text.zh.hasSuffix(zh) && text.en.hasSuffix(en), "\(symbol): \(text)")
        }
        let from = Dictionary(uniqueKeysWithValues: report.landStatus.map { ($0.code, $0.from) })
        #expect(from["B21"] == Bilingual("B22 ∩ 已供应宗地", "B22 ∩ supplied parcels"))
        #expect(from["A2"] == Bilingual(verbatim: "0601"))
        #expect(report.zoneType.reason == Bilingual("A2/A = 57.14 % > 30 %，且 A1/A = 14.29 % < 25 %（TD/T 1029-2010（2014年度试行）开发区类型（部分核实））",
                                                    "A2/A = 57.14 % > 30 % and A1/A = 14.29 % < 25 % (TD/T 1029-2010（2014年度试行）开发区类型（部分核实）)"))
        let formula = report.indicators.first { $0.definition.id == "floor_area_ratio" }!.definition.formula
        #expect(formula == Bilingual("A 上建筑面积 / A", "floor area on A / A"))
    }

    /// Land use that leaves a code without a status, overlaps itself and so does not cover the zone: the
    /// warnings in both languages, and the Chinese report shows them in Chinese.
    /// dltb2: 0601 x 0–600 (60 ha), 0701 x 500–900 (40 ha less the 1 ha hole, less the 10 ha it shares with
    /// the first → 29 ha), 9999 x 900–1000 (10 ha, no status): covered 60 + 29 = 89 of 99 ha.
    @Test func warningsInBothLanguages() throws {
        let landUse = EvaluationTestZone.Layer(name: "dltb2", fields: [FieldDefinition(name: "DLBM", type: .string)], features: [
            ([.string("0601")], EvaluationTestZone.rect(0, 0, 600, 1000), []), ([.string("0701")], EvaluationTestZone.rect(500, 0, 900, 1000), []),
            ([.string("9999")], EvaluationTestZone.rect(900, 0, 1000, 1000), []),
        ])
        let text = EvaluationTestZone.project.replacingOccurrences(of: "layer: dltb\n", with: "layer: dltb2\n")
        let report = try evaluate(text, extraLayers: [landUse])
        func after(_ warning: String) -> String { warning.components(separatedBy: "dltb2").last! }
        #expect(report.warnings.map { after($0.zh) } == [
            "：地类编码 9999 没有对应的评价用地状况（Rules/evaluation-land-status.csv）；10.0000 公顷未计入 A、B、C",
            "：有 1 对地类图斑相互重叠；重叠部分只计一次，计入图层中排在前面的图斑的地类",
            " 覆盖开发区 99.0000 公顷中的 89.0000 公顷；其余部分没有评价用地状况",
        ])
        #expect(report.warnings.map { after($0.en) } == [
            ": land-use code 9999 has no evaluation land status (Rules/evaluation-land-status.csv); 10.0000 ha left out of A, B and C",
            ": 1 pairs of land-use polygons overlap; each overlap is counted once, in the class of the polygon first in the layer",
            " covers 89.0000 ha of the zone's 99.0000 ha; the rest has no land status",
        ])
        let chinese = EvaluationReportText(language: .zh).render(report)
        #expect(chinese.contains("\n警告\n") && chinese.contains("：有 1 对地类图斑相互重叠；"))
        #expect(!chinese.contains("pairs of land-use polygons") && !chinese.contains("left out of A"))
        let english = EvaluationReportText(language: .en).render(report)
        #expect(english.contains("\nWarnings\n") && english.contains(": 1 pairs of land-use polygons overlap;") && !english.contains("相互重叠"))
    }

    /// A red line in Xi'an 1980 brought in with the project's seven parameters: the frame's notes, listed
    /// with the warnings, say so in both languages — the boundary taken into the red line's CRS for the
    /// clip, the red line's pieces taken back into the frame's.
    @Test func datumChangesAreStatedInBothLanguages() throws {
        let text = EvaluationTestZone.project
            .replacingOccurrences(of: "area_method: planar\n", with: "area_method: planar\ndatum_transformation: \"0,0,0,0,0,0,0\"\n")
            .replacingOccurrences(of: "layer: stbhhx", with: "layer: stbhhx\n    crs: EPSG:2364")
        let report = try evaluate(text)
        let zeros = "+towgs84=0.0,0.0,0.0,0.0,0.0,0.0,0.0"
        for (layer, change) in [("kfqfw", "CGCS2000 → Xian 1980"), ("stbhhx", "Xian 1980 → CGCS2000")] {
            #expect(report.warnings.contains { $0.zh.hasSuffix("zone.gpkg:\(layer)：\(change)，已按给定七参数（\(zeros)）进行坐标基准转换") }, "\(report.warnings)")
            #expect(report.warnings.contains { $0.en.hasSuffix("zone.gpkg:\(layer): \(change) with the given seven parameters (\(zeros))") }, "\(report.warnings)")
        }
    }

    @Test func missingInputsAreNamedNeverZero() throws {
        // No buildings layer and no idle, high-tech or investment fields: the floor areas fall back to the
        // parcels layer, which maps no floor_area either; G, H and I_ind have reasons.
        let text = EvaluationTestZone.project
            .replacingOccurrences(of: ", actual_investment: SJTZ", with: "")
            .replacingOccurrences(of: "output_value: CZ,", with: "output_value: CZ")
            .replacingOccurrences(of: "idle: XZ, high_tech: GX }", with: "}")
            .replacingOccurrences(of: "  buildings:\n    file: zone.gpkg\n    layer: jzw\n    fields: { id: JZWBH, floor_area: JZMJ, floors: CS }\n", with: "")
            .replacingOccurrences(of: "  population: 14000\n", with: "")
        let report = try evaluate(text)
        let reasons = Dictionary(uniqueKeysWithValues: report.indicators.map { ($0.definition.id, $0) })
        // Each reason in both languages: the quantity missing, then what to map or give.
        let expected: [String: Bilingual] = [
            "idle_land_rate": Bilingual("G（闲置土地）：请映射宗地的 idle 标志字段（layers.parcels 下的 fields.idle），或设置 as_of 并映射 agreed_start，由闲置土地认定判断",
                                        "G (闲置土地): map the parcels' idle flag field (fields.idle under layers.parcels), or set as_of and map agreed_start so that the idle-land check can decide"),
            "high_tech_land_rate": Bilingual("H（高新技术产业用地 (H1 + H2)）：请映射宗地的 high_tech 标志字段（layers.parcels 下的 fields.high_tech）",
                                             "H (高新技术产业用地 (H1 + H2)): map the parcels' high_tech flag field (fields.high_tech under layers.parcels)"),
            "floor_area_ratio": Bilingual("F_A（建筑面积 (A 上)）：没有建筑物图层，宗地图层也没有映射 floor_area",
                                          "F_A (建筑面积 (A 上)): no buildings layer, and the parcels layer maps no floor_area"),
            "industrial_investment_intensity": Bilingual("I_ind（工业企业累计固定资产投资）：请在项目文件中给出 statistics.industrial_investment，或在宗地图层映射 actual_investment",
                                                         "I_ind (工业企业累计固定资产投资): give statistics.industrial_investment in the project file, or map actual_investment on the parcels layer"),
            "population_density": Bilingual("POP（常住人口）：请在项目文件中给出 statistics.population", "POP (常住人口): give statistics.population in the project file"),
        ]
        for (id, reason) in expected {
            #expect(reasons[id]!.value == nil, "\(id)")
            #expect(reasons[id]!.notComputable == reason, "\(id)")
        }
        #expect(abs(reasons["land_supply_rate"]!.value! - 55.0 / 75 * 100) < 1e-9)
    }

    @Test func theScoreFollowsTheProfilesIdealValuesAndWeights() throws {
        // Hand calculation (weights sum to 1): Σ w × min(value/ideal, 1) × 100, 闲置率 negative with ideal 0:
        // 0.2×91.463415 + 0.1×73.333333 + 0.1×100 + 0.1×100 + 0.1×11.428571 + 0.05×8.928571 + 0.1×15
        // + 0.05×16.666667 + 0.1×20.833333 + 0.05×30 + 0.05×(100 − 36.363636) = 56.313786
        let bundled = try String(contentsOf: try RuleFiles().url("evaluation-profile.yaml"), encoding: .utf8)
        var profile = bundled
        let scores: [(String, String)] = [
            ("land_development_rate", "100, weight: 0.2"), ("land_supply_rate", "100, weight: 0.1"), ("land_built_rate", "100, weight: 0.1"),
            ("industrial_land_rate", "50, weight: 0.1"), ("floor_area_ratio", "1, weight: 0.1"), ("building_density", "40, weight: 0.05"),
            ("industrial_floor_area_ratio", "1, weight: 0.1"), ("industrial_building_coverage", "30, weight: 0.05"),
            ("industrial_investment_intensity", "5000, weight: 0.1"), ("industrial_tax_per_area", "100, weight: 0.05"),
        ]
        for (id, values) in scores {
            let pattern = "\(id):"
            let line = try #require(profile.components(separatedBy: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(pattern) })
            profile = profile.replacingOccurrences(of: line, with: "    \(id): { ideal: \(values), direction: positive }")
        }
        profile = profile.replacingOccurrences(of: "{ ideal: 0, weight: , direction: negative }", with: "{ ideal: 0, weight: 0.05, direction: negative }")
        let report = try evaluate(rules: ["evaluation-profile.yaml": profile])
        let total = try #require(report.score.total, "\(report.score.reason)")
        #expect(abs(total - 56.313786) < 1e-6)
        #expect(report.score.reason == Bilingual("11 项指标的 Σ 权重 × 分值 / Σ 权重", "Σ weight × score / Σ weight over 11 indicators"))
        #expect(!report.score.confirmed)
        #expect(abs(report.indicators.first { $0.definition.id == "idle_land_rate" }!.score! - (100 - 20.0 / 55 * 100)) < 1e-9)
    }

    @Test func theBundledProfileScoresNothingAndSaysWhy() throws {
        let report = try evaluate()
        #expect(report.score.total == nil)
        // The 工业主导型 set of the bundled profile, in the catalogue's order.
        let set = ["土地开发率", "土地供应率", "土地建成率", "工业用地率", "综合容积率", "建筑密度", "工业用地综合容积率", "工业用地建筑系数",
                   "工业用地固定资产投入强度", "工业用地地均税收", "土地闲置率"]
        #expect(report.score.reason == Bilingual("评价配置没有给出\(set.joined(separator: "、"))的理想值和权重",
                                                 "no ideal value and weight in the profile for \(set.joined(separator: ", "))"))
        #expect(report.indicators.allSatisfy { $0.score == nil })
    }

    @Test func zoneTypeThresholdsAreStrictAsInTheRule() throws {
        let profile = try EvaluationProfile.load(RuleFiles())
        func type(_ a2: Double, _ a1: Double) -> ZoneType? {
            let quantities: [String: EvaluationQuantity] = [
                "A": .known("A", "", .landArea, 100, source: Bilingual(verbatim: "")), "A1": .known("A1", "", .landArea, a1, source: Bilingual(verbatim: "")),
                "A2": .known("A2", "", .landArea, a2, source: Bilingual(verbatim: "")),
            ]
            return EvaluationJob.decideZoneType(quantities, stated: nil, profile: profile).type
        }
        #expect(type(30.01, 24.99) == .industrial)
        #expect(type(30, 20) == .other)        // A2/A must exceed 30 %
        #expect(type(30, 25) == .mixedUse)     // ≤ 30 % and ≥ 25 %
        #expect(type(40, 25) == .other)        // neither
        #expect(type(10, 10) == .other)
    }

    @Test func landUseCodesMapToEvaluationStatus() throws {
        let status = try EvaluationLandStatus.load(RuleFiles(), classes: try LandClassTable.bundled())
        let cases = ["0601": "A2", "0602": "A2", "0701": "A1", "0702": "B12", "0101K": "B22", "0810A": "A51", "0502": "A4", "1004": "A31",
                     "1003": "A32", "1101": "C1", "1104": "B22", "1201": "B21", "1109": "A6"]
        for (code, expected) in cases { #expect(status.code(for: code) == expected, "\(code)") }
        #expect(status.code(for: "9999") == nil)
    }

    /// Independent reference: geopandas 1.2.0 / shapely 2.2.0, run once on the sample zone, planar:
    /// `zone = kfqfw.make_valid().union_all()`; land use clipped to the zone and mapped with the
    /// codes of evaluation-land-status.csv; `A = union(A-coded pieces)`, `A2 = union(0601 and 0508 pieces)`;
    /// `D = union(zd with GYRQ).intersection(zone)`; `P_A = Σ (jzw ∩ zone) ∩ A`, likewise P_A2.
    @Test func sampleZoneAgreesWithGeopandas() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOfFile: TestData.sample("zone.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "area_method: ellipsoidal", with: "area_method: planar")
            .replacingOccurrences(of: "file: zone.gpkg", with: "file: \(TestData.sample("zone.gpkg"))")
            .replacingOccurrences(of: "coverage: zone.gpkg", with: "coverage: \(TestData.sample("zone.gpkg"))")
            .replacingOccurrences(of: "file: qyxx.csv", with: "file: \(TestData.sample("qyxx.csv"))")
        let path = folder.appendingPathComponent("zone.yaml").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let report = try EvaluationJob.run(frame: try AnalysisFrame(project: try ZoneProjectLoader.load(path)))
        let reference: [(String, Double)] = [("A", 4175635.489814551), ("A2", 2151924.691459802), ("D", 3734408.597934012),
                                             ("P_A", 675647.4349160843), ("P_A2", 401754.4882350493)]
        #expect(abs(report.zoneArea - 6129761.78615711) / 6129761.78615711 < 1e-9)
        for (symbol, expected) in reference {
            let computed = try #require(quantity(report, symbol))
            #expect(abs(computed - expected) / expected < 1e-9, "\(symbol)")
        }
        #expect(report.zoneType.type == .industrial)
    }
}
