import Foundation
import ZoneCalc

/// One check: who submitted what and when, its state (the page reloads itself while the check waits or
/// runs), and once it is done the verdict, the area table, every rule with its reason and documents,
/// the conflict pieces, the map — interactive when Leaflet is on the server (``MapLibrary``), the
/// report's SVG map otherwise and for print —, the downloads and the archived uploads with their checksums.
struct CheckPage {
    let shell: PageShell
    let check: CheckRecord
    /// The engine's result (its `--format json`), once the check is done.
    let result: ProposalReportJSON.Document?
    /// The report's map (SVG), once the check is done.
    let map: String?
    /// The map's data (the check's map.geojson) when the page draws it with Leaflet.
    let interactiveMap: String?

    /// Seconds between reloads while the check is not final.
    static let refreshSeconds = 3

    var title: String {
        let kind = result.flatMap { ProposalKind(rawValue: $0.kind) }.map { ProposalReportText(language: shell.language).kindName($0) }
        return shell.t("审查 ", "Check ") + check.id + (kind.map { "（\($0)）" } ?? "")
    }

    var refresh: Int? { check.state.isFinal ? nil : Self.refreshSeconds }

    /// The service's files the interactive map needs.
    var stylesheets: [String] { interactiveMap == nil ? [] : ["/assets/leaflet/leaflet.css"] }
    var scripts: [String] { interactiveMap == nil ? [] : ["/assets/leaflet/leaflet.js", "/assets/check-map.js"] }

    var body: String {
        var html = facts
        switch check.state {
        case .queued, .running:
            html += "<p>\(shell.t("审查尚未完成，本页每 \(Self.refreshSeconds) 秒自动刷新。", "The check is not finished; this page reloads every \(Self.refreshSeconds) seconds."))</p>\n"
        case .failed, .timedOut:
            html += "<p class=\"problem\">\(shell.escape(check.message ?? shell.t(check.state.label)))</p>\n"
        case .done:
            if let result { html += verdict(result) + areas(result) + rules(result) + conflicts(result) + notes(result) }
            html += mapSection
            html += downloads
        }
        return html + uploads
    }

    private func row(_ label: String, _ value: String?) -> String {
        "<tr><th>\(shell.escape(label))</th><td>\(shell.escape(value ?? "—"))</td></tr>"
    }

    private var facts: String {
        "<table class=\"meta\"><tbody>"
            + row(shell.t("开发区", "zone"), check.zoneName + (result?.code.map { "（\($0)）" } ?? ""))
            + row(shell.t("规则配置", "rule profile"), check.ruleProfile ?? shell.t("内置规则", "bundled rules"))
            + row(shell.t("审查人", "submitted by"), check.account)
            + row(shell.t("提交时间", "submitted"), check.submittedAt) + row(shell.t("开始时间", "started"), check.startedAt)
            + row(shell.t("完成时间", "finished"), check.finishedAt) + row(shell.t("状态", "state"), shell.t(check.state.label))
            + (result.map { row(shell.t("坐标系与方法", "CRS and method"), "\($0.crs) · \($0.method)") } ?? "")
            + "</tbody></table>\n"
    }

    private func verdict(_ result: ProposalReportJSON.Document) -> String {
        let label = RuleStatus(rawValue: result.verdict)?.label.text(shell.language) ?? result.verdict
        return "<p class=\"verdict \(shell.escape(result.verdict))\">\(shell.t("审查结论：", "Verdict: "))\(shell.escape(label))</p>\n"
    }

