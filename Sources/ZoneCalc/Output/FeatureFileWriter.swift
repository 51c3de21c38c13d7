import Foundation
import GeoBridge

/// A text encoding the user chooses: of an input whose format does not say (a Shapefile `.dbf` without
/// `.cpg`), or of an output that lets us choose (Shapefile `.dbf`, CSV, boundary-point txt).
public enum TextEncodingChoice: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case gbk

    /// The name GDAL's Shapefile driver takes (`ENCODING=`).
    public var shapefileOption: String { self == .gbk ? "CP936" : "UTF-8" }

    /// The encoding as a user may name it: `utf-8` or `utf8`; `gbk`, `cp936`, `936` or `gb2312` (GB2312
    /// is a subset of GBK, and what Windows calls GB2312 is code page 936); any case. Nil for others.
    public init?(name: String) {
        switch name.lowercased() {
        case "utf-8", "utf8": self = .utf8
        case "gbk", "cp936", "936", "gb2312": self = .gbk
        default: return nil
        }
    }
}

/// A description of one output layer: name, CRS, geometry and attribute columns.
public struct OutputLayerSpec: Sendable {
    public var name: String
    /// CRS definition (EPSG:nnnn or WKT); nil for tables.
    public var crs: String?
    public var geometry: LayerGeometryType
    public var columns: [FieldDefinition]
    /// For KML: the column whose value names each placemark.
    public var nameColumn: String?
    /// The rows the layer will hold, when known (for the progress meter's estimate).
    public var expectedRows: Int?

    public init(name: String, crs: String?, geometry: LayerGeometryType, columns: [FieldDefinition], nameColumn: String? = nil,
                expectedRows: Int? = nil) {
        self.name = name; self.crs = crs; self.geometry = geometry; self.columns = columns; self.nameColumn = nameColumn
        self.expectedRows = expectedRows
    }
}

/// Writes one layer of features to a GIS file through GDAL or a table (CSV, XLSX) through a
/// ``TableFileWriter``, safely (``SafeOutput``).
public enum FeatureFileWriter {
    /// GeoPackage timestamps are pinned so the same input gives byte-identical output.
    static let pinnedTimestamp = "2000-01-01T00:00:00Z"

    /// - Parameter rows: calls `emit(values, wkb)` once per feature, in order.
    /// - Returns: the number of features written.
    @discardableResult
    public static func write(to path: String, format: OutputFormat, layer spec: OutputLayerSpec, encoding: TextEncodingChoice = .utf8,
                             inputs: [String], force: Bool,
                             rows: (_ emit: ([FieldValue], [UInt8]?) throws -> Void) throws -> Void) throws -> Written {
        try withoutActuallyEscaping(rows) { rows in
            try write(to: path, format: format, layers: [spec], encoding: encoding, inputs: inputs, force: force) { _, emit in try rows(emit) }
        }
    }

    /// Writes several layers into one file (GeoPackage, FileGDB).
    /// KML holds WGS 84 longitude/latitude, and GDAL would move Xi'an 1980 / Beijing 1954 data there with
    /// PROJ's ballpark shift: refused, as every other datum change without the seven parameters.
    static func refuseOldDatumKML(_ specs: [OutputLayerSpec], path: String) throws {
        let context = ProjContext()
        for spec in specs {
            guard let definition = spec.crs, let crs = try? CoordinateSystem(definition: definition, context: context),
                  let (a, invf) = try? crs.ellipsoid(), let datum = ChineseDatum(semiMajorAxis: a, inverseFlattening: invf),
                  datum != .cgcs2000 else { continue }
            throw ZoneCalcError.unsupportedOutput(path: path, reason: Bilingual(
                "KML 存放 WGS 84 经纬度，而数据是 \(datum.rawValue) 坐标；请先用七参数转换到 CGCS2000（zonecalc convert … --to-crs EPSG:4490 "
                    + "--datum-transformation dx,dy,dz,rx,ry,rz,ds），再写出 KML",
                "KML holds WGS 84 longitude/latitude and the data are in \(datum.rawValue); "
                    + "convert them to CGCS2000 first with their seven transformation parameters (zonecalc convert … --to-crs EPSG:4490 "
                    + "--datum-transformation dx,dy,dz,rx,ry,rz,ds), then write the KML"))
        }
    }

