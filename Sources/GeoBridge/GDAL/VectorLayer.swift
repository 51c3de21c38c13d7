internal import CGDAL
import Foundation

/// One layer of a ``VectorDataset``. Borrowed from the dataset, which it keeps alive.
/// Not thread-safe: a layer has one reader at a time (GDAL keeps a read cursor per layer).
public final class VectorLayer {
    let raw: UnsafeMutableRawPointer
    public let dataset: VectorDataset
    /// For a layer ZoneCalc created: where each field it asked for sits in the layer's definition. A
    /// driver may hold fields of its own before them (KML's Name and Description), so values are set
    /// at these positions, not at their index in the request.
    let fieldPositions: [Int32]?

    init(raw: UnsafeMutableRawPointer, dataset: VectorDataset, fieldPositions: [Int32]? = nil) {
        self.raw = raw
        self.dataset = dataset
        self.fieldPositions = fieldPositions
    }

    public var name: String { String(cString: OGR_L_GetName(raw)) }

    /// The declared geometry type, as far as ZoneCalc distinguishes them.
    public var geometryType: LayerGeometryType {
        switch OGR_GT_Flatten(OGR_L_GetGeomType(raw)) {
        case wkbNone: return .none
        case wkbPoint: return .point
        case wkbLineString: return .lineString
        case wkbMultiLineString: return .multiLineString
        case wkbPolygon: return .polygon
        case wkbMultiPolygon: return .multiPolygon
        default: return .unknown
        }
    }

    /// The layer's attribute fields in order.
    public var fields: [FieldDefinition] {
        let definition = OGR_L_GetLayerDefn(raw)
        return (0..<OGR_FD_GetFieldCount(definition)).map { index in
            let field = OGR_FD_GetFieldDefn(definition, index)
            return FieldDefinition(name: String(cString: OGR_Fld_GetNameRef(field)), type: FieldType(ogr: OGR_Fld_GetType(field)),
                                   width: Int(OGR_Fld_GetWidth(field)), precision: Int(OGR_Fld_GetPrecision(field)))
        }
    }

    /// The position of a field, or nil.
    public func fieldIndex(_ name: String) -> Int? {
        // returns -1 when absent
        let index = OGR_FD_GetFieldIndex(OGR_L_GetLayerDefn(raw), name)
        return index < 0 ? nil : Int(index)
    }

    /// The name of the FID column for database-backed formats (GeoPackage: "fid"), empty otherwise.
    public var fidColumn: String { String(cString: OGR_L_GetFIDColumn(raw)) }

    /// Feature count; may need a full scan for formats without a stored count. nil when GDAL cannot
    /// count them (it returns −1).
    public var featureCount: Int? {
        let count = OGR_L_GetFeatureCount(raw, 1)
        return count < 0 ? nil : Int(count)
    }

    /// The number of features when the format knows it without reading the layer (GeoPackage,
    /// Shapefile…), nil otherwise.
    public var knownFeatureCount: Int? {
        let count = OGR_L_GetFeatureCount(raw, 0)  // returns -1 when only a scan could count
        return count < 0 ? nil : Int(count)
    }

    /// The layer's CRS as WKT2, nil when the layer has none.
    public var crsWKT: String? {
        guard let srs = OGR_L_GetSpatialRef(raw) else { return nil }  // borrowed from the layer
        var text: UnsafeMutablePointer<CChar>?
        let options = ["FORMAT=WKT2_2019"]
        // returns OGRERR_NONE on success; the text is freed with CPLFree (VSIFree)
        let status = withCStringList(options) { OSRExportToWktEx(srs, &text, constList($0)) }
        defer { VSIFree(text) }
        guard status == OGRERR_NONE, let text else { return nil }
        return String(cString: text)
    }

    /// The layer extent, nil for an empty layer.
    public var extent: Bounds? {
        var envelope = OGREnvelope()
        // returns OGRERR_FAILURE when the extent is unknown (e.g. no features)
        guard OGR_L_GetExtent(raw, &envelope, 1) == OGRERR_NONE else { return nil }
        return Bounds(minX: envelope.MinX, minY: envelope.MinY, maxX: envelope.MaxX, maxY: envelope.MaxY)
    }

