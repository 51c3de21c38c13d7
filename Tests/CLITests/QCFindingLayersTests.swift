import Foundation
import GeoBridge
import Testing

/// QC findings are written one geometry type per layer (ArcGIS and the Shapefile need it): an overlap
/// (a polygon: squares A1 and A2 of 100 m share a 50 m × 50 m = 2 500 m² corner) and a self-intersection
/// and a missing field (points, the latter without geometry).
@Suite struct QCFindingLayersTests {
    static let parcels = """
    {"type":"FeatureCollection","features":[
    {"type":"Feature","properties":{"ZDBH":"A1"},"geometry":{"type":"Polygon","coordinates":[[[40500000,3500000],[40500100,3500000],[40500100,3500100],[40500000,3500100],[40500000,3500000]]]}},
    {"type":"Feature","properties":{"ZDBH":"A2"},"geometry":{"type":"Polygon","coordinates":[[[40500050,3500050],[40500150,3500050],[40500150,3500150],[40500050,3500150],[40500050,3500050]]]}},
    {"type":"Feature","properties":{"ZDBH":"A3"},"geometry":{"type":"Polygon","coordinates":[[[40501000,3500000],[40501100,3500100],[40501100,3500000],[40501000,3500100],[40501000,3500000]]]}}
    ]}
    """

    func run(_ output: String, in folder: URL) throws -> (status: Int32, out: String, err: String, reason: Process.TerminationReason) {
        let input = folder.appendingPathComponent("parcels.geojson")
        if !FileManager.default.fileExists(atPath: input.path) { try Data(Self.parcels.utf8).write(to: input) }
        return try CLITests.run(["qc", input.path, "--crs", "EPSG:4528", "-o", folder.appendingPathComponent(output).path],
                                language: CommandLineLanguageTests.chinese)
    }

    /// With -o the terminal shows the summary and the file written, not the findings one by one; with
    /// --verbose every finding (all three here: the overlap, the self-intersection, the missing field).
    @Test func withAnOutputTheTerminalShowsTheSummaryOnly() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try run("findings.gpkg", in: folder)
        #expect(written.status == 1)
        #expect(written.out.contains("问题数") && written.out.contains("已写出"), "\(written.out)")
        #expect(!written.out.contains("A1 与 A2 重叠"), "no finding listed one by one: \(written.out)")
        let input = folder.appendingPathComponent("parcels.geojson").path
        let verbose = try CLITests.run(["qc", input, "--crs", "EPSG:4528", "-o", folder.appendingPathComponent("all.gpkg").path, "--verbose"],
                                       language: CommandLineLanguageTests.chinese)
        #expect(verbose.out.contains("A1 与 A2 重叠 2500.00 平方米"), "\(verbose.out)")
        let lines = verbose.out.split(separator: "\n")
        let header = try #require(lines.firstIndex { $0.hasPrefix("代码") && $0.contains("要素  ") && !$0.contains("问题数") })
        let listed = lines[(header + 2)...].filter { !$0.hasPrefix("已写出") }
        #expect(listed.count == 3, "\(verbose.out)")
        let plain = try CLITests.run(["qc", input, "--crs", "EPSG:4528"], language: CommandLineLanguageTests.chinese)
        #expect(plain.out.contains("A1 与 A2 重叠 2500.00 平方米"), "without -o the findings are listed: \(plain.out)")
    }

    @Test func aGeoPackageHasAPointLayerAndAPolygonLayer() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try run("findings.gpkg", in: folder).status == 1)
        let file = try ExportedFile(folder.appendingPathComponent("findings.gpkg").path)
        #expect(file.layers.map(\.name) == ["质检问题_点", "质检问题_面"])
        #expect(file.layers.map(\.geometry) == [.point, .multiPolygon])
        let polygons = try #require(file.layer("质检问题_面"))
        #expect(polygons.rows.count == 1 && polygons.value("问题代码", row: 0) == .string("T01"))
        #expect(polygons.value("数值", row: 0) == .real(2500), "the overlap, 50 m × 50 m")
        #expect(file.layer("质检问题_点")?.rows.count == 2)
        #expect(polygons.value("严重程度", row: 0) == .string("错误"))
        // The check and the message in the run's language (Chinese here): the 2 500 m² overlap of A1 and A2.
        #expect(polygons.value("检查项", row: 0) == .string("宗地重叠"))
        #expect(polygons.value("说明", row: 0) == .string("A1 与 A2 重叠 2500.00 平方米"))
    }

    @Test func aShapefileIsOneFilePerGeometryType() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try run("findings.shp", in: folder)
        #expect(first.status == 1, "\(first.err)")
        let points = try ExportedFile(folder.appendingPathComponent("findings_points.shp").path)
        let polygons = try ExportedFile(folder.appendingPathComponent("findings_polygons.shp").path)
        #expect(points.layers.first?.rows.count == 2 && polygons.layers.first?.rows.count == 1)
        #expect(polygons.layers.first?.fields.starts(with: ["CODE", "SEVERITY", "CHECK"]) == true)
        #expect(first.out.contains("findings_points.shp（2 条）") && first.out.contains("findings_polygons.shp（1 条）"), "\(first.out)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("findings.shp").path))
        // Written again without --force: refused, the files stay as they were.
        let before = try Data(contentsOf: folder.appendingPathComponent("findings_points.dbf"))
        #expect(try run("findings.shp", in: folder).status == 5)
        #expect(try Data(contentsOf: folder.appendingPathComponent("findings_points.dbf")) == before)
    }

    @Test func aWorkbookCountsTheFindingsByCode() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try run("findings.xlsx", in: folder)
        #expect(result.out.contains("findings.xlsx（3 条）"), "the rows of 明细, not of every sheet: \(result.out)")
        let workbook = try ExportedFile(folder.appendingPathComponent("findings.xlsx").path)
        #expect(workbook.layers.map(\.name) == ["明细", "汇总", "说明"])
        let totals = try #require(workbook.layer("汇总"))
        #expect(totals.rows.map { $0[0] } == [.string("A01"), .string("G01"), .string("T01"), .string("合计")])
        #expect(totals.value("问题数", row: 3) == .integer(3))
    }
}
