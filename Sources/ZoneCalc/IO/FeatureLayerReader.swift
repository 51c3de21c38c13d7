import Foundation
import GeoBridge

/// One feature as read from a layer: position, id, geometry as WKB and the requested attributes.
public struct LayerFeature: Sendable {
    /// 0-based position in the layer.
    public var index: Int
    /// The format's feature id (GeoPackage fid, Shapefile record number…), or -1.
    public var fid: Int64
    /// ISO WKB, nil when the feature has no geometry.
    public var wkb: [UInt8]?
    /// Values of the fields asked for, in the order asked.
    public var attributes: [FieldValue]
    /// What went wrong reading the feature (a geometry the library could not decode, its words quoted); nil when nothing.
    public var readProblem: Bilingual? = nil
    /// How the geometry was derived when not read as is (a curve linearised); nil when read as is.
    public var readNote: GeometryConversion? = nil
}

/// A feature lent for the duration of a callback: its geometry's WKB, and its requested fields,
/// which are decoded only when asked for. `~Copyable` and passed `borrowing`, so it cannot outlive the
/// feature it was read from.
public struct BorrowedFeature: ~Copyable {
    public let index: Int
    public let fid: Int64
    public let wkb: UnsafeRawBufferPointer?
    /// The GDAL feature the requested fields are decoded from on demand, with (layer field index, type)
    /// per requested field; nil when the feature was read in full into ``values``.
    private let record: FeatureRecord?
    private let fields: [(index: Int, type: FieldType)]
    private let values: [FieldValue]
    /// What went wrong reading the feature (a geometry the library could not decode, its words quoted); nil when nothing.
    public let readProblem: Bilingual?
    /// How the geometry was derived when not read as is (a curve linearised); nil when read as is.
    public let readNote: GeometryConversion?

    /// A feature read by GDAL, owning its record; its WKB is the record's.
    init(index: Int, record: consuming FeatureRecord, fields: [(index: Int, type: FieldType)]) {
        (self.index, self.fid, self.wkb) = (index, record.fid, record.wkb)
        (self.readProblem, self.readNote) = (record.readProblem.map(Bilingual.init(verbatim:)), record.geometryConversion)
        (self.fields, self.values) = (fields, [])
        self.record = .some(record)
    }

    private init(_ feature: LayerFeature, wkb: UnsafeRawBufferPointer?) {
        (self.index, self.fid, self.wkb) = (feature.index, feature.fid, wkb)
        (self.readProblem, self.readNote) = (feature.readProblem, feature.readNote)
        (self.fields, self.values) = ([], feature.attributes)
        self.record = nil
    }

    /// The value of the `slot`-th requested field.
    public func attribute(_ slot: Int) -> FieldValue {
        record?.value(fields[slot].index, type: fields[slot].type) ?? values[slot]
    }

    /// A feature read in full, lent as a borrowed one.
    static func lending<T>(_ feature: LayerFeature, _ body: (borrowing BorrowedFeature) throws -> T) rethrows -> T {
        try feature.wkb.withUnsafeBytesIfPresent { wkb in try body(BorrowedFeature(feature, wkb: wkb)) }
    }
}

/// What reading a feature involved that its figures should say: how its geometry was derived (a curve
/// linearised) and what GDAL reported while reading a feature it still gave a geometry for.
enum ReadNotes {
    static func of(conversion: GeometryConversion?, problem: Bilingual?, hasGeometry: Bool) -> Bilingual? {
        guard hasGeometry, let problem else { return conversion?.note }
        let reported = Bilingual("GDAL 读取时报告：", "GDAL reported while reading it: ") + problem
        return [conversion?.note, reported].compactMap { $0 }.joined(zh: "；", en: "; ")
    }
}

extension GeometryConversion {
    /// How the geometry was derived, in both languages; GDAL's name of the stored type as GDAL gives it.
    public var note: Bilingual {
        switch self {
        case .linearised(let type, let step):
            return Bilingual("曲线 \(type) 已由 GDAL 转为折线（每 \(step)° 以弦代弧）", "a curved \(type) linearised by GDAL (arcs as chords every \(step)°)")
        case .asPolygons(let type):
            return Bilingual("\(type) 按其组成的面读取", "a \(type) read as the polygons it is made of")
        }
    }
}

extension LayerFeature {
    /// See ``ReadNotes``; nil when there is nothing to say.
    public var readNotes: Bilingual? { ReadNotes.of(conversion: readNote, problem: readProblem, hasGeometry: wkb != nil) }
}

extension BorrowedFeature {
    /// See ``ReadNotes``; nil when there is nothing to say.
    public var readNotes: Bilingual? { ReadNotes.of(conversion: readNote, problem: readProblem, hasGeometry: wkb != nil) }
}