    /// A metadata item, e.g. `SOURCE_ENCODING` in the `SHAPEFILE` domain.
    public func metadataItem(_ name: String, domain: String? = nil) -> String? {
        GDALGetMetadataItem(raw, name, domain).map { String(cString: $0) }
    }

    /// Whether the driver can jump to the n-th feature cheaply (e.g. Shapefile).
    public var hasFastRandomRead: Bool { OGR_L_TestCapability(raw, OLCFastSetNextByIndex) != 0 }

    /// Reads only the fields at `indices` (and the geometry): the others are left unset, which spares
    /// the driver from decoding them. Field positions do not change.
    public func readOnlyFields(_ indices: [Int]) throws(GDALError) {
        let keep = Set(indices)
        let ignored = fields.enumerated().filter { !keep.contains($0.offset) }.map(\.element.name) + ["OGR_STYLE"]
        try capturingGDALMessages { box throws(GDALError) in
            // returns OGRERR_NONE on success
            let status = withCStringList(ignored) { list in
                list.map { OGR_L_SetIgnoredFields(raw, UnsafeMutableRawPointer($0).assumingMemoryBound(to: UnsafePointer<CChar>?.self)) }
                    ?? OGR_L_SetIgnoredFields(raw, nil)
            }
            guard status == OGRERR_NONE else { throw box.error(LibraryOperation("selecting fields", zh: "选择字段"), path: dataset.path, layer: name) }
        }
    }

    /// Restricts reading to features matching an OGR SQL WHERE clause; nil clears it.
    public func setAttributeFilter(_ whereClause: String?) throws(GDALError) {
        try capturingGDALMessages { box throws(GDALError) in
            // returns OGRERR_NONE on success
            guard OGR_L_SetAttributeFilter(raw, whereClause) == OGRERR_NONE else {
                throw box.error(LibraryOperation("filtering by '\(whereClause ?? "")'", zh: "按 '\(whereClause ?? "")' 筛选"), path: dataset.path, layer: name)
            }
        }
    }

    /// What ``forEachFeature(from:limit:geometry:_:)`` does with each feature's geometry.
    public enum GeometryExport: Sendable {
        /// Leave it in GDAL's feature (a read of attributes only).
        case skip
        /// Export it as ISO WKB into ``FeatureRecord/wkb``, x and y exchanged first when `swapXY`.
        case wkb(swapXY: Bool)
    }

    /// Streams features from the start (or from `startIndex`), at most `limit`, to `body`, which owns
    /// each ``FeatureRecord`` (it frees GDAL's feature when it ends). GDAL warnings seen while reading
    /// are returned; a reading error is thrown with the file and layer named.
    @discardableResult
    public func forEachFeature(from startIndex: Int = 0, limit: Int = .max, geometry export: GeometryExport = .skip,
                               _ body: (consuming FeatureRecord) throws -> Void) throws -> [String] {
        try capturingGDALMessages { box in
            OGR_L_ResetReading(raw)
            if startIndex > 0 {
                // returns OGRERR_NONE on success
                guard OGR_L_SetNextByIndex(raw, Int64(startIndex)) == OGRERR_NONE else {
                    throw box.error(LibraryOperation("seeking to feature \(startIndex)", zh: "定位到第 \(startIndex) 个要素"), path: dataset.path, layer: name)
                }
            }
            var scratch = WKBScratch()  // one buffer for the whole read, reused while no record keeps it
            var count = 0
            while count < limit {
                box.errors.removeAll()  // only what this fetch reports counts for it
                // returns NULL at the end or on a read error (then an error is captured)
                guard let feature = OGR_L_GetNextFeature(raw) else {
                    guard box.errors.isEmpty else { throw box.error(.readingFeatures, path: dataset.path, layer: name) }
                    break
                }
                // A feature returned with an error (a geometry blob GDAL cannot decode) is still passed on,
                // with GDAL's words, so that one bad record does not stop the layer.
                let problem = box.errors.isEmpty ? nil : box.errors.map(\.message).joined(separator: "; ")
                if !isKnownUniquelyReferenced(&scratch) { scratch = WKBScratch() }  // a record kept from before holds the old one
                try body(FeatureRecord(owning: feature, scratch: scratch, readProblem: problem, export: export))
                count += 1
            }
            return box.warnings
        }
    }

