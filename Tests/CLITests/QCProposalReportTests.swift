import Foundation
import Testing

/// `zonecalc qc` and `zonecalc proposal check` with `--format json` (stdout only JSON, the written files
/// on stderr, the exit status unchanged) and their tables in the run's language.
@Suite struct QCProposalReportTests {
    /// stdout parsed as one JSON object: anything else on it fails the parse.
    static func json(_ out: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any], "stdout is not a JSON object: \(out)")
    }

    /// The hand-made layer of ``QCFindingLayersTests`` (A1 and A2 share a 50 m × 50 m corner, A3 is a bow
    /// tie, there is no land-use field) checked in `language`, with `arguments` added.
    func qc(_ arguments: [String], language: String = "en_US.UTF-8", in folder: URL) throws
        -> (status: Int32, out: String, err: String, reason: Process.TerminationReason) {
        let input = folder.appendingPathComponent("parcels.geojson")
        if !FileManager.default.fileExists(atPath: input.path) { try Data(QCFindingLayersTests.parcels.utf8).write(to: input) }
        return try CLITests.run(["qc", input.path, "--crs", "EPSG:4528"] + arguments, language: language)
    }

    @Test func qcJSONGivesTheCountsAndEveryFindingOfTheHandMadeLayer() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try qc(["--format", "json", "-o", folder.appendingPathComponent("findings.csv").path], in: folder)
        #expect(result.status == 1, "errors reach the default --fail-on error: \(result.err)")
        let document = try Self.json(result.out)
        #expect(result.err.contains("findings.csv"), "the written file is listed on stderr: \(result.err)")
        #expect(document["featureCount"] as? Int == 3 && document["crs"] as? String == "EPSG:4528")
        #expect(document["method"] as? String == "ellipsoidal", "declared areas are compared with the ellipsoidal area by default")
        #expect(document["total"] as? Int == 3)
        #expect(document["bySeverity"] as? [String: Int] == ["error": 3, "warning": 0, "info": 0])
        let byCode = try #require(document["byCode"] as? [[String: Any]])
        #expect(byCode.map { $0["code"] as? String } == ["A01", "G01", "T01"])
        #expect(byCode.first { $0["code"] as? String == "T01" }?["features"] as? Int == 2, "the overlap concerns A1 and A2")
        let findings = try #require(document["findings"] as? [[String: Any]])
        // Layer findings first, then in layer order: the missing field, A1's overlap, A3's self-intersection.
        #expect(findings.map { $0["code"] as? String } == ["A01", "T01", "G01"])
        let missing = findings[0]
        #expect(missing["position"] == nil && missing["severity"] as? String == "error")
        #expect((missing["message"] as? [String: String])?["en"]?.contains("land_use") == true)
        let overlap = findings[1]
        #expect(overlap["position"] as? Int == 1 && overlap["id"] as? String == "A1")
        #expect(overlap["otherPosition"] as? Int == 2 && overlap["otherId"] as? String == "A2")
        let area = try #require(overlap["value"] as? Double)
        #expect(abs(area - 2_500) < 1e-6, "50 m × 50 m")
        let point = try #require(overlap["location"] as? [String: Double])
        // A point of the shared corner square x 40 500 050–40 500 100, y 3 500 050–3 500 100.
        #expect((40_500_050...40_500_100).contains(point["x"]!) && (3_500_050...3_500_100).contains(point["y"]!), "\(point)")
        let crossing = findings[2]
        #expect(crossing["position"] as? Int == 3 && crossing["id"] as? String == "A3" && crossing["fid"] as? Int == 2)
        // The bow tie's diagonals (40 501 000, 3 500 000)–(40 501 100, 3 500 100) and (40 501 100, 3 500 000)–(40 501 000, 3 500 100) cross at their middle.
        #expect(crossing["location"] as? [String: Double] == ["x": 40_501_050, "y": 3_500_050])
        let message = try #require(crossing["message"] as? [String: String])
        #expect(message["en"]?.contains("Self-intersection") == true && message["zh"]?.contains("自相交") == true)
    }

    @Test func qcJSONOnTheSampleFindsThePlantedDeclaredAreasAndKeepsTheExitStatus() throws {
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: CLITests.sample("manifest.json")))) as? [String: Any])
        let planted = try #require((manifest["planted"] as? [String: [String]])?["sbmj_mismatch_over_5pct"])
        let clean = try CLITests.run(["qc", CLITests.sample("zone.yaml"), "--format", "json"])
        #expect(clean.status == 0, "warnings only: \(clean.err)")
        let document = try Self.json(clean.out)
        #expect((document["bySeverity"] as? [String: Int])?["error"] == 0)
        let findings = try #require(document["findings"] as? [[String: Any]])
        let declared = findings.filter { $0["code"] as? String == "A04" }
        #expect(Set(declared.compactMap { $0["id"] as? String }) == Set(planted) && declared.count == planted.count)
        #expect(declared.allSatisfy { $0["severity"] as? String == "warning" })
        let strict = try CLITests.run(["qc", CLITests.sample("zone.yaml"), "--format", "json", "--fail-on", "warning"])
        #expect(strict.status == 1)
        #expect(try Self.json(strict.out)["total"] as? Int == findings.count)
    }

    @Test func qcTablesSpeakTheRunsLanguage() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let zh = try qc([], language: CommandLineLanguageTests.chinese, in: folder)
        #expect(zh.status == 1)
        for text in ["质检：", "坐标系：", "检查项", "严重程度", "宗地重叠", "几何无效", "必填字段缺失或为空", "错误：3", "重叠 2500.00 平方米", "自相交，位置 (40501050.000, 3500050.000)", "T01", "G01", "A01"] {
            #expect(zh.out.contains(text), "\(text): \(zh.out)")
        }
        for text in ["severity", "parcels overlap", "error", "overlap by"] { #expect(!zh.out.contains(text), "\(text): \(zh.out)") }
        let en = try qc([], in: folder)
        #expect(en.status == 1)
        for text in ["QC: ", "CRS: ", "check", "severity", "parcels overlap", "invalid geometry", "error: 3", "overlap by 2500.00 m²", "T01"] {
            #expect(en.out.contains(text), "\(text): \(en.out)")
        }
        for text in ["错误", "宗地重叠", "检查项", "平方米"] { #expect(!en.out.contains(text), "\(text): \(en.out)") }
    }

    /// The sample expansion fails (2.34 ha of basic farmland, about 44 ha outside the urban boundary,
    /// GeoData/README.md), the sample adjustment passes with the same area, and the approved boundary
    /// given as an expansion adds nothing: it needs review (exit 2).
    @Test func proposalJSONGivesTheVerdictTheRulesAndTheirFigures() throws {
        let expansion = try CLITests.run(["proposal", "check", CLITests.sample("zone.yaml"), CLITests.sample("kqfw.txt"), "--format", "json"])
        #expect(expansion.status == 1, "\(expansion.err)")
        let document = try Self.json(expansion.out)
        #expect(document["verdict"] as? String == "fail" && document["kind"] as? String == "expansion")
        let rules = try #require(document["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == (1...10).map { "R\($0)" })
        func rule(_ id: String) -> [String: Any] { rules.first { $0["id"] as? String == id } ?? [:] }
        #expect(rule("R1")["outcome"] as? String == "fail" && rule("R3")["outcome"] as? String == "fail")
        #expect(rule("R2")["outcome"] as? String == "pass" && rule("R6")["outcome"] as? String == "not_applicable")
        let farmland = try #require((rule("R1")["figures"] as? [String: Double])?["overlapSquareMetres"])
        #expect(abs(farmland / 10_000 - 2.34) < 0.01, "\(farmland)")
        let outside = try #require((rule("R3")["figures"] as? [String: Double])?["outsideSquareMetres"])
        #expect(abs(outside / 10_000 - 44) < 0.5, "\(outside)")
        #expect((rule("R1")["pieces"] as? [Any])?.count == 1)
        // R1–R3 cite the 2019 guideline on the three control lines.
        for id in ["R1", "R2", "R3"] { #expect((rule(id)["documents"] as? String)?.contains("三条控制线") == true, "\(id)") }
        #expect(rules.allSatisfy { !(($0["documents"] as? String) ?? "").isEmpty })
        #expect(((rule("R1")["reason"] as? [String: String])?["zh"])?.contains("永久基本农田") == true)

        let adjustment = try CLITests.run(["proposal", "check", CLITests.sample("zone.yaml"), "--role", "adjustment", "--format", "json"])
        #expect(adjustment.status == 0, "\(adjustment.err)")
        let kept = try Self.json(adjustment.out)
        #expect(kept["verdict"] as? String == "pass" && kept["kind"] as? String == "adjustment")
        let change = try #require(((kept["rules"] as? [[String: Any]])?.first { $0["id"] as? String == "R6" }?["figures"] as? [String: Double])?["changeSquareMetres"])
        #expect(abs(change) < 1, "an adjustment keeps the approved area")

        let nothing = try CLITests.run(["proposal", "check", CLITests.sample("zone.yaml"), CLITests.sample("kfqfw.txt"), "--format", "json"])
        #expect(nothing.status == 2, "\(nothing.err)")
        let review = try Self.json(nothing.out)
        #expect(review["verdict"] as? String == "needs_review")
        #expect(((review["areas"] as? [String: Any])?["added"] as? [String: Double])?["planarSquareMetres"] ?? 1 < 1)
    }

    @Test func proposalJSONListsTheWrittenFolderOnStderr() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("kq").path
        let result = try CLITests.run(["proposal", "check", CLITests.sample("zone.yaml"), CLITests.sample("kqfw.txt"), "--format", "json", "-o", out])
        #expect(result.status == 1)
        #expect(try Self.json(result.out)["verdict"] as? String == "fail")
        #expect(result.err.contains("report.html"), "\(result.err)")
    }

    @Test func proposalTablesSpeakTheRunsLanguage() throws {
        let arguments = ["proposal", "check", CLITests.sample("zone.yaml"), CLITests.sample("kqfw.txt")]
        let zh = try CLITests.run(arguments, language: CommandLineLanguageTests.chinese)
        #expect(zh.status == 1)
        for text in ["结论：不符合", "坐标系：", "审查内容", "不占用永久基本农田", "不适用", "无法检查", "冲突图斑", "城镇开发边界外"] {
            #expect(zh.out.contains(text), "\(text): \(zh.out)")
        }
        for text in ["Verdict", "CRS:", "not applicable", "outside the urban development boundary"] { #expect(!zh.out.contains(text), "\(text): \(zh.out)") }
        let en = try CLITests.run(arguments)
        #expect(en.status == 1)
        for text in ["Verdict: fail", "CRS: ", "no permanent basic farmland", "not applicable", "not checked", "Conflict pieces",
                     "permanent basic farmland", "outside the urban development boundary"] {
            #expect(en.out.contains(text), "\(text): \(en.out)")
        }
        for text in ["结论", "不符合", "坐标系：", "不适用", "需人工复核"] { #expect(!en.out.contains(text), "\(text): \(en.out)") }
        // The approved boundary given as an expansion adds nothing: 需人工复核 (exit 2).
        let nothing = ["proposal", "check", CLITests.sample("zone.yaml"), CLITests.sample("kfqfw.txt")]
        let review = try CLITests.run(nothing, language: CommandLineLanguageTests.chinese)
        #expect(review.status == 2 && review.out.contains("结论：需人工复核"), "\(review.out)")
        let reviewEn = try CLITests.run(nothing)
        #expect(reviewEn.status == 2 && reviewEn.out.contains("Verdict: needs review"), "\(reviewEn.out)")
    }
}
