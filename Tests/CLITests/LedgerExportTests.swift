import Foundation
import GeoBridge
import Testing

/// `area -o` writes a ledger: Chinese headings (the keys in a Shapefile), figures rounded as the terminal
/// shows them, the difference in per cent, notes written, the source attributes kept, a BOM in CSV.
///
/// Expected figures of parcel 320401001001GB00001: its ellipsoidal area 11 730.533866 m² is the reviewed
/// value of `GeoData/demo/expected/idle.csv` (checked against an independent computation, see
/// GeoData/README.md); 亩 = m² × 3/2000 = 17.595800799; its declared SBMJ is 17.7786 亩 = 11 852.4 m²;
/// (11 852.4 − 11 730.533866) / 11 730.533866 = 1.038880 %.
@Suite struct LedgerExportTests {
    static let parcels = CLITests.sample("zone.gpkg:zd")
    static let arguments = ["--unit", "mu", "--declared", "SBMJ", "--declared-unit", "mu"]

    func written(_ name: String, language: String = CommandLineLanguageTests.chinese, extra: [String] = []) throws -> (path: String, folder: URL) {
        let folder = try CLITests.temporaryFolder()
        let path = folder.appendingPathComponent(name).path
        let result = try CLITests.run(["area", Self.parcels, "-o", path] + Self.arguments + extra, language: language)
        #expect(result.status == 0, "\(result.err)")
        return (path, folder)
    }

    @Test(arguments: ["zd.gpkg", "zd.csv", "zd.xlsx", "zd.geojson", "zd.gdb"])
    func chineseHeadingsRoundedFiguresAndPercentages(file: String) throws {
        let (path, folder) = try written(file)
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows = try #require(ExportedFile(path).layers.first)
        #expect(rows.rows.count == 331)
        for heading in ["序号", "编号", "椭球面积（平方米）", "椭球面积（亩）", "申报面积（亩）", "超差", "备注", "ZDBH", "DLMC"] {
            #expect(rows.fields.contains(heading), "\(file): \(rows.fields)")
        }
        let percent = file == "zd.gdb" ? "差值（百分比）" : "差值（%）"   // FileGDB names cannot hold %
        #expect(rows.fields.contains(percent), "\(file): \(rows.fields)")
        func number(_ field: String) -> Double? {
            switch rows.value(field, row: 0) {
            case .real(let value): return value
            case .integer(let value): return Double(value)
            case .string(let text): return Double(text)
            default: return nil
            }
        }
        #expect(rows.value("编号", row: 0) == .string("320401001001GB00001"))
        #expect(number("椭球面积（平方米）") == 11730.53 && number("椭球面积（亩）") == 17.5958, "\(file)")
        #expect(number("申报面积（平方米）") == 11852.40 && number("申报面积（亩）") == 17.7786, "\(file)")
        #expect(number(percent) == 1.039, "\(file): the difference in per cent, 3 decimals")
        #expect(rows.value("超差", row: 0) == .string("是"))
        #expect(rows.value("备注", row: 0) == .string("申报面积差值超过末位半个单位加 0.10 %"))
        #expect(rows.value("DLMC", row: 0) == .string("物流仓储用地"), "the source attributes are carried")
    }

