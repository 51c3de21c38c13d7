import Foundation
import GeoBridge

/// A ``ReportDocument`` as a Word document (.docx), built from the WordprocessingML template inside
/// ZoneCalc (`Templates/docx`: styles, A4 portrait page, package parts): headings, paragraphs, lists,
/// tables whose heading row repeats on every page, and figures embedded as SVG (Word 2016 and later
/// draw them) with a PNG for readers that cannot (older Word, LibreOffice): the figure drawn by
/// Chromium when the machine has it (``ReportPDF/pictures(of:with:)``), else a blank one. Written as a
/// zip archive through GDAL's virtual file system, as the workbooks are.
struct ReportDocx {
    let document: ReportDocument
    /// PNG copies of the figures, by figure number.
    var pictures: [Int: Data] = [:]

    /// The width and height of an SVG's view box.
    static func viewBox(_ svg: String) -> (width: Double, height: Double)? {
        guard let box = svg.range(of: "viewBox=\"0 0 "), let end = svg[box.upperBound...].firstIndex(of: "\"") else { return nil }
        let numbers = svg[box.upperBound..<end].split(separator: " ").compactMap { Double($0) }
        guard numbers.count == 2, numbers[0] > 0, numbers[1] > 0 else { return nil }
        return (numbers[0], numbers[1])
    }

    /// The template's parts, by their names in the package.
    static let templateParts = ["[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/settings.xml",
                                "word/styles.xml", "word/document.xml", "word/media/blank.png"]

    static func template(_ part: String) throws -> Data {
        guard let root = Bundle.module.resourceURL?.appendingPathComponent("Templates/docx") else {
            throw ZoneCalcError.outputFailed(path: part, reason: Bilingual("ZoneCalc 的 Word 模板缺失", "ZoneCalc's Word template is missing"))
        }
        do { return try Data(contentsOf: root.appendingPathComponent(part)) }
        catch { throw ZoneCalcError.outputFailed(path: part, reason: Bilingual("ZoneCalc 的 Word 模板缺失", "ZoneCalc's Word template is missing")) }
    }

    /// Writes the document at `path` (a temporary path); errors name `destination`.
    func write(to path: String, destination: String) throws {
        var images: [(name: String, data: Data)] = []
        var relationships = ""
        var body = ""
        var first = true
        for block in document.blocks {
            switch block {
            case .title(let text): body += paragraph(text, style: "Title")
            case .section(let text):
                body += paragraph(text, style: "Heading1", pageBreak: document.sectionsOnNewPages && !first)
                first = false
            case .subheading(let text): body += paragraph(text, style: "Heading2")
            case .paragraph(let text, let emphasis):
                switch emphasis {
                case .plain: body += paragraph(text)
                case .missing: body += paragraph(text, style: "Note")
                case .verdict(let status): body += paragraph(text, style: "Verdict", shading: Self.verdictFill[status] ?? "FFF9C4")
                }
            case .list(let items, let ordered):
                for (index, item) in items.enumerated() { body += paragraph((ordered ? "\(index + 1). " : "• ") + item, style: "ListItem") }
            case .table(let number, let caption, let headers, let rows, let numeric, let keyValue):
                body += paragraph("\(document.tableLabel(number))　\(caption)", style: "Caption")
                body += table(headers: headers, rows: rows, numeric: numeric, keyValue: keyValue)
            case .figure(let number, let svg, let caption, let table):
                let index = number
                images.append((name: "figure\(index).svg", data: Data(svg.utf8)))
                relationships += "<Relationship Id=\"rIdFigure\(index)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/figure\(index).svg\"/>"
                var fallback = "rIdBlank"
                if let picture = pictures[number] {
                    images.append((name: "figure\(index).png", data: picture))
                    relationships += "<Relationship Id=\"rIdPicture\(index)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/figure\(index).png\"/>"
                    fallback = "rIdPicture\(index)"
                }
                body += figure(index: index, svg: svg, title: caption, fallback: fallback)
                body += paragraph("\(document.figureLabel(number))　\(caption)\(document.source(table))", style: "FigureCaption")
            }
        }
        if !images.isEmpty {
            relationships += "<Relationship Id=\"rIdBlank\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/blank.png\"/>"
        }
        var parts: [(name: String, data: Data)] = []
        for name in Self.templateParts where name != "word/media/blank.png" || !images.isEmpty {
            var data = try Self.template(name)
            if name == "word/document.xml" { data = Self.filled(data, "{{BODY}}", with: body) }
            if name == "word/_rels/document.xml.rels" { data = Self.filled(data, "{{RELATIONSHIPS}}", with: relationships) }
            parts.append((name, data))
        }
        parts += images.map { ("word/media/\($0.name)", $0.data) }
        // GDAL writes zip archives of the extensions it knows; .docx is named for this one.
        try GDALConfiguration.withThreadLocal("CPL_VSIL_ZIP_ALLOWED_EXTENSIONS", ".docx") { try writeArchive(parts, to: path, destination: destination) }
    }

    private func writeArchive(_ parts: [(name: String, data: Data)], to path: String, destination: String) throws {
        do {
            let archive = try VirtualFileWriter("/vsizip/" + path, reportedPath: destination)
            for part in parts {
                let file = try VirtualFileWriter("/vsizip/\(path)/\(part.name)", reportedPath: destination, member: part.name)
                var failure: (any Error)?
                part.data.withUnsafeBytes { bytes in
                    do { try file.write(bytes) } catch { failure = error }
                }
                if let failure { throw failure }
                try file.close()
            }
            try archive.close()
        } catch {
            throw ZoneCalcError(error, source: destination)
        }
    }

