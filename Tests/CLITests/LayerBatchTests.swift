import Foundation
import Testing

/// `area`, `qc`, `convert` and `info` on several files, a folder or a pattern: each input processed on
/// its own, its output in the -o folder named after it, one summary row per input (per layer for
/// `info`), a malformed file reported while the others are processed, the worst status, and the same
/// summary with one worker or two.
@Suite struct LayerBatchTests {
    /// The sample's expansion and adjustment and a file that is no boundary-point txt, in a new folder.
    static let inputs = ProposalBatchTests.inputs

    @Test func areaOfAFolderGivesOneRowPerFileAndTheTotalsTheFilesDeclare() throws {
        let inputs = try Self.inputs()
        defer { try? FileManager.default.removeItem(at: inputs.deletingLastPathComponent()) }
        let out = inputs.deletingLastPathComponent().appendingPathComponent("out")
        let result = try CLITests.run(["area", inputs.path, "-o", out.path, "--as", "xlsx", "--unit", "ha"])
        #expect(result.status == 3, "the unreadable file is bad input, the worst status: \(result.out)\(result.err)")
        let summary = try ZoneReportTests.sheet(out.appendingPathComponent("summary.xlsx").path, "areas")
        #expect(summary.rows.count == 3)
        // Files in name order: broken, kqfw, tqfw.
        #expect(summary.value("status", row: 0)?.text == "failed" && summary.value("error or note", row: 0)?.text?.contains("broken.txt") == true)
        #expect(summary.value("output", row: 0)?.text == nil && !FileManager.default.fileExists(atPath: out.appendingPathComponent("broken.xlsx").path))
        // kqfw.txt declares one 100 ha piece, tqfw.txt two of 7.1992 ha (its [属性描述] and 地块面积).
        let kqfw = try #require(summary.value("ellipsoidal area (ha)", row: 1)?.doubleValue)
        let tqfw = try #require(summary.value("ellipsoidal area (ha)", row: 2)?.doubleValue)
        #expect(abs(kqfw - 100) < 0.001 && abs(tqfw - 2 * 7.1992) < 0.001, "\(kqfw) \(tqfw)")
        #expect(summary.value("features", row: 2)?.doubleValue == 2 && summary.value("output", row: 2)?.text == "tqfw.xlsx")
        // Each file's own table is the one `area` writes for it alone.
        let alone = try CLITests.run(["area", CLITests.sample("tqfw.txt"), "--unit", "ha", "--totals-only"])
        #expect(alone.out.contains(String(format: "%.4f", tqfw)), "\(alone.out)")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("kqfw.xlsx").path))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("tqfw.xlsx").path))
    }

