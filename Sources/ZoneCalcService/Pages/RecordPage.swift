import ZoneCalc

/// The record of checks (审查记录) an account may see, newest first, narrowed by zone, verdict and text.
struct RecordPage {
    let shell: PageShell
    let checks: [CheckRecord]
    let zones: [ServedZone]
    let query: CheckQuery

    /// The verdict a record keeps, in words.
    static func verdictLabel(_ verdict: String?) -> Bilingual? {
        switch verdict {
        case "pass": return Bilingual("符合", "pass")
        case "fail": return Bilingual("不符合", "fail")
        case "review": return Bilingual("需人工复核", "needs review")
        default: return nil
        }
    }

    var body: String {
        var html = search
        if checks.isEmpty { return html + "<p>\(shell.t("没有符合条件的审查记录。", "No check matches."))</p>" }
        html += """
            <table><thead><tr><th>\(shell.t("编号", "check"))</th><th>\(shell.t("提交时间", "submitted"))</th><th>\(shell.t("审查人", "by"))</th>
            <th>\(shell.t("开发区", "zone"))</th><th>\(shell.t("上传文件", "files"))</th><th>\(shell.t("状态", "state"))</th><th>\(shell.t("结论", "verdict"))</th></tr></thead><tbody>
            """
        for check in checks {
            let files = check.files.filter { $0.kind != .output }.map { shell.escape($0.name) }.joined(separator: "<br>")
            let verdict = Self.verdictLabel(check.verdict).map { "<span class=\"\(check.verdict ?? "")\">\(shell.t($0))</span>" } ?? "—"
            html += "<tr><td><a href=\"/checks/\(shell.escape(check.id))\">\(shell.escape(check.id))</a></td><td>\(shell.escape(check.submittedAt))</td>"
                + "<td>\(shell.escape(check.account))</td><td>\(shell.escape(check.zoneName))</td><td>\(files)</td><td>\(shell.t(check.state.label))</td><td>\(verdict)</td></tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    private var search: String {
        func option(_ value: String, _ label: String, selected: String?) -> String {
            "<option value=\"\(shell.escape(value))\"\(value == (selected ?? "") ? " selected" : "")>\(shell.escape(label))</option>"
        }
        let zoneOptions = option("", shell.t("全部", "all"), selected: query.zone) + zones.map { option($0.id, $0.name, selected: query.zone) }.joined()
        let verdictOptions = option("", shell.t("全部", "all"), selected: query.verdict)
            + ["pass", "fail", "review"].map { option($0, shell.t(Self.verdictLabel($0)!), selected: query.verdict) }.joined()
        return """
            <form method="get" action="/checks">
            <label>\(shell.t("开发区", "Zone")) <select name="zone">\(zoneOptions)</select></label>
            <label>\(shell.t("结论", "Verdict")) <select name="verdict">\(verdictOptions)</select></label>
            <label>\(shell.t("账号、开发区、编号或文件名包含", "Account, zone, check or file name containing")) <input name="q" value="\(shell.escape(query.text ?? ""))"></label>
            <button type="submit">\(shell.t("查找", "Search"))</button>
            </form>
            """
    }
}
