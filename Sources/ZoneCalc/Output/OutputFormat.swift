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
            throw .unsupportedOutput(path: path, reason: "unknown output extension; use .gpkg, .shp, .geojson, .kml, .csv, .xlsx, .gdb or .txt (boundary-point txt)")
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
