import Foundation
import Testing
import ZoneCalc

/// The writer: exact output for a small square, GBK bytes, ring order and orientation,
/// round trips through the reader, and its errors.
@Suite("BoundaryPointTxtWriter")
struct BoundaryPointTxtWriterTests {
    private func point(_ easting: Double, _ northing: Double) -> BoundaryVertex {
        BoundaryVertex(easting: easting, northing: northing)
    }

    /// A 100 m square given counter-clockwise from its south-west corner, unclosed.
    private var square: BoundaryParcelInput {
        BoundaryParcelInput(id: "1", name: "地块1", parts: [BoundaryPolygonPart(exterior: [
            point(500000, 3000000), point(500100, 3000000), point(500100, 3000100), point(500000, 3000100),
        ])])
    }

    private let fixedAttributes = [TxtKeyValue(key: "数据产生单位", value: "测试单位"), TxtKeyValue(key: "数据产生日期", value: "2024-01-01")]

    @Test func smallSquareMatchesHandWrittenText() throws {
        let options = BoundaryPointTxtWriteOptions(encoding: .utf8, lineEnding: .lf, attributeOverrides: fixedAttributes)
        let data = try BoundaryPointTxtWriter.write([square], zoneNumber: 39, zoneWidth: 3, options: options)
        let expected = """
            [属性描述]
            格式版本号=1.01版本
            数据产生单位=测试单位
            数据产生日期=2024-01-01
            坐标系=2000国家大地坐标系
            几度分带=3
            投影类型=高斯克吕格
            计量单位=米
            带号=39
            精度=0.001
            转换参数=,,,,,,
            [地块坐标]
            5,1.0000,1,地块1,面,,,,@
            J1,1,3000100.000,39500000.000
            J2,1,3000100.000,39500100.000
            J3,1,3000000.000,39500100.000
            J4,1,3000000.000,39500000.000
            J1,1,3000100.000,39500000.000

            """
        #expect(String(decoding: data, as: UTF8.self) == expected)
    }

    @Test func defaultOutputIsGbkWithCrlf() throws {
        let data = try BoundaryPointTxtWriter.write([square], zoneNumber: 39, zoneWidth: 3,
                                                    options: BoundaryPointTxtWriteOptions(attributeOverrides: fixedAttributes))
        let bytes = [UInt8](data)
        // [属性描述] in GBK: 属 CAF4, 性 D0D4, 描 C3E8, 述 CAF6.
        #expect(Array(bytes.prefix(12)) == [0x5B, 0xCA, 0xF4, 0xD0, 0xD4, 0xC3, 0xE8, 0xCA, 0xF6, 0x5D, 0x0D, 0x0A])
        // 地块 in GBK: 地 B5D8, 块 BFE9.
        let header = Array("5,1.0000,1,".utf8) + [0xB5, 0xD8, 0xBF, 0xE9] + Array("1,".utf8)
        #expect(bytes.firstRange(of: header) != nil)
        #expect(bytes.suffix(2) == [0x0D, 0x0A])
        #expect(bytes.filter { $0 == 0x0A }.count == 18)
        #expect(bytes.filter { $0 == 0x0D }.count == 18)
        let reread = try BoundaryPointTxtReader.read(data: data, sourceName: "out.txt")
        #expect(reread.encoding == .gb18030)
        #expect(reread.document.parcels[0].name == "地块1")
    }

    @Test func utf8WithBomStartsWithTheBom() throws {
        let data = try BoundaryPointTxtWriter.write([square], zoneNumber: 39, zoneWidth: 3,
                                                    options: BoundaryPointTxtWriteOptions(encoding: .utf8WithBOM))
        #expect(Array(data.prefix(4)) == [0xEF, 0xBB, 0xBF, 0x5B])
        #expect(try BoundaryPointTxtReader.read(data: data, sourceName: "out.txt").encoding == .utf8WithBOM)
    }

