import Foundation
import GeoBridge
import Testing
@testable import ZoneCalc

/// The CSV and XLSX files ZoneCalc writes itself hold what GDAL's drivers write of the same rows: a
/// CSV the same bytes, a workbook the same values when GDAL reads both back. GDAL's drivers are the
/// independent oracle here.
@Suite struct TableFileWriterTests {
    static let columns = [
        FieldDefinition(name: "整数", type: .integer), FieldDefinition(name: "大整数", type: .integer64),
        FieldDefinition(name: "实数", type: .real), FieldDefinition(name: "面积（亩）", type: .real, width: 24, precision: 2),
        FieldDefinition(name: "文本, \"引号\"", type: .string), FieldDefinition(name: "日期", type: .date),
        FieldDefinition(name: "时间", type: .dateTime),
    ]

    /// Values at the edges of each dialect: signs, exponents, rounding halves, quotes, separators, line
    /// ends, spaces, Chinese, nulls, an integer in a real column, dates around Excel's 1900 quirk.
    static let rows: [[FieldValue]] = [
        [.integer(0), .integer(Int64.max), .real(0.1 + 0.2), .real(123.455), .string("a,b"), .date("2020-01-02"), .dateTime("2020-01-02T03:04:05")],
        [.integer(-7), .integer(Int64.min), .real(1e-05), .real(-0.004), .string("他说\"是\""), .date("1999-12-31"), .dateTime("2000-01-01T00:00:00")],
        [.null, .null, .null, .null, .null, .null, .null],
        [.integer(42), .integer(123_456_789_012_345), .real(1e21), .integer(3), .string("  两端空格  "), .date("1900-03-01"), .dateTime("2024-02-29T23:59:59")],
        [.integer(1), .integer(2), .real(-0.0), .real(2.5e-7), .string("分号;制表\t回车\r换行\n"), .null, .null],
        [.integer(3), .integer(4), .real(-1234567.890123), .real(0.125), .string("0101"), .date("2026-12-03"), .dateTime("1999-12-31T12:00:00")],
        [.integer(5), .integer(6), .real(5e-324), .real(1e15), .string("彭埠单元地块 A&B <东>"), .null, .null],
    ]

    static func write(_ path: String, format: OutputFormat, throughGDAL: Bool, encoding: TextEncodingChoice = .utf8,
                      rows: [[FieldValue]] = rows) throws {
        let spec = OutputLayerSpec(name: "明细", crs: nil, geometry: .none, columns: columns)
        try FeatureFileWriter.$tablesThroughGDAL.withValue(throughGDAL) {
            _ = try FeatureFileWriter.write(to: path, format: format, layers: [spec], encoding: encoding, inputs: [], force: false) { _, emit in
                for row in rows { try emit(row, nil) }
            }
        }
    }

