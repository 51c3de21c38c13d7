import Foundation
import GeoBridge

/// The ministry's boundary-point txt as a layer: one polygon feature per parcel, with the header
/// fields as attributes (pinyin abbreviations of 部标界址点坐标交换格式) and the declared 地块面积 (公顷)
/// as its declared area.
///
/// Whether a ring after the first is a hole or another part is decided geometrically (a ring
/// inside an earlier outer ring is its hole), never from the 圈号 (部标界址点坐标交换格式).
public final class BoundaryTxtLayerReader: FeatureLayerReader {
    public let path: String
    public let result: BoundaryPointTxtReadResult
    public let fields: [FieldDefinition] = [
        FieldDefinition(name: "DKBH", type: .string), FieldDefinition(name: "DKMC", type: .string),
        FieldDefinition(name: "JZDS", type: .integer), FieldDefinition(name: "DKMJ", type: .real),
        FieldDefinition(name: "JLTXSX", type: .string), FieldDefinition(name: "TFH", type: .string),
        FieldDefinition(name: "DKYT", type: .string), FieldDefinition(name: "DLBM", type: .string),
    ]
    private let geometries: [[UInt8]?]
    /// Why a parcel has no geometry, parcel by parcel (nil when it has one).
    private let geometryProblems: [Bilingual?]

    public convenience init(path: String) throws(ZoneCalcError) {
        guard FileManager.default.fileExists(atPath: path) else { throw .fileNotFound(path: path) }
        let result: BoundaryPointTxtReadResult
        do { result = try BoundaryPointTxtReader.read(contentsOf: URL(fileURLWithPath: path)) }
        catch { throw .boundaryPointTxt(error) }
        try self.init(result, path: path)
    }

    /// Reads a boundary-point txt from its bytes; `sourceName` names it in messages.
    public convenience init(data: Data, sourceName: String) throws(ZoneCalcError) {
        let result: BoundaryPointTxtReadResult
        do { result = try BoundaryPointTxtReader.read(data: data, sourceName: sourceName) }
        catch { throw .boundaryPointTxt(error) }
        try self.init(result, path: sourceName)
    }

    private init(_ result: BoundaryPointTxtReadResult, path: String) throws(ZoneCalcError) {
        self.path = path
        self.result = result
        let context = GEOSContext()
        var built: [[UInt8]?] = [], problems: [Bilingual?] = []
        for parcel in result.document.parcels {
            // A parcel whose rings GEOS cannot build is passed on without geometry, with the reason and
            // its line, so that the other parcels of the file are still read.
            do {
                built.append(try Self.polygon(of: parcel, context: context).wkb())
                problems.append(nil)
            } catch {
                built.append(nil)
                problems.append(Bilingual("地块 \(parcel.id)（第 \(parcel.line) 行）：\(error.message(.zh))",
                                          "parcel \(parcel.id) (line \(parcel.line)): \(error.message(.en))"))
            }
        }
        geometries = built
        geometryProblems = problems
    }

    public var sourceName: String { path }
    public var layerName: String { URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent }
    public var formatName: Bilingual { Bilingual("界址点坐标 txt", "boundary-point txt") }
    public var encodingDescription: Bilingual {
        switch result.encoding {
        case .utf8: return Bilingual(verbatim: "UTF-8")
        case .utf8WithBOM: return Bilingual("UTF-8（带 BOM）", "UTF-8 with BOM")
        case .utf16LE: return Bilingual(verbatim: "UTF-16LE")
        case .utf16BE: return Bilingual(verbatim: "UTF-16BE")
        case .gb18030: return Bilingual(verbatim: "GB18030/GBK")
        }
    }
    public var readWarnings: [Bilingual] { result.warnings.map(\.bilingual) }
    public var declaredAreaField: (name: String, unit: AreaUnit)? { ("DKMJ", .hectare) }

    /// The CRS the header and the eastings describe: datum from 坐标系, zone from the prefix or 带号.
    public var declaredCRS: String? {
        let document = result.document
        guard let number = document.zoneNumber, let width = document.zoneWidth else { return nil }
        let name = document.coordinateSystemName ?? "2000"
        let datum: ChineseDatum = name.contains("80") || name.contains("西安") ? .xian1980
            : (name.contains("54") || name.contains("北京") ? .beijing1954 : .cgcs2000)
        return datum.gaussKrugerEPSG(GaussKrugerZone(width: width, number: number), prefixed: document.hasZonePrefix).map { "EPSG:\($0)" }
    }

    public func extent() throws -> Bounds? {
        let points = result.document.parcels.flatMap { $0.rings.flatMap(\.points) }
        guard let first = points.first else { return nil }
        return points.reduce(Bounds(minX: first.easting, minY: first.northing, maxX: first.easting, maxY: first.northing)) {
            $0.union(Bounds(minX: $1.easting, minY: $1.northing, maxX: $1.easting, maxY: $1.northing))
        }
    }

    public func read(fieldIndices: [Int], swapXY: Bool, _ body: (LayerFeature) throws -> Void) throws {
        for (index, parcel) in result.document.parcels.enumerated() {
            let values: [FieldValue] = [
                .string(parcel.id), .string(parcel.name), parcel.declaredPointCount.map { .integer(Int64($0)) } ?? .null,
                Self.declaredArea(parcel), .string(parcel.geometryKind),
                .string(parcel.mapSheet), .string(parcel.landUse), .string(parcel.landClassCode),
            ]
            try body(LayerFeature(index: index, fid: Int64(index + 1), wkb: geometries[index], attributes: fieldIndices.map { values[$0] },
                                  readProblem: geometryProblems[index]))
        }
    }

    public func partitions(_ count: Int) throws -> [LayerPartition]? { nil }

    /// 地块面积 as written (text with its decimals, so it is compared at its own precision); a real when
    /// it was not a plain decimal number.
    private static func declaredArea(_ parcel: BoundaryParcel) -> FieldValue {
        guard let hectares = parcel.declaredAreaHectares else { return .null }
        guard let decimals = parcel.declaredAreaDecimals else { return .real(hectares) }
        return .string(hectares.formatted(decimals: decimals))
    }

    /// Builds a parcel's polygon: each ring inside an earlier outer ring is that ring's hole,
    /// every other ring is a new part.
    static func polygon(of parcel: BoundaryParcel, context: GEOSContext) throws(GEOSError) -> Geometry {
        var parts: [(shell: [XY], outline: Geometry, holes: [[XY]])] = []
        for ring in parcel.rings {
            let points = ring.points.map { XY($0.easting, $0.northing) }
            let outline = try Geometry.polygon(shell: points, context: context)
            var owner: Int?
            for (position, part) in parts.enumerated() where try part.outline.contains(outline) {
                owner = position
                break
            }
            if let owner {
                parts[owner].holes.append(points)
            } else {
                parts.append((points, outline, []))
            }
        }
        var polygons: [Geometry] = []
        for part in parts { polygons.append(try Geometry.polygon(shell: part.shell, holes: part.holes, context: context)) }
        return polygons.count == 1 ? polygons[0] : try Geometry.collection(.multiPolygon, of: polygons, context: context)
    }
}
