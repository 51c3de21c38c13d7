import Foundation
import Testing
@testable import ZoneCalc

@Suite struct EvaluationJobTests {
    func evaluate(_ projectText: String = EvaluationTestZone.project, rules: [String: String] = [:]) throws -> EvaluationReport {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var text = projectText
        if !rules.isEmpty {
            let rulesFolder = folder.appendingPathComponent("rules")
            try FileManager.default.createDirectory(at: rulesFolder, withIntermediateDirectories: true)
            for (name, content) in rules { try Data(content.utf8).write(to: rulesFolder.appendingPathComponent(name)) }
            text = text.replacingOccurrences(of: "area_method: planar\n", with: "area_method: planar\nrules: rules\n")
        }
        let path = try EvaluationTestZone.write(in: folder, projectText: text)
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
        for id in ["idle_land_rate", "high_tech_land_rate", "floor_area_ratio", "industrial_investment_intensity", "population_density"] {
            #expect(reasons[id]!.value == nil, "\(id)")
            #expect(!(reasons[id]!.notComputable ?? "").isEmpty, "\(id)")
        }
        #expect(reasons["idle_land_rate"]!.notComputable!.contains("fields.idle"))
        #expect(reasons["floor_area_ratio"]!.notComputable!.contains("floor_area"))
        #expect(reasons["population_density"]!.notComputable!.contains("statistics.population"))
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
        #expect(!report.score.confirmed)
        #expect(abs(report.indicators.first { $0.definition.id == "idle_land_rate" }!.score! - (100 - 20.0 / 55 * 100)) < 1e-9)
    }

    @Test func theBundledProfileScoresNothingAndSaysWhy() throws {
        let report = try evaluate()
        #expect(report.score.total == nil)
        #expect(report.score.reason.contains("no ideal value"))
        #expect(report.indicators.allSatisfy { $0.score == nil })
    }

    @Test func zoneTypeThresholdsAreStrictAsInTheRule() throws {
        let profile = try EvaluationProfile.load(RuleFiles())
        func type(_ a2: Double, _ a1: Double) -> ZoneType? {
            let quantities: [String: EvaluationQuantity] = [
                "A": .known("A", "", .landArea, 100, source: ""), "A1": .known("A1", "", .landArea, a1, source: ""),
                "A2": .known("A2", "", .landArea, a2, source: ""),
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
