import Foundation
import GeoBridge
import Testing
@testable import ZoneCalc

@Suite struct CertainlySimpleRingTests {
    private let context = GEOSContext()

    /// Little-endian 2-D WKB of a polygon with the given rings, written byte by byte (so an unclosed ring,
    /// which GEOS will not build, can be tested too); `multi` wraps it in a multipolygon of one part.
    private func wkb(_ rings: [[XY]], multi: Bool = false, type: UInt32 = 3) -> [UInt8] {
        var bytes: [UInt8] = []
        func word(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
        func number(_ value: Double) { withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes += $0 } }
        if multi { bytes.append(1); word(6); word(1) }
        bytes.append(1); word(type); word(UInt32(rings.count))
        for ring in rings {
            word(UInt32(ring.count))
            for point in ring { number(point.x); number(point.y) }
        }
        return bytes
    }

    private func accepts(_ bytes: [UInt8]) -> Bool {
        var ring: [XY] = []
        return bytes.withUnsafeBytes { CertainlySimpleRing.read($0, into: &ring) }
    }

    private func closed(_ points: [XY]) -> [XY] { points + [points[0]] }

    /// A rotated, sheared quadrilateral of Gauss–Krüger size, as parcels are.
    private func parcel(_ k: Int) -> [XY] {
        let cx = 38_500_000.0 + Double(k % 50) * 90, cy = 4_180_000.0 + Double(k / 50) * 90, angle = Double(k) * 0.41
        let w = 30 + Double(k % 13) * 4, h = 35 + Double(k % 9) * 5, skew = Double(k % 7) * 2.5
        return closed([(-w / 2, -h / 2), (w / 2 + skew, -h / 2), (w / 2, h / 2), (-w / 2 - skew, h / 2)].map { u, v in
            XY(cx + u * cos(angle) - v * sin(angle), cy + u * sin(angle) + v * cos(angle))
        })
    }

