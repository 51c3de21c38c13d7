import GeoBridge

/// The one ring of a polygon, read straight from its WKB when the ring is certainly simple, so that its
/// areas can be measured without building a GEOS geometry and running GEOS's validity check — which,
/// for a million parcels of four or five vertices, took more time than reading and measuring them
/// (Decisions/0009).
///
/// The test only ever answers "certainly simple" or "ask GEOS". It accepts a ring when floating-point
/// arithmetic proves that its edges meet nowhere but where consecutive edges share a vertex: every
/// orientation sign it relies on is decided by Shewchuk's error bound for the orientation determinant
/// (*Adaptive Precision Floating-Point Arithmetic and Fast Robust Geometric Predicates*, 1997, bound
/// A), and a sign within the bound counts as doubt. Any doubt — a hole, several parts, Z or M values, a
/// repeated or nearly collinear vertex, two edges that might touch, more than ``maximumVertices``
/// vertices, an unclosed ring — sends the feature the usual way, through GEOS. A ring it accepts is a
/// simple closed curve of finite coordinates, which GEOS also calls a valid polygon.
enum CertainlySimpleRing {
    /// Rings with more vertices are left to GEOS (the test compares every pair of edges).
    static let maximumVertices = 32

    /// Reads the ring of a WKB polygon (or multipolygon of one part) into `ring`, closed (the first
    /// point repeated last), and returns true when it is certainly simple; false leaves `ring` unspecified.
    static func read(_ wkb: UnsafeRawBufferPointer, into ring: inout [XY]) -> Bool {
        guard let pointsStart = onlyRingStart(wkb) else { return false }
        let count = Int(wkb.loadUnaligned(fromByteOffset: pointsStart - 4, as: UInt32.self).littleEndian)
        guard count >= 4, count <= maximumVertices + 1, pointsStart + 16 * count == wkb.count else { return false }
        ring.removeAll(keepingCapacity: true)
        for k in 0..<count {
            let x = Double(bitPattern: wkb.loadUnaligned(fromByteOffset: pointsStart + 16 * k, as: UInt64.self).littleEndian)
            let y = Double(bitPattern: wkb.loadUnaligned(fromByteOffset: pointsStart + 16 * k + 8, as: UInt64.self).littleEndian)
            guard x.isFinite, y.isFinite else { return false }
            ring.append(XY(x, y))
        }
        return isCertainlySimple(ring)
    }

    /// Where the points of the only ring start, for little-endian 2-D WKB of a polygon with one ring or a
    /// multipolygon with one such polygon; nil for anything else.
    private static func onlyRingStart(_ wkb: UnsafeRawBufferPointer) -> Int? {
        func header(at offset: Int) -> (type: UInt32, count: UInt32)? {
            guard wkb.count >= offset + 9, wkb[offset] == 1 else { return nil }  // 1: little-endian (NDR)
            return (wkb.loadUnaligned(fromByteOffset: offset + 1, as: UInt32.self).littleEndian,
                    wkb.loadUnaligned(fromByteOffset: offset + 5, as: UInt32.self).littleEndian)
        }
        guard var polygon = header(at: 0) else { return nil }
        var offset = 9
        if polygon.type == 6 {  // MultiPolygon
            guard polygon.count == 1, let part = header(at: 9) else { return nil }
            polygon = part
            offset = 18
        }
        guard polygon.type == 3, polygon.count == 1, wkb.count >= offset + 4 else { return nil }  // Polygon, one ring
        return offset + 4
    }

    /// Whether the closed ring's edges certainly meet only at the vertices consecutive edges share.
    static func isCertainlySimple(_ ring: [XY]) -> Bool {
        let vertices = ring.count - 1
        guard vertices >= 3, ring[0] == ring[vertices] else { return false }
        for i in 0..<vertices {
            // Consecutive edges meet only at their shared vertex when it is certainly not collinear with
            // their other ends (this also rules out a repeated vertex).
            let previous = ring[i == 0 ? vertices - 1 : i - 1]
            guard orientation(previous, ring[i], ring[i + 1]) != 0 else { return false }
        }
        for i in 0..<(vertices - 2) {
            // Edges i and j are not consecutive: j ≥ i + 2, and the last edge is next to the first.
            for j in (i + 2)..<vertices where !(i == 0 && j == vertices - 1) {
                guard disjoint(ring[i], ring[i + 1], ring[j], ring[j + 1]) else { return false }
            }
        }
        return true
    }

    /// Whether segments pq and rs certainly have no point in common: separated bounding boxes, or one
    /// segment's ends certainly strictly on the same side of the other's line.
    private static func disjoint(_ p: XY, _ q: XY, _ r: XY, _ s: XY) -> Bool {
        if max(p.x, q.x) < min(r.x, s.x) || max(r.x, s.x) < min(p.x, q.x)
            || max(p.y, q.y) < min(r.y, s.y) || max(r.y, s.y) < min(p.y, q.y) { return true }
        let r1 = orientation(p, q, r), s1 = orientation(p, q, s)
        if r1 != 0, r1 == s1 { return true }
        let p1 = orientation(r, s, p), q1 = orientation(r, s, q)
        return p1 != 0 && p1 == q1
    }

    /// Shewchuk's error bound A for the orientation determinant: (3 + 16ε)ε, ε = 2⁻⁵³.
    private static let orientationErrorBound = (3.0 + 16.0 * 0x1p-53) * 0x1p-53

    /// +1 when c is certainly left of the line from a to b, −1 when certainly right, 0 when the
    /// floating-point determinant cannot tell (collinear or too close to it).
    static func orientation(_ a: XY, _ b: XY, _ c: XY) -> Int {
        let left = (a.x - c.x) * (b.y - c.y)
        let right = (a.y - c.y) * (b.x - c.x)
        let determinant = left - right
        let magnitude = abs(left) + abs(right)
        // Below this the products may have lost precision to underflow, which the bound does not cover.
        guard magnitude > 0x1p-900 else { return 0 }
        let bound = orientationErrorBound * magnitude
        if determinant > bound { return 1 }
        if -determinant > bound { return -1 }
        return 0
    }
}
