import GeoBridge

/// Parcels cut into convex pieces, to measure how much two parcels overlap without a GEOS relate.
///
/// Neighbouring parcels share edges, so nearly every pair an STRtree proposes touches, and GEOS 3.11
/// answers `overlaps` or `intersects` for such a pair with a full relate (~8 µs), an intersection with
/// an overlay. Clipping convex pieces against each other (Sutherland–Hodgman) gives the area the two
/// parcels share in well under a microsecond; the pair checks (`zonecalc qc` T01–T03, the overlay's
/// overlap accounting) only skip a pair when that area is far below every threshold, and every
/// reported figure still comes from GEOS (Decisions/0008).
///
/// Only a single polygon without holes is cut: a convex ring is one piece, any other ring is cut into
/// triangles by ear clipping. Each cut replaces two edges of the ring by a diagonal, so the triangles'
/// boundaries add up to the ring's and their winding numbers to the ring's: 1 inside, 0 outside. The
/// counter-clockwise triangles therefore cover every point of the parcel at least once (exactly once when
/// no triangle turns clockwise, the usual case), and the clockwise ones — slivers of nearly straight
/// vertices — are dropped. The area the pieces share is thus never less than the area the parcels share,
/// up to rounding, which is what makes skipping a pair on it safe.
///
/// The pieces of every parcel sit one after another in one buffer (a vertex count, then that many
/// x, y pairs, counter-clockwise, the ring not closed), so the pair test reads them without copying or
/// reference counting.
struct ConvexPieces: Sendable {
    private var storage: [Double] = []
    /// Per parcel, where its pieces end in `storage` (they start where the previous parcel's end);
    /// a parcel without pieces has an empty range.
    private var ends: [Int] = []

    /// Rings longer than this are left to GEOS (ear clipping as written is cubic in the vertices).
    static let maximumVertices = 64

    init() {}

    /// The number of parcels.
    var count: Int { ends.count }

    /// Room for `parcels` more parcels of a few vertices each, so the buffer is not regrown (and its
    /// fresh pages touched) again and again.
    mutating func reserveCapacity(parcels: Int) {
        storage.reserveCapacity(storage.count + 12 * parcels)
        ends.reserveCapacity(ends.count + parcels)
    }

    /// Adds the next parcel: the pieces of `geometry`, or none when it is not one polygon without
    /// holes, is too long, cannot be cut or read (its pairs then go to GEOS).
    mutating func append(_ geometry: Geometry?, buffer: inout [XY]) {
        let start = storage.count
        defer { ends.append(storage.count) }
        guard let geometry, geometry.kind == .polygon else { return }
        var holes = false
        do {
            try geometry.forEachRing(buffer: &buffer) { index, ring in
                if index == 0 { cut(closedRing: UnsafeBufferPointer(ring)) } else { holes = true }
            }
        } catch {
            holes = true
        }
        if holes { storage.removeSubrange(start...) }
    }

    /// Adds the next parcel from a closed ring.
    mutating func append(closedRing ring: UnsafeBufferPointer<XY>) {
        cut(closedRing: ring)
        ends.append(storage.count)
    }

    /// Adds the parcels of `other` after these.
    mutating func append(contentsOf other: ConvexPieces) {
        let offset = storage.count
        storage += other.storage
        ends += other.ends.map { $0 + offset }
    }

    /// Whether parcel `index` has pieces.
    func hasPieces(_ index: Int) -> Bool { ends[index] > (index == 0 ? 0 : ends[index - 1]) }

