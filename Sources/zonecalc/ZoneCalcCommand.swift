import ArgumentParser
import Foundation
import ZoneCalc

@main
struct ZoneCalcCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zonecalc",
        abstract: Bilingual("开发区土地账：平方米、公顷、亩面积，GIS 格式，界址点坐标 txt。",
                            "Land accounts of Chinese development zones (开发区): areas in m², 公顷 and 亩, GIS formats, boundary-point txt.").inRun,
        discussion: Bilingual("退出码（所有命令相同）：\n", "Exit status (the same for every command):\n").inRun + ExitStatus.table(RunLanguage.current),
        version: ZoneCalcVersion.current,
        subcommands: [InfoCommand.self, AreaCommand.self, OverlayCommand.self, EvaluateCommand.self, IdleCommand.self, StandardLandCommand.self, PerMuCommand.self, ReportCommand.self, ProposalCommand.self, QCCommand.self, ConvertCommand.self, InitCommand.self])

    /// Parses and runs the command, with Ctrl-C removing unfinished outputs; a mistyped command gets the
    /// nearest one, a command line that cannot run gets its message and status 3 (``UsageErrors``).
    static func main() {
        InterruptHandling.install()
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let problem = CommandSuggestion.problem(in: arguments, root: self) {
            FileHandle.standardError.write(Data("zonecalc: \(problem.inRun)\n".utf8))
            Foundation.exit(ExitStatus.badInput.rawValue)
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            UsageErrors.exit(for: error, command: self)
        }
    }
}
