import Foundation
import GeoBridge

/// The converged ellipsoidal area of 国土调查办发〔2008〕32号 for polygons whose edges follow an
/// ``EdgeConvention``.
///
/// The circular sums, around each ring, the ellipsoidal trapezoids between the ring and a reference
/// meridian, cutting each edge's strip into narrow strips until the sum no longer changes. One
/// trapezoid per edge is exact only for an edge along a parallel: an edge straight in the
/// Gauss–Krüger plane is curved in longitude/latitude, and the one-trapezoid error grows with the cube
/// of its length (0.01 m² on a 100 m east–west edge at 38°N, 7e-4 relative on a triangle with a 20 km edge).
///
/// Each edge's one-trapezoid error is bounded from its length, direction, latitude and distance from
/// the central meridian (checked against a converged reference on 3 000 random edges, see
/// `Docs/area-methods.md`). When the bounds of a polygon's edges add up to no more than its tolerance,
/// max(0.01 m², 1e-9 × area), one trapezoid per edge is kept: most parcels need nothing more. Otherwise
/// the edges with the largest bounds are refined until the others add up to at most half the tolerance:
/// each is cut into 2, 4, 8 … strips along the edge, in the data's own coordinates, the new points
/// inverse-projected with PROJ (the first level of all refined edges in one call), and the strip sums are
/// extrapolated (Romberg) until two successive estimates agree within the edge's share of what is left of
/// the tolerance.
///
/// Not thread-safe: it keeps scratch buffers and borrows its caller's PROJ transform. One per worker.
struct ConvergedEllipsoidalArea {
    let series: EllipsoidalTrapezoid
    let edges: EdgeConvention
    /// Plane → geographic coordinates on the same ellipsoid; nil for data in longitude/latitude.
    private let toGeographic: CoordinateTransform?
    private var terms: [Double] = []
    private var bounds: [Double] = []
    private var ringSums: [Double] = []
    /// For each edge of the polygon: its first vertex and its ring.
    private var edgeVertices: [Int] = [], edgeRings: [Int] = [], ringStarts: [Int] = []
    private var stripPoints: [XY] = [], nextStripPoints: [XY] = [], newPoints: [XY] = [], midpoints: [XY] = []

    /// The most times an edge is halved: 65 536 strips, far more than a 20 km edge needs.
    static let maximumLevel = 16
    /// The area within which every polygon is measured: max(0.01 m², 1e-9 × its area).
    static func tolerance(area: Double) -> Double { max(0.01, 1e-9 * abs(area)) }

    init(series: EllipsoidalTrapezoid, edges: EdgeConvention, toGeographic: CoordinateTransform?) {
        self.series = series
        self.edges = edges
        self.toGeographic = toGeographic
    }

