internal import CGDAL
import Foundation

/// An open GDAL/OGR vector dataset (a file, folder or database).
///
/// Owns its `GDALDatasetH` and closes it in `deinit` (or earlier with ``close()``). Not
/// thread-safe: GDAL datasets and their layers belong to one thread; open the file again
/// for another worker.
public final class VectorDataset {
    private(set) var raw: UnsafeMutableRawPointer?
    /// The path as given by the caller, used in every error message.
    public let path: String

    private init(raw: UnsafeMutableRawPointer, path: String) {
        self.raw = raw
        self.path = path
    }

    /// Closed without ``close()`` only after a failure already reported: GDAL's messages about the
    /// unfinished file are captured and dropped, never printed.
    deinit { if let raw { capturingGDALMessages { _ in GDALClose(raw) } } }

    /// Opens a vector source read-only (or for update). `openOptions` are driver open options
    /// such as `ENCODING=CP936` for a Shapefile.
    public static func open(_ path: String, openOptions: [String: String] = [:], update: Bool = false) throws(GDALError) -> VectorDataset {
        GDALLibrary.ensureRegistered()
        let flags = UInt32(GDAL_OF_VECTOR) | UInt32(update ? GDAL_OF_UPDATE : GDAL_OF_READONLY) | UInt32(GDAL_OF_VERBOSE_ERROR)
        return try capturingGDALMessages { box throws(GDALError) in
            let opened: UnsafeMutableRawPointer? = withCStringList(openOptions.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }) {
                // returns NULL when no driver can open the file or it is missing
                GDALOpenEx(path, flags, nil, constList($0), nil)
            }
            guard let opened else { throw box.error(.opening, path: path) }
            return VectorDataset(raw: opened, path: path)
        }
    }

    /// Creates a new dataset with the named OGR driver (e.g. "GPKG", "ESRI Shapefile").
    public static func create(_ path: String, driver driverName: String, options: [String] = []) throws(GDALError) -> VectorDataset {
        GDALLibrary.ensureRegistered()
        return try capturingGDALMessages { box throws(GDALError) in
            // returns NULL for an unknown driver name
            guard let driver = GDALGetDriverByName(driverName) else {
                throw GDALError(operation: LibraryOperation("creating", zh: "创建"), path: path, layer: nil, code: 0, messages: ["no GDAL driver named \(driverName)"])
            }
            // returns NULL on failure
            let created: UnsafeMutableRawPointer? = withCStringList(options) { GDALCreate(driver, path, 0, 0, 0, GDT_Unknown, $0) }
            guard let created else { throw box.error(LibraryOperation("creating", zh: "创建"), path: path) }
            return VectorDataset(raw: created, path: path)
        }
    }

    /// Flushes and closes the dataset; errors while writing the file's end are reported here.
    public func close() throws(GDALError) {
        guard let raw else { return }
        self.raw = nil
        try capturingGDALMessages { box throws(GDALError) in
            GDALClose(raw)  // void in GDAL 3.6: failures only show as captured errors
            guard box.errors.isEmpty else { throw box.error(LibraryOperation("closing", zh: "关闭"), path: path) }
        }
    }

    var handle: UnsafeMutableRawPointer {
        guard let raw else { preconditionFailure("VectorDataset \(path) used after close()") }
        return raw
    }

    /// The short name of the driver that opened the file, e.g. "GPKG".
    public var driverName: String {
        GDALGetDatasetDriver(handle).flatMap { GDALGetDriverShortName($0) }.map { String(cString: $0) } ?? ""
    }

    public var layerCount: Int { Int(GDALDatasetGetLayerCount(handle)) }

    /// The layer at `index`, owned by the dataset; nil when GDAL has none there.
    public func layer(at index: Int) -> VectorLayer? {
        // returns a layer owned by the dataset, or NULL for an index out of range
        GDALDatasetGetLayer(handle, Int32(index)).map { VectorLayer(raw: $0, dataset: self) }
    }

    public var layers: [VectorLayer] { (0..<layerCount).compactMap(layer(at:)) }

    /// The layer with this name, or an error whose messages are the names of the layers there are.
    public func layer(named name: String) throws(GDALError) -> VectorLayer {
        // returns NULL when there is no such layer
        if let raw = GDALDatasetGetLayerByName(handle, name) { return VectorLayer(raw: raw, dataset: self) }
        // The messages are the names of the layers there are.
        throw GDALError(operation: LibraryOperation("finding layer '\(name)'", zh: "查找图层 '\(name)'"), path: path, layer: nil, code: 0,
                        messages: layers.map(\.name), missingLayer: name)
    }

    /// Deletes the layer at `index` (a dataset opened for update, in a format that can).
    public func deleteLayer(at index: Int) throws(GDALError) {
        try capturingGDALMessages { box throws(GDALError) in
            // returns OGRERR_NONE on success
            guard GDALDatasetDeleteLayer(handle, Int32(index)) == OGRERR_NONE else {
                throw box.error(LibraryOperation("deleting layer \(index)", zh: "删除第 \(index) 个图层"), path: path, layer: nil)
            }
        }
    }

    /// Creates a layer. `crsWKT` nil leaves the layer without a CRS.
    public func createLayer(name: String, crsWKT: String?, geometry: LayerGeometryType, fields: [FieldDefinition],
                            options: [String] = []) throws(GDALError) -> VectorLayer {
        try capturingGDALMessages { box throws(GDALError) in
            var srs: UnsafeMutableRawPointer?
            if let crsWKT {
                srs = OSRNewSpatialReference(nil)
                // returns OGRERR_NONE (0) on success
                guard OSRSetFromUserInput(srs, crsWKT) == OGRERR_NONE else {
                    OSRDestroySpatialReference(srs)
                    throw box.error(LibraryOperation("reading the output coordinate system", zh: "读取输出坐标系"), path: path, layer: name)
                }
                OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER)
            }
            defer { if let srs { OSRRelease(srs) } }  // the layer keeps its own reference
            let created: UnsafeMutableRawPointer? = withCStringList(options) {
                // returns NULL on failure
                GDALDatasetCreateLayer(handle, name, srs, geometry.ogrType, $0)
            }
            guard let created else { throw box.error(LibraryOperation("creating layer", zh: "创建图层"), path: path, layer: name) }
            var positions: [Int32] = []
            for field in fields {
                let definition = OGR_Fld_Create(field.name, field.type.ogrType)
                defer { OGR_Fld_Destroy(definition) }
                if field.type == .integer64 { OGR_Fld_SetType(definition, OFTInteger64) }
                OGR_Fld_SetWidth(definition, Int32(field.width))
                OGR_Fld_SetPrecision(definition, Int32(field.precision))
                // returns OGRERR_NONE on success; the layer copies the definition
                guard OGR_L_CreateField(created, definition, 1) == OGRERR_NONE else {
                    throw box.error(LibraryOperation("creating field \(field.name)", zh: "创建字段 \(field.name)"), path: path, layer: name)
                }
                // The field is appended to the definition (under a laundered name, perhaps).
                positions.append(OGR_FD_GetFieldCount(OGR_L_GetLayerDefn(created)) - 1)
            }
            return VectorLayer(raw: created, dataset: self, fieldPositions: positions)
        }
    }

    /// Runs `body` in one transaction where the driver supports it (GeoPackage, SQLite, PostGIS).
    public func inTransaction<T>(_ body: () throws -> T) throws -> T {
        // returns OGRERR_UNSUPPORTED_OPERATION for drivers without transactions (reported as a
        // captured error, not printed): then run plainly
        let started = capturingGDALMessages { _ in GDALDatasetStartTransaction(handle, 0) == OGRERR_NONE }
        do {
            let result = try body()
            if started {
                try capturingGDALMessages { box throws(GDALError) in
                    guard GDALDatasetCommitTransaction(handle) == OGRERR_NONE else { throw box.error(LibraryOperation("committing", zh: "提交事务"), path: path) }
                }
            }
            return result
        } catch {
            // The rollback's own failure (the file is already broken) adds nothing to the error thrown.
            if started { _ = capturingGDALMessages { _ in GDALDatasetRollbackTransaction(handle) } }
            throw error
        }
    }
}

