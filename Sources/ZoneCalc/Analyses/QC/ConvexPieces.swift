import GeoBridge

/// A parcel cut into convex pieces, to measure how much two parcels overlap without a GEOS relate.
///
/// Neighbouring parcels share edges, so nearly every pair the STRtree proposes touches, and GEOS 3.11
/// answers `overlaps` for such a pair with a full relate (~8 µs). Clipping convex pieces against each
/// other (Sutherland–Hodgman) gives the area the two parcels share in well under a microsecond; the
/// overlap check (Docs/qc.md, T01–T03) only skips a pair when that area is far below every threshold,
/// and every reported figure still comes from GEOS (Decisions/0008).
///
/// Only a single polygon without holes is cut: a convex ring is one piece, any other ring is cut into
/// triangles by ear clipping. Each cut replaces two edges of the ring by a diagonal, so the triangles'
/// boundaries add up to the ring's and their winding numbers to the ring's: 1 inside, 0 outside. The
/// counter-clockwise triangles therefore cover every point of the parcel at least once (exactly once when
/// no triangle turns clockwise, the usual case), and the clockwise ones — slivers of nearly straight
/// vertices — are dropped. The area the pieces share is thus never less than the area the parcels share,
/// up to rounding, which is what makes skipping a pair on it safe.
struct ConvexPieces: Sendable {
    /// The pieces one after another: a vertex count, then that many x, y pairs, counter-clockwise,
    /// the ring not closed.
    private let storage: [Double]
    /// Bounds of the whole parcel; the clipping works relative to its corner, where doubles are fine.
    let bounds: Bounds

    /// Rings longer than this are left to GEOS (ear clipping as written is cubic in the vertices).
    static let maximumVertices = 64

    /// The pieces of `geometry`, or nil when it is not one polygon without holes, is too long or
    /// cannot be cut.
    static func of(_ geometry: Geometry, buffer: inout [XY]) throws -> ConvexPieces? {
        guard geometry.kind == .polygon else { return nil }
        var pieces: ConvexPieces?, holes = false
        try geometry.forEachRing(buffer: &buffer) { index, ring in
            if index == 0 { pieces = ConvexPieces(closedRing: UnsafeBufferPointer(ring)) } else { holes = true }
        }
        return holes ? nil : pieces
    }

    /// Cuts a closed ring (first point repeated at the end), either orientation.
    init?(closedRing ring: UnsafeBufferPointer<XY>) {
        guard ring.count >= 4, ring.count - 1 <= Self.maximumVertices else { return nil }
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        for point in ring {
            guard point.x.isFinite, point.y.isFinite else { return nil }
            minX = min(minX, point.x); minY = min(minY, point.y); maxX = max(maxX, point.x); maxY = max(maxY, point.y)
        }
        // Local coordinates, repeated points dropped.
        var points: [XY] = []
        points.reserveCapacity(ring.count)
        for point in ring.dropLast() {
            let local = XY(point.x - minX, point.y - minY)
            if points.last != local { points.append(local) }
        }
        while points.count > 1, points.first == points.last { points.removeLast() }
        guard points.count >= 3 else { return nil }
        var doubleArea = 0.0
        for index in points.indices {
            let a = points[index], b = points[(index + 1) % points.count]
            doubleArea += a.x * b.y - b.x * a.y
        }
        guard doubleArea != 0, doubleArea.isFinite else { return nil }
        if doubleArea < 0 { points.reverse() }

        var storage: [Double] = []
        storage.reserveCapacity(1 + 2 * points.count)
        func add(_ piece: [XY]) {
            storage.append(Double(piece.count))
            for point in piece { storage.append(point.x + minX); storage.append(point.y + minY) }
        }
        if Self.isConvex(points) {
            add(points)
        } else {
            guard let triangles = Self.earClipping(points) else { return nil }
            for triangle in triangles { add(triangle) }
        }
        self.storage = storage
        self.bounds = Bounds(minX: minX, minY: minY, maxX: maxX, maxY: maxY)
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

    /// The area (m²) `self` and `other` share, or a little more: the sum over piece pairs of their convex
    /// intersection. nil when a clip produced more vertices than convex pieces can, or no finite area.
    func sharedArea(with other: ConvexPieces) -> Double? {
        guard bounds.overlapArea(other.bounds) > 0 else { return 0 }
        let originX = bounds.minX, originY = bounds.minY
        var total = 0.0
        return storage.withUnsafeBufferPointer { mine in
            other.storage.withUnsafeBufferPointer { theirs in
                var i = 0
                while i < mine.count {
                    let n = Int(mine[i])
                    var j = 0
                    while j < theirs.count {
                        let m = Int(theirs[j])
                        guard let area = Self.clippedArea(mine.baseAddress! + i + 1, n, theirs.baseAddress! + j + 1, m, originX, originY) else { return nil }
                        total += area
                        j += 1 + 2 * m
                    }
                    i += 1 + 2 * n
                }
                return total
            }
        }
    }

    /// Area of the intersection of two convex counter-clockwise pieces (x, y pairs), relative to an origin.
    private static func clippedArea(_ subject: UnsafePointer<Double>, _ n: Int, _ clip: UnsafePointer<Double>, _ m: Int,
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
