import ArgumentParser
import ZoneCalc

struct IdleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "idle",
        abstract: Bilingual("闲置土地（国土资源部令第53号）：按基准日逐宗认定，闲置年限、闲置费，供而未用、用而未尽、建而未投，批而未供。", "Idle land (闲置土地, 国土资源部令第53号): every parcel classified as of a date, years idle, idle fee, 供而未用/用而未尽/建而未投, 批而未供.").inRun)

    @OptionGroup var language: LanguageOptions

    @OptionGroup var zone: ProjectOptions
    @OptionGroup var output: OutputOptions

    @OptionGroup var formatOptions: FormatOptions

    func run() throws {
        try reportingErrors(source: zone.project, json: formatOptions.isJSON, append: output.append) {
            let project = try zone.load()
            try output.checkFirst(inputs: project.inputPaths)
            let report = try IdleLandJob.run(frame: try zone.frame(project))
            if let path = output.output {
                try IdleExport.write(report, to: path, language: RunLanguage.current, encoding: output.encoding, force: output.force, inputs: project.inputPaths)
            }
            switch formatOptions.format {
            case .table: print(IdleReportText(language: RunLanguage.current).render(report), terminator: "")
            case .json: print(try IdleReportJSON().render(report))
            }
        }
    }
}
