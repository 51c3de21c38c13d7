import ArgumentParser
import Foundation
import ZoneCalc

struct AreaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "area",
        abstract: "Area of every polygon feature and the total, by the planar, ellipsoidal (三调) or geodesic method.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @OptionGroup var source: SourceOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "Area method(s), comma-separated: ellipsoidal (national land-survey formula, the figure land statistics use), planar (Gauss–Krüger plane), geodesic (Karney), or all.")
    var method: String = "ellipsoidal"

    /// The methods asked for, in the order given.
    var methods: [AreaMethod] {
        get throws { try Self.parseMethods(method) }
    }

    /// Parses "all" or a comma-separated list of area methods.
    static func parseMethods(_ text: String) throws -> [AreaMethod] {
        if text == "all" { return AreaMethod.allCases }
        var chosen: [AreaMethod] = []
        for name in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard let parsed = AreaMethod(rawValue: name) else {
                throw ValidationError("unknown area method '\(name)': use ellipsoidal, planar, geodesic (comma-separated) or all")
            }
            if !chosen.contains(parsed) { chosen.append(parsed) }
        }
        guard !chosen.isEmpty else { throw ValidationError("--method needs at least one method") }
        return chosen
    }

    @Option(help: "Unit for figures: m2, ha (公顷), mu (亩, exactly 2000/3 m²), km2.")
    var unit: AreaUnit = .squareMetre

    @Option(help: "Decimals (default: m² 2, 公顷 and 亩 4, km² 6).")
    var decimals: Int?

    @Option(help: "Field holding a declared area to compare with the computed one.")
    var declared: String?

    @Option(help: "Unit of the declared field (default: the --unit).")
    var declaredUnit: AreaUnit?

    @Option(help: "Relative tolerance for declared vs computed area, in percent.")
    var tolerance: Double = 0.1

    @Option(help: "Sum areas by this field (e.g. a land-use code field such as DLBM).")
    var by: String?

    @Option(help: "Id field shown per feature (default: the first of ZDBH, DKBH, BSM, 宗地编号… present).")
    var idField: String?

    @Flag(help: "Leave invalid polygons out instead of measuring them after make-valid.")
    var skipInvalid = false

    @Flag(help: "Print only the totals (and classes), not one row per feature.")
    var totalsOnly = false

    @Option(help: "Terminal output format: table or json.")
    var format: Format = .table

    @Option(name: .customLong("workers"), help: "Worker threads (default: the number of cores).")
    var workers: Int?

    @Flag(help: "Print how long opening, measuring and writing took (to stderr), for benchmarks.")
    var timings = false

    func validate() throws {
        _ = try methods
        if tolerance < 0 { throw ValidationError("--tolerance must be ≥ 0") }
        if let decimals, !(0...12).contains(decimals) { throw ValidationError("--decimals must be 0…12") }
        if let workers, workers < 1 { throw ValidationError("--workers must be ≥ 1") }
    }

    func run() throws {
        try reportingErrors(source: source.input) {
            var options = AreaOptions()
            options.methods = try methods
            options.crsOverride = try source.crsDefinition()
            options.swapXY = source.swapXY
            options.declaredField = declared
            options.declaredUnit = declaredUnit ?? unit
            options.declaredTolerance = tolerance / 100
            options.byField = by
            options.labelField = idField
            options.skipInvalid = skipInvalid
            if let workers { options.workers = workers }
            options.keepAllRows = !totalsOnly || output.output != nil
            let clock = ContinuousClock()
            let started = clock.now
            let reader = try LayerReaders.open(source.spec)
            let opened = clock.now
            let report = try AreaJob.run(reader, options: options)
            let measured = clock.now
            defer {
                if timings {
                    let seconds = { (d: Duration) in String(format: "%.3f", Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18) }
                    FileHandle.standardError.write(Data("timings: open \(seconds(opened - started)) s, measure \(seconds(measured - opened)) s, output \(seconds(clock.now - measured)) s\n".utf8))
                }
            }
            if let path = output.output {
                try AreaExport.write(report, reader: reader, to: path, unit: unit, swapXY: source.swapXY, encoding: output.encoding,
                                     force: output.force, inputs: source.inputFiles)
            }
            switch format {
            case .table:
                print(AreaReportText(unit: unit, decimals: decimals, showFeatures: !totalsOnly).render(report), terminator: "")
            case .json:
                print(try AreaReportJSON(unit: unit, includeFeatures: !totalsOnly).render(report))
            }
        }
    }
}

extension AreaUnit: ExpressibleByArgument {}
