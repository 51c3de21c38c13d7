internal import CGEOS

/// A planar point: x is easting (or longitude), y is northing (or latitude).
public struct XY: Sendable, Hashable {
    public var x: Double
    public var y: Double
    public init(_ x: Double, _ y: Double) { self.x = x; self.y = y }
}

/// Axis-aligned bounds of a geometry.
public struct Bounds: Sendable, Equatable {
    public var minX, minY, maxX, maxY: Double
    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX; self.minY = minY; self.maxX = maxX; self.maxY = maxY
    }
    /// Whether `other` lies within these bounds (edges included).
    public func contains(_ other: Bounds) -> Bool {
        minX <= other.minX && minY <= other.minY && maxX >= other.maxX && maxY >= other.maxY
    }

    /// The area the two boxes share (0 when they only touch or are apart).
    public func overlapArea(_ other: Bounds) -> Double {
        max(0, min(maxX, other.maxX) - max(minX, other.minX)) * max(0, min(maxY, other.maxY) - max(minY, other.minY))
    }

    /// The smallest bounds covering both.
    public func union(_ other: Bounds) -> Bounds {
        Bounds(minX: min(minX, other.minX), minY: min(minY, other.minY),
               maxX: max(maxX, other.maxX), maxY: max(maxY, other.maxY))
    }
}

/// GEOS geometry type ids (GEOSGeomTypes).
public enum GeometryKind: Int32, Sendable {
    case point = 0, lineString, linearRing, polygon, multiPoint, multiLineString, multiPolygon, collection
    /// GEOS could not tell (GEOSGeomTypeId_r returned −1 on an exception, or a type this enum lacks).
    case unknown = -1

    /// Polygon or MultiPolygon: the kinds that have an area.
    public var isAreal: Bool { self == .polygon || self == .multiPolygon }
}

/// Where GEOS found a geometry invalid, and why.
public struct ValidityProblem: Sendable, Equatable {
    /// GEOS's reason text, e.g. "Self-intersection".
    public var reason: String
    /// The location GEOS reports (in the geometry's coordinates), if any.
    public var location: XY?
}

/// A GEOS geometry handle with exactly one owner.
///
/// Owned geometries are destroyed in `deinit`; a borrowed part (``part(_:)``, rings) keeps its
/// parent alive and never frees. Not thread-safe: confined to the thread of its ``GEOSContext``.
public final class Geometry {
    let raw: OpaquePointer
    public let context: GEOSContext
    private let parent: Geometry?

    init(owning raw: OpaquePointer, context: GEOSContext) {
        self.raw = raw; self.context = context; self.parent = nil
    }

    private init(borrowing raw: OpaquePointer, parent: Geometry) {
        self.raw = raw; self.context = parent.context; self.parent = parent
    }

    deinit { if parent == nil { GEOSGeom_destroy_r(context.handle, raw) } }

    private var h: GEOSContextHandle_t { context.handle }

    // MARK: Construction

    /// Reads ISO or extended WKB.
    public static func fromWKB(_ bytes: UnsafeRawBufferPointer, context: GEOSContext) throws(GEOSError) -> Geometry {
        let reader = context.wkbReader
        return try context.makeGeometry(LibraryOperation("reading WKB", zh: "读取 WKB")) {
            // returns NULL on exception
            GEOSWKBReader_read_r(context.handle, reader, bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count)
        }
    }

    /// Reads ISO or extended WKB.
    public static func fromWKB(_ bytes: [UInt8], context: GEOSContext) throws(GEOSError) -> Geometry {
        var result: Result<Geometry, GEOSError>!
        bytes.withUnsafeBytes { buffer in
            result = Result { () throws(GEOSError) in try fromWKB(buffer, context: context) }
        }
        return try result.get()
    }

