import Foundation
import Testing

/// `proposal check PROJECT --each FILE…|FOLDER`: every file a proposal of its own, its own report folder,
/// a summary workbook, the exit status of the worst verdict, a malformed file reported while the
/// others are checked; the same results with one worker or two.
@Suite struct ProposalBatchTests {
    /// A folder with the sample's expansion and adjustment and a file that is no boundary-point txt.
    static func inputs() throws -> URL {
        let folder = try CLITests.temporaryFolder().appendingPathComponent("in")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["kqfw.txt", "tqfw.txt"] {
            try FileManager.default.copyItem(atPath: CLITests.sample(name), toPath: folder.appendingPathComponent(name).path)
        }
        try Data("not a boundary-point file\n".utf8).write(to: folder.appendingPathComponent("broken.txt"))
        return folder
    }

    @Test func eachFileIsCheckedOnItsOwnWithAFolderAndASummaryRow() throws {
        let inputs = try Self.inputs()
        defer { try? FileManager.default.removeItem(at: inputs.deletingLastPathComponent()) }
        let out = inputs.deletingLastPathComponent().appendingPathComponent("out")
        let result = try CLITests.run(["proposal", "check", CLITests.sample("zone.yaml"), "--each", inputs.path, "-o", out.path, "--no-pdf"])
        #expect(result.status == 3, "a file that cannot be read is bad input, the worst status: \(result.out)\(result.err)")
        let summary = try ZoneReportTests.sheet(out.appendingPathComponent("summary.xlsx").path, "proposal checks")
        #expect(summary.fields == ["No.", "file", "layer", "kind", "added (ha)", "taken out (ha)", "rules failed",
                                   "rules to review or not checked", "verdict", "report folder", "error or note"])
        #expect(summary.rows.count == 3)
        func value(_ field: String, _ row: Int) -> String? { summary.value(field, row: row)?.text }
        // Files in name order: broken, kqfw, tqfw.
        #expect(value("verdict", 0) == "not checked" && value("error or note", 0)?.contains("broken.txt") == true && value("report folder", 0) == nil)
        #expect(value("kind", 1) == "expansion" && value("verdict", 1) == "fail" && value("rules failed", 1) == "R1 R3" && value("report folder", 1) == "kqfw")
        #expect(summary.value("added (ha)", row: 1)?.doubleValue == 100 && summary.value("taken out (ha)", row: 1)?.doubleValue == 0)
        #expect(value("kind", 2) == "adjustment" && value("verdict", 2) == "pass" && value("report folder", 2) == "tqfw")
        // 7.1992 ha declared in tqfw.txt for each of TC1 and TR1, 7.20 rounded.
        #expect(summary.value("added (ha)", row: 2)?.doubleValue == 7.2 && summary.value("taken out (ha)", row: 2)?.doubleValue == 7.2)
        for name in ["kqfw", "tqfw"] {
            for file in ["report.html", "report.docx", "proposal.gpkg", "new_boundary.txt", "map.geojson"] {
                #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("\(name)/\(file)").path), "\(name)/\(file)")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("broken").path), "no folder for the file not checked")
        // Again without --force: refused before any proposal is checked, nothing changed.
        let summaryBefore = try Data(contentsOf: out.appendingPathComponent("summary.xlsx"))
        let again = try CLITests.run(["proposal", "check", CLITests.sample("zone.yaml"), "--each", inputs.path, "-o", out.path, "--no-pdf"])
        #expect(again.status == 5 && again.err.contains("--force") && again.out.isEmpty, "\(again.out)\(again.err)")
        #expect(try Data(contentsOf: out.appendingPathComponent("summary.xlsx")) == summaryBefore)
        // With --force, a proposal that can no longer be read keeps no report of the earlier run, which passed.
        try Data("not a boundary-point file\n".utf8).write(to: inputs.appendingPathComponent("tqfw.txt"))
        let forced = try CLITests.run(["proposal", "check", CLITests.sample("zone.yaml"), "--each", inputs.path, "-o", out.path, "--no-pdf", "--force"])
        #expect(forced.status == 3, "\(forced.out)\(forced.err)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("tqfw").path), "no stale report of tqfw.txt")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("kqfw/report.html").path))
        // The two good files alone: the worst verdict is kqfw's fail.
        let good = try CLITests.run(["proposal", "check", CLITests.sample("zone.yaml"), "--each", CLITests.sample("kqfw.txt"), CLITests.sample("tqfw.txt")])
        #expect(good.status == 1, "\(good.out)")
        let pass = try CLITests.run(["proposal", "check", CLITests.sample("zone.yaml"), "--each", CLITests.sample("tqfw.txt")])
        #expect(pass.status == 0)
    }

    @Test func oneAndTwoWorkersGiveTheSameSummary() throws {
        let inputs = try Self.inputs()
        defer { try? FileManager.default.removeItem(at: inputs.deletingLastPathComponent()) }
        let one = try CLITests.run(["proposal", "check", CLITests.sample("zone.yaml"), "--each", inputs.path, "--workers", "1", "--format", "json"])
        let two = try CLITests.run(["proposal", "check", CLITests.sample("zone.yaml"), "--each", inputs.path, "--workers", "2", "--format", "json"])
        #expect(one.out == two.out && one.out.hasPrefix("["))
        let lines = try #require(try JSONSerialization.jsonObject(with: Data(one.out.utf8)) as? [[String: Any]])
        #expect(lines.map { $0["exitStatus"] as? Int } == [3, 1, 0])
    }

    /// A pattern the shell left alone (as on Windows) is expanded; without --each the help says several
    /// files are one proposal.
    @Test func patternsAreExpandedAndTheHelpSaysWhatSeveralFilesMean() throws {
        let inputs = try Self.inputs()
        defer { try? FileManager.default.removeItem(at: inputs.deletingLastPathComponent()) }
        let result = try CLITests.run(["proposal", "check", CLITests.sample("zone.yaml"), "--each", inputs.path + "/*fw.txt", "--format", "json"])
        let lines = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [[String: Any]])
        #expect(lines.compactMap { ($0["file"] as? String).map { ($0 as NSString).lastPathComponent } } == ["kqfw.txt", "tqfw.txt"])
        let help = try CLITests.run(["proposal", "check", "--help"])
        let words = help.out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("Without --each, several files are the pieces of one proposal"), "\(help.out)")
    }
}
