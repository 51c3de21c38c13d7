import Foundation
import Testing

/// Errors speak the run's language, name the file and say what to do, with the status of the one table:
/// bad input 3, output 5 — the same in every command.
@Suite struct ErrorMessageTests {
    static let zh = CommandLineLanguageTests.chinese

    @Test func aMissingFileAndAMissingLayerAreBadInputInBothLanguages() throws {
        for command in ["area", "qc", "info"] {
            let missing = try CLITests.run([command, "/nonexistent/zd.gpkg"], language: Self.zh)
            #expect(missing.status == 3 && missing.err.contains("/nonexistent/zd.gpkg：文件不存在。请检查路径"), "\(command): \(missing.err)")
            let english = try CLITests.run([command, "/nonexistent/zd.gpkg"])
            #expect(english.status == 3 && english.err.contains("/nonexistent/zd.gpkg: no such file. Check the path"), "\(command): \(english.err)")
            let layer = try CLITests.run([command, CLITests.sample("zone.gpkg:nope")], language: Self.zh)
            #expect(layer.status == 3 && layer.err.contains("没有图层“nope”") && layer.err.contains("zd") && layer.err.contains("kfqfw"),
                    "\(command): \(layer.err)")
            let englishLayer = try CLITests.run([command, CLITests.sample("zone.gpkg:nope")])
            #expect(englishLayer.status == 3 && englishLayer.err.contains("no layer 'nope'; its layers are:") && englishLayer.err.contains("kfqfw"), "\(englishLayer.err)")
        }
    }

    /// Every command that reads a file: a missing one is bad input (3), named, in the run's language.
    @Test(arguments: [["convert", "/nonexistent/zd.gpkg", "out.gpkg"], ["overlay", "--a", "/nonexistent/zd.gpkg", "--b", "zone.gpkg:kfqfw"],
                      ["evaluate", "/nonexistent/zd.gpkg"], ["idle", "/nonexistent/zd.gpkg"], ["standard-land", "/nonexistent/zd.gpkg"],
                      ["permu", "/nonexistent/zd.gpkg"], ["proposal", "check", "/nonexistent/zd.gpkg", "kqfw.txt"]])
    func aMissingFileIsBadInputInEveryCommand(arguments: [String]) throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let resolved = arguments.map { argument in
            argument.hasPrefix("zone.gpkg") || argument.hasSuffix(".txt") ? CLITests.sample(argument)
                : argument == "out.gpkg" ? folder.appendingPathComponent(argument).path : argument
        }
        let zh = try CLITests.run(resolved, language: Self.zh)
        #expect(zh.status == 3 && zh.err.contains("/nonexistent/zd.gpkg：文件不存在。请检查路径"), "\(arguments[0]): \(zh.err)")
        let en = try CLITests.run(resolved)
        #expect(en.status == 3 && en.err.contains("/nonexistent/zd.gpkg: no such file. Check the path"), "\(arguments[0]): \(en.err)")
    }

    @Test func aBareEPSGCodeIsTakenAndAnUnknownCRSIsBadInput() throws {
        let parcels = CLITests.sample("zone.gpkg:kfqfw")
        let bare = try CLITests.run(["area", parcels, "--crs", "4528", "--totals-only", "--method", "planar", "--format", "json"])
        let coded = try CLITests.run(["area", parcels, "--crs", "EPSG:4528", "--totals-only", "--method", "planar", "--format", "json"])
        #expect(bare.status == 0 && bare.out == coded.out, "\(bare.err)")
        let bareChinese = try CLITests.run(["area", parcels, "--crs", "4528", "--totals-only", "--method", "planar"], language: Self.zh)
        #expect(bareChinese.status == 0 && bareChinese.out.contains("EPSG:4528"), "\(bareChinese.err)")
        let unknown = try CLITests.run(["area", parcels, "--crs", "EPSG:45280"], language: Self.zh)
        #expect(unknown.status == 3 && unknown.err.contains("--crs“EPSG:45280”无法识别") && unknown.err.contains("EPSG:4528 这样的代码"), "\(unknown.err)")
        let english = try CLITests.run(["area", parcels, "--crs", "not a crs"])
        #expect(english.status == 3 && english.err.contains("--crs 'not a crs' is not a coordinate system PROJ knows"), "\(english.err)")
    }

    @Test func anExistingOutputIsRefusedInTheRunsLanguage() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("zd.csv").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        for command in [["area", CLITests.sample("zone.gpkg:zd")], ["qc", CLITests.sample("zone.gpkg:zd")],
                        ["overlay", "--a", CLITests.sample("zone.gpkg:zd"), "--b", CLITests.sample("zone.gpkg:kfqfw")],
                        ["evaluate", CLITests.sample("zone.yaml")], ["idle", CLITests.sample("zone.yaml")],
                        ["standard-land", CLITests.sample("zone.yaml")], ["permu", CLITests.sample("zone.yaml")]] {
            let zh = try CLITests.run(command + ["-o", path], language: Self.zh)
            #expect(zh.status == 5 && zh.err.contains("输出文件已存在；加 --force 替换"), "\(command[0]): \(zh.err)")
            let en = try CLITests.run(command + ["-o", path])
            #expect(en.status == 5 && en.err.contains("the output exists; add --force to replace it"), "\(command[0]): \(en.err)")
        }
        let convertZh = try CLITests.run(["convert", CLITests.sample("zone.gpkg:zd"), path], language: Self.zh)
        #expect(convertZh.status == 5 && convertZh.err.contains("输出文件已存在；加 --force 替换"), "convert: \(convertZh.err)")
        let convertEn = try CLITests.run(["convert", CLITests.sample("zone.gpkg:zd"), path])
        #expect(convertEn.status == 5 && convertEn.err.contains("the output exists; add --force to replace it"), "convert: \(convertEn.err)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("old".utf8))
    }
}
