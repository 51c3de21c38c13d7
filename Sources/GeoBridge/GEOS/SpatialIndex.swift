internal import CGEOS

/// A GEOS STRtree over a fixed list of geometries, answering "which items' envelopes
/// intersect this geometry's envelope" with their positions in the list.
///
/// Not thread-safe (GEOS builds the tree lazily on the first query): one owner thread.
/// Built from geometries it keeps them alive with the tree; built from boxes it keeps nothing (GEOS
/// copies each envelope into the tree, geos_c.h: "as of GEOS 3.9").
public final class SpatialIndex {
    private let raw: OpaquePointer
    private let context: GEOSContext
    private let items: [Geometry]

    /// Indexes `geometries`; query results are indices into this array.
    public init(_ geometries: [Geometry], context: GEOSContext) throws(GEOSError) {
        // node capacity 10 as in shapely; returns NULL on exception
        guard let raw = GEOSSTRtree_create_r(context.handle, 10) else { throw context.failure(LibraryOperation("creating an STRtree", zh: "创建 STRtree 空间索引")) }
        self.raw = raw
        self.context = context
        self.items = geometries
        for (index, geometry) in geometries.enumerated() {
            // The item pointer carries the index + 1 (never NULL); no return value to check.
            GEOSSTRtree_insert_r(context.handle, raw, geometry.raw, UnsafeMutableRawPointer(bitPattern: index + 1))
        }
    }

    /// Indexes boxes (nil ones are left out); query results are indices into this array.
    public init(boxes: [Bounds?], context: GEOSContext) throws(GEOSError) {
        guard let raw = GEOSSTRtree_create_r(context.handle, 10) else { throw context.failure(LibraryOperation("creating an STRtree", zh: "创建 STRtree 空间索引")) }
        self.raw = raw
        self.context = context
        self.items = []
        for (index, box) in boxes.enumerated() {
            guard let box else { continue }
            let rectangle = try Geometry.rectangle(box, context: context)
            withExtendedLifetime(rectangle) {
                GEOSSTRtree_insert_r(context.handle, raw, rectangle.raw, UnsafeMutableRawPointer(bitPattern: index + 1))
            }
        }
    }

    deinit { GEOSSTRtree_destroy_r(context.handle, raw) }

    /// Indices of the items whose envelopes intersect `box`, ascending.
    public func candidates(in box: Bounds) throws(GEOSError) -> [Int] {
        candidates(for: try Geometry.rectangle(box, context: context))
    }

    /// Indices of the items whose envelopes intersect `geometry`'s envelope, ascending.
    public func candidates(for geometry: Geometry) -> [Int] {
        var found: [Int] = []
        withUnsafeMutablePointer(to: &found) { pointer in
            GEOSSTRtree_query_r(context.handle, raw, geometry.raw, { item, userdata in
                guard let userdata else { return }
                let list = userdata.assumingMemoryBound(to: [Int].self)
                list.pointee.append(Int(bitPattern: item) - 1)
            }, pointer)
        }
        return found.sorted()
    }
}
