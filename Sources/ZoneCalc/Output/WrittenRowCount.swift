import GeoBridge

/// The rows a finished CSV or XLSX file holds, counted from its bytes in one pass rather than parsed by
/// GDAL's reader (which, for a 100 000-row workbook, takes longer than writing it).
enum WrittenRowCount {
    /// The records of a CSV file below its heading line: line ends outside quotes, plus a last line
    /// without one. A quoted field may hold line ends and doubled quotes; both are passed over.
    static func csvRecords(_ path: String) throws -> Int {
        var lineEnds = 0, quoted = false, last: UInt8 = 0x0A
        try VirtualFile.forEachChunk(of: path) { bytes in
            for byte in bytes {
                if byte == 0x22 { quoted.toggle() } else if byte == 0x0A, !quoted { lineEnds += 1 }
            }
            if let end = bytes.last { last = end }
        }
        let lines = lineEnds + (last == 0x0A ? 0 : 1)
        return max(0, lines - 1)
    }

    /// The rows below the heading row of the `sheet`-th worksheet (from 1, in the order written) of an
    /// XLSX workbook: its `<row ` elements, read from the inflated sheet. Cell text is kept in the shared
    /// strings, so the sheet holds no other `<row `.
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
}
