import ArgumentParser
import ZoneCalc

struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: Bilingual("查看矢量文件：图层、要素数、几何类型、坐标参照系（含高斯-克吕格带号）、范围、字段、文字编码和无效几何。", "Describe a vector file: layers, feature counts, geometry types, CRS (with Gauss–Krüger zone), extent, fields, text encoding and invalid geometries.").inRun)

    @OptionGroup var language: LanguageOptions

    @OptionGroup var source: SourceOptions

    /// Every layer of the project, in the order of the roles.
    private func projectLayers() throws -> [ResolvedSource] {
        let project = try ZoneProjectLoader.load(source.input)
        let crs = try source.crsDefinition()
        return LayerRole.allCases.compactMap { project.layers[$0] }
            .map { ResolvedSource(spec: $0.source, crs: crs ?? $0.crs, project: project, projectLayer: $0) }
    }

    func run() throws {
        try reportingErrors(source: source.input) {
            // A project without --role: every layer it names, in the order of the roles.
            let inputs = source.isProject && source.role == nil
                ? try projectLayers()
                : [try source.resolve(defaultRole: nil)]
            for input in inputs {
                for reader in try LayerReaders.openAll(input.spec) {
                    let summary = try LayerSummary.scan(reader, crsOverride: input.crs, swapXY: source.swapXY)
                    print(LayerSummaryText.render(summary, language: RunLanguage.current))
                }
            }
        }
    }
}
