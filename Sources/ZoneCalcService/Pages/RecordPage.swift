import ZoneCalc

/// The record of checks (审查记录) an account may see, newest first, narrowed by zone, verdict and text;
/// or the proposals of one upload (``CheckQuery/ids``), each checked on its own, with a tally of their
/// verdicts, reloading until all are finished.
struct RecordPage {
    let shell: PageShell
    let checks: [CheckRecord]
    let zones: [ServedZone]
    let query: CheckQuery

    /// The most checks one page of an upload's results names.
    static let maxUploadIDs = 200

    var title: String {
        query.ids.isEmpty ? shell.t("审查记录", "Record of checks")
            : shell.t("本次上传的 \(checks.count) 个方案", checks.count == 1 ? "The proposal of this upload" : "The \(checks.count) proposals of this upload")
    }

    /// Seconds until the page reloads: while a check of the upload is not finished.
    var refresh: Int? { !query.ids.isEmpty && checks.contains { !$0.state.isFinal } ? CheckPage.refreshSeconds : nil }

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
        var html = query.ids.isEmpty ? search : tally
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

    /// An upload's proposals: how many have which verdict, and whether the page is still waiting.
    private var tally: String {
        var counts: [String] = []
        for verdict in ["pass", "fail", "review"] {
            let count = checks.filter { $0.state == .done && $0.verdict == verdict }.count
            if count > 0 { counts.append("<span class=\"\(verdict)\">\(shell.t(Self.verdictLabel(verdict)!))</span> \(count)") }
        }
        let unfinished = checks.filter { !$0.state.isFinal }.count
        let failed = checks.filter { $0.state.isFinal && $0.state != .done }.count
        if failed > 0 { counts.append("\(shell.t("未能审查", "not checked")) \(failed)") }
        var html = "<p>\(shell.t("每个方案单独审查。", "Each proposal is checked on its own.")) " + counts.joined(separator: shell.t("，", ", ")) + "</p>\n"
        if unfinished > 0 {
            html += "<p>\(shell.t("尚有 \(unfinished) 个未完成，本页每 \(CheckPage.refreshSeconds) 秒自动刷新。", "\(unfinished) not finished; this page reloads every \(CheckPage.refreshSeconds) seconds."))</p>\n"
        }
        return html + "<p><a href=\"/checks\">\(shell.t("全部审查记录", "The whole record"))</a></p>\n"
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
