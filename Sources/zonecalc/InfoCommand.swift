import ArgumentParser
import ZoneCalc

struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Describe a vector file: layers, feature counts, geometry types, CRS (with Gauss–Krüger zone), extent, fields, text encoding and invalid geometries.")

    @OptionGroup var source: SourceOptions

    func run() throws {
        try reportingErrors(source: source.input) {
            let spec = source.spec
            let crs = try source.crsDefinition()
            for reader in try LayerReaders.openAll(spec) {
                let summary = try LayerSummary.scan(reader, crsOverride: crs, swapXY: source.swapXY)
                print(LayerSummaryText.render(summary))
            }
        }
    }
}