extension Optional where Wrapped == [UInt8] {
    /// Lends the bytes (or nil) to `body`.
    func withUnsafeBytesIfPresent<T>(_ body: (UnsafeRawBufferPointer?) throws -> T) rethrows -> T {
        guard let bytes = self else { return try body(nil) }
        return try bytes.withUnsafeBytes { try body($0) }
    }
}

/// A readable layer of features, whatever the file format.
public protocol FeatureLayerReader: AnyObject {
    /// "file:layer", for messages and reports.
    var sourceName: String { get }
    var layerName: String { get }
    /// The format, e.g. "GPKG" (GDAL's driver name) or 界址点坐标 txt / boundary-point txt.
    var formatName: Bilingual { get }
    /// How the attribute text was decoded, e.g. "UTF-8" or GBK/CP936（检测得出…）/ GBK/CP936 (detected…).
    var encodingDescription: Bilingual { get }
    var fields: [FieldDefinition] { get }
    /// The CRS definition the file declares, if any.
    var declaredCRS: String? { get }
    /// The extent of the coordinates as stored (before any axis swap).
    func extent() throws -> Bounds?
    /// Streams the features in order with the values of the fields at `fieldIndices`.
    func read(fieldIndices: [Int], swapXY: Bool, _ body: (LayerFeature) throws -> Void) throws

    /// Splits the layer into at most `count` consecutive parts that separate readers can read
    /// concurrently, each through its own file handle; nil when the format cannot seek cheaply.
    func partitions(_ count: Int) throws -> [LayerPartition]?

    /// Problems found while reading that did not stop it (e.g. an unclosed ring that was closed).
    var readWarnings: [Bilingual] { get }

    /// A field holding a declared area and its unit, when the format defines one.
    var declaredAreaField: (name: String, unit: AreaUnit)? { get }

    /// The geometry type the layer declares.
    var geometryType: LayerGeometryType { get }

    /// The number of features when known without reading the layer (for progress), nil otherwise.
    var knownFeatureCount: Int? { get }
}

extension FeatureLayerReader {
    public var readWarnings: [Bilingual] { [] }
    public var declaredAreaField: (name: String, unit: AreaUnit)? { nil }
    public var geometryType: LayerGeometryType { .multiPolygon }
    public var knownFeatureCount: Int? { nil }
}

/// A consecutive part of a layer that a reader of its own can read on another thread.
public struct LayerPartition: Sendable {
    public var spec: SourceSpec
    var openOptions: [String: String]
    /// An attribute filter selecting the part (database formats), or nil.
    var filter: String?
    /// The first feature to read (formats with fast random access), and how many.
    var startIndex: Int
    var limit: Int
    /// The layer position of the part's first feature.
    var indexOffset: Int
}

extension FeatureLayerReader {
    /// Usual id field names in Chinese land data, tried in order when no id field is given.
    static var usualIdFields: [String] { ["ZDBH", "DKBH", "BSM", "宗地编号", "宗地代码", "地块编号", "TBBH", "KFQDM", "ID"] }

    /// The id field to show per feature: `explicit` when given, else the first usual id field the layer has.
    public func idField(_ explicit: String?) -> String? {
        explicit ?? Self.usualIdFields.first { name in fields.contains { $0.name == name } }
    }

    /// The index of a field, or an error listing the fields.
    public func fieldIndex(_ name: String) throws(ZoneCalcError) -> Int {
        if let index = fields.firstIndex(where: { $0.name == name }) { return index }
        if let index = fields.firstIndex(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame }) { return index }
        throw .fieldNotFound(source: sourceName, field: name, available: fields.map(\.name))
    }
}

/// A layer read through GDAL/OGR.
public final class GDALLayerReader: FeatureLayerReader {
    public let layer: VectorLayer
    public let encoding: VectorSource.TextEncoding
    public let fields: [FieldDefinition]

    private var partition: LayerPartition?

    public init(spec: SourceSpec) throws(ZoneCalcError) {
        let (dataset, encoding) = try VectorSource.open(spec.path, encoding: spec.encoding)
        layer = try VectorSource.layer(of: dataset, named: spec.layer)
        self.encoding = encoding
        fields = layer.fields
    }

    /// Opens one part of a layer on a handle of its own.
    public init(partition: LayerPartition) throws(ZoneCalcError) {
        do {
            let dataset = try VectorDataset.open(partition.spec.path, openOptions: partition.openOptions)
            layer = try VectorSource.layer(of: dataset, named: partition.spec.layer)
            try layer.setAttributeFilter(partition.filter)
        } catch let error as ZoneCalcError { throw error } catch { throw .gdal(error as! GDALError) }
        encoding = .unknown
        fields = layer.fields
        self.partition = partition
    }

