import Foundation
import Testing

/// The command line in the planner's language: help, usage errors, a mistyped command, Chinese units,
/// and the one exit-status table.
@Suite struct CommandLineLanguageTests {
    static let chinese = "zh_CN.UTF-8"

    @Test func aMistypedCommandGetsTheNearestOneInEitherLanguage() throws {
        let zh = try CLITests.run(["arae", "x.gpkg"], language: Self.chinese)
        #expect(zh.status == 3 && zh.err.contains("未知命令 'arae'") && zh.err.contains("'area'"), "\(zh.err)")
        let en = try CLITests.run(["arae"])
        #expect(en.status == 3 && en.err.contains("Did you mean 'area'?"), "\(en.err)")
        let nested = try CLITests.run(["proposal", "chek"], language: Self.chinese)
        #expect(nested.status == 3 && nested.err.contains("'check'"), "\(nested.err)")
        let far = try CLITests.run(["xyzzy"])
        #expect(far.status == 3 && !far.err.contains("Did you mean") && far.err.contains("area"), "\(far.err)")
    }

    @Test func helpIsChineseByDefaultAndEnglishOnRequest() throws {
        let zh = try CLITests.run(["area", "--help"], language: Self.chinese)
        #expect(zh.status == 0 && zh.out.contains("每个面要素的面积及合计") && zh.out.contains("面积单位"), "\(zh.out)")
        let en = try CLITests.run(["area", "--help", "--lang", "en"], language: Self.chinese)
        #expect(en.status == 0 && en.out.contains("Area of every polygon feature") && !en.out.contains("面积单位"))
        let unset = try CLITests.run(["--help"], language: "")
        #expect(unset.out.contains("退出码"), "without a locale the tool speaks Chinese")
    }

    /// The exit-status table is in the root help, in both languages, and usage errors give its 3.
    @Test func usageErrorsAreBadInputInTheRunsLanguage() throws {
        let help = try CLITests.run(["--help"], language: Self.chinese)
        for line in ["0  成功", "1  不符合", "2  需人工复核", "3  输入有误", "4  GDAL、GEOS 或 PROJ", "5  输出未写出"] {
            #expect(help.out.contains(line), "\(line) missing from: \(help.out)")
        }
        #expect(try CLITests.run(["--help"]).out.contains("2  needs review"))
        let missing = try CLITests.run(["area"], language: Self.chinese)
        #expect(missing.status == 3 && missing.err.contains("缺少参数 <inputs>"), "\(missing.err)")
        let badValue = try CLITests.run(["area", CLITests.sample("zone.gpkg:kfqfw"), "--unit", "顷"], language: Self.chinese)
        #expect(badValue.status == 3 && badValue.err.contains("取值 '顷' 不适用于 --unit <unit>，可选：\n  - 亩\n"), "\(badValue.err)")
        // ArgumentParser's list of the values, in Chinese punctuation, without its "or" and "and".
        let format = try CLITests.run(["area", CLITests.sample("zone.gpkg:kfqfw"), "--format", "xml"], language: Self.chinese)
        #expect(format.status == 3 && format.err.contains("--format <format>，可选：'table'、'json'。"), "\(format.err)")
        let encoding = try CLITests.run(["area", CLITests.sample("zone.gpkg:kfqfw"), "--output-encoding", "big5"], language: Self.chinese)
        #expect(encoding.err.contains("可选：'utf-8'、'gbk'、'cp936'、'gb2312'。"), "\(encoding.err)")
        let validation = try CLITests.run(["area", CLITests.sample("zone.gpkg:kfqfw"), "--workers", "0"])
        #expect(validation.status == 3 && validation.err.contains("--workers must be ≥ 1"), "\(validation.err)")
    }

    /// `--unit 亩` gives the same figures as `--unit mu`.
    @Test func unitsAsTypedInChinese() throws {
        let input = CLITests.sample("zone.gpkg:kfqfw")
        for (chinese, code) in [("亩", "mu"), ("公顷", "ha"), ("平方米", "m2"), ("平方公里", "km2")] {
            let typed = try CLITests.run(["area", input, "--unit", chinese, "--totals-only"])
            let coded = try CLITests.run(["area", input, "--unit", code, "--totals-only"])
            #expect(typed.status == 0 && typed.out == coded.out, "\(chinese): \(typed.err)")
        }
    }
}