    @Test(arguments: [TextEncodingChoice.utf8, .gbk])
    func csvBytesAreGDALs(encoding: TextEncodingChoice) throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let direct = folder.appendingPathComponent("direct.csv").path, gdal = folder.appendingPathComponent("gdal.csv").path
        try Self.write(direct, format: .csv, throughGDAL: false, encoding: encoding)
        try Self.write(gdal, format: .csv, throughGDAL: true, encoding: encoding)
        let ours = try String(decoding: Data(contentsOf: URL(fileURLWithPath: direct)), as: UTF8.self)
        let theirs = try String(decoding: Data(contentsOf: URL(fileURLWithPath: gdal)), as: UTF8.self)
        #expect(ours == theirs)
        #expect(ours.count > 100)
    }

    /// Values of another type than their column, the ones GDAL keeps: a real in a text column (16
    /// digits), a date in a date-time column (at midnight), a date-time in a date column (its date), ISO
    /// text in a date column; the same bytes as GDAL's.
    @Test func csvValuesOfAnotherTypeAreWrittenAsGDALWritesThem() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var rows = Array(repeating: Array(repeating: FieldValue.null, count: Self.columns.count), count: 3)
        rows[0][4] = .real(1.0 / 3); rows[0][5] = .dateTime("2020-01-02T03:04:05"); rows[0][6] = .date("2020-01-02")
        rows[1][4] = .real(0.1 + 0.2); rows[1][5] = .string("2021-05-06")
        rows[2][4] = .integer(-5); rows[2][5] = .date("0000-01-01"); rows[2][6] = .string("2021-05-06T07:08:09")
        let direct = folder.appendingPathComponent("direct.csv").path, gdal = folder.appendingPathComponent("gdal.csv").path
        try Self.write(direct, format: .csv, throughGDAL: false, rows: rows)
        try Self.write(gdal, format: .csv, throughGDAL: true, rows: rows)
        let ours = try String(contentsOfFile: direct, encoding: .utf8), theirs = try String(contentsOfFile: gdal, encoding: .utf8)
        #expect(ours == theirs)
        #expect(ours.contains("0.3333333333333333") && ours.contains("2020/01/02 00:00:00"))
    }

    /// A text longer than an Excel cell holds is refused, naming its row and column, and nothing is left.
    @Test func workbookBeyondExcelIsRefused() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("long.xlsx").path
        var row = Self.rows[0]
        row[4] = .string(String(repeating: "长", count: 40_000))
        let result = Result { try Self.write(path, format: .xlsx, throughGDAL: false, rows: [Self.rows[1], row]) }
        guard case .failure(let error) = result else { Issue.record("written"); return }
        #expect("\(error)".contains("row 3") && "\(error)".contains("32767") && "\(error)".contains("CSV"), "\(error)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    /// A table wider than Excel's 16 384 columns is refused before a row is written, and nothing is left.
    @Test func workbookWiderThanExcelIsRefused() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let columns = (0...16_384).map { FieldDefinition(name: "c\($0)", type: .integer) }
        let spec = OutputLayerSpec(name: "宽", crs: nil, geometry: .none, columns: columns)
        let refused = Result {
            try FeatureFileWriter.write(to: folder.appendingPathComponent("wide.xlsx").path, format: .xlsx, layers: [spec], inputs: [], force: false) { _, emit in
                try emit(columns.map { _ in .integer(1) }, nil)
            }
        }
        guard case .failure(let error) = refused else { Issue.record("written"); return }
        #expect("\(error)".contains("16384") && "\(error)".contains("16385"), "\(error)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    /// Excel's limit on a cell counts UTF-16 units, not bytes: 20 000 Chinese characters (60 000 bytes) fit.
    @Test func workbookCellLimitCountsCharacters() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var row = Self.rows[0]
        row[4] = .string(String(repeating: "长", count: 20_000))
        try Self.write(folder.appendingPathComponent("fits.xlsx").path, format: .xlsx, throughGDAL: false, rows: [row])
        row[4] = .string(String(repeating: "长", count: 32_768))
        let refused = Result { try Self.write(folder.appendingPathComponent("long.xlsx").path, format: .xlsx, throughGDAL: false, rows: [row]) }
        guard case .failure(let error) = refused else { Issue.record("written"); return }
        #expect("\(error)".contains(Self.columns[4].name), "\(error)")
    }

    /// A workbook read back by GDAL: every value as text (GDAL gives an integral real of its own workbook
    /// the Integer type; ours stays Real), per sheet, with the field names.
    static func readBack(_ path: String) throws -> [[String]] {
        let dataset = try VectorDataset.open(path)
        var lines: [[String]] = []
        for layer in dataset.layers {
            let fields = layer.fields
            lines.append([layer.name] + fields.map(\.name))
            try layer.forEachFeature { record in
                lines.append(fields.indices.map { index in
                    switch record.value(index, type: fields[index].type) {
                    case .null: return "∅"
                    case .integer(let value): return String(Double(value))
                    case .real(let value): return String(value)
                    case .string(let text), .date(let text), .dateTime(let text): return text
                    }
                })
            }
        }
        return lines
    }

    @Test func workbookValuesAreGDALs() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let direct = folder.appendingPathComponent("direct.xlsx").path, gdal = folder.appendingPathComponent("gdal.xlsx").path
        // GDAL writes an empty text as a cell it reads back as null, and a real in 16 significant digits
        // (0.1 + 0.2 as 0.3): those rows are compared on the values both keep.
        try Self.write(direct, format: .xlsx, throughGDAL: false)
        try Self.write(gdal, format: .xlsx, throughGDAL: true)
        let ours = try Self.readBack(direct), theirs = try Self.readBack(gdal)
        #expect(ours.count == Self.rows.count + 1)
        #expect(ours.count == theirs.count)
        for (line, (mine, gdals)) in zip(ours, theirs).enumerated() {
            // a CR: ours `_x000D_` (as Excel writes it; GDAL's reader leaves it so), GDAL's raw, which XML reads as a line feed
            for (column, (a, b)) in zip(mine, gdals).enumerated() where a.replacingOccurrences(of: "_x000D_", with: "\n") != b {
                let (x, y) = (Double(a), Double(b))
                #expect(x != nil && y != nil && abs(x! - y!) <= 1e-15 * abs(y!), "line \(line) column \(column): \(a) ≠ GDAL's \(b)")
            }
        }
        // 0.1 + 0.2 kept exactly (GDAL's 16 digits read back as 0.3); a date cell, a text that looks like a number.
        #expect(ours[1][2] == String(0.1 + 0.2))
        #expect(ours[6][4] == "0101")
    }

    /// What spreadsheets need of the XML that GDAL does not check: entities, control characters (as
    /// `_xHHHH_`), sheet names Excel accepts, the heading row frozen.
    @Test func workbookXMLIsWellFormedForExcel() throws {
        #expect(XLSXPackageParts.escaped("A&B <东> \"q\"") == "A&amp;B &lt;东&gt; &quot;q&quot;")
        #expect(XLSXPackageParts.escaped("x\u{1}y_x0041_z") == "x_x0001_y_x005F_x0041_z")
        #expect(XLSXPackageParts.escaped("彭埠_单元") == "彭埠_单元")
        #expect(XLSXPackageParts.escaped("a\r\nb\u{FFFE}c\u{FFFF}") == "a_x000D_\nb_xFFFE_c_xFFFF_")
        #expect(XLSXPackageParts.escaped("\u{F900}豈") == "\u{F900}豈")
        #expect(XLSXPackageParts.escaped("a\u{FFFE}") == "a_xFFFE_")
        #expect(XLSXPackageParts.escaped("_x0041\r") == "_x005F_x0041_x000D_")
        #expect(XLSXPackageParts.sheetName(String(repeating: "a", count: 30) + "'bcd", taken: []) == String(repeating: "a", count: 30))
        #expect(XLSXPackageParts.sheetName("'q'", taken: []) == "q")
        #expect(XLSXPackageParts.sheetName("history", taken: []) == "history(2)")
        #expect(XLSXPackageParts.sheetName(String(repeating: "😀", count: 20), taken: []).utf16.count == 30)
        #expect(XLSXPackageParts.sheetName("a\u{1}b", taken: []) == "a_b")
        #expect(XLSXPackageParts.sheetName("a/b:c*d?e[f]g\\h", taken: []) == "a_b_c_d_e_f_g_h")
        #expect(XLSXPackageParts.sheetName("明细", taken: ["明细"]) == "明细(2)")
        #expect(XLSXPackageParts.sheetName(String(repeating: "长", count: 40), taken: []).count == 31)
        #expect([0, 25, 26, 51, 52, 701, 702].map(XLSXPackageParts.columnLetters) == ["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"])
    }

    /// What Docs/ledgers.md says of a sheet: the heading row bold (style 3, a bold font) and frozen.
    @Test func headingsAreBoldAndFrozen() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("book.xlsx").path
        try Self.write(path, format: .xlsx, throughGDAL: false)
        func member(_ name: String) throws -> String {
            var bytes: [UInt8] = []
            try VirtualFile.forEachChunk(of: "/vsizip/\(path)/\(name)") { bytes.append(contentsOf: $0) }
            return String(decoding: bytes, as: UTF8.self)
        }
        let sheet = try member("xl/worksheets/sheet1.xml")
        #expect(sheet.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        let headingRow = try #require(sheet.range(of: "<row r=\"1\">").map { sheet[$0.upperBound...].prefix { $0 != "\n" } })
        #expect(headingRow.components(separatedBy: "<c ").count - 1 == Self.columns.count)
        #expect(headingRow.components(separatedBy: " s=\"3\"").count - 1 == Self.columns.count)
        let styles = try member("xl/styles.xml")
        #expect(styles.contains("<font><b/>") && styles.contains("<xf numFmtId=\"0\" fontId=\"1\""))
    }

    /// Serial days as Excel counts them (its documented values: 1 = 1900-01-01, 60 = the 29 February 1900
    /// it counts, 61 = 1900-03-01, 43831 = 2020-01-01, 45658 = 2025-01-01); before March 1900 none.
    @Test func spreadsheetSerialDays() {
        #expect(SpreadsheetDate.serial("1900-03-01")?.days == 61)
        #expect(SpreadsheetDate.serial("2020-01-01")?.days == 43831)
        #expect(SpreadsheetDate.serial("2025-01-01")?.days == 45658)
        #expect(SpreadsheetDate.serial("2020-01-02T12:00:00")?.days == 43832.5)
        #expect(SpreadsheetDate.serial("1900-02-28") == nil)
        #expect(SpreadsheetDate.serial("2023-02-29") == nil)
        #expect(SpreadsheetDate.serial("2020-13-01") == nil)
        #expect(SpreadsheetDate.serial("待定") == nil)
    }

    /// A text with a control character reaches the workbook escaped and GDAL reads the file.
    @Test func controlCharactersDoNotBreakTheWorkbook() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("ctl.xlsx").path
        var row = Self.rows[0]
        row[4] = .string("响铃\u{7}字符")
        try Self.write(path, format: .xlsx, throughGDAL: false, rows: [row, row])
        let lines = try Self.readBack(path)
        #expect(lines.count == 3)
        #expect(lines[1][4] == "响铃\u{7}字符" || lines[1][4] == "响铃_x0007_字符", "\(lines[1][4])")
    }
}

