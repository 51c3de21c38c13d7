import ArgumentParser
import Foundation
import ZoneCalc

extension QCSeverity: ExpressibleByArgument {}

struct QCCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qc",
        abstract: "Batch checks of a parcel dataset with stable codes (geometry, overlaps, zone, attributes, coordinates). Exit 0 clean, 1 findings at or above --fail-on, 2 could not run.")

    @Argument(help: "A parcel layer FILE[:LAYER], or a zone project file (its parcels layer, boundary and field mapping).")
    var input: String

    @Option(help: "Layer name in a multi-layer file.")
    var layer: String?

    @Option(help: "The approved zone FILE[:LAYER], for parcels outside it (a project's boundary by default).")
    var zone: String?

    @Option(help: "A QC rule set (YAML) instead of the bundled qc-rules.yaml.")
    var rules: String?

    @Option(help: "Id field (default: a usual one, ZDBH/DKBH/BSM…).")
    var idField: String?

    @Option(help: "Land-use code field (default DLBM when present).")
    var landUseField: String?

    @Option(help: "Declared-area field (default SBMJ when present).")
    var declared: String?

    @Option(help: "Unit of the declared area: m2, ha, mu, km2.")
    var declaredUnit: AreaUnit = .mu

    @Option(help: "CRS of the layer when its file has none or a wrong one.")
    var crs: String?

    @Flag(help: "The file stores northings as x and eastings as y (surveying order).")
    var swapXY = false

    @Option(help: "Exit with status 1 when there are findings of this severity or above: error, warning or info.")
    var failOn: QCSeverity = .error

    @Option(help: "Write a repaired copy (make-valid, repeated points removed) with the area change per parcel.")
    var fix: String?

    @OptionGroup var output: OutputOptions

    @Option(name: .customLong("workers"), help: "Worker threads (default: the number of cores).")
    var workers: Int?

    @Flag(help: "Print the duration of each pass, and of the whole job from opening the inputs to the last output, on stderr.")
    var timings = false

    func validate() throws {
        if let workers, workers < 1 { throw ValidationError("--workers must be at least 1") }
    }

    func run() throws {
        var failed = false
        do {
            try check { failed = $0 }
        } catch let code as ExitCode where code.rawValue > 1 {
            throw ExitCode(2)   // could not run (Docs/qc.md): 2 whatever the cause
        }
        if failed { throw ExitCode(1) }
    }

    private func check(_ failed: (Bool) -> Void) throws {
        try reportingErrors(source: input) {
            let started = Date()
            var options = QCOptions()
            var inputs: [String]
            if input.hasSuffix(".yaml") || input.hasSuffix(".yml") {
                let project = try ZoneProjectLoader.load(input)
                options.project = project
                inputs = project.inputPaths
            } else {
                var spec = SourceSpec(parsing: input)
                if let layer { spec.layer = layer }
                options.source = spec
                inputs = [spec.path]
            }
            options.zone = zone.map { SourceSpec(parsing: $0) }
            if let zone = options.zone { inputs.append(zone.path) }
            if let rules { inputs.append(rules) }
            if let crs, crs.lowercased().hasSuffix(".prj") { inputs.append(crs) }  // an output's .prj sidecar may not replace it
            options.swapXY = swapXY
            options.rulesPath = rules
            options.idField = idField
            options.landUseField = landUseField
            options.declaredField = declared
            options.declaredUnit = declaredUnit
            options.crs = crs
            if let workers { options.workers = workers }
            let time: @Sendable (String, Double) -> Void = { name, seconds in
                FileHandle.standardError.write(Data("qc: \(name) \(NumberText.fixed(seconds, decimals: 3)) s\n".utf8))
            }
            if timings { options.timings = time }
            if isatty(STDERR_FILENO) != 0 {
                options.progress = QCProgress { line in
                    FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
                }
            }
            let report = try QCJob.run(options)
            // The findings file and the fixed layer are put in place together, or neither is.
            try SafeOutput.together {
                if let path = output.output { try QCExport.write(report, to: path, encoding: output.encoding, force: output.force, inputs: inputs) }
                if let fix {
                    let spec = options.source ?? options.project!.layers[.parcels]!.source
                    try QCFixWriter.write(report, reader: try LayerReaders.open(spec), to: fix, encoding: output.encoding, force: output.force, inputs: inputs)
                }
            }
            print(QCReportText().render(report), terminator: "")
            if timings { time("job", Date().timeIntervalSince(started)) }
            failed(report.count(atLeast: failOn) > 0)
        }
    }
}
