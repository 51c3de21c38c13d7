/// The file formats ZoneCalc writes, chosen by the output's extension.
public enum OutputFormat: String, Sendable, CaseIterable {
    case geoPackage, shapefile, geoJSON, kml, csv, xlsx, fileGDB, boundaryPointTxt

    public init(path: String) throws(ZoneCalcError) {
        switch path.split(separator: ".").last.map({ $0.lowercased() }) {
        case "gpkg": self = .geoPackage
        case "shp": self = .shapefile
        case "geojson", "json": self = .geoJSON
        case "kml": self = .kml
        case "csv": self = .csv
        case "xlsx": self = .xlsx
        case "txt": self = .boundaryPointTxt
        case "gdb": self = .fileGDB
        default:
            throw .unsupportedOutput(path: path, reason: Bilingual("无法识别的输出扩展名；请用 .gpkg、.shp、.geojson、.kml、.csv、.xlsx、.gdb 或 .txt（界址点 txt）",
                                                                   "unknown output extension; use .gpkg, .shp, .geojson, .kml, .csv, .xlsx, .gdb or .txt (boundary-point txt)"))
        }
    }

    /// The format of a file of results (rows per feature): any ZoneCalc writes but the boundary-point
    /// txt, which holds boundaries only (`zonecalc convert`).
    public init(resultsAt path: String) throws(ZoneCalcError) {
        self = try OutputFormat(path: path)
        guard self != .boundaryPointTxt else {
            throw .unsupportedOutput(path: path, reason: Bilingual("结果可写成 .gpkg、.shp、.geojson、.kml、.gdb、.csv 或 .xlsx；界址点 txt 只存放范围（用 zonecalc convert 写出）",
                                                                   "results go to .gpkg, .shp, .geojson, .kml, .gdb, .csv or .xlsx; a boundary-point txt holds boundaries only (written with zonecalc convert)"))
        }
    }

    /// The GDAL driver that writes the format (nil for our own boundary-point txt).
    public var gdalDriver: String? {
        switch self {
        case .geoPackage: return "GPKG"
        case .shapefile: return "ESRI Shapefile"
        case .geoJSON: return "GeoJSON"
        case .kml: return "KML"
        case .csv: return "CSV"
        case .xlsx: return "XLSX"
        case .fileGDB: return "OpenFileGDB"
        case .boundaryPointTxt: return nil
        }
    }

    /// Formats that hold geometry.
    public var hasGeometry: Bool { ![.csv, .xlsx].contains(self) }
}
