import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ZoneCalcService

/// Who may do what: no session, a wrong password, a role that may not, a form through the cookie
/// without its CSRF token; another reviewer's check is not found.
@Suite struct AccessTests {
    @Test func everyCallNeedsTheRightSessionAndRole() async throws {
        let kit = try ServiceTestKit()
        defer { kit.remove() }
        try await kit.test { client in
            try await client.execute(uri: "/api/zones", method: .get) { response in
                #expect(response.status == .unauthorized && String(buffer: response.body).contains("请先登录"))
            }
            try await client.execute(uri: "/api/zones?lang=en", method: .get, headers: [.authorization: "Bearer forged"]) { response in
                #expect(response.status == .unauthorized && String(buffer: response.body).contains("sign in"))
            }
            let wrong = try JSONSerialization.data(withJSONObject: ["name": "reviewer", "password": "not the password"])
            try await client.execute(uri: "/api/sessions", method: .post, body: ByteBuffer(bytes: wrong)) { response in
                #expect(response.status == .unauthorized && String(buffer: response.body).contains("wrong_password"))
            }
            let auditor = try await ServiceTestKit.signIn(client, "auditor")
            try await client.execute(uri: "/api/zones", method: .get, headers: auditor.headers) { response in
                let zones = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: Any]])
                #expect(zones.map { $0["id"] as? String } == ["demo"] && (zones.first?["layers"] as? [Any])?.isEmpty == false)
            }
            let submitted = try await ServiceTestKit.submit(client, auditor.headers, fields: [("zone", "demo")], files: [("pieces", "a.txt", Data("x".utf8))])
            #expect(submitted.status == .forbidden, "an auditor sees checks but submits none")
            let reviewer = try await ServiceTestKit.signIn(client, "reviewer")
            try await client.execute(uri: "/api/accounts", method: .get, headers: reviewer.headers) { response in
                #expect(response.status == .forbidden)
            }
            // Through the cookie, a call that changes something needs the session's CSRF token.
            let cookie: HTTPFields = [.cookie: "zonecalc_session=\(reviewer.token)"]
            let noToken = try await ServiceTestKit.submit(client, cookie, fields: [("zone", "demo")], files: [])
            #expect(noToken.status == .forbidden && (noToken.json["error"] as? [String: Any])?["code"] as? String == "csrf")
            var withToken = cookie
            withToken[HTTPField.Name("X-CSRF-Token")!] = reviewer.csrf
            let empty = try await ServiceTestKit.submit(client, withToken, fields: [("zone", "demo")], files: [])
            #expect(empty.status == .badRequest, "past the CSRF check, an upload without files is refused: \(empty.json)")
            // An administrator makes accounts; a second reviewer does not see the first one's checks.
            let admin = try await ServiceTestKit.signIn(client, "admin")
            var json = admin.headers
            json[.contentType] = "application/json"
            let account = try JSONSerialization.data(withJSONObject: ["name": "reviewer2", "role": "reviewer", "password": ServiceTestKit.password])
            try await client.execute(uri: "/api/accounts", method: .post, headers: json, body: ByteBuffer(bytes: account)) { response in
                #expect(response.status == .created)
            }
            let short = try JSONSerialization.data(withJSONObject: ["name": "reviewer3", "role": "reviewer", "password": "short"])
            try await client.execute(uri: "/api/accounts", method: .post, headers: json, body: ByteBuffer(bytes: short)) { response in
                #expect(response.status == .badRequest && String(buffer: response.body).contains("10"))
            }
            let txt = try Data(contentsOf: ServiceTestKit.sample("tqfw.txt"))
            let first = try await ServiceTestKit.submit(client, reviewer.headers, fields: [("zone", "demo")], files: [("pieces", "tqfw.txt", txt)])
            let id = try #require(((first.json["checks"] as? [[String: Any]])?.first?["check"] as? [String: Any])?["id"] as? String)
            let other = try await ServiceTestKit.signIn(client, "reviewer2")
            try await client.execute(uri: "/api/checks/\(id)", method: .get, headers: other.headers) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/api/checks/\(id)", method: .get, headers: auditor.headers) { response in
                #expect(response.status == .ok)
            }
            _ = try await ServiceTestKit.finished(client, reviewer.headers, id)
            // Signing out ends the session.
            try await client.execute(uri: "/api/sessions/current", method: .delete, headers: other.headers) { response in
                #expect(response.status == .noContent)
            }
            try await client.execute(uri: "/api/zones", method: .get, headers: other.headers) { response in
                #expect(response.status == .unauthorized)
            }
        }
    }
}
