import Foundation
import Testing
import ZoneCalc

/// Reading whole files: encodings, sections, several parcels, several rings.
@Suite("BoundaryPointTxtReader — files and encodings")
struct BoundaryPointTxtTests {
    @Test func gbkCrlfFixtureReadsTwoParcelsWithAllSections() throws {
        let result = try BoundaryPointTxtReader.read(contentsOf: BoundaryTxtSamples.fixture("two-parcels-gbk-crlf"))
        let document = result.document

        #expect(result.encoding == .gb18030)
        #expect(result.warnings == [])
        #expect(document.leadingSections == [TxtSection(name: "项目信息", entries: [TxtKeyValue(key: "项目名称", value: "某开发区扩区项目")])])
        #expect(document.attributes.map(\.key) == ["格式版本号", "数据产生单位", "数据产生日期", "坐标系", "几度分带", "投影类型",
                                                    "计量单位", "带号", "精度", "转换参数", "自定义键"])
        #expect(document.attribute("数据产生单位") == "浙江华东建设工程有限公司")
        #expect(document.attribute("转换参数") == ",,,,,,")
        #expect(document.attribute("自定义键") == "保留")
        #expect(document.coordinateSystemName == "2000国家大地坐标系")
        #expect(document.zoneNumber == 40)
        #expect(document.zoneWidth == 3)
        #expect(document.hasZonePrefix)

        #expect(document.parcels.count == 2)
        let first = document.parcels[0]
        #expect(first.line == 16)
        #expect(first.declaredPointCount == 15)
        #expect(first.declaredAreaHectares == 4.75)
        #expect(first.id == "1")
        #expect(first.name == "彭埠单元B/R-14地块")
        #expect(first.headerVariant == .standard)
        #expect(first.rings.map(\.ringNumber) == [1, 2, 3])
        #expect(first.rings.map(\.points.count) == [5, 5, 5])
        #expect(first.rings[1].points[0] == BoundaryPoint(name: "J5", ringNumber: 2, northing: 3353350, easting: 40520850, line: 22))

        let second = document.parcels[1]
        #expect(second.line == 32)
        #expect(second.id == "BC0002")
        #expect(second.mapSheet == "H50G001001")
        #expect(second.landUse == "工业用地")
        #expect(second.landClassCode == "0601")
        #expect(second.rings[0].points.last == BoundaryPoint(name: "J1", ringNumber: 1, northing: 3353100.123, easting: 40520800.456, line: 37))
    }

    @Test func utf8BomFixtureGivesTheSameDocumentAsGbk() throws {
        let gbk = try BoundaryPointTxtReader.read(contentsOf: BoundaryTxtSamples.fixture("two-parcels-gbk-crlf"))
        let utf8 = try BoundaryPointTxtReader.read(contentsOf: BoundaryTxtSamples.fixture("two-parcels-utf8-bom-lf"))
        #expect(utf8.encoding == .utf8WithBOM)
        #expect(utf8.document == gbk.document)
        #expect(utf8.warnings == gbk.warnings)
    }

    @Test func utf16LittleEndianFixtureGivesTheSameDocumentAsGbk() throws {
        let gbk = try BoundaryPointTxtReader.read(contentsOf: BoundaryTxtSamples.fixture("two-parcels-gbk-crlf"))
        let utf16 = try BoundaryPointTxtReader.read(contentsOf: BoundaryTxtSamples.fixture("two-parcels-utf16le-bom-crlf"))
        #expect(utf16.encoding == .utf16LE)
        #expect(utf16.document == gbk.document)
    }

    @Test func utf16BigEndianWithBomIsDecoded() throws {
        let text = BoundaryTxtSamples.preamble + "\n5,1.0000,1,地块1,面,,,,@\n" + BoundaryTxtSamples.squarePoints
        let data = Data([0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
        let result = try BoundaryPointTxtReader.read(data: data, sourceName: "be.txt")
        #expect(result.encoding == .utf16BE)
        #expect(result.document.parcels[0].name == "地块1")
    }

    @Test func utf8WithoutBomIsDetectedAsUtf8() throws {
        let result = try BoundaryTxtSamples.read(BoundaryTxtSamples.preamble + "\n5,1.0000,1,地块1,面,,,,@\n" + BoundaryTxtSamples.squarePoints)
        #expect(result.encoding == .utf8)
        #expect(result.document.parcels[0].name == "地块1")
    }

    @Test func invalidGb18030BytesFailOnTheirLine() throws {
        let data = try Data(contentsOf: BoundaryTxtSamples.fixture("invalid-gb18030-line4"))
        let error = try #require(BoundaryTxtSamples.failure(data))
        #expect(error.kind == .undecodableText(.gb18030))
        #expect(error.line == 4)
        #expect(error.description.hasPrefix("t.txt:4: invalid byte sequence for gb18030"))
    }

    @Test func invalidUtf8AfterBomFailsOnItsLine() throws {
        let data = Data([0xEF, 0xBB, 0xBF] + Array("[属性描述]\r\n带号=40\r\n".utf8) + [0x41, 0xC3, 0x28, 0x0D, 0x0A])
        let error = try #require(BoundaryTxtSamples.failure(data))
        #expect(error.kind == .undecodableText(.utf8WithBOM))
        #expect(error.line == 3)
    }

    @Test func utf8AboveTheUnicodeRangeIsRejected() throws {
        let data = Data([0xEF, 0xBB, 0xBF] + Array("[属性描述]\n".utf8) + [0x41, 0xF4, 0x90, 0x80, 0x80, 0x0A])
        let error = try #require(BoundaryTxtSamples.failure(data))
        #expect(error.kind == .undecodableText(.utf8WithBOM))
        #expect(error.line == 2)
    }

    @Test func truncatedUtf16FailsOnItsLine() throws {
        let data = Data([0xFF, 0xFE, 0x41, 0x00, 0x0A, 0x00, 0x00, 0xD8, 0x41, 0x00])  // "A\n" then a lone high surrogate
        let error = try #require(BoundaryTxtSamples.failure(data))
        #expect(error.kind == .undecodableText(.utf16LE))
        #expect(error.line == 2)
    }

    @Test func leadingSectionsAreKeptInOrderAndKeysSplitOnTheFirstEquals() throws {
        let text = """
            [项目信息]
            项目名称 = 补充耕地项目
            公式=a=b
            [扩展信息]
            备注=
            [属性描述]
            带号=40
            [地块坐标]
            5,1.0000,1,地块1,面,,,,@
            """ + "\n" + BoundaryTxtSamples.squarePoints
        let document = try BoundaryTxtSamples.read(text).document
        #expect(document.leadingSections == [
            TxtSection(name: "项目信息", entries: [TxtKeyValue(key: "项目名称", value: "补充耕地项目"), TxtKeyValue(key: "公式", value: "a=b")]),
            TxtSection(name: "扩展信息", entries: [TxtKeyValue(key: "备注", value: "")]),
        ])
    }

    @Test func blankLinesAndSurroundingSpacesAreIgnoredButCountAsLines() throws {
        let text = "\n  [属性描述]  \r\n\r\n 带号 = 40 \r\n[地块坐标]\r\n   \r\n5,1.0000,1,地块1,面,,,,@\r\n"
            + " J1 , 1 , 3353400.000 , 40520800.000 \r\nJ2,1,3353400,40520900\r\nJ3,1,3353300,40520900\r\nJ4,1,3353300,40520800\r\nJ1,1,3353400,40520800\r\n"
        let result = try BoundaryTxtSamples.read(text)
        #expect(result.document.attribute("带号") == "40")
        #expect(result.document.parcels[0].line == 7)
        #expect(result.document.parcels[0].rings[0].points[0] == BoundaryPoint(name: "J1", ringNumber: 1, northing: 3353400, easting: 40520800, line: 8))
    }

    @Test func fullWidthCommasAreReadAsCommasWithAWarning() throws {
        let text = BoundaryTxtSamples.preamble + "\n5，1.0000，1，地块1，面，，，，@\n"
            + BoundaryTxtSamples.squarePoints.replacingOccurrences(of: "J2,1,", with: "J2，1，")
        let result = try BoundaryTxtSamples.read(text)
        #expect(result.document.parcels[0].name == "地块1")
        #expect(result.document.parcels[0].rings[0].points[1].easting == 40520900)
        #expect(result.warnings.filter { $0.code == .fullWidthComma }.map(\.line) == [6, 8])
    }

    @Test func nonZeroTransformationParametersWarn() throws {
        let text = BoundaryTxtSamples.preamble.replacingOccurrences(of: "带号=40", with: "带号=40\n转换参数=1.2,0,0,0,0,0,0")
            + "\n5,1.0000,1,地块1,面,,,,@\n" + BoundaryTxtSamples.squarePoints
        let result = try BoundaryTxtSamples.read(text)
        #expect(result.warnings.map(\.code) == [.transformationParameters])
    }

    @Test func zeroTransformationParametersDoNotWarn() throws {
        let text = BoundaryTxtSamples.preamble.replacingOccurrences(of: "带号=40", with: "带号=40\n转换参数=0,0,0,0,0,0,0")
            + "\n5,1.0000,1,地块1,面,,,,@\n" + BoundaryTxtSamples.squarePoints
        #expect(try BoundaryTxtSamples.read(text).warnings == [])
    }
}
