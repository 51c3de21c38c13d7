import ArgumentParser
import Foundation
import ZoneCalc

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: Bilingual("在 GIS 格式（.gpkg .shp .geojson .kml .gdb .csv .xlsx）与界址点坐标 txt 之间双向转换图层。", "Convert a layer between GIS formats (.gpkg .shp .geojson .kml .gdb .csv .xlsx) and the boundary-point txt, in either direction.").inRun,
        discussion: Bilingual("""
        输出格式按 OUT 的扩展名确定。界址点坐标 txt（.txt）按自然资源部格式读写：每个面要素为一个地块，\
        多部分和洞为不同的圈（圈号），默认 GBK 编码、CRLF 换行。
        批量转换（多个输入、文件夹或通配符）时 OUT 为文件夹，每个输入转换为 OUT/<文件名>.<--as 格式>，另写汇总表 summary.xlsx。
        """, """
        The output format follows the extension of OUT. A boundary-point txt (.txt) is read and written per the ministry's \
        format: one parcel per polygon feature, parts and holes as rings (圈号), GBK with CRLF by default.
        In a batch (several inputs, a folder or a pattern) OUT is a folder: each input becomes OUT/<file name>.<--as format>, \
        with the summary, summary.xlsx.
        """).inRun)

    @OptionGroup var language: LanguageOptions

    enum PointNames: String, ExpressibleByArgument { case j, numbers }
    enum LineEnding: String, ExpressibleByArgument { case crlf, lf }

    @Argument(help: Bilingual("输入（GDAL 能读的矢量文件、界址点坐标 .txt 或项目文件 zone.yaml 加 --role），最后是输出文件，格式按扩展名确定。给出多个输入、文件夹或通配符时，最后一项是输出文件夹，用 --as 指定格式，另写汇总表 summary.xlsx。",
                              "The input (a vector file GDAL reads, a boundary-point .txt, or a project file zone.yaml with --role), then the output file, its format from its extension. With several inputs, a folder or a pattern, the last is the output folder, --as gives the format, and a summary, summary.xlsx, is written too.").help)
    var paths: [String]

    @OptionGroup var source: SourceOptions
    @OptionGroup var batchFormat: BatchFormatOptions

    /// The inputs: every path but the last.
    var inputs: [String] { Array(paths.dropLast()) }
    /// The output: the last path.
    var outputPath: String { paths.last ?? "" }
    /// Whether the inputs make a batch (several files, a folder or a pattern).
    var isBatch: Bool { InputFiles.isBatch(inputs) }

    @Option(help: Bilingual("投影转换到此坐标参照系（EPSG:nnnn、WKT 或 PROJ 字符串）。", "Reproject to this CRS (EPSG:nnnn, WKT or PROJ string).").help)
    var toCRS: String?

    @Option(name: .customLong("output-encoding"),
            help: Bilingual("输出 Shapefile .dbf（默认 utf-8）或界址点 txt（默认 gbk）的文字编码：utf-8 或 gbk（也可写 cp936、gb2312）。", "Text encoding of an output Shapefile .dbf (default utf-8) or a boundary-point txt (default gbk): utf-8 or gbk (cp936 and gb2312 are taken as gbk).").help)
    var outputEncoding: TextEncodingChoice?

    @Flag(help: Bilingual("替换已有的输出文件。", "Replace an existing output file.").help)
    var force = false

    @Option(help: Bilingual("txt：地块编号字段（默认：ZDBH、DKBH、BSM…中第一个存在的）。", "txt: field for 地块编号 (default: the first of ZDBH, DKBH, BSM… present).").help)
    var idField: String?

    @Option(help: Bilingual("txt：地块名称字段（默认：DKMC、名称、MC、FAMC…中第一个存在的）。", "txt: field for 地块名称 (default: the first of DKMC, 名称, MC, FAMC… present).").help)
    var nameField: String?

    @Option(help: Bilingual("txt：地类编码字段（有 DLBM 时默认用它）。", "txt: field for 地类编码 (default: DLBM when present).").help)
    var landClassField: String?

    @Option(help: Bilingual("txt：坐标的小数位数。", "txt: decimals of the coordinates.").help)
    var decimals: Int = 3

    @Flag(help: Bilingual("txt：东坐标不加带号。", "txt: write eastings without the zone prefix.").help)
    var noZonePrefix = false

    @Option(help: Bilingual("txt：点号形式，j（J1、J2…）或 numbers（纯数字）。", "txt: point names, j (J1, J2…) or numbers.").help)
    var pointNames: PointNames = .j

    @Flag(help: Bilingual("txt：每个圈重新编点号。", "txt: restart point numbering at each ring.").help)
    var restartNumbering = false

    @Option(help: Bilingual("txt：换行符，crlf（报批系统要求）或 lf。", "txt: line ending, crlf (as 报批 systems expect) or lf.").help)
    var lineEnding: LineEnding = .crlf

    @Option(name: .customLong("header"), help: Bilingual("txt：[属性描述] 中的一项，KEY=VALUE（可重复），如 数据产生单位=某测绘公司。", "txt: a [属性描述] value, KEY=VALUE (repeatable), e.g. 数据产生单位=某测绘公司.").help)
    var headers: [String] = []

    @OptionGroup var datum: DatumOptions

    func validate() throws {
        guard paths.count >= 2 else { throw ValidationError(Bilingual("请给出输入和输出：zonecalc convert IN OUT", "give the input and the output: zonecalc convert IN OUT").inRun) }
        try source.check(inputs)
        try batchFormat.check(isBatch: isBatch, folder: outputPath, txt: true)
        if !(0...6).contains(decimals) { throw ValidationError(Bilingual("--decimals 应为 0…6", "--decimals must be 0…6").inRun) }
        for header in headers where !header.contains("=") { throw ValidationError(Bilingual("--header 应为 KEY=VALUE，给出的是 '\(header)'", "--header takes KEY=VALUE, got '\(header)'").inRun) }
    }

    /// The options of a conversion of `input`.
    private func options(_ input: ResolvedSource) throws -> ConvertOptions {
        var options = ConvertOptions()
        options.crsOverride = input.crs
        options.otherInputs = source.inputFiles(input).filter { $0 != input.spec.path }
        options.swapXY = source.swapXY
        options.targetCRS = toCRS
        options.datum = try datum.policy() ?? .refuse
        options.encoding = outputEncoding
        options.force = force
        options.nameField = input.field(nameField)
        options.landClassField = input.field(landClassField) ?? input.projectLayer?.field("land_use")
        options.txt.decimals = decimals
        options.txt.includeZonePrefix = !noZonePrefix
        options.txt.pointNaming = pointNames == .j ? .jPrefixed : .plainNumbers
        options.txt.restartNumberingPerRing = restartNumbering
        options.txt.lineEnding = lineEnding == .crlf ? .crlf : .lf
        options.txt.attributeOverrides = headers.map { header in
            let parts = header.split(separator: "=", maxSplits: 1).map(String.init)
            return TxtKeyValue(key: parts[0], value: parts.count > 1 ? parts[1] : "")
        }
        options.idField = input.field(idField) ?? input.projectLayer?.field("id")
        return options
    }

    func run() throws {
        if isBatch { return try runBatch() }
        try reportingErrors(source: inputs[0]) {
            let input = try source.resolve(inputs[0], defaultRole: nil)
            let options = try options(input)
            try SafeOutput.check([outputPath], inputs: source.inputFiles(input), force: force)
            let reader = try LayerReaders.open(input.spec)
            let summary = try ConvertJob.run(reader, to: outputPath, options: options)
            if let crs = summary.targetCRS { print((Bilingual("坐标参照系：", "CRS: ") + crs).inRun) }
            for warning in reader.readWarnings { print((Bilingual("警告：", "warning: ") + warning).inRun) }
            for skipped in summary.skipped { print((Bilingual("未能转换：", "skipped: ") + skipped).inRun) }
            for note in summary.readNotes { print((Bilingual("注：", "note: ") + note).inRun) }
            if let note = summary.datumNote { print(note.text(RunLanguage.current)) }
        }
    }

    /// Several inputs: each converted into the output folder in the --as format, and the summary of all.
    private func runBatch() throws {
        var status = ExitStatus.success
        try reportingErrors(source: inputs[0]) {
            let batch = try LayerBatch(inputs, source: source, output: batchFormat.outputFolder(outputPath), force: force, workers: nil)
            let others = CRSArgument.files([source.crs, toCRS])
            try batch.checkFirst(inputs: others)
            let shared = try options(ResolvedSource(spec: batch.files[0], crs: try source.crsDefinition(), project: nil, projectLayer: nil))
            let items = try batch.run(Bilingual("逐个转换", "converting each file")) { spec, path, _ in
                var options = shared
                options.otherInputs = others
                return try ConvertJob.run(try LayerReaders.open(spec), to: path!, options: options)
            }
            status = try batch.finish(BatchSummary.convert(items, language: RunLanguage.current), json: false, inputs: others)
        }
        if status != .success { throw ExitCode(status) }
    }
}