    /// - Parameters:
    ///   - rowLayers: how many of the first layers hold the rows the terminal reports as written (the
    ///     others are a workbook's 汇总 and 说明); all by default.
    ///   - rows: called once per layer with its position; calls `emit(values, wkb)` once per feature.
    @discardableResult
    public static func write(to path: String, format: OutputFormat, layers specs: [OutputLayerSpec], rowLayers: Int? = nil,
                             encoding: TextEncodingChoice = .utf8, inputs: [String], force: Bool,
                             rows: (_ layer: Int, _ emit: ([FieldValue], [UInt8]?) throws -> Void) throws -> Void) throws -> Written {
        guard let driver = format.gdalDriver else {
            throw ZoneCalcError.unsupportedOutput(path: path, reason: Bilingual("此写出程序只处理 GDAL 格式", "this writer handles GDAL formats only"))
        }
        if format == .kml { try refuseOldDatumKML(specs, path: path) }
        GDALConfiguration.set("OGR_CURRENT_DATE", pinnedTimestamp)
        let counter = RowCounter()
        let meter = ProgressMeter.current
        let expected = specs.map(\.expectedRows)
        meter?.start(Bilingual("写出 \(path)", "writing \(path)"), total: expected.contains(nil) ? nil : expected.reduce(0) { $0 + $1! })
        try SafeOutput.write(to: path, inputs: inputs, force: force) { temporaryPath in
            // A row counts once it is handed over: all of them for the check, those of the row layers for the terminal.
            let counted = { (position: Int) in
                counter.count += 1
                meter?.advance(1)
                if position < rowLayers ?? specs.count { counter.reported += 1 }
            }
            func writeLayers() throws {
                if !tablesThroughGDAL, let table = try tableWriter(format, specs: specs, path: temporaryPath, destination: path, encoding: encoding) {
                    for (position, spec) in specs.enumerated() {
                        try table.beginLayer(spec)
                        try rows(position) { values, _ in
                            counted(position)
                            try table.add(values)
                        }
                    }
                    try table.finish()
                } else {
                    try writeThroughGDAL(specs, to: temporaryPath, driver: driver, format: format, encoding: encoding, force: force,
                                         destination: path, counter: counter, counted: counted, rows: rows)
                }
            }
            // A workbook is deflated on two threads, in under half the time of one. The count is fixed, not
            // the machine's, so that the archive's bytes (its deflate blocks follow the thread count's mode)
            // are the same on every machine.
            if format == .xlsx {
                try GDALConfiguration.withThreadLocal("GDAL_NUM_THREADS", "2", writeLayers)
            } else {
                try writeLayers()
            }
            try verify(temporaryPath, format: format, layers: specs.map(\.name), holds: counter.count, destination: path)
            if format == .csv, encoding == .gbk { try GBKOutput.transcodeToGBK(temporaryPath, destination: path) }
            SafeOutput.noteRows(counter.reported)
        }
        return Written(count: counter.count, withoutGeometry: counter.withoutGeometry)
    }

    /// Writes tables through GDAL's drivers rather than ``TableFileWriter``s: how tests compare the two.
    @TaskLocal static var tablesThroughGDAL = false

    /// Writes the layers into a GDAL dataset at `temporaryPath`, one feature per row.
    private static func writeThroughGDAL(_ specs: [OutputLayerSpec], to temporaryPath: String, driver: String, format: OutputFormat,
                                         encoding: TextEncodingChoice, force: Bool, destination path: String, counter: RowCounter,
                                         counted: @escaping (Int) -> Void,
                                         rows: (_ layer: Int, _ emit: ([FieldValue], [UInt8]?) throws -> Void) throws -> Void) throws {
        // GDAL's Shapefile driver drops a character the .dbf's GBK cannot hold without a word: refused instead.
        let checksGBK = format == .shapefile && encoding == .gbk
        let dataset = try dataset(at: temporaryPath, driver: driver, format: format, specs: specs, force: force, destination: path)
        for (position, spec) in specs.enumerated() {
            var geometry = format == .xlsx ? .none : spec.geometry
            // FileGDB needs a concrete geometry type (GDAL format notes); polygons are written as multipolygons.
            if format == .fileGDB, geometry == .unknown || geometry == .polygon { geometry = .multiPolygon }
            let layer = try dataset.createLayer(name: spec.name, crsWKT: geometry == .none ? nil : spec.crs, geometry: geometry,
                                                fields: spec.columns, options: layerOptions(format, spec: spec, encoding: encoding))
            try dataset.inTransaction {
                try rows(position) { values, wkb in
                    counted(position)
                    var written = geometry == .none ? nil : wkb
                    // A NaN or infinite coordinate never reaches an output (GeoPackage fails on it at
                    // close, other formats write nonsense): the row is written without its geometry.
                    if let bytes = written, !WKBCoordinates.allFinite(bytes) {
                        written = nil
                        counter.withoutGeometry.append(counter.count)
                    }
                    if checksGBK { try GBKOutput.requireGBK(values, destination: path) }
                    try layer.addFeature(values, wkb: written)
                }
            }
        }
        try dataset.close()
    }

