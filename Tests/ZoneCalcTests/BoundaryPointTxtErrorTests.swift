import Foundation
import Testing
import ZoneCalc

/// Each malformed file gives an error naming the right line (the preamble makes the first
/// parcel header line 6 and its first point line 7).
@Suite("BoundaryPointTxtReader — errors")
struct BoundaryPointTxtErrorTests {
    private let header = "5,1.0000,1,地块1,面,,,,@"

    @Test func missingFieldOnAPointLine() throws {
        let text = BoundaryTxtSamples.preamble + "\n\(header)\nJ1,1,3353400.000,40520800.000\nJ2,1,3353400.000\n"
        let error = try #require(BoundaryTxtSamples.failure(text))
        #expect(error.kind == .wrongPointFieldCount(3))
        #expect(error.line == 8)
        #expect(error.description == "t.txt:8: point line has 3 fields, expected 4 (点号,圈号,X,Y)")
    }

    @Test func extraFieldOnAPointLine() throws {
        let error = try #require(BoundaryTxtSamples.failure(BoundaryTxtSamples.preamble + "\n\(header)\nJ1,1,3353400,40520800,0\n"))
        #expect(error.kind == .wrongPointFieldCount(5))
        #expect(error.line == 7)
    }

    @Test func headerWithoutAtSignIsReportedAsAPointLineWithAHint() throws {
        let error = try #require(BoundaryTxtSamples.failure(BoundaryTxtSamples.preamble + "\n\(header)\n" + BoundaryTxtSamples.squarePoints + "\n5,1.0000,2,地块2,面,,,,\n"))
        #expect(error.kind == .wrongPointFieldCount(9))
        #expect(error.line == 12)
        #expect(error.description.hasSuffix("if this is a parcel header, it must end with @"))
    }

    @Test(arguments: ["abc", "nan", "inf", "", "0x1p20", "3353400.0.0"])
    func badNumberInX(text: String) throws {
        let error = try #require(BoundaryTxtSamples.failure(BoundaryTxtSamples.preamble + "\n\(header)\nJ1,1,\(text),40520800\n"))
        #expect(error.kind == .invalidCoordinate(field: "X", text: text))
        #expect(error.line == 7)
    }

    @Test func badNumberInY() throws {
        let text = BoundaryTxtSamples.preamble + "\n\(header)\nJ1,1,3353400,40520800\nJ2,1,3353400,1e999\n"
        let error = try #require(BoundaryTxtSamples.failure(text))
        #expect(error.kind == .invalidCoordinate(field: "Y", text: "1e999"))
        #expect(error.line == 8)
    }

    @Test(arguments: ["0", "-1", "a", "1.5", ""])
    func ringNumberThatIsNotAPositiveInteger(text: String) throws {
        let error = try #require(BoundaryTxtSamples.failure(BoundaryTxtSamples.preamble + "\n\(header)\nJ1,\(text),3353400,40520800\n"))
        #expect(error.kind == .invalidRingNumber(text))
        #expect(error.line == 7)
    }

    @Test func ringNumberReappearingAfterAnotherRing() throws {
        let text = BoundaryTxtSamples.preamble + """

            \(header)
            J1,1,3353400,40520800
            J2,1,3353400,40520900
            J3,2,3353300,40520900
            J4,1,3353300,40520800
            """
        let error = try #require(BoundaryTxtSamples.failure(text))
        #expect(error.kind == .ringNumberReused(ringNumber: 1, firstLine: 7))
        #expect(error.line == 10)
    }

    @Test func ringWithTooFewPointsAfterClosing() throws {
        let text = BoundaryTxtSamples.preamble + "\n\(header)\n" + BoundaryTxtSamples.squarePoints + """

            J5,2,3353350,40520850
            J6,2,3353300,40520850
            J5,2,3353350,40520850
            """
        let error = try #require(BoundaryTxtSamples.failure(text))
        #expect(error.kind == .tooFewPoints(ringNumber: 2, count: 3))
        #expect(error.line == 12)
    }