/// Swift's digits laid out as `printf` lays them out are `printf`'s text (glibc's, the oracle) for values
/// of every magnitude and for the halves where rounding could go either way; the fast path is taken
/// for nearly all of them.
@Suite struct PrintfRealTests {
    static func printf(_ value: Double, _ format: String) -> String {
        withVaList([value]) { list in
            var buffer = [CChar](repeating: 0, count: 512)
            _ = vsnprintf(&buffer, buffer.count, format, list)
            return String(cString: buffer)
        }
    }

    /// Deterministic values: random bits scaled over 10^-12 … 10^22, ledger figures (k/100, k/1000 and
    /// their halves), integers, both signs.
    static let values: [Double] = {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var values: [Double] = [0.5, 1.5, 2.5, 0.125, 0.005, 0.015, 1.005, 123.455, 2.675, 1e15, 1e15 - 1, 999_999_999_999_999.9,
                                1e-4, 9.99999e-5, 0.0001234, 1e21, 5e-324, 1.7976931348623157e308, 0.1 + 0.2, 100, 1e16]
        for _ in 0..<40_000 {
            let unit = Double(next() >> 11) / Double(1 << 53)
            let power = Double(Int(next() % 35) - 12)
            values.append(unit * Foundation.pow(10, power))
            let cents = Double(Int64(next() % 10_000_000_000)) / 100
            values.append(cents); values.append(cents + 0.005)
            values.append(Double(Int64(next() % 100_000_000)) / 1000)
            values.append(Double(Int64(bitPattern: next()) >> Int(next() % 60)))
        }
        return values + values.map { -$0 }
    }()

    @Test func fixedDecimalsArePrintfs() {
        var slow = 0
        for value in Self.values {
            for decimals in [0, 2, 4, 6] {
                var bytes: [UInt8] = []
                guard PrintfReal.fixed(value, decimals: decimals, into: &bytes) else { slow += 1; #expect(bytes.isEmpty); continue }
                let text = String(decoding: bytes, as: UTF8.self)
                let expected = Self.printf(value, "%.\(decimals)f")
                #expect(text == expected, "\(value) with \(decimals) decimals")
                if text != expected { return }
            }
        }
        #expect(slow < Self.values.count * 4 / 5)
    }

    @Test func fifteenSignificantDigitsArePrintfs() {
        var slow = 0
        for value in Self.values + [0, -0.0] {
            var bytes: [UInt8] = []
            guard PrintfReal.general15(value, into: &bytes) else { slow += 1; #expect(bytes.isEmpty); continue }
            let text = String(decoding: bytes, as: UTF8.self)
            let expected = Self.printf(value, "%.15g")
            #expect(text == expected, "\(value)")
            if text != expected { return }
        }
        #expect(slow < Self.values.count / 2)
    }
}