    /// GDAL deflates a workbook on two threads, set for the write whatever the machine or the environment
    /// says: the same bytes with one worker or two and with GDAL_NUM_THREADS=1 in the environment (one
    /// thread deflates the archive otherwise, with other bytes).
    @Test func workbookBytesDoNotDependOnThreads() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var books: [Data] = []
        for (name, workers, environment) in [("a.xlsx", "1", [:]), ("b.xlsx", "2", ["GDAL_NUM_THREADS": "1"]), ("c.xlsx", "2", ["GDAL_NUM_THREADS": "4"])] {
            let path = folder.appendingPathComponent(name).path
            let result = try CLITests.run(["area", Self.parcels, "-o", path, "--workers", workers] + Self.arguments, environment: environment)
            #expect(result.status == 0, "\(result.err)")
            books.append(try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        #expect(books[0] == books[1] && books[1] == books[2])
    }

    @Test func englishRunsGetEnglishHeadingsAndShapefilesTheKeys() throws {
        let (path, folder) = try written("zd.csv", language: "en_US.UTF-8")
        defer { try? FileManager.default.removeItem(at: folder) }
        let english = try #require(ExportedFile(path).layers.first)
        #expect(english.fields.starts(with: ["No.", "source FID", "ID", "ellipsoidal area (m²)", "ellipsoidal area (mu)"]), "\(english.fields)")
        let shapefile = folder.appendingPathComponent("zd.shp").path
        #expect(try CLITests.run(["area", Self.parcels, "-o", shapefile] + Self.arguments).status == 0)
        let keys = try #require(ExportedFile(shapefile).layers.first).fields
        #expect(keys.starts(with: ["SEQ", "SRC_FID", "FEAT_ID", "ELLIPS_M2", "ELLIPS_MU", "DECL_M2", "DECL_MU", "DECL_PCT", "DECL_FLAG", "NOTE"]), "\(keys)")
    }

    /// Every key a Shapefile gets is in Docs/ledgers.md with the heading the same column has in a
    /// Chinese GeoPackage (ledger columns come first, in the same order in both).
    @Test(arguments: [
        ["area", CLITests.sample("zone.gpkg:zd"), "--method", "all", "--unit", "ha", "--declared", "SBMJ", "--declared-unit", "mu", "--by", "DLBM"],
        ["overlay", CLITests.sample("zone.yaml"), "--role", "land_use", "--by", "DLBM", "--method", "all"],
        ["qc", CLITests.sample("zone.yaml")],
        ["idle", CLITests.sample("zone.yaml")],
    ])
    func everyShapefileKeyIsDocumentedWithItsHeading(command: [String]) throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let shp = folder.appendingPathComponent("keys.shp").path, gpkg = folder.appendingPathComponent("headings.gpkg").path
        #expect(try CLITests.run(command + ["-o", shp]).status <= 1)
        #expect(try CLITests.run(command + ["-o", gpkg], language: CommandLineLanguageTests.chinese).status <= 1)
        let written = command[0] == "qc" ? folder.appendingPathComponent("keys_points.shp").path : shp   // qc: a file per geometry type
        let keys = try #require(ExportedFile(written).layers.first).fields
        let headings = try #require(ExportedFile(gpkg).layers.first).fields
        let mapping = try String(contentsOfFile: CLITests.root.appendingPathComponent("Docs/ledgers.md").path, encoding: .utf8)
        let ledger = zip(keys, headings).prefix { key, _ in key.allSatisfy { $0.isUppercase || $0.isNumber || $0 == "_" } && !["BSM", "DLBM", "ZDBH"].contains(key) }
        #expect(ledger.count >= 10)
        for (key, heading) in ledger {
            #expect(mapping.contains("| `\(key)` | \(heading) |"), "Docs/ledgers.md lacks \(key) → \(heading)")
        }
    }

    @Test func csvHasAByteOrderMarkUnlessWrittenInGBK() throws {
        let (path, folder) = try written("zd.csv")
        defer { try? FileManager.default.removeItem(at: folder) }
        let utf8 = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(utf8.starts(with: [0xEF, 0xBB, 0xBF] + Array("序号,".utf8)))
        let gbk = folder.appendingPathComponent("gbk.csv").path
        #expect(try CLITests.run(["area", Self.parcels, "-o", gbk, "--output-encoding", "gbk"] + Self.arguments, language: CommandLineLanguageTests.chinese).status == 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: gbk))
        // 序号 in GBK is D0 F2 BA C5.
        #expect(bytes.starts(with: [0xD0, 0xF2, 0xBA, 0xC5, UInt8(ascii: ",")]), "\(Array(bytes.prefix(8)))")
    }

