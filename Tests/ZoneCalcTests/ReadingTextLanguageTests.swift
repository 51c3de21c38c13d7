import Foundation
import Testing
@testable import ZoneCalc

/// What reading a layer and measuring or overlaying its features says — read warnings, the encoding, the
/// format, per-feature notes and reasons — in the run's language: Chinese in a Chinese run, English in an
/// English one, both in JSON. GEOS's own reason ("Self-intersection") is quoted in both.
@Suite struct ReadingTextLanguageTests {
    /// The bow-tie of ``AreaJobTests/makeLayer(in:)`` crosses itself where (600, 0)–(610, 10) meets
    /// (610, 0)–(600, 10): at (605, 5) from the layer's origin (389 000, 4 185 000).
    static let crossing = "(389605.000, 4185005.000)"

    /// A txt whose ring 圈号 1 ends on line 10 without returning to J1.
    static let unclosed = BoundaryTxtSamples.preamble + """

        4,1.0000,1,地块1,面,,,,@
        J1,1,3353400,40520800
        J2,1,3353400,40520900
        J3,1,3353300,40520900
        J4,1,3353300,40520800
        """
    static let unclosedWarning = Bilingual("第 10 行：BPT-W-UNCLOSED-RING 圈号 1 的环未闭合，已复制点“J1”闭合",
                                           "line 10: BPT-W-UNCLOSED-RING ring 圈号 1 is not closed; closed with a copy of point 'J1'")

    @Test func readWarningsOfATxtAreBilingualInEveryReport() throws {
        let reader = try BoundaryTxtLayerReader(data: Data(Self.unclosed.utf8), sourceName: "t.txt")
        #expect(reader.readWarnings == [Self.unclosedWarning])
        var options = AreaOptions()
        options.methods = [.planar]
        let report = try AreaJob.run(reader, options: options)
        #expect(report.readWarnings == [Self.unclosedWarning])
        let zh = AreaReportText(unit: .squareMetre, language: .zh).render(report)
        let en = AreaReportText(unit: .squareMetre, language: .en).render(report)
        #expect(zh.contains("读取时的警告：\n  第 10 行：BPT-W-UNCLOSED-RING 圈号 1 的环未闭合") && !zh.contains("is not closed"), "\(zh)")
        #expect(en.contains("Warnings while reading:\n  line 10: BPT-W-UNCLOSED-RING ring 圈号 1 is not closed") && !en.contains("的环未闭合"), "\(en)")
        let json = try JSONSerialization.jsonObject(with: Data(try AreaReportJSON(unit: .squareMetre).render(report).utf8)) as? [String: Any]
        let warnings = try #require(json?["readWarnings"] as? [[String: String]])
        #expect(warnings == [["zh": Self.unclosedWarning.zh, "en": Self.unclosedWarning.en]])

        let summary = try LayerSummary.scan(reader)
        #expect(summary.readWarnings == [Self.unclosedWarning])
        let infoZh = LayerSummaryText.render(summary, language: .zh), infoEn = LayerSummaryText.render(summary, language: .en)
        #expect(infoZh.contains("  警告：\n    第 10 行：BPT-W-UNCLOSED-RING") && infoZh.contains("格式 界址点坐标 txt"), "\(infoZh)")
        #expect(infoEn.contains("  Warnings:\n    line 10: BPT-W-UNCLOSED-RING") && infoEn.contains("format boundary-point txt"), "\(infoEn)")
    }

    /// The encoding a txt was read in: a byte-order mark is said in the run's language, names of encodings are as they are.
    @Test func theEncodingOfATxtIsDescribedInTheRunsLanguage() throws {
        let withBOM = try BoundaryTxtLayerReader(data: Data([0xEF, 0xBB, 0xBF]) + Data(Self.unclosed.utf8), sourceName: "t.txt")
        #expect(withBOM.encodingDescription == Bilingual("UTF-8（带 BOM）", "UTF-8 with BOM"))
        let plain = try BoundaryTxtLayerReader(data: Data(Self.unclosed.utf8), sourceName: "t.txt")
        #expect(plain.encodingDescription == Bilingual(verbatim: "UTF-8"))
        #expect(plain.formatName == Bilingual("界址点坐标 txt", "boundary-point txt"))
    }

