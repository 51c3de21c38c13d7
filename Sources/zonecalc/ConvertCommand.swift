import ArgumentParser
import ZoneCalc

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "convert", abstract: "Convert between GIS formats and the boundary-point txt.")
    func run() throws {}
}