    @Test func workbooksHoldDetailTotalsAndAboutSheets() throws {
        let (path, folder) = try written("zd.xlsx", extra: ["--by", "DLBM"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let workbook = try ExportedFile(path)
        #expect(workbook.layers.map(\.name) == ["明细", "汇总", "说明"])
        let totals = try #require(workbook.layer("汇总"))
        #expect(totals.value("汇总项", row: 0) == .string("合计") && totals.value("要素数", row: 0) == .integer(331))
        let about = try #require(workbook.layer("说明"))
        let items = about.rows.compactMap { row -> String? in if case .string(let text) = row[1] { return text } else { return nil } }
        #expect(["数据源", "坐标系", "面积算法", "面积单位", "申报面积", "ZoneCalc 版本"].allSatisfy(items.contains), "\(items)")
    }

    /// Overlay pieces keep A's attributes; shares are per cent (a piece that is the whole of its A
    /// feature is 100 % of it by definition); 亩 = m² × 3/2000; 0101 is 水田 in the 三调 code list (GB/T 21010).
    @Test func overlayPiecesKeepTheirFeaturesAttributesAndSharesInPerCent() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("pieces.gpkg").path
        let result = try CLITests.run(["overlay", CLITests.sample("zone.yaml"), "--role", "land_use", "--by", "DLBM", "--method", "ellipsoidal", "-o", path],
                                      language: CommandLineLanguageTests.chinese)
        #expect(result.status == 0, "\(result.err)")
        let pieces = try #require(ExportedFile(path).layers.first)
        var wholes = 0
        for row in pieces.rows.indices {
            guard case .real(let share) = pieces.value("占A比例（%）", row: row), case .real(let m2) = pieces.value("椭球面积（平方米）", row: row),
                  case .real(let mu) = pieces.value("椭球面积（亩）", row: row) else { Issue.record("row \(row)"); continue }
            #expect(share > 0 && share <= 100)
            #expect(abs(mu - m2 * 3 / 2000) <= 0.00005 + 0.005 * 3 / 2000)
            if pieces.value("整宗在B内", row: row) == .string("是") { wholes += 1; #expect(share == 100) }
            if pieces.value("A分类", row: row) == .string("0101") { #expect(pieces.value("DLMC", row: row) == .string("水田")) }
        }
        #expect(wholes > 0 && pieces.fields.contains("BSM") && pieces.fields.contains("KCXS"))
    }

    /// `--fields` chooses the source fields carried: none, or those named in the order named; a name the
    /// layer lacks is bad input (3) named with the layer's fields, checked before anything is written.
    @Test func fieldsChooseTheSourceAttributesCarried() throws {
        let (none, folder) = try written("none.csv", extra: ["--fields", "none"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = ["序号", "源要素号", "编号", "椭球面积（平方米）", "椭球面积（亩）", "申报面积（平方米）", "申报面积（亩）", "差值（%）", "超差", "备注"]
        #expect(try #require(ExportedFile(none).layers.first).fields == ledger)
        let named = folder.appendingPathComponent("named.gpkg").path
        var result = try CLITests.run(["area", Self.parcels, "-o", named, "--fields", "DLMC，ZDBH"] + Self.arguments, language: CommandLineLanguageTests.chinese)
        #expect(result.status == 0, "\(result.err)")
        let layer = try #require(ExportedFile(named).layers.first)
        #expect(layer.fields == ledger + ["DLMC", "ZDBH"])
        #expect(layer.value("DLMC", row: 0) == .string("物流仓储用地"))
        let pieces = folder.appendingPathComponent("pieces.csv").path
        result = try CLITests.run(["overlay", CLITests.sample("zone.yaml"), "--role", "land_use", "--by", "DLBM", "-o", pieces, "--fields", "DLMC"])
        #expect(result.status == 0, "\(result.err)")
        #expect(try #require(ExportedFile(pieces).layers.first).fields.last == "DLMC")
        let missing = folder.appendingPathComponent("missing.csv").path
        for language in [CommandLineLanguageTests.chinese, "en_US.UTF-8"] {
            result = try CLITests.run(["area", Self.parcels, "-o", missing, "--fields", "DLMC,面积"], language: language)
            #expect(result.status == 3, "\(result.err)")
            #expect(result.err.contains("面积") && result.err.contains("YDKGRQ"), "the fields the layer has are listed: \(result.err)")
            #expect(!FileManager.default.fileExists(atPath: missing))
        }
    }

    @Test func kmlPlacemarksAreNamedByTheIdAndKeepTheirValues() throws {
        let (path, folder) = try written("zd.kml")
        defer { try? FileManager.default.removeItem(at: folder) }
        let kml = try String(contentsOfFile: path, encoding: .utf8)
        #expect(kml.contains("<name>320401001001GB00001</name>"))
        #expect(kml.contains("<SimpleData name=\"椭球面积（平方米）\">11730.53</SimpleData>"), "values sit under their own headings")
    }
}

/// `--encoding` is the input's (a Shapefile whose .cpg is wrong or missing), `--output-encoding` the
/// output's: a GBK .dbf labelled UTF-8 reads right only with `--encoding gbk`.
@Suite struct InputEncodingTests {
    @Test func aMislabelledGBKShapefileIsReadWithTheEncodingGiven() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let shp = folder.appendingPathComponent("gbk.shp").path
        // GB2312 and CP936 are taken as GBK, as Chinese users name it.
        #expect(try CLITests.run(["convert", CLITests.sample("zone.gpkg:zd"), shp, "--output-encoding", "GB2312"]).status == 0)
        try Data("UTF-8".utf8).write(to: folder.appendingPathComponent("gbk.cpg"))   // the wrong label
        let given = folder.appendingPathComponent("given.csv").path
        let read = try CLITests.run(["area", shp, "-o", given, "--encoding", "cp936"])
        #expect(read.status == 0, "\(read.err)")
        let rows = try #require(ExportedFile(given).layers.first)
        #expect(rows.value("DLMC", row: 0) == .string("物流仓储用地"), "\(String(describing: rows.value("DLMC", row: 0)))")
        // GB18030 is not GBK (it has four-byte characters): refused, with the names taken.
        let gb18030 = try CLITests.run(["area", shp, "--encoding", "gb18030"])
        #expect(gb18030.status == 3 && gb18030.err.contains("'gbk', 'cp936' or 'gb2312'"), "\(gb18030.err)")
        let info = try CLITests.run(["info", shp, "--encoding", "gbk"])
        #expect(info.out.contains("CP936 (given with --encoding)"), "\(info.out)")
    }
}

/// Found by review: a heading with `&` (R&D经费支出占营业收入比重) made GDAL write an unreadable KML; a
/// character GBK lacks was dropped from a GBK Shapefile without a word; qc refused `--append`.
@Suite struct LedgerRegressionTests {
    @Test func aKMLWithAnAmpersandInAHeadingIsWrittenWhole() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let kml = folder.appendingPathComponent("permu.kml").path
        let result = try CLITests.run(["permu", CLITests.sample("zone.yaml"), "-o", kml], language: CommandLineLanguageTests.chinese)
        #expect(result.status == 0, "\(result.err)")
        #expect(try ExportedFile(kml).layers.first?.rows.count == 331)
    }

    @Test func aCharacterGBKLacksIsRefusedInAShapefileToo() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let layer = folder.appendingPathComponent("emoji.geojson")
        try Data("""
        {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"ZDBH":"E1","QYMC":"企业😀"},
        "geometry":{"type":"Polygon","coordinates":[[[40500000,3500000],[40500100,3500000],[40500100,3500100],[40500000,3500000]]]}}]}
        """.utf8).write(to: layer)
        let shp = folder.appendingPathComponent("gbk.shp").path
        let result = try CLITests.run(["area", layer.path, "--crs", "4528", "-o", shp, "--output-encoding", "gbk"], language: CommandLineLanguageTests.chinese)
        #expect(result.status == 5 && result.err.contains("GBK 无法编码的字符“😀”"), "\(result.err)")
        #expect(!FileManager.default.fileExists(atPath: shp))
        #expect(try CLITests.run(["area", layer.path, "--crs", "4528", "-o", shp]).status == 0, "UTF-8, the default, holds it")
    }

    /// A Shapefile made in ArcGIS has a field `Id`; the English ledger has a column `ID`. GeoPackage,
    /// CSV and FileGDB take field names without regard to case, so GDAL refused the file (exit 5): a
    /// source field is left out when a ledger column has its name in any case, and naming it with
    /// `--fields` is bad input (3) that says which column has the name.
    @Test func aSourceFieldNamedAsALedgerColumnInAnotherCaseIsLeftOut() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let layer = folder.appendingPathComponent("arcgis.geojson")
        try Data("""
        {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"Id":0,"NOTE":"n","DLMC":"工业用地"},
        "geometry":{"type":"Polygon","coordinates":[[[40500000,3500000],[40500100,3500000],[40500100,3500100],[40500000,3500000]]]}}]}
        """.utf8).write(to: layer)
        for file in ["zd.gpkg", "zd.csv", "zd.gdb"] {
            let path = folder.appendingPathComponent(file).path
            let result = try CLITests.run(["area", layer.path, "--crs", "4528", "-o", path], language: "en_US.UTF-8")
            #expect(result.status == 0, "\(file): \(result.err)")
            let fields = try #require(try ExportedFile(path).layers.first).fields
            #expect(fields.filter { $0.lowercased() == "id" } == ["ID"] && fields.filter { $0.lowercased() == "note" } == ["note"], "\(file): \(fields)")
            #expect(fields.last == "DLMC", "\(file): \(fields)")
        }
        let named = folder.appendingPathComponent("named.csv").path
        let result = try CLITests.run(["area", layer.path, "--crs", "4528", "-o", named, "--fields", "DLMC,Id"], language: "en_US.UTF-8")
        #expect(result.status == 3 && result.err.contains("'Id'") && result.err.contains("'ID'"), "\(result.err)")
        #expect(!FileManager.default.fileExists(atPath: named))
    }

    @Test func qcFindingsCanBeAppendedToAGeoPackage() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let gpkg = folder.appendingPathComponent("zone.gpkg").path
        #expect(try CLITests.run(["area", CLITests.sample("zone.gpkg:zd"), "-o", gpkg]).status == 0)
        let qc = try CLITests.run(["qc", CLITests.sample("zone.gpkg:zd"), "-o", gpkg, "--append"], language: CommandLineLanguageTests.chinese)
        #expect(qc.status <= 1, "\(qc.err)")
        #expect(try ExportedFile(gpkg).layers.map(\.name) == ["zd_area", "质检问题_点"])
    }
}
