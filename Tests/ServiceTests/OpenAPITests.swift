import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ZoneCalcService

/// The API against its OpenAPI document: the document served is the one in the repository; every call
/// it lists answers, without a body and with a made-up id, with a status it documents; each answer of
/// success has the fields its schema requires.
@Suite struct OpenAPITests {
    static let file = ServiceTestKit.root.appendingPathComponent("Sources/ZoneCalcService/Resources/openapi.json")

    /// The schema `value` names, following a `$ref`.
    static func resolve(_ value: Any?, in document: [String: Any]) -> [String: Any]? {
        guard let schema = value as? [String: Any] else { return nil }
        guard let reference = schema["$ref"] as? String else { return schema }
        var node: Any? = document
        for key in reference.dropFirst(2).split(separator: "/") { node = (node as? [String: Any])?[String(key)] }
        return resolve(node, in: document)
    }

    /// The required fields of `schema` missing from `json` (an object, or each object of an array).
    static func missing(_ json: Any, _ schema: [String: Any], in document: [String: Any]) -> [String] {
        if let items = resolve(schema["items"], in: document), let array = json as? [Any] {
            return array.flatMap { missing($0, items, in: document) }
        }
        guard let object = json as? [String: Any] else { return [] }
        var absent = (schema["required"] as? [String] ?? []).filter { object[$0] == nil }
        for (key, property) in schema["properties"] as? [String: Any] ?? [:] {
            if let value = object[key], let propertySchema = resolve(property, in: document) { absent += missing(value, propertySchema, in: document).map { "\(key).\($0)" } }
        }
        return absent
    }

    @Test func everyDocumentedCallAnswersAsDocumented() async throws {
        let kit = try ServiceTestKit()
        defer { kit.remove() }
        let file = try Data(contentsOf: Self.file)
        try await kit.test { client in
            let document = try #require(try JSONSerialization.jsonObject(with: file) as? [String: Any])
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            try await client.execute(uri: "/openapi.json", method: .get) { response in
                #expect(response.status == .ok && Data(buffer: response.body) == file)
            }
            let admin = try await ServiceTestKit.signIn(client, "admin")
            // Signing out last: the session is needed until then.
            let calls = paths.flatMap { path, methods in methods.keys.map { (path, $0) } }.sorted { ($0.1 == "delete" ? 1 : 0, $0.0, $0.1) < ($1.1 == "delete" ? 1 : 0, $1.0, $1.1) }
            #expect(calls.count == 9)
            for (path, method) in calls {
                let operation = try #require(paths[path]?[method] as? [String: Any])
                let responses = try #require(operation["responses"] as? [String: Any])
                let uri = path.replacingOccurrences(of: "{id}", with: "no-such-check").replacingOccurrences(of: "{name}", with: "report.html")
                let status = try await client.execute(uri: uri, method: HTTPRequest.Method(method.uppercased())!, headers: admin.headers) { response in
                    let code = String(response.status.code)
                    #expect(responses[code] != nil, "\(method) \(path) answered \(code), not documented")
                    let json = try? JSONSerialization.jsonObject(with: Data(buffer: response.body))
                    let content = (Self.resolve(responses[code], in: document)?["content"] as? [String: Any])?["application/json"] as? [String: Any]
                    if let json, let schema = Self.resolve(content?["schema"], in: document) {
                        #expect(Self.missing(json, schema, in: document).isEmpty, "\(method) \(path): \(Self.missing(json, schema, in: document))")
                    }
                    return response.status
                }
                #expect(status != .internalServerError, "\(method) \(path)")
            }
        }
    }

    /// A finished check as the API gives it has every field its schema requires, the result included.
    @Test func aFinishedCheckHasTheDocumentedFields() async throws {
        let kit = try ServiceTestKit()
        defer { kit.remove() }
        let file = try Data(contentsOf: Self.file)
        try await kit.test { client in
            let document = try #require(try JSONSerialization.jsonObject(with: file) as? [String: Any])
            let schema = try #require(Self.resolve(["$ref": "#/components/schemas/CheckView"], in: document))
            let reviewer = try await ServiceTestKit.signIn(client, "reviewer")
            let submitted = try await ServiceTestKit.submit(client, reviewer.headers, fields: [("zone", "demo")],
                                                            files: [("pieces", "kqfw.txt", try Data(contentsOf: ServiceTestKit.sample("kqfw.txt")))])
            let id = try #require(((submitted.json["checks"] as? [[String: Any]])?.first?["check"] as? [String: Any])?["id"] as? String)
            let json = try await ServiceTestKit.finished(client, reviewer.headers, id)
            #expect(Self.missing(json, schema, in: document).isEmpty, "\(Self.missing(json, schema, in: document))")
            let states = (Self.resolve(["$ref": "#/components/schemas/Check"], in: document)?["properties"] as? [String: Any])?["state"] as? [String: Any]
            #expect((states?["enum"] as? [String])?.sorted() == CheckState.allCases.map(\.rawValue).sorted())
        }
    }
}