    @Test func exteriorStartsAtTheNorthWestMostVertexAndRunsClockwise() throws {
        let pentagon = BoundaryParcelInput(id: "P", name: "五边形", parts: [BoundaryPolygonPart(exterior: [
            point(500100, 3000000), point(500100, 3000100), point(500010, 3000090), point(500000, 3000080), point(500000, 3000000),
        ])])
        let data = try BoundaryPointTxtWriter.write([pentagon], zoneNumber: 39, zoneWidth: 3)
        let points = try BoundaryPointTxtReader.read(data: data, sourceName: "out.txt").document.parcels[0].rings[0].points
        #expect(BoundaryTxtSamples.coordinatesMatch(points.map { [$0.easting - 39_000_000, $0.northing] }, [
            [500010, 3000090], [500100, 3000100], [500100, 3000000], [500000, 3000000], [500000, 3000080], [500010, 3000090],
        ]))
    }

    /// Two parcels; the first has an exterior given counter-clockwise with 4 decimals, a
    /// hole given clockwise and closed, and a second part.
    private var parcels: [BoundaryParcelInput] {
        let exterior = [point(500000.1234, 3000000.5678), point(500200.1234, 3000000.5678),
                        point(500200.1234, 3000100.5678), point(500000.1234, 3000100.5678)]
        let hole = [point(500050, 3000040), point(500050, 3000060), point(500070, 3000060), point(500070, 3000040), point(500050, 3000040)]
        let secondPart = [point(500300, 3000000), point(500400, 3000000), point(500400, 3000050), point(500300, 3000050)]
        return [
            BoundaryParcelInput(id: "BC0001", name: "一号地块", mapSheet: "H50G001001", landUse: "工业用地", landClassCode: "0601",
                                parts: [BoundaryPolygonPart(exterior: exterior, holes: [hole]), BoundaryPolygonPart(exterior: secondPart)]),
            square,
        ]
    }

    @Test func roundTripGivesTheInputCoordinatesRingOrderAndAttributes() throws {
        let options = BoundaryPointTxtWriteOptions(attributeOverrides: fixedAttributes + [TxtKeyValue(key: "备注", value: "扩区")])
        let data = try BoundaryPointTxtWriter.write(parcels, zoneNumber: 39, zoneWidth: 3, options: options)
        let result = try BoundaryPointTxtReader.read(data: data, sourceName: "out.txt")
        #expect(result.warnings == [])
        let document = result.document
        #expect(document.zoneNumber == 39)
        #expect(document.zoneWidth == 3)
        #expect(document.hasZonePrefix)
        #expect(document.attribute("数据产生单位") == "测试单位")
        #expect(document.attribute("备注") == "扩区")
        #expect(document.attributes.last?.key == "备注")

        let first = document.parcels[0]
        #expect(first.declaredPointCount == 15)
        #expect(first.declaredAreaHectares == 2.46)  // 200 × 100 − 20 × 20 + 100 × 50 = 24 600 m²
        #expect([first.id, first.name, first.geometryKind, first.mapSheet, first.landUse, first.landClassCode]
                == ["BC0001", "一号地块", "面", "H50G001001", "工业用地", "0601"])
        #expect(first.rings.map(\.ringNumber) == [1, 2, 3])
        #expect(first.rings.flatMap { $0.points.map(\.name) }
                == ["J1", "J2", "J3", "J4", "J1", "J5", "J6", "J7", "J8", "J5", "J9", "J10", "J11", "J12", "J9"])
        let coordinates = first.rings.map { $0.points.map { [$0.easting - 39_000_000, $0.northing] } }
        #expect(BoundaryTxtSamples.coordinatesMatch(coordinates[0], [[500000.123, 3000100.568], [500200.123, 3000100.568],
                                                                     [500200.123, 3000000.568], [500000.123, 3000000.568],
                                                                     [500000.123, 3000100.568]]))
        #expect(BoundaryTxtSamples.coordinatesMatch(coordinates[1], [[500050, 3000040], [500070, 3000040], [500070, 3000060],
                                                                     [500050, 3000060], [500050, 3000040]]))
        #expect(BoundaryTxtSamples.coordinatesMatch(coordinates[2], [[500300, 3000050], [500400, 3000050], [500400, 3000000],
                                                                     [500300, 3000000], [500300, 3000050]]))
        #expect(BoundaryTxtSamples.twiceSignedArea(first.rings[0].points) < 0)  // clockwise
        #expect(BoundaryTxtSamples.twiceSignedArea(first.rings[1].points) > 0)  // counter-clockwise
        #expect(document.parcels[1].rings[0].points.count == 5)
    }

    @Test func unprefixedPlainNumbersRestartedPerRingRoundTrip() throws {
        let options = BoundaryPointTxtWriteOptions(decimals: 2, includeZonePrefix: false, pointNaming: .plainNumbers,
                                                   restartNumberingPerRing: true, encoding: .utf8, lineEnding: .lf)
        let data = try BoundaryPointTxtWriter.write(parcels, zoneNumber: 20, zoneWidth: 6, options: options)
        let result = try BoundaryPointTxtReader.read(data: data, sourceName: "out.txt")
        #expect(result.warnings.map(\.code) == [.noZonePrefix])
        #expect(result.document.zoneNumber == 20)
        #expect(result.document.zoneWidth == 6)
        #expect(!result.document.hasZonePrefix)
        #expect(result.document.attribute("精度") == "0.01")
        let rings = result.document.parcels[0].rings
        #expect(rings.map { $0.points.map(\.name) } == [["1", "2", "3", "4", "1"], ["1", "2", "3", "4", "1"], ["1", "2", "3", "4", "1"]])
        #expect(rings[0].points[0].easting == 500000.12)
        #expect(rings[0].points[0].northing == 3000100.57)
    }

    @Test func invalidZoneIsRejected() {
        #expect(throws: BoundaryPointTxtWriteError.invalidZone(number: 39, width: 6)) {
            try BoundaryPointTxtWriter.write([square], zoneNumber: 39, zoneWidth: 6)
        }
    }

    @Test func prefixedEastingInTheInputIsRejected() {
        var parcel = square
        parcel.parts[0].exterior[0].easting += 39_000_000
        #expect(throws: BoundaryPointTxtWriteError.eastingOutOfRange(parcelID: "1", ringNumber: 1, easting: 39_500_000)) {
            try BoundaryPointTxtWriter.write([parcel], zoneNumber: 39, zoneWidth: 3)
        }
    }

    @Test func holeWithTwoDistinctVerticesIsRejectedWithItsRingNumber() {
        var parcel = square
        parcel.parts[0].holes = [[point(500010, 3000010), point(500020, 3000010), point(500010, 3000010)]]
        #expect(throws: BoundaryPointTxtWriteError.ringTooShort(parcelID: "1", ringNumber: 2, vertexCount: 2)) {
            try BoundaryPointTxtWriter.write([parcel], zoneNumber: 39, zoneWidth: 3)
        }
    }

    @Test func commaInANameIsRejected() {
        var parcel = square
        parcel.name = "地块1,2"
        #expect(throws: BoundaryPointTxtWriteError.invalidText(field: "地块名称", value: "地块1,2")) {
            try BoundaryPointTxtWriter.write([parcel], zoneNumber: 39, zoneWidth: 3)
        }
    }

    @Test func characterOutsideGbkIsRejected() throws {
        var parcel = square
        parcel.name = "地块😀"
        #expect(throws: BoundaryPointTxtWriteError.unencodableCharacter("😀", encoding: .gbk)) {
            try BoundaryPointTxtWriter.write([parcel], zoneNumber: 39, zoneWidth: 3)
        }
        let utf8 = try BoundaryPointTxtWriter.write([parcel], zoneNumber: 39, zoneWidth: 3, options: .init(encoding: .utf8))
        #expect(try BoundaryPointTxtReader.read(data: utf8, sourceName: "out.txt").document.parcels[0].name == "地块😀")
    }

    @Test func zoneAttributesCannotBeOverridden() {
        #expect(throws: BoundaryPointTxtWriteError.reservedAttribute("带号")) {
            try BoundaryPointTxtWriter.write([square], zoneNumber: 39, zoneWidth: 3,
                                             options: .init(attributeOverrides: [TxtKeyValue(key: "带号", value: "40")]))
        }
    }

    @Test func emptyInputIsRejected() {
        #expect(throws: BoundaryPointTxtWriteError.noParcels) {
            try BoundaryPointTxtWriter.write([], zoneNumber: 39, zoneWidth: 3)
        }
    }

    @Test func defaultProductionDateIsToday() throws {
        let data = try BoundaryPointTxtWriter.write([square], zoneNumber: 39, zoneWidth: 3, options: .init(encoding: .utf8))
        let document = try BoundaryPointTxtReader.read(data: data, sourceName: "out.txt").document
        let date = try #require(document.attribute("数据产生日期"))
        #expect(date.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) != nil)
    }
}
