import Foundation
import HTTPTypes
import Hummingbird
import ZoneCalc

/// The frame every page shares: the title, the menu of the signed-in account (zones, record, sign
/// out), the language switch, and the style — inline, so a page needs nothing from the network. Pages
/// run no script but the check page's map, which loads only the service's own files. Text placed in a
/// page goes through ``escape(_:)``.
struct PageShell {
    var language: Language
    var session: Session?
    /// The page's path, with the query that makes it this page (an upload's checks, a search), for the language switch.
    var path: String

    init(_ context: ServiceContext, path: String) {
        language = context.language
        session = context.session
        self.path = path
    }

    func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }
    func t(_ text: Bilingual) -> String { text.text(language) }
    func escape(_ text: String) -> String { HTMLText.escape(text) }

    /// A form's action: `path` with the session's CSRF token.
    func action(_ path: String) -> String {
        escape(path + "?csrf=" + (session?.csrf ?? ""))
    }

    /// The page `title` around `body` (HTML), with `status`; `refresh` seconds makes the browser
    /// load it again (a check still running); `stylesheets` and `scripts` are the service's own files.
    func response(title: String, body: String, status: HTTPResponse.Status = .ok, refresh: Int? = nil,
                  stylesheets: [String] = [], scripts: [String] = []) -> Response {
        var html = """
            <!DOCTYPE html>
            <html lang="\(language == .zh ? "zh-CN" : "en")"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            """
        if let refresh { html += "<meta http-equiv=\"refresh\" content=\"\(refresh)\">" }
        html += "<title>\(escape(title)) · ZoneCalc</title>" + stylesheets.map { "<link rel=\"stylesheet\" href=\"\(escape($0))\">" }.joined()
        html += "<style>\(Self.style)</style></head><body>\n<header><strong>ZoneCalc</strong>"
        if let session {
            html += """
                <nav><a href="/">\(t("开发区与上传", "Zones and upload"))</a> <a href="/checks">\(t("审查记录", "Record of checks"))</a></nav>
                <form method="post" action="\(action("/logout"))" class="inline"><span>\(escape(session.account.name))（\(escape(session.account.role.rawValue))）</span>
                <button type="submit">\(t("退出", "Sign out"))</button></form>
                """
        }
        let other: (code: String, name: String) = language == .zh ? ("en", "English") : ("zh", "中文")
        html += "<a class=\"lang\" href=\"\(escape(path + (path.contains("?") ? "&" : "?")))lang=\(other.code)\">\(other.name)</a></header>\n<main>\n<h1>\(escape(title))</h1>\n\(body)\n</main>"
        html += scripts.map { "<script src=\"\(escape($0))\"></script>" }.joined() + "</body></html>\n"
        return Response(status: status, headers: Self.headers(scripts: !scripts.isEmpty), body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// A refusal as a page: what went wrong and where to go on.
    func error(_ error: ServiceError) -> Response {
        let back = session == nil ? "<a href=\"/login\">\(t("登录", "Sign in"))</a>" : "<a href=\"/\">\(t("返回首页", "Back to the zones"))</a>"
        return response(title: t("无法完成", "Could not be done"), body: "<p class=\"problem\">\(escape(error.message(language)))</p><p>\(back)</p>", status: error.status)
    }

    /// No frame, nothing from elsewhere, no inline script: the page's own inline style and SVG, and
    /// with `scripts` the service's own scripts and style sheets.
    static func headers(scripts: Bool = false) -> HTTPFields {
        let code = scripts ? "script-src 'self'; style-src 'self' 'unsafe-inline'" : "style-src 'unsafe-inline'"
        return [
            .contentType: "text/html; charset=utf-8",
            .contentSecurityPolicy: "default-src 'none'; \(code); img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
            .init("X-Content-Type-Options")!: "nosniff",
            .cacheControl: "no-store",
        ]
    }

    static let style = """
        body{font-family:"Noto Sans CJK SC","Microsoft YaHei","SimSun",sans-serif;margin:0;color:#222;background:#fafafa}
        header{display:flex;gap:1.5em;align-items:center;padding:.6em 1.2em;background:#1f4e79;color:#fff}
        header a,header button{color:#fff} header nav{display:flex;gap:1em;flex:1} .lang{margin-left:auto}
        main{max-width:72em;margin:0 auto;padding:1em 1.2em 3em;background:#fff}
        h1{font-size:1.5em} h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #ccc}
        table{border-collapse:collapse;margin:.6em 0;width:100%} th,td{border:1px solid #bbb;padding:.3em .5em;text-align:left;vertical-align:top}
        th{background:#eef2f7} td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        form.inline{display:inline} form.inline button{background:none;border:1px solid #fff;border-radius:3px;cursor:pointer}
        fieldset{border:1px solid #ccc;margin:1em 0} label{display:block;margin:.4em 0}
        .verdict{font-size:1.4em;font-weight:bold;padding:.4em .8em;display:inline-block;border-radius:4px}
        .pass{background:#e3f4e1;color:#1b5e20} .fail{background:#fde2e1;color:#b71c1c} .review,.needs_review,.not_checked{background:#fff3cd;color:#7a5a00}
        .problem{background:#fde2e1;color:#b71c1c;padding:.6em} .hash{font-family:monospace;font-size:.8em;word-break:break-all}
        .map svg{max-width:100%;height:auto;border:1px solid #ccc}
        #zc-map{height:34em;border:1px solid #ccc;background:#fff} .zc-label{font-weight:bold;background:#fff;border:0;box-shadow:none;padding:0 2px}
        .zc-swatch{display:inline-block;width:1.4em;height:.8em;border:2px solid;margin-right:.4em;vertical-align:middle}
        .zc-readout{background:rgba(255,255,255,.85);padding:2px 6px;font-variant-numeric:tabular-nums}
        @media print{#zc-map,.leaflet-control-container{display:none}}
        """
}
