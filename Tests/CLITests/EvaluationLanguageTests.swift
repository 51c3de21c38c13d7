import Foundation
import GeoBridge
import Testing

/// `zonecalc evaluate` on the sample zone in the planner's language: the terminal report and the ledger
/// in the run's language, the JSON with every sentence as {en, zh} whatever the language.
@Suite struct EvaluationLanguageTests {
    static let project = CLITests.sample("zone.yaml")

    /// Three words of English in a row: a sentence, where only names, codes and symbols should be.
    static func englishSentence(in text: String) -> Bool {
        text.range(of: "[A-Za-z]{2,} [a-z]{2,} [a-z]{2,}", options: .regularExpression) != nil
    }

    /// Sentences of the sample's report (its sources, reasons and formulas), in Chinese and in English.
    static let sentences: [(zh: String, en: String)] = [
        ("缺少：请在项目文件中给出 statistics.population", "missing: give statistics.population in the project file"),
        ("缺少：请映射宗地的 high_tech 标志字段（layers.parcels 下的 fields.high_tech）",
         "missing: map the parcels' high_tech flag field (fields.high_tech under layers.parcels)"),
        ("POP（常住人口）：请在项目文件中给出 statistics.population", "POP (常住人口): give statistics.population in the project file"),
        ("1201, B22 ∩ 已供应宗地", "1201, B22 ∩ supplied parcels"),
        ("已供应宗地内的 B22 计为 B21", "B22 inside supplied parcels counted as B21"),
        ("栋建筑物的基底与 A（A2）相交", "buildings inside the zone, intersected with A (A2)"),
        ("JZMJ，无值时用 CS × 基底面积，按 A（A2）上的基底面积分摊", "JZMJ, then CS × footprint, shared by footprint on A (A2)"),
        ("的闲置土地认定（国土资源部令第53号 第二条）", "parcels idle by the idle-land check as of 2026-06-30 (国土资源部令第53号 第二条)"),
        ("，且 A1/A = ", " and A1/A = "),
        ("A 上建筑面积 / A", "floor area on A / A"),
        ("工业企业营业收入 / A2", "industrial revenue / A2"),
        ("评价配置没有给出土地开发率、土地供应率、", "no ideal value and weight in the profile for 土地开发率, 土地供应率, "),
    ]

    @Test func theTerminalReportIsInTheRunsLanguage() throws {
        let zh = try CLITests.run(["evaluate", Self.project], language: CommandLineLanguageTests.chinese)
        let en = try CLITests.run(["evaluate", Self.project])
        #expect(zh.status == 0 && en.status == 0, "\(zh.err)\(en.err)")
        for (chinese, english) in Self.sentences {
            #expect(zh.out.contains(chinese) && !zh.out.contains(english), "\(chinese)")
            #expect(en.out.contains(english) && !en.out.contains(chinese), "\(english)")
        }
        // The class-area basis comes from the overlay (its own text), not from the evaluation.
        let english = zh.out.split(separator: "\n").filter { !$0.contains("class areas are") && Self.englishSentence(in: String($0)) }
        #expect(english.isEmpty, "\(english)")
    }

