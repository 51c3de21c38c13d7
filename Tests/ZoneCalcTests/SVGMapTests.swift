import GeoBridge
import Testing
@testable import ZoneCalc

/// The map frame's arithmetic, against values worked by hand: where a coordinate lands on the page,
/// which ticks are labelled, how long the scale bar is.
@Suite struct SVGMapTests {
    /// Focus 0…1000 × 0…500 m with a tenth around it: bounds −100…1100 × −50…550. The plot is
    /// 960 − 2·44 − 190 = 682 by 640 − 2·44 = 552 px; the scale min(682/1200, 552/600) = 0.568333… px/m.
    @Test func coordinatesTicksAndScaleBarAreWhereTheArithmeticPutsThem() {
        let map = SVGMap(focus: Bounds(minX: 0, minY: 0, maxX: 1000, maxY: 500))
        #expect(abs(map.scale - 682.0 / 1200) < 1e-12)
        #expect(abs(map.x(0) - (44 + 100 * 682.0 / 1200)) < 1e-9)        // 100.83 px
        #expect(abs(map.y(550) - 44) < 1e-9 && abs(map.y(-50) - (44 + 600 * 682.0 / 1200)) < 1e-9)
        // Ticks about a fifth apart, rounded down to 1, 2 or 5: eastings every 200 m (1200 / 5 = 240), northings
        // every 100 m (600 / 5 = 120); zero written as 0, not −0.
        #expect(SVGMap.tickValues(-100, 1100) == [0, 200, 400, 600, 800, 1000])
        #expect(SVGMap.tickValues(-50, 550) == [0, 100, 200, 300, 400, 500])
        #expect(SVGMap.tickValues(-50, 550)[0].sign == .plus)
        let svg = map.svg(title: "t")
        #expect(svg.contains("<text x=\"100.8\" y=\"") && svg.contains(">Y 0</text>") && !svg.contains("-0<"), "easting 0 at 44 + 100 × 0.5683 = 100.8 px")
        // Scale bar: a fifth of 1200 m is 240 m → 200 m, 200 × 0.568333 = 113.7 px, its end label at 54 + 113.7 + 4.
        #expect(svg.contains(">200 m</text>") && svg.contains("<text x=\"171.7\""))
        #expect(svg.contains(">N</text>"))
    }

    /// Round steps: 1, 2 or 5 times a power of ten, never above the target.
    @Test func roundStepsAreOneTwoOrFive() {
        #expect(SVGMap.roundStep(240) == 200 && SVGMap.roundStep(0.0031) == 0.002 && SVGMap.roundStep(7.5) == 5 && SVGMap.roundStep(1000) == 1000)
    }

    /// A geographic map: ticks in degrees, the scale bar from the metres of a degree of longitude at the
    /// middle latitude (111 320 m × cos 31.5° = 94 918 m; a fifth of 0.12° is 2 278 m → 2 km).
    @Test func aGeographicMapHasDegreeTicksAndAMetreScaleBar() {
        let map = SVGMap(focus: Bounds(minX: 120, minY: 31.45, maxX: 120.1, maxY: 31.55), geographic: true)
        let svg = map.svg(title: "t")
        #expect(svg.contains("°</text>") && svg.contains(">E 120.0"))
        #expect(svg.contains(">2.0 km</text>"))
    }

    /// Only what is drawn is in the legend, once, in the order drawn.
    @Test func theLegendListsWhatIsDrawn() throws {
        let context = GEOSContext()
        var map = SVGMap(focus: Bounds(minX: 0, minY: 0, maxX: 10, maxY: 10))
        let square = try Geometry.polygon(shell: [XY(0, 0), XY(10, 0), XY(10, 10), XY(0, 10), XY(0, 0)], context: context)
        let a = SVGMap.Style(label: "甲", fill: "#f00", stroke: "#000", strokeWidth: 1), b = SVGMap.Style(label: "乙", fill: "#0f0", stroke: "#000", strokeWidth: 1)
        try map.draw(square, a)
        try map.draw(square, a)
        try map.draw(square, b)
        #expect(map.drawnStyles.map(\.label) == ["甲", "乙"])
        let off = try Geometry.polygon(shell: [XY(100, 100), XY(110, 100), XY(110, 110), XY(100, 100)], context: context)
        try map.draw(off, SVGMap.Style(label: "丙", fill: "#00f", stroke: "#000", strokeWidth: 1))
        #expect(map.drawnStyles.count == 2, "a shape off the map is not drawn nor listed")
    }
}
