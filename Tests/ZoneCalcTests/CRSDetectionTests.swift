import Testing
@testable import ZoneCalc

@Suite struct CRSDetectionTests {
    @Test func zonePrefixedEastingNamesItsZone() {
        let zone = GaussKrugerZone.fromPrefixedEasting(38_512_345.6)
        #expect(zone == GaussKrugerZone(width: 3, number: 38))
        #expect(zone?.centralMeridian == 114)
        #expect(GaussKrugerZone.fromPrefixedEasting(20_400_000)?.width == 6)
        #expect(GaussKrugerZone.fromPrefixedEasting(20_400_000)?.centralMeridian == 117)
        #expect(GaussKrugerZone.fromPrefixedEasting(512_345) == nil)
    }

    /// The EPSG registry's numbering: CGCS2000 3° prefixed 4488 + n, CM-only 4509 + n; Xi'an 80 3° prefixed 2324 + n.
    @Test func epsgCodesFollowTheZoneArithmetic() {
        let zone38 = GaussKrugerZone(width: 3, number: 38)
        #expect(ChineseDatum.cgcs2000.gaussKrugerEPSG(zone38, prefixed: true) == 4526)
        #expect(ChineseDatum.cgcs2000.gaussKrugerEPSG(zone38, prefixed: false) == 4547)
        #expect(ChineseDatum.xian1980.gaussKrugerEPSG(zone38, prefixed: true) == 2362)
        #expect(ChineseDatum.beijing1954.gaussKrugerEPSG(GaussKrugerZone(width: 6, number: 20), prefixed: true) == 21420)
    }

    @Test func threeDegreeZoneFromLongitude() {
        #expect(GaussKrugerZone.threeDegree(containing: 112.6)?.number == 38)
        #expect(GaussKrugerZone.threeDegree(containing: 119.95)?.number == 40)
        #expect(GaussKrugerZone.threeDegree(containing: 115.49)?.number == 38)
        #expect(GaussKrugerZone.threeDegree(containing: 115.5)?.number == 39)
        #expect(GaussKrugerZone.sixDegree(containing: 112.6)?.number == 19)
    }

    @Test func coordinateRangesAreRecognised() {
        #expect(CoordinateRangeGuess(Bounds(minX: 112.5, minY: 37.7, maxX: 112.7, maxY: 37.9)) == .geographic)
        #expect(CoordinateRangeGuess(Bounds(minX: 40_420_000, minY: 3_515_000, maxX: 40_425_000, maxY: 3_519_000))
                == .prefixedGaussKruger(GaussKrugerZone(width: 3, number: 40)))
        #expect(CoordinateRangeGuess(Bounds(minX: 389_000, minY: 4_185_000, maxX: 395_000, maxY: 4_190_000)) == .unprefixedGaussKruger)
        #expect(CoordinateRangeGuess(Bounds(minX: 3_515_000, minY: 40_420_000, maxX: 3_519_000, maxY: 40_425_000)) == .swappedAxes)
    }

    @Test func missingCRSSuggestsOneFromTheCoordinates() {
        let bounds = Bounds(minX: 38_380_000, minY: 2_577_000, maxX: 38_381_000, maxY: 2_578_000)
        do {
            _ = try CRSResolver.resolve(declared: nil, override: nil, bounds: bounds, source: "a.shp", context: ProjContext())
            Issue.record("a missing CRS must be refused")
        } catch {
            #expect(error.description.contains("a.shp"))
            #expect(error.description.contains("EPSG:4526"))
        }
    }

    @Test func prefixedCoordinatesInAnUnprefixedCRSAreRefusedWithTheRightCode() {
        let bounds = Bounds(minX: 40_420_000, minY: 3_515_000, maxX: 40_425_000, maxY: 3_519_000)
        do {
            _ = try CRSResolver.resolve(declared: "EPSG:4549", override: nil, bounds: bounds, source: "zd.gpkg:zd", context: ProjContext())
            Issue.record("a prefix mismatch must be refused")
        } catch {
            #expect(error.description.contains("EPSG:4528"))
        }
    }

    @Test func swappedAxesAreRefusedWithAHint() {
        let bounds = Bounds(minX: 3_515_000, minY: 40_420_000, maxX: 3_519_000, maxY: 40_425_000)
        #expect(throws: ZoneCalcError.self) {
            try CRSResolver.resolve(declared: "EPSG:4528", override: nil, bounds: bounds, source: "t", context: ProjContext())
        }
    }

    @Test func geographicAndPrefixedCRSResolve() throws {
        let context = ProjContext()
        let geographic = try CRSResolver.resolve(declared: nil, override: "EPSG:4490",
                                                 bounds: Bounds(minX: 119.9, minY: 31.7, maxX: 120, maxY: 31.8), source: "t", context: context)
        #expect(geographic.kind == .geographic)
        #expect(geographic.datum == .cgcs2000)
        let prefixed = try CRSResolver.resolve(declared: "EPSG:4528", override: nil,
                                               bounds: Bounds(minX: 40_420_000, minY: 3_515_000, maxX: 40_425_000, maxY: 3_519_000),
                                               source: "t", context: context)
        #expect(prefixed.hasZonePrefix)
        #expect(prefixed.kind == .gaussKruger(centralMeridian: 120, falseEasting: 40_500_000, zone: GaussKrugerZone(width: 3, number: 40)))
        let xian = try CRSResolver.resolve(declared: "EPSG:2362", override: nil,
                                           bounds: Bounds(minX: 38_380_000, minY: 2_577_000, maxX: 38_381_000, maxY: 2_578_000),
                                           source: "t", context: context)
        #expect(xian.datum == .xian1980)
    }
}
