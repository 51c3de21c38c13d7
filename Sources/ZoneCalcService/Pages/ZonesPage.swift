import ZoneCalc

/// The first page: the zones served, each with its layers and their dates, and the form that uploads a
/// proposal (for an account that may submit).
struct ZonesPage {
    let shell: PageShell
    let zones: [ServedZone]
    let maySubmit: Bool

    var body: String {
        var html = "<h2>\(shell.t("服务的开发区", "Zones served"))</h2>\n"
        if zones.isEmpty {
            html += "<p class=\"problem\">\(shell.t("项目文件夹中没有可读的开发区项目。", "The projects folder holds no readable zone project."))</p>\n"
        }
        for zone in zones {
            let facts = [zone.code, zone.province, zone.ruleProfile.map { shell.t("规则：", "rules: ") + $0 } ?? shell.t("规则：内置", "rules: bundled"),
                         zone.asOf.map { shell.t("数据时点：", "data as of ") + $0 }].compactMap { $0 }
            html += "<h3>\(shell.escape(zone.name))</h3><p>\(shell.escape(facts.joined(separator: " · ")))</p>\n"
            html += "<table><thead><tr><th>\(shell.t("图层", "layer"))</th><th>\(shell.t("文件", "file"))</th><th>\(shell.t("修改时间", "changed"))</th></tr></thead><tbody>\n"
            for layer in zone.layers {
                html += "<tr><td>\(shell.escape(layer.role))</td><td>\(shell.escape(layer.file))</td><td>\(shell.escape(layer.modified ?? "—"))</td></tr>\n"
            }
            html += "</tbody></table>\n"
        }
        if maySubmit, !zones.isEmpty { html += form }
        return html
    }

    private var form: String {
        let options = zones.map { "<option value=\"\(shell.escape($0.id))\">\(shell.escape($0.name))</option>" }.joined()
        return """
            <h2>\(shell.t("上传方案", "Upload a proposal"))</h2>
            <form method="post" enctype="multipart/form-data" action="\(shell.action("/checks"))">
            <input type="hidden" name="language" value="\(shell.language.rawValue)">
            <label>\(shell.t("开发区", "Zone")) <select name="zone" required>\(options)</select></label>
            <fieldset><legend>\(shell.t("新增用地（扩区、调入）", "Land added (expansion, brought in)"))</legend>
            <input type="file" name="pieces" multiple required>
            <p>\(shell.t("界址点坐标 txt（GBK 或 UTF-8）、Shapefile 的 zip、GeoPackage、KML、GeoJSON、FileGDB 的 zip。多个文件为同一方案的各部分。",
                          "Boundary-point txt (GBK or UTF-8), a zipped Shapefile, GeoPackage, KML, GeoJSON, a zipped FileGDB. Several files are the pieces of one proposal."))</p>
            <label><input type="checkbox" name="each" value="1"> \(shell.t("每个文件单独作为一个方案审查", "Check each file as a proposal of its own"))</label>
            </fieldset>
            <fieldset><legend>\(shell.t("调出用地（调区时）", "Land taken out (an adjustment)"))</legend>
            <input type="file" name="removals" multiple>
            </fieldset>
            <button type="submit">\(shell.t("提交审查", "Submit for checking"))</button>
            </form>
            """
    }
}
