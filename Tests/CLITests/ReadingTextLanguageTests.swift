import Foundation
import GeoBridge
import Testing

/// What the commands say about reading a layer — a boundary-point txt's warnings, its format, the CRS a
/// conversion wrote, the features it left out, the notes of a ledger — in the run's language, both in JSON.
@Suite struct ReadingTextLanguageTests {
    /// The sample expansion (kqfw.txt, in UTF-8) with 带号=39 against its zone-40 eastings and full-width
    /// commas in point J2 (line 15): two warnings, one of the file and one of a line.
    static func txtWithWarnings(in folder: URL) throws -> String {
        let gbk = try Data(contentsOf: URL(fileURLWithPath: CLITests.sample("kqfw.txt")))
        let text = String(decoding: try iconvConvert(Array(gbk), from: "GB18030", to: "UTF-8").get(), as: UTF8.self)
        let changed = text.replacingOccurrences(of: "带号=40", with: "带号=39")
            .replacingOccurrences(of: "J2,1,3515903.898,40496136.745", with: "J2，1，3515903.898，40496136.745")
        #expect(changed != text && changed.contains("J2，1"))
        let path = folder.appendingPathComponent("kqfw-warned.txt").path
        try Data(changed.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static let zoneWarning = (zh: "BPT-W-ZONE-MISMATCH 带号=39 与东坐标的带号 40 不符，按第 40 带处理",
                              en: "BPT-W-ZONE-MISMATCH 带号=39 contradicts the easting prefix 40; zone 40 used")
    static let commaWarning = (zh: "第 15 行：BPT-W-FULLWIDTH-COMMA 全角逗号“，”按半角“,”读取",
                               en: "line 15: BPT-W-FULLWIDTH-COMMA full-width comma '，' read as ','")

    @Test func txtWarningsInInfoAreaAndConvert() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let txt = try Self.txtWithWarnings(in: folder)
        let info = (zh: try CLITests.run(["info", txt], language: CommandLineLanguageTests.chinese), en: try CLITests.run(["info", txt]))
        #expect(info.zh.status == 0 && info.zh.out.contains("  警告：\n    \(Self.commaWarning.zh)\n    \(Self.zoneWarning.zh)\n"), "\(info.zh.out)")
        #expect(info.en.status == 0 && info.en.out.contains("  Warnings:\n    \(Self.commaWarning.en)\n    \(Self.zoneWarning.en)\n"), "\(info.en.out)")
        #expect(info.zh.out.contains("格式 界址点坐标 txt") && info.en.out.contains("format boundary-point txt"))

        let area = (zh: try CLITests.run(["area", txt], language: CommandLineLanguageTests.chinese), en: try CLITests.run(["area", txt]))
        #expect(area.zh.out.contains("读取时的警告：\n  \(Self.commaWarning.zh)\n  \(Self.zoneWarning.zh)\n") && !area.zh.out.contains("contradicts"), "\(area.zh.out)")
        #expect(area.en.out.contains("Warnings while reading:\n  \(Self.commaWarning.en)\n  \(Self.zoneWarning.en)\n") && !area.en.out.contains("不符"), "\(area.en.out)")
        let json = try CLITests.run(["area", txt, "--format", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        #expect(document["readWarnings"] as? [[String: String]] == [["zh": Self.commaWarning.zh, "en": Self.commaWarning.en],
                                                                   ["zh": Self.zoneWarning.zh, "en": Self.zoneWarning.en]])

        let gpkg = folder.appendingPathComponent("kqfw.gpkg").path
        let zh = try CLITests.run(["convert", txt, gpkg], language: CommandLineLanguageTests.chinese)
        let en = try CLITests.run(["convert", txt, gpkg, "--force"])
        #expect(zh.status == 0 && zh.out.contains("警告：\(Self.zoneWarning.zh)\n") && zh.out.contains("警告：\(Self.commaWarning.zh)\n"), "\(zh.out)")
        #expect(en.status == 0 && en.out.contains("warning: \(Self.zoneWarning.en)\n") && en.out.contains("warning: \(Self.commaWarning.en)\n"), "\(en.out)")
        // EPSG:4528 is CGCS2000's 3° zone 40, central meridian 120°E.
        #expect(zh.out.contains("坐标参照系：CGCS2000 / 3-degree Gauss-Kruger zone 40（EPSG:4528），中央经线 120°E，东坐标带带号\n"), "\(zh.out)")
        #expect(en.out.contains("CRS: CGCS2000 / 3-degree Gauss-Kruger zone 40 (EPSG:4528), central meridian 120°E, zone-prefixed eastings\n"), "\(en.out)")
    }

    /// Rule R10 of a proposal says what the reader noticed in the file, in the run's language.
    @Test func proposalR10GivesTheReadWarningsInTheRunsLanguage() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let arguments = ["proposal", "check", CLITests.sample("zone.yaml"), try Self.txtWithWarnings(in: folder)]
        let zh = try CLITests.run(arguments, language: CommandLineLanguageTests.chinese), en = try CLITests.run(arguments)
        #expect(zh.out.contains("KQ1：\(Self.commaWarning.zh)；KQ1：\(Self.zoneWarning.zh)。"), "\(zh.out)")
        #expect(en.out.contains("KQ1: \(Self.commaWarning.en); KQ1: \(Self.zoneWarning.en)."), "\(en.out)")
    }

