import Testing
import ZoneCalc

/// Grouping points into rings, closing, and the checks on them (部标界址点坐标交换格式).
@Suite("BoundaryPointTxtReader — rings")
struct BoundaryRingReadingTests {
    @Test func outerRingHoleAndSecondPartAreThreeRingsInFileOrder() throws {
        let text = BoundaryTxtSamples.preamble + """

            13,1.0000,1,地块1,面,,,,@
            J1,1,3353400,40520800
            J2,1,3353400,40521000
            J3,1,3353200,40521000
            J4,1,3353200,40520800
            J5,2,3353350,40520850
            J6,2,3353300,40520850
            J7,2,3353300,40520900
            J8,2,3353350,40520900
            J1,3,3353400,40521100
            J2,3,3353400,40521200
            J3,3,3353300,40521200
            J4,3,3353300,40521100
            J1,3,3353400,40521100
            """
        let result = try BoundaryTxtSamples.read(text)
        let rings = result.document.parcels[0].rings
        #expect(rings.map(\.ringNumber) == [1, 2, 3])
        #expect(rings.map(\.points.count) == [5, 5, 5])
        #expect(rings[0].points.last == BoundaryPoint(name: "J1", ringNumber: 1, northing: 3353400, easting: 40520800, line: 7))
        #expect(result.warnings.filter { $0.code == .unclosedRing }.map(\.line) == [10, 14])
        #expect(result.warnings.map(\.code) == [.unclosedRing, .unclosedRing])  // 13 declared = 13 lines
    }

    @Test func severalParcelsPerFile() throws {
        let text = BoundaryTxtSamples.preamble + "\n5,1.0000,A,甲,面,,,,@\n" + BoundaryTxtSamples.squarePoints
            + "\n5,1.0000,B,乙,面,,,,@\n" + BoundaryTxtSamples.squarePoints + "\n"
        let parcels = try BoundaryTxtSamples.read(text).document.parcels
        #expect(parcels.map(\.id) == ["A", "B"])
        #expect(parcels.map(\.line) == [6, 12])
        #expect(parcels[1].rings[0].points.map(\.line) == [13, 14, 15, 16, 17])
    }

    @Test func closedRingIsKeptAsWritten() throws {
        let (parcel, warnings) = try BoundaryTxtSamples.parcel(withHeader: "5,1.0000,1,地块1,面,,,,@")
        #expect(parcel.rings[0].points.map(\.name) == ["J1", "J2", "J3", "J4", "J1"])
        #expect(parcel.rings[0].points.map(\.line) == [7, 8, 9, 10, 11])
        #expect(warnings == [])
    }

    @Test func renumberedClosingPointStillCloses() throws {
        let text = BoundaryTxtSamples.preamble + """

            5,1.0000,1,地块1,面,,,,@
            J1,1,3353400,40520800
            J2,1,3353400,40520900
            J3,1,3353300,40520900
            J4,1,3353300,40520800
            J5,1,3353400,40520800
            """
        let result = try BoundaryTxtSamples.read(text)
        #expect(result.document.parcels[0].rings[0].points.map(\.name) == ["J1", "J2", "J3", "J4", "J5"])
        #expect(result.warnings == [])
    }

    @Test func unclosedRingIsClosedWithACopyOfTheFirstPointAndOnlyWarns() throws {
        let text = BoundaryTxtSamples.preamble + """

            4,1.0000,1,地块1,面,,,,@
            J1,1,3353400,40520800
            J2,1,3353400,40520900
            J3,1,3353300,40520900
            J4,1,3353300,40520800
            """
        let result = try BoundaryTxtSamples.read(text)
        let points = result.document.parcels[0].rings[0].points
        #expect(points.count == 5)
        #expect(points.last == points.first)
        #expect(result.warnings.map(\.description) == ["line 10: BPT-W-UNCLOSED-RING ring 圈号 1 is not closed; closed with a copy of point 'J1'"])
    }

    @Test func consecutiveDuplicatePointsAreKeptWithAWarning() throws {
        let text = BoundaryTxtSamples.preamble + """

            6,1.0000,1,地块1,面,,,,@
            J1,1,3353400,40520800
            J2,1,3353400,40520900
            J2,1,3353400,40520900
            J3,1,3353300,40520900
            J4,1,3353300,40520800
            J1,1,3353400,40520800
            """
        let result = try BoundaryTxtSamples.read(text)
        #expect(result.document.parcels[0].rings[0].points.count == 6)
        #expect(result.warnings.map(\.code) == [.duplicatePoint])
        #expect(result.warnings.first?.line == 9)
    }

    @Test func declaredPointCountThatIgnoresClosingPointsWarns() throws {
        let (_, warnings) = try BoundaryTxtSamples.parcel(withHeader: "4,1.0000,1,地块1,面,,,,@")
        #expect(warnings.map(\.description) == ["line 6: BPT-W-POINT-COUNT 界址点数 is 4 but 5 point lines follow"])
    }

    @Test func ringNumbersOutOfSequenceWarn() throws {
        let text = BoundaryTxtSamples.preamble + "\n5,1.0000,1,地块1,面,,,,@\n"
            + BoundaryTxtSamples.squarePoints.replacingOccurrences(of: ",1,", with: ",2,")
        let result = try BoundaryTxtSamples.read(text)
        #expect(result.document.parcels[0].rings.map(\.ringNumber) == [2])
        #expect(result.warnings.map(\.code) == [.ringNumberOrder])
    }
}
