import ZoneCalc

/// What the service refuses or cannot do, each with what the user is told, in either language.
public enum ServiceError: Error, Sendable, Equatable {
    /// The record database at `path` failed (`detail` from SQLite); the request is not carried out.
    case record(_ path: String, _ detail: String)
    /// No session or token, or one that has ended.
    case notSignedIn
    /// A wrong account name or password (the two are not told apart).
    case wrongPassword
    /// The account's role does not allow the request.
    case notAllowed
    /// A form sent without the token of the page that showed it.
    case csrf
    /// No such zone, check or file (or one the account may not see).
    case notFound(Bilingual)
    /// A request that does not say what it should (a missing field, an unknown value).
    case badRequest(Bilingual)
    /// An upload over a limit: its size, its number of files, or what a zip unpacks to.
    case tooLarge(Bilingual)
    /// An uploaded file that is not one of the formats a proposal comes in, or a zip that is unsafe.
    case badUpload(file: String, Bilingual)
    /// The queue of checks is full; try again later.
    case busy
    /// An account that cannot be created as asked.
    case account(Bilingual)

    /// What the user is told.
    public func message(_ language: Language) -> String {
        text.text(language)
    }

    private var text: Bilingual {
        switch self {
        case .record(let path, let detail):
            return Bilingual("审查记录数据库 \(path) 出错：\(detail)。请求未执行；请联系管理员。",
                             "the record database \(path) failed: \(detail). The request was not carried out; tell the administrator.")
        case .notSignedIn: return Bilingual("请先登录。", "Please sign in first.")
        case .wrongPassword: return Bilingual("账号或密码不正确。", "Wrong account name or password.")
        case .notAllowed: return Bilingual("您的账号角色无权执行此操作。", "Your account's role does not allow this.")
        case .csrf: return Bilingual("表单已过期或不是从本站提交的；请刷新页面后重试。", "The form has expired or was not sent from this site; reload the page and try again.")
        case .notFound(let what), .badRequest(let what), .tooLarge(let what), .account(let what): return what
        case .badUpload(let file, let why): return Bilingual("\(file)：", "\(file): ") + why
        case .busy: return Bilingual("审查队列已满；请稍后再提交。", "The queue of checks is full; submit again later.")
        }
    }
}
