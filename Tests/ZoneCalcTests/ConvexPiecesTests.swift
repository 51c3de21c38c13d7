import Foundation
import GeoBridge
import Testing
@testable import ZoneCalc

@Suite struct ConvexPiecesTests {
    /// Whether a ring is cut into pieces.
    private func cuts(_ ring: [XY]) -> Bool {
        var pieces = ConvexPieces()
        ring.withUnsafeBufferPointer { pieces.append(closedRing: $0) }
        return pieces.hasPieces(0)
    }

    /// The area two rings share by their convex pieces; nil when either is not cut.
    private func sharedOrNil(_ a: [XY], _ b: [XY]) -> Double? {
        var pieces = ConvexPieces()
        a.withUnsafeBufferPointer { pieces.append(closedRing: $0) }
        b.withUnsafeBufferPointer { pieces.append(closedRing: $0) }
        let origin = XY(a.map(\.x).min()!, a.map(\.y).min()!)
        return pieces.withReader { $0.sharedArea(0, 1, origin: origin) }
    }

    private func shared(_ a: [XY], _ b: [XY]) throws -> Double { try #require(sharedOrNil(a, b)) }

    private func square(_ x: Double, _ y: Double, _ side: Double) -> [XY] {
        [XY(x, y), XY(x + side, y), XY(x + side, y + side), XY(x, y + side), XY(x, y)]
    }

    @Test func sharedAreasOfSquaresByHand() throws {
        let base = 4_150_000.0  // Gauss–Krüger-sized coordinates
        let a = square(500_000, base, 10)
        // Sharing an edge: nothing; shifted by 3 m and 4 m: a 7 × 6 m overlap; apart: nothing.
        #expect(try shared(a, square(500_010, base, 10)) < 1e-9)
        #expect(abs(try shared(a, square(500_003, base + 4, 10)) - 42) < 1e-6)
        #expect(try shared(a, square(500_020, base, 10)) == 0)
        // Clockwise input is turned round; a square inside shares all of its 4 m².
        #expect(abs(try shared(a, Array(square(500_002, base + 2, 2).reversed())) - 4) < 1e-6)
    }

    @Test func nonConvexRingsAreCutIntoTriangles() throws {
        // An L of three 10 m squares (300 m²): the square (10…20, 5…15) shares (10…20, 5…10) of the
        // arm, 50 m²; the square (10…20, 10…20) is the notch and shares nothing.
        let l = [XY(0, 0), XY(20, 0), XY(20, 10), XY(10, 10), XY(10, 20), XY(0, 20), XY(0, 0)]
        #expect(abs(try shared(l, square(10, 5, 10)) - 50) < 1e-9)
        #expect(try shared(l, square(10, 10, 10)) < 1e-9)
        #expect(abs(try shared(l, l) - 300) < 1e-9)
    }

    /// A 10 m square with a 5 m crack a few nanometres wide cut up from its bottom edge: the crack's tip
    /// turns right by nearly 180°, so the ring is not convex, whatever its tiny cross product says.
    @Test func crackedAndStraightVerticesKeepTheWholeArea() throws {
        let x = 500_000.0, y = 4_150_000.0, d = 2e-9
        let cracked = [XY(x, y), XY(x + 5 - d, y), XY(x + 5, y + 5), XY(x + 5 + d, y), XY(x + 10, y), XY(x + 10, y + 10), XY(x, y + 10), XY(x, y)]
        #expect(abs(try shared(cracked, cracked) - 100) < 1e-6)
        #expect(abs(try shared(square(x, y, 10), cracked) - 100) < 1e-6)
        #expect(abs(try shared(cracked, square(x, y, 10)) - 100) < 1e-6)
        // Extra vertices on straight edges (one pushed out by 2 nm, which makes its neighbours turn right
        // by a hair) and a neighbour sharing that edge: the whole area with itself, (nearly) nothing with
        // the neighbour.
        let straight = [XY(x, y), XY(x + 3.3, y), XY(x + 10, y), XY(x + 10, y + 4.1), XY(x + 10 + 2e-9, y + 7), XY(x + 10, y + 10), XY(x, y + 10), XY(x, y)]
        #expect(abs(try shared(straight, straight) - 100) < 1e-6)
        #expect(try shared(straight, square(x + 10, y, 10)) < 1e-6)
    }

    @Test func degenerateRingsAreLeftToGEOS() throws {
        #expect(!cuts([XY(0, 0), XY(1, 1), XY(2, 2), XY(0, 0)]))  // no area
        #expect(!cuts([XY(0, 0), XY(1, 0), XY(0, 0)]))  // too few points
        #expect(!cuts([XY(0, 0), XY(.nan, 0), XY(1, 1), XY(0, 0)]))
        #expect(cuts(TestData.square(0, 0, 1)))
        // Holes, several parts and no geometry: no pieces (GEOS decides), and the next parcel still lines up.
        let context = GEOSContext()
        var pieces = ConvexPieces(), buffer: [XY] = []
        let holed = try? Geometry.polygon(shell: TestData.square(0, 0, 10), holes: [TestData.square(2, 2, 2)], context: context)
        let parts = try? Geometry.collection(.multiPolygon, of: [try Geometry.polygon(shell: TestData.square(0, 0, 1), context: context),
                                                                 try Geometry.polygon(shell: TestData.square(5, 0, 1), context: context)], context: context)
        for geometry in [holed, parts, nil, try? Geometry.polygon(shell: TestData.square(0, 0, 10), context: context)] {
            pieces.append(geometry, buffer: &buffer)
        }
        #expect(pieces.count == 4 && !pieces.hasPieces(0) && !pieces.hasPieces(1) && !pieces.hasPieces(2) && pieces.hasPieces(3))
    }

    /// Random simple polygons (star-shaped, so convex and non-convex ones) against GEOS's
    /// intersection area, an independent computation.
    @Test func sharedAreasEqualGEOSIntersectionAreas() throws {
        let context = GEOSContext()
        var generator = SplitMix(seed: 20_261_122)
        func star(_ cx: Double, _ cy: Double) -> [XY] {
            let count = 3 + Int(generator.next() % 9)
            var ring = (0..<count).map { k -> XY in
                let angle = 2 * Double.pi * (Double(k) + 0.8 * generator.unit()) / Double(count)
                let radius = 20 + 30 * generator.unit()
                return XY(cx + radius * cos(angle), cy + radius * sin(angle))
            }
            ring.append(ring[0])
            return ring
        }
        var compared = 0
        for _ in 0..<400 {
            let ringA = star(500_000, 4_150_000), ringB = star(500_000 + 60 * generator.unit(), 4_150_000 + 60 * generator.unit())
            let a = try Geometry.polygon(shell: ringA, context: context), b = try Geometry.polygon(shell: ringB, context: context)
            guard let shared = sharedOrNil(ringA, ringB) else { continue }
            #expect(abs(shared - (try a.intersection(b).area())) < 1e-6)
            compared += 1
        }
        #expect(compared > 390)
    }
}

/// A small deterministic generator (SplitMix64) for property tests.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
