import ArgumentParser
import Foundation
import ZoneCalc

extension QCSeverity: ExpressibleByArgument {}

struct QCCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qc",
        abstract: Bilingual("宗地数据批量质检，问题代码稳定（几何、重叠、范围、属性、坐标）。退出码：0 无问题，1 有达到 --fail-on 级别的问题，3–5 无法运行。", "Batch checks of a parcel dataset with stable codes (geometry, overlaps, zone, attributes, coordinates). Exit 0 clean, 1 findings at or above --fail-on, 3–5 could not run.").inRun)

    @OptionGroup var language: LanguageOptions

    @Argument(help: SourceOptions.inputHelp) var inputs: [String]

    @OptionGroup var source: SourceOptions

    @Option(help: Bilingual("批准的开发区范围 FILE[:LAYER]，用于找出范围外的宗地（默认用项目文件的范围）。", "The approved zone FILE[:LAYER], for parcels outside it (a project's boundary by default).").help)
    var zone: String?

    @Option(help: Bilingual("用此质检规则集（YAML）代替内置的 qc-rules.yaml。", "A QC rule set (YAML) instead of the bundled qc-rules.yaml.").help)
    var rules: String?

    @Option(help: Bilingual("编号字段（默认：常用的 ZDBH、DKBH、BSM…）。", "Id field (default: a usual one, ZDBH/DKBH/BSM…).").help)
    var idField: String?

    @Option(help: Bilingual("地类编码字段（有 DLBM 时默认用它）。", "Land-use code field (default DLBM when present).").help)
    var landUseField: String?

    @Option(help: Bilingual("申报面积字段（有 SBMJ 时默认用它）。", "Declared-area field (default SBMJ when present).").help)
    var declared: String?

    @Option(help: Bilingual("申报面积的单位：亩、公顷、平方米、平方公里（或 mu、ha、m2、km2）。", "Unit of the declared area: m2, ha, mu, km2 (or 平方米, 公顷, 亩, 平方公里).").help)
    var declaredUnit: AreaUnit = .mu

    @Option(help: Bilingual("与申报面积比较所用的面积算法：ellipsoidal（椭球面积）、planar（平面面积）或 geodesic（测地线面积）。默认：项目文件的 area_method，否则 ellipsoidal。",
                            "The area declared areas are compared with: ellipsoidal, planar or geodesic. Default: the project's area_method, else ellipsoidal.").help)
    var method: AreaMethod?

    @Option(help: Bilingual("存在此级别及以上的问题时以退出码 1 结束：error（错误）、warning（警告）或 info（提示）。", "Exit with status 1 when there are findings of this severity or above: error, warning or info.").help)
    var failOn: QCSeverity = .error

    @Option(help: Bilingual("写出修复后的副本（修复无效几何、去除重复点），并给出每宗地的面积变化。", "Write a repaired copy (make-valid, repeated points removed) with the area change per parcel.").help)
    var fix: String?

    @OptionGroup var output: OutputOptions
    @OptionGroup var batchFormat: BatchFormatOptions

    @OptionGroup var formatOptions: FormatOptions

    @Option(name: .customLong("workers"), help: Bilingual("工作线程数（默认：CPU 核数）。", "Worker threads (default: the number of cores).").help)
    var workers: Int?

    @Flag(help: Bilingual("在标准错误输出每一遍检查及整个任务（从打开输入到最后一个输出）的用时。", "Print the duration of each pass, and of the whole job from opening the inputs to the last output, on stderr.").help)
    var timings = false

    /// Whether the inputs make a batch (several files, a folder or a pattern).
    var isBatch: Bool { InputFiles.isBatch(inputs) }

    func validate() throws {
        try source.check(inputs)
        if isBatch, fix != nil { throw ValidationError(Bilingual("批量处理不用 --fix：修复后的副本请逐个文件写出", "--fix does not go with a batch: write repaired copies one file at a time").inRun) }
        try batchFormat.check(isBatch: isBatch, folder: output.output, append: output.append)
        if let workers, workers < 1 { throw ValidationError(Bilingual("--workers 应 ≥ 1", "--workers must be ≥ 1").inRun) }
    }

    func run() throws {
        if isBatch { return try runBatch() }
        var failed = false
        try check { failed = $0 }
        if failed { throw ExitCode(.failed) }
    }

    /// The files besides the checked layer that the check reads: the zone and the rule set.
    private var otherInputs: [String] { [zone.map { SourceSpec(parsing: $0).path }, rules].compactMap { $0 } }

    /// What every check of this run shares; the layer checked is set by the caller.
    private func sharedOptions(project: ZoneProject?) throws -> QCOptions {
        var options = QCOptions()
        options.zone = zone.map { SourceSpec(parsing: $0) }
        options.swapXY = source.swapXY
        options.rulesPath = rules
        options.idField = idField
        options.landUseField = landUseField
        options.declaredField = declared
        options.declaredUnit = declaredUnit
        options.method = method ?? project?.areaMethod ?? .ellipsoidal
        options.crs = try source.crsDefinition()
        if let workers { options.workers = workers }
        return options
    }

    /// Several inputs: each checked with the same options, its findings written into the -o folder,
    /// and the summary of all; the exit status is the worst input's.
    private func runBatch() throws {
        var status = ExitStatus.success
        try reportingErrors(source: inputs[0], json: formatOptions.isJSON) {
            let batch = try LayerBatch(inputs, source: source, output: batchFormat.outputFolder(output.output), force: output.force, workers: workers)
            let others = otherInputs + CRSArgument.files([source.crs])
            try batch.checkFirst(inputs: others)
            let shared = try sharedOptions(project: nil)
            let (encoding, force) = (output.encoding, output.force)
            let items = try batch.run(Bilingual("逐个质检", "checking each file")) { spec, path, workers in
                var options = shared
                options.source = spec
                options.workers = workers
                let report = try QCJob.run(options)
                if let path { try QCExport.write(report, to: path, language: RunLanguage.current, encoding: encoding, force: force, inputs: [spec.path] + others) }
                return report
            }
            status = try batch.finish(BatchSummary.qc(items, failOn: failOn, language: RunLanguage.current), json: formatOptions.isJSON, inputs: others)
        }
        if status != .success { throw ExitCode(status) }
    }

    private func check(_ failed: (Bool) -> Void) throws {
        try reportingErrors(source: self.inputs[0], json: formatOptions.isJSON, append: output.append) {
            let started = Date()
            let input = try source.resolve(self.inputs[0], defaultRole: .parcels)
            var options = try sharedOptions(project: input.project)
            if let project = input.project {
                options.project = project
                options.role = input.projectLayer!.role
            } else {
                options.source = input.spec
            }
            let inputs = source.inputFiles(input) + otherInputs
            let time: @Sendable (String, Double) -> Void = { name, seconds in
                FileHandle.standardError.write(Data("qc: \(name) \(NumberText.fixed(seconds, decimals: 3)) s\n".utf8))
            }
            if timings { options.timings = time }
            try output.checkFirst(inputs: inputs, others: [fix].compactMap { $0 })
            let report = try QCJob.run(options)
            // The findings file and the fixed layer are put in place together, or neither is.
            try SafeOutput.together {
                if let path = output.output { try QCExport.write(report, to: path, language: RunLanguage.current, encoding: output.encoding, force: output.force, inputs: inputs) }
                if let fix {
                    let spec = input.spec
                    try QCFixWriter.write(report, reader: try LayerReaders.open(spec), to: fix, encoding: output.encoding, force: output.force, inputs: inputs)
                }
            }
            switch formatOptions.format {
            case .table:
                // Without -o the first findings; with -o none (they are in the file), all with --verbose.
                let limit: Int? = output.verbose ? nil : output.output == nil ? 40 : 0
                print(QCReportText(language: RunLanguage.current, limit: limit).render(report), terminator: "")
            case .json: print(try QCReportJSON().render(report))
            }
            if timings { time("job", Date().timeIntervalSince(started)) }
            failed(report.count(atLeast: failOn) > 0)
        }
    }
}