    /// Appends a feature with the given field values (in field order) and geometry as WKB.
    public func addFeature(_ values: [FieldValue], wkb: [UInt8]?) throws(GDALError) {
        try capturingGDALMessages { box throws(GDALError) in
            guard let feature = OGR_F_Create(OGR_L_GetLayerDefn(raw)) else {
                throw box.error(LibraryOperation("creating a feature", zh: "创建要素"), path: dataset.path, layer: name)
            }
            defer { OGR_F_Destroy(feature) }
            for (index, value) in values.enumerated() { set(value, at: fieldPositions?[index] ?? Int32(index), on: feature) }
            if let wkb {
                var geometry: UnsafeMutableRawPointer?
                // returns OGRERR_NONE on success; the feature takes ownership via SetGeometryDirectly
                let status = wkb.withUnsafeBytes { OGR_G_CreateFromWkbEx($0.baseAddress, nil, &geometry, $0.count) }
                guard status == OGRERR_NONE, var geometry else {
                    throw box.error(LibraryOperation("decoding a geometry", zh: "解码几何"), path: dataset.path, layer: name)
                }
                // A Polygon (or a collection of them) going into a MultiPolygon layer is promoted, a LineString
                // into a MultiLineString layer likewise (GeoPackage, FileGDB and Shapefile require the declared
                // type); ForceTo… consumes its argument and returns the new geometry.
                let given = OGR_GT_Flatten(OGR_G_GetGeometryType(geometry))
                switch OGR_L_GetGeomType(raw) {
                case wkbMultiPolygon where given == wkbPolygon || given == wkbGeometryCollection:
                    geometry = OGR_G_ForceToMultiPolygon(geometry)
                case wkbMultiLineString where given == wkbLineString || given == wkbGeometryCollection:
                    geometry = OGR_G_ForceToMultiLineString(geometry)
                default: break
                }
                OGR_F_SetGeometryDirectly(feature, geometry)
            }
            // returns OGRERR_NONE on success
            guard OGR_L_CreateFeature(raw, feature) == OGRERR_NONE else {
                throw box.error(LibraryOperation("writing a feature", zh: "写入要素"), path: dataset.path, layer: name)
            }
        }
    }

    private func set(_ value: FieldValue, at index: Int32, on feature: UnsafeMutableRawPointer) {
        switch value {
        case .null: OGR_F_SetFieldNull(feature, index)
        case .integer(let v): OGR_F_SetFieldInteger64(feature, index, v)
        case .real(let v): OGR_F_SetFieldDouble(feature, index, v)
        case .string(let s), .date(let s), .dateTime(let s): OGR_F_SetFieldString(feature, index, s)
        }
    }
}

/// How a feature's WKB was derived from a stored geometry that is not made of lines and polygons only;
/// ZoneCalc says it in a planner's language. `type` is GDAL's name of the stored geometry (CURVEPOLYGON, TIN…).
public enum GeometryConversion: Sendable, Hashable {
    /// Arcs drawn as chords every `arcStepDegrees` (`OGR_G_GetLinearGeometry`).
    case linearised(type: String, arcStepDegrees: Double)
    /// A surface of straight parts (a MultiSurface, a TIN, a polyhedral surface…) read as the polygons it is made of.
    case asPolygons(type: String)
}

/// One feature read from a layer: its id, fields and geometry. It owns GDAL's feature and frees it
/// when it ends; being `~Copyable`, it cannot outlive that or be freed twice.
public struct FeatureRecord: ~Copyable {
    private let raw: UnsafeMutableRawPointer
    private let scratch: WKBScratch
    /// What GDAL reported while reading this feature (e.g. "Unable to read geometry"); nil when nothing.
    public let readProblem: String?
    /// The geometry as ISO WKB (little-endian) when the read asked for it, nil when the feature has none
    /// or it could not be exported (then ``readProblem`` says so). The bytes live as long as this record.
    /// Curved geometries are linearised (``arcStepDegrees``) and triangles, TINs and polyhedral surfaces
    /// become multipolygons, so that every reader of the WKB sees only lines and polygons.
    public let wkb: UnsafeRawBufferPointer?
    /// How ``wkb`` was derived when it is not the geometry as stored (a curve linearised); nil when as stored.
    public let geometryConversion: GeometryConversion?