    /// Appends the pieces of a closed ring (first point repeated at the end), either orientation, or
    /// nothing when it cannot be cut.
    private mutating func cut(closedRing ring: UnsafeBufferPointer<XY>) {
        guard ring.count >= 4, ring.count - 1 <= Self.maximumVertices else { return }
        var minX = Double.infinity, minY = Double.infinity
        for point in ring {
            guard point.x.isFinite, point.y.isFinite else { return }
            minX = min(minX, point.x); minY = min(minY, point.y)
        }
        // Local coordinates, repeated points dropped.
        var points: [XY] = []
        points.reserveCapacity(ring.count)
        for point in ring.dropLast() {
            let local = XY(point.x - minX, point.y - minY)
            if points.last != local { points.append(local) }
        }
        while points.count > 1, points.first == points.last { points.removeLast() }
        guard points.count >= 3 else { return }
        var doubleArea = 0.0
        for index in points.indices {
            let a = points[index], b = points[(index + 1) % points.count]
            doubleArea += a.x * b.y - b.x * a.y
        }
        guard doubleArea != 0, doubleArea.isFinite else { return }
        if doubleArea < 0 { points.reverse() }

        func add(_ piece: [XY]) {
            storage.append(Double(piece.count))
            for point in piece { storage.append(point.x + minX); storage.append(point.y + minY) }
        }
        if Self.isConvex(points) {
            add(points)
        } else {
            guard let triangles = Self.earClipping(points) else { return }
            for triangle in triangles { add(triangle) }
        }
    }

    /// Every turn of a counter-clockwise ring to the left or straight on, as computed. No tolerance: a
    /// vertex turning right by a hair (a crack's tip as much as a nearly straight vertex) makes the ring
    /// non-convex, since a non-convex clip polygon would lose area; such rings go to ear clipping.
    private static func isConvex(_ points: [XY]) -> Bool {
        let count = points.count
        for index in 0..<count {
            let p = points[(index + count - 1) % count], v = points[index], q = points[(index + 1) % count]
            if (v.x - p.x) * (q.y - v.y) - (v.y - p.y) * (q.x - v.x) < 0 { return false }
        }
        return true
    }

    /// The counter-clockwise triangles of a counter-clockwise simple ring, or nil when the ears run out.
    private static func earClipping(_ points: [XY]) -> [[XY]]? {
        var remaining = Array(points.indices)
        var triangles: [[XY]] = []
        func cross(_ a: XY, _ b: XY, _ c: XY) -> Double { (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x) }
        func isEar(_ at: Int) -> Bool {
            let count = remaining.count
            let a = points[remaining[(at + count - 1) % count]], b = points[remaining[at]], c = points[remaining[(at + 1) % count]]
            guard cross(a, b, c) > 0 else { return false }
            for index in remaining {
                let p = points[index]
                if p == a || p == b || p == c { continue }
                if cross(a, b, p) >= 0, cross(b, c, p) >= 0, cross(c, a, p) >= 0 { return false }
            }
            return true
        }
        while remaining.count > 3 {
            guard let ear = remaining.indices.first(where: isEar) else { return nil }
            let count = remaining.count
            triangles.append([points[remaining[(ear + count - 1) % count]], points[remaining[ear]], points[remaining[(ear + 1) % count]]])
            remaining.remove(at: ear)
        }
        triangles.append(remaining.map { points[$0] })
        // Triangles of collinear vertices, flat or turned by rounding, are dropped (see the type's comment).
        let kept = triangles.filter { cross($0[0], $0[1], $0[2]) > 0 }
        return kept.isEmpty ? nil : kept
    }

    /// Calls `body` with a reader of the pieces, valid during the call.
    func withReader<R>(_ body: (Reader) throws -> R) rethrows -> R {
        try storage.withUnsafeBufferPointer { storage in
            try ends.withUnsafeBufferPointer { ends in try body(Reader(storage: storage, ends: ends)) }
        }
    }

    /// Reads the pieces through pointers: no copies, no reference counting.
    struct Reader {
        let storage: UnsafeBufferPointer<Double>
        let ends: UnsafeBufferPointer<Int>