    @Test func twoPointUnclosedRingIsTooShortEvenAfterClosing() throws {
        let text = BoundaryTxtSamples.preamble + "\n\(header)\nJ1,1,3353400,40520800\nJ2,1,3353400,40520900\n"
        let error = try #require(BoundaryTxtSamples.failure(text))
        #expect(error.kind == .tooFewPoints(ringNumber: 1, count: 3))
        #expect(error.line == 7)
    }

    @Test func emptyParcelFollowedByAnotherParcel() throws {
        let text = BoundaryTxtSamples.preamble + "\n\(header)\n\n5,1.0000,2,地块2,面,,,,@\n" + BoundaryTxtSamples.squarePoints
        let error = try #require(BoundaryTxtSamples.failure(text))
        #expect(error.kind == .emptyParcel(id: "1"))
        #expect(error.line == 6)
    }

    @Test func emptyParcelAtTheEndOfTheFile() throws {
        let text = BoundaryTxtSamples.preamble + "\n\(header)\n" + BoundaryTxtSamples.squarePoints + "\n5,1.0000,2,地块2,面,,,,@\n"
        let error = try #require(BoundaryTxtSamples.failure(text))
        #expect(error.kind == .emptyParcel(id: "2"))
        #expect(error.line == 12)
    }

    @Test func pointBeforeAnyParcelHeader() throws {
        let error = try #require(BoundaryTxtSamples.failure(BoundaryTxtSamples.preamble + "\n" + BoundaryTxtSamples.squarePoints))
        #expect(error.kind == .pointBeforeParcelHeader)
        #expect(error.line == 6)
    }

    @Test func noCoordinateSection() throws {
        let error = try #require(BoundaryTxtSamples.failure("[属性描述]\n带号=40\n"))
        #expect(error.kind == .missingCoordinateSection)
        #expect(error.line == nil)
        #expect(error.description == "t.txt: no [地块坐标] section")
    }

    @Test func coordinateSectionWithoutParcels() throws {
        let error = try #require(BoundaryTxtSamples.failure(BoundaryTxtSamples.preamble + "\n\n"))
        #expect(error.kind == .noParcels)
        #expect(error.line == 5)
    }

    @Test func sectionAfterTheCoordinateSection() throws {
        let text = BoundaryTxtSamples.preamble + "\n\(header)\n" + BoundaryTxtSamples.squarePoints + "\n[项目信息]\n"
        let error = try #require(BoundaryTxtSamples.failure(text))
        #expect(error.kind == .unexpectedSection("项目信息"))
        #expect(error.line == 12)
    }

    @Test func repeatedAttributeSection() throws {
        let error = try #require(BoundaryTxtSamples.failure("[属性描述]\n带号=40\n[属性描述]\n"))
        #expect(error.kind == .unexpectedSection("属性描述"))
        #expect(error.line == 3)
    }

    @Test func emptyFile() throws {
        let error = try #require(BoundaryTxtSamples.failure(Data()))
        #expect(error.kind == .emptyFile)
        #expect(error.line == nil)
    }

    @Test func fileOfBlankLinesAndBomIsEmpty() throws {
        let error = try #require(BoundaryTxtSamples.failure(Data([0xEF, 0xBB, 0xBF] + Array(" \r\n\r\n\t\r\n".utf8))))
        #expect(error.kind == .emptyFile)
    }

    @Test func missingFileIsUnreadable() throws {
        let url = URL(fileURLWithPath: "/nonexistent/kfqfw.txt")
        #expect {
            _ = try BoundaryPointTxtReader.read(contentsOf: url)
        } throws: { error in
            guard let error = error as? BoundaryPointTxtError, case .unreadableFile = error.kind else { return false }
            return error.source == "kfqfw.txt" && error.line == nil
        }
    }

    @Test func textBeforeTheFirstSectionOnlyWarns() throws {
        let result = try BoundaryTxtSamples.read("部标坐标文件\n" + BoundaryTxtSamples.preamble + "\n\(header)\n" + BoundaryTxtSamples.squarePoints)
        #expect(result.warnings.map(\.description) == ["line 1: BPT-W-OUTSIDE-SECTION text before the first [section]; ignored"])
        #expect(result.warnings.map { $0.text(.zh) } == ["第 1 行：BPT-W-OUTSIDE-SECTION 第一个 [节] 之前的文字，已忽略"])
    }
}
