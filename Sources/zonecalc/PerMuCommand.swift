import ArgumentParser
import ZoneCalc

struct PerMuCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "permu",
        abstract: Bilingual("宗地、企业和开发区的亩均效益；企业得分、A/B/C/D 分类和排名。", "Per-mu output (亩均效益) of parcels, enterprises and the zone; enterprise score, A/B/C/D class and ranking.").inRun)

    @OptionGroup var language: LanguageOptions

    @OptionGroup var zone: ProjectOptions

    @OptionGroup var output: OutputOptions

    @OptionGroup var formatOptions: FormatOptions

    func run() throws {
        try reportingErrors(source: zone.project, json: formatOptions.isJSON, append: output.append) {
            let project = try zone.load()
            try output.checkFirst(inputs: project.inputPaths)
            let report = try PerMuJob.run(frame: try zone.frame(project))
            if let path = output.output {
                try PerMuExport.write(report, to: path, language: RunLanguage.current, encoding: output.encoding, force: output.force,
                                      inputs: project.inputPaths)
            }
            switch formatOptions.format {
            case .table: print(PerMuReportText(language: RunLanguage.current).render(report), terminator: "")
            case .json: print(try PerMuReportJSON().render(report))
            }
        }
    }
}
