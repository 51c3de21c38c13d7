import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ZoneCalcService

/// The pages a reviewer uses in a browser, in-process: signing in through the form and its cookie, the
/// zones and the upload form, a check's page with the verdict, rules, conflicts, map and downloads, the
/// record and its search, a bad upload as an error page, CSRF on every form, signing out.
@Suite struct PageTests {
    /// Signs `name` in through the form and returns the cookie header and the session's CSRF token (read
    /// from the page's forms, as a browser has it).
    static func signIn(_ client: some TestClientProtocol, _ name: String) async throws -> (cookie: HTTPFields, csrf: String) {
        try await signIn(client, name, password: ServiceTestKit.password, status: .seeOther)
    }

    /// The sign-in form's token and its cookie header, as the browser has them after opening /login.
    static func loginForm(_ client: some TestClientProtocol) async throws -> (token: String, cookie: HTTPFields) {
        try await client.execute(uri: "/login", method: .get) { response in
            let page = String(buffer: response.body)
            let token = page.components(separatedBy: "name=\"login_token\" value=\"").dropFirst().first.map { String($0.prefix(64)) } ?? ""
            let cookie = response.headers[.setCookie] ?? ""
            #expect(cookie.hasPrefix("zonecalc_login=\(token)") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), "\(cookie)")
            return (token, [.cookie: "zonecalc_login=\(token)", .contentType: "application/x-www-form-urlencoded"])
        }
    }

    static func signIn(_ client: some TestClientProtocol, _ name: String, password: String, status: HTTPResponse.Status) async throws -> (cookie: HTTPFields, csrf: String) {
        let login = try await loginForm(client)
        let form = "name=\(name)&password=\(password.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)&login_token=\(login.token)"
        let token = try await client.execute(uri: "/login", method: .post, headers: login.cookie, body: ByteBuffer(string: form)) { response in
            guard status == .seeOther else {
                #expect(response.status == status && !(response.headers[.setCookie] ?? "").contains("zonecalc_session="))
                #expect(status != .unauthorized || String(buffer: response.body).contains("账号或密码不正确"))
                return ""
            }
            #expect(response.status == .seeOther && response.headers[.location] == "/")
            let cookie = response.headers[.setCookie] ?? ""
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"), "\(cookie)")
            return String(cookie.split(separator: ";")[0].dropFirst("zonecalc_session=".count))
        }
        guard status == .seeOther else { return ([:], "") }
        let cookie: HTTPFields = [.cookie: "zonecalc_session=\(token)"]
        let csrf = try await client.execute(uri: "/", method: .get, headers: cookie) { response in
            let page = String(buffer: response.body)
            return page.components(separatedBy: "?csrf=").dropFirst().first.map { String($0.prefix(64)) } ?? ""
        }
        #expect(csrf.count == 64)
        return (cookie, csrf)
    }

