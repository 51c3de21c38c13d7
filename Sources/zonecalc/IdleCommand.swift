import ArgumentParser
import ZoneCalc

struct IdleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "idle",
        abstract: "Idle land (闲置土地, 国土资源部令第53号): every parcel classified as of a date, years idle, idle fee, 供而未用/用而未尽/建而未投, 批而未供.")

    @Argument(help: "The zone project file (zone.yaml).")
    var project: String

    @Option(help: "The date to judge by, YYYY-MM-DD (default: the project's as_of).")
    var asOf: String?

    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingErrors(source: project) {
            let zone = try ZoneProjectLoader.load(project)
            let report = try IdleLandJob.run(project: zone, asOf: try CommandDates.parse(asOf))
            if let path = output.output {
                try IdleExport.write(report, to: path, encoding: output.encoding, force: output.force,
                                     inputs: [project] + zone.layers.values.map(\.source.path))
            }
            print(IdleReportText().render(report), terminator: "")
        }
    }
}
