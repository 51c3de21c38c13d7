import GeoBridge

/// Writes a workbook straight to its file: each layer a worksheet, streamed row by row into its member
/// of the zip archive, then the parts that describe the workbook (``XLSXPackageParts``).
///
/// The headings are the first row (bold, frozen); integers and reals are number cells (a real in its
/// shortest exact decimal), texts inline strings (as spreadsheet writers that stream do, so no table of
/// every distinct text is held), dates and date-times serial days with a `yyyy-mm-dd` format. A null is
/// an absent cell; an empty text is one too. A date Excel cannot show (before 1 March 1900) and a
/// non-finite number are written as text; a character XML cannot hold (a control character) as
/// `_xHHHH_`, the escape spreadsheets read back.
final class XLSXWorkbookWriter: TableFileWriter {
    private let path: String
    private let destination: String
    private let archive: VirtualFileWriter
    private var sheet: Sheet?
    private var sheetNames: [String] = []
    private var columns: [FieldDefinition] = []
    private var columnLetters: [[UInt8]] = []
    private var row = 0

    /// Excel's limits: rows and columns of a sheet, UTF-16 units of a cell's text. A table beyond them is
    /// refused (Excel would cut it short or call the file damaged).
    static let maximumRows = 1_048_576, maximumColumns = 16_384, maximumCellText = 32_767

    /// Creates the workbook at `path`; failures of the table name `destination`.
    init(path: String, destination: String) throws(GDALError) {
        self.path = path
        self.destination = destination
        archive = try VirtualFileWriter("/vsizip/" + path, reportedPath: path)
    }

    func beginLayer(_ spec: OutputLayerSpec) throws {
        guard spec.columns.count <= Self.maximumColumns else {
            throw beyondExcel(Bilingual("一张工作表最多 \(Self.maximumColumns) 列，此表有 \(spec.columns.count) 列",
                                        "a sheet holds at most \(Self.maximumColumns) columns and this table has \(spec.columns.count)"))
        }
        try endSheet()
        sheetNames.append(XLSXPackageParts.sheetName(spec.name, taken: sheetNames))
        let member = "xl/worksheets/sheet\(sheetNames.count).xml"
        let file = try VirtualFileWriter("/vsizip/\(path)/\(member)", reportedPath: path, member: member)
        let sheet = Sheet(file)
        columns = spec.columns
        columnLetters = columns.indices.map { Array(XLSXPackageParts.columnLetters($0).utf8) }
        sheet.bytes.append(XLSXPackageParts.worksheetStart(columns))
        row = 1
        sheet.bytes.append("<row r=\"1\">")
        for index in columns.indices {
            appendText(columns[index].name, column: index, style: XLSXPackageParts.headingStyleAttribute, to: &sheet.bytes)
        }
        sheet.bytes.append("</row>\n")
        self.sheet = sheet
    }

    func add(_ values: [FieldValue]) throws {
        guard let sheet else { return }
        row += 1
        guard row <= Self.maximumRows else {
            throw beyondExcel(Bilingual("一张工作表最多 \(Self.maximumRows) 行（含标题行）", "a sheet holds at most \(Self.maximumRows) rows, the heading's included"))
        }
        // UTF-8 is never shorter than UTF-16: only a text of more bytes than the limit is counted
        for index in columns.indices where index < values.count {
            guard case .string(let text) = values[index], text.utf8.count > Self.maximumCellText, text.utf16.count > Self.maximumCellText else { continue }
            let column = columns[index].name
            throw beyondExcel(Bilingual("第 \(row) 行“\(column)”的文本有 \(text.utf16.count) 个字符，Excel 单元格最多 \(Self.maximumCellText) 个",
                                        "the text of row \(row), '\(column)', has \(text.utf16.count) characters and an Excel cell holds at most \(Self.maximumCellText)"))
        }
        sheet.bytes.append("<row r=\"")
        sheet.bytes.append(integer: Int64(row))
        sheet.bytes.append("\">")
        for index in columns.indices where index < values.count {
            append(values[index], column: index, to: &sheet.bytes)
        }
        sheet.bytes.append("</row>\n")
        try sheet.bytes.flushIfFull()
    }

    func finish() throws(GDALError) {
        try endSheet()
        for (name, text) in XLSXPackageParts.parts(sheetNames: sheetNames) {
            let file = try VirtualFileWriter("/vsizip/\(path)/\(name)", reportedPath: path, member: name)
            var bytes = TableBytes(file: file)
            bytes.append(text)
            try bytes.flush()
            try file.close()
        }
        try archive.close()
    }

    /// The table does not fit a workbook: said with the formats that hold it.
    private func beyondExcel(_ reason: Bilingual) -> ZoneCalcError {
        .unsupportedOutput(path: destination, reason: Bilingual(reason.zh + "；请写成 CSV 或 GeoPackage", reason.en + "; write CSV or a GeoPackage"))
    }

    private func endSheet() throws(GDALError) {
        guard let sheet else { return }
        self.sheet = nil
        sheet.bytes.append(XLSXPackageParts.worksheetEnd)
        try sheet.bytes.flush()
        try sheet.file.close()
    }

    /// The worksheet being written: its archive member and the bytes gathered for it.
    private final class Sheet {
        let file: VirtualFileWriter
        var bytes: TableBytes
        init(_ file: VirtualFileWriter) { self.file = file; bytes = TableBytes(file: file) }
    }

    private func append(_ value: FieldValue, column: Int, to bytes: inout TableBytes) {
        switch value {
        case .null: break
        case .integer(let integer):
            startCell(column, to: &bytes)
            bytes.append("><v>")
            bytes.append(integer: integer)
            bytes.append("</v></c>")
        case .real(let real):
            guard real.isFinite else { return appendText(real.isNaN ? "NaN" : real > 0 ? "inf" : "-inf", column: column, to: &bytes) }
            startCell(column, to: &bytes)
            bytes.append("><v>")
            bytes.append(real == 0 ? "0" : real.description)
            bytes.append("</v></c>")
        case .string(let text): appendText(text, column: column, to: &bytes)
        case .date(let text), .dateTime(let text):
            guard let serial = SpreadsheetDate.serial(text) else { return appendText(text, column: column, to: &bytes) }
            startCell(column, to: &bytes)
            bytes.append(serial.hasTime ? XLSXPackageParts.dateTimeStyleAttribute : XLSXPackageParts.dateStyleAttribute)
            bytes.append("><v>")
            if serial.hasTime { bytes.append(serial.days.description) } else { bytes.append(integer: Int64(serial.days)) }
            bytes.append("</v></c>")
        }
    }

    /// `<c r="B7"`, the cell's reference: its attributes and content follow.
    private func startCell(_ column: Int, to bytes: inout TableBytes) {
        bytes.append("<c r=\"")
        bytes.append(columnLetters[column])
        bytes.append(integer: Int64(row))
        bytes.append(UInt8(ascii: "\""))
    }

    private func appendText(_ text: String, column: Int, style: String = "", to bytes: inout TableBytes) {
        guard !text.isEmpty else { return }
        startCell(column, to: &bytes)
        bytes.append(style)
        bytes.append(" t=\"inlineStr\"><is><t")
        if let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
           first.properties.isWhitespace || last.properties.isWhitespace {
            bytes.append(" xml:space=\"preserve\"")
        }
        bytes.append(UInt8(ascii: ">"))
        bytes.append(XLSXPackageParts.escaped(text))
        bytes.append("</t></is></c>")
    }
}
