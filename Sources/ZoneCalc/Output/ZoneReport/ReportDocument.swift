import GeoBridge

/// A report as a sequence of blocks — title, sections, paragraphs, lists, numbered tables and
/// figures — written once and rendered as a self-contained HTML page (``html(title:)``) and as a Word
/// document (``ReportDocx``), so both carry the same content.
struct ReportDocument {
    enum Emphasis: Equatable {
        case plain
        /// Something missing or not computed (a framed note).
        case missing
        /// A verdict: pass, fail or needs review.
        case verdict(RuleStatus)
    }

    enum Block {
        case title(String)
        /// A section heading; with ``sectionsOnNewPages`` every section after the first starts a new printed page.
        case section(String)
        case subheading(String)
        case paragraph(String, Emphasis)
        case list([String], ordered: Bool)
        /// A numbered table; `numeric` columns are right-aligned; `keyValue` tables are item–value lists.
        case table(number: Int, caption: String, headers: [String], rows: [[String]], numeric: Set<Int>, keyValue: Bool)
        /// A numbered figure (SVG) whose caption names the table it draws.
        case figure(number: Int, svg: String, caption: String, table: Int?)
    }

    let language: Language
    /// Whether every section after the first starts a new printed page (the zone report's topics do;
    /// a proposal report runs on).
    let sectionsOnNewPages: Bool
    private(set) var blocks: [Block] = []
    private(set) var tables = 0, figures = 0

    init(language: Language, sectionsOnNewPages: Bool = true) { self.language = language; self.sectionsOnNewPages = sectionsOnNewPages }

    func t(_ zh: String, _ en: String) -> String { Bilingual(zh, en).text(language) }

    mutating func title(_ text: String) { blocks.append(.title(text)) }
    mutating func section(_ text: String) { blocks.append(.section(text)) }
    mutating func subheading(_ text: String) { blocks.append(.subheading(text)) }
    mutating func paragraph(_ text: String, _ emphasis: Emphasis = .plain) { blocks.append(.paragraph(text, emphasis)) }
    mutating func list(_ items: [String], ordered: Bool = false) { if !items.isEmpty { blocks.append(.list(items, ordered: ordered)) } }

    /// A table's number, taken before it is written (a figure can name the table it draws).
    var nextTable: Int { tables + 1 }

    /// A numbered table of `rows` of text.
    mutating func table(_ caption: String, headers: [String], rows: [[String]], numeric: Set<Int> = [], keyValue: Bool = false) {
        tables += 1
        blocks.append(.table(number: tables, caption: caption, headers: headers, rows: rows, numeric: numeric, keyValue: keyValue))
    }

    /// A numbered table of some columns of a report table (by key), figures as the workbook rounds them.
    mutating func table(_ caption: String, _ table: ReportTable, keys: [String], rows: [ReportRow]? = nil, keyValue: Bool = false) {
        let columns = keys.compactMap { key in table.columns.firstIndex { $0.key == key } }
        let numeric = Set(columns.enumerated().filter { [.real, .integer, .integer64].contains(table.columns[$0.element].type) }.map(\.offset))
        self.table(caption, headers: columns.map { table.columns[$0].heading.text(language) },
                   rows: (rows ?? table.rows).map { row in columns.map { Self.text(row.values[$0], table.columns[$0]) } },
                   numeric: keyValue ? [] : numeric, keyValue: keyValue)
    }

    /// A numbered table of a ledger's 汇总 rows, every column.
    mutating func table(_ caption: String, totals appendix: LedgerAppendix) {
        let totals = ReportTable(name: Bilingual(verbatim: caption), columns: appendix.totalsColumns, rows: appendix.totals.map { ReportRow($0) })
        table(caption, totals, keys: appendix.totalsColumns.map(\.key))
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
        blocks.append(.figure(number: figures, svg: svg, caption: caption, table: table))
    }

    func tableLabel(_ number: Int) -> String { t("表 \(number)", "Table \(number)") }
    func figureLabel(_ number: Int) -> String { t("图 \(number)", "Figure \(number)") }
    func source(_ table: Int?) -> String { table.map { t("（数据见表 \($0)）", " (data in table \($0))") } ?? "" }

    // MARK: HTML

