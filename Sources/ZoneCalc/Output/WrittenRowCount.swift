import Foundation
import GeoBridge

/// The rows a finished CSV or XLSX file holds, counted from its bytes in one pass rather than parsed by
/// GDAL's reader (which, for a 100 000-row workbook, takes longer than writing it).
enum WrittenRowCount {
    /// The records of a CSV file below its heading line: line ends outside quotes (a quoted field may
    /// hold line ends and doubled quotes; both are passed over). GDAL ends every line, the heading's
    /// included, so a file that stops inside a line or a quoted field was cut short: nil.
    static func csvRecords(_ path: String) throws -> Int? {
        var lineEnds = 0, quoted = false, last: UInt8 = 0
        try VirtualFile.forEachChunk(of: path) { bytes in
            for byte in bytes {
                if byte == 0x22 { quoted.toggle() } else if byte == 0x0A, !quoted { lineEnds += 1 }
            }
            if let end = bytes.last { last = end }
        }
        guard last == 0x0A, !quoted, lineEnds > 0 else { return nil }
        return lineEnds - 1
    }

    /// The rows below the heading row of the `sheet`-th worksheet (from 1, in the order written) of an
    /// XLSX workbook: its `<row ` elements, read from the inflated sheet. Cell text in the sheet is escaped
    /// (`<` as `&lt;`), so the sheet holds no other `<row `.
    static func xlsxRows(_ path: String, sheet: Int) throws -> Int {
        let pattern = Array("<row ".utf8)
        var rows = 0, matched = 0
        try VirtualFile.forEachChunk(of: "/vsizip/\(path)/xl/worksheets/sheet\(sheet).xml") { bytes in
            for byte in bytes {
                if byte == pattern[matched] {
                    matched += 1
                    if matched == pattern.count { rows += 1; matched = 0 }
                } else {
                    matched = byte == pattern[0] ? 1 : 0
                }
            }
        }
        return max(0, rows - 1)
    }

    /// Whether the file ends as GDAL ends a zip archive: with the 22-byte end record (signature PK\5\6,
    /// no comment) right after the central directory it points to. GDAL's reader still opens an archive
    /// missing the last bytes of that record, which other programs (Excel) refuse.
    static func endsAsZipArchive(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        guard let size = try? handle.seekToEnd(), size >= 22, (try? handle.seek(toOffset: size - 22)) != nil,
              let end = try? handle.readToEnd(), end.count == 22 else { return false }
        let bytes = [UInt8](end)
        func number(_ at: Int, _ count: Int) -> UInt64 { (0..<count).reduce(0) { $0 | UInt64(bytes[at + $1]) << (8 * $1) } }
        guard bytes[0..<4] == [0x50, 0x4B, 0x05, 0x06], number(20, 2) == 0 else { return false }
        let (directorySize, directoryOffset) = (number(12, 4), number(16, 4))
        // A ZIP64 archive (over 4 GiB) keeps the offset in its own record before this one.
        return directoryOffset == 0xFFFF_FFFF || directoryOffset + directorySize == size - 22
    }
}
