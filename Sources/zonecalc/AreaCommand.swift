import ArgumentParser
import Foundation
import ZoneCalc

struct AreaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "area",
        abstract: Bilingual("每个面要素的面积及合计，可按平面、椭球（三调）或测地线方法计算。", "Area of every polygon feature and the total, by the planar, ellipsoidal (三调) or geodesic method.").inRun)

    @OptionGroup var language: LanguageOptions

    @Argument(help: SourceOptions.inputHelp) var inputs: [String]

    @OptionGroup var source: SourceOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var batchFormat: BatchFormatOptions
    @OptionGroup var sourceFields: SourceFieldsOptions

    @Option(help: Bilingual("面积算法，可用逗号分隔多个：ellipsoidal（椭球面积，国土调查公式，土地统计所用的数）、planar（高斯-克吕格平面面积）、geodesic（Karney 测地线面积），或 all。默认：项目文件的 area_method，否则 ellipsoidal。",
                            "Area method(s), comma-separated: ellipsoidal (national land-survey formula, the figure land statistics use), planar (Gauss–Krüger plane), geodesic (Karney), or all. Default: the project's area_method, else ellipsoidal.").help)
    var method: String?

    /// The methods asked for, in the order given; without --method, the project's area method, else ellipsoidal.
    func methods(project: ZoneProject?) throws -> [AreaMethod] {
        try method.map(Self.parseMethods) ?? [project?.areaMethod ?? .ellipsoidal]
    }

    /// Parses "all" or a comma-separated list of area methods.
    static func parseMethods(_ text: String) throws -> [AreaMethod] {
        if text == "all" { return AreaMethod.allCases }
        var chosen: [AreaMethod] = []
        for name in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard let parsed = AreaMethod(rawValue: name) else {
                throw ValidationError(Bilingual("未知的面积算法 '\(name)'：请用 ellipsoidal、planar、geodesic（逗号分隔）或 all", "unknown area method '\(name)': use ellipsoidal, planar, geodesic (comma-separated) or all").inRun)
            }
            if !chosen.contains(parsed) { chosen.append(parsed) }
        }
        guard !chosen.isEmpty else { throw ValidationError(Bilingual("--method 至少要有一种算法", "--method needs at least one method").inRun) }
        return chosen
    }

    @Option(help: Bilingual("面积单位：亩、公顷、平方米、平方公里（或 mu、ha、m2、km2；1 亩 = 2000/3 平方米）。", "Unit for figures: m2, ha, mu, km2 (or 平方米, 公顷, 亩, 平方公里; 1 亩 = exactly 2000/3 m²).").help)
    var unit: AreaUnit = .squareMetre

    @Option(help: Bilingual("小数位数（默认：平方米 2 位，公顷和亩 4 位，平方公里 6 位）。", "Decimals (default: m² 2, 公顷 and 亩 4, km² 6).").help)
    var decimals: Int?

    @Option(help: Bilingual("申报面积字段，与计算面积比对。", "Field holding a declared area to compare with the computed one.").help)
    var declared: String?

    @Option(help: Bilingual("申报面积字段的单位（默认同 --unit）。", "Unit of the declared field (default: the --unit).").help)
    var declaredUnit: AreaUnit?

    @Option(help: Bilingual("申报面积与计算面积的允许相对差（%）。", "Relative tolerance for declared vs computed area, in percent.").help)
    var tolerance: Double = 0.1

    @Option(help: Bilingual("按此字段汇总面积（如地类编码字段 DLBM）。", "Sum areas by this field (e.g. a land-use code field such as DLBM).").help)
    var by: String?

    @Option(help: Bilingual("每个要素显示的编号字段（默认：ZDBH、DKBH、BSM、宗地编号…中第一个存在的）。", "Id field shown per feature (default: the first of ZDBH, DKBH, BSM, 宗地编号… present).").help)
    var idField: String?

    @Flag(help: Bilingual("无效面不计算面积（默认修复后计算）。", "Leave invalid polygons out instead of measuring them after make-valid.").help)
    var skipInvalid = false

    @Flag(help: Bilingual("只输出合计（及分类汇总），不逐要素列出。", "Print only the totals (and classes), not one row per feature.").help)
    var totalsOnly = false

    @OptionGroup var formatOptions: FormatOptions

    @Option(name: .customLong("workers"), help: Bilingual("工作线程数（默认：CPU 核数）。", "Worker threads (default: the number of cores).").help)
    var workers: Int?

    @Flag(help: Bilingual("在标准错误输出打开、计算和写出各用时（用于性能测试）。", "Print how long opening, measuring and writing took (to stderr), for benchmarks.").help)
    var timings = false

    /// Whether the inputs make a batch (several files, a folder or a pattern).
    var isBatch: Bool { InputFiles.isBatch(inputs) }

    func validate() throws {
        try source.check(inputs)
        try batchFormat.check(isBatch: isBatch, folder: output.output, append: output.append)
        if let method { _ = try Self.parseMethods(method) }
        if tolerance < 0 { throw ValidationError(Bilingual("--tolerance 应 ≥ 0", "--tolerance must be ≥ 0").inRun) }
        if let decimals, !(0...12).contains(decimals) { throw ValidationError(Bilingual("--decimals 应为 0…12", "--decimals must be 0…12").inRun) }
        if let workers, workers < 1 { throw ValidationError(Bilingual("--workers 应 ≥ 1", "--workers must be ≥ 1").inRun) }
    }

    /// The options of a measurement of `input`.
    private func options(_ input: ResolvedSource) throws -> AreaOptions {
        var options = AreaOptions()
        options.methods = try methods(project: input.project)
        options.crsOverride = input.crs
        options.swapXY = source.swapXY
        options.declaredField = input.field(declared)
        options.declaredUnit = declaredUnit ?? unit
        options.declaredTolerance = tolerance / 100
        options.byField = input.field(by)
        options.labelField = input.field(idField) ?? input.projectLayer?.field("id")
        options.skipInvalid = skipInvalid
        if let workers { options.workers = workers }
        options.keepAllRows = !totalsOnly || output.output != nil
        return options
    }

    /// Writes the area table of `report` to `path`.
    private func write(_ report: AreaReport, reader: any FeatureLayerReader, to path: String, inputs: [String]) throws {
        try AreaExport.write(report, reader: reader, to: path, unit: unit, decimals: decimals, language: RunLanguage.current, swapXY: source.swapXY,
                             fields: sourceFields.selection, encoding: output.encoding, force: output.force, inputs: inputs)
    }

    func run() throws {
        if isBatch { return try runBatch() }
        try reportingErrors(source: inputs[0], json: formatOptions.isJSON, append: output.append) {
            let input = try source.resolve(inputs[0], defaultRole: .boundary)
            try output.checkFirst(inputs: source.inputFiles(input))
            let options = try options(input)
            let clock = ContinuousClock()
            let started = clock.now
            let reader = try LayerReaders.open(input.spec)
            if output.output != nil { _ = try sourceFields.selection.indices(in: reader) }
            let opened = clock.now
            let report = try AreaJob.run(reader, options: options)
            let measured = clock.now
            defer {
                if timings {
                    let seconds = { (d: Duration) in String(format: "%.3f", Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18) }
                    FileHandle.standardError.write(Data("timings: open \(seconds(opened - started)) s, measure \(seconds(measured - opened)) s, output \(seconds(clock.now - measured)) s\n".utf8))
                }
            }
            if let path = output.output { try write(report, reader: reader, to: path, inputs: source.inputFiles(input)) }
            switch formatOptions.format {
            case .table:
                print(AreaReportText(unit: unit, decimals: decimals, showFeatures: !totalsOnly && output.showsFeatures, language: RunLanguage.current).render(report), terminator: "")
            case .json:
                print(try AreaReportJSON(unit: unit, includeFeatures: !totalsOnly).render(report))
            }
        }
    }

    /// Several inputs: each measured with the same options, its table written into the -o folder, and
    /// the summary of all.
    private func runBatch() throws {
        var status = ExitStatus.success
        try reportingErrors(source: inputs[0], json: formatOptions.isJSON) {
            let batch = try LayerBatch(inputs, source: source, output: batchFormat.outputFolder(output.output), force: output.force, workers: workers)
            let others = CRSArgument.files([source.crs])
            try batch.checkFirst(inputs: others)
            var shared = try options(ResolvedSource(spec: batch.files.first!, crs: try source.crsDefinition(), project: nil, projectLayer: nil))
            shared.keepAllRows = output.output != nil
            let template = shared
            let command = self
            let items = try batch.run(Bilingual("逐个计算面积", "measuring each file")) { spec, path, workers in
                var options = template
                options.workers = workers
                let reader = try LayerReaders.open(spec)
                if path != nil { _ = try command.sourceFields.selection.indices(in: reader) }
                let report = try AreaJob.run(reader, options: options)
                if let path { try command.write(report, reader: reader, to: path, inputs: [spec.path] + others) }
                return report
            }
            let summary = BatchSummary.area(items, methods: template.methods, unit: unit, decimals: decimals, declared: declared != nil, language: RunLanguage.current)
            status = try batch.finish(summary, json: formatOptions.isJSON, inputs: others)
        }
        if status != .success { throw ExitCode(status) }
    }
}

extension AreaUnit: ExpressibleByArgument {
    public init?(argument: String) { self.init(name: argument) }
    public static var allValueStrings: [String] { ["亩", "公顷", "平方米", "平方公里", "mu", "ha", "m2", "km2"] }
}