    /// A polygon from a closed shell and closed holes.
    public static func polygon(shell: [XY], holes: [[XY]] = [], context: GEOSContext) throws(GEOSError) -> Geometry {
        let shellRing = try linearRing(shell, context: context)
        var holeRings: [OpaquePointer?] = []
        do {
            for hole in holes { holeRings.append(try linearRing(hole, context: context)) }
        } catch {
            // The rings made so far are still ours: free them before reporting.
            GEOSGeom_destroy_r(context.handle, shellRing)
            for ring in holeRings { GEOSGeom_destroy_r(context.handle, ring) }
            throw error
        }
        let made: OpaquePointer? = holeRings.withUnsafeMutableBufferPointer { buffer in
            // Takes ownership of the shell and hole rings, also on failure; returns NULL on exception.
            GEOSGeom_createPolygon_r(context.handle, shellRing, buffer.baseAddress, UInt32(buffer.count))
        }
        guard let made else { throw context.failure(LibraryOperation("building a polygon", zh: "构建多边形")) }
        return Geometry(owning: made, context: context)
    }

    /// The rectangle of `bounds` (a point or line when it has no width or height).
    public static func rectangle(_ bounds: Bounds, context: GEOSContext) throws(GEOSError) -> Geometry {
        // returns NULL on exception
        guard let made = GEOSGeom_createRectangle_r(context.handle, bounds.minX, bounds.minY, bounds.maxX, bounds.maxY) else {
            throw context.failure(LibraryOperation("building a rectangle", zh: "构建矩形"))
        }
        return Geometry(owning: made, context: context)
    }

    /// A collection of the given kind from copies of the parts (the parts stay the caller's).
    public static func collection(_ kind: GeometryKind, of parts: [Geometry], context: GEOSContext) throws(GEOSError) -> Geometry {
        var clones: [OpaquePointer?] = []
        for part in parts {
            // GEOSGeom_clone_r returns NULL on exception; the collection takes ownership of the clone.
            guard let clone = GEOSGeom_clone_r(context.handle, part.raw) else {
                for made in clones { GEOSGeom_destroy_r(context.handle, made) }  // not handed over yet: ours to free
                throw context.failure(LibraryOperation("cloning a part", zh: "复制几何部件"))
            }
            clones.append(clone)
        }
        let made: OpaquePointer? = clones.withUnsafeMutableBufferPointer { buffer in
            // Takes ownership of the parts; returns NULL on exception.
            GEOSGeom_createCollection_r(context.handle, kind.rawValue, buffer.baseAddress, UInt32(buffer.count))
        }
        guard let made else { throw context.failure(LibraryOperation("building a collection", zh: "构建几何集合")) }
        return Geometry(owning: made, context: context)
    }

