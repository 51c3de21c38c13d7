import Foundation
import Testing
@testable import ZoneCalc

@Suite struct EllipsoidalAreaTests {
    let cgcs = EllipsoidalTrapezoid.cgcs2000

    /// The CGCS2000 constants of the 国土调查办发〔2008〕32号 series, computed independently; the series coefficients must match.
    @Test func seriesCoefficientsMatchTheReference() {
        func close(_ value: Double, _ reference: Double) -> Bool { abs(value - reference) <= 1e-13 * abs(reference) }
        #expect(close(cgcs.semiMinorAxis, 6356752.314140356))
        #expect(close(cgcs.eccentricitySquared, 0.006694380022900686))
        #expect(close(cgcs.a, 1.0033640898341927))
        #expect(close(cgcs.b, 1.1241893819271072e-3))
        #expect(close(cgcs.c, 1.6994594735188535e-6))
        #expect(close(cgcs.d, 2.717857845577432e-9))
        #expect(close(cgcs.e, 4.358419004834252e-12))
    }

    /// The series agrees with the closed form b²ΔL[q(B2) − q(B1)] (to about 1e-12 relative).
    @Test(arguments: [(30.0, 30.01), (37.8, 37.85), (0.0, 1.0), (20.0, 50.0), (-10.0, 5.0)])
    func seriesAgreesWithClosedForm(b1: Double, b2: Double) {
        let r = Double.pi / 180
        let series = cgcs.trapezoidArea(latitude1: b1 * r, latitude2: b2 * r, longitudeSpan: 0.5 * r)
        let closed = cgcs.closedFormTrapezoidArea(latitude1: b1 * r, latitude2: b2 * r, longitudeSpan: 0.5 * r)
        #expect(abs(series - closed) / closed < 1e-11)
    }

    /// A 1°×1° cell 30–31°N has the textbook ellipsoidal area; cross-checked with the geodesic area of the
    /// same cell's boundary traced densely along its parallels (geodesic edges ≈ parallels when dense).
    @Test func oneDegreeCellAgreesWithDenseGeodesicRing() {
        var ring: [XY] = []
        for i in 0...1000 { ring.append(XY(120 + Double(i) / 1000, 30)) }
        for i in 0...1000 { ring.append(XY(121 - Double(i) / 1000, 31)) }
        ring.append(ring[0])
        let geodesic = Geodesic(semiMajorAxis: 6_378_137, inverseFlattening: 298.257222101).ringArea(ring)
        let trapezoid = cgcs.trapezoidArea(latitude1: 30 * .pi / 180, latitude2: 31 * .pi / 180, longitudeSpan: .pi / 180)
        #expect(abs(geodesic - trapezoid) / trapezoid < 1e-6)
    }

    /// Parcel-sized polygons: the ellipsoidal method agrees with Karney's geodesic area to 1e-6 relative
    /// (they differ by edge convention, below 1e-7 on these 50 m edges), and the geodesic area with pyproj 3.7.2: `Geod(ellps="GRS80").polygon_area_perimeter` after
    /// `Transformer.from_crs("EPSG:4547","EPSG:4490",always_xy=True)` gives 1999.3936337027699 m² for the
    /// 50 × 40 m rectangle at (389000, 4185000) and 6173.906251717359 m² for the pentagon near the CM.
    @Test(arguments: [
        ([XY(389000, 4185000), XY(389050, 4185000), XY(389050, 4185040), XY(389000, 4185040), XY(389000, 4185000)], 1999.3936337027699),
        ([XY(500010.5, 3520000.25), XY(500080.75, 3520003.5), XY(500095.0, 3520060.0), XY(500040.0, 3520095.5),
          XY(500005.0, 3520055.0), XY(500010.5, 3520000.25)], 6173.906251717359),
    ])
    func parcelAreasAgreeWithGeodesicAndPyproj(shell: [XY], pyproj: Double) throws {
        let crs = try ResolvedCRS(CoordinateSystem(epsg: 4547, context: ProjContext()), definition: "EPSG:4547")
        let calculator = try AreaCalculator(crs: crs, methods: AreaMethod.allCases)
        let area = try calculator.measure(try Geometry.polygon(shell: shell, context: calculator.geos))
        let ellipsoidal = try #require(area.ellipsoidal), geodesic = try #require(area.geodesic)
        #expect(abs(ellipsoidal - geodesic) / geodesic < 1e-6)
        #expect(abs(geodesic - pyproj) / pyproj < 1e-9)
    }

    /// The Gauss–Krüger scale: planar Gauss–Krüger area exceeds the ellipsoidal area by about y²/R² at distance y
    /// from the central meridian: +0.006 % at 50 km, +0.025 % at 100 km, about +0.05 % at 145 km.
    @Test(arguments: [(50_000.0, 0.00006), (100_000.0, 0.00025), (145_000.0, 0.00052)])
    func planarExcessGrowsWithDistanceFromTheCentralMeridian(offset: Double, expected: Double) throws {
        let crs = try ResolvedCRS(CoordinateSystem(epsg: 4547, context: ProjContext()), definition: "EPSG:4547")
        let calculator = try AreaCalculator(crs: crs, methods: [.planar, .ellipsoidal])
        let x = 500_000 + offset, y = 3_300_000.0
        let square = try Geometry.polygon(shell: [XY(x, y), XY(x + 100, y), XY(x + 100, y + 100), XY(x, y + 100), XY(x, y)],
                                          context: calculator.geos)
        let area = try calculator.measure(square)
        let excess = try #require(area.planar) / (try #require(area.ellipsoidal)) - 1
        let radius = 6_371_000.0
        #expect(abs(excess - offset * offset / (radius * radius)) < 0.02 * expected)
        #expect(abs(excess - expected) < 0.1 * expected)
    }
}