    @Test func signingInAndOutThroughTheForms() async throws {
        let kit = try ServiceTestKit()
        defer { kit.remove() }
        try await kit.test { client in
            // Without a session a page sends the browser to sign in; the API answers 401 as JSON.
            try await client.execute(uri: "/checks", method: .get) { response in
                #expect(response.status == .seeOther && response.headers[.location] == "/login")
            }
            try await client.execute(uri: "/login", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(response.status == .ok && page.contains("<form method=\"post\" action=\"/login\">") && page.contains("密码"))
                #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true && !page.contains("<script"))
            }
            // The English switch answers in English and keeps the choice in a cookie.
            try await client.execute(uri: "/login?lang=en", method: .get) { response in
                #expect(String(buffer: response.body).contains("Password") && response.headers[values: .setCookie].contains { $0.hasPrefix("zonecalc_lang=en") })
            }
            try await client.execute(uri: "/login", method: .get, headers: [.cookie: "zonecalc_lang=en"]) { response in
                #expect(String(buffer: response.body).contains("Sign in"))
            }
            _ = try await Self.signIn(client, "reviewer", password: "not the password", status: .unauthorized)
            // A sign-in form posted from elsewhere has neither the form's token nor its cookie: refused,
            // as is a token without its cookie, even with the right password.
            let right = "name=reviewer&password=\(ServiceTestKit.password.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)"
            let login = try await Self.loginForm(client)
            for (body, headers) in [(right, [HTTPField.Name.contentType: "application/x-www-form-urlencoded"] as HTTPFields),
                                    (right + "&login_token=\(login.token)", [.contentType: "application/x-www-form-urlencoded"]),
                                    (right + "&login_token=forged", login.cookie)] {
                try await client.execute(uri: "/login", method: .post, headers: headers, body: ByteBuffer(string: body)) { response in
                    #expect(response.status == .forbidden && String(buffer: response.body).contains("表单已过期"))
                    #expect(!(response.headers[.setCookie] ?? "").contains("zonecalc_session="))
                }
            }
            let reviewer = try await Self.signIn(client, "reviewer")
            try await client.execute(uri: "/", method: .get, headers: reviewer.cookie) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("常州示范经济开发区") && page.contains("enctype=\"multipart/form-data\"") && page.contains("name=\"removals\""))
            }
            // An auditor sees the zones but gets no upload form.
            let auditor = try await Self.signIn(client, "auditor")
            try await client.execute(uri: "/", method: .get, headers: auditor.cookie) { response in
                #expect(!String(buffer: response.body).contains("multipart/form-data"))
            }
            // Signing out needs the form's token; after it the cookie opens nothing.
            try await client.execute(uri: "/logout", method: .post, headers: reviewer.cookie) { response in
                #expect(response.status == .forbidden && String(buffer: response.body).contains("表单已过期"))
            }
            try await client.execute(uri: "/logout?csrf=\(reviewer.csrf)", method: .post, headers: reviewer.cookie) { response in
                #expect(response.status == .seeOther && response.headers[.location] == "/login")
            }
            try await client.execute(uri: "/", method: .get, headers: reviewer.cookie) { response in
                #expect(response.status == .seeOther && response.headers[.location] == "/login")
            }
        }
    }

    @Test func aCheckThroughThePagesShowsItsVerdictRulesConflictsMapAndFiles() async throws {
        let kit = try ServiceTestKit()
        defer { kit.remove() }
        let txt = try Data(contentsOf: ServiceTestKit.sample("kqfw.txt"))
        try await kit.test { client in
            let reviewer = try await Self.signIn(client, "reviewer")
            let form = ServiceTestKit.form([("zone", "demo"), ("language", "zh")], files: [("pieces", "<i>扩区方案.txt", txt)])
            var headers = reviewer.cookie
            headers[.contentType] = form.contentType
            // The upload form without its token is refused as a page, and nothing is recorded.
            try await client.execute(uri: "/checks", method: .post, headers: headers, body: form.body) { response in
                #expect(response.status == .forbidden && response.headers[.contentType]?.hasPrefix("text/html") == true)
            }
            let location = try await client.execute(uri: "/checks?csrf=\(reviewer.csrf)", method: .post, headers: headers, body: form.body) { response in
                #expect(response.status == .seeOther)
                return response.headers[.location] ?? ""
            }
            #expect(location.hasPrefix("/checks/"))
            let id = String(location.dropFirst("/checks/".count))
            var page = ""
            for _ in 0..<1200 {
                page = try await client.execute(uri: location, method: .get, headers: reviewer.cookie) { String(buffer: $0.body) }
                if !page.contains("http-equiv=\"refresh\"") { break }
                try await Task.sleep(nanoseconds: 100_000_000)
            }
            // What the page shows is what the engine's result says, in the command line's rounding.
            let bearer = try await ServiceTestKit.signIn(client, "reviewer")
            let json = try await ServiceTestKit.finished(client, bearer.headers, id)
            let result = try #require(json["result"] as? [String: Any])
            let added = try #require(((result["areas"] as? [String: Any])?["added"] as? [String: Any])?["ellipsoidalSquareMetres"] as? Double)
            #expect(page.contains("审查结论：不符合"), "\(page.prefix(2000))")
            #expect(page.contains(String(format: "%.2f", added)) && page.contains(String(format: "%.4f", added * 3 / 2000)))
            #expect(page.contains("<td>R1</td><td>不占用永久基本农田</td><td class=\"fail\">不符合</td>"))
            #expect(page.contains("<td>R3</td>") && page.contains("漕溪村永久基本农田保护片2"))
            #expect(page.contains("<svg ") && page.contains("</svg>"), "the report's map is on the page")
            #expect(page.contains("href=\"/api/checks/\(id)/files/report.html\"") && page.contains("href=\"/api/checks/\(id)/files/new_boundary.txt\""))
            #expect(page.contains(RecordStore.sha256(txt)), "the upload's checksum")
            // A name the user gave is shown as text, never as markup.
            #expect(page.contains("&lt;i&gt;扩区方案.txt") && !page.contains("<i>扩区"))
            // The download the page links to, through the cookie.
            try await client.execute(uri: "/api/checks/\(id)/files/new_boundary.txt", method: .get, headers: reviewer.cookie) { response in
                #expect(response.status == .ok && response.headers[.contentDisposition]?.contains("attachment") == true)
            }
            // The record lists it, finds it by the file's name, and says when nothing matches.
            try await client.execute(uri: "/checks?q=%E6%89%A9%E5%8C%BA", method: .get, headers: reviewer.cookie) { response in
                let list = String(buffer: response.body)
                #expect(list.contains("href=\"/checks/\(id)\"") && list.contains("<span class=\"fail\">不符合</span>"))
            }
            try await client.execute(uri: "/checks?verdict=pass", method: .get, headers: reviewer.cookie) { response in
                #expect(String(buffer: response.body).contains("没有符合条件的审查记录"))
            }
            // Another reviewer's check is not found, as a page.
            try await client.execute(uri: "/checks/nonexistent", method: .get, headers: reviewer.cookie) { response in
                #expect(response.status == .notFound && String(buffer: response.body).contains("没有审查记录 nonexistent"))
            }
        }
    }

    /// Several proposals uploaded at once through the form are checked each on its own, and the browser
    /// goes on to a page of those checks alone, which tallies their verdicts and reloads until all are done.
    @Test func severalProposalsAtOnceGoToAPageOfTheirOwn() async throws {
        let kit = try ServiceTestKit()
        defer { kit.remove() }
        let expansion = try Data(contentsOf: ServiceTestKit.sample("kqfw.txt"))
        let adjustment = try Data(contentsOf: ServiceTestKit.sample("tqfw.txt"))
        try await kit.test { client in
            // An earlier check of the same reviewer, which the upload's page leaves out.
            let bearer = try await ServiceTestKit.signIn(client, "reviewer")
            _ = try await ServiceTestKit.submit(client, bearer.headers, fields: [("zone", "demo")], files: [("pieces", "kqfw.txt", expansion)])
            let reviewer = try await Self.signIn(client, "reviewer")
            let form = ServiceTestKit.form([("zone", "demo"), ("language", "zh"), ("each", "1")],
                                           files: [("pieces", "kqfw.txt", expansion), ("pieces", "tqfw.txt", adjustment)])
            var headers = reviewer.cookie
            headers[.contentType] = form.contentType
            let location = try await client.execute(uri: "/checks?csrf=\(reviewer.csrf)", method: .post, headers: headers, body: form.body) { response in
                #expect(response.status == .seeOther)
                return response.headers[.location] ?? ""
            }
            let ids = try #require(location.hasPrefix("/checks?ids=") ? location.dropFirst("/checks?ids=".count).split(separator: ",").map(String.init) : nil, "\(location)")
            #expect(ids.count == 2)
            for id in ids { _ = try await ServiceTestKit.finished(client, bearer.headers, id) }
            let page = try await client.execute(uri: location, method: .get, headers: reviewer.cookie) { String(buffer: $0.body) }
            #expect(page.contains("<h1>本次上传的 2 个方案</h1>"), "\(page.prefix(1500))")
            #expect(!page.contains("http-equiv=\"refresh\""), "all finished: no reload")
            #expect(page.contains("<span class=\"fail\">不符合</span> 1") && page.contains("<span class=\"pass\">符合</span> 1"), "\(page)")
            for id in ids { #expect(page.contains("href=\"/checks/\(id)\"")) }
            #expect(page.components(separatedBy: "<tr><td><a href=\"/checks/").count - 1 == 2, "only this upload's checks")
            #expect(page.contains("href=\"\(location)&amp;lang=en\""), "the language switch keeps the page")
        }
    }

    /// Where Leaflet is on the server the check page draws the check's map.geojson with it (the data inline,
    /// the scripts the service's own, allowed by the page's policy), the report's SVG map folded beneath;
    /// the assets are served by a fixed list of names only.
    @Test func theCheckPageDrawsAnInteractiveMapWhereLeafletIs() async throws {
        var kit = try ServiceTestKit()
        defer { kit.remove() }
        let leaflet = kit.folder.appendingPathComponent("leaflet")
        try FileManager.default.createDirectory(at: leaflet, withIntermediateDirectories: true)
        try Data("/* leaflet */".utf8).write(to: leaflet.appendingPathComponent("leaflet.js"))
        try Data("/* style */".utf8).write(to: leaflet.appendingPathComponent("leaflet.css"))
        kit.mapLibrary = MapLibrary(folder: leaflet)
        let txt = try Data(contentsOf: ServiceTestKit.sample("kqfw.txt"))
        try await kit.test { client in
            let bearer = try await ServiceTestKit.signIn(client, "reviewer")
            let submitted = try await ServiceTestKit.submit(client, bearer.headers, fields: [("zone", "demo")], files: [("pieces", "kqfw.txt", txt)])
            let id = try #require((((submitted.json["checks"] as? [[String: Any]])?.first)?["check"] as? [String: Any])?["id"] as? String, "\(submitted.json)")
            _ = try await ServiceTestKit.finished(client, bearer.headers, id)
            let reviewer = try await Self.signIn(client, "reviewer")
            let (page, policy) = try await client.execute(uri: "/checks/\(id)", method: .get, headers: reviewer.cookie) { response in
                (String(buffer: response.body), response.headers[.contentSecurityPolicy] ?? "")
            }
            #expect(policy.contains("script-src 'self'") && !policy.contains("unsafe-eval") && !policy.contains("script-src 'self' 'unsafe-inline'"), "\(policy)")
            #expect(page.contains("<div id=\"zc-map\"") && page.contains("<script src=\"/assets/leaflet/leaflet.js\"></script><script src=\"/assets/check-map.js\"></script>"))
            #expect(page.contains("<link rel=\"stylesheet\" href=\"/assets/leaflet/leaflet.css\">"))
            #expect(page.contains("<details><summary>") && page.contains("<svg "), "the report's map, for print")
            let start = try #require(page.range(of: "<script type=\"application/json\" id=\"zc-map-data\">"))
            let end = try #require(page.range(of: "</script>", range: start.upperBound..<page.endIndex))
            let data = try #require(try JSONSerialization.jsonObject(with: Data(page[start.upperBound..<end.lowerBound].utf8)) as? [String: Any])
            let features = data["features"] as? [[String: Any]] ?? []
            let labels = features.compactMap { ($0["properties"] as? [String: Any])?["label"] as? String }
            #expect(labels.sorted() == ["R1", "R3", "R3"], "\(labels)")
            #expect(data["units"] as? String == "metre" && (data["focus"] as? [Double])?.count == 4)
            try await client.execute(uri: "/assets/leaflet/leaflet.js", method: .get) { response in
                #expect(response.status == .ok && String(buffer: response.body) == "/* leaflet */" && response.headers[.contentType]?.hasPrefix("text/javascript") == true)
            }
            try await client.execute(uri: "/assets/check-map.js", method: .get) { response in
                #expect(response.status == .ok && String(buffer: response.body).contains("L.CRS.Simple"))
            }
            for name in ["../leaflet.js", "leaflet.js.map", "..%2F..%2Fdata%2Frecord.sqlite"] {
                try await client.execute(uri: "/assets/leaflet/\(name)", method: .get) { response in
                    #expect(response.status == .notFound, "\(name)")
                }
            }
            // Other pages run no script at all.
            try await client.execute(uri: "/", method: .get, headers: reviewer.cookie) { response in
                #expect(response.headers[.contentSecurityPolicy]?.contains("script-src") == false && !String(buffer: response.body).contains("<script"))
            }
        }
    }

    @Test func aBadUploadGetsAnErrorPageInTheUsersLanguage() async throws {
        let kit = try ServiceTestKit()
        defer { kit.remove() }
        try await kit.test { client in
            let reviewer = try await Self.signIn(client, "reviewer")
            let truncated = Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00])
            for (language, expected) in [("zh", "zip 文件已损坏或不完整"), ("en", "the zip is damaged or incomplete")] {
                let form = ServiceTestKit.form([("zone", "demo")], files: [("pieces", "方案.zip", truncated)])
                var headers = reviewer.cookie
                headers[.contentType] = form.contentType
                try await client.execute(uri: "/checks?csrf=\(reviewer.csrf)&lang=\(language)", method: .post, headers: headers, body: form.body) { response in
                    let page = String(buffer: response.body)
                    #expect(response.status == .unprocessableContent && response.headers[.contentType]?.hasPrefix("text/html") == true)
                    #expect(page.contains(expected) && page.contains("方案.zip"), "\(page)")
                }
            }
            // The service goes on, and the refused upload left no check.
            try await client.execute(uri: "/checks", method: .get, headers: reviewer.cookie) { response in
                #expect(response.status == .ok && String(buffer: response.body).contains("没有符合条件的审查记录"))
            }
        }
    }
}