    /// Print styles for A4 portrait: page margins, a new page per section, table headings repeated on
    /// every page, rows and figures kept whole, no column squeezed below a few characters.
    static let style = """
    @page{size:A4 portrait;margin:16mm 14mm}
    body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","SimSun",sans-serif;font-size:10.5pt;color:#222;margin:0 auto;max-width:182mm}
    h1{font-size:18pt;margin:0 0 6pt}h2{font-size:14pt;border-bottom:2px solid #1565c0;padding-bottom:2pt;margin:18pt 0 8pt}
    h3{font-size:11.5pt;margin:12pt 0 4pt}
    section{break-before:page}section.first{break-before:auto}
    table{border-collapse:collapse;width:100%;margin:4pt 0 10pt;font-size:9pt}
    thead{display:table-header-group}tr{break-inside:avoid}
    th,td{border:1px solid #999;padding:2pt 4pt;vertical-align:top;overflow-wrap:break-word}
    td{min-width:2.5em}
    th{background:#e8eef7;font-weight:bold;word-break:keep-all}
    td.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
    caption{caption-side:top;text-align:left;font-weight:bold;padding:2pt 0;break-after:avoid}
    figure{margin:6pt 0 12pt;break-inside:avoid}figure svg{width:100%;height:auto;border:1px solid #bbb;box-sizing:border-box}
    figcaption{font-size:9pt;color:#333;margin-top:2pt}
    .missing{border:1px solid #e0a800;background:#fff8e1;padding:6pt 8pt}
    .verdict{font-size:15pt;font-weight:bold;padding:6pt 10pt;display:inline-block}
    .pass{background:#c8e6c9}.fail{background:#ffcdd2}.needs_review,.not_checked{background:#fff9c4}
    table.meta td:first-child{white-space:nowrap;width:24%;background:#f5f5f5}
    ol,ul{padding-left:18pt}
    """

    /// The whole page: no network, no scripts, fonts named for Chinese on Windows and Linux.
    func html(title: String) -> String {
        var body = "", open = false
        for block in blocks {
            switch block {
            case .title(let text): body += "<h1>\(HTMLText.escape(text))</h1>\n"
            case .section(let text):
                body += (open ? "</section>\n" : "") + "<section\(open && sectionsOnNewPages ? "" : " class=\"first\"")><h2>\(HTMLText.escape(text))</h2>\n"
                open = true
            case .subheading(let text): body += "<h3>\(HTMLText.escape(text))</h3>\n"
            case .paragraph(let text, let emphasis):
                switch emphasis {
                case .plain: body += "<p>\(HTMLText.escape(text))</p>\n"
                case .missing: body += "<p class=\"missing\">\(HTMLText.escape(text))</p>\n"
                case .verdict(let status): body += "<p class=\"verdict \(status.rawValue)\">\(HTMLText.escape(text))</p>\n"
                }
            case .list(let items, let ordered):
                let tag = ordered ? "ol" : "ul"
                body += "<\(tag)>" + items.map { "<li>\(HTMLText.escape($0))</li>" }.joined() + "</\(tag)>\n"
            case .table(let number, let caption, let headers, let rows, let numeric, let keyValue):
                body += "<table\(keyValue ? " class=\"meta\"" : "")><caption>\(tableLabel(number))　\(HTMLText.escape(caption))</caption>\n<thead><tr>"
                    + headers.map { "<th>\(HTMLText.escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
                for row in rows {
                    body += "<tr>" + row.enumerated().map { index, cell in
                        numeric.contains(index) ? "<td class=\"n\">\(HTMLText.escape(cell))</td>" : "<td>\(HTMLText.escape(cell))</td>"
                    }.joined() + "</tr>\n"
                }
                body += "</tbody></table>\n"
            case .figure(let number, let svg, let caption, let table):
                body += "<figure>\(svg)\n<figcaption>\(figureLabel(number))　\(HTMLText.escape(caption))\(HTMLText.escape(source(table)))</figcaption></figure>\n"
            }
        }
        if open { body += "</section>\n" }
        return "<!DOCTYPE html>\n<html lang=\"\(language == .zh ? "zh-CN" : "en")\"><head><meta charset=\"utf-8\">"
            + "<title>\(HTMLText.escape(title))</title>\n<style>\n\(Self.style)\n</style></head><body>\n" + body + "</body></html>\n"
    }
}