    init(owning raw: UnsafeMutableRawPointer, scratch: WKBScratch, readProblem: String?, export: VectorLayer.GeometryExport) {
        self.raw = raw
        self.scratch = scratch
        guard case .wkb(let swapXY) = export, let stored = OGR_F_GetGeometryRef(raw) else {  // borrowed from the feature
            (self.readProblem, self.wkb, self.geometryConversion) = (readProblem, nil, nil)
            return
        }
        let (converted, conversion) = Self.linear(stored)
        defer { if let converted { OGR_G_DestroyGeometry(converted) } }
        if conversion != nil, converted == nil {  // GDAL returns NULL when it cannot linearise
            let linearProblem = "GDAL could not make the \(String(cString: OGR_G_GetGeometryName(stored))) linear"
            (self.readProblem, self.wkb, self.geometryConversion) = ([readProblem, linearProblem].compactMap { $0 }.joined(separator: "; "), nil, nil)
            return
        }
        let geometry = converted ?? stored
        if swapXY { OGR_G_SwapXY(geometry) }
        let size = Int(OGR_G_WkbSize(geometry))
        let buffer = scratch.reserve(size)
        // returns OGRERR_NONE on success
        if size > 0, OGR_G_ExportToIsoWkb(geometry, wkbNDR, buffer.baseAddress) == OGRERR_NONE {
            (self.readProblem, self.wkb) = (readProblem, UnsafeRawBufferPointer(rebasing: buffer[0..<size]))
        } else {
            let exportProblem = "GDAL could not export the \(String(cString: OGR_G_GetGeometryName(geometry))) as WKB"
            (self.readProblem, self.wkb) = ([readProblem, exportProblem].compactMap { $0 }.joined(separator: "; "), nil)
        }
        self.geometryConversion = conversion
    }

    deinit { OGR_F_Destroy(raw) }

    /// The stored geometry made of lines and polygons only, when it is not already: a new geometry, the
    /// caller's to destroy, and how it was derived.
    private static func linear(_ stored: OGRGeometryH) -> (OGRGeometryH?, GeometryConversion?) {
        let type = OGR_GT_Flatten(OGR_G_GetGeometryType(stored))
        // Only for the rare geometry that is converted: a String per feature would cost a million allocations.
        var name: String { String(cString: OGR_G_GetGeometryName(stored)) }
        // bLookForNonLinear 1: arcs present; 0: also a MultiSurface or CurvePolygon holding only straight parts.
        if OGR_G_HasCurveGeometry(stored, 0) != 0 {
            let arcs = OGR_G_HasCurveGeometry(stored, 1) != 0
            let conversion: GeometryConversion = arcs ? .linearised(type: name, arcStepDegrees: arcStepDegrees) : .asPolygons(type: name)
            return (OGR_G_GetLinearGeometry(stored, arcStepDegrees, nil), conversion)  // a new geometry, ours to destroy
        }
        if [wkbPolyhedralSurface, wkbTIN, wkbTriangle].contains(type), let copy = OGR_G_Clone(stored) {
            // ForceTo takes the copy and returns ours to destroy
            return (OGR_G_ForceTo(copy, wkbMultiPolygon, nil), .asPolygons(type: name))
        }
        return (nil, nil)
    }

    /// The feature id (OGRNullFID = -1 when the format has none).
    public var fid: Int64 { OGR_F_GetFID(raw) }

    public func isNull(_ index: Int) -> Bool { OGR_F_IsFieldSetAndNotNull(raw, Int32(index)) == 0 }

    /// The raw bytes of a string field, as the driver delivered them (UTF-8 unless the source's
    /// encoding was unknown); nil when null.
    public func stringBytes(_ index: Int) -> [UInt8]? {
        guard !isNull(index), let text = OGR_F_GetFieldAsString(raw, Int32(index)) else { return nil }
        return Array(UnsafeRawBufferPointer(start: text, count: strlen(text)).bindMemory(to: UInt8.self))
    }

