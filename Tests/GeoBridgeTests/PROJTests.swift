import Testing
@testable import GeoBridge

@Suite struct PROJTests {
    /// A PROJ check value: `cs2cs EPSG:4526 EPSG:4490` on 2577363.918 38380377.367 gives
    /// 23.29205234 112.83073183 (a 肇庆 parcel). Our transform takes easting first.
    @Test func gaussKrugerToCGCS2000MatchesCs2cs() throws {
        let context = ProjContext()
        let source = try CoordinateSystem(epsg: 4526, context: context)
        let transform = try CoordinateTransform(from: source, to: try source.geographicCRS())
        var points = [XY(38_380_377.367, 2_577_363.918)]
        try transform.transform(&points)
        #expect(abs(points[0].x - 112.83073183) < 5e-9)
        #expect(abs(points[0].y - 23.29205234) < 5e-9)
    }

    @Test func projectionParametersOfAPrefixedZone() throws {
        let context = ProjContext()
        let crs = try CoordinateSystem(epsg: 4528, context: context)
        let projection = try #require(crs.projection())
        #expect(projection.isTransverseMercator)
        #expect(projection.centralMeridian == 120)
        #expect(projection.falseEasting == 40_500_000)
        let ellipsoid = try crs.ellipsoid()
        #expect(ellipsoid.semiMajorAxis == 6_378_137)
        #expect(abs(ellipsoid.inverseFlattening - 298.257222101) < 1e-9)
    }

    @Test func badDefinitionIsATypedError() {
        let context = ProjContext()
        #expect(throws: ProjError.self) { try CoordinateSystem(definition: "EPSG:999999", context: context) }
    }

    /// Reference: pyproj 3.7.2 (PROJ 9.5.1), `Geod(ellps="GRS80").polygon_area_perimeter` of the
    /// 1 km square 389000–390000 E, 4185000–4186000 N in EPSG:4547 after `Transformer.from_crs(
    /// "EPSG:4547", "EPSG:4490", always_xy=True)`: 999699.4062974826 m².
    @Test func geodesicAreaMatchesPyproj() throws {
        let context = ProjContext()
        let source = try CoordinateSystem(epsg: 4547, context: context)
        let transform = try CoordinateTransform(from: source, to: try source.geographicCRS())
        var ring = [XY(389_000, 4_185_000), XY(390_000, 4_185_000), XY(390_000, 4_186_000), XY(389_000, 4_186_000), XY(389_000, 4_185_000)]
        try transform.transform(&ring)
        let area = Geodesic(semiMajorAxis: 6_378_137, inverseFlattening: 298.257222101).ringArea(ring)
        #expect(abs(area - 999_699.4062974826) < 1e-6)
    }
}
