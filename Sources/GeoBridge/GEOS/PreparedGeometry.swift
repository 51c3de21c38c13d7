internal import CGEOS

/// A GEOS prepared geometry for fast repeated predicates against one geometry.
///
/// Not thread-safe: GEOS builds its indexes lazily on first use, so one prepared geometry
/// has one owner thread. It keeps its base geometry alive and frees itself in `deinit`.
public final class PreparedGeometry {
    private let raw: OpaquePointer
    /// The geometry that was prepared.
    public let base: Geometry

    public init(_ geometry: Geometry) throws(GEOSError) {
        // returns NULL on exception; the result references `geometry`, which must outlive it
        guard let raw = GEOSPrepare_r(geometry.context.handle, geometry.raw) else {
            throw geometry.context.failure(LibraryOperation("preparing a geometry", zh: "预处理几何"))
        }
        self.raw = raw
        self.base = geometry
    }

    deinit { GEOSPreparedGeom_destroy_r(base.context.handle, raw) }

    private var context: GEOSContext { base.context }

    public func intersects(_ other: Geometry) throws(GEOSError) -> Bool {
        try context.predicate(LibraryOperation("prepared intersects", zh: "判断相交（预处理几何）")) { GEOSPreparedIntersects_r(context.handle, raw, other.raw) }
    }

    /// True when `other` lies inside the base with no point on its boundary or outside.
    public func containsProperly(_ other: Geometry) throws(GEOSError) -> Bool {
        try context.predicate(LibraryOperation("prepared contains-properly", zh: "判断严格包含（预处理几何）")) { GEOSPreparedContainsProperly_r(context.handle, raw, other.raw) }
    }

    /// True when no point of `other` lies outside the base.
    public func covers(_ other: Geometry) throws(GEOSError) -> Bool {
        try context.predicate(LibraryOperation("prepared covers", zh: "判断覆盖（预处理几何）")) { GEOSPreparedCovers_r(context.handle, raw, other.raw) }
    }

    public func contains(_ other: Geometry) throws(GEOSError) -> Bool {
        try context.predicate(LibraryOperation("prepared contains", zh: "判断包含（预处理几何）")) { GEOSPreparedContains_r(context.handle, raw, other.raw) }
    }
}
