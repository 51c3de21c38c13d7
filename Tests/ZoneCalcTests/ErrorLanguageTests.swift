import Foundation
import Testing
@testable import ZoneCalc

/// Every family of error reads in the planner's language: the Chinese message names the file (layer,
/// feature) as the English one does, says what to do, uses full-width punctuation, and quotes what a
/// library said as it said it. The expected words are the message wording the errors are specified with.
@Suite struct ErrorLanguageTests {
    /// The error a throwing call gave, mapped as the command line maps it.
    private func failure(source: String, _ body: () throws -> Void) -> ZoneCalcError? {
        switch Result(catching: body) {
        case .success: return nil
        case .failure(let error): return ZoneCalcError(error, source: source)
        }
    }

    /// Chinese: a CJK character and a full-width colon, and no ASCII ": " between Chinese words.
    private func isChinese(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } && text.contains("：")
    }

    @Test func aMissingFileNamesThePathAndSaysToCheckIt() {
        let error = failure(source: "zd.gpkg") { _ = try VectorSource.open("/nonexistent/zd.gpkg") }
        #expect(error?.message(.zh) == "/nonexistent/zd.gpkg：文件不存在。请检查路径（图层用 文件:图层 指定）。")
        #expect(error?.message(.en).hasPrefix("/nonexistent/zd.gpkg: no such file. Check the path") == true)
        #expect(error?.exitStatus == .badInput)
    }

    @Test func aMissingLayerListsTheLayersTheFileHasInBothLanguages() throws {
        let path = TestData.sample("zone.gpkg")
        let error = failure(source: path) {
            let (dataset, _) = try VectorSource.open(path)
            _ = try VectorSource.layer(of: dataset, named: "nope")
        }
        let zh = try #require(error?.message(.zh))
        #expect(zh.hasPrefix("\(path)：没有图层“nope”；文件中的图层：") && zh.contains("zd") && zh.contains("kfqfw")
                && zh.hasSuffix("请用 文件:图层 指定其中之一。"), "\(zh)")
        #expect(error?.message(.en).contains("no layer 'nope'; its layers are:") == true)
        #expect(error?.exitStatus == .badInput)
        let unnamed = failure(source: path) {
            let (dataset, _) = try VectorSource.open(path)
            _ = try VectorSource.layer(of: dataset, named: nil)
        }
        #expect(unnamed.map { isChinese($0.message(.zh)) && $0.message(.zh).contains("请用 文件:图层 指定一个") } == true)
    }

    @Test func aFileGDALCannotOpenIsBadInputAndSaysWhatFormatsAreRead() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("bad.geojson").path
        try Data("{ not json".utf8).write(to: URL(fileURLWithPath: path))
        let error = failure(source: path) { _ = try VectorSource.open(path) }
        let zh = try #require(error?.message(.zh))
        #expect(zh.hasPrefix("\(path)：无法作为矢量数据打开（GDAL：") && zh.contains("请确认文件完整") && zh.contains("界址点 txt"), "\(zh)")
        #expect(error?.exitStatus == .badInput)
    }

    /// GDAL, PROJ and GEOS failures: the operation said in Chinese, the library's words quoted as said.
    @Test func aLibraryFailureSaysTheOperationInChineseAndQuotesTheLibrary() throws {
        let gdal = ZoneCalcError.gdal(GDALError(operation: .readingFeatures, path: "zd.gpkg", layer: "zd", messages: ["disk I/O error"]))
        #expect(gdal.message(.zh) == "zd.gpkg:zd：GDAL 读取要素失败：disk I/O error。")
        #expect(gdal.message(.en) == "reading features failed for zd.gpkg:zd: disk I/O error")
        #expect(gdal.exitStatus == .libraryFailure)

        let proj = try #require(failure(source: "zd.gpkg") { _ = try CoordinateSystem(definition: "+proj=nonsense", context: ProjContext()) })
        #expect(proj.message(.zh).hasPrefix("zd.gpkg：PROJ 读取坐标系 '+proj=nonsense' 失败：") && proj.message(.zh).hasSuffix("。"), "\(proj.message(.zh))")
        #expect(proj.message(.en).hasPrefix("zd.gpkg: PROJ: reading the coordinate system '+proj=nonsense' failed"))

        // A polygon header that promises 1 ring of 1000 points but stops after the count.
        let truncated: [UInt8] = [1, 3, 0, 0, 0, 1, 0, 0, 0, 0xE8, 0x03, 0, 0]
        let geos = try #require(failure(source: "zd.gpkg") { _ = try Geometry.fromWKB(truncated, context: GEOSContext()) })
        #expect(geos.message(.zh).hasPrefix("zd.gpkg：GEOS 读取 WKB 失败：") && geos.message(.zh).hasSuffix("。"), "\(geos.message(.zh))")
        #expect(geos.message(.en).hasPrefix("zd.gpkg: GEOS reading WKB failed"))
    }

    @Test func aCRSProblemNamesTheFileAndWhatToWrite() throws {
        let context = ProjContext()
        let unknown = try #require(failure(source: "zd.gpkg") {
            _ = try CRSResolver.resolve(declared: nil, override: "EPSG:45280", bounds: nil, source: "zd.gpkg", context: context)
        })
        let zh = unknown.message(.zh)
        #expect(zh.hasPrefix("zd.gpkg：--crs“EPSG:45280”无法识别（PROJ：") && zh.contains("请写成 EPSG:4528 这样的代码、WKT、PROJ 字符串或 .prj 文件"), "\(zh)")
        #expect(unknown.exitStatus == .badInput)
        // Eastings with the zone prefix 40 (3° zone 40, central meridian 120°E): CGCS2000's EPSG:4528.
        let prefixed = Bounds(minX: 40_420_000, minY: 3_515_000, maxX: 40_425_000, maxY: 3_519_000)
        let missing = try #require(failure(source: "kq.shp") {
            _ = try CRSResolver.resolve(declared: nil, override: nil, bounds: prefixed, source: "kq.shp", context: context)
        })
        #expect(missing.message(.zh).hasPrefix("kq.shp：文件未声明坐标系；") && missing.message(.zh).contains("--crs EPSG:4528"), "\(missing.message(.zh))")
        #expect(missing.message(.en).contains("declares no coordinate reference system"))
        // EPSG:4490 is geographic (degrees); the coordinates are metres.
        let mismatch = try #require(failure(source: "kq.shp") {
            _ = try CRSResolver.resolve(declared: "EPSG:4490", override: nil, bounds: prefixed, source: "kq.shp", context: context)
        })
        #expect(mismatch.message(.zh).hasPrefix("kq.shp：坐标系为 ") && mismatch.message(.zh).contains("但坐标是米制"), "\(mismatch.message(.zh))")
    }

    @Test func anExistingOutputSaysToAddForce() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("zd.csv").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        let error = try #require(failure(source: path) { try SafeOutput.check([path], inputs: [], force: false) })
        // A CSV holds one table, so --append is no way out.
        #expect(error.message(.zh) == "\(path)：输出文件已存在；加 --force 替换。")
        #expect(error.exitStatus == .outputFailure)
        let geoPackage = folder.appendingPathComponent("zd.gpkg").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: geoPackage))
        let appendable = try #require(failure(source: geoPackage) { try SafeOutput.check([geoPackage], inputs: [], force: false) })
        #expect(appendable.message(.zh) == "\(geoPackage)：输出文件已存在；加 --force 替换，或加 --append 向其中添加图层。")
        // A batch's folder never offers --append, which a batch refuses.
        let inBatch = try #require(failure(source: geoPackage) { try SafeOutput.checkFolder(folder.path, holding: ["zd.gpkg"], inputs: [], force: false) })
        #expect(inBatch.message(.zh) == "\(geoPackage)：输出文件已存在；加 --force 替换。")
    }

    @Test func aFieldAndABoundaryPointFileNameWhatIsWrongInChinese() throws {
        let field = ZoneCalcError.fieldNotFound(source: "zd.gpkg:zd", field: "DKBH", available: ["ZDBH", "DLBM"])
        #expect(field.message(.zh) == "zd.gpkg:zd：没有字段“DKBH”；现有字段：ZDBH、DLBM。")
        let empty = try #require(failure(source: "kq.txt") { _ = try BoundaryPointTxtReader.read(data: Data(), sourceName: "kq.txt") })
        #expect(empty.message(.zh) == "kq.txt：文件为空" && empty.message(.en) == "kq.txt: the file is empty")
        #expect(empty.exitStatus == .badInput)
    }
}
