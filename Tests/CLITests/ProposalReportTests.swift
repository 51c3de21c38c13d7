import Foundation
import GeoBridge
import Testing

/// The proposal report a planner attaches (`proposal check -o DIR`, report.html): its header block,
/// documents cited from the citations file only, a map with north arrow, coordinate ticks and each
/// conflict kind in its own colour and labelled by rule, a legend of what is drawn, and for an
/// adjustment the land taken out in its own section with the area the boundary-point file gives.
@Suite struct ProposalReportTests {
    static func check(_ proposal: String, language: String = "zh_CN.UTF-8") throws -> (folder: URL, html: String, status: Int32) {
        let folder = try CLITests.temporaryFolder()
        let result = try CLITests.run(["proposal", "check", CLITests.sample("zone.yaml"), CLITests.sample(proposal), "-o", folder.appendingPathComponent("out").path, "--no-pdf"],
                                      language: language)
        let html = try String(contentsOf: folder.appendingPathComponent("out/report.html"), encoding: .utf8)
        return (folder, html, result.status)
    }

    /// The day in Beijing, as the header's check date gives it.
    static var today: String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }

    /// The cells of the header table (表 1), item → value.
    static func header(_ html: String) throws -> [String: String] {
        let start = try #require(html.range(of: "<table class=\"meta\">")), end = try #require(html.range(of: "</table>", range: start.upperBound..<html.endIndex))
        let rows = try NSRegularExpression(pattern: "<tr><td>([^<]*)</td><td>([^<]*)</td></tr>")
        let text = String(html[start.lowerBound..<end.upperBound])
        var items: [String: String] = [:]
        for match in rows.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            items[(text as NSString).substring(with: match.range(at: 1))] = (text as NSString).substring(with: match.range(at: 2))
        }
        return items
    }

    @Test func theHeaderSaysWhatWasCheckedWithWhatAndWhen() throws {
        let before = Self.today
        let run = try Self.check("kqfw.txt")
        defer { try? FileManager.default.removeItem(at: run.folder) }
        #expect(run.status == 1, "the sample expansion fails")
        let header = try Self.header(run.html)
        #expect(header["开发区"] == "常州示范经济开发区（G320401）")
        #expect(header["方案文件（新增）"] == "kqfw.txt")
        #expect(header["方案类型"] == "扩区")
        #expect([before, Self.today].contains(header["审查日期"] ?? ""), "today in Beijing: \(header["审查日期"] ?? "")")
        #expect(header["数据基准日"] == "2026-06-30")
        #expect(header["ZoneCalc 版本"]?.isEmpty == false && header["规则配置"]?.contains("ZoneCalc 内置规则") == true)
        // Every layer of the project file (zone.yaml names 11) with its file and feature count.
        let layers = header.filter { $0.key.hasPrefix("数据：") }
        #expect(layers.count == 11, "\(layers.keys.sorted())")
        #expect(header["数据：宗地/供地"]?.contains("zone.gpkg:zd，331 个要素") == true, "\(header["数据：宗地/供地"] ?? "")")
    }

    @Test func documentsAreCitedNeverZoneCalcsOwnFiles() throws {
        let run = try Self.check("kqfw.txt")
        defer { try? FileManager.default.removeItem(at: run.folder) }
        #expect(!run.html.contains("Rules/"), "no rule file of ZoneCalc's is cited")
        let documents = try #require(run.html.range(of: "审查依据与规则</h2>"))
        let list = run.html[documents.upperBound...].prefix(4000)
        #expect(list.contains("国办发〔2017〕7号") && list.contains("《关于在国土空间规划中统筹划定落实三条控制线的指导意见》"))
        #expect(list.range(of: "\\.(yaml|csv)", options: .regularExpression) == nil)
    }

    @Test func theMapHasItsFrameAndEachConflictKindInItsColourLabelledByRule() throws {
        let run = try Self.check("kqfw.txt")
        defer { try? FileManager.default.removeItem(at: run.folder) }
        let svgStart = try #require(run.html.range(of: "<svg")), svgEnd = try #require(run.html.range(of: "</svg>"))
        let svg = String(run.html[svgStart.lowerBound..<svgEnd.upperBound])
        #expect(svg.contains(">N</text>"), "north arrow")
        #expect(svg.contains(">Y 40") && svg.contains(">X 35"), "ticks in the zone's Gauss–Krüger coordinates")
        #expect(svg.range(of: ">[0-9.]+ (m|km)</text>", options: .regularExpression) != nil, "scale bar")
        // R1 (farmland) and R3 (outside the urban development boundary) fail: each piece labelled, two colours.
        #expect(svg.contains(">R1</text>") && svg.contains(">R3</text>"))
        func fill(of rule: String) -> String? {
            guard let title = svg.range(of: "<title>\(rule) ") else { return nil }
            let path = svg[..<title.lowerBound]
            guard let fill = path.range(of: "fill=\"", options: .backwards) else { return nil }
            return String(path[fill.upperBound...].prefix(7))
        }
        #expect(fill(of: "R1") != nil && fill(of: "R3") != nil && fill(of: "R1") != fill(of: "R3"), "\(fill(of: "R1") ?? "") \(fill(of: "R3") ?? "")")
        // The R1 piece (2.34 ha) lies inside the R3 one (43.89 ha): drawn after it, on top.
        let r1 = try #require(svg.range(of: "<title>R1 ")), r3 = try #require(svg.range(of: "<title>R3 "))
        #expect(r3.lowerBound < r1.lowerBound, "the larger piece is drawn first")
        // The legend lists what is drawn: conflicts by rule, nothing taken out in an expansion.
        #expect(svg.contains(">R1 永久基本农田</text>") && svg.contains(">R3 城镇开发边界外</text>"))
        #expect(!svg.contains(">调出</text>"))
        #expect(run.html.contains("@page{size:A4 portrait"))
    }

    /// map.geojson, read back by GDAL's GeoJSON driver: the zone's CRS (EPSG:4528, CGCS2000 3° zone 40),
    /// every layer of the report's map, and the conflict pieces with the areas the report gives them
    /// (R1 2.34 ha of basic farmland; R3 43.97 ha outside the urban boundary, in two pieces of 43.89 and
    /// 0.08 ha; planar and ellipsoidal agree to 0.01 ha this near the central meridian).
    @Test func theMapDataIsTheReportsMapInTheZonesCRS() throws {
        let run = try Self.check("kqfw.txt")
        defer { try? FileManager.default.removeItem(at: run.folder) }
        let dataset = try VectorDataset.open(run.folder.appendingPathComponent("out/map.geojson").path)
        let layer = try dataset.layer(named: "map")
        #expect(layer.crsWKT?.contains("ID[\"EPSG\",4528]") == true, "\(layer.crsWKT ?? "no CRS")")
        func value(_ sql: String) throws -> Double? {
            guard let text = try dataset.firstRow(ofSQL: sql).first ?? nil else { return nil }
            return Double(text)
        }
        let r1 = try #require(try value("SELECT SUM(OGR_GEOM_AREA) FROM map WHERE label = 'R1'"))
        let r3 = try #require(try value("SELECT SUM(OGR_GEOM_AREA) FROM map WHERE label = 'R3'"))
        #expect(abs(r1 / 10_000 - 2.34) < 0.01 && abs(r3 / 10_000 - 43.97) < 0.01, "R1 \(r1) m², R3 \(r3) m²")
        #expect(try value("SELECT COUNT(*) FROM map WHERE label = 'R3'") == 2)
        for drawn in ["urban_development_boundary", "farmland", "approved", "added", "new_boundary"] {
            #expect(try value("SELECT COUNT(*) FROM map WHERE layer = '\(drawn)'") ?? 0 >= 1, "\(drawn)")
        }
        #expect(try value("SELECT COUNT(*) FROM map WHERE layer = 'removed'") == 0, "nothing is taken out in an expansion")
        // The 三调 pieces of the added land tile it: GDAL's areas of the two agree (the sample's land
        // use covers the added land; the pieces are gross of 田坎, as drawn).
        let added = try #require(try value("SELECT SUM(OGR_GEOM_AREA) FROM map WHERE layer = 'added'"))
        let landUse = try #require(try value("SELECT SUM(OGR_GEOM_AREA) FROM map WHERE layer = 'land_use'"))
        #expect(abs(landUse - added) < added * 0.001, "land use \(landUse) m², added \(added) m²")
        #expect(try value("SELECT COUNT(*) FROM map WHERE layer = 'land_use' AND legend = '三调 农用地' AND title LIKE '三调 0101 水田：新增用地中%'") == 1)
        #expect(try value("SELECT COUNT(*) FROM map WHERE layer = 'land_use' AND legend = '三调 建设用地' AND title LIKE '三调 0601 工业用地%'") == 1)
    }

    /// The sample zone with its control lines, 三调 and coverage reprojected by PROJ to CGCS2000
    /// longitude/latitude (EPSG:4490), as provinces' 一张图 often hold them: the same verdict and
    /// conflicts, the map data in degrees to 1e-9°, and the new boundary's txt written in the 3° zone of
    /// its centre, byte for byte the txt of the Gauss–Krüger zone.
    /// UTM (EPSG:32650), a projected CRS other than Gauss–Krüger, goes the same way, in metres.
    @Test(arguments: ["EPSG:4490", "EPSG:32650"]) func aZoneHeldInAnotherCRSIsCheckedAndMappedInIt(_ zoneCRS: String) throws {
        let geographicCRS = zoneCRS == "EPSG:4490"
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var project = try String(contentsOfFile: CLITests.sample("zone.yaml"), encoding: .utf8)
        for layer in ["kfqfw", "dltb", "yjjbnt", "stbhhx", "czkfbj", "qtkfq", "sjfw"] {
            let converted = try CLITests.run(["convert", CLITests.sample("zone.gpkg") + ":" + layer, folder.appendingPathComponent("\(layer).gpkg").path, "--to-crs", zoneCRS])
            #expect(converted.status == 0, "\(layer): \(converted.err)")
            project = project.replacingOccurrences(of: "file: zone.gpkg\n    layer: \(layer)\n", with: "file: \(layer).gpkg\n")
        }
        project = project.replacingOccurrences(of: "coverage: zone.gpkg:sjfw", with: "coverage: sjfw.gpkg")
            .replacingOccurrences(of: "file: zone.gpkg", with: "file: " + CLITests.sample("zone.gpkg"))
            .replacingOccurrences(of: "file: qyxx.csv", with: "file: " + CLITests.sample("qyxx.csv"))
        try project.write(to: folder.appendingPathComponent("zone.yaml"), atomically: true, encoding: .utf8)
        let geographic = folder.appendingPathComponent("geographic"), projected = folder.appendingPathComponent("projected")
        let run = try CLITests.run(["proposal", "check", folder.appendingPathComponent("zone.yaml").path, CLITests.sample("kqfw.txt"), "-o", geographic.path, "--no-pdf"])
        #expect(run.status == 1, "不符合: \(run.err)")
        _ = try CLITests.run(["proposal", "check", CLITests.sample("zone.yaml"), CLITests.sample("kqfw.txt"), "-o", projected.path, "--no-pdf"])
        let txt = try Data(contentsOf: geographic.appendingPathComponent("new_boundary.txt"))
        #expect(txt == (try Data(contentsOf: projected.appendingPathComponent("new_boundary.txt"))), "the txt of the projected zone")
        let map = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: geographic.appendingPathComponent("map.geojson"))) as? [String: Any])
        #expect(map["units"] as? String == (geographicCRS ? "degree" : "metre"))
        #expect(((map["crs"] as? [String: Any])?["properties"] as? [String: String])?["name"] == "urn:ogc:def:crs:EPSG::" + zoneCRS.dropFirst(5))
        let features = map["features"] as? [[String: Any]] ?? []
        let labels = features.compactMap { ($0["properties"] as? [String: Any])?["label"] as? String }
        #expect(labels.sorted() == ["R1", "R3", "R3"], "\(labels)")
        if geographicCRS {
            let focus = map["focus"] as? [Double] ?? []
            #expect(focus.count == 4 && (119...121).contains(focus[0]) && (31...32).contains(focus[1]), "longitude, latitude: \(focus)")
            // 1e-9° (about 0.1 mm), not the metre grid's 1e-3
            let point = ((((features.first?["geometry"] as? [String: Any])?["coordinates"] as? [[[[Double]]]])?.first)?.first)?.first ?? []
            #expect(point.count == 2 && point.allSatisfy { abs($0 * 1e9 - ($0 * 1e9).rounded()) < 1e-3 && abs($0 * 1e3 - ($0 * 1e3).rounded()) > 1e-9 }, "\(point)")
        }
        // R1 and R3 as in the projected zone (2.34 and 43.97 ha), to a few parts in a million: the
        // conflict pieces' cut points lie on edges straight in degrees here, straight in metres there.
        func figures(_ project: String) throws -> [String: Double] {
            let json = try CLITests.run(["proposal", "check", project, CLITests.sample("kqfw.txt"), "--format", "json"])
            let rules = try #require((try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])?["rules"] as? [[String: Any]])
            func figure(_ rule: String, _ key: String) -> Double { (rules.first { $0["id"] as? String == rule }?["figures"] as? [String: Any])?[key] as? Double ?? .nan }
            return ["R1": figure("R1", "overlapSquareMetres"), "R3": figure("R3", "outsideSquareMetres")]
        }
        let inDegrees = try figures(folder.appendingPathComponent("zone.yaml").path), inMetres = try figures(CLITests.sample("zone.yaml"))
        for rule in ["R1", "R3"] {
            let a = inDegrees[rule] ?? .nan, b = inMetres[rule] ?? .nan
            #expect(abs(a - b) <= b * 1e-5, "\(rule): \(a) m² in degrees, \(b) m² in metres")
        }
        #expect(abs((inMetres["R1"] ?? 0) / 10_000 - 2.34) < 0.005 && abs((inMetres["R3"] ?? 0) / 10_000 - 43.97) < 0.005)
    }

    /// tqfw.txt takes out TC1 (7.1992 ha declared): its ring by the shoelace formula on the file's own
    /// coordinates is the area of the section on the land taken out.
    @Test func anAdjustmentHasItsLandTakenOutInItsOwnSection() throws {
        let run = try Self.check("tqfw.txt")
        defer { try? FileManager.default.removeItem(at: run.folder) }
        #expect(run.status == 0, "the sample adjustment passes")
        let data = try Data(contentsOf: URL(fileURLWithPath: CLITests.sample("tqfw.txt")))
        let text = String(decoding: data, as: UTF8.self)  // the coordinates are ASCII whatever the encoding
        let lines = text.split(whereSeparator: \.isNewline)
        let first = try #require(lines.firstIndex { $0.hasSuffix("@") })
        let ring = lines[(first + 1)...].prefix { !$0.hasSuffix("@") }.map { line -> (x: Double, y: Double) in
            let fields = line.split(separator: ",")
            return (Double(fields[2])!, Double(fields[3])!)
        }
        let shoelace = abs(zip(ring, ring.dropFirst()).reduce(0) { $0 + $1.0.x * $1.1.y - $1.1.x * $1.0.y }) / 2
        #expect(abs(shoelace / 10_000 - 7.1992) < 0.0001, "the file's ring is its declared 7.1992 ha: \(shoelace)")
        let section = try #require(run.html.range(of: "、调出用地</h2>"), "the land taken out has a section")
        let after = String(run.html[section.upperBound...].prefix(3000))
        #expect(after.contains("调出 1 块，合计 \(NumberText2.fixed(shoelace / 10_000)) 公顷"), "\(after.prefix(300))")
        #expect(after.contains("调出用地现状地类（三调）"))
        #expect(run.html.contains(">调出</text>"), "drawn and in the legend")
        let map = try String(contentsOf: run.folder.appendingPathComponent("out/map.geojson"), encoding: .utf8)
        #expect(map.contains("：调出用地中") && map.contains("\"legend\":\"调出 三调 农用地\""), "the land taken out has its 三调 classes on the map, in a legend entry of their own")
        #expect(try Self.header(run.html)["方案类型"] == "调区")
    }

    @Test func theEnglishReportIsInEnglish() throws {
        let run = try Self.check("tqfw.txt", language: "en_US.UTF-8")
        defer { try? FileManager.default.removeItem(at: run.folder) }
        let header = try Self.header(run.html)
        #expect(header["kind"] == "adjustment" && header["checked on"] != nil)
        #expect(run.html.contains("Land taken out</h2>"))
    }
}