    private static func linearRing(_ points: [XY], context: GEOSContext) throws(GEOSError) -> OpaquePointer {
        let seq: OpaquePointer? = points.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: Double.self) { doubles in
                // Copies the buffer; returns NULL on exception.
                GEOSCoordSeq_copyFromBuffer_r(context.handle, doubles.baseAddress, UInt32(points.count), 0, 0)
            }
        }
        guard let seq else { throw context.failure(LibraryOperation("building a coordinate sequence", zh: "构建坐标序列")) }
        // Takes ownership of the sequence; returns NULL on exception (e.g. ring not closed).
        guard let ring = GEOSGeom_createLinearRing_r(context.handle, seq) else { throw context.failure(LibraryOperation("building a ring", zh: "构建环")) }
        return ring
    }

    // MARK: Output

    /// ISO WKB, 2D, little-endian.
    public func wkb() throws(GEOSError) -> [UInt8] {
        var size = 0
        // returns NULL on exception; the buffer is freed with GEOSFree_r
        guard let buffer = GEOSWKBWriter_write_r(h, context.wkbWriter, raw, &size) else {
            throw context.failure(LibraryOperation("writing WKB", zh: "写出 WKB"))
        }
        defer { GEOSFree_r(h, buffer) }
        return Array(UnsafeBufferPointer(start: buffer, count: size))
    }

    // MARK: Structure

    public var kind: GeometryKind {
        // returns the type id, or -1 on exception
        GeometryKind(rawValue: GEOSGeomTypeId_r(h, raw)) ?? .unknown
    }

    /// Whether the geometry is empty; a geometry GEOS cannot answer for (2, an exception) counts as
    /// empty, as nothing can be measured of it.
    public var isEmpty: Bool { GEOSisEmpty_r(h, raw) != 0 }  // 1 empty, 0 not, 2 exception

    /// Number of parts (1 for a simple geometry; 0 when GEOS fails, which returns −1).
    public var partCount: Int { max(0, Int(GEOSGetNumGeometries_r(h, raw))) }

    /// Part `index`, borrowed from this geometry; nil when GEOS has none there.
    public func part(_ index: Int) -> Geometry? {
        // returns a pointer owned by `self`, or NULL on exception
        GEOSGetGeometryN_r(h, raw, Int32(index)).map { Geometry(borrowing: $0, parent: self) }
    }

    /// The parts of a multi-geometry, or the geometry itself.
    public var parts: [Geometry] { (0..<partCount).compactMap(part) }

    /// Coordinates of a polygon's rings: exterior first, then holes. Empty for other kinds.
    public func polygonRings() throws -> [[XY]] {
        var buffer: [XY] = [], rings: [[XY]] = []
        try forEachRing(buffer: &buffer) { _, ring in rings.append(Array(ring)) }
        return rings
    }

    /// Calls `body` with each ring of a polygon (exterior first, then holes), its coordinates copied
    /// into `buffer`, which is reused from ring to ring and call to call to spare allocations.
    /// Does nothing for other kinds.
    public func forEachRing(buffer: inout [XY], _ body: (_ ringIndex: Int, _ coordinates: UnsafeMutableBufferPointer<XY>) throws -> Void) throws {
        try forEachRingHandle { index, ring in try copyRing(ring, into: &buffer) { try body(index, $0) } }
    }

    /// Replaces `coordinates` with every ring of a polygon, shell first, each closed, and
    /// `ringEnds` with the index one past each ring's last vertex. Empty for anything but a
    /// non-empty polygon.
    public func copyRings(into coordinates: inout [XY], ringEnds: inout [Int]) throws {
        coordinates.removeAll(keepingCapacity: true)
        ringEnds.removeAll(keepingCapacity: true)
        try forEachRingHandle { _, ring in
            try appendRing(ring, to: &coordinates)
            ringEnds.append(coordinates.count)
        }
    }

    /// Calls `body` with each ring of a polygon, shell first; the rings are borrowed from the polygon.
    private func forEachRingHandle(_ body: (_ ringIndex: Int, _ ring: OpaquePointer) throws -> Void) throws {
        guard kind == .polygon, !isEmpty else { return }
        // returns a pointer owned by the polygon, NULL on exception
        guard let shell = GEOSGetExteriorRing_r(h, raw) else { throw context.failure(LibraryOperation("reading a shell", zh: "读取外环")) }
        try body(0, shell)
        let holeCount = GEOSGetNumInteriorRings_r(h, raw)  // -1 on exception
        guard holeCount >= 0 else { throw context.failure(LibraryOperation("counting holes", zh: "统计内环")) }
        for i in 0..<holeCount {
            guard let hole = GEOSGetInteriorRingN_r(h, raw, i) else { throw context.failure(LibraryOperation("reading a hole", zh: "读取内环")) }
            try body(Int(i) + 1, hole)
        }
    }

    private func appendRing(_ line: OpaquePointer, to coordinates: inout [XY]) throws {
        let (seq, count) = try coordinateSequence(of: line)
        let start = coordinates.count
        coordinates.append(contentsOf: repeatElement(XY(0, 0), count: count))
        try coordinates.withUnsafeMutableBufferPointer { all in
            try copyCoordinates(seq, into: UnsafeMutableBufferPointer(rebasing: all[start..<(start + count)]))
        }
    }

    private func copyRing(_ line: OpaquePointer, into buffer: inout [XY], _ body: (UnsafeMutableBufferPointer<XY>) throws -> Void) throws {
        let (seq, count) = try coordinateSequence(of: line)
        if buffer.count < count { buffer = [XY](repeating: XY(0, 0), count: count) }
        try buffer.withUnsafeMutableBufferPointer { all in
            let ring = UnsafeMutableBufferPointer(rebasing: all[0..<count])
            try copyCoordinates(seq, into: ring)
            try body(ring)
        }
    }

    /// A ring's coordinate sequence (borrowed) and its length.
    private func coordinateSequence(of line: OpaquePointer) throws -> (OpaquePointer, Int) {
        guard let seq = GEOSGeom_getCoordSeq_r(h, line) else { throw context.failure(LibraryOperation("reading coordinates", zh: "读取坐标")) }
        var count: UInt32 = 0
        // returns 0 on exception
        guard GEOSCoordSeq_getSize_r(h, seq, &count) != 0 else { throw context.failure(LibraryOperation("reading coordinates", zh: "读取坐标")) }
        return (seq, Int(count))
    }

    private func copyCoordinates(_ seq: OpaquePointer, into ring: UnsafeMutableBufferPointer<XY>) throws {
        let ok = ring.withMemoryRebound(to: Double.self) { GEOSCoordSeq_copyToBuffer_r(h, seq, $0.baseAddress, 0, 0) }
        guard ok != 0 else { throw context.failure(LibraryOperation("copying coordinates", zh: "复制坐标")) }  // returns 0 on exception
    }

    // MARK: Validity

    /// nil when valid; otherwise GEOS's reason and location.
    public func validityProblem() throws(GEOSError) -> ValidityProblem? {
        var reason: UnsafeMutablePointer<CChar>?
        var location: OpaquePointer?
        // returns 1 valid, 0 invalid, 2 on exception; reason and location are ours to free
        let result = GEOSisValidDetail_r(h, raw, 0, &reason, &location)
        defer {
            if let reason { GEOSFree_r(h, reason) }
            if let location { GEOSGeom_destroy_r(h, location) }
        }
        switch result {
        case 1: return nil
        case 0:
            var point: XY?
            if let location {
                var x = 0.0, y = 0.0
                if GEOSGeomGetX_r(h, location, &x) != 0, GEOSGeomGetY_r(h, location, &y) != 0 { point = XY(x, y) }
            }
            return ValidityProblem(reason: reason.map { String(cString: $0) } ?? "Invalid", location: point)
        default: throw context.failure(LibraryOperation("checking validity", zh: "检查几何有效性"))
        }
    }

    /// The largest coordinate magnitude make-valid is given: far beyond any coordinate system on Earth
    /// (metres or degrees), and far below the 1e135…1e294 on which GEOS 3.11's repair ran for over five
    /// minutes without ending (found by fuzzing).
    public static let largestRepairableCoordinate = 1e12

    /// GEOS make-valid with the linework method (as PostGIS and shapely default to). A geometry with a
    /// NaN or infinite coordinate is refused: GEOS 3.11's make-valid crashes on it (found by fuzzing); so
    /// is one with a coordinate beyond ``largestRepairableCoordinate``, on which it may never end.
    public func makeValid() throws(GEOSError) -> Geometry {
        if let problem = try validityProblem(), problem.reason.contains("Invalid Coordinate") {
            throw GEOSError(operation: .makeValid, messages: ["the geometry has a NaN or infinite coordinate, which cannot be repaired"])
        }
        if let b = try bounds(), [b.minX, b.minY, b.maxX, b.maxY].contains(where: { abs($0) > Self.largestRepairableCoordinate }) {
            throw GEOSError(operation: .makeValid, messages: [
                "the geometry has a coordinate beyond ±1e12, outside any coordinate system on Earth, which cannot be repaired"])
        }
        return try context.makeGeometry(.makeValid) { GEOSMakeValidWithParams_r(h, raw, context.linework) }
    }

    // MARK: Measures

    /// Planar area in squared units of the coordinates.
    public func area() throws(GEOSError) -> Double { try context.measure(LibraryOperation("area", zh: "计算面积")) { GEOSArea_r(h, raw, $0) } }

    /// Planar length (perimeter for polygons).
    public func length() throws(GEOSError) -> Double { try context.measure(LibraryOperation("length", zh: "计算长度")) { GEOSLength_r(h, raw, $0) } }

    // MARK: Overlay and predicates

    public func intersection(_ other: Geometry) throws(GEOSError) -> Geometry {
        try context.makeGeometry(LibraryOperation("intersection", zh: "求交")) { GEOSIntersection_r(h, raw, other.raw) }
    }

    public func difference(_ other: Geometry) throws(GEOSError) -> Geometry {
        try context.makeGeometry(LibraryOperation("difference", zh: "求差")) { GEOSDifference_r(h, raw, other.raw) }
    }

    public func unaryUnion() throws(GEOSError) -> Geometry {
        try context.makeGeometry(LibraryOperation("union", zh: "合并")) { GEOSUnaryUnion_r(h, raw) }
    }

    /// Shortest planar distance to `other` (0 when they touch or overlap).
    public func distance(to other: Geometry) throws(GEOSError) -> Double {
        try context.measure(LibraryOperation("distance", zh: "计算距离")) { GEOSDistance_r(h, raw, other.raw, $0) }
    }

    /// A point guaranteed to lie inside a polygonal geometry, for labelling a location; nil for other kinds,
    /// an empty or collapsed geometry (a zero-area polygon) or one with a non-finite coordinate.
    public func pointOnSurface() throws(GEOSError) -> XY? {
        // GEOS 3.11 crashes here on a NaN or infinite coordinate, and on some point-and-line collections
        // (both found by fuzzing): only polygons are labelled, and one with such a coordinate has no point.
        guard kind.isAreal else { return nil }
        if let problem = try validityProblem(), problem.reason.contains("Invalid Coordinate") { return nil }
        let point = try context.makeGeometry(LibraryOperation("point on surface", zh: "求面内点")) { GEOSPointOnSurface_r(h, raw) }
        guard !point.isEmpty else { return nil }
        var x = 0.0, y = 0.0
        guard GEOSGeomGetX_r(h, point.raw, &x) != 0, GEOSGeomGetY_r(h, point.raw, &y) != 0 else {
            throw context.failure(LibraryOperation("reading a point", zh: "读取点"))
        }
        return XY(x, y)
    }

    /// The bounds; nil for an empty geometry.
    public func bounds() throws(GEOSError) -> Bounds? {
        guard !isEmpty else { return nil }
        var minX = 0.0, minY = 0.0, maxX = 0.0, maxY = 0.0
        guard GEOSGeom_getXMin_r(h, raw, &minX) != 0, GEOSGeom_getYMin_r(h, raw, &minY) != 0,
              GEOSGeom_getXMax_r(h, raw, &maxX) != 0, GEOSGeom_getYMax_r(h, raw, &maxY) != 0 else {
            throw context.failure(LibraryOperation("reading bounds", zh: "读取范围"))
        }
        return Bounds(minX: minX, minY: minY, maxX: maxX, maxY: maxY)
    }

    public func intersects(_ other: Geometry) throws(GEOSError) -> Bool {
        try context.predicate(LibraryOperation("intersects", zh: "判断相交")) { GEOSIntersects_r(h, raw, other.raw) }
    }

    /// The interiors intersect and neither contains the other (DE-9IM overlaps).
    public func overlaps(_ other: Geometry) throws(GEOSError) -> Bool {
        try context.predicate(LibraryOperation("overlaps", zh: "判断重叠")) { GEOSOverlaps_r(h, raw, other.raw) }
    }

    /// The same point set (topological equality).
    public func equals(_ other: Geometry) throws(GEOSError) -> Bool {
        try context.predicate(LibraryOperation("equals", zh: "判断相等")) { GEOSEquals_r(h, raw, other.raw) }
    }

    /// A copy without consecutive points closer than `tolerance` (0: exact repeats only).
    public func removingRepeatedPoints(tolerance: Double = 0) throws(GEOSError) -> Geometry {
        try context.makeGeometry(LibraryOperation("removing repeated points", zh: "去除重复点")) { GEOSRemoveRepeatedPoints_r(h, raw, tolerance) }
    }

    public func contains(_ other: Geometry) throws(GEOSError) -> Bool {
        try context.predicate(LibraryOperation("contains", zh: "判断包含")) { GEOSContains_r(h, raw, other.raw) }
    }

}

extension Geometry {
    /// The polygons of a geometry: itself when it is a (multi)polygon, otherwise a MultiPolygon of the
    /// polygons in a collection (lines and points left out), empty when there are none.
    public func polygonalPart() throws(GEOSError) -> Geometry {
        if kind.isAreal { return self }
        return try Geometry.collection(.multiPolygon, of: polygons, context: context)
    }

    /// The non-empty polygons of a geometry, depth first: itself for a polygon, the polygons of a
    /// multipolygon or collection; lines and points left out.
    public var polygons: [Geometry] {
        switch kind {
        case .polygon: return isEmpty ? [] : [self]
        case .multiPolygon, .collection: return parts.flatMap(\.polygons)
        default: return []
        }
    }
}

extension LibraryOperation {
    /// GEOS make-valid, and the refusals before it.
    static let makeValid = LibraryOperation("make-valid", zh: "修复几何（make-valid）")
}
