import ArgumentParser
import ZoneCalc

struct StandardLandCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "standard-land",
        abstract: "Standard land (标准地) and industrial-land control indicators: agreed vs achieved per parcel, gap, pass/fail, checkpoint, 投而未达.")

    @Argument(help: "The zone project file (zone.yaml).")
    var project: String

    @Option(help: "The date to judge by, YYYY-MM-DD (default: the project's as_of).")
    var asOf: String?

    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingErrors(source: project) {
            let zone = try ZoneProjectLoader.load(project)
            let report = try StandardLandJob.run(project: zone, asOf: try CommandDates.parse(asOf))
            if let path = output.output {
                try StandardLandExport.write(report, to: path, encoding: output.encoding, force: output.force,
                                             inputs: [project] + zone.layers.values.map(\.source.path))
            }
            print(StandardLandReportText().render(report), terminator: "")
        }
    }
}

/// Reads an `--as-of` date.
enum CommandDates {
    static func parse(_ text: String?) throws -> CalendarDate? {
        guard let text else { return nil }
        guard case .date(let date) = LandDateParser.parse(.string(text)) else { throw ValidationError("--as-of '\(text)' is not a date") }
        return date
    }
}
