import ArgumentParser
import ZoneCalc

struct OverlayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overlay",
        abstract: "Intersect a layer (parcels, 三调 land use…) with a zone or another layer: pieces, areas by class with the 三大类 roll-up, features crossing the boundary.")

    @Argument(help: "A zone project file (zone.yaml); with --layer, overlays that layer with the zone's boundary.")
    var project: String?

    @Option(help: "With a project: the layer to overlay with the boundary (land_use, parcels, buildings…).")
    var layer: String?

    @Option(help: "Layer A, whose features are cut: FILE[:LAYER].")
    var a: String?

    @Option(help: "Layer B, the zone or overlay layer: FILE[:LAYER]. Repeat to overlay A with several layers in one reading of A.")
    var b: [String] = []

    @Option(help: "Field of A to total by (e.g. DLBM, or with a project a ZoneCalc field such as land_use); 三调 codes get the 三大类 roll-up and the 耕地 subtotal.")
    var by: String?

    @Option(help: "Area method(s), comma-separated: planar, ellipsoidal, geodesic; the first gives shares and slivers. Default planar,ellipsoidal (with a project: its area_method first).")
    var method: String?

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

    @OptionGroup var datum: DatumOptions

    @Option(help: "Decimals in the table (default: m² 2, 公顷 and 亩 4).")
    var decimals: Int?

    @Option(help: "Terminal output format: table or json.")
    var format: AreaCommand.Format = .table

    @OptionGroup var output: OutputOptions

    @Option(name: .customLong("workers"), help: "Worker threads (default: the number of cores).")
    var workers: Int?

    func validate() throws {
        if project != nil {
            guard layer != nil, a == nil, b.isEmpty else { throw ValidationError("with a project, give --layer (and no --a/--b)") }
        } else {
            guard a != nil, !b.isEmpty, layer == nil else { throw ValidationError("give a project file and --layer, or --a and at least one --b") }
        }
    }

    func run() throws {
        try reportingErrors(source: project ?? a ?? "") {
            var options = OverlayOptions()
            options.methods = try AreaCommand.parseMethods(method ?? "planar,ellipsoidal")
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
            options.datum = try datum.policy() ?? .refuse
            let aSpec: SourceSpec, bSpecs: [SourceSpec]
            if let project {
                let zone = try ZoneProjectLoader.load(project)
                guard let role = LayerRole(rawValue: layer ?? "") else {
                    throw ValidationError("--layer must be one of: \(LayerRole.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                let chosen = try zone.layer(role), boundary = try zone.layer(.boundary)
                (aSpec, bSpecs) = (chosen.source, [boundary.source])
                options.aCRS = aCRS ?? chosen.crs
                options.bCRS = bCRS ?? boundary.crs
                options.byField = by.map { chosen.field($0) ?? $0 }
                options.aIdField = chosen.field("id")
                options.bIdField = boundary.field("id")
                options.datum = try datum.policy() ?? zone.datumPolicy
                if method == nil { options.methods = [zone.areaMethod] + options.methods.filter { $0 != zone.areaMethod } }
            } else {
                (aSpec, bSpecs) = (SourceSpec(parsing: a!), b.map { SourceSpec(parsing: $0) })
            }
            let aReader = try LayerReaders.open(aSpec)
            if options.byField != nil {
                let mapping = try project.map { try ZoneProjectLoader.load($0).layers[LayerRole(rawValue: layer ?? "")!] }
                options.deduction = LandUseDeductionFields.detect(in: aReader.fields) { mapping??.field($0) }
            }
            var layers: [FeatureLayerReader] = []
            for spec in bSpecs { layers.append(try LayerReaders.open(spec)) }
            let reports = try OverlayJob.run(a: aReader, layers: layers, options: options)
            if let path = output.output {
                try OverlayExport.write(reports, to: path, encoding: output.encoding, force: output.force,
                                        inputs: [aSpec.path] + bSpecs.map(\.path))
            }
            switch format {
            case .table: print(reports.map { OverlayReportText(decimals: decimals).render($0) }.joined(separator: "\n"), terminator: "")
            case .json: print(try OverlayReportJSON().render(reports))
            }
        }
    }
}