extension ProposalReportTests {
    /// A member of a Word document, read through GDAL's zip reader (under a .zip name, which it knows).
    static func member(_ name: String, of docx: URL) throws -> String {
        let copy = docx.deletingLastPathComponent().appendingPathComponent("copy.zip")
        try? FileManager.default.removeItem(at: copy)
        try FileManager.default.copyItem(at: docx, to: copy)
        defer { try? FileManager.default.removeItem(at: copy) }
        var bytes = Data()
        try VirtualFile.forEachChunk(of: "/vsizip/\(copy.path)/\(name)") { bytes.append(contentsOf: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Texts between `open` and `close` tags, in order.
    static func texts(_ text: String, _ pattern: String) throws -> [String] {
        let expression = try NSRegularExpression(pattern: pattern)
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { (text as NSString).substring(with: $0.range(at: 1)) }
    }

    /// The Word copy holds what the page holds: the same headings in order, the same numbered tables with
    /// their heading rows repeated on every page, the map as the same SVG, on A4 portrait.
    @Test func theWordDocumentHoldsWhatThePageHolds() throws {
        let run = try Self.check("tqfw.txt")
        defer { try? FileManager.default.removeItem(at: run.folder) }
        let docx = run.folder.appendingPathComponent("out/report.docx")
        let document = try Self.member("word/document.xml", of: docx)
        #expect(document.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"), "A4 portrait")
        let pageHeadings = try Self.texts(run.html, "<h2>([^<]*)</h2>")
        let wordHeadings = try Self.texts(document, "<w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t xml:space=\"preserve\">([^<]*)</w:t>")
        #expect(!pageHeadings.isEmpty && wordHeadings == pageHeadings, "\(wordHeadings) vs \(pageHeadings)")
        let pageCaptions = try Self.texts(run.html, "<caption>([^<]*)</caption>")
        let wordCaptions = try Self.texts(document, "<w:pStyle w:val=\"Caption\"/></w:pPr><w:r><w:t xml:space=\"preserve\">([^<]*)</w:t>")
        #expect(!pageCaptions.isEmpty && wordCaptions == pageCaptions)
        #expect(document.components(separatedBy: "<w:tbl>").count - 1 == pageCaptions.count)
        #expect(document.components(separatedBy: "<w:tblHeader/>").count - 1 == pageCaptions.count, "every table's heading row repeats")
        let svg = try Self.member("word/media/figure1.svg", of: docx)
        #expect(svg.hasPrefix("<svg") && run.html.contains(svg), "the map is the page's SVG")
        let relationships = try Self.member("word/_rels/document.xml.rels", of: docx)
        #expect(relationships.contains("Target=\"media/figure1.svg\"") && document.contains("<asvg:svgBlip r:embed=\"rIdFigure1\"/>"))
    }
}

/// The PDF step with the renderers a machine may have: one that fails, LibreOffice alone (which cannot
/// draw the SVG maps), and an earlier run's PDF that no longer matches.
@Suite struct ReportPDFStepTests {
    /// A folder holding fake programs, to be the whole PATH of a run.
    static func fakePath(_ programs: [String: String]) throws -> URL {
        let folder = try CLITests.temporaryFolder()
        for (name, script) in programs {
            let url = folder.appendingPathComponent(name)
            try Data(("#!/bin/sh\n" + script + "\n").utf8).write(to: url)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        }
        return folder
    }

    static func check(into out: URL, path: URL, _ extra: [String] = []) throws -> (status: Int32, out: String, err: String, reason: Process.TerminationReason) {
        try CLITests.run(["proposal", "check", CLITests.sample("zone.yaml"), CLITests.sample("kqfw.txt"), "-o", out.path] + extra,
                         environment: ["PATH": path.path])
    }

    @Test func aFailingRendererCostsOnlyThePDF() throws {
        let path = try Self.fakePath(["chromium": "exit 1"])
        defer { try? FileManager.default.removeItem(at: path) }
        let out = path.appendingPathComponent("out")
        let result = try Self.check(into: out, path: path)
        #expect(result.status == 1, "the verdict's status, not an output failure: \(result.err)")
        #expect(result.err.contains("could not make the PDF"), "\(result.err)")
        for name in ["report.html", "report.docx", "proposal.gpkg", "new_boundary.txt", "map.geojson"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "\(name)")
        }
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("report.pdf").path))
    }

