import Foundation
import HTTPTypes
import Hummingbird
import ZoneCalc

/// The pages a reviewer uses in a browser — sign in and out, the zones with the upload form, a check's
/// page, the record — through the session cookie (HttpOnly, SameSite=Strict), each form carrying the
/// session's CSRF token. They need nothing from the network, and no script but the check page's map.
struct PageRoutes {
    let service: CheckService
    /// Leaflet for the check page's interactive map, when the server has it.
    let mapLibrary: MapLibrary

    var store: RecordStore { service.store }

    private struct SignInForm: Decodable { var name: String; var password: String; var login_token: String? }

    /// The cookie holding the sign-in form's token.
    static let loginCookie = "zonecalc_login"

    func add(to router: Router<ServiceContext>) {
        router.get("login") { _, context in
            if context.session != nil { return Response.redirect(to: "/") }
            return loginPage(PageShell(context, path: "/login"))
        }
        router.post("login") { request, context in try await signIn(request, context) }
        router.post("logout") { _, context in
            if let session = context.session { try store.endSession(token: session.token) }
            var response = Response.redirect(to: "/login")
            response.setCookie(Cookie(name: SessionMiddleware.cookie, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .strict))
            return response
        }
        router.get("/") { _, context in
            let account = try context.account()
            let shell = PageShell(context, path: "/")
            let page = ZonesPage(shell: shell, zones: service.catalog.zones, maySubmit: Role.submitters.contains(account.role))
            return shell.response(title: shell.t("开发区扩区调区审查", "Checks of zone expansions and adjustments"), body: page.body)
        }
        router.post("checks") { request, context in
            let checks = try await service.receive(request, account: context.account(Role.submitters))
            // Several proposals at once: the record narrowed to them, each with its own verdict.
            return Response.redirect(to: checks.count == 1 ? "/checks/\(checks[0].id)" : "/checks?ids=" + checks.map(\.id).joined(separator: ","))
        }
        router.get("checks") { request, context in
            let account = try context.account()
            let parameters = request.uri.queryParameters
            let ids = (parameters.get("ids") ?? "").split(separator: ",").prefix(RecordPage.maxUploadIDs).map(String.init)
            let query = CheckQuery(zone: parameters.get("zone"), verdict: parameters.get("verdict"), text: parameters.get("q"), ids: ids)
            let kept = (request.uri.query ?? "").split(separator: "&").filter { !$0.hasPrefix("lang=") }.joined(separator: "&")
            let shell = PageShell(context, path: kept.isEmpty ? "/checks" : "/checks?" + kept)
            var checks = try store.checks(visibleTo: account, query)
            // An upload's checks in the order of its files.
            if !ids.isEmpty { checks.sort { (ids.firstIndex(of: $0.id) ?? ids.count) < (ids.firstIndex(of: $1.id) ?? ids.count) } }
            let page = RecordPage(shell: shell, checks: checks, zones: service.catalog.zones, query: query)
            return shell.response(title: page.title, body: page.body, refresh: page.refresh)
        }
        router.get("checks/:id") { _, context in
            let check = try store.check(context.parameters.get("id") ?? "", visibleTo: context.account())
            let folder = store.checkFolder(check.id)
            let stored = { (name: String) in check.files.first { $0.kind == .output && $0.name == name }.map { folder.appendingPathComponent($0.stored) } }
            let result = check.state == .done ? stored("result.json").flatMap { try? ProposalReportJSON.decode(Data(contentsOf: $0)) } : nil
            let map = check.state == .done ? stored("report.html").flatMap(ReportMap.svg(inReport:)) : nil
            let mapData = check.state == .done && mapLibrary.isAvailable
                ? stored(ProposalMapGeoJSON.fileName).flatMap { try? String(contentsOf: $0, encoding: .utf8) } : nil
            let shell = PageShell(context, path: "/checks/\(check.id)")
            let page = CheckPage(shell: shell, check: check, result: result, map: map, interactiveMap: mapData)
            return shell.response(title: page.title, body: page.body, refresh: page.refresh, stylesheets: page.stylesheets, scripts: page.scripts)
        }
    }

    /// The sign-in form with a new token (and its cookie); `problem` says what went wrong with the last try.
    private func loginPage(_ shell: PageShell, problem: String? = nil, status: HTTPResponse.Status = .ok) -> Response {
        let token = RecordStore.randomToken()
        var response = shell.response(title: shell.t("登录", "Sign in"), body: LoginPage(shell: shell, token: token).body(problem: problem), status: status)
        response.setCookie(Cookie(name: Self.loginCookie, value: token, maxAge: 3600, path: "/login", httpOnly: true, sameSite: .strict))
        return response
    }

    /// Signs in from the form: the session cookie and on to the zones, or the form again with why not.
    private func signIn(_ request: Request, _ context: ServiceContext) async throws -> Response {
        var request = request
        let shell = PageShell(context, path: "/login")
        let body = try await request.collectBody(upTo: 16 << 10)
        guard let form = try? URLEncodedFormDecoder().decode(SignInForm.self, from: String(buffer: body)) else {
            return loginPage(shell, problem: shell.t("请填写账号和密码", "give the account and the password"), status: .badRequest)
        }
        guard let token = form.login_token, !token.isEmpty, token == request.cookies[Self.loginCookie]?.value else {
            return loginPage(shell, problem: ServiceError.csrf.message(context.language), status: .forbidden)
        }
        let account: Account
        do { account = try store.authenticate(name: form.name, password: form.password) } catch .wrongPassword {
            return loginPage(shell, problem: ServiceError.wrongPassword.message(context.language), status: .unauthorized)
        }
        let session = try store.startSession(for: account)
        var response = Response.redirect(to: "/")
        response.setCookie(Cookie(name: SessionMiddleware.cookie, value: session.token, maxAge: Int(RecordStore.sessionLifetime), path: "/", httpOnly: true, sameSite: .strict))
        response.setCookie(Cookie(name: Self.loginCookie, value: "", maxAge: 0, path: "/login", httpOnly: true, sameSite: .strict))
        return response
    }
}
