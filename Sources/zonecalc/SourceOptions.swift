import Foundation
import ArgumentParser
import ZoneCalc

/// The input every command reads: a file, an optional layer, and CRS fixes.
struct SourceOptions: ParsableArguments {
    @Argument(help: Bilingual("输入文件（GDAL 能读的任何矢量格式，或界址点坐标 .txt）；FILE:LAYER 指定图层。",
                              "Input file (any vector format GDAL reads, or a boundary-point .txt); FILE:LAYER picks a layer.").help)
    var input: String

    @Option(help: Bilingual("多图层数据源（GeoPackage、FileGDB…）中的图层名；优先于 FILE:LAYER。",
                            "Layer of a multi-layer source (GeoPackage, FileGDB…); overrides FILE:LAYER.").help)
    var layer: String?

    @Option(help: Bilingual("输入文件没有或写错坐标参照系时指定：EPSG:nnnn、WKT、PROJ 字符串或 .prj 文件。",
                            "CRS of the input when the file has none or a wrong one: EPSG:nnnn, WKT, a PROJ string, or a .prj file.").help)
    var crs: String?

    @Flag(help: Bilingual("文件按测量习惯以 x 存北坐标、y 存东坐标：交换两者。",
                          "The file stores northings as x and eastings as y (surveying order): swap them.").help)
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