/// The geometry type a new layer declares.
public enum LayerGeometryType: Sendable {
    case none, point, lineString, multiLineString, polygon, multiPolygon, unknown

    var ogrType: OGRwkbGeometryType {
        switch self {
        case .none: return wkbNone
        case .point: return wkbPoint
        case .lineString: return wkbLineString
        case .multiLineString: return wkbMultiLineString
        case .polygon: return wkbPolygon
        case .multiPolygon: return wkbMultiPolygon
        case .unknown: return wkbUnknown
        }
    }
}

extension FieldType {
    var ogrType: OGRFieldType {
        switch self {
        case .integer: return OFTInteger
        case .integer64: return OFTInteger64
        case .real: return OFTReal
        case .string: return OFTString
        case .date: return OFTDate
        case .dateTime: return OFTDateTime
        case .time: return OFTTime
        case .binary: return OFTBinary
        case .list: return OFTStringList
        }
    }

    init(ogr: OGRFieldType) {
        switch ogr {
        case OFTInteger: self = .integer
        case OFTInteger64: self = .integer64
        case OFTReal: self = .real
        case OFTString, OFTWideString: self = .string
        case OFTDate: self = .date
        case OFTDateTime: self = .dateTime
        case OFTTime: self = .time
        case OFTBinary: self = .binary
        default: self = .list
        }
    }
}

/// Calls `body` with a NULL-terminated C string list (GDAL's `CSLConstList`) that lives for the call.
func withCStringList<T>(_ strings: [String], _ body: (CSLConstList?) throws -> T) rethrows -> T {
    var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) } + [nil]
    defer { pointers.forEach { free($0) } }
    return try pointers.withUnsafeMutableBufferPointer { try body(strings.isEmpty ? nil : $0.baseAddress) }
}

/// The same list typed as `const char* const*`, as some GDAL functions declare it.
func constList(_ list: CSLConstList?) -> UnsafePointer<UnsafePointer<CChar>?>? {
    list.map { UnsafeRawPointer($0).assumingMemoryBound(to: UnsafePointer<CChar>?.self) }
}

extension VectorDataset {
    /// Runs an SQL statement (in the driver's dialect) and returns the first row's values as text.
    public func firstRow(ofSQL sql: String) throws(GDALError) -> [String?] {
        try capturingGDALMessages { box throws(GDALError) in
            // returns NULL for statements without a result set or on error; the result layer is released below
            guard let result = GDALDatasetExecuteSQL(handle, sql, nil, nil) else {
                if !box.errors.isEmpty { throw box.error(LibraryOperation("running '\(sql)'", zh: "执行 SQL '\(sql)'"), path: path) }
                return []
            }
            defer { GDALDatasetReleaseResultSet(handle, result) }
            OGR_L_ResetReading(result)
            guard let feature = OGR_L_GetNextFeature(result) else { return [] }
            defer { OGR_F_Destroy(feature) }
            return (0..<OGR_F_GetFieldCount(feature)).map { index in
                OGR_F_IsFieldSetAndNotNull(feature, index) == 0 ? nil : String(cString: OGR_F_GetFieldAsString(feature, index))
            }
        }
    }
}