    /// Area (m², ≥ 0) of one polygon, shell minus holes.
    /// - Parameters:
    ///   - plane: every ring's vertices in the data's own coordinates (closed rings, shell first).
    ///   - lonLat: the same vertices as longitude/latitude in degrees on the data's ellipsoid.
    ///   - ringEnds: the index one past each ring's last vertex.
    /// - Throws: `ProjError` when PROJ cannot inverse-project a point inserted on an edge.
    mutating func area(plane: [XY], lonLat: [XY], ringEnds: [Int]) throws(ProjError) -> Double {
        // First pass, all a parcel usually needs: each ring's one-trapezoid sum and its edges' bounds added up.
        ringSums.removeAll(keepingCapacity: true)
        var finite = 0.0, unbounded = false
        plane.withUnsafeBufferPointer { plane in
            lonLat.withUnsafeBufferPointer { lonLat in
                var start = 0
                for end in ringEnds {
                    let (sum, bound) = oneTrapezoidPerEdge(plane: plane, lonLat: lonLat, ring: start..<end)
                    ringSums.append(sum)
                    if bound.isFinite { finite += bound } else { unbounded = true }
                    start = end
                }
            }
        }
        let b2 = series.semiMinorAxis * series.semiMinorAxis
        let estimate = polygonArea(ringSums) * b2
        let tolerance = Self.tolerance(area: estimate)
        guard unbounded || finite > tolerance else { return estimate }

        // Second pass, for the polygons that need refining: each edge's term and bound.
        terms.removeAll(keepingCapacity: true)
        bounds.removeAll(keepingCapacity: true)
        edgeVertices.removeAll(keepingCapacity: true)
        edgeRings.removeAll(keepingCapacity: true)
        ringStarts.removeAll(keepingCapacity: true)
        var start = 0
        for (ring, end) in ringEnds.enumerated() {
            ringStarts.append(start)
            if end - start > 3 {
                let l0 = lonLat[start].x
                let (tanLatitude, offset) = plane.withUnsafeBufferPointer { plane in
                    lonLat.withUnsafeBufferPointer { ringExtent(plane: plane, lonLat: $0, ring: start..<end) }
                }
                for i in start..<(end - 1) {
                    terms.append(edgeTerm(lonLat[i], lonLat[i + 1], referenceLongitude: l0))
                    bounds.append(errorBound(plane[i], plane[i + 1], tanLatitude: tanLatitude, centralMeridianOffset: offset))
                    edgeVertices.append(i)
                    edgeRings.append(ring)
                }
            }
            start = end
        }

        // Refine the edges with no bound, then those with the largest bounds until the rest add up to at
        // most half the tolerance; the refined edges share what is left of it.
        var refined = bounds.indices.filter { !bounds[$0].isFinite }
        var remaining = finite
        for k in bounds.indices.filter({ bounds[$0].isFinite }).sorted(by: { bounds[$0] > bounds[$1] }) where remaining > tolerance / 2 {
            refined.append(k)
            remaining -= bounds[k]
        }
        let edgeTolerance = (tolerance - max(0, remaining)) / Double(refined.count) / b2
        // Level 1 (one point in the middle of each edge) for all refined edges in one PROJ call.
        midpoints.removeAll(keepingCapacity: true)
        for k in refined {
            let p = plane[edgeVertices[k]], q = plane[edgeVertices[k] + 1]
            midpoints.append(XY((p.x + q.x) / 2, (p.y + q.y) / 2))
        }
        if let toGeographic { try toGeographic.transform(&midpoints) }
        for (slot, k) in refined.enumerated() {
            let vertex = edgeVertices[k], ring = edgeRings[k], l0 = lonLat[ringStarts[ring]].x
            let twoStrips = edgeTerm(lonLat[vertex], midpoints[slot], referenceLongitude: l0)
                + edgeTerm(midpoints[slot], lonLat[vertex + 1], referenceLongitude: l0)
            var converged = twoStrips + (twoStrips - terms[k]) / 3
            if abs(converged - terms[k]) > edgeTolerance {
                converged = try convergedEdge(from: plane[vertex], to: plane[vertex + 1], points: [lonLat[vertex], midpoints[slot], lonLat[vertex + 1]],
                                              referenceLongitude: l0, rows: [twoStrips, converged], tolerance: edgeTolerance)
            }
            ringSums[ring] += converged - terms[k]
        }
        return polygonArea(ringSums) * b2
    }

    private func polygonArea(_ sums: [Double]) -> Double {
        guard let shell = sums.first else { return 0 }
        return max(0, abs(shell) - sums.dropFirst().reduce(0) { $0 + abs($1) })
    }

    /// The ring's one-trapezoid sum in units of b² and the sum of its edges' error bounds (m²).
    private func oneTrapezoidPerEdge(plane: UnsafeBufferPointer<XY>, lonLat: UnsafeBufferPointer<XY>, ring: Range<Int>) -> (Double, Double) {
        guard ring.count > 3 else { return (0, 0) }
        let l0 = lonLat[ring.lowerBound].x
        let (tanLatitude, offset) = ringExtent(plane: plane, lonLat: lonLat, ring: ring)
        var sum = 0.0, bound = 0.0
        for i in ring.lowerBound..<(ring.upperBound - 1) {
            sum += edgeTerm(lonLat[i], lonLat[i + 1], referenceLongitude: l0)
            bound += errorBound(plane[i], plane[i + 1], tanLatitude: tanLatitude, centralMeridianOffset: offset)
        }
        return (sum, bound)
    }

    /// The largest |tan B| of the ring's vertices and, in a Gauss–Krüger plane, the largest distance
    /// (m) of a vertex from the central meridian.
    private func ringExtent(plane: UnsafeBufferPointer<XY>, lonLat: UnsafeBufferPointer<XY>, ring: Range<Int>) -> (Double, Double) {
        var latitude = 0.0, offset = 0.0
        for i in ring { latitude = max(latitude, abs(lonLat[i].y)) }
        if case .gaussKrugerPlane(let falseEasting) = edges {
            for i in ring { offset = max(offset, abs(plane[i].x - falseEasting)) }
        }
        return (tan(latitude * .pi / 180), offset)
    }

