import ZoneCalc

/// The sign-in page: account name and password, posted to `/login` with the form's own token — the
/// value of the `zonecalc_login` cookie set with the page (SameSite=Strict): a form posted from another
/// site has no such cookie and cannot sign the browser in to someone else's account.
struct LoginPage {
    let shell: PageShell
    /// The form's token, also in the cookie.
    let token: String

    /// The form; `problem` is what went wrong with the last try.
    func body(problem: String? = nil) -> String {
        var html = problem.map { "<p class=\"problem\">\(shell.escape($0))</p>" } ?? ""
        html += """
            <form method="post" action="/login">
            <input type="hidden" name="login_token" value="\(shell.escape(token))">
            <label>\(shell.t("账号", "Account")) <input name="name" autocomplete="username" required autofocus></label>
            <label>\(shell.t("密码", "Password")) <input name="password" type="password" autocomplete="current-password" required></label>
            <button type="submit">\(shell.t("登录", "Sign in"))</button>
            </form>
            <p>\(shell.t("账号由管理员创建（zonecalc-serve add-account）。", "Accounts are made by an administrator (zonecalc-serve add-account)."))</p>
            """
        return html
    }
}
