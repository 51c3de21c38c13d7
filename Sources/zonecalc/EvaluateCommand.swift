import ArgumentParser
import ZoneCalc

struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: Bilingual("开发区土地集约利用评价：土地利用状况、各项指标及其依据、开发区类型、得分。", "Land-intensity evaluation of a zone (开发区土地集约利用评价): land status, indicators with their sources, zone type, score.").inRun)

    @OptionGroup var language: LanguageOptions

    @OptionGroup var zone: ProjectOptions

    @Option(name: [.customShort("o"), .long], help: Bilingual("另将评价结果写成表格：.csv 或 .xlsx。", "Also write the evaluation as a table: .csv or .xlsx.").help)
    var output: String?

    @Flag(help: Bilingual("替换已有的输出文件。", "Replace an existing output file.").help)
    var force = false

    @OptionGroup var formatOptions: FormatOptions

    func run() throws {
        try reportingErrors(source: zone.project, json: formatOptions.isJSON) {
            let project = try zone.load()
            try checkOutputsFirst([output].compactMap { $0 }, inputs: project.inputPaths, force: force)
            let report = try EvaluationJob.run(frame: try zone.frame(project))
            if let output {
                try EvaluationExport.write(report, to: output, language: RunLanguage.current, force: force, inputs: project.inputPaths)
            }
            switch formatOptions.format {
            case .table: print(EvaluationReportText(language: RunLanguage.current).render(report), terminator: "")
            case .json: print(try EvaluationReportJSON().render(report))
            }
        }
    }
}
