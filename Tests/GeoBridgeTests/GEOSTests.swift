import Foundation
import Testing
@testable import GeoBridge

@Suite struct GEOSTests {
    @Test func brokenWKBBecomesATypedErrorWithGEOSMessage() {
        let context = GEOSContext()
        // A polygon header that promises 1 ring of 1000 points but stops after the count.
        let truncated: [UInt8] = [1, 3, 0, 0, 0, 1, 0, 0, 0, 0xE8, 0x03, 0, 0]
        #expect(throws: GEOSError.self) { try Geometry.fromWKB(truncated, context: context) }
        do {
            _ = try Geometry.fromWKB(truncated, context: context)
        } catch {
            #expect(error.operation.en == "reading WKB" && error.operation.zh == "读取 WKB")
            #expect(!error.messages.isEmpty, "GEOS's own message is captured, not printed")
        }
    }

    /// A failure carries only what GEOS said about it: an earlier failure's message on the same context
    /// (a worker's, used for a million features) once attached itself to every later one.
    @Test func aFailureCarriesOnlyItsOwnMessages() throws {
        let context = GEOSContext()
        let truncated: [UInt8] = [1, 3, 0, 0, 0, 1, 0, 0, 0, 0xE8, 0x03, 0, 0]
        var first: [String] = []
        do { _ = try Geometry.fromWKB(truncated, context: context) } catch { first = error.messages }
        #expect(!first.isEmpty)
        // A notice GEOS reports on success is dropped when the next call starts.
        let bowTie = try Geometry.polygon(shell: [XY(0, 0), XY(10, 10), XY(10, 0), XY(0, 10), XY(0, 0)], context: context)
        _ = try bowTie.validityProblem()
        do {
            _ = try Geometry.fromWKB([1, 2, 0, 0, 0, 9, 0, 0, 0], context: context)  // a line promising 9 points, none given
            Issue.record("a truncated line was read")
        } catch {
            #expect(error.messages.count == first.count, "\(error.messages)")
        }
    }

    /// Found by fuzzing: GEOS 3.11's make-valid crashed (SEGV) on a line with NaN coordinates; it is
    /// refused with a typed error. The input is kept in Fuzz/Corpus/geometry/makevalid-nan-linestring.wkb.
    @Test func makeValidRefusesNaNCoordinatesInsteadOfCrashing() throws {
        let bytes = try #require(Data(base64Encoded: "AAAAAAIAAAACAAAAAAMAAAEAAAAA//////////////////////////////////8AAAAAAAYAAAAAACUA"))
        let context = GEOSContext()
        let geometry = try Geometry.fromWKB(Array(bytes), context: context)
        #expect(throws: GEOSError.self) { _ = try geometry.makeValid() }
    }

    /// Found by fuzzing: GEOS 3.11's make-valid ran for over five minutes without ending on this ring
    /// of 20 points with coordinates from 1e-307 to 1e294; it is refused at once instead. A ring with the
    /// coordinates of a real prefixed Gauss–Krüger zone is still repaired.
    /// The input is kept in Fuzz/Corpus/geometry/makevalid-huge-coordinates.wkb.
    @Test func makeValidRefusesCoordinatesBeyondAnyCRSInsteadOfNeverEnding() throws {
        let bytes = try #require(Data(base64Encoded: "AQMAAAABAAAAFAAAAAAAAACAhB5BAAAAAPCzSkEAAAAATjRnZW9zNGdlb203UG9seWdvQQAAAAAQhgAAAAAAAAAAAAAAAAAAAAAAAAAAAACAhB5BAAAAAPCzSkEAAAAAqAoAAAAAAAAAs0pBAAAAAKiEHkH6////77NKQQAAAACAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAHkEAXAMAAAAAKgAAgEGEHgAitEoAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAHkEAXAMAAAAAAAp9gEGEHgAitEpBAAAAAICEHkEAAAAApB5BAAAAACK0SkEAAAAAgIQeQQAAAADws0pB"))
        let context = GEOSContext()
        let geometry = try Geometry.fromWKB(Array(bytes), context: context)
        #expect(throws: GEOSError.self) { _ = try geometry.makeValid() }
        let bowTie = try Geometry.polygon(shell: [XY(40_500_000, 3_500_000), XY(40_500_010, 3_500_010), XY(40_500_010, 3_500_000),
                                                  XY(40_500_000, 3_500_010), XY(40_500_000, 3_500_000)], context: context)
        #expect(try bowTie.makeValid().area() == 50)
    }

    /// Found by fuzzing: GEOS 3.11's point-on-surface crashed on this point-and-line collection; only
    /// polygons get a point.
    /// The input is kept in Fuzz/Corpus/geometry/pointonsurface-nan.wkb.
    @Test func pointOnSurfaceOfNaNCoordinatesIsNone() throws {
        let bytes = try #require(Data(base64Encoded: "AAAAAAcAAAACAAAAAAEAAAMAAAAAAAcAgwAAzwAAAAAAAAIAAAAABwAAAAAA"))
        let context = GEOSContext()
        let geometry = try Geometry.fromWKB(Array(bytes), context: context)
        #expect(try geometry.pointOnSurface() == nil)
    }

