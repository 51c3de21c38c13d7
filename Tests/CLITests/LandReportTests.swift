import Foundation
import Testing

/// `zonecalc idle`, `standard-land` and `permu` on the sample zone: `--format json` is only JSON on
/// stdout and carries what the reviewed results (GeoData/demo/expected, see GeoData/README.md) and the
/// generator's manifest say; the table speaks the run's language.
@Suite struct LandReportTests {
    static let chinese = "zh_CN.UTF-8"

    struct Manifest: Decodable {
        var planted: [String: [String]]
        var feature_counts: [String: Int]
        var parcel_codes: [String: Int]
        var multi_tenant_parcels: [String]
    }

    static func manifest() throws -> Manifest {
        try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: URL(fileURLWithPath: CLITests.sample("manifest.json"))))
    }

    /// The rows of a CSV file (quoted fields with commas and doubled quotes), by column name.
    static func csv(_ path: String) throws -> [[String: String]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var characters = text.drop { $0 == "\u{FEFF}" }.makeIterator()
        while let character = characters.next() {
            if quoted {
                if character == "\"" {
                    if let next = characters.next() {
                        if next == "\"" { field.append("\"") } else {
                            quoted = false
                            if next == "," { row.append(field); field = "" } else if next.isNewline { row.append(field); rows.append(row); row = []; field = "" }
                        }
                    } else { quoted = false }
                } else { field.append(character) }
            } else if character == "\"" { quoted = true }
            else if character == "," { row.append(field); field = "" }
            else if character.isNewline { row.append(field); rows.append(row); row = []; field = "" }
            else { field.append(character) }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        let header = rows.removeFirst()
        return rows.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    /// Runs `command` on the sample zone with `--format json` (and `-o` a CSV, whose line goes to stderr),
    /// checks stdout is one JSON object and nothing else, and returns it.
    static func json(_ command: String) throws -> [String: Any] {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out.csv").path
        let result = try CLITests.run([command, CLITests.sample("zone.yaml"), "--format", "json", "-o", output])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.hasPrefix("{") && result.out.hasSuffix("}\n"), "stdout is only JSON")
        #expect(result.err.contains("wrote \(output)"), "the file written is listed on stderr: \(result.err)")
        let object = try JSONSerialization.jsonObject(with: Data(result.out.utf8))
        return try #require(object as? [String: Any])
    }

    static func number(_ value: Any?) -> Double? { (value as? NSNumber)?.doubleValue }

    /// Idle: the planted cases of manifest.json by status code; every one of the 331 parcels (manifest)
    /// with its id, area and fee as in the reviewed idle.csv (fees there checked against 20 % of TDJG).
    @Test func idleJSONHasThePlantedCasesAndTheReviewedFigures() throws {
        let manifest = try Self.manifest()
        let json = try Self.json("idle")
        let parcels = try #require(json["parcels"] as? [[String: Any]])
        #expect(parcels.count == manifest.feature_counts["zd"])
        func ids(_ status: String) -> Set<String> { Set(parcels.filter { $0["status"] as? String == status }.compactMap { $0["id"] as? String }) }
        #expect(ids("idle_fee") == Set(manifest.planted["not_started_overdue_1_to_2_years"]!))
        #expect(ids("idle_recover") == Set(manifest.planted["not_started_overdue_2_years_or_more"]!))
        #expect(ids("idle_stalled") == Set(manifest.planted["started_stalled"]!))
        #expect(ids("within_grace").union(ids("not_due")) == Set(manifest.planted["not_started_within_grace_or_not_yet_due"]!))
        let reviewed = try Self.csv(CLITests.sample("expected/idle.csv"))
        #expect(reviewed.count == parcels.count)
        // The reviewed file holds the figures rounded as the terminal shows them: m² and 万元 to 2 decimals.
        for (row, parcel) in zip(reviewed, parcels) {
            #expect(parcel["id"] as? String == row["parcel ID"] && parcel["status"] as? String == row["status code"])
            #expect(abs(Self.number(parcel["squareMetres"])! - Double(row["area (m²)"]!)!) <= 0.005 + 1e-9, "\(row["parcel ID"]!)")
            let fee = Self.number(parcel["feeWanYuan"])
            #expect((fee == nil) == row["idle fee (10k yuan)"]!.isEmpty)
            if let fee { #expect(abs(fee - Double(row["idle fee (10k yuan)"]!)!) <= 0.005 + 1e-9, "\(row["parcel ID"]!)") }
            let reason = try #require(parcel["reason"] as? [String: String])
            #expect(reason["zh"]?.isEmpty == false && reason["en"]?.isEmpty == false)
        }
        let idleRows = reviewed.filter { $0["idle"] == "yes" }
        let idleArea = idleRows.reduce(0) { $0 + Double($1["area (m²)"]!)! }
        let idle = try #require(json["idle"] as? [String: Any])
        #expect(idle["parcels"] as? Int == idleRows.count)
        #expect(abs(Self.number(idle["squareMetres"])! - idleArea) <= 0.005 * Double(idleRows.count) + 1e-6)
        let totals = try #require(json["totals"] as? [[String: Any]])
        #expect(totals.reduce(0) { $0 + ($1["parcels"] as? Int ?? 0) } == parcels.count)
        let rules = try #require(json["rules"] as? [String: Any])
        #expect((rules["document"] as? String)?.contains("国土资源部令第53号") == true)
        #expect(Self.number(rules["idleFeeShare"]) == 0.2, "idle-land.yaml: idle_fee_share 0.20")
    }

    /// Standard land: the 224 industrial parcels (manifest: 0508 and 0601, both A2), every check as in the
    /// reviewed standard-land.csv, the national 建筑系数 threshold of 30 % (standard-land.yaml).
    @Test func standardLandJSONHasTheReviewedChecks() throws {
        let manifest = try Self.manifest()
        let json = try Self.json("standard-land")
        let parcels = try #require(json["parcels"] as? [[String: Any]])
        #expect(parcels.filter { $0["industrial"] as? Bool == true }.count == manifest.parcel_codes["0508"]! + manifest.parcel_codes["0601"]!)
        // The reviewed file has one row per parcel, each indicator's agreed and achieved values rounded to
        // 2 decimals as on the terminal, and its outcome (with a checkpoint not due said).
        let reviewed = Dictionary(uniqueKeysWithValues: try Self.csv(CLITests.sample("expected/standard-land.csv")).map { ($0["parcel ID"]!, $0) })
        let checks = parcels.flatMap { parcel in (parcel["checks"] as? [[String: Any]] ?? []).map { (parcel["id"] as? String ?? "", $0) } }
        #expect(Set(checks.map(\.0)) == Set(reviewed.keys))
        for (id, check) in checks {
            let row = try #require(reviewed[id]), indicator = try #require(check["indicator"] as? String)
            func column(_ suffix: String) -> String? { row.first { $0.key.hasPrefix("\(indicator) \(suffix)") }?.value }
            let outcome = try #require(column("outcome"))
            #expect(outcome.hasPrefix(check["outcome"] as? String ?? "?") && outcome.contains("not due") == (check["due"] as? Bool == false), "\(id) \(indicator)")
            #expect(abs(Self.number(check["agreed"])! - Double(column("agreed")!)!) <= 0.005 + 1e-9)
            let achieved = Self.number(check["achieved"])
            #expect((achieved == nil) == column("achieved")!.isEmpty, "\(id)")
            if let achieved { #expect(abs(achieved - Double(column("achieved")!)!) <= 0.005 + 1e-9, "\(id)") }
        }
        let coverage = checks.map(\.1).filter { $0["indicator"] as? String == "building_coverage" }
        #expect(!coverage.isEmpty && coverage.allSatisfy { Self.number($0["agreed"]) == 30 })
    }

    /// Per mu: the shared parcels of manifest.json split by qyxx.csv's YDFE; every enterprise's rank,
    /// score and class as in the reviewed permu-enterprises.csv (figures there checked against the attribute sums).
    @Test func perMuJSONHasTheSharesAndTheReviewedRanking() throws {
        let manifest = try Self.manifest()
        let json = try Self.json("permu")
        let parcels = try #require(json["parcels"] as? [[String: Any]])
        let shared = parcels.filter { ($0["users"] as? [Any])?.count ?? 0 > 1 }
        #expect(shared.compactMap { $0["id"] as? String } == manifest.multi_tenant_parcels)
        let tenants = try Self.csv(CLITests.sample("qyxx.csv"))
        for parcel in shared {
            let users = parcel["users"] as? [[String: Any]] ?? []
            let rows = tenants.filter { $0["ZDBH"] == parcel["id"] as? String }
            #expect(users.compactMap { $0["enterprise"] as? String } == rows.map { $0["QYDM"]! })
            #expect(users.compactMap { Self.number($0["share"]) } == rows.map { Double($0["YDFE"]!)! })
        }
        let reviewed = try Self.csv(CLITests.sample("expected/permu-enterprises.csv"))
        let enterprises = try #require(json["enterprises"] as? [[String: Any]])
        #expect(enterprises.count == reviewed.count)
        for (row, enterprise) in zip(reviewed, enterprises) {
            #expect(enterprise["id"] as? String == row["enterprise ID"])
            #expect((enterprise["rank"] as? Int).map(String.init) ?? "" == row["rank"])
            #expect((enterprise["class"] as? String) ?? "" == row["class"])
            let score = Self.number(enterprise["score"])
            #expect((score == nil) == row["score"]!.isEmpty)
            if let score { #expect(abs(score - Double(row["score"]!)!) <= 0.005 + 1e-9, "\(row["enterprise ID"]!)") }
            let land = Self.number((enterprise["figures"] as? [String: Any])?["landMu"])
            #expect(abs(land! - Double(row["land (mu)"]!)!) <= 0.00005 + 1e-9)   // rounded to 4 decimals as on the terminal
        }
        let zone = try #require(json["zoneFigures"] as? [String: Any])
        #expect(zone["evaluatedEnterprises"] as? Int == reviewed.filter { !$0["score"]!.isEmpty }.count)
        let profile = try #require(json["profile"] as? [String: Any])
        #expect((profile["document"] as? String)?.contains("台州市黄岩区") == true)
    }

    /// The tables in Chinese: Chinese headings and status names, no stable codes; in English: English
    /// headings and the stable codes.
    @Test(arguments: [("idle", ["状态", "宗数", "公顷", "闲置费（万元）", "条款", "宗地编号", "闲置年限", "原因", "闲置满两年（无偿收回）", "未动工；约定开工日期"],
                       ["status", "parcels", "idle_recover", "not started"], ["idle_recover", "parcels", "reason"]),
                      ("standard-land", ["指标", "复核节点", "达标", "未达标", "宗地编号", "竣工验收", "约定值来源", "国家标准："],
                       ["indicator", "checkpoint", "completion", "national: "], ["checkpoint", "national: ", "completion"]),
                      ("permu", ["指标", "排名", "企业名称", "得分", "类别", "亩均税收", "未评分", "说明"],
                       ["indicator", "rank", "tax_per_mu", "Not scored", "Notes"], ["tax_per_mu", "Not scored", "rank"])])
    func tablesSpeakTheRunsLanguage(command: String, chinese: [String], english: [String], notInChinese: [String]) throws {
        let zh = try CLITests.run([command, CLITests.sample("zone.yaml")], language: Self.chinese)
        #expect(zh.status == 0, "\(zh.err)")
        for text in chinese { #expect(zh.out.contains(text), "\(command): \(text) missing from the Chinese table") }
        for text in notInChinese { #expect(!zh.out.contains(text), "\(command): \(text) in the Chinese table") }
        let en = try CLITests.run([command, CLITests.sample("zone.yaml"), "--lang", "en"], language: Self.chinese)
        #expect(en.status == 0, "\(en.err)")
        for text in english { #expect(en.out.contains(text), "\(command): \(text) missing from the English table") }
        for text in ["宗数", "复核节点", "企业名称", "闲置年限", "未评分"] { #expect(!en.out.contains(text), "\(command): \(text) in the English table") }
    }
}
