import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import ZoneCalcService

/// What happens to a check that does not end by itself: stopped at its time limit with its whole
/// process group and recorded as timed out; left running by a service that stopped, and run again
/// from its archived uploads when the service starts again.
@Suite struct CheckLifecycleTests {
    /// An engine that starts a child, writes both their process ids into `pids` and sleeps; told to
    /// stop by SIGTERM, it writes TERM into `pids.term`.
    static func sleepingEngine(in folder: URL, pids: URL) throws -> String {
        let script = folder.appendingPathComponent("sleeping-engine.sh")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("#!/bin/sh\ntrap 'echo TERM > \"\(pids.path).term\"; exit 143' TERM\nsleep 600 &\necho $$ $! > '\(pids.path)'\nwait\n".utf8).write(to: script)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        return script.path
    }

    /// Whether `pid` runs (a zombie, ended but not yet reaped by whoever adopted it, does not).
    static func isAlive(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let end = stat.lastIndex(of: ")") else { return false }
        return stat[stat.index(end, offsetBy: 2)] != "Z"
    }

    static func submitKqfw(_ client: some TestClientProtocol) async throws -> (headers: HTTPFields, id: String) {
        let reviewer = try await ServiceTestKit.signIn(client, "reviewer")
        let submitted = try await ServiceTestKit.submit(client, reviewer.headers, fields: [("zone", "demo")],
                                                        files: [("pieces", "kqfw.txt", try Data(contentsOf: ServiceTestKit.sample("kqfw.txt")))])
        let id = try #require(((submitted.json["checks"] as? [[String: Any]])?.first?["check"] as? [String: Any])?["id"] as? String)
        return (reviewer.headers, id)
    }

    @Test func aCheckPastItsTimeLimitIsStoppedWithItsChildren() async throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("zonecalc-limit-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let pids = scratch.appendingPathComponent("pids")
        var engine = CheckEngine(executable: try Self.sleepingEngine(in: scratch, pids: pids))
        engine.timeLimit = 1
        let kit = try ServiceTestKit(engine: engine)
        defer { kit.remove() }
        try await kit.test { client in
            let (headers, id) = try await Self.submitKqfw(client)
            let json = try await ServiceTestKit.finished(client, headers, id)
            // It heard SIGTERM (which lets zonecalc remove its unfinished outputs), though the test process ignores it.
            #expect(try String(contentsOf: pids.appendingPathExtension("term"), encoding: .utf8).hasPrefix("TERM"))
            let check = try #require(json["check"] as? [String: Any])
            #expect(check["state"] as? String == "timed_out" && check["verdict"] == nil && (check["message"] as? String)?.contains("1 s") == true, "\(check)")
            let ids = try String(contentsOf: pids, encoding: .utf8).split(separator: " ").compactMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            #expect(ids.count == 2 && !ids.contains(where: Self.isAlive), "the engine and the child it started are gone: \(ids)")
        }
    }

    @Test func aCheckLeftRunningByAStopRunsAgainAtTheNextStart() async throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("zonecalc-restart-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let pids = scratch.appendingPathComponent("pids")
        let stopped = try ServiceTestKit(engine: CheckEngine(executable: try Self.sleepingEngine(in: scratch, pids: pids)))
        defer { stopped.remove() }
        let (_, id) = try await stopped.test { client in try await Self.submitKqfw(client) }
        for _ in 0..<300 where !FileManager.default.fileExists(atPath: pids.path) { try await Task.sleep(nanoseconds: 100_000_000) }
        #expect(try stopped.service.store.check(id)?.state == .running)
        // The service is gone while its check runs (as after a power cut); the next one, on the same data, runs it again.
        let restarted = try ServiceTestKit(reusing: stopped)
        try await restarted.service.resume()
        try await restarted.test { client in
            let reviewer = try await ServiceTestKit.signIn(client, "reviewer")
            let check = try #require((try await ServiceTestKit.finished(client, reviewer.headers, id))["check"] as? [String: Any])
            #expect(check["state"] as? String == "done" && check["verdict"] as? String == "fail", "\(check)")
        }
        // The first service's engine, which stood for the process a power cut ends, is ended.
        let group = try #require(pid_t(try String(contentsOf: pids, encoding: .utf8).split(separator: " ").first ?? ""))
        kill(-group, SIGKILL)
        for _ in 0..<300 where try stopped.service.store.check(id)?.state == .running { try await Task.sleep(nanoseconds: 100_000_000) }
    }
}
