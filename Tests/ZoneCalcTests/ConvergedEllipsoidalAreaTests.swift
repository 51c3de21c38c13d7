import Foundation
import Testing
@testable import ZoneCalc

/// The converged ellipsoidal area of 国土调查办发〔2008〕32号 against an independent implementation:
/// `Fixtures/ellipsoidal/make_reference.py` (pyproj, geographiclib, numpy; the strip series checked
/// against the closed form in mpmath) cuts every edge into ever more strips, with Romberg extrapolation,
/// until the sum converges to 1e-7 m². Its output, `reference.json`, is read here.
@Suite struct ConvergedEllipsoidalAreaTests {
    struct Reference: Decodable {
        struct Case: Decodable {
            var name: String
            var epsg: Int
            var shell: [[Double]]
            var holes: [[[Double]]]
            var ellipsoidal_converged_m2: Double
            var one_trapezoid_per_edge_m2: Double
            var geodesic_m2: Double
        }
        var cases: [Case]
    }

    static let reference: Reference = {
        let url = TestData.root.appendingPathComponent("Tests/ZoneCalcTests/Fixtures/ellipsoidal/reference.json")
        return try! JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    }()

    static func measure(_ item: Reference.Case, methods: [AreaMethod] = [.ellipsoidal, .geodesic]) throws -> MeasuredArea {
        let crs = try ResolvedCRS(CoordinateSystem(epsg: item.epsg, context: ProjContext()), definition: "EPSG:\(item.epsg)")
        let calculator = try AreaCalculator(crs: crs, methods: methods)
        func ring(_ points: [[Double]]) -> [XY] { points.map { XY($0[0], $0[1]) } }
        let polygon = try Geometry.polygon(shell: ring(item.shell), holes: item.holes.map(ring), context: calculator.geos)
        return try calculator.measure(polygon)
    }

    /// Every case is within max(0.01 m², 1e-9 relative) of the converged value: triangles, a rotated and an
    /// irregular parcel, a zone with km-long edges and a hole, 20 km edges east–west and north–south,
    /// 250 km from a 6° zone's central meridian at 50°N, Xi'an 80, UTM, and edges straight in lon/lat.
    @Test(arguments: reference.cases.map(\.name))
    func agreesWithTheConvergedReference(name: String) throws {
        let item = try #require(Self.reference.cases.first { $0.name == name })
        let area = try #require(try Self.measure(item).ellipsoidal)
        let expected = item.ellipsoidal_converged_m2
        #expect(abs(area - expected) <= max(0.01, 1e-9 * expected), "\(name): \(area) vs \(expected)")
    }

    /// The reference cases are ones where one trapezoid per edge is wrong by more than the tolerance,
    /// so the agreement above cannot come from the old one-trapezoid sum.
    @Test func referenceCasesDefeatOneTrapezoidPerEdge() {
        let defeated = Self.reference.cases.filter {
            abs($0.one_trapezoid_per_edge_m2 - $0.ellipsoidal_converged_m2) > max(0.01, 1e-9 * $0.ellipsoidal_converged_m2)
        }
        #expect(defeated.count == 9, "\(defeated.map(\.name))")
    }

    /// Karney's geodesic area of the same vertices is reported under its own name and agrees with
    /// geographiclib's.
    @Test(arguments: reference.cases.map(\.name))
    func geodesicAreaAgreesWithGeographicLib(name: String) throws {
        let item = try #require(Self.reference.cases.first { $0.name == name })
        let area = try #require(try Self.measure(item).geodesic)
        #expect(abs(area - item.geodesic_m2) <= max(1e-6, 1e-12 * item.geodesic_m2))
    }

    /// Hand calculation: a 1° × 1° cell between 30° and 31°N in lon/lat (edges along parallels and
    /// meridians, which one trapezoid integrates exactly) equals the closed form b²ΔL[q(B2) − q(B1)]/2.
    @Test func oneDegreeCellInLonLatEqualsTheClosedForm() throws {
        let crs = try ResolvedCRS(CoordinateSystem(epsg: 4490, context: ProjContext()), definition: "EPSG:4490")
        let calculator = try AreaCalculator(crs: crs, methods: [.ellipsoidal])
        let cell = try Geometry.polygon(shell: [XY(120, 30), XY(121, 30), XY(121, 31), XY(120, 31), XY(120, 30)], context: calculator.geos)
        let area = try #require(try calculator.measure(cell).ellipsoidal)
        let r = Double.pi / 180
        let closed = EllipsoidalTrapezoid.cgcs2000.closedFormTrapezoidArea(latitude1: 30 * r, latitude2: 31 * r, longitudeSpan: r)
        #expect(abs(area - closed) / closed < 1e-11)
    }

    /// The edge convention follows the layer's CRS and is named in reports.
    @Test func edgeConventionFollowsTheCRS() throws {
        func convention(_ epsg: Int) throws -> EdgeConvention {
            EdgeConvention(try ResolvedCRS(CoordinateSystem(epsg: epsg, context: ProjContext()), definition: "EPSG:\(epsg)"))
        }
        #expect(try convention(4547) == .gaussKrugerPlane(falseEasting: 500_000))
        #expect(try convention(4528) == .gaussKrugerPlane(falseEasting: 40_500_000))
        #expect(try convention(4490) == .longitudeLatitude)
        #expect(try convention(32650) == .otherPlane)
    }
}
