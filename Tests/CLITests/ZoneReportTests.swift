import Foundation
import GeoBridge
import Testing

/// `zonecalc report` on the sample zone: its workbook re-read and compared sheet by sheet with what
/// the single commands write, its GeoPackage's layers, its HTML page (self-contained, every section,
/// each figure naming a table that exists), the same bytes with 1 and 2 workers; and a project
/// missing a layer still gets its report, saying what to add.
@Suite struct ZoneReportTests {
    /// Runs `zonecalc report` on `project` into a new folder; returns the folder and the result.
    static func report(_ project: String, _ extra: [String] = []) throws -> (folder: URL, status: Int32, out: String, err: String) {
        let folder = try CLITests.temporaryFolder().appendingPathComponent("report")
        let result = try CLITests.run(["report", project, "-o", folder.path, "--no-pdf"] + extra)
        return (folder, result.status, result.out, result.err)
    }

    /// The rows of `sheet` of `path`, read back with GDAL.
    static func sheet(_ path: String, _ sheet: String) throws -> ExportedFile.Layer {
        try #require(try ExportedFile(path).layer(sheet), "\(path) has a sheet \(sheet)")
    }

    /// Writes `command`'s ledger on the sample zone to `name` in a new folder and returns its path.
    static func single(_ command: String, _ name: String) throws -> String {
        let path = try CLITests.temporaryFolder().appendingPathComponent(name).path
        let result = try CLITests.run([command, CLITests.sample("zone.yaml"), "-o", path])
        #expect(result.status == 0 || command == "qc", "\(command): \(result.err)")
        return path
    }

