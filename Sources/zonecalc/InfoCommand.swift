import ArgumentParser
import ZoneCalc

struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: Bilingual("查看矢量文件：图层、要素数、几何类型、坐标参照系（含高斯-克吕格带号）、范围、字段、文字编码和无效几何。", "Describe a vector file: layers, feature counts, geometry types, CRS (with Gauss–Krüger zone), extent, fields, text encoding and invalid geometries.").inRun)

    @OptionGroup var language: LanguageOptions

    @Argument(help: SourceOptions.inputHelp) var inputs: [String]

    @OptionGroup var source: SourceOptions

    @Option(name: [.customShort("o"), .long], help: Bilingual("把数据清单（每个图层一行：格式、要素数、几何类型、坐标参照系、编码、字段数、无效几何）写入文件：.xlsx、.csv 等。",
                                                              "Write the inventory (one row per layer: format, features, geometries, CRS, encoding, fields, invalid geometries) to a file: .xlsx, .csv ….").help)
    var output: String?

    @Flag(help: Bilingual("替换已有的输出文件。", "Replace an existing output file.").help)
    var force = false

    func validate() throws { try source.check(inputs) }

    /// Every layer of the project, in the order of the roles.
    private func projectLayers() throws -> [ResolvedSource] {
        let project = try ZoneProjectLoader.load(inputs[0])
        let crs = try source.crsDefinition()
        return LayerRole.allCases.compactMap { project.layers[$0] }
            .map { ResolvedSource(spec: $0.source, crs: crs ?? $0.crs, project: project, projectLayer: $0) }
    }

    func run() throws {
        var status = ExitStatus.success
        try reportingErrors(source: inputs[0]) {
            let isBatch = InputFiles.isBatch(inputs)
            // A batch's inputs are known once expanded: the inventory may be none of them.
            let batch = isBatch ? try LayerBatch(inputs, source: source, output: nil, force: force, workers: nil) : nil
            if let output {
                try checkOutputsFirst([output], inputs: inputs.map { SourceSpec(parsing: $0).path } + (batch?.files.map(\.path) ?? []), force: force)
            }
            let items: [BatchItem<[LayerSummary]>]
            if let batch {
                let (crs, swapXY) = (try source.crsDefinition(), source.swapXY)
                items = try batch.run(Bilingual("逐个查看", "describing each file")) { spec, _, _ in
                    try LayerReaders.openAll(spec).map { try LayerSummary.scan($0, crsOverride: crs, swapXY: swapXY) }
                }
            } else {
                // A project without --role: every layer it names, in the order of the roles.
                let resolved = SourceOptions.isProject(inputs[0]) && source.role == nil
                    ? try projectLayers()
                    : [try source.resolve(inputs[0], defaultRole: nil)]
                items = try resolved.map { input in
                    BatchItem(file: input.spec, result: .success(try LayerReaders.openAll(input.spec).map {
                        try LayerSummary.scan($0, crsOverride: input.crs, swapXY: source.swapXY)
                    }))
                }
            }
            for case .success(let layers) in items.map(\.result) {
                for layer in layers { print(LayerSummaryText.render(layer, language: RunLanguage.current)) }
            }
            let summary = BatchSummary.info(items, language: RunLanguage.current)
            // The table first: it says what became of each input even when the inventory cannot be written.
            if isBatch {
                print(summary.text(RunLanguage.current), terminator: "")
                status = summary.worst
            }
            if let output { try summary.write(to: output, language: RunLanguage.current, inputs: items.map(\.file.path), force: force) }
        }
        if status != .success { throw ExitCode(status) }
    }
}
