import Testing
import ZoneCalc

/// Every variant of the 部标 parcel header line, each read through a whole file whose header is line 6.
@Suite("BoundaryPointTxtReader — parcel header variants")
struct ParcelHeaderVariantTests {
    @Test func standardEightFieldHeader() throws {
        let (parcel, warnings) = try BoundaryTxtSamples.parcel(withHeader: "5,1.0000,BC0001,一号地块,面,H50G001001,工业用地,0601,@")
        #expect(parcel == BoundaryParcel(declaredPointCount: 5, declaredAreaHectares: 1.0, declaredAreaDecimals: 4, id: "BC0001", name: "一号地块",
                                         geometryKind: "面", mapSheet: "H50G001001", landUse: "工业用地", landClassCode: "0601",
                                         extraFields: [], headerVariant: .standard, line: 6, rings: parcel.rings))
        #expect(warnings == [])
    }

    @Test func sevenCommaHeaderIsMappedByPositionWithAWarning() throws {
        let (parcel, warnings) = try BoundaryTxtSamples.parcel(withHeader: "5,1,FID_0,多部件地块,面,,,@")
        #expect(parcel.headerVariant == .sevenField)
        #expect(parcel.declaredAreaHectares == 1)
        #expect(parcel.id == "FID_0")
        #expect(parcel.name == "多部件地块")
        #expect(parcel.geometryKind == "面")
        #expect(parcel.landClassCode == "")
        #expect(warnings.map(\.code) == [.headerFieldCount])
        #expect(warnings.first?.line == 6)
    }

    @Test func thirteenFieldLandConsolidationHeaderKeepsTheFiveExtraFields() throws {
        let (parcel, warnings) = try BoundaryTxtSamples.parcel(withHeader: "5,1.0000,1,整治区1,面,,,0103,新增耕地,水田,9,7,提质改造,@")
        #expect(parcel.headerVariant == .landConsolidation)
        #expect(parcel.landClassCode == "0103")
        #expect(parcel.extraFields == ["新增耕地", "水田", "9", "7", "提质改造"])
        #expect(warnings == [])
    }

    @Test func zhejiangTenFieldHeaderHasTwoInsertedFields() throws {
        let (parcel, warnings) = try BoundaryTxtSamples.parcel(withHeader: "0,0,330106104,横桥村,D8-003,地块4,面,,,,@")
        #expect(parcel.headerVariant == .zhejiangProvincial)
        #expect(parcel.declaredPointCount == 0)
        #expect(parcel.declaredAreaHectares == 0)
        #expect(parcel.extraFields == ["330106104", "横桥村"])
        #expect(parcel.id == "D8-003")
        #expect(parcel.name == "地块4")
        #expect(parcel.geometryKind == "面")
        #expect(warnings.map(\.code) == [.pointCount])  // 0 declared, 5 lines
    }

    @Test func otherFieldCountsKeepTheRestAsExtras() throws {
        let (parcel, warnings) = try BoundaryTxtSamples.parcel(withHeader: "5,1.0000,1,地块1,面,,,,附加,@")
        #expect(parcel.headerVariant == .other(fieldCount: 9))
        #expect(parcel.extraFields == ["附加"])
        #expect(warnings.map(\.code) == [.headerFieldCount])
    }

    @Test func areaWithHectareUnitIsStripped() throws {
        let (parcel, warnings) = try BoundaryTxtSamples.parcel(withHeader: "5,0.7655公顷,,地块1,面,,,,@")
        #expect(parcel.declaredAreaHectares == 0.7655)
        #expect(parcel.id == "")
        #expect(warnings == [])
    }

    @Test func placeholderFieldNamesBecomeEmptyWithAWarning() throws {
        let (parcel, warnings) = try BoundaryTxtSamples.parcel(withHeader: "5,1.0000,FID_0,DKMC,面,TFH,DKYT,DLBM,@")
        #expect(parcel.id == "FID_0")
        #expect(parcel.name == "")
        #expect(parcel.mapSheet == "")
        #expect(parcel.landUse == "")
        #expect(parcel.landClassCode == "")
        #expect(warnings.map(\.code) == [.headerPlaceholder])
        #expect(warnings.first?.message.en.contains("DKMC, TFH, DKYT, DLBM") == true)
        // The code is kept and the sentence is said in the chosen language.
        #expect(warnings.first.map { $0.text(.zh).contains("BPT-W-HEADER-PLACEHOLDER 地块行写的是字段名而不是值") } == true)
        #expect(warnings.first.map { $0.text(.en).contains("BPT-W-HEADER-PLACEHOLDER parcel header holds field names instead of values") } == true)
    }

    @Test func placeholderInTheAreaSlotGivesNoArea() throws {
        let (parcel, warnings) = try BoundaryTxtSamples.parcel(withHeader: "5,DKMC,FID_0,,面,,,DKYT,@")
        #expect(parcel.declaredPointCount == 5)
        #expect(parcel.declaredAreaHectares == nil)
        #expect(parcel.id == "FID_0")
        #expect(parcel.landUse == "")
        #expect(warnings.map(\.code) == [.headerPlaceholder])
    }

    @Test func nonNumericAreaIsUnknownWithAWarning() throws {
        let (parcel, warnings) = try BoundaryTxtSamples.parcel(withHeader: "五,约1公顷,1,地块1,面,,,,@")
        #expect(parcel.declaredPointCount == nil)
        #expect(parcel.declaredAreaHectares == nil)
        #expect(warnings.map(\.code) == [.headerNotNumber, .headerNotNumber])
    }

    @Test func spacesAsEmptyValues() throws {
        let (parcel, warnings) = try BoundaryTxtSamples.parcel(withHeader: "5,1.0000,1,地块1,面, , , ,@")
        #expect(parcel.headerVariant == .standard)
        #expect(parcel.mapSheet == "")
        #expect(parcel.landUse == "")
        #expect(parcel.landClassCode == "")
        #expect(warnings == [])
    }

    @Test func ideographicSpacesAreTrimmedToo() throws {
        let (parcel, warnings) = try BoundaryTxtSamples.parcel(withHeader: "5,1.0000,1,\u{3000}地块1\u{3000},面,\u{3000},,,@")
        #expect(parcel.name == "地块1")
        #expect(parcel.mapSheet == "")
        #expect(warnings == [])
    }

    @Test func emptyAreaIsNil() throws {
        let (parcel, warnings) = try BoundaryTxtSamples.parcel(withHeader: "5,,FID_0,地块1,面,,,,@")
        #expect(parcel.declaredAreaHectares == nil)
        #expect(warnings == [])
    }

    @Test func atSignFollowedBySpacesStillEndsAHeader() throws {
        let (parcel, warnings) = try BoundaryTxtSamples.parcel(withHeader: "5,1.0000,1,地块1,面,,,,@   \t")
        #expect(parcel.headerVariant == .standard)
        #expect(parcel.name == "地块1")
        #expect(warnings == [])
    }

    @Test func atSignWithoutPrecedingCommaKeepsTheLastField() throws {
        let (parcel, _) = try BoundaryTxtSamples.parcel(withHeader: "5,1.0000,1,地块1,面,,,0601@")
        #expect(parcel.headerVariant == .standard)
        #expect(parcel.landClassCode == "0601")
    }

    @Test func geometryKindOtherThanPolygonWarns() throws {
        let (parcel, warnings) = try BoundaryTxtSamples.parcel(withHeader: "5,1.0000,1,地块1,线,,,,@")
        #expect(parcel.geometryKind == "线")
        #expect(warnings.map(\.code) == [.geometryKind])
    }
}