    /// A Shapefile's encoding as its .cpg declares it, and as detected when there is no .cpg (GBK bytes).
    @Test func theEncodingOfAShapefileIsDescribedInTheRunsLanguage() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try TestData.gbkShapefile(in: folder)
        let declared = try GDALLayerReader(spec: SourceSpec(path: path))
        guard case .declared(let name) = declared.encoding else { Issue.record("\(declared.encoding)"); return }
        #expect(declared.encodingDescription == Bilingual("\(name)（文件声明）", "\(name) (declared by the file)"))
        try FileManager.default.removeItem(atPath: folder.appendingPathComponent("zd.cpg").path)
        let detected = try GDALLayerReader(spec: SourceSpec(path: path))
        #expect(detected.encodingDescription == Bilingual("GBK/CP936（检测得出：没有 .cpg，且文字不是有效的 UTF-8）",
                                                         "GBK/CP936 (detected: no .cpg and the text is not valid UTF-8)"))
        let given = try GDALLayerReader(spec: SourceSpec(path: path, encoding: .gbk))
        #expect(given.encodingDescription == Bilingual("CP936（由 --encoding 指定）", "CP936 (given with --encoding)"))
    }

    /// The repaired bow-tie and the features left out, in the feature table, the notes, a ledger's note and JSON.
    @Test func areaNotesAndReasonsFollowTheLanguage() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try AreaJobTests.makeLayer(in: folder)
        var options = AreaOptions()
        options.methods = [.planar]
        let report = try AreaJob.run(try LayerReaders.open(SourceSpec(path: path)), options: options)
        let zh = AreaReportText(unit: .squareMetre, language: .zh).render(report)
        let en = AreaReportText(unit: .squareMetre, language: .en).render(report)
        #expect(zh.contains("几何无效（自相交，位置 \(Self.crossing)），修复后计算"), "\(zh)")
        #expect(en.contains("invalid: Self-intersection at \(Self.crossing); measured after make-valid"), "\(en)")
        #expect(zh.contains("  要素 #5（fid 5，E） 是 Point，不是面：只有面才有面积\n") && zh.contains("  要素 #6（fid 6，F） 没有几何\n"), "\(zh)")
        #expect(en.contains("  feature #5 (fid 5, E) is a Point, not a polygon: only polygons have an area\n")
                && en.contains("  feature #6 (fid 6, F) has no geometry\n"), "\(en)")
        #expect(!zh.contains("has no geometry") && !en.contains("没有几何"))
        let notes = AreaFeatureNotes(report, language: .zh)
        #expect(notes.text(skipped: report.skipped[1]) == "未计算：没有几何")
        #expect(AreaFeatureNotes(report, language: .en).text(skipped: report.skipped[1]) == "skipped: has no geometry")

        let json = try #require(try JSONSerialization.jsonObject(with: Data(try AreaReportJSON(unit: .squareMetre).render(report).utf8)) as? [String: Any])
        let skipped = try #require(json["skipped"] as? [[String: Any]])
        #expect(skipped[1]["reason"] as? [String: String] == ["zh": "没有几何", "en": "has no geometry"])
        let features = try #require(json["features"] as? [[String: Any]])
        #expect(features[3]["invalidReason"] as? [String: String] == ["zh": "自相交，位置 \(Self.crossing)", "en": "Self-intersection at \(Self.crossing)"])

        options.skipInvalid = true
        let strict = try AreaJob.run(try LayerReaders.open(SourceSpec(path: path)), options: options)
        let left = try #require(strict.skipped.first { $0.label == "D" })
        #expect(left.reason == Bilingual("几何无效（自相交，位置 \(Self.crossing)），按 --skip-invalid 未计入",
                                         "is invalid (Self-intersection at \(Self.crossing)) and was left out (--skip-invalid)"))
    }

    /// GEOS says "Too few points in geometry component" of a ring of three points (the message of its
    /// TopologyValidationError, which has no "distinct" in it, unlike JTS's): in Chinese in a Chinese run.
    @Test func aRingOfTooFewPointsIsSaidInChinese() throws {
        let wkb = ProposalTestZone.rawPolygonWKB([XY(0, 0), XY(10, 0), XY(0, 0)])
        let problem = try #require(try Geometry.fromWKB(wkb, context: GEOSContext()).validityProblem())
        #expect(problem.reason == "Too few points in geometry component")
        #expect(problem.bilingual == Bilingual("几何部件的点数过少，位置 (0.000, 0.000)", "Too few points in geometry component at (0.000, 0.000)"))
    }

    /// `info`'s geometry types count a geometry GEOS cannot read (an unclosed ring) as unreadable, which
    /// a Chinese run says in Chinese; the OGC type names are the same in both.
    @Test func anUnreadableGeometryIsCountedInTheRunsLanguage() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("t.gpkg").path
        let square = ProposalTestZone.rawPolygonWKB(TestData.square(0, 0, 10))
        try TestData.writeLayer(path, crs: "EPSG:4547", features: [("A", nil, square),
                                                                   ("B", nil, ProposalTestZone.rawPolygonWKB([XY(0, 0), XY(10, 0), XY(10, 10), XY(0, 10)]))])
        let summary = try LayerSummary.scan(try LayerReaders.open(SourceSpec(path: path)))
        let zh = LayerSummaryText.render(summary, language: .zh), en = LayerSummaryText.render(summary, language: .en)
        #expect(zh.contains("  几何类型：  Polygon 1、无法读取 1\n"), "\(zh)")
        #expect(en.contains("  Geometries: Polygon 1, unreadable 1\n"), "\(en)")
    }

    /// The same layer as A of an overlay with a zone that holds it all: the repair and the features left out.
    @Test func overlayNotesFollowTheLanguage() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = try AreaJobTests.makeLayer(in: folder)
        let b = folder.appendingPathComponent("zone.gpkg").path
        let zone = try Geometry.polygon(shell: TestData.square(AreaJobTests.x0 - 10, AreaJobTests.y0 - 10, 1_000), context: GEOSContext())
        try TestData.writeLayer(b, crs: "EPSG:4547", features: [("Z", nil, try zone.wkb())])
        var options = OverlayOptions()
        options.methods = [.planar]
        let report = try OverlayJob.run(a: try LayerReaders.open(SourceSpec(path: a)), b: try LayerReaders.open(SourceSpec(path: b)), options: options)
        let zh = OverlayReportText(language: .zh).render(report), en = OverlayReportText(language: .en).render(report)
        #expect(zh.contains("  要素 #4（D）：自相交，位置 \(Self.crossing)\n"), "\(zh)")
        #expect(en.contains("  feature #4 (D): Self-intersection at \(Self.crossing)\n"), "\(en)")
        #expect(zh.contains("  要素 #5（E）：是 Point，不是面\n") && zh.contains("  要素 #6（F）：没有几何\n") && zh.contains("  要素 #7（G）：有 NaN 或无穷大坐标\n"), "\(zh)")
        #expect(en.contains("  feature #5 (E): is a Point, not a polygon\n") && en.contains("  feature #6 (F): has no geometry\n")
                && en.contains("  feature #7 (G): has a NaN or infinite coordinate\n"), "\(en)")
    }

    /// `convert` to a boundary-point txt says which features it left out, and why, in both languages.
    @Test func convertSaysWhatItLeftOutInBothLanguages() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try AreaJobTests.makeLayer(in: folder)
        var options = ConvertOptions()
        options.idField = "ZDBH"
        let summary = try ConvertJob.run(try LayerReaders.open(SourceSpec(path: path)), to: folder.appendingPathComponent("t.txt").path, options: options)
        #expect(summary.skipped.map(\.zh) == ["要素 #5（E）：Point 不是地块的面", "要素 #6（F）：没有几何", "要素 #7（G）：有 NaN 或无穷大坐标"])
        #expect(summary.skipped.map(\.en) == ["feature #5 (E): a Point is not a parcel polygon", "feature #6 (F): no geometry",
                                              "feature #7 (G): a NaN or infinite coordinate"])
        // EPSG:4547 is the 3° zone of 114°E: 114 / 3 = zone 38.
        #expect(summary.targetCRS?.zh.hasSuffix("（EPSG:4547），3° 带第 38 带，中央经线 114°E") == true, "\(String(describing: summary.targetCRS))")
        #expect(summary.targetCRS?.en.hasSuffix(" (EPSG:4547), 3° zone 38, central meridian 114°E") == true, "\(String(describing: summary.targetCRS))")
    }
}