    private func areas(_ result: ProposalReportJSON.Document) -> String {
        let added = result.kind == ProposalKind.expansion.rawValue ? shell.t("扩区面积", "expansion") : shell.t("调入面积", "brought in")
        let rows: [(String, ProposalReportJSON.Area)] = [(shell.t("核准面积", "approved"), result.areas.approved), (shell.t("调出面积", "taken out"), result.areas.removed),
                                                  (added, result.areas.added), (shell.t("调整后面积", "after"), result.areas.after)]
        var html = "<h2>\(shell.t("面积（椭球面积）", "Areas (ellipsoidal)"))</h2><table><thead><tr><th></th><th>m²</th><th>\(shell.t("公顷", "ha"))</th><th>\(shell.t("亩", "mu"))</th></tr></thead><tbody>\n"
        for (label, area) in rows {
            html += "<tr><td>\(shell.escape(label))</td>" + Self.areaCells(area) + "</tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    /// m² with 2 decimals, 公顷 and 亩 with 4, as the command line prints them by default.
    private static func areaCells(_ area: ProposalReportJSON.Area) -> String {
        guard let squareMetres = area.ellipsoidalSquareMetres else { return "<td class=\"n\">—</td><td class=\"n\">—</td><td class=\"n\">—</td>" }
        return [AreaUnit.squareMetre, .hectare, .mu].map { "<td class=\"n\">\($0.text(squareMetres: squareMetres, decimals: $0.defaultDecimals))</td>" }.joined()
    }

    private func rules(_ result: ProposalReportJSON.Document) -> String {
        var html = "<h2>\(shell.t("规则审查", "Rules"))</h2><table><thead><tr><th>\(shell.t("编号", "rule"))</th><th>\(shell.t("规则", "title"))</th><th>\(shell.t("结果", "outcome"))</th><th>\(shell.t("理由", "reason"))</th><th>\(shell.t("依据", "documents"))</th></tr></thead><tbody>\n"
        for rule in result.rules {
            let outcome = RuleStatus(rawValue: rule.outcome)?.label.text(shell.language) ?? rule.outcome
            html += "<tr><td>\(shell.escape(rule.id))</td><td>\(shell.escape(shell.t(rule.title)))</td><td class=\"\(shell.escape(rule.outcome))\">\(shell.escape(outcome))</td>"
                + "<td>\(shell.escape(shell.t(rule.reason)))</td><td>\(shell.escape(rule.documents))</td></tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    private func conflicts(_ result: ProposalReportJSON.Document) -> String {
        let pieces = result.rules.flatMap { rule in rule.pieces.map { (rule: rule.id, piece: $0) } }
        var html = "<h2>\(shell.t("冲突图斑", "Conflict pieces"))</h2>\n"
        guard !pieces.isEmpty else { return html + "<p>\(shell.t("无。", "None."))</p>\n" }
        html += "<table><thead><tr><th>\(shell.t("编号", "rule"))</th><th>\(shell.t("类型", "kind"))</th><th>\(shell.t("对象", "feature"))</th><th>m²</th><th>\(shell.t("公顷", "ha"))</th><th>\(shell.t("亩", "mu"))</th>"
            + "<th>\(shell.t("X（北）", "X (north)"))</th><th>\(shell.t("Y（东）", "Y (east)"))</th></tr></thead><tbody>\n"
        for (rule, piece) in pieces {
            html += "<tr><td>\(shell.escape(rule))</td><td>\(shell.escape(shell.t(piece.kind)))</td><td>\(shell.escape(piece.label))</td>" + Self.areaCells(piece.area)
                + "<td class=\"n\">\(NumberText.fixed(piece.y, decimals: 3))</td><td class=\"n\">\(NumberText.fixed(piece.x, decimals: 3))</td></tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    private func notes(_ result: ProposalReportJSON.Document) -> String {
        guard !result.notes.isEmpty else { return "" }
        return "<h2>\(shell.t("说明", "Notes"))</h2><ul>" + result.notes.map { "<li>\(shell.escape(shell.t($0)))</li>" }.joined() + "</ul>\n"
    }

    /// The interactive map with the SVG map folded beneath it, or the SVG map alone.
    private var mapSection: String {
        guard let interactiveMap else { return map.map { "<h2>\(shell.t("示意图", "Map"))</h2><div class=\"map\">\($0)</div>\n" } ?? "" }
        // JSON holds "<" only inside strings, where \u003c means the same: nothing can end the script element.
        let data = interactiveMap.replacingOccurrences(of: "<", with: "\\u003c")
        var html = "<h2>\(shell.t("地图", "Map"))</h2><div id=\"zc-map\" data-north=\"\(shell.t("X（北）", "X (north)"))\" data-east=\"\(shell.t("Y（东）", "Y (east)"))\" "
            + "data-hint=\"\(shell.t("坐标为开发区坐标系；点击冲突图斑查看详情", "coordinates in the zone's CRS; click a conflict piece for its details"))\"></div>\n"
            + "<script type=\"application/json\" id=\"zc-map-data\">\(data)</script>\n"
        if let map { html += "<details><summary>\(shell.t("示意图（与报告相同，用于打印）", "The report's map (for print)"))</summary><div class=\"map\">\(map)</div></details>\n" }
        return html
    }

    private var downloads: String {
        let outputs = check.files.filter { $0.kind == .output }
        var html = "<h2>\(shell.t("下载", "Downloads"))</h2><table><thead><tr><th>\(shell.t("文件", "file"))</th><th>\(shell.t("字节", "bytes"))</th><th>SHA-256</th></tr></thead><tbody>\n"
        for file in outputs {
            let path = file.name.split(separator: "/").map { String($0).addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? "" }.joined(separator: "/")
            html += "<tr><td><a href=\"/api/checks/\(shell.escape(check.id))/files/\(shell.escape(path))\">\(shell.escape(file.name))</a></td><td class=\"n\">\(file.bytes)</td><td class=\"hash\">\(file.sha256)</td></tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    private var uploads: String {
        var html = "<h2>\(shell.t("上传文件（原样存档）", "Uploaded files (archived unchanged)"))</h2><table><thead><tr><th>\(shell.t("文件", "file"))</th><th>\(shell.t("用途", "as"))</th><th>\(shell.t("格式", "format"))</th><th>\(shell.t("字节", "bytes"))</th><th>SHA-256</th></tr></thead><tbody>\n"
        for file in check.files where file.kind != .output {
            let role = file.kind == .removal ? shell.t("调出", "taken out") : shell.t("新增", "added")
            html += "<tr><td>\(shell.escape(file.name))</td><td>\(role)</td><td>\(shell.escape(file.format ?? "—"))</td><td class=\"n\">\(file.bytes)</td><td class=\"hash\">\(file.sha256)</td></tr>\n"
        }
        return html + "</tbody></table>\n"
    }
}
