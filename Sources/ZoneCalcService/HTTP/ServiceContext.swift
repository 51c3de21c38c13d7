import HTTPTypes
import Hummingbird
import ZoneCalc

/// A request's context: the session it came with, if any, and the language it is answered in.
public struct ServiceContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in session, set by ``SessionMiddleware``.
    public var session: Session?
    /// Whether the session came in the browser's cookie (forms then need its CSRF token) rather than
    /// as a bearer token.
    public var viaCookie = false
    /// `?lang=en` or an `Accept-Language` starting with `en`: English; else Chinese.
    public var language: Language = .zh

    public init(source: Source) {
        coreContext = .init(source: source)
    }

    /// The signed-in account.
    /// - Throws: `notSignedIn` without a session.
    func account() throws(ServiceError) -> Account {
        guard let session else { throw .notSignedIn }
        return session.account
    }

    /// The signed-in account, when its role is one of `roles`.
    /// - Throws: `notSignedIn`, or `notAllowed` for another role.
    func account(_ roles: Set<Role>) throws(ServiceError) -> Account {
        let account = try account()
        guard roles.contains(account.role) else { throw .notAllowed }
        return account
    }
}

/// Finds the session of a request — `Authorization: Bearer TOKEN` or the `zonecalc_session` cookie —
/// and its language (`?lang`, kept in a cookie for the pages; else `Accept-Language`); refuses a
/// state-changing request made through the cookie without the session's CSRF token, in
/// `X-CSRF-Token` or (a page's form) `?csrf=`. A refusal is JSON for `/api/`, a page elsewhere, and a
/// page that needs a session sends the browser to sign in.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = ServiceContext
    static let cookie = "zonecalc_session"
    static let languageCookie = "zonecalc_lang"
    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!

    let store: RecordStore

    func handle(_ request: Request, context: ServiceContext, next: (Request, ServiceContext) async throws -> Response) async throws -> Response {
        var context = context
        let isAPI = request.uri.path.hasPrefix("/api/") || request.uri.path == "/openapi.json"
        let chosen = request.uri.queryParameters.get("lang").flatMap(Language.init(rawValue:))
        let asked = chosen?.rawValue ?? request.cookies[Self.languageCookie]?.value ?? request.headers[.acceptLanguage] ?? ""
        context.language = asked.lowercased().hasPrefix("en") ? .en : .zh
        var response: Response
        do throws(any Error) {
            if let header = request.headers[.authorization], header.hasPrefix("Bearer ") {
                context.session = try store.session(token: String(header.dropFirst("Bearer ".count)))
            } else if let token = request.cookies[Self.cookie]?.value {
                context.session = try store.session(token: token)
                context.viaCookie = context.session != nil
            }
            let changes = request.method != .get && request.method != .head
            let token = request.headers[Self.csrfHeader] ?? request.uri.queryParameters.get("csrf")
            if changes, context.viaCookie, request.uri.path != "/login", token != context.session?.csrf {
                throw ServiceError.csrf
            }
            response = try await next(request, context)
        } catch let error as ServiceError {
            if isAPI {
                response = ServiceResponses.error(error, language: context.language)
            } else if case .notSignedIn = error {
                response = .redirect(to: "/login")
            } else {
                response = PageShell(context, path: request.uri.path).error(error)
            }
        }
        if let chosen, !isAPI {
            response.setCookie(Cookie(name: Self.languageCookie, value: chosen.rawValue, maxAge: 365 * 86400, path: "/", httpOnly: true, sameSite: .strict))
        }
        return response
    }
}
