import ArgumentParser
import ZoneCalc

/// Where and how a command writes its result file.
struct OutputOptions: ParsableArguments {
    @Option(name: [.customShort("o"), .long], help: "Write the result to a file: .gpkg, .shp, .geojson, .kml, .gdb, .csv or .xlsx (format from the extension).")
    var output: String?

    @Flag(help: "Replace an existing output file.")
    var force = false

    @Option(help: "Text encoding of a Shapefile's .dbf (and of a boundary-point txt): utf-8 or gbk.")
    var encoding: OutputTextEncoding = .utf8
}

extension OutputTextEncoding: ExpressibleByArgument {}
