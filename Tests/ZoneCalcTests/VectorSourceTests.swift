import Foundation
import Testing
@testable import ZoneCalc

@Suite struct VectorSourceTests {
    /// GDAL's Shapefile driver notes: a .dbf without .cpg and with LDID 0 comes through GDAL as raw GBK bytes;
    /// ZoneCalc must notice and read it as CP936.
    @Test func gbkShapefileWithoutCpgReadsItsChineseText() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try TestData.gbkShapefile(in: folder)
        try FileManager.default.removeItem(atPath: folder.appendingPathComponent("zd.cpg").path)
        // The bytes on disk are GBK: 彭 = C5 ED.
        let dbf = try Data(contentsOf: folder.appendingPathComponent("zd.dbf"))
        #expect(dbf.range(of: Data([0xC5, 0xED])) != nil)
        let reader = try GDALLayerReader(spec: SourceSpec(path: path))
        #expect(reader.encoding == .gbkDetected)
        var names: [String?] = []
        try reader.read(fieldIndices: [0], swapXY: false) { names.append($0.attributes[0].text) }
        #expect(names == ["彭埠单元地块"])
    }

    @Test func fileLayerSyntaxPicksALayer() {
        #expect(SourceSpec(parsing: "/data/zone.gpkg:zd") == SourceSpec(path: "/data/zone.gpkg", layer: "zd"))
        #expect(SourceSpec(parsing: "/data/zone.gpkg:zd", layer: "jzw") == SourceSpec(path: "/data/zone.gpkg", layer: "jzw"))
        #expect(SourceSpec(parsing: "zone.shp") == SourceSpec(path: "zone.shp"))
    }

    @Test func aMultiLayerFileWithoutALayerNameIsAnError() {
        #expect(throws: ZoneCalcError.self) { try LayerReaders.open(SourceSpec(path: TestData.sample("zone.gpkg"))) }
    }

    @Test func anUnknownLayerListsTheLayersThereAre() {
        do {
            _ = try LayerReaders.open(SourceSpec(path: TestData.sample("zone.gpkg"), layer: "nope"))
            Issue.record("an unknown layer must be refused")
        } catch {
            #expect(error.description.contains("kfqfw"))
        }
    }
}
