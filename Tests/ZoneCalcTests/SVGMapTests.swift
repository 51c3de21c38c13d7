import GeoBridge
import Testing
@testable import ZoneCalc

/// The map frame's arithmetic, against values worked by hand: where a coordinate lands on the page,
/// which ticks are labelled, how long the scale bar is.
@Suite struct SVGMapTests {
    /// Focus 0…1000 × 0…500 m with a tenth around it: bounds −100…1100 × −50…550. The plot is
    /// 960 − 2·44 − 190 = 682 by 640 − 2·44 = 552 px; the scale min(682/1200, 552/600) = 0.568333… px/m.
    @Test func coordinatesTicksAndScaleBarAreWhereTheArithmeticPutsThem() {
        let map = SVGMap(id: "m", focus: Bounds(minX: 0, minY: 0, maxX: 1000, maxY: 500), scale: MapScale(metresPerUnit: 1, xFactor: 1, gaussKruger: true))
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

    /// A geographic map (CGCS2000, EPSG:4490) around 31.5° N: ticks in degrees, longitudes narrowed by
    /// cos 31.5° = 0.85264, and the scale bar in ground metres: a degree of longitude there is
    /// a·cos φ / √(1 − e² sin² φ) · π/180 = 6 378 137 × 0.852640 / √(1 − 0.00669438 × 0.27300) × 0.0174533
    /// = 95 002.3 m (by hand), a fifth of the 0.12° width is 2 280 m → a 2 km bar.
    @Test func aGeographicMapIsNarrowedByTheLatitudeAndHasAGroundScaleBar() throws {
        let crs = try ResolvedCRS(CoordinateSystem(epsg: 4490, context: ProjContext()), definition: "EPSG:4490")
        let focus = Bounds(minX: 120, minY: 31.45, maxX: 120.1, maxY: 31.55)
        let scale = try #require(MapScale(crs: crs, around: focus))
        #expect(abs(scale.metresPerUnit - 95_002.3) < 1, "\(scale.metresPerUnit)")
        #expect(abs(scale.xFactor - 0.852640) < 1e-5 && !scale.gaussKruger)
        let map = SVGMap(id: "g", focus: focus, crs: crs)
        #expect(abs(map.plot.width / map.plot.height - 0.852640) < 1e-6, "a square of degrees is drawn narrower by cos φ")
        let svg = map.svg(title: "t")
        #expect(svg.contains("°</text>") && svg.contains(">E 120.0") && svg.contains(">N 31.5"))
        #expect(svg.contains(">2.0 km</text>"))
    }

    /// Web Mercator (EPSG:3857) at 31.5° N: a map metre is cos 31.5° = 0.8526 m on the ground (by hand;
    /// Mercator is conformal, k = sec φ on the sphere, here within 0.5 % on the ellipsoid), and the axes are E/N.
    @Test func aMercatorMapMeasuresGroundMetres() throws {
        let crs = try ResolvedCRS(CoordinateSystem(epsg: 3857, context: ProjContext()), definition: "EPSG:3857")
        let y = 3_695_000.0  // about 31.5° N
        let scale = try #require(MapScale(crs: crs, around: Bounds(minX: 13_350_000, minY: y - 1000, maxX: 13_352_000, maxY: y + 1000)))
        #expect(abs(scale.metresPerUnit - 0.8526) < 0.005, "\(scale.metresPerUnit)")
        let svg = SVGMap(id: "w", focus: Bounds(minX: 13_350_000, minY: y - 1000, maxX: 13_352_000, maxY: y + 1000), crs: crs).svg(title: "t")
        #expect(svg.contains(">E 13350") && !svg.contains(">Y "))
    }

    /// Gauss–Krüger (EPSG:4528, zone 40) near its central meridian: a map metre is a ground metre (k = 1
    /// there; the grid's scale grows by y²/2R², 2·10⁻⁷ at 3 km), and the axes are Y/X.
    @Test func aGaussKrugerMapIsTrueToScale() throws {
        let crs = try ResolvedCRS(CoordinateSystem(epsg: 4528, context: ProjContext()), definition: "EPSG:4528")
        let scale = try #require(MapScale(crs: crs, around: Bounds(minX: 40_496_000, minY: 3_513_000, maxX: 40_498_000, maxY: 3_515_000)))
        #expect(abs(scale.metresPerUnit - 1) < 1e-4 && scale.gaussKruger, "\(scale.metresPerUnit)")
    }

    /// Text in SVG and HTML: XML's characters escaped, those XML cannot hold left out.
    @Test func textIsEscapedAndKeptWellFormed() {
        #expect(HTMLText.escape("A<b>&\"c\u{01}\u{07}\u{1B}\u{FFFE}d") == "A&lt;b&gt;&amp;&quot;cd")
        #expect(ReportDocx.escaped("a\tb\r\nc") == "a b c")
    }

    /// Every map of a page has its own clip path.
    @Test func mapsHaveTheirOwnClipPaths() {
        let a = SVGMap(id: "map-a", focus: Bounds(minX: 0, minY: 0, maxX: 1, maxY: 1)).svg(title: "a")
        let b = SVGMap(id: "map-b", focus: Bounds(minX: 0, minY: 0, maxX: 1, maxY: 1)).svg(title: "b")
        #expect(a.contains("<clipPath id=\"map-a\">") && a.contains("url(#map-a)") && b.contains("url(#map-b)"))
    }

    /// Only what is drawn is in the legend, once, in the order drawn.
    @Test func theLegendListsWhatIsDrawn() throws {
        let context = GEOSContext()
        var map = SVGMap(id: "m", focus: Bounds(minX: 0, minY: 0, maxX: 10, maxY: 10))
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
