import ArgumentParser
import Foundation
import ZoneCalc

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a layer between GIS formats (.gpkg .shp .geojson .kml .gdb .csv .xlsx) and the boundary-point txt, in either direction.",
        discussion: """
        The output format follows the extension of OUT. A boundary-point txt (.txt) is read and written per the ministry's \
        format: one parcel per polygon feature, parts and holes as rings (圈号), GBK with CRLF by default.
        """)

    enum PointNames: String, ExpressibleByArgument { case j, numbers }
    enum LineEnding: String, ExpressibleByArgument { case crlf, lf }

    @OptionGroup var source: SourceOptions

    @Argument(help: "Output file; the format follows the extension.")
    var outputPath: String

    @Option(help: "Reproject to this CRS (EPSG:nnnn, WKT or PROJ string).")
    var toCRS: String?

    @Option(help: "Text encoding of a Shapefile .dbf (default utf-8) or a boundary-point txt (default gbk): utf-8 or gbk.")
    var encoding: OutputTextEncoding?

    @Flag(help: "Replace an existing output file.")
    var force = false

    @Option(help: "txt: field for 地块编号 (default: the first of ZDBH, DKBH, BSM… present).")
    var idField: String?

    @Option(help: "txt: field for 地块名称 (default: the first of DKMC, 名称, MC, FAMC… present).")
    var nameField: String?

    @Option(help: "txt: field for 地类编码 (default: DLBM when present).")
    var landClassField: String?

    @Option(help: "txt: decimals of the coordinates.")
    var decimals: Int = 3

    @Flag(help: "txt: write eastings without the zone prefix.")
    var noZonePrefix = false

    @Option(help: "txt: point names, j (J1, J2…) or numbers.")
    var pointNames: PointNames = .j

    @Flag(help: "txt: restart point numbering at each ring.")
    var restartNumbering = false

    @Option(help: "txt: line ending, crlf (as 报批 systems expect) or lf.")
    var lineEnding: LineEnding = .crlf

    @Option(name: .customLong("header"), help: "txt: a [属性描述] value, KEY=VALUE (repeatable), e.g. 数据产生单位=某测绘公司.")
    var headers: [String] = []

    @OptionGroup var datum: DatumOptions

    func validate() throws {
        if !(0...6).contains(decimals) { throw ValidationError("--decimals must be 0…6") }
        for header in headers where !header.contains("=") { throw ValidationError("--header takes KEY=VALUE, got '\(header)'") }
    }

    func run() throws {
        try reportingErrors(source: source.input) {
            var options = ConvertOptions()
            options.crsOverride = try source.crsDefinition()
            options.otherInputs = Array(source.inputFiles.dropFirst())
            options.swapXY = source.swapXY
            options.targetCRS = toCRS
            options.datum = try datum.policy() ?? .refuse
            options.encoding = encoding
            options.force = force
            options.idField = idField
            options.nameField = nameField
            options.landClassField = landClassField
            options.txt.decimals = decimals
            options.txt.includeZonePrefix = !noZonePrefix
            options.txt.pointNaming = pointNames == .j ? .jPrefixed : .plainNumbers
            options.txt.restartNumberingPerRing = restartNumbering
            options.txt.lineEnding = lineEnding == .crlf ? .crlf : .lf
            options.txt.attributeOverrides = headers.map { header in
                let parts = header.split(separator: "=", maxSplits: 1).map(String.init)
                return TxtKeyValue(key: parts[0], value: parts.count > 1 ? parts[1] : "")
            }
            let reader = try LayerReaders.open(source.spec)
            let summary = try ConvertJob.run(reader, to: outputPath, options: options)
            print("Wrote \(summary.written) feature(s) to \(outputPath)" + (summary.targetCRS.map { " in \($0)" } ?? ""))
            for warning in reader.readWarnings { print("warning: \(warning)") }
            for skipped in summary.skipped { print("skipped: \(skipped)") }
            for note in summary.readNotes { print("note: \(note)") }
            if let note = summary.datumNote { print(note) }
        }
    }
}