    @Test func theJSONCarriesBothLanguages() throws {
        let zh = try CLITests.run(["evaluate", Self.project, "--format", "json"], language: CommandLineLanguageTests.chinese)
        let en = try CLITests.run(["evaluate", Self.project, "--format", "json"])
        #expect(zh.status == 0 && zh.out == en.out, "the JSON does not depend on the run's language")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(en.out.utf8)) as? [String: Any])
        let quantities = try #require(json["quantities"] as? [[String: Any]])
        let population = try #require(quantities.first { $0["symbol"] as? String == "POP" })
        #expect(population["missing"] as? [String: String]
                == ["en": "give statistics.population in the project file", "zh": "请在项目文件中给出 statistics.population"])
        let area = try #require(quantities.first { $0["symbol"] as? String == "A+B21" }?["source"] as? [String: String])
        #expect(area["zh"]?.hasSuffix("；已供应宗地内的 B22 计为 B21") == true && area["en"]?.hasSuffix("; B22 inside supplied parcels counted as B21") == true)
        let indicators = try #require(json["indicators"] as? [[String: Any]])
        func indicator(_ id: String) -> [String: Any]? { indicators.first { $0["id"] as? String == id } }
        #expect(indicator("floor_area_ratio")?["formula"] as? [String: String] == ["en": "floor area on A / A", "zh": "A 上建筑面积 / A"])
        #expect(indicator("land_built_rate")?["formula"] as? [String: String] == ["en": "A / D × 100 %", "zh": "A / D × 100 %"])
        #expect(indicator("population_density")?["notComputable"] as? [String: String]
                == ["en": "POP (常住人口): give statistics.population in the project file", "zh": "POP（常住人口）：请在项目文件中给出 statistics.population"])
        let b21 = try #require((json["landStatus"] as? [[String: Any]])?.first { $0["code"] as? String == "B21" }?["from"] as? [String: String])
        #expect(b21 == ["en": "1201, B22 ∩ supplied parcels", "zh": "1201, B22 ∩ 已供应宗地"])
        let zoneType = try #require((json["zoneType"] as? [String: Any])?["reason"] as? [String: String])
        #expect(zoneType["zh"]?.contains("，且 A1/A = ") == true && zoneType["en"]?.contains(" and A1/A = ") == true)
        let score = try #require((json["score"] as? [String: Any])?["reason"] as? [String: String])
        #expect(score["zh"]?.hasPrefix("评价配置没有给出土地开发率、") == true && score["en"]?.hasPrefix("no ideal value and weight in the profile for ") == true)
        #expect(json["warnings"] as? [Any] != nil)
    }

    /// The ledger in Chinese (CSV and XLSX) and in English: headings, sections, formulas and notes.
    @Test(arguments: ["evaluation.csv", "evaluation.xlsx"])
    func theLedgerIsInTheRunsLanguage(file: String) throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(file).path
        let zh = try CLITests.run(["evaluate", Self.project, "-o", path], language: CommandLineLanguageTests.chinese)
        #expect(zh.status == 0, "\(zh.err)")
        let chinese = try #require(ExportedFile(path).layers.first)
        if file.hasSuffix(".xlsx") { #expect(chinese.name == "集约利用评价") }
        #expect(chinese.fields == ["类别", "代码", "名称", "值", "单位", "公式", "分子", "分子值", "分母", "分母值", "属于类型指标集", "分值", "权重", "备注"])
        func row(_ layer: ExportedFile.Layer, code: String) throws -> Int {
            try #require(layer.rows.indices.first { layer.rows[$0][1] == .string(code) }, "\(code)")
        }
        let population = try row(chinese, code: "POP")
        #expect(chinese.value("类别", row: population) == .string("分子分母"))
        #expect(chinese.value("单位", row: population) == .string("人"))
        #expect(chinese.value("备注", row: population) == .string("缺少：请在项目文件中给出 statistics.population"))
        let ratio = try row(chinese, code: "floor_area_ratio")
        #expect(chinese.value("类别", row: ratio) == .string("指标") && chinese.value("公式", row: ratio) == .string("A 上建筑面积 / A"))
        let density = try row(chinese, code: "population_density")
        #expect(chinese.value("备注", row: density) == .string("无法计算：POP（常住人口）：请在项目文件中给出 statistics.population"))
        let total = try row(chinese, code: "总分")
        #expect(chinese.value("类别", row: total) == .string("集约度分值"))
        guard case .string(let note)? = chinese.value("备注", row: total) else { Issue.record("no score note"); return }
        #expect(note.hasPrefix("评价配置没有给出土地开发率、") && note.hasSuffix("（权重未核实：TD/T 1029-2010 集约度分值（待核实））"), "\(note)")
        let english = chinese.rows.flatMap { $0 }.compactMap { value -> String? in
            guard case .string(let text) = value, Self.englishSentence(in: text) else { return nil }
            return text
        }
        #expect(english.isEmpty, "\(english)")

        let en = try CLITests.run(["evaluate", Self.project, "-o", path, "--force"])
        #expect(en.status == 0, "\(en.err)")
        let englishLedger = try #require(ExportedFile(path).layers.first)
        if file.hasSuffix(".xlsx") { #expect(englishLedger.name == "evaluation") }
        #expect(englishLedger.fields == ["section", "code", "name", "value", "unit", "formula", "numerator", "numerator value", "denominator",
                                         "denominator value", "in the type's set", "score", "weight", "note"])
        let englishPopulation = try row(englishLedger, code: "POP")
        #expect(englishLedger.value("section", row: englishPopulation) == .string("quantity"))
        #expect(englishLedger.value("note", row: englishPopulation) == .string("missing: give statistics.population in the project file"))
        #expect(englishLedger.value("formula", row: try row(englishLedger, code: "floor_area_ratio")) == .string("floor area on A / A"))
        #expect(englishLedger.rows.allSatisfy { row in !row.contains { if case .string(let text) = $0 { text.contains("请") } else { false } } })
    }
}