        /// The area parcels `a` and `b` share (in the layer's units), or a little more: the sum over
        /// their piece pairs of the convex intersections, relative to `origin` (a corner of either
        /// parcel's box, where the subtraction is exact). nil when either has no pieces, a clip produced
        /// more vertices than convex pieces can, or the area is not finite.
        func sharedArea(_ a: Int, _ b: Int, origin: XY) -> Double? {
            let aStart = a == 0 ? 0 : ends[a - 1], aEnd = ends[a], bStart = b == 0 ? 0 : ends[b - 1], bEnd = ends[b]
            guard aEnd > aStart, bEnd > bStart else { return nil }
            let base = storage.baseAddress!
            var total = 0.0
            var i = aStart
            while i < aEnd {
                let n = Int(storage[i])
                var j = bStart
                while j < bEnd {
                    let m = Int(storage[j])
                    guard let area = ConvexPieces.clippedArea(base + i + 1, n, base + j + 1, m, origin.x, origin.y) else { return nil }
                    total += area
                    j += 1 + 2 * m
                }
                i += 1 + 2 * n
            }
            return total
        }
    }

    /// Area of the intersection of two convex counter-clockwise pieces (x, y pairs), relative to an origin.
    fileprivate static func clippedArea(_ subject: UnsafePointer<Double>, _ n: Int, _ clip: UnsafePointer<Double>, _ m: Int,
                                    _ originX: Double, _ originY: Double) -> Double? {
        // Boxes first: most piece pairs of neighbours are apart.
        var sMinX = Double.infinity, sMaxX = -Double.infinity, sMinY = Double.infinity, sMaxY = -Double.infinity
        for k in 0..<n {
            sMinX = min(sMinX, subject[2 * k]); sMaxX = max(sMaxX, subject[2 * k]); sMinY = min(sMinY, subject[2 * k + 1]); sMaxY = max(sMaxY, subject[2 * k + 1])
        }
        var cMinX = Double.infinity, cMaxX = -Double.infinity, cMinY = Double.infinity, cMaxY = -Double.infinity
        for k in 0..<m {
            cMinX = min(cMinX, clip[2 * k]); cMaxX = max(cMaxX, clip[2 * k]); cMinY = min(cMinY, clip[2 * k + 1]); cMaxY = max(cMaxY, clip[2 * k + 1])
        }
        guard sMinX < cMaxX, cMinX < sMaxX, sMinY < cMaxY, cMinY < sMaxY else { return 0 }
        // A convex polygon clipped by a half-plane gains at most one vertex.
        let capacity = 2 * (n + m + 1)
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * capacity) { buffer -> Double? in
            var current = buffer.baseAddress!, next = current + capacity
            var count = n
            for k in 0..<n { current[2 * k] = subject[2 * k] - originX; current[2 * k + 1] = subject[2 * k + 1] - originY }
            for edge in 0..<m {
                let ax = clip[2 * edge] - originX, ay = clip[2 * edge + 1] - originY
                let following = (edge + 1) % m
                let dx = clip[2 * following] - originX - ax, dy = clip[2 * following + 1] - originY - ay
                var out = 0
                var sx = current[2 * (count - 1)], sy = current[2 * (count - 1) + 1]
                var sSide = dx * (sy - ay) - dy * (sx - ax)
                for k in 0..<count {
                    let px = current[2 * k], py = current[2 * k + 1]
                    let pSide = dx * (py - ay) - dy * (px - ax)
                    if (pSide >= 0) != (sSide >= 0) {
                        guard out < capacity / 2 else { return nil }
                        let t = sSide / (sSide - pSide)
                        next[2 * out] = sx + t * (px - sx); next[2 * out + 1] = sy + t * (py - sy)
                        out += 1
                    }
                    if pSide >= 0 {
                        guard out < capacity / 2 else { return nil }
                        next[2 * out] = px; next[2 * out + 1] = py
                        out += 1
                    }
                    sx = px; sy = py; sSide = pSide
                }
                swap(&current, &next)
                count = out
                if count < 3 { return 0 }
            }
            var doubleArea = 0.0
            for k in 0..<count {
                let following = (k + 1) % count
                doubleArea += current[2 * k] * current[2 * following + 1] - current[2 * following] * current[2 * k + 1]
            }
            guard doubleArea.isFinite else { return nil }
            return max(0, doubleArea / 2)
        }
    }
}
