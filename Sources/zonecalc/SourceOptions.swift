import Foundation
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
    func crsDefinition() throws(ZoneCalcError) -> String? {
        guard let crs else { return nil }
        guard let prj = prjFile else { return crs }
        guard let text = try? String(contentsOfFile: prj, encoding: .utf8) else {
            throw FileManager.default.fileExists(atPath: prj)
                ? .invalidArgument("\(prj): the --crs file cannot be read as UTF-8 text; give the CRS as EPSG:nnnn instead")
                : .fileNotFound(path: prj)
        }
        return text
    }

    /// The .prj file --crs names, if it names one.
    private var prjFile: String? { crs.flatMap { $0.lowercased().hasSuffix(".prj") ? $0 : nil } }

    /// Every file this input reads, which no output may replace: the data file and a --crs .prj file
    /// (an output Shapefile's own .prj sidecar could otherwise be that file).
    var inputFiles: [String] { [spec.path] + (prjFile.map { [$0] } ?? []) }
}
