import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import ZoneCalcService

/// A service over the sample zone in a new data folder, with an account of each role, and the
/// helpers the route tests share.
struct ServiceTestKit {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func sample(_ name: String) -> URL { root.appendingPathComponent("GeoData/demo/\(name)") }
    static let password = "correct horse battery"

    /// The built `zonecalc`, as the CLI tests find it.
    static var engine: String {
        var url = Bundle.main.bundleURL
        while url.pathComponents.count > 1, !FileManager.default.fileExists(atPath: url.appendingPathComponent("zonecalc").path) {
            url.deleteLastPathComponent()
        }
        return url.appendingPathComponent("zonecalc").path
    }

    let folder: URL
    let service: CheckService
    /// Where the pages look for Leaflet: a folder that is not there unless a test gives one (the static map).
    var mapLibrary: MapLibrary

    var data: URL { folder.appendingPathComponent("data") }

    /// A new service; `reusing` another's data folder is a restart; `engine` replaces the `zonecalc` it runs.
    init(reusing other: ServiceTestKit? = nil, limits: UploadLimits = UploadLimits(), capacity: Int = 64, engine given: CheckEngine? = nil) throws {
        if let other {
            folder = other.folder
        } else {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("zonecalc-service-\(UUID().uuidString)")
            let projects = folder.appendingPathComponent("projects")
            try FileManager.default.createDirectory(at: projects, withIntermediateDirectories: true)
            // The sample zone as served, through a link: the service never writes to a project.
            try FileManager.default.createSymbolicLink(at: projects.appendingPathComponent("demo"), withDestinationURL: Self.sample(""))
        }
        let store = try RecordStore(folder: folder.appendingPathComponent("data"))
        if other == nil {
            for role in Role.allCases { try store.addAccount(name: role.rawValue, role: role, password: Self.password) }
        }
        var engine = given ?? CheckEngine(executable: Self.engine)
        engine.pdf = false
        mapLibrary = MapLibrary(folder: folder.appendingPathComponent("no-leaflet"))
        service = CheckService(store: store, catalog: ZoneCatalog(folder: folder.appendingPathComponent("projects")), engine: engine,
                               limits: limits, capacity: capacity)
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    /// Runs `body` against the service's routes, in-process.
    func test<Value>(_ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        try await Application(router: ServiceApplication.router(service, mapLibrary: mapLibrary)).test(.router, body)
    }

    /// Signs `name` in and returns the bearer header and the session's CSRF token.
    static func signIn(_ client: some TestClientProtocol, _ name: String) async throws -> (headers: HTTPFields, token: String, csrf: String) {
        let body = try JSONSerialization.data(withJSONObject: ["name": name, "password": password])
        let json = try await client.execute(uri: "/api/sessions", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(bytes: body)) { response in
            #expect(response.status == .created)
            return try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any] ?? [:]
        }
        let token = json["token"] as? String ?? ""
        return ([.authorization: "Bearer \(token)"], token, json["csrf"] as? String ?? "")
    }

    /// A `multipart/form-data` body of text fields and files (field, file name, bytes).
    static func form(_ fields: [(String, String)], files: [(String, String, Data)]) -> (contentType: String, body: ByteBuffer) {
        let boundary = "zonecalc-test-\(UUID().uuidString)"
        var data = Data()
        for (name, value) in fields {
            data.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        for (field, name, bytes) in files {
            data.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(name)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8))
            data.append(bytes)
            data.append(Data("\r\n".utf8))
        }
        data.append(Data("--\(boundary)--\r\n".utf8))
        return ("multipart/form-data; boundary=\(boundary)", ByteBuffer(bytes: data))
    }

    /// Submits a form to `/api/checks` and returns the status and the JSON answer.
    static func submit(_ client: some TestClientProtocol, _ headers: HTTPFields, fields: [(String, String)], files: [(String, String, Data)]) async throws
        -> (status: HTTPResponse.Status, json: [String: Any]) {
        let form = form(fields, files: files)
        var headers = headers
        headers[.contentType] = form.contentType
        return try await client.execute(uri: "/api/checks", method: .post, headers: headers, body: form.body) { response in
            (response.status, (try? JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]) ?? [:])
        }
    }

    /// Polls check `id` until it is final and returns its JSON.
    static func finished(_ client: some TestClientProtocol, _ headers: HTTPFields, _ id: String) async throws -> [String: Any] {
        for _ in 0..<1200 {
            let json = try await client.execute(uri: "/api/checks/\(id)", method: .get, headers: headers) { response in
                (try? JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]) ?? [:]
            }
            let state = (json["check"] as? [String: Any])?["state"] as? String
            if let state, ["done", "failed", "timed_out"].contains(state) { return json }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        Issue.record("check \(id) did not finish")
        return [:]
    }
}

extension Data {
    init(buffer: ByteBuffer) { self.init(buffer.readableBytesView) }
}
