import GeoBridge

/// Writes one table as CSV straight to its file, in the dialect GDAL's CSV driver writes with
/// `STRING_QUOTING=IF_NEEDED` (so a ledger reads the same whichever writes it): a heading line, then a
/// line per row, each ended by LF; a text quoted, its quotes doubled, only when it holds a quote, comma,
/// semicolon, tab or line end; an empty field for a null; integers in decimal; a real with the column's
/// decimals when it has them, else in 15 significant digits (`%.15g`); dates as `YYYY/MM/DD` and
/// date-times as `YYYY/MM/DD HH:MM:SS`.
///
/// Where a value does not fit its column, nothing is lost (GDAL would truncate or drop it): an integer
/// in a real column is written as a real, a real in an integer column keeps its fraction, a text that
/// is not a date in a date column is written as the text. A text ends at a NUL character, as in every
/// format written through GDAL.
final class CSVTableWriter: TableFileWriter {
    private let file: VirtualFileWriter
    private var bytes: TableBytes
    private var columns: [FieldDefinition] = []

    /// Creates the file at `path`, starting with a UTF-8 byte-order mark when `byteOrderMark`.
    init(path: String, byteOrderMark: Bool) throws(GDALError) {
        file = try VirtualFileWriter(path)
        bytes = TableBytes(file: file)
        if byteOrderMark { bytes.append([0xEF, 0xBB, 0xBF]) }
    }

    func beginLayer(_ spec: OutputLayerSpec) throws(GDALError) {
        columns = spec.columns
        for (index, column) in columns.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            appendText(column.name)
        }
        bytes.append(UInt8(ascii: "\n"))
    }

    func add(_ values: [FieldValue]) throws(GDALError) {
        for (index, column) in columns.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            append(index < values.count ? values[index] : .null, in: column)
        }
        bytes.append(UInt8(ascii: "\n"))
        try bytes.flushIfFull()
    }

    func finish() throws(GDALError) {
        try bytes.flush()
        try file.close()
    }

    private func append(_ value: FieldValue, in column: FieldDefinition) {
        switch value {
        case .null: break
        case .integer(let integer):
            if column.type == .real { appendReal(Double(integer), in: column) } else { bytes.append(integer: integer) }
        case .real(let real):
            // a real in a text column as GDAL sets one there: 16 significant digits
            if column.type == .string { bytes.append(real, printf: "%.16g") } else { appendReal(real, in: column) }
        case .string(let text), .date(let text), .dateTime(let text):
            appendText(Self.slashed(text, as: column.type) ?? text)
        }
    }

    private func appendReal(_ value: Double, in column: FieldDefinition) {
        if column.type == .real, column.width != 0 {
            bytes.append(value, decimals: column.precision)
        } else {
            bytes.appendGeneral15(value)
        }
    }

    /// `text`, up to a NUL, quoted when it holds a character that would end the field or the line.
    private func appendText(_ text: String) {
        if let nul = text.firstIndex(of: "\u{0}") { return appendText(String(text[..<nul])) }
        guard text.utf8.contains(where: Self.needsQuotes) else { return bytes.append(text) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(text.replacingOccurrences(of: "\"", with: "\"\""))
        bytes.append(UInt8(ascii: "\""))
    }

    private static func needsQuotes(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\"") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }

    /// An ISO date (`YYYY-MM-DD`) or date-time (`YYYY-MM-DDTHH:MM:SS`), the forms ZoneCalc's readers give,
    /// as GDAL writes it in a column of `type`: `YYYY/MM/DD` in a date column, `YYYY/MM/DD HH:MM:SS` in a
    /// date-time column (a date at midnight); nil for another column or other text (written as it is).
    static func slashed(_ iso: String, as type: FieldType) -> String? {
        let utf8 = Array(iso.utf8)
        let digits = utf8.count == 10 ? [0, 1, 2, 3, 5, 6, 8, 9] : [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18]
        guard type == .date || type == .dateTime, utf8.count == 10 || utf8.count == 19,
              digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(utf8[$0]) }),
              utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-"),
              utf8.count == 10 || (utf8[10] == UInt8(ascii: "T") && utf8[13] == UInt8(ascii: ":") && utf8[16] == UInt8(ascii: ":")) else { return nil }
        var date = Array(utf8[0..<10])
        date[4] = UInt8(ascii: "/"); date[7] = UInt8(ascii: "/")
        guard type == .dateTime else { return String(decoding: date, as: UTF8.self) }
        let time = utf8.count == 19 ? Array(utf8[11...]) : Array("00:00:00".utf8)
        return String(decoding: date + [UInt8(ascii: " ")] + time, as: UTF8.self)
    }
}
