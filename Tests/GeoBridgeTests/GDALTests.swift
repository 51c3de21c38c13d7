import Foundation
import Testing
@testable import GeoBridge

@Suite struct GDALTests {
    @Test func missingFileIsATypedErrorNamingThePath() {
        do {
            _ = try VectorDataset.open("/nonexistent/zone.gpkg")
            Issue.record("opening a missing file must fail")
        } catch {
            #expect(error.path == "/nonexistent/zone.gpkg")
            #expect(error.description.contains("/nonexistent/zone.gpkg"))
        }
    }

    @Test func writesAndReadsChineseFieldsInAGeoPackage() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zc-gdal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("t.gpkg").path
        let context = GEOSContext()
        let square = try Geometry.polygon(shell: [XY(0, 0), XY(10, 0), XY(10, 10), XY(0, 10), XY(0, 0)], context: context)
        do {
            let dataset = try VectorDataset.create(path, driver: "GPKG")
            let layer = try dataset.createLayer(name: "宗地", crsWKT: "EPSG:4528", geometry: .polygon,
                                                fields: [FieldDefinition(name: "地块名称", type: .string), FieldDefinition(name: "面积", type: .real)])
            try layer.addFeature([.string("一号地块"), .real(100)], wkb: try square.wkb())
            try dataset.close()
        }
        let dataset = try VectorDataset.open(path)
        let layer = try dataset.layer(named: "宗地")
        #expect(layer.fields.map(\.name) == ["地块名称", "面积"])
        var names: [FieldValue] = []
        try layer.forEachFeature { feature in names.append(feature.value(0, type: .string)) }
        #expect(names == [.string("一号地块")])
        #expect(layer.crsWKT?.contains("4528") == true)
    }

    /// A record owns its feature and its WKB: one kept past its callback still reads as itself after
    /// later features have been read (they must not reuse its buffer).
    @Test func aRecordKeptPastItsCallbackStillHoldsItsOwnGeometryAndFields() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zc-gdal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("kept.gpkg").path
        let context = GEOSContext()
        do {
            let dataset = try VectorDataset.create(path, driver: "GPKG")
            let layer = try dataset.createLayer(name: "p", crsWKT: "EPSG:4528", geometry: .polygon,
                                                fields: [FieldDefinition(name: "name", type: .string)])
            for (name, side) in [("first", 10.0), ("second", 3.0), ("third", 7.0)] {
                let square = try Geometry.polygon(shell: [XY(0, 0), XY(side, 0), XY(side, side), XY(0, side), XY(0, 0)], context: context)
                try layer.addFeature([.string(name)], wkb: try square.wkb())
            }
            try dataset.close()
        }
        let layer = try VectorDataset.open(path).layer(named: "p")
        var kept: FeatureRecord? = nil
        var seen = 0
        try layer.forEachFeature(geometry: .wkb(swapXY: false)) { record in
            seen += 1
            if kept == nil { kept = .some(record) }
        }
        #expect(seen == 3)
        guard let first = kept else { Issue.record("no record was kept"); return }
        let name = first.value(0, type: .string)
        #expect(name == FieldValue.string("first"))
        guard let wkb = first.wkb else { Issue.record("the kept record lost its geometry"); return }
        #expect(try Geometry.fromWKB(wkb, context: context).area() == 100)
    }

    @Test func datesReadAsZeroPaddedISOText() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zc-gdal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("dates.gpkg").path
        do {
            let dataset = try VectorDataset.create(path, driver: "GPKG")
            let layer = try dataset.createLayer(name: "d", crsWKT: nil, geometry: .none,
                                                fields: [FieldDefinition(name: "GYRQ", type: .date), FieldDefinition(name: "T", type: .dateTime)])
            try layer.addFeature([.date("0987-03-04"), .dateTime("2021-11-02T07:05:09")], wkb: nil)
            try dataset.close()
        }
        let layer = try VectorDataset.open(path).layer(named: "d")
        var values: [FieldValue] = []
        try layer.forEachFeature { feature in values = [feature.value(0, type: .date), feature.value(1, type: .dateTime)] }
        #expect(values == [.date("0987-03-04"), .dateTime("2021-11-02T07:05:09")])
        #expect(FeatureRecord.digits(7, 2) == "07" && FeatureRecord.digits(2024, 2) == "2024" && FeatureRecord.digits(-5, 3) == "-05")
        #expect(FeatureRecord.isoDate(2024, 2, 29) == "2024-02-29" && FeatureRecord.isoDate(7, 1, 2) == "0007-01-02")
        #expect(FeatureRecord.isoDate(12345, 1, 2) == "12345-01-02" && FeatureRecord.isoDate(-44, 3, 15) == "-044-03-15")
    }
}
