import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import ZoneCalcService

/// The API's checks end to end, in-process: a reviewer submits the sample expansion and gets the
/// verdict the command line gives, with its files; uploads archived unchanged with their checksums.
@Suite struct CheckRouteTests {
    @Test func theSampleExpansionFailsOnR1AndR3AsOnTheCommandLine() async throws {
        let kit = try ServiceTestKit()
        defer { kit.remove() }
        let txt = try Data(contentsOf: ServiceTestKit.sample("kqfw.txt"))
        try await kit.test { client in
            let reviewer = try await ServiceTestKit.signIn(client, "reviewer")
            let submitted = try await ServiceTestKit.submit(client, reviewer.headers, fields: [("zone", "demo")], files: [("pieces", "扩区方案.txt", txt)])
            #expect(submitted.status == .accepted, "\(submitted.json)")
            let id = try #require(((submitted.json["checks"] as? [[String: Any]])?.first?["check"] as? [String: Any])?["id"] as? String)
            let json = try await ServiceTestKit.finished(client, reviewer.headers, id)
            let check = try #require(json["check"] as? [String: Any])
            #expect(check["state"] as? String == "done" && check["verdict"] as? String == "fail" && check["exitStatus"] as? Int == 1, "\(check)")
            // The rules that fail are those `zonecalc proposal check zone.yaml kqfw.txt` reports failed.
            let rules = try #require((json["result"] as? [String: Any])?["rules"] as? [[String: Any]])
            let failed = rules.filter { $0["outcome"] as? String == "fail" }.compactMap { $0["id"] as? String }
            #expect(failed.contains("R1") && failed.contains("R3"), "\(failed)")
            // The upload is kept as it came, under the name the user gave, with its SHA-256.
            let files = try #require(check["files"] as? [[String: Any]])
            let upload = try #require(files.first { $0["kind"] as? String == "upload" })
            #expect(upload["name"] as? String == "扩区方案.txt" && upload["format"] as? String == "txt")
            #expect(upload["sha256"] as? String == RecordStore.sha256(txt))
            let archived = try Data(contentsOf: kit.data.appendingPathComponent("checks/\(id)").appendingPathComponent(upload["stored"] as? String ?? ""))
            #expect(archived == txt)
            // The report and the new boundary download, as recorded.
            let names = files.filter { $0["kind"] as? String == "output" }.compactMap { $0["name"] as? String }
            #expect(names.contains("report.html") && names.contains("new_boundary.txt") && names.contains("report.docx"), "\(names)")
            try await client.execute(uri: "/api/checks/\(id)/files/report.html", method: .get, headers: reviewer.headers) { response in
                #expect(response.status == .ok && response.headers[.contentType]?.hasPrefix("text/html") == true)
                #expect(String(buffer: response.body).contains("R1"))
            }
            try await client.execute(uri: "/api/checks/\(id)/files/../record.sqlite", method: .get, headers: reviewer.headers) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func eachFileIsACheckOfItsOwn() async throws {
        let kit = try ServiceTestKit()
        defer { kit.remove() }
        let files = try ["kqfw.txt", "tqfw.txt"].map { ("pieces", $0, try Data(contentsOf: ServiceTestKit.sample($0))) }
        try await kit.test { client in
            let reviewer = try await ServiceTestKit.signIn(client, "reviewer")
            let submitted = try await ServiceTestKit.submit(client, reviewer.headers, fields: [("zone", "demo"), ("each", "on"), ("language", "en")], files: files)
            let ids = try #require((submitted.json["checks"] as? [[String: Any]])?.compactMap { ($0["check"] as? [String: Any])?["id"] as? String })
            #expect(ids.count == 2)
            var verdicts: [String] = []
            for id in ids { verdicts.append(((try await ServiceTestKit.finished(client, reviewer.headers, id))["check"] as? [String: Any])?["verdict"] as? String ?? "") }
            // As `zonecalc proposal check` gives them: kqfw.txt fails, tqfw.txt passes.
            #expect(Set(verdicts) == ["fail", "pass"], "\(verdicts)")
        }
    }

    /// A client may wait for a check in one request: `wait` answers the moment the check ends, an
    /// unreadable `wait` answers at once, and an unknown check is refused without waiting.
    @Test func oneRequestWaitsForTheCheckToEnd() async throws {
        let kit = try ServiceTestKit()
        defer { kit.remove() }
        let txt = try Data(contentsOf: ServiceTestKit.sample("kqfw.txt"))
        try await kit.test { client in
            let reviewer = try await ServiceTestKit.signIn(client, "reviewer")
            let submitted = try await ServiceTestKit.submit(client, reviewer.headers, fields: [("zone", "demo")], files: [("pieces", "kqfw.txt", txt)])
            let id = try #require(((submitted.json["checks"] as? [[String: Any]])?.first?["check"] as? [String: Any])?["id"] as? String)
            let started = Date()
            let state = try await client.execute(uri: "/api/checks/\(id)?wait=abc", method: .get, headers: reviewer.headers) { response in
                ((try? JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])?["check"] as? [String: Any])?["state"] as? String
            }
            #expect(state == "queued" || state == "running", "answered at once, before the engine is done: \(state ?? "nil")")
            let (check, result) = try await client.execute(uri: "/api/checks/\(id)?wait=60", method: .get, headers: reviewer.headers) { response in
                let json = (try? JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]) ?? [:]
                return (json["check"] as? [String: Any] ?? [:], json["result"] as? [String: Any])
            }
            #expect(check["state"] as? String == "done" && check["verdict"] as? String == "fail" && result != nil, "\(check)")
            #expect(Date().timeIntervalSince(started) < 60, "answered when the check ended, not at the end of the wait")
            try await client.execute(uri: "/api/checks/nonexistent?wait=60", method: .get, headers: reviewer.headers) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func aRestartKeepsTheRecord() async throws {
        let kit = try ServiceTestKit()
        defer { kit.remove() }
        let txt = try Data(contentsOf: ServiceTestKit.sample("tqfw.txt"))
        let id = try await kit.test { client in
            let reviewer = try await ServiceTestKit.signIn(client, "reviewer")
            let submitted = try await ServiceTestKit.submit(client, reviewer.headers, fields: [("zone", "demo")], files: [("pieces", "tqfw.txt", txt)])
            let id = try #require(((submitted.json["checks"] as? [[String: Any]])?.first?["check"] as? [String: Any])?["id"] as? String)
            _ = try await ServiceTestKit.finished(client, reviewer.headers, id)
            return id
        }
        let restarted = try ServiceTestKit(reusing: kit)
        try await restarted.test { client in
            let auditor = try await ServiceTestKit.signIn(client, "auditor")
            try await client.execute(uri: "/api/checks?q=tqfw", method: .get, headers: auditor.headers) { response in
                let list = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: Any]])
                #expect(list.compactMap { ($0["check"] as? [String: Any])?["id"] as? String } == [id])
                #expect((list.first?["check"] as? [String: Any])?["account"] as? String == "reviewer")
            }
        }
    }
}
