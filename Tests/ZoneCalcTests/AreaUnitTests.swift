import Testing
@testable import ZoneCalc

@Suite struct AreaUnitTests {
    /// The units' definitions: 1 km² = 100 公顷 = 1500 亩 exactly; 1 亩 = 2000/3 m².
    @Test func squareKilometreIsExactly1500Mu() {
        #expect(AreaUnit.mu.value(ofSquareMetres: 1_000_000) == 1500)
        #expect(AreaUnit.hectare.value(ofSquareMetres: 1_000_000) == 100)
        #expect(AreaUnit.squareKilometre.value(ofSquareMetres: 1_000_000) == 1)
        #expect(AreaUnit.mu.value(ofSquareMetres: 10_000) == 15)
        #expect(AreaUnit.mu.squareMetres == 2000.0 / 3.0)
    }

    /// A planar 1 km square measured by the area calculator is 1500 亩 to the last bit.
    @Test func planarSquareKilometreMeasuresExactly1500Mu() throws {
        let crs = try ResolvedCRS(CoordinateSystem(epsg: 4547, context: ProjContext()), definition: "EPSG:4547")
        let calculator = try AreaCalculator(crs: crs, methods: [.planar])
        let square = try Geometry.polygon(shell: [XY(389_000, 4_185_000), XY(390_000, 4_185_000), XY(390_000, 4_186_000),
                                                 XY(389_000, 4_186_000), XY(389_000, 4_185_000)], context: calculator.geos)
        let area = try calculator.measure(square)
        #expect(AreaUnit.mu.value(ofSquareMetres: try #require(area.planar)) == 1500)
    }
}

@Suite struct AreaUnitNameTests {
    @Test func unitsAsChineseUsersTypeThem() {
        #expect(AreaUnit(name: "亩") == .mu && AreaUnit(name: "mu") == .mu)
        #expect(AreaUnit(name: "公顷") == .hectare && AreaUnit(name: "HA") == .hectare)
        #expect(AreaUnit(name: "平方米") == .squareMetre && AreaUnit(name: "㎡") == .squareMetre && AreaUnit(name: "m²") == .squareMetre)
        #expect(AreaUnit(name: "平方公里") == .squareKilometre && AreaUnit(name: "km2") == .squareKilometre)
        #expect(AreaUnit(name: "顷") == nil && AreaUnit(name: "acre") == nil)
    }
}