    @Test func theWorkbookHoldsWhatTheSingleCommandsWrite() throws {
        let run = try Self.report(CLITests.sample("zone.yaml"))
        defer { try? FileManager.default.removeItem(at: run.folder.deletingLastPathComponent()) }
        #expect(run.status == 0, "\(run.out)\(run.err)")
        let workbook = run.folder.appendingPathComponent("report.xlsx").path
        #expect(try ExportedFile(workbook).layers.map(\.name) == ["overview", "land use", "land-intensity evaluation", "idle land",
                                                                   "approved unsupplied, unused", "standard land", "per mu (enterprises)",
                                                                   "per mu (parcels)", "data QC"])
        let pairs: [(sheet: String, command: String, file: String, layer: String)] = [
            ("idle land", "idle", "idle.xlsx", "features"), ("land-intensity evaluation", "evaluate", "evaluation.xlsx", "evaluation"),
            ("standard land", "standard-land", "standard.xlsx", "features"), ("per mu (enterprises)", "permu", "permu.xlsx", "features"),
            ("per mu (parcels)", "permu", "permu.gpkg", "permu_parcels"), ("data QC", "qc", "qc.xlsx", "totals"),
        ]
        for pair in pairs {
            let single = try Self.single(pair.command, pair.file)
            defer { try? FileManager.default.removeItem(atPath: (single as NSString).deletingLastPathComponent) }
            let expected = try Self.sheet(single, pair.layer), sheet = try Self.sheet(workbook, pair.sheet)
            #expect(sheet.fields == expected.fields, "\(pair.sheet)")
            #expect(sheet.rows.count == expected.rows.count && !sheet.rows.isEmpty, "\(pair.sheet): \(sheet.rows.count) rows, \(expected.rows.count) expected")
            for (row, expectedRow) in zip(sheet.rows, expected.rows) where row != expectedRow {
                Issue.record("\(pair.sheet): \(row) is not \(expectedRow)")
                break
            }
        }
        // The reviewed idle ledger (GeoData/demo/expected, see GeoData/README.md): the same parcels and statuses.
        let reviewed = try LandReportTests.csv(CLITests.sample("expected/idle.csv"))
        let idle = try Self.sheet(workbook, "idle land")
        #expect(idle.rows.count == reviewed.count)
        for (row, index) in zip(reviewed, idle.rows.indices) {
            #expect(idle.value("parcel ID", row: index)?.text == row["parcel ID"] && idle.value("status code", row: index)?.text == row["status code"])
        }
    }

    /// The land-use sheet: the overlay command's class totals, classes adding up to the total, the total
    /// the zone's area (the land use covers the zone), the three categories adding up to it too.
    @Test func theLandUseSheetAgreesWithTheOverlayAndAddsUp() throws {
        let run = try Self.report(CLITests.sample("zone.yaml"))
        defer { try? FileManager.default.removeItem(at: run.folder.deletingLastPathComponent()) }
        let sheet = try Self.sheet(run.folder.appendingPathComponent("report.xlsx").path, "land use")
        let overlayPath = try CLITests.temporaryFolder().appendingPathComponent("overlay.xlsx").path
        defer { try? FileManager.default.removeItem(atPath: (overlayPath as NSString).deletingLastPathComponent) }
        let overlay = try CLITests.run(["overlay", CLITests.sample("zone.yaml"), "--role", "land_use", "--by", "land_use", "-o", overlayPath])
        #expect(overlay.status == 0, "\(overlay.err)")
        let totals = try Self.sheet(overlayPath, "totals")
        let m2Column = try #require(totals.fields.first { $0.hasPrefix("ellipsoidal") && $0.contains("m²") }, "\(totals.fields)")
        var overlayByClass: [String: Double] = [:]
        for index in totals.rows.indices {
            // Class rows have a piece count; the 合计 row too, under its own name.
            if let key = totals.value("total", row: index)?.text, key != "total", totals.value("pieces", row: index)?.doubleValue != nil {
                overlayByClass[key] = totals.value(m2Column, row: index)?.doubleValue
            }
        }
        var classes: [String: Double] = [:], categories = 0.0, total: Double?
        for index in sheet.rows.indices {
            let kind = sheet.value("row", row: index)?.text, m2 = sheet.value("area (m²)", row: index)?.doubleValue ?? 0
            if kind == "class", let code = sheet.value("code", row: index)?.text { classes[code] = m2 }
            if kind == "category" { categories += m2 }
            if kind == "total" { total = m2 }
        }
        #expect(classes.keys.sorted() == overlayByClass.keys.sorted() && !classes.isEmpty, "\(classes.keys.sorted()) \(overlayByClass.keys.sorted()) \(totals.fields)")
        for (code, area) in classes { #expect(abs(area - (overlayByClass[code] ?? .nan)) < 0.006, "\(code): \(area) vs \(overlayByClass[code] ?? .nan)") }
        let sum = classes.values.reduce(0, +)
        let totalArea = try #require(total)
        #expect(abs(sum - totalArea) < 0.01 * Double(classes.count), "classes add up to the total")
        #expect(abs(categories - totalArea) < 0.03, "the three categories add up to the total")
        // The approved area in the overview, measured by `zonecalc area` on the boundary layer.
        let area = try CLITests.run(["area", CLITests.sample("zone.gpkg:kfqfw"), "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(area.out.utf8)) as? [String: Any])
        let zone = try #require((((json["total"] as? [String: Any])?["squareMetres"] as? [String: Any])?["ellipsoidal"] as? NSNumber)?.doubleValue)
        #expect(abs(totalArea - zone) / zone < 0.0005, "the land use covers the zone: \(totalArea) m² of \(zone)")
    }

    @Test func theGeoPackageHasEveryResultLayerNamedInChineseAndEnglish() throws {
        let run = try Self.report(CLITests.sample("zone.yaml"))
        defer { try? FileManager.default.removeItem(at: run.folder.deletingLastPathComponent()) }
        let layers = try ExportedFile(run.folder.appendingPathComponent("report.gpkg").path).layers
        #expect(layers.map(\.name) == ["开发区范围_zone_boundary", "土地利用现状_land_use", "闲置土地_idle_land", "批而未供_供而未用_supply_chain",
                                       "标准地_standard_land", "亩均宗地_per_mu_parcels", "质检问题_点_qc_findings_points"])
        #expect(layers.first { $0.name == "闲置土地_idle_land" }?.rows.count == 331)
        #expect(layers.first { $0.name == "开发区范围_zone_boundary" }?.rows.count == 2, "the sample zone has two parts")
    }

    @Test func theHTMLIsSelfContainedAndEveryFigureNamesATable() throws {
        let run = try Self.report(CLITests.sample("zone.yaml"))
        defer { try? FileManager.default.removeItem(at: run.folder.deletingLastPathComponent()) }
        let html = try String(contentsOf: run.folder.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(!html.contains("<script") && !html.contains("src=") && !html.contains("<link"))
        #expect(html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "").range(of: "http") == nil, "no address to fetch")
        #expect(html.contains("@page{size:A4 portrait") && html.contains("thead{display:table-header-group}"))
        for title in ["Overview", "Land use", "Land-intensity evaluation", "Idle land", "Approved unsupplied", "Standard land", "Per mu", "Data QC"] {
            #expect(html.range(of: "<h2>[0-9]+　\(title)", options: [.regularExpression, .caseInsensitive]) != nil, "section \(title)")
        }
        let maps = html.components(separatedBy: "<clipPath id=\"map-").count - 1
        #expect(maps == 4, "zone parts, land use, idle land, per-mu classes")
        #expect(html.components(separatedBy: ">N</text>").count - 1 == maps, "every map has a north arrow")
        #expect(html.contains(">Y 40") && html.contains(">X 35"), "ticks in the zone's Gauss–Krüger coordinates (zone 40)")
        // Each figure cites a table shown before it in its own section (no section heading between them).
        let page = html as NSString
        let citations = try NSRegularExpression(pattern: "\\(data in table ([0-9]+)\\)").matches(in: html, range: NSRange(location: 0, length: page.length))
        #expect(citations.count >= 8)
        for citation in citations {
            let number = page.substring(with: citation.range(at: 1))
            let caption = page.range(of: "<caption>Table \(number)　")
            #expect(caption.location != NSNotFound && caption.location < citation.range.location, "table \(number) comes before the figure citing it")
            guard caption.location != NSNotFound, caption.location < citation.range.location else { continue }
            let between = page.substring(with: NSRange(location: caption.location, length: citation.range.location - caption.location))
            #expect(!between.contains("<h2>"), "table \(number) is in the section of the figure citing it")
        }
    }

    @Test func oneAndTwoWorkersWriteTheSameBytes() throws {
        let one = try Self.report(CLITests.sample("zone.yaml"), ["--workers", "1"]), two = try Self.report(CLITests.sample("zone.yaml"), ["--workers", "2"])
        defer {
            try? FileManager.default.removeItem(at: one.folder.deletingLastPathComponent())
            try? FileManager.default.removeItem(at: two.folder.deletingLastPathComponent())
        }
        for name in ["report.xlsx", "report.html", "report.gpkg", "report.docx"] {
            #expect(try Data(contentsOf: one.folder.appendingPathComponent(name)) == Data(contentsOf: two.folder.appendingPathComponent(name)), "\(name)")
        }
    }

    /// The sample project without its land-use layer: the report completes with exit 2,
    /// and the land-use section, its sheet and the terminal say what to add; the other topics are computed.
    @Test func aMissingLayerIsSaidAndTheReportStillCompletes() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var text = try String(contentsOfFile: CLITests.sample("zone.yaml"), encoding: .utf8)
        let landUse = try #require(text.range(of: "\n  land_use:"))
        let next = try #require(text.range(of: "\n  buildings:"))
        text.removeSubrange(landUse.lowerBound..<next.lowerBound)
        let demo = (CLITests.sample("zone.yaml") as NSString).deletingLastPathComponent
        text = text.replacingOccurrences(of: "zone.gpkg", with: demo + "/zone.gpkg").replacingOccurrences(of: "qyxx.csv", with: demo + "/qyxx.csv")
        let project = folder.appendingPathComponent("zone.yaml")
        try text.write(to: project, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("out")
        let result = try CLITests.run(["report", project.path, "-o", output.path, "--no-pdf"])
        #expect(result.status == 2, "\(result.out)\(result.err)")
        #expect(result.out.contains("land use") && result.out.contains("layers.land_use"), "\(result.out)")
        let sheet = try Self.sheet(output.appendingPathComponent("report.xlsx").path, "land use")
        #expect(sheet.rows.map { $0.map { $0.text ?? "" } }.joined().contains { $0.contains("layers.land_use") })
        #expect(try Self.sheet(output.appendingPathComponent("report.xlsx").path, "idle land").rows.count == 331, "the other topics are computed")
        let html = try String(contentsOf: output.appendingPathComponent("report.html"), encoding: .utf8)
        let section = try #require(html.range(of: "land use</h2>\n<p class=\"missing\">Not computed: "), "the land-use section says why")
        #expect(html[section.upperBound...].prefix(400).contains("layers.land_use"))
        #expect(html.contains("idle land</h2>\n<table"), "idle land is computed")
    }

    /// A project copy whose layers point at the sample files, with `edit` applied to its text.
    static func project(in folder: URL, _ edit: (String) -> String) throws -> URL {
        let demo = (CLITests.sample("zone.yaml") as NSString).deletingLastPathComponent
        var text = try String(contentsOfFile: CLITests.sample("zone.yaml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "zone.gpkg", with: demo + "/zone.gpkg").replacingOccurrences(of: "qyxx.csv", with: demo + "/qyxx.csv")
        let project = folder.appendingPathComponent("zone.yaml")
        try edit(text).write(to: project, atomically: true, encoding: .utf8)
        return project
    }

    /// A boundary layer that is not in its file: the topics that need it say so, the others are computed
    /// on the parcels' CRS, exit 2.
    @Test func anUnreadableBoundaryKeepsOnlyItsTopicsFromBeingComputed() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let project = try Self.project(in: folder) { $0.replacingOccurrences(of: "layer: kfqfw", with: "layer: nosuch") }
        let output = folder.appendingPathComponent("out")
        let result = try CLITests.run(["report", project.path, "-o", output.path, "--no-pdf"])
        #expect(result.status == 2, "\(result.out)\(result.err)")
        #expect(result.out.components(separatedBy: "nosuch").count - 1 == 3, "overview, land use and evaluation name the missing layer: \(result.out)")
        #expect(try Self.sheet(output.appendingPathComponent("report.xlsx").path, "idle land").rows.count == 331)
    }

    /// -o naming a file is refused before anything runs, and nothing is written beside it.
    @Test func aFileAsTheOutputFolderIsRefused() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("afile")
        try Data("hi".utf8).write(to: file)
        let result = try CLITests.run(["report", CLITests.sample("zone.yaml"), "-o", file.path])
        #expect(result.status == 5 && result.err.contains("-o names a file"), "\(result.err)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["afile"])
        #expect(try Data(contentsOf: file) == Data("hi".utf8))
    }

    /// Names with HTML's special characters are escaped in the page.
    @Test func namesAreEscapedInThePage() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let project = try Self.project(in: folder) { $0.replacingOccurrences(of: "name: 常州示范经济开发区", with: "name: \"A<b>&\\\"Z\"") }
        let output = folder.appendingPathComponent("out")
        _ = try CLITests.run(["report", project.path, "-o", output.path, "--no-pdf"])
        let html = try String(contentsOf: output.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("A&lt;b&gt;&amp;&quot;Z") && !html.contains("A<b>"))
    }
}
