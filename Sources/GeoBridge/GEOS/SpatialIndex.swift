import CGEOS

/// A GEOS STRtree over a fixed list of geometries, answering "which items' envelopes
/// intersect this geometry's envelope" with their positions in the list.
///
/// Not thread-safe (GEOS builds the tree lazily on the first query): one owner thread.
/// Keeps the indexed geometries alive, as GEOS does not promise to copy their envelopes.
public final class SpatialIndex {
    private let raw: OpaquePointer
    private let context: GEOSContext
    private let items: [Geometry]

    /// Indexes `geometries`; query results are indices into this array.
    public init(_ geometries: [Geometry], context: GEOSContext) throws(GEOSError) {
        // node capacity 10 as in shapely; returns NULL on exception
        guard let raw = GEOSSTRtree_create_r(context.handle, 10) else { throw context.failure("creating an STRtree") }
        self.raw = raw
        self.context = context
        self.items = geometries
        for (index, geometry) in geometries.enumerated() {
            // The item pointer carries the index + 1 (never NULL); no return value to check.
            GEOSSTRtree_insert_r(context.handle, raw, geometry.raw, UnsafeMutableRawPointer(bitPattern: index + 1))
        }
    }

    /// Indexes boxes (nil ones are left out); query results are indices into this array.
    ///
    /// Each box becomes a GEOS rectangle kept only while it is inserted: since GEOS 3.10 the tree
    /// (TemplateSTRtree) copies the envelope into its node. Older GEOS keeps a pointer, so there the
    /// rectangles are kept alive with the tree.
    public init(boxes: [Bounds?], context: GEOSContext) throws(GEOSError) {
        guard let raw = GEOSSTRtree_create_r(context.handle, 10) else { throw context.failure("creating an STRtree") }
        self.raw = raw
        self.context = context
        let copiesEnvelopes = GEOS_VERSION_MAJOR > 3 || (GEOS_VERSION_MAJOR == 3 && GEOS_VERSION_MINOR >= 10)
        var kept: [Geometry] = []
        for (index, box) in boxes.enumerated() {
            guard let box else { continue }
            let rectangle = try Geometry.rectangle(box, context: context)
            GEOSSTRtree_insert_r(context.handle, raw, rectangle.raw, UnsafeMutableRawPointer(bitPattern: index + 1))
            if !copiesEnvelopes { kept.append(rectangle) }
        }
        self.items = kept
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