    @Test func existingOutputsAreRefusedBeforeAnyWorkAndForceReplacesThem() throws {
        let inputs = try Self.inputs()
        defer { try? FileManager.default.removeItem(at: inputs.deletingLastPathComponent()) }
        let out = inputs.deletingLastPathComponent().appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: out.appendingPathComponent("tqfw.csv"))
        let refused = try CLITests.run(["qc", inputs.appendingPathComponent("kqfw.txt").path, inputs.appendingPathComponent("tqfw.txt").path, "-o", out.path, "--as", "csv"])
        #expect(refused.status == 5 && refused.err.contains("tqfw.csv"), "\(refused.err)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["tqfw.csv"], "nothing else written")
        let forced = try CLITests.run(["qc", inputs.appendingPathComponent("kqfw.txt").path, inputs.appendingPathComponent("tqfw.txt").path,
                                       "-o", out.path, "--as", "csv", "--force"])
        #expect(forced.status == 1, "both files have findings at error level: \(forced.out)\(forced.err)")
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: out.path)) == ["kqfw.csv", "tqfw.csv", "summary.xlsx"])
        let summary = try ZoneReportTests.sheet(out.appendingPathComponent("summary.xlsx").path, "QC summary")
        #expect(summary.value("status", row: 0)?.text == "findings" && summary.value("output", row: 1)?.text == "tqfw.csv")
    }

    @Test func convertWritesEachFileIntoTheFolderAndInfoListsEveryLayer() throws {
        let inputs = try Self.inputs()
        defer { try? FileManager.default.removeItem(at: inputs.deletingLastPathComponent()) }
        let out = inputs.deletingLastPathComponent().appendingPathComponent("converted")
        // A pattern the shell left alone (as on Windows), and the output folder last.
        let converted = try CLITests.run(["convert", inputs.appendingPathComponent("*qfw.txt").path, out.path, "--as", "geojson"])
        #expect(converted.status == 0, "\(converted.out)\(converted.err)")
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: out.path)) == ["kqfw.geojson", "tqfw.geojson", "summary.xlsx"])
        let noFormat = try CLITests.run(["convert", inputs.path, out.path])
        #expect(noFormat.status != 0 && noFormat.err.contains("--as"), "\(noFormat.err)")
        let inventory = inputs.deletingLastPathComponent().appendingPathComponent("inventory.xlsx")
        let info = try CLITests.run(["info", inputs.path, out.path, "-o", inventory.path])
        #expect(info.status == 3, "broken.txt cannot be read: \(info.out)\(info.err)")
        let rows = try ZoneReportTests.sheet(inventory.path, "data inventory")
        // broken/kqfw/tqfw, then the two GeoJSON files written above (the summary workbook is a table too).
        #expect(rows.rows.count >= 5 && rows.value("file", row: 0)?.text?.hasSuffix("broken.txt") == true && rows.value("status", row: 0)?.text == "failed")
        let copy = try #require((0..<rows.rows.count).first { rows.value("file", row: $0)?.text?.hasSuffix("tqfw.geojson") == true })
        #expect(rows.value("features", row: copy)?.doubleValue == 2, "the GeoJSON copy keeps both pieces")
    }

    @Test func oneAndTwoWorkersGiveTheSameSummary() throws {
        let inputs = try Self.inputs()
        defer { try? FileManager.default.removeItem(at: inputs.deletingLastPathComponent()) }
        let one = try CLITests.run(["area", inputs.path, "--workers", "1", "--format", "json", "--method", "all"])
        let two = try CLITests.run(["area", inputs.path, "--workers", "2", "--format", "json", "--method", "all"])
        #expect(one.out == two.out && one.out.hasPrefix("["))
        let lines = try #require(try JSONSerialization.jsonObject(with: Data(one.out.utf8)) as? [[String: Any]])
        #expect(lines.map { $0["exit_status"] as? Int } == [3, 0, 0])
    }

    /// A pattern with `:LAYER` takes that layer of each file it matches; an argument that names
    /// nothing stops the batch before any input is read, and writes nothing.
    @Test func aPatternKeepsItsLayerAndAnArgumentNamingNothingStopsTheBatch() throws {
        let root = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        for name in ["z1.gpkg", "z2.gpkg"] {
            try FileManager.default.copyItem(atPath: CLITests.sample("zone.gpkg"), toPath: root.appendingPathComponent(name).path)
        }
        let layered = try CLITests.run(["area", root.appendingPathComponent("z*.gpkg").path + ":kfqfw", "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(layered.out.utf8)) as? [[String: Any]], "\(layered.out)\(layered.err)")
        #expect(rows.map { $0["layer"] as? String } == ["kfqfw", "kfqfw"] && rows.map { $0["exit_status"] as? Int } == [0, 0], "\(rows)")
        let out = root.appendingPathComponent("out")
        for nothing in [root.appendingPathComponent("y*.gpkg").path, root.appendingPathComponent("missing.txt").path] {
            let stopped = try CLITests.run(["area", root.appendingPathComponent("z1.gpkg").path + ":kfqfw", nothing, "-o", out.path, "--as", "csv"])
            #expect(stopped.status == 3 && stopped.err.contains((nothing as NSString).lastPathComponent), "\(stopped.err)")
            #expect(!FileManager.default.fileExists(atPath: out.path), "nothing written")
        }
        // A batch never suggests --append, which it refuses.
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: out.appendingPathComponent("z1_kfqfw.gpkg"))
        let exists = try CLITests.run(["area", root.appendingPathComponent("z*.gpkg").path + ":kfqfw", "-o", out.path, "--as", "gpkg"])
        #expect(exists.status == 5 && exists.err.contains("--force") && !exists.err.contains("--append"), "\(exists.err)")
    }

    /// A pattern takes the vector files it matches, as a folder does: a Shapefile once, not its
    /// sidecars, and no folder; the shell's expansion of the same pattern gives the same row.
    @Test func aPatternTakesAShapefileOnceAsAFolderDoes() throws {
        let root = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let converted = try CLITests.run(["convert", CLITests.sample("kqfw.txt"), root.appendingPathComponent("kqfw.shp").path])
        #expect(converted.status == 0, "\(converted.err)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("kdir"), withIntermediateDirectories: true)
        // ArcGIS's metadata and QGIS's projection file go with the Shapefile too.
        for sidecar in ["kqfw.shp.xml", "kqfw.qpj"] { try Data("<metadata/>".utf8).write(to: root.appendingPathComponent(sidecar)) }
        let sidecars = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix("kqfw.") }.sorted()
        #expect(sidecars.count >= 3, "\(sidecars)")
        for arguments in [[root.appendingPathComponent("k*").path], sidecars.map { root.appendingPathComponent($0).path }] {
            let result = try CLITests.run(["area"] + arguments + ["--format", "json"])
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [[String: Any]], "\(result.out)\(result.err)")
            #expect(rows.compactMap { $0["file"] as? String } == [root.appendingPathComponent("kqfw.shp").path] && result.status == 0, "\(rows)")
        }
        // A colon that belongs to the file names, before the wildcard.
        try FileManager.default.copyItem(atPath: CLITests.sample("tqfw.txt"), toPath: root.appendingPathComponent("方案:2024.txt").path)
        let colon = try CLITests.run(["area", root.appendingPathComponent("方案:20*.txt").path, "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(colon.out.utf8)) as? [[String: Any]], "\(colon.out)\(colon.err)")
        #expect(rows.compactMap { $0["file"] as? String } == [root.appendingPathComponent("方案:2024.txt").path] && colon.status == 0)
        // A folder that exists takes the outputs even when its name ends like a format.
        try FileManager.default.createDirectory(at: root.appendingPathComponent("结果.gpkg"), withIntermediateDirectories: true)
        let intoFolder = try CLITests.run(["area", root.appendingPathComponent("方案:20*.txt").path, "-o", root.appendingPathComponent("结果.gpkg").path, "--as", "csv"])
        #expect(intoFolder.status == 0 && FileManager.default.fileExists(atPath: root.appendingPathComponent("结果.gpkg/方案:2024.csv").path), "\(intoFolder.err)")
    }

    /// With --force, an input that now fails leaves no output of an earlier run behind; an output
    /// folder named like a file and a layer of a txt are refused; an inventory that is an input of the
    /// batch is refused before anything is read.
    @Test func forceLeavesNoStaleOutputAndMistakesAreRefusedFirst() throws {
        let inputs = try Self.inputs()
        defer { try? FileManager.default.removeItem(at: inputs.deletingLastPathComponent()) }
        let out = inputs.deletingLastPathComponent().appendingPathComponent("out")
        let good = [inputs.appendingPathComponent("kqfw.txt").path, inputs.appendingPathComponent("tqfw.txt").path]
        #expect(try CLITests.run(["area"] + good + ["-o", out.path, "--as", "csv"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("tqfw.csv").path))
        try Data("not a boundary-point file\n".utf8).write(to: inputs.appendingPathComponent("tqfw.txt"))
        let forced = try CLITests.run(["area"] + good + ["-o", out.path, "--as", "csv", "--force"])
        #expect(forced.status == 3)
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("tqfw.csv").path), "the old output no longer describes its input")
        let fileLike = try CLITests.run(["area"] + good + ["-o", out.path + ".xlsx", "--as", "xlsx"])
        #expect(fileLike.status == 3 && fileLike.err.contains("folder"), "\(fileLike.err)")
        let layered = try CLITests.run(["area", good[0] + ":layer", CLITests.sample("kfqfw.txt")])
        #expect(layered.status == 3 && layered.err.contains("no layers"), "\(layered.err)")
        let inventory = try CLITests.run(["info", inputs.path, "-o", out.appendingPathComponent("kqfw.csv").path, "--force"])
        #expect(inventory.status == 3 || inventory.status == 5)
        let intoInput = try CLITests.run(["info", inputs.path, "-o", inputs.appendingPathComponent("kqfw.txt").path, "--force"])
        #expect(intoInput.status == 5 && intoInput.out.isEmpty, "refused before any input is read: \(intoInput.out)\(intoInput.err)")
        #expect(try String(contentsOf: inputs.appendingPathComponent("kqfw.txt"), encoding: .isoLatin1).contains("J1"))
    }

    @Test func aBatchTakesNoProjectAndNoLayerOption() throws {
        let project = try CLITests.run(["area", CLITests.sample("zone.yaml"), CLITests.sample("kqfw.txt")])
        #expect(project.status == 3 && project.err.contains("project file"), "\(project.err)")
        let single = try CLITests.run(["area", CLITests.sample("kqfw.txt"), "--as", "xlsx"])
        #expect(single.status == 3 && single.err.contains("--as"), "\(single.err)")
    }

    /// Two inputs of one name, a third named as the second's number would be, and one named as the
    /// summary: four outputs of their own, and the summary beside them; a batch's summary is no input
    /// of the next batch on its folder.
    @Test func outputNamesNeverMeetAndTheSummaryIsNoInput() throws {
        let root = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        var inputs: [String] = []
        for (folder, name, sample) in [("x", "a.txt", "kqfw.txt"), ("y", "a.txt", "tqfw.txt"), ("z", "a-2.txt", "kfqfw.txt"), ("z", "summary.txt", "tqfw.txt")] {
            let path = root.appendingPathComponent("\(folder)/\(name)")
            try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: CLITests.sample(sample), toPath: path.path)
            inputs.append(path.path)
        }
        let out = root.appendingPathComponent("out")
        let result = try CLITests.run(["area"] + inputs + ["-o", out.path, "--as", "xlsx"])
        #expect(result.status == 0, "\(result.out)\(result.err)")
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: out.path)) == ["a.xlsx", "a-3.xlsx", "a-2.xlsx", "summary-2.xlsx", "summary.xlsx"])
        let summary = try ZoneReportTests.sheet(out.appendingPathComponent("summary.xlsx").path, "areas")
        #expect((0..<4).map { summary.value("output", row: $0)?.text } == ["a.xlsx", "a-3.xlsx", "a-2.xlsx", "summary-2.xlsx"])
        let again = try CLITests.run(["qc", out.path, "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(again.out.utf8)) as? [[String: Any]], "\(again.out)\(again.err)")
        #expect(!rows.contains { ($0["file"] as? String)?.hasSuffix("/summary.xlsx") == true }, "\(rows)")
        let txt = try CLITests.run(["area"] + inputs + ["-o", out.path, "--as", "txt", "--force"])
        #expect(txt.status == 3 && txt.err.contains("--as"), "a boundary-point txt holds no area table: \(txt.err)")
    }
}