    /// A field's value, typed by the field's declared type. Strings that are not valid UTF-8 are
    /// decoded leniently (U+FFFD) — use ``stringBytes(_:)`` to detect that.
    public func value(_ index: Int, type: FieldType) -> FieldValue {
        let i = Int32(index)
        guard OGR_F_IsFieldSetAndNotNull(raw, i) != 0 else { return .null }
        switch type {
        case .integer, .integer64: return .integer(OGR_F_GetFieldAsInteger64(raw, i))
        case .real: return .real(OGR_F_GetFieldAsDouble(raw, i))
        case .date, .dateTime:
            var year: Int32 = 0, month: Int32 = 0, day: Int32 = 0, hour: Int32 = 0, minute: Int32 = 0, tz: Int32 = 0
            var second: Float = 0
            // returns FALSE when the value is not a date
            guard OGR_F_GetFieldAsDateTimeEx(raw, i, &year, &month, &day, &hour, &minute, &second, &tz) != 0 else {
                return .string(String(cString: OGR_F_GetFieldAsString(raw, i)))
            }
            let date = Self.isoDate(year, month, day)
            if type == .date { return .date(date) }
            return .dateTime(date + "T" + Self.digits(hour, 2) + ":" + Self.digits(minute, 2) + ":" + Self.digits(Int32(second), 2))
        default:
            return .string(String(decoding: stringBytes(index) ?? [], as: UTF8.self))
        }
    }

    /// "YYYY-MM-DD" written digit by digit (a small string, no allocation) for years 0…9999.
    static func isoDate(_ year: Int32, _ month: Int32, _ day: Int32) -> String {
        guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) else {
            return digits(year, 4) + "-" + digits(month, 2) + "-" + digits(day, 2)
        }
        return String(unsafeUninitializedCapacity: 10) { bytes in
            let zero = UInt8(ascii: "0"), dash = UInt8(ascii: "-")
            bytes[0] = zero + UInt8(year / 1000); bytes[1] = zero + UInt8(year / 100 % 10)
            bytes[2] = zero + UInt8(year / 10 % 10); bytes[3] = zero + UInt8(year % 10)
            bytes[4] = dash; bytes[5] = zero + UInt8(month / 10); bytes[6] = zero + UInt8(month % 10)
            bytes[7] = dash; bytes[8] = zero + UInt8(day / 10); bytes[9] = zero + UInt8(day % 10)
            return 10
        }
    }

    /// `value` zero-padded to `width` digits, as `%0*d` formats it (a minus sign first), without
    /// Foundation's formatter, which costs microseconds per call on a million dates.
    static func digits(_ value: Int32, _ width: Int) -> String {
        let magnitude = String(value.magnitude)
        let padding = String(repeating: "0", count: max(0, width - magnitude.count - (value < 0 ? 1 : 0)))
        return (value < 0 ? "-" : "") + padding + magnitude
    }

    /// The step, in degrees of arc, at which curved geometries (arcs of CurvePolygon, CompoundCurve,
    /// MultiSurface … as ArcGIS writes them) are linearised: the chord of a 0.1° step lies within
    /// 3.8e-7 × the radius of the arc, and a full circle so drawn has 5.1e-7 less area.
    public static let arcStepDegrees = 0.1
}

/// The buffer a read exports each feature's WKB into, reused from feature to feature while no
/// ``FeatureRecord`` still refers to it. Allocated memory, so the bytes stay where they are for as long
/// as the record that points to them.
final class WKBScratch {
    private var storage = UnsafeMutableRawBufferPointer(start: nil, count: 0)

    /// At least `size` bytes, the old contents lost.
    func reserve(_ size: Int) -> UnsafeMutableRawBufferPointer {
        if storage.count < size {
            storage.deallocate()
            storage = .allocate(byteCount: max(size, 2 * storage.count), alignment: 8)
        }
        return storage
    }

    deinit { storage.deallocate() }
}
