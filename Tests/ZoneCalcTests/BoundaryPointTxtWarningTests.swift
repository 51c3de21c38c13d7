import Testing
import ZoneCalc

/// Warnings not covered by the other suites, and the stability of the codes.
@Suite("BoundaryPointTxtReader — warnings")
struct BoundaryPointTxtWarningTests {
    private let parcel = "5,1.0000,1,地块1,面,,,,@\n" + BoundaryTxtSamples.squarePoints

    @Test func codesAreStableAndUnique() {
        let codes = BoundaryPointTxtWarning.Code.allCases.map(\.rawValue)
        #expect(BoundaryPointTxtWarning.Code.unclosedRing.rawValue == "BPT-W-UNCLOSED-RING")
        #expect(Set(codes).count == codes.count)
        #expect(codes.allSatisfy { $0.hasPrefix("BPT-W-") })
    }

    @Test func sectionBetweenAttributesAndCoordinatesIsKeptWithAWarning() throws {
        let text = "[属性描述]\n带号=40\n[扩展信息]\n来源=测试\n[地块坐标]\n" + parcel
        let result = try BoundaryTxtSamples.read(text)
        #expect(result.document.leadingSections == [TxtSection(name: "扩展信息", entries: [TxtKeyValue(key: "来源", value: "测试")])])
        #expect(result.warnings.map(\.code) == [.sectionOrder])
        #expect(result.warnings.first?.line == 3)
    }

    @Test func missingAttributeSectionWarns() throws {
        let result = try BoundaryTxtSamples.read("[地块坐标]\n" + parcel)
        #expect(result.document.attributes == [])
        #expect(result.document.zoneNumber == 40)
        #expect(result.warnings.map(\.code) == [.missingAttributes])
    }

    @Test func lineWithoutEqualsInASectionIsIgnoredWithAWarning() throws {
        let result = try BoundaryTxtSamples.read("[属性描述]\n带号=40\n高斯投影\n[地块坐标]\n" + parcel)
        #expect(result.document.attributes == [TxtKeyValue(key: "带号", value: "40")])
        #expect(result.warnings.map(\.code) == [.notKeyValue])
        #expect(result.warnings.first?.line == 3)
    }

    @Test func mixedAxisOrderFollowsTheMajorityWithAWarning() throws {
        let text = BoundaryTxtSamples.preamble + """

            5,1.0000,1,地块1,面,,,,@
            J1,1,3353400,40520800
            J2,1,40520900,3353400
            J3,1,3353300,40520900
            J4,1,3353300,40520800
            J1,1,3353400,40520800
            """
        let result = try BoundaryTxtSamples.read(text)
        #expect(result.document.parcels[0].rings[0].points[1].northing == 40520900)  // minority left as written
        #expect(result.warnings.map(\.code) == [.mixedAxisOrder])
        #expect(result.warnings.first?.line == 8)
    }

    @Test func mixedZonePrefixesWarn() throws {
        let text = BoundaryTxtSamples.preamble + """

            5,1.0000,1,地块1,面,,,,@
            J1,1,3353400,40520800
            J2,1,3353400,40520900
            J3,1,3353300,39520900
            J4,1,3353300,40520800
            J1,1,3353400,40520800
            """
        let result = try BoundaryTxtSamples.read(text)
        #expect(result.document.zoneNumber == 40)
        #expect(result.warnings.map(\.code) == [.mixedZonePrefix])
    }

    @Test func zoneNumberOutsideChineseRangesWarns() throws {
        let text = BoundaryTxtSamples.preamble.replacingOccurrences(of: "带号=40", with: "带号=24")
            + "\n" + parcel.replacingOccurrences(of: ",40520", with: ",520")
        let result = try BoundaryTxtSamples.read(text)
        #expect(result.document.zoneNumber == 24)
        #expect(result.document.zoneWidth == 3)  // from 几度分带
        #expect(result.warnings.map(\.code) == [.noZonePrefix, .zoneOutOfRange])
    }
}
