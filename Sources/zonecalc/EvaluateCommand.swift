import ArgumentParser
import ZoneCalc

struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Land-intensity evaluation of a zone (开发区土地集约利用评价): land status, indicators with their sources, zone type, score.")

    @Argument(help: "The zone project file (zone.yaml).")
    var project: String

    @Option(name: [.customShort("o"), .long], help: "Also write the evaluation as a table: .csv or .xlsx.")
    var output: String?

    @Flag(help: "Replace an existing output file.")
    var force = false

    @Option(help: "Terminal output format: table or json.")
    var format: AreaCommand.Format = .table

    @Option(name: .customLong("workers"), help: "Worker threads for the overlays (default: the number of cores).")
    var workers: Int?

    func run() throws {
        try reportingErrors(source: project) {
            let zone = try ZoneProjectLoader.load(project)
            let frame = try workers.map { try AnalysisFrame(project: zone, workers: $0) } ?? AnalysisFrame(project: zone)
            let report = try EvaluationJob.run(frame: frame)
            if let output {
                try EvaluationExport.write(report, to: output, force: force, inputs: zone.inputPaths)
            }
            switch format {
            case .table: print(EvaluationReportText().render(report), terminator: "")
            case .json: print(try EvaluationReportJSON().render(report))
            }
        }
    }
}
