import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import ZoneCalcService

/// The service as an administrator runs it: `zonecalc-serve add-account` makes the accounts, `zonecalc-serve
/// run` listens on 127.0.0.1 at a free port, a client over real sockets signs in, submits the sample
/// expansion, polls it to 不符合 and downloads the new boundary; SIGTERM stops it, and the record stays.
@Suite struct LiveServiceTests {
    static var serve: String { (ServiceTestKit.engine as NSString).deletingLastPathComponent + "/zonecalc-serve" }

    /// A port no one listens on now, from the system.
    static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in(sin_family: sa_family_t(AF_INET), sin_port: 0, sin_addr: in_addr(s_addr: inet_addr("127.0.0.1")), sin_zero: (0, 0, 0, 0, 0, 0, 0, 0))
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0 }
        }
        guard bound else { throw CocoaError(.fileReadUnknown) }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func request(_ url: String, method: String = "GET", headers: [String: String] = [:], body: Data? = nil) async throws -> (status: Int, body: Data) {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = body
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }

    @Test func theServiceRunsOnLoopbackAndKeepsItsRecord() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zonecalc-live-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let projects = folder.appendingPathComponent("projects"), data = folder.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: projects, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: projects.appendingPathComponent("demo"), withDestinationURL: ServiceTestKit.sample(""))
        // The first account, its password on standard input.
        let add = Process()
        add.executableURL = URL(fileURLWithPath: Self.serve)
        add.arguments = ["add-account", "reviewer", "--role", "reviewer", "--data", data.path]
        let input = Pipe()
        add.standardInput = input
        add.standardOutput = FileHandle.nullDevice
        try add.run()
        input.fileHandleForWriting.write(Data((ServiceTestKit.password + "\n").utf8))
        try input.fileHandleForWriting.close()
        add.waitUntilExit()
        #expect(add.terminationStatus == 0)

        let port = try Self.freePort()
        let server = Process()
        server.executableURL = URL(fileURLWithPath: Self.serve)
        server.arguments = ["run", "--projects", projects.path, "--data", data.path, "--port", String(port), "--no-pdf", "--engine", ServiceTestKit.engine]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { if server.isRunning { server.terminate(); server.waitUntilExit() } }
        let base = "http://127.0.0.1:\(port)"
        var up = false
        for _ in 0..<300 where !up {
            up = (try? await Self.request(base + "/login"))?.status == 200
            if !up { try await Task.sleep(nanoseconds: 100_000_000) }
        }
        try #require(up, "the service answers on 127.0.0.1:\(port)")

        let credentials = try JSONSerialization.data(withJSONObject: ["name": "reviewer", "password": ServiceTestKit.password])
        let signedIn = try await Self.request(base + "/api/sessions", method: "POST", headers: ["Content-Type": "application/json"], body: credentials)
        #expect(signedIn.status == 201)
        let token = try #require((try JSONSerialization.jsonObject(with: signedIn.body) as? [String: Any])?["token"] as? String)
        let bearer = ["Authorization": "Bearer \(token)"]
        let form = ServiceTestKit.form([("zone", "demo")], files: [("pieces", "kqfw.txt", try Data(contentsOf: ServiceTestKit.sample("kqfw.txt")))])
        let submitted = try await Self.request(base + "/api/checks", method: "POST", headers: bearer.merging(["Content-Type": form.contentType]) { $1 },
                                               body: Data(buffer: form.body))
        #expect(submitted.status == 202)
        let id = try #require((((try JSONSerialization.jsonObject(with: submitted.body) as? [String: Any])?["checks"] as? [[String: Any]])?.first?["check"] as? [String: Any])?["id"] as? String)
        var check: [String: Any] = [:]
        for _ in 0..<1200 {
            check = ((try JSONSerialization.jsonObject(with: try await Self.request(base + "/api/checks/\(id)", headers: bearer).body) as? [String: Any])?["check"] as? [String: Any]) ?? [:]
            if let state = check["state"] as? String, state != "queued", state != "running" { break }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        #expect(check["state"] as? String == "done" && check["verdict"] as? String == "fail", "\(check)")
        let boundary = try await Self.request(base + "/api/checks/\(id)/files/new_boundary.txt", headers: bearer)
        #expect(boundary.status == 200 && String(decoding: boundary.body, as: UTF8.self).contains("J1"))

        // SIGTERM stops it; the record stays in the data folder.
        server.terminate()
        server.waitUntilExit()
        let store = try RecordStore(folder: data)
        #expect(try store.check(id)?.verdict == "fail")
    }
}
