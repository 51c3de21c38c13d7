import ArgumentParser
import ZoneCalc

/// The input every command reads: a file, an optional layer, and CRS fixes.
struct SourceOptions: ParsableArguments {
    @Argument(help: "Input file (any vector format GDAL reads, or a boundary-point .txt); FILE:LAYER picks a layer.")
    var input: String

    @Option(help: "Layer of a multi-layer source (GeoPackage, FileGDB…); overrides FILE:LAYER.")
    var layer: String?

    @Option(help: "CRS of the input when the file has none or a wrong one: EPSG:nnnn, WKT, a PROJ string, or a .prj file.")
    var crs: String?

    @Flag(help: "The file stores northings as x and eastings as y (surveying order): swap them.")
    var swapXY = false

    var spec: SourceSpec { SourceSpec(parsing: input, layer: layer) }

    /// The --crs text, reading a .prj file's contents when a path is given.
    func crsDefinition() throws -> String? {
        guard let crs else { return nil }
        if crs.hasSuffix(".prj") { return try String(contentsOfFile: crs, encoding: .utf8) }
        return crs
    }
}
