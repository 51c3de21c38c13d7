import Foundation
import Testing

/// Progress goes to a terminal only: run under a pseudo-terminal (`script`, util-linux) the steps are
/// shown with their counts; with stderr a pipe, nothing extra is written.
@Suite struct ProgressTests {
    @Test func stepsAreShownOnATerminalAndNothingOtherwise() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try OutputSafetyTests.parcels(20_000, in: folder)
        let findings = folder.appendingPathComponent("findings.gpkg").path
        let piped = try CLITests.run(["qc", input, "-o", findings], language: CommandLineLanguageTests.chinese)
        #expect(piped.status <= 1 && !piped.err.contains("\r") && !piped.err.contains("逐宗检查"), "\(piped.err)")
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
            Issue.record("no /usr/bin/script (util-linux): progress on a terminal is not tested")
            return
        }
        let command = [CLITests.binary.path, "qc", input, "-o", findings, "--force"].map { "'\($0)'" }.joined(separator: " ")
        let terminal = try CLITests.run(["-qec", command, "/dev/null"], language: CommandLineLanguageTests.chinese,
                                        executable: URL(fileURLWithPath: "/usr/bin/script"))
        #expect(terminal.status <= 1, "\(terminal.err)")
        #expect(terminal.out.contains("\r\u{1B}[K逐宗检查 ") && terminal.out.contains(" / 20000（"), "\(terminal.out.prefix(400))")
    }
}