    @Test func realShapedParcelsAreAccepted() {
        for k in 0..<500 { #expect(accepts(wkb([parcel(k)])), "parcel \(k)") }
        let triangle = closed([XY(500_000, 4_000_000), XY(500_031.7, 4_000_004.2), XY(500_012.9, 4_000_027.3)])
        #expect(accepts(wkb([triangle])))
        #expect(accepts(wkb([triangle], multi: true)))
        // Concave (an L), clockwise: still simple.
        let l = closed([XY(0, 0), XY(0, 20), XY(10, 20), XY(10, 10), XY(20, 10), XY(20, 0)])
        #expect(accepts(wkb([l])))
    }

    @Test func anythingInDoubtIsLeftToGEOS() {
        let square = closed([XY(0, 0), XY(10, 0), XY(10, 10), XY(0, 10)])
        let hole = closed([XY(2, 2), XY(4, 2), XY(4, 4), XY(2, 4)])
        #expect(!accepts(wkb([square, hole])), "a hole")
        #expect(!accepts(wkb([square], type: 1003)), "Z coordinates")
        #expect(!accepts(wkb([Array(square.dropLast())])), "an unclosed ring")
        #expect(!accepts(wkb([closed([XY(0, 0), XY(10, 10), XY(10, 0), XY(0, 10)])])), "a bow-tie")
        #expect(!accepts(wkb([closed([XY(0, 0), XY(10, 0), XY(10, 0), XY(10, 10), XY(0, 10)])])), "a repeated vertex")
        #expect(!accepts(wkb([closed([XY(0, 0), XY(5, 0), XY(10, 0), XY(10, 10), XY(0, 10)])])), "a straight vertex")
        #expect(!accepts(wkb([closed([XY(0, 0), XY(10, 0), XY(20, 0)])])), "a flat triangle")
        #expect(!accepts(wkb([closed([XY(0, 0), XY(10, 0), XY(10, 10), XY(10, 15), XY(10, 5), XY(0, 10)])])), "a spike back along an edge")
        // A vertex touching the opposite edge exactly: invalid (ring self-intersection).
        #expect(!accepts(wkb([closed([XY(0, 0), XY(10, 0), XY(5, 10), XY(5, 0.0), XY(0, 10)])])), "a self-touching ring")
        #expect(!accepts(wkb([closed([XY(0, 0), XY(10, 0), XY(10, .nan), XY(0, 10)])])), "a NaN")
        let long = closed((0..<(CertainlySimpleRing.maximumVertices + 1)).map { k in
            XY(100 * cos(Double(k) * 2 * .pi / 33), 100 * sin(Double(k) * 2 * .pi / 33))
        })
        #expect(!accepts(wkb([long])), "more vertices than the fast test takes")
        var truncated = wkb([square])
        truncated.removeLast()
        #expect(!accepts(truncated), "a truncated WKB")
    }

    /// Rings with a vertex within rounding of an edge, where the plain floating-point orientation sign is
    /// wrong (found with exact rational arithmetic by `Fixtures/rings/make_near_collinear.py`): a test
    /// trusting the plain sign would accept them, GEOS calls them invalid, the error bound leaves them to GEOS.
    @Test func ringsWhereRoundingDecidesAreLeftToGEOS() throws {
        let url = TestData.root.appendingPathComponent("Tests/ZoneCalcTests/Fixtures/rings/near_collinear.json")
        let file = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let rings = try #require(file["rings"] as? [[[String]]])
        #expect(rings.count == 20)
        for points in rings {
            let ring = try points.map { XY(try #require(Double($0[0])), try #require(Double($0[1]))) }
            #expect(try Geometry.polygon(shell: ring, context: context).validityProblem() != nil)
            #expect(!accepts(wkb([ring])), "accepted \(ring)")
        }
    }

    /// Every ring the test accepts, GEOS calls valid: 20 000 random rings of 3–7 vertices on a coarse grid
    /// (so collinear vertices, touching and crossing edges are common), at small and at Gauss–Krüger-sized
    /// coordinates, each checked with GEOSisValidDetail.
    @Test func whatItAcceptsGEOSCallsValid() throws {
        var random = SplitMix(seed: 20_261_202)
        var accepted = 0, valid = 0
        for trial in 0..<20_000 {
            let vertices = 3 + Int(random.next() % 5)
            let fine = trial % 2 == 1
            let points = (0..<vertices).map { _ -> XY in
                let i = Double(random.next() % 5), j = Double(random.next() % 5)
                return fine ? XY(38_500_000 + i * 1e-9 * 4, 4_180_000 + j * 1e-9 * 4) : XY(i, j)
            }
            let ring = closed(points)
            let geometry = try Geometry.polygon(shell: ring, context: context)
            let isValid = try geometry.validityProblem() == nil
            if isValid { valid += 1 }
            if accepts(wkb([ring])) {
                accepted += 1
                #expect(isValid, "accepted an invalid ring: \(ring)")
            }
        }
        // The test is not vacuous: it accepts most of the rings GEOS calls valid.
        #expect(accepted > valid / 2, "accepted \(accepted) of \(valid) valid rings")
    }

    /// Measured without GEOS, a simple ring gets the same areas as through GEOS, by every method, in a
    /// projected and a geographic CRS.
    @Test(arguments: ["EPSG:4547", "EPSG:4490"])
    func areasAreThoseMeasuredThroughGEOS(crs: String) throws {
        let resolved = try ResolvedCRS(CoordinateSystem(definition: crs, context: ProjContext()), definition: crs)
        let plane = crs == "EPSG:4490" ? "EPSG:4547" : nil
        let calculator = try AreaCalculator(crs: resolved, methods: AreaMethod.allCases, planeForGeographic: plane)
        for k in 0..<200 {
            var ring = parcel(k)
            if crs == "EPSG:4490" { ring = ring.map { XY(114 + ($0.x - 38_500_000) * 1e-5, 37.7 + ($0.y - 4_180_000) * 1e-5) } }
            else { ring = ring.map { XY($0.x - 38_000_000, $0.y) } }
            let bytes = wkb([ring])
            let fast = try #require(try bytes.withUnsafeBytes { try calculator.measureCertainlySimple($0) })
            let slow = try calculator.measure(try Geometry.polygon(shell: ring, context: calculator.geos))
            for method in AreaMethod.allCases {
                let a = try #require(fast[method]), b = try #require(slow[method])
                #expect(abs(a - b) <= 1e-12 * b, "\(method) parcel \(k): \(a) vs \(b)")
            }
        }
    }
}