    /// `convert` to a boundary-point txt names the features it cannot write, in the run's language.
    @Test func convertSkippedLinesFollowTheLanguage() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let square = "[[40500000,3500000],[40500100,3500000],[40500100,3500100],[40500000,3500100],[40500000,3500000]]"
        let input = folder.appendingPathComponent("parcels.geojson").path
        try Data("""
            {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4528"}},"features":[
            {"type":"Feature","properties":{"ZDBH":"A"},"geometry":{"type":"Polygon","coordinates":[\(square)]}},
            {"type":"Feature","properties":{"ZDBH":"B"},"geometry":null}]}
            """.utf8).write(to: URL(fileURLWithPath: input))
        let txt = folder.appendingPathComponent("parcels.txt").path
        let zh = try CLITests.run(["convert", input, txt], language: CommandLineLanguageTests.chinese)
        let en = try CLITests.run(["convert", input, txt, "--force"])
        #expect(zh.status == 0 && zh.out.contains("未能转换：要素 #2（B）：没有几何\n") && !zh.out.contains("skipped"), "\(zh.out)")
        #expect(en.status == 0 && en.out.contains("skipped: feature #2 (B): no geometry\n") && !en.out.contains("没有几何"), "\(en.out)")
    }

    /// The note column of an area ledger is in the run's language: a bow-tie measured after make-valid.
    @Test func ledgerNotesFollowTheLanguage() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The bow-tie's edges (0,0)–(10,10) and (10,0)–(0,10) cross at (5, 5) from its corner (40 500 000, 3 500 000).
        let bowTie = "[[40500000,3500000],[40500010,3500010],[40500010,3500000],[40500000,3500010],[40500000,3500000]]"
        let input = folder.appendingPathComponent("bowtie.geojson").path
        try Data("""
            {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4528"}},"features":[
            {"type":"Feature","properties":{"ZDBH":"D"},"geometry":{"type":"Polygon","coordinates":[\(bowTie)]}}]}
            """.utf8).write(to: URL(fileURLWithPath: input))
        let zhLedger = folder.appendingPathComponent("zh.gpkg").path, enLedger = folder.appendingPathComponent("en.gpkg").path
        let zh = try CLITests.run(["area", input, "-o", zhLedger], language: CommandLineLanguageTests.chinese)
        let en = try CLITests.run(["area", input, "-o", enLedger])
        #expect(zh.status == 0 && en.status == 0, "\(zh.err) \(en.err)")
        func notes(_ path: String) throws -> [String] {
            let layer = try #require(try ExportedFile(path).layers.first)
            let column = try #require(layer.fields.firstIndex { $0 == "备注" || $0.uppercased() == "NOTE" }, "\(layer.fields)")
            return layer.rows.map { $0[column].text ?? "" }
        }
        #expect(try notes(zhLedger) == ["几何无效（自相交，位置 (40500005.000, 3500005.000)），修复后计算"])
        #expect(try notes(enLedger) == ["invalid: Self-intersection at (40500005.000, 3500005.000); measured after make-valid"])
    }
}