    /// The signed trapezoid between an edge and the reference meridian, in units of b² (lon/lat in degrees).
    @inline(__always)
    private func edgeTerm(_ p: XY, _ q: XY, referenceLongitude l0: Double) -> Double {
        let radians = Double.pi / 180
        return ((p.x - l0) + (q.x - l0)) / 2 * radians * series.strip(p.y * radians, q.y * radians)
    }

    /// An upper bound (m²) of the one-trapezoid error of an edge, from its ends in the data's coordinates.
    ///
    /// Straight in the Gauss–Krüger plane, with Δx east and Δy north (m), length ℓ, latitude B and
    /// distance d from the central meridian: 1.25/(12b) · [tan B · |Δx|(Δx² + 3Δy²) + (4(1 + tan B)d/b + 0.01) ℓ³].
    /// The first term is the leading error tan B · Δx(Δx² + 3Δy²)/(12N); the second covers the terms
    /// that grow away from the central meridian. Straight in longitude/latitude: 1.25/(12b) · (tan B + 0.01) · |Δx| Δy²
    /// with Δx = a|ΔL|, Δy = 1.007 a|ΔB| (an edge along a parallel is exact). 1e-7 m² is added for rounding.
    @inline(__always)
    private func errorBound(_ p: XY, _ q: XY, tanLatitude t: Double, centralMeridianOffset d: Double) -> Double {
        // The bound was checked from 18° to 54°; beyond 60° (tan 60° = √3) every edge is refined instead.
        guard t <= 1.7320508075688772 else { return .infinity }
        let b = series.semiMinorAxis
        switch edges {
        case .gaussKrugerPlane:
            let dx = abs(q.x - p.x), dy = abs(q.y - p.y)
            let length2 = dx * dx + dy * dy, length3 = length2 * length2.squareRoot()
            return 1.25 / (12 * b) * (t * dx * (dx * dx + 3 * dy * dy) + (4 * (1 + t) * d / b + 0.01) * length3) + 1e-7
        case .longitudeLatitude:
            let radians = Double.pi / 180
            let dx = b * abs(q.x - p.x) * radians, dy = 1.007 * b * abs(q.y - p.y) * radians
            return 1.25 / (12 * b) * (t + 0.01) * dx * dy * dy + 1e-7
        case .otherPlane:
            return .infinity
        }
    }

    /// An edge's converged strip integral in units of b², continuing from level 1 (`points`: its ends and
    /// middle in lon/lat; `rows`: the two-strip sum and its extrapolation): the edge is halved again and
    /// again, in the data's own coordinates, and the strip sums are extrapolated until two estimates agree
    /// within `tolerance` (units of b²).
    private mutating func convergedEdge(from p: XY, to q: XY, points: [XY], referenceLongitude l0: Double,
                                        rows: [Double], tolerance: Double) throws(ProjError) -> Double {
        stripPoints.removeAll(keepingCapacity: true)
        stripPoints.append(contentsOf: points)
        var previous = rows
        for level in 2...Self.maximumLevel {
            let count = 1 << (level - 1), step = 1 / Double(2 * count)
            newPoints.removeAll(keepingCapacity: true)
            for j in 0..<count {
                let t = Double(2 * j + 1) * step
                newPoints.append(XY(p.x + (q.x - p.x) * t, p.y + (q.y - p.y) * t))
            }
            if let toGeographic { try toGeographic.transform(&newPoints) }
            nextStripPoints.removeAll(keepingCapacity: true)
            for j in 0..<count { nextStripPoints.append(stripPoints[j]); nextStripPoints.append(newPoints[j]) }
            nextStripPoints.append(stripPoints[count])
            swap(&stripPoints, &nextStripPoints)
            var sum = 0.0
            for j in 0..<(stripPoints.count - 1) { sum += edgeTerm(stripPoints[j], stripPoints[j + 1], referenceLongitude: l0) }
            var row = [sum]
            for j in 1...level {
                row.append(row[j - 1] + (row[j - 1] - previous[j - 1]) / (pow(4, Double(j)) - 1))
            }
            if abs(row[level] - previous[level - 1]) <= tolerance { return row[level] }
            previous = row
        }
        return previous[Self.maximumLevel]
    }
}
