import ArgumentParser
import ZoneCalc

struct OverlayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overlay",
        abstract: "Intersect a layer (parcels, 三调 land use…) with a zone or another layer: pieces, areas by class with the 三大类 roll-up, features crossing the boundary.")

    @Option(help: "Layer A, whose features are cut: FILE[:LAYER].")
    var a: String

    @Option(help: "Layer B, the zone or overlay layer: FILE[:LAYER]. Repeat to overlay A with several layers in one reading of A.")
    var b: [String]

    @Option(help: "Field of A to total by (e.g. DLBM); 三调 codes get the 三大类 roll-up and the 耕地 subtotal.")
    var by: String?

    @Option(help: "Area method(s), comma-separated: planar, ellipsoidal, geodesic. The first one gives the shares.")
    var method: String = "planar,ellipsoidal"

    @Option(help: "Numeric fields of A to apportion to the pieces by area share (repeatable).")
    var apportion: [String] = []

    @Flag(help: "Treat each part of a multi-part B feature (e.g. a zone in several parts) separately.")
    var perPart = false

    @Option(help: "Pieces smaller than this many m² are slivers: listed, left out of the statistics.")
    var sliverArea: Double = 1

    @Option(help: "Pieces whose mean width (2·area/perimeter) is below this many metres are slivers.")
    var sliverWidth: Double = 0.1

    @Flag(help: "Do not look for features of A that overlap each other: totals are plain sums of the pieces (faster on very large layers).")
    var noOverlapCheck = false

    @Flag(help: "Leave invalid polygons of A out instead of overlaying them after make-valid.")
    var skipInvalid = false

    @Option(help: "CRS of A when its file has none or a wrong one.")
    var aCRS: String?

    @Option(help: "CRS of B when its file has none or a wrong one.")
    var bCRS: String?

    @Option(help: "Decimals in the table (default: m² 2, 公顷 and 亩 4).")
    var decimals: Int?

    @Option(help: "Terminal output format: table or json.")
    var format: AreaCommand.Format = .table

    @OptionGroup var output: OutputOptions

    @Option(name: .customLong("workers"), help: "Worker threads (default: the number of cores).")
    var workers: Int?

    func validate() throws {
        if b.isEmpty { throw ValidationError("give at least one --b layer") }
    }

    func run() throws {
        try reportingErrors(source: a) {
            var options = OverlayOptions()
            options.methods = try AreaCommand.parseMethods(method)
            options.byField = by
            options.apportion = apportion
            options.perPart = perPart
            options.sliverArea = sliverArea
            options.sliverWidth = sliverWidth
            options.skipInvalid = skipInvalid
            options.aCRS = aCRS
            options.bCRS = bCRS
            options.keepGeometry = output.output != nil
            options.accountOverlaps = !noOverlapCheck
            if let workers { options.workers = workers }
            let aReader = try LayerReaders.open(SourceSpec(parsing: a))
            var layers: [FeatureLayerReader] = []
            for spec in b { layers.append(try LayerReaders.open(SourceSpec(parsing: spec))) }
            let reports = try OverlayJob.run(a: aReader, layers: layers, options: options)
            if let path = output.output {
                try OverlayExport.write(reports, to: path, encoding: output.encoding, force: output.force,
                                        inputs: [SourceSpec(parsing: a).path] + b.map { SourceSpec(parsing: $0).path })
            }
            switch format {
            case .table: print(reports.map { OverlayReportText(decimals: decimals).render($0) }.joined(separator: "\n"), terminator: "")
            case .json: print(try OverlayReportJSON().render(reports))
            }
        }
    }
}