    /// A polygon whose hole cannot be built throws (and frees the rings made before it).
    @Test func aPolygonWithAnUnclosedHoleThrows() {
        let context = GEOSContext()
        let shell = [XY(0, 0), XY(10, 0), XY(10, 10), XY(0, 10), XY(0, 0)]
        #expect(throws: GEOSError.self) {
            _ = try Geometry.polygon(shell: shell, holes: [[XY(2, 2), XY(4, 2), XY(4, 4), XY(2, 4)]], context: context)
        }
    }

    @Test func bowTieIsInvalidWithReasonAndLocationAndMakeValidKeepsItsArea() throws {
        let context = GEOSContext()
        // Bow-tie: two triangles of area 1 each, crossing at (1, 1).
        let bowTie = try Geometry.polygon(shell: [XY(0, 0), XY(2, 2), XY(2, 0), XY(0, 2), XY(0, 0)], context: context)
        let problem = try #require(try bowTie.validityProblem())
        #expect(problem.reason == "Self-intersection")
        #expect(problem.location == XY(1, 1))
        let fixed = try bowTie.makeValid()
        #expect(try fixed.validityProblem() == nil)
        #expect(fixed.kind == .multiPolygon)
        #expect(abs(try fixed.area() - 2) < 1e-12)
    }

    @Test func polygonWithHoleRoundTripsThroughWKB() throws {
        let context = GEOSContext()
        let square = try Geometry.polygon(shell: [XY(0, 0), XY(10, 0), XY(10, 10), XY(0, 10), XY(0, 0)],
                                          holes: [[XY(2, 2), XY(2, 4), XY(4, 4), XY(4, 2), XY(2, 2)]], context: context)
        #expect(try square.area() == 96)
        let again = try Geometry.fromWKB(try square.wkb(), context: context)
        #expect(try again.area() == 96)
        #expect(try again.polygonRings().count == 2)
    }

    @Test func preparedGeometryAndIndexAnswerPredicates() throws {
        let context = GEOSContext()
        let zone = try Geometry.polygon(shell: [XY(0, 0), XY(100, 0), XY(100, 100), XY(0, 100), XY(0, 0)], context: context)
        let inside = try Geometry.polygon(shell: [XY(10, 10), XY(20, 10), XY(20, 20), XY(10, 20), XY(10, 10)], context: context)
        let across = try Geometry.polygon(shell: [XY(90, 10), XY(110, 10), XY(110, 20), XY(90, 20), XY(90, 10)], context: context)
        let away = try Geometry.polygon(shell: [XY(200, 10), XY(210, 10), XY(210, 20), XY(200, 20), XY(200, 10)], context: context)
        let prepared = try PreparedGeometry(zone)
        #expect(try prepared.containsProperly(inside))
        #expect(try !prepared.containsProperly(across))
        #expect(try prepared.intersects(across))
        #expect(try !prepared.intersects(away))
        let index = try SpatialIndex([inside, across, away], context: context)
        #expect(index.candidates(for: zone) == [0, 1])
        // Boxes (the rectangles are freed once inserted), a missing one left out, queried by a box.
        let boxes = try SpatialIndex(boxes: [try inside.bounds(), nil, try across.bounds(), try away.bounds()], context: context)
        #expect(try boxes.candidates(in: Bounds(minX: 15, minY: 15, maxX: 95, maxY: 95)) == [0, 2])
        #expect(try boxes.candidates(in: Bounds(minX: 205, minY: 0, maxX: 205, maxY: 30)) == [3])
        #expect(abs(try across.intersection(zone).area() - 100) < 1e-9)
    }

    @Test func areasComputedOnSeveralThreadsAreIdentical() throws {
        // Each thread has its own context and builds its own geometries from shared WKB bytes.
        let shells: [[XY]] = (0..<200).map { i in
            let x = 389_000 + Double(i) * 53.7, y = 4_185_000 + Double(i % 17) * 41.3
            return [XY(x, y), XY(x + 50.25, y + 1.5), XY(x + 47.5, y + 39.75), XY(x - 2.25, y + 41), XY(x, y)]
        }
        let context = GEOSContext()
        let wkbs = try shells.map { try Geometry.polygon(shell: $0, context: context).wkb() }
        let expected = try wkbs.map { try Geometry.fromWKB($0, context: context).area() }
        let results = ThreadResults(count: 4)
        DispatchQueue.concurrentPerform(iterations: 4) { thread in
            let own = GEOSContext()
            let areas = wkbs.map { (try? Geometry.fromWKB($0, context: own).area()) ?? -1 }
            results.set(thread, areas)
        }
        for thread in 0..<4 { #expect(results.get(thread) == expected) }
    }
}

/// Per-thread result slots for the threading tests.
final class ThreadResults: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [[Double]]
    init(count: Int) { slots = Array(repeating: [], count: count) }
    func set(_ i: Int, _ v: [Double]) { lock.lock(); slots[i] = v; lock.unlock() }
    func get(_ i: Int) -> [Double] { lock.lock(); defer { lock.unlock() }; return slots[i] }
}