    @Test func libreOfficeAloneMakesNoPDFWithBlankMaps() throws {
        let path = try Self.fakePath(["soffice": "echo converted > \"$PWD/ran\"; exit 0"])
        defer { try? FileManager.default.removeItem(at: path) }
        let out = path.appendingPathComponent("out")
        let result = try Self.check(into: out, path: path)
        #expect(result.status == 1 && result.err.contains("cannot draw the report's SVG figures"), "\(result.err)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("report.pdf").path))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("report.docx").path))
    }

    @Test func anEarlierPDFIsRemovedWithForceAndSaidWithout() throws {
        let path = try Self.fakePath([:])
        defer { try? FileManager.default.removeItem(at: path) }
        let out = path.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("%PDF old".utf8).write(to: out.appendingPathComponent("report.pdf"))
        let first = try Self.check(into: out, path: path)
        #expect(first.err.contains("from an earlier run"), "\(first.err)")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("report.pdf").path), "not removed without --force")
        let forced = try Self.check(into: out, path: path, ["--force"])
        #expect(forced.err.contains("was removed"), "\(forced.err)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("report.pdf").path))
    }
}

/// Two decimals, rounded half away from zero, for figures the report writes.
enum NumberText2 {
    static func fixed(_ value: Double) -> String { String(format: "%.2f", (value * 100).rounded() / 100) }
}
