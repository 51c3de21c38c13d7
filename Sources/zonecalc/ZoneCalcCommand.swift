import ArgumentParser
import ZoneCalc

@main
struct ZoneCalcCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zonecalc",
        abstract: "Land accounts of Chinese development zones (开发区): areas in m², 公顷 and 亩, GIS formats, boundary-point txt.",
        version: "0.1.0",
        subcommands: [InfoCommand.self, AreaCommand.self, OverlayCommand.self, EvaluateCommand.self, IdleCommand.self, StandardLandCommand.self, PerMuCommand.self, ProposalCommand.self, QCCommand.self, ConvertCommand.self, InitCommand.self])

    /// Parses and runs the command, with Ctrl-C removing unfinished outputs.
    static func main() {
        InterruptHandling.install()
        main(nil)
    }
}
