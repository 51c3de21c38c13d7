import ArgumentParser
import ZoneCalc

struct StandardLandCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "standard-land",
        abstract: Bilingual("标准地及工业用地控制指标：逐宗约定值与实际值、差距、是否达标、复核节点、投而未达。", "Standard land (标准地) and industrial-land control indicators: agreed vs achieved per parcel, gap, pass/fail, checkpoint, 投而未达.").inRun)

    @OptionGroup var language: LanguageOptions

    @OptionGroup var zone: ProjectOptions
    @OptionGroup var output: OutputOptions

    @OptionGroup var formatOptions: FormatOptions

    func run() throws {
        try reportingErrors(source: zone.project, json: formatOptions.isJSON, append: output.append) {
            let project = try zone.load()
            try output.checkFirst(inputs: project.inputPaths)
            let report = try StandardLandJob.run(frame: try zone.frame(project))
            if let path = output.output {
                try StandardLandExport.write(report, to: path, language: RunLanguage.current, encoding: output.encoding, force: output.force, inputs: project.inputPaths)
            }
            switch formatOptions.format {
            case .table: print(StandardLandReportText(language: RunLanguage.current).render(report), terminator: "")
            case .json: print(try StandardLandReportJSON().render(report))
            }
        }
    }
}
