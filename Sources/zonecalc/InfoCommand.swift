import ArgumentParser
import ZoneCalc

struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "info", abstract: "Describe a vector file: layers, counts, CRS, extent, fields, encoding, invalid geometries.")
    @OptionGroup var source: SourceOptions
    func run() throws {}
}
