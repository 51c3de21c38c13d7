import ArgumentParser
import ZoneCalc

struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: Bilingual("查看矢量文件：图层、要素数、几何类型、坐标参照系（含高斯-克吕格带号）、范围、字段、文字编码和无效几何。", "Describe a vector file: layers, feature counts, geometry types, CRS (with Gauss–Krüger zone), extent, fields, text encoding and invalid geometries.").inRun)

    @OptionGroup var language: LanguageOptions

    @OptionGroup var source: SourceOptions

    func run() throws {
        try reportingErrors(source: source.input) {
            let spec = source.spec
            let crs = try source.crsDefinition()
            for reader in try LayerReaders.openAll(spec) {
                let summary = try LayerSummary.scan(reader, crsOverride: crs, swapXY: source.swapXY)
                print(LayerSummaryText.render(summary))
            }
        }
    }
}