    static let verdictFill: [RuleStatus: String] = [.pass: "C8E6C9", .fail: "FFCDD2"]

    static func filled(_ template: Data, _ placeholder: String, with text: String) -> Data {
        Data(String(decoding: template, as: UTF8.self).replacingOccurrences(of: placeholder, with: text).utf8)
    }

    /// Text for WordprocessingML: escaped as for HTML (``HTMLText``), tabs and line breaks as spaces.
    static func escaped(_ text: String) -> String {
        HTMLText.escape(text).replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\t", with: " ")
    }

    private func run(_ text: String) -> String { "<w:r><w:t xml:space=\"preserve\">\(Self.escaped(text))</w:t></w:r>" }

    private func paragraph(_ text: String, style: String? = nil, pageBreak: Bool = false, shading: String? = nil, right: Bool = false) -> String {
        var properties = style.map { "<w:pStyle w:val=\"\($0)\"/>" } ?? ""
        if pageBreak { properties += "<w:pageBreakBefore/>" }
        if let shading { properties += "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"\(shading)\"/>" }
        if right { properties += "<w:jc w:val=\"right\"/>" }
        return "<w:p>" + (properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>") + run(text) + "</w:p>"
    }

    private func cell(_ text: String, numeric: Bool, heading: Bool, width: Int) -> String {
        var properties = "<w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>"
        if heading { properties += "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E8EEF7\"/>" }
        let content = heading ? "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">\(Self.escaped(text))</w:t></w:r>" : run(text)
        let paragraphProperties = "<w:pStyle w:val=\"TableText\"/>" + (numeric ? "<w:jc w:val=\"right\"/>" : "")
        return "<w:tc><w:tcPr>\(properties)</w:tcPr><w:p><w:pPr>\(paragraphProperties)</w:pPr>\(content)</w:p></w:tc>"
    }

    /// A table across the page, its heading row repeated on every page, rows never split.
    private func table(headers: [String], rows: [[String]], numeric: Set<Int>, keyValue: Bool) -> String {
        // Widths in twips of the 10 318 between A4's margins (LibreOffice and WPS need the grid's): an
        // item–value table's first column a quarter; otherwise each column as wide as its longest text
        // (a Chinese character counting two), a text column at most 30.
        let textWidth = 10_318
        let widths: [Int]
        if keyValue {
            widths = [textWidth / 4, textWidth - textWidth / 4]
        } else {
            // Figures never wrap: a number column is as wide as its longest figure (at least 8), a
            // heading may wrap between its characters (at least 4); two for the cell's padding.
            let lengths = headers.indices.map { column -> Int in
                func width(_ text: String) -> Int { text.unicodeScalars.reduce(0) { $0 + ($1.value > 0x2E80 ? 2 : 1) } }
                let cells = rows.compactMap { column < $0.count ? $0[column] : nil }.map(width).max() ?? 0
                let heading = min(width(headers[column]), 8)
                return 2 + (numeric.contains(column) ? max(cells, heading, 8) : min(max(cells, heading, 4), 30))
            }
            let total = max(lengths.reduce(0, +), 1)
            widths = lengths.map { textWidth * $0 / total }
        }
        var out = "<w:tbl><w:tblPr><w:tblStyle w:val=\"ReportTable\"/><w:tblW w:w=\"\(textWidth)\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>"
            + widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
        out += "<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>"
            + headers.enumerated().map { cell($0.element, numeric: false, heading: true, width: widths[$0.offset]) }.joined() + "</w:tr>"
        for row in rows {
            out += "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
                + row.prefix(widths.count).enumerated().map { cell($0.element, numeric: numeric.contains($0.offset), heading: false,
                                                                  width: widths[$0.offset]) }.joined() + "</w:tr>"
        }
        return out + "</w:tbl>"
    }

    /// An inline picture 17 cm wide, its height from the SVG's view box.
    private func figure(index: Int, svg: String, title: String, fallback: String) -> String {
        let width = 6_120_000
        let height = Self.viewBox(svg).map { Int(Double(width) * $0.height / $0.width) } ?? width * 2 / 3
        let name = Self.escaped(title)
        return "<w:p><w:pPr><w:keepNext/><w:jc w:val=\"center\"/></w:pPr><w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">"
            + "<wp:extent cx=\"\(width)\" cy=\"\(height)\"/><wp:docPr id=\"\(index)\" name=\"\(name)\"/>"
            + "<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic>"
            + "<pic:nvPicPr><pic:cNvPr id=\"\(index)\" name=\"figure\(index).svg\"/><pic:cNvPicPr/></pic:nvPicPr>"
            + "<pic:blipFill><a:blip r:embed=\"\(fallback)\"><a:extLst><a:ext uri=\"{96DAC541-7B7A-43D3-8B79-37D633B846F1}\">"
            + "<asvg:svgBlip r:embed=\"rIdFigure\(index)\"/></a:ext></a:extLst></a:blip><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
            + "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"\(width)\" cy=\"\(height)\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr>"
            + "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
    }
}