    public var sourceName: String { "\(layer.dataset.path):\(layer.name)" }
    public var layerName: String { layer.name }
    public var knownFeatureCount: Int? { layer.knownFeatureCount }
    public var formatName: Bilingual { Bilingual(verbatim: layer.dataset.driverName) }
    public var geometryType: LayerGeometryType { layer.geometryType }
    public var encodingDescription: Bilingual {
        switch encoding {
        case .declared(let name): return Bilingual("\(name)（文件声明）", "\(name) (declared by the file)")
        case .utf8: return Bilingual(verbatim: "UTF-8")
        case .gbkDetected: return Bilingual("GBK/CP936（检测得出：没有 .cpg，且文字不是有效的 UTF-8）",
                                            "GBK/CP936 (detected: no .cpg and the text is not valid UTF-8)")
        case .given(let name): return Bilingual("\(name)（由 --encoding 指定）", "\(name) (given with --encoding)")
        case .unknown: return Bilingual("未知", "unknown")
        }
    }
    public var declaredCRS: String? { layer.crsWKT }
    public func extent() throws -> Bounds? { layer.extent }

    public func read(fieldIndices: [Int], swapXY: Bool, _ body: (LayerFeature) throws -> Void) throws {
        try readBorrowed(fieldIndices: fieldIndices, swapXY: swapXY) { feature in
            let attributes = fieldIndices.indices.map { feature.attribute($0) }
            try body(LayerFeature(index: feature.index, fid: feature.fid, wkb: feature.wkb.map { Array($0) }, attributes: attributes,
                                  readProblem: feature.readProblem, readNote: feature.readNote))
        }
    }

    /// Streams the features like ``read(fieldIndices:swapXY:_:)`` but lends the geometry's WKB
    /// instead of copying it: the buffer is valid only during the call.
    public func readBorrowed(fieldIndices: [Int], swapXY: Bool, _ body: (borrowing BorrowedFeature) throws -> Void) throws {
        let requested = fieldIndices.map { (index: $0, type: fields[$0].type) }
        try layer.readOnlyFields(fieldIndices)
        var index = partition?.indexOffset ?? 0
        try layer.forEachFeature(from: partition?.startIndex ?? 0, limit: partition?.limit ?? .max,
                                 geometry: .wkb(swapXY: swapXY)) { record in
            try body(BorrowedFeature(index: index, record: record, fields: requested))
            index += 1
        }
    }

    public func partitions(_ count: Int) throws -> [LayerPartition]? {
        guard count > 1 else { return nil }
        let spec = SourceSpec(path: layer.dataset.path, layer: layer.name)
        let openOptions: [String: String]
        switch encoding {
        case .gbkDetected: openOptions = ["ENCODING": "CP936"]
        case .given(let name): openOptions = ["ENCODING": name]
        case .declared, .utf8, .unknown: openOptions = [:]
        }
        let fidColumn = layer.fidColumn
        if ["GPKG", "SQLite"].contains(layer.dataset.driverName), !fidColumn.isEmpty {
            let table = "\"\(layer.name.replacingOccurrences(of: "\"", with: "\"\""))\""
            let column = "\"\(fidColumn)\""
            let row = try layer.dataset.firstRow(ofSQL: "SELECT MIN(\(column)), MAX(\(column)), COUNT(*) FROM \(table)")
            guard row.count == 3, let low = row[0].flatMap({ Int($0) }), let high = row[1].flatMap({ Int($0) }),
                  let total = row[2].flatMap({ Int($0) }), total >= count * 1000 else { return nil }
            let cuts = (0...count).map { low + Int((Double(high - low + 1) * Double($0) / Double(count)).rounded(.down)) }
            var parts: [LayerPartition] = [], offset = 0
            for k in 0..<count {
                let filter = "\(column) >= \(cuts[k]) AND \(column) < \(cuts[k + 1])"
                parts.append(LayerPartition(spec: spec, openOptions: openOptions, filter: filter, startIndex: 0, limit: .max, indexOffset: offset))
                let inPart = try layer.dataset.firstRow(ofSQL: "SELECT COUNT(*) FROM \(table) WHERE \(filter)")
                offset += inPart.first.flatMap { $0.flatMap { Int($0) } } ?? 0
            }
            return parts
        }
        guard layer.hasFastRandomRead else { return nil }
        guard let total = layer.featureCount, total >= count * 1000 else { return nil }  // uncountable: read on one thread
        return (0..<count).map { k in
            let start = total * k / count, end = total * (k + 1) / count
            return LayerPartition(spec: spec, openOptions: openOptions, filter: nil, startIndex: start, limit: end - start, indexOffset: start)
        }
    }
}