/// With -o the terminal shows the summary and every file written with its rows, not one row per feature.
@Suite struct WrittenOutputSummaryTests {
    @Test func outputsAreListedAndTheFeatureTableIsLeftToTheFile() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let parcels = CLITests.sample("zone.gpkg:zd"), csv = folder.appendingPathComponent("zd.csv").path
        let plain = try CLITests.run(["area", parcels])
        let written = try CLITests.run(["area", parcels, "-o", csv], language: CommandLineLanguageTests.chinese)
        #expect(written.status == 0 && written.out.hasSuffix("已写出 \(csv)（331 条）\n"), "\(written.out)")
        #expect(written.out.components(separatedBy: "\n").count < 30 && plain.out.components(separatedBy: "\n").count > 331)
        let verbose = try CLITests.run(["area", parcels, "-o", csv, "--force", "--verbose"])
        #expect(verbose.out.components(separatedBy: "\n").count > 331 && verbose.out.hasSuffix("wrote \(csv) (331 rows)\n"), "\(verbose.out.suffix(200))")
        // JSON on stdout stays JSON: the list goes to stderr.
        let json = try CLITests.run(["area", parcels, "-o", csv, "--force", "--format", "json", "--totals-only"])
        #expect((try? JSONSerialization.jsonObject(with: Data(json.out.utf8))) != nil && json.err.contains("wrote \(csv) (331 rows)"), "\(json.err)")
    }
}

/// Cheap checks first: an output that cannot be written is refused before the input is opened.
@Suite struct CheapChecksFirstTests {
    @Test func anImpossibleOutputIsRefusedBeforeAnyFeatureIsRead() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let parcels = CLITests.sample("zone.gpkg:zd")
        let missingFolder = try CLITests.run(["area", parcels, "-o", folder.appendingPathComponent("none/zd.csv").path, "--timings"])
        #expect(missingFolder.status == 5 && !missingFolder.err.contains("timings: open"), "\(missingFolder.err)")
        let existing = folder.appendingPathComponent("zd.xlsx").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: existing))
        let exists = try CLITests.run(["qc", parcels, "-o", existing, "--timings"])
        #expect(exists.status == 5 && !exists.err.contains("qc: ") && exists.err.contains("--force"), "\(exists.err)")
        let unknownFormat = try CLITests.run(["area", parcels, "-o", folder.appendingPathComponent("zd.docx").path, "--timings"])
        #expect(unknownFormat.status == 5 && !unknownFormat.err.contains("timings: open"), "\(unknownFormat.err)")
        let twice = folder.appendingPathComponent("same.gpkg").path
        let both = try CLITests.run(["qc", parcels, "-o", twice, "--fix", twice, "--timings"])
        #expect(both.status == 5 && !both.err.contains("qc: ") && both.err.contains("twice"), "\(both.err)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: existing)) == Data("old".utf8))
    }
}

/// The terminal reports of info, area, overlay and evaluate in the run's language, the class-area basis of
/// overlay and evaluate included.
@Suite struct TerminalReportLanguageTests {
    @Test(arguments: [
        (["info", CLITests.sample("zone.gpkg:kfqfw")], "坐标系：", "CRS:"),
        (["area", CLITests.sample("zone.gpkg:kfqfw"), "--totals-only"], "全部已计算", "all measured"),
        (["overlay", CLITests.sample("zone.yaml"), "--role", "land_use", "--by", "DLBM"], "个要素跨 B 的边界", "cross the boundary of B"),
        (["evaluate", CLITests.sample("zone.yaml")], "集约度分值：", "Score (集约度分值):"),
        // The sample's land use carries KCXS and KCDLBM: class areas are net of 扣除地类 (三调 图斑地类面积).
        (["overlay", CLITests.sample("zone.yaml"), "--role", "land_use", "--by", "DLBM"],
         "（分类面积为图斑地类面积，扣除地类已按 KCXS（扣除系数）扣除，扣除地类编码取自 KCDLBM；扣除部分列在其地类下）\n",
         "(class areas are 图斑地类面积, net of 扣除地类 from KCXS (扣除系数), class from KCDLBM; the deducted area is listed under its class)\n"),
        (["evaluate", CLITests.sample("zone.yaml")], "（分类面积为图斑地类面积，", "(class areas are 图斑地类面积, "),
    ])
    func reportsFollowTheLanguage(command: [String], chinese: String, english: String) throws {
        let zh = try CLITests.run(command, language: CommandLineLanguageTests.chinese)
        let en = try CLITests.run(command)
        #expect(zh.status == 0 && zh.out.contains(chinese) && !zh.out.contains(english), "\(zh.out.prefix(300))")
        #expect(en.status == 0 && en.out.contains(english) && !en.out.contains(chinese), "\(en.out.prefix(300))")
    }
}
