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

    /// A PostGIS connection is split from its table only at a trailing `:name`; a URI, an IPv6 host and
    /// a quoted value that ends the string stay whole.
    @Test func aDatabaseConnectionIsSplitFromItsTableOnlyWhereItEndsInOne() {
        #expect(SourceSpec(parsing: "PG:host=h dbname=zc:public.dltb") == SourceSpec(path: "PG:host=h dbname=zc", layer: "public.dltb"))
        #expect(SourceSpec(parsing: "PG:host=h dbname=zc:三调.地类图斑") == SourceSpec(path: "PG:host=h dbname=zc", layer: "三调.地类图斑"))
        #expect(SourceSpec(parsing: "PG:host=h dbname=zc") == SourceSpec(path: "PG:host=h dbname=zc"))
        #expect(SourceSpec(parsing: "PG:dbname=zc host=::1") == SourceSpec(path: "PG:dbname=zc host=::1"))
        #expect(SourceSpec(parsing: "PG:dbname='zc:x'") == SourceSpec(path: "PG:dbname='zc:x'"))
        #expect(SourceSpec(parsing: "PG:postgresql://u@h:5432/zc", layer: "dltb") == SourceSpec(path: "PG:postgresql://u@h:5432/zc", layer: "dltb"))
        #expect(SourceSpec(parsing: "PG:postgresql://u@h:5432/zc") == SourceSpec(path: "PG:postgresql://u@h:5432/zc"))
    }

    /// No password reaches a message, in either form GDAL takes.
    @Test func passwordsAreFoundAndTakenOutInEveryForm() {
        for text in ["PG:dbname=zc password=s3cret", "PG:dbname=zc PASSWORD = 's3 cret'", "PG:postgresql://u:s3cret@h:5432/zc",
                     "PG:postgresql://u@h/zc?port=5432&password=s3cret", "PG:postgresql://u@h/zc?password=s3cret&port=5432"] {
            #expect(DatabaseConnection.holdsPassword(text), "\(text)")
            #expect(!DatabaseConnection.redacted(text).contains("s3"), "\(DatabaseConnection.redacted(text))")
        }
        #expect(!DatabaseConnection.holdsPassword("PG:postgresql://u@h:5432/zc") && !DatabaseConnection.holdsPassword("PG:host=h user=password_owner dbname=zc"))
    }
}