    /// Reads the finished file back and checks it holds every row written: GDAL's GeoJSON, KML and XLSX
    /// drivers report success after failed writes (a full disk leaves them cut short or empty), so the
    /// count read back is what proves the file whole before it replaces anything. A CSV file and an XLSX
    /// workbook (whose sheets are written in layer order) are counted from their bytes
    /// (``WrittenRowCount``), a CSV that stops inside a line and a workbook whose archive does not end
    /// whole holding none; other formats are opened with GDAL.
    static func verify(_ temporaryPath: String, format: OutputFormat, layers names: [String], holds rows: Int, destination: String) throws {
        let found: Int
        do {
            if format == .csv {
                found = try WrittenRowCount.csvRecords(temporaryPath) ?? -1
            } else if format == .xlsx {
                found = !WrittenRowCount.endsAsZipArchive(temporaryPath) ? -1
                    : try names.indices.reduce(0) { $0 + (try WrittenRowCount.xlsxRows(temporaryPath, sheet: $1 + 1)) }
            } else {
                found = try countedByGDAL(temporaryPath, layers: names)
            }
        } catch {
            found = -1
        }
        guard found != rows else { return }
        var stats = statvfs()
        let full = statvfs((temporaryPath as NSString).deletingLastPathComponent, &stats) == 0 && stats.f_bavail == 0
        throw ZoneCalcError.outputFailed(path: destination, reason: full ? OutputFailure.reason(errno: ENOSPC)
            : Bilingual("GDAL 写出的文件只有 \(rows) 行中的 \(max(found, 0)) 行（无法完整读回）",
                        "the file GDAL wrote holds \(max(found, 0)) of the \(rows) rows (it cannot be read back whole)"))
    }

    /// The features of the layers named (of the one layer, in a format that names it itself), as GDAL reads them.
    static func countedByGDAL(_ temporaryPath: String, layers names: [String]) throws -> Int {
        let written = try VectorDataset.open(temporaryPath)
        // The layers written (an appended file has others); a format that names its one layer itself
        // (GeoJSON, Shapefile) by its one layer.
        let layers = written.layerCount == 1 ? written.layers : written.layers.filter { names.contains($0.name) }
        return layers.reduce(0) { $0 + ($1.featureCount ?? 0) }
    }

    /// The dataset the layers go into: a new one, or with ``SafeOutput/appending(_:)`` the copy of the
    /// existing file, where a layer of the same name is replaced only with `force`.
    static func dataset(at temporaryPath: String, driver: String, format: OutputFormat, specs: [OutputLayerSpec],
                        force: Bool, destination: String) throws -> VectorDataset {
        guard SafeOutput.isAppending, FileManager.default.fileExists(atPath: temporaryPath) else {
            return try VectorDataset.create(temporaryPath, driver: driver, options: datasetOptions(format, spec: specs[0]))
        }
        let dataset = try VectorDataset.open(temporaryPath, update: true)
        for spec in specs {
            guard let index = dataset.layers.firstIndex(where: { $0.name == spec.name }) else { continue }
            guard force else {
                throw ZoneCalcError.unsafeOutput(path: destination, reason: Bilingual("文件中已有图层“\(spec.name)”；加 --force 替换该图层", "the file already has a layer '\(spec.name)'; add --force to replace that layer"))
            }
            try dataset.deleteLayer(at: index)
        }
        return dataset
    }

    final class RowCounter {
        var count = 0
        var reported = 0
        var withoutGeometry: [Int] = []
    }

    /// What a write put in the file.
    public struct Written: Sendable {
        /// Rows written.
        public var count: Int
        /// The rows (1-based, in writing order) written without their geometry, which had a NaN or
        /// infinite coordinate.
        public var withoutGeometry: [Int]
    }

    static func layerOptions(_ format: OutputFormat, spec: OutputLayerSpec, encoding: TextEncodingChoice) -> [String] {
        switch format {
        case .shapefile: return ["ENCODING=\(encoding.shapefileOption)"]
        case .geoJSON: return ["RFC7946=NO", "WRITE_NAME=NO"]
        // UTF-8 with a byte-order mark, which Excel on Chinese Windows needs to read it as UTF-8; a GBK
        // file is transcoded from UTF-8 once written (``GBKOutput``), without a mark.
        case .csv: return ["STRING_QUOTING=IF_NEEDED", "WRITE_BOM=\(encoding == .utf8 ? "YES" : "NO")"] + (spec.geometry == .none ? [] : ["GEOMETRY=AS_WKT"])
        case .geoPackage, .xlsx, .kml, .fileGDB, .boundaryPointTxt: return []
        }
    }

    static func datasetOptions(_ format: OutputFormat, spec: OutputLayerSpec) -> [String] {
        // KML: the placemark name comes from a column (a dataset creation option of the KML driver).
        guard format == .kml, let name = spec.nameColumn else { return [] }
        return ["NameField=\(name)"]
    }
}
