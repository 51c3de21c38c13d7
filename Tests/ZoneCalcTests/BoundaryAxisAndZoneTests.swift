import Testing
import ZoneCalc

/// Swapped X/Y and the zone facts (部标界址点坐标交换格式: X northing, Y easting with the 带号).
@Suite("BoundaryPointTxtReader — axis order and zone")
struct BoundaryAxisAndZoneTests {
    /// A file with `attributes` in `[属性描述]` and one closed square whose point lines are
    /// `x,y` pairs as given (line 1 is `[属性描述]`).
    private func file(attributes: [String], coordinates: [(String, String)]) -> String {
        var lines = ["[属性描述]"] + attributes + ["[地块坐标]", "5,1.0000,1,地块1,面,,,,@"]
        for (index, pair) in (coordinates + [coordinates[0]]).enumerated() {
            lines.append("J\(index % coordinates.count + 1),1,\(pair.0),\(pair.1)")
        }
        return lines.joined(separator: "\n")
    }

    private let prefixedZone40 = [("3353400", "40520800"), ("3353400", "40520900"), ("3353300", "40520900"), ("3353300", "40520800")]
    private let plain = [("3353400", "520800"), ("3353400", "520900"), ("3353300", "520900"), ("3353300", "520800")]

    @Test func zonePrefixGivesZoneAndWidth() throws {
        let result = try BoundaryTxtSamples.read(file(attributes: ["带号=", "几度分带="], coordinates: prefixedZone40))
        #expect(result.document.hasZonePrefix)
        #expect(result.document.zoneNumber == 40)
        #expect(result.document.zoneWidth == 3)
        #expect(result.document.parcels[0].rings[0].points[0].easting == 40520800)
        #expect(result.warnings == [])
    }

    @Test func sixDegreeZonePrefixGivesWidthSix() throws {
        let coordinates = prefixedZone40.map { ($0.0, "20" + $0.1.dropFirst(2)) }
        let result = try BoundaryTxtSamples.read(file(attributes: ["几度分带=6", "带号=20"], coordinates: coordinates))
        #expect(result.document.zoneNumber == 20)
        #expect(result.document.zoneWidth == 6)
        #expect(result.warnings == [])
    }

    @Test func noPrefixTakesTheZoneFromTheAttribute() throws {
        let result = try BoundaryTxtSamples.read(file(attributes: ["几度分带=3度带", "带号=39"], coordinates: plain))
        #expect(!result.document.hasZonePrefix)
        #expect(result.document.zoneNumber == 39)
        #expect(result.document.zoneWidth == 3)
        #expect(result.document.parcels[0].rings[0].points[0].easting == 520800)
        #expect(result.warnings.map(\.code) == [.noZonePrefix])
    }

    @Test func noPrefixAndNoZoneNumberLeavesTheZoneUnknown() throws {
        let result = try BoundaryTxtSamples.read(file(attributes: ["几度分带=3"], coordinates: plain))
        #expect(result.document.zoneNumber == nil)
        #expect(result.document.zoneWidth == 3)
        #expect(result.warnings.map(\.code) == [.zoneUnknown])
    }

    @Test func zoneNumberContradictingThePrefixWarnsAndThePrefixWins() throws {
        let result = try BoundaryTxtSamples.read(file(attributes: ["几度分带=3", "带号=39"], coordinates: prefixedZone40))
        #expect(result.document.zoneNumber == 40)
        #expect(result.warnings.map(\.code) == [.zoneMismatch])
    }

    @Test func zoneWidthContradictingTheZoneNumberWarns() throws {
        let result = try BoundaryTxtSamples.read(file(attributes: ["几度分带=6", "带号=40"], coordinates: prefixedZone40))
        #expect(result.document.zoneWidth == 3)
        #expect(result.warnings.map(\.code) == [.zoneWidthMismatch])
    }

    @Test func zoneWidthKeyVariantIsUnderstood() throws {
        let result = try BoundaryTxtSamples.read(file(attributes: ["分带=3度带"], coordinates: plain))
        #expect(result.document.zoneWidth == 3)
    }

    @Test func unreadableZoneNumberWarns() throws {
        let result = try BoundaryTxtSamples.read(file(attributes: ["带号=第四十带"], coordinates: prefixedZone40))
        #expect(result.document.zoneNumber == 40)
        #expect(result.warnings.map(\.code) == [.attributeValue])
    }

    @Test func swappedColumnsAreDetectedAndCorrected() throws {
        let swapped = prefixedZone40.map { ($0.1, $0.0) }
        let result = try BoundaryTxtSamples.read(file(attributes: ["带号=40"], coordinates: swapped))
        let first = result.document.parcels[0].rings[0].points[0]
        #expect(first.northing == 3353400)
        #expect(first.easting == 40520800)
        #expect(result.document.zoneNumber == 40)
        #expect(result.warnings.map(\.code) == [.swappedAxes])
        #expect(result.warnings.first?.line == 5)
    }

    @Test func swappedColumnsWithoutPrefixAreDetected() throws {
        let swapped = plain.map { ($0.1, $0.0) }
        let result = try BoundaryTxtSamples.read(file(attributes: ["带号=40"], coordinates: swapped))
        #expect(result.document.parcels[0].rings[0].points[0].northing == 3353400)
        #expect(result.warnings.map(\.code) == [.swappedAxes, .noZonePrefix])
    }

    @Test func coordinatesOutsideChineseRangesAreKeptWithAWarning() throws {
        let local = [("100", "200"), ("100", "300"), ("0", "300"), ("0", "200")]
        let result = try BoundaryTxtSamples.read(file(attributes: ["带号=40"], coordinates: local))
        #expect(result.document.parcels[0].rings[0].points[0].northing == 100)
        #expect(result.warnings.map(\.code).contains(.unrecognisedCoordinates))
    }

    @Test func coordinateSystemNameIsReportedAsWritten() throws {
        let result = try BoundaryTxtSamples.read(file(attributes: ["坐标系=1980西安坐标系"], coordinates: prefixedZone40))
        #expect(result.document.coordinateSystemName == "1980西安坐标系")
        let empty = try BoundaryTxtSamples.read(file(attributes: ["坐标系="], coordinates: prefixedZone40))
        #expect(empty.document.coordinateSystemName == nil)
    }
}
