import ArgumentParser
import ZoneCalc

/// Where and how a command writes its result file.
struct OutputOptions: ParsableArguments {
    @Option(name: [.customShort("o"), .long], help: Bilingual("将结果写入文件：.gpkg、.shp、.geojson、.kml、.gdb、.csv 或 .xlsx（按扩展名定格式）。批量处理时为存放各输入结果的文件夹（格式用 --as 指定）。",
        "Write the result to a file: .gpkg, .shp, .geojson, .kml, .gdb, .csv or .xlsx (format from the extension). In a batch, the folder for each input's result (the format from --as).").help)
    var output: String?

    @Flag(help: Bilingual("替换已有的输出文件。", "Replace an existing output file.").help)
    var force = false

    @Flag(help: Bilingual("在已有的 GeoPackage（.gpkg）或 FileGDB（.gdb）中添加图层，而不替换文件；同名图层仍需 --force 才替换。",
                          "Add the layers to an existing GeoPackage (.gpkg) or FileGDB (.gdb) instead of replacing the file; a layer of the same name is replaced only with --force.").help)
    var append = false

    @Flag(help: Bilingual("有 -o 时仍在终端逐要素列出（默认只显示汇总和写出的文件）。",
                          "With -o, still print one row per feature on the terminal (by default only the summary and the files written).").help)
    var verbose = false

    /// The cheap checks of -o and of `others` (files the command also writes), made before any feature is read.
    func checkFirst(inputs: [String], others: [String] = []) throws {
        try checkOutputsFirst(([output].compactMap { $0 }) + others, inputs: inputs, force: force)
    }

    /// Whether the terminal shows one row per feature: without -o, or with --verbose.
    var showsFeatures: Bool { output == nil || verbose }

    @Option(name: .customLong("output-encoding"),
            help: Bilingual("输出 Shapefile 的 .dbf、CSV（及界址点 txt）的文字编码：utf-8（CSV 带 BOM，Excel 可直接打开）或 gbk（也可写 cp936、gb2312）。",
                            "Text encoding of an output Shapefile's .dbf, a CSV (and a boundary-point txt): utf-8 (CSV with a BOM, as Excel needs) or gbk (cp936 and gb2312 are taken as gbk).").help)
    var encoding: TextEncodingChoice = .utf8
}

extension TextEncodingChoice: ExpressibleByArgument {
    public init?(argument: String) { self.init(name: argument) }
    public static var allValueStrings: [String] { ["utf-8", "gbk", "cp936", "gb2312"] }
}
extension AreaMethod: ExpressibleByArgument {}

/// The cheap checks, made before any feature is read: formats ZoneCalc writes, destinations that are not
/// inputs, not existing files without --force, in folders that exist, no file written twice.
func checkOutputsFirst(_ paths: [String], inputs: [String], force: Bool) throws {
    for path in paths { _ = try OutputFormat(path: path) }
    try SafeOutput.check(paths, inputs: inputs, force: force)
}
