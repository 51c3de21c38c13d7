import GeoBridge

/// An HTML document being written: numbered tables and figures, sections, print styles for A4
/// portrait. Self-contained: no network, no scripts, fonts named for Chinese on Windows and Linux.
struct ReportHTMLPage {
    let language: Language
    private(set) var body = ""
    private(set) var tables = 0, figures = 0

    init(language: Language) { self.language = language }

    func t(_ zh: String, _ en: String) -> String { Bilingual(zh, en).text(language) }

    static let style = """
    @page{size:A4 portrait;margin:16mm 14mm}
    body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","SimSun",sans-serif;font-size:10.5pt;color:#222;margin:0 auto;max-width:182mm}
    h1{font-size:18pt;margin:0 0 6pt}h2{font-size:14pt;border-bottom:2px solid #1565c0;padding-bottom:2pt;margin:18pt 0 8pt}
    h3{font-size:11.5pt;margin:12pt 0 4pt}
    section{break-before:page}section.first{break-before:auto}
    table{border-collapse:collapse;width:100%;margin:4pt 0 10pt;font-size:9pt}
    thead{display:table-header-group}tr{break-inside:avoid}
    th,td{border:1px solid #999;padding:2pt 4pt;vertical-align:top;overflow-wrap:break-word}
    th{background:#e8eef7;font-weight:bold;word-break:keep-all}
    td.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
    caption{caption-side:top;text-align:left;font-weight:bold;padding:2pt 0}
    figure{margin:6pt 0 12pt;break-inside:avoid}figure svg{width:100%;height:auto;border:1px solid #bbb}
    figcaption{font-size:9pt;color:#333;margin-top:2pt}
    .missing{border:1px solid #e0a800;background:#fff8e1;padding:6pt 8pt}
    .meta td:first-child{white-space:nowrap;width:28%}
    ul.toc{columns:2}ol.notes{font-size:8.5pt;color:#333;padding-left:18pt}
    td{min-width:2.5em}
    """

    /// The whole page around what was written.
    func document(title: String) -> String {
        "<!DOCTYPE html>\n<html lang=\"\(language == .zh ? "zh-CN" : "en")\"><head><meta charset=\"utf-8\">"
            + "<title>\(HTMLText.escape(title))</title>\n<style>\n\(Self.style)\n</style></head><body>\n" + body + "</body></html>\n"
    }

    mutating func raw(_ html: String) { body += html }

    mutating func paragraph(_ text: String, className: String? = nil) {
        body += "<p" + (className.map { " class=\"\($0)\"" } ?? "") + ">\(HTMLText.escape(text))</p>\n"
    }

    /// A table's number, taken before it is written (a figure can name the table it draws).
    var nextTable: Int { tables + 1 }

    /// A numbered table of `rows` of text; columns from `numeric` on the right, without wrapping.
    mutating func table(_ caption: String, headers: [String], rows: [[String]], numeric: Set<Int> = [], className: String? = nil) {
        tables += 1
        body += "<table" + (className.map { " class=\"\($0)\"" } ?? "") + "><caption>\(t("表", "Table")) \(tables)　\(HTMLText.escape(caption))</caption>\n<thead><tr>"
            + headers.map { "<th>\(HTMLText.escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows {
            body += "<tr>" + row.enumerated().map { index, cell in
                numeric.contains(index) ? "<td class=\"n\">\(HTMLText.escape(cell))</td>" : "<td>\(HTMLText.escape(cell))</td>"
            }.joined() + "</tr>\n"
        }
        body += "</tbody></table>\n"
    }

    /// A numbered table of some columns of a report table (by key), figures as the workbook rounds them.
    mutating func table(_ caption: String, _ table: ReportTable, keys: [String], rows: [ReportRow]? = nil) {
        let columns = keys.compactMap { key in table.columns.firstIndex { $0.key == key } }
        let numeric = Set(columns.enumerated().filter { [.real, .integer, .integer64].contains(table.columns[$0.element].type) }.map(\.offset))
        self.table(caption, headers: columns.map { table.columns[$0].heading.text(language) },
                   rows: (rows ?? table.rows).map { row in columns.map { Self.text(row.values[$0], table.columns[$0]) } }, numeric: numeric)
    }

    /// A cell's text: a real at its column's decimals.
    static func text(_ value: FieldValue, _ column: LedgerColumn) -> String {
        switch value {
        case .null: return ""
        case .real(let number): return NumberText.fixed(number, decimals: column.decimals ?? 4)
        default: return value.text ?? ""
        }
    }

    /// A numbered figure with its caption, which names the table it draws.
    mutating func figure(_ svg: String, caption: String, table: Int?) {
        figures += 1
        let source = table.map { t("（数据见表 \($0)）", " (data in table \($0))") } ?? ""
        body += "<figure>\(svg)\n<figcaption>\(t("图", "Figure")) \(figures)　\(HTMLText.escape(caption))\(HTMLText.escape(source))</figcaption></figure>\n"
    }
}
