import GeoBridge

/// The XML of a workbook written by ``XLSXWorkbookWriter`` other than its rows: the start and end of a
/// worksheet, the parts of the package (content types, relationships, workbook, styles, properties),
/// and the text rules of SpreadsheetML (escapes, column letters, sheet names).
enum XLSXPackageParts {
    /// The cell formats of `xl/styles.xml`, by position: 1 a date, 2 a date-time, 3 a heading (bold).
    static let dateStyleAttribute = " s=\"1\""
    static let dateTimeStyleAttribute = " s=\"2\""
    static let headingStyleAttribute = " s=\"3\""

    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let spreadsheetNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let documentRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// A worksheet up to its first row: the heading row frozen, columns as wide as their headings.
    static func worksheetStart(_ columns: [FieldDefinition]) -> String {
        var xml = declaration + "<worksheet xmlns=\"\(spreadsheetNamespace)\" xmlns:r=\"\(documentRelationships)\">"
        xml += "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            + "</sheetView></sheetViews>"
        if !columns.isEmpty {
            xml += "<cols>"
            for (index, column) in columns.enumerated() {
                xml += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(width(column))\" customWidth=\"1\"/>"
            }
            xml += "</cols>"
        }
        return xml + "<sheetData>\n"
    }

    static let worksheetEnd = "</sheetData></worksheet>\n"

    /// A column's width in characters: its heading's (a Chinese character counts two) or its values'
    /// usual width, whichever is wider, and a margin.
    static func width(_ column: FieldDefinition) -> Int {
        let heading = column.name.unicodeScalars.reduce(0) { $0 + ($1.isASCII ? 1 : 2) }
        let values: Int
        switch column.type {
        case .integer, .integer64: values = 8
        case .real: values = column.width == 0 ? 16 : 14
        case .date: values = 11
        case .dateTime: values = 19
        default: values = 12
        }
        return min(60, max(heading, values) + 2)
    }

    /// The letters of the column at `index` (from 0): A … Z, AA … AZ, BA ….
    static func columnLetters(_ index: Int) -> String {
        var letters: [Character] = [], number = index + 1
        while number > 0 {
            let digit = (number - 1) % 26
            letters.insert(Character(Unicode.Scalar(UInt8(ascii: "A") + UInt8(digit))), at: 0)
            number = (number - 1) / 26
        }
        return String(letters)
    }

    /// `name` as a sheet can be named: the characters Excel forbids (`: \\ / ? * [ ]`, control characters, U+FFFE, U+FFFF)
    /// as `_`, no apostrophe first or last, at most 31 UTF-16 units, not `History` (Excel's own) nor one of
    /// the names `taken` (compared as Excel does, ignoring case), never empty.
    static func sheetName(_ name: String, taken: [String]) -> String {
        let forbidden = Set(":\\/?*[]")
        var base = prefix(String(name.map { forbidden.contains($0) || $0.unicodeScalars.contains(where: isEscapedAsCode) ? "_" : $0 }), utf16: 31)
        while base.hasPrefix("'") { base.removeFirst() }
        while base.hasSuffix("'") { base.removeLast() }
        if base.isEmpty { base = "Sheet" }
        let reserved = ["history"] + taken.map { $0.lowercased() }
        var candidate = base, number = 1
        while reserved.contains(candidate.lowercased()) {
            number += 1
            let suffix = "(\(number))"
            candidate = prefix(base, utf16: 31 - suffix.utf16.count) + suffix
        }
        return candidate
    }

    /// The longest start of `text` of at most `units` UTF-16 units, whole characters only.
    private static func prefix(_ text: String, utf16 units: Int) -> String {
        var kept = "", count = 0
        for character in text {
            count += character.utf16.count
            guard count <= units else { break }
            kept.append(character)
        }
        return kept
    }

    /// `text` as XML character data (and attribute values): `&`, `<`, `>` and `"` as entities; a control
    /// character, a CR and the non-characters U+FFFE and U+FFFF as `_xHHHH_` (as Excel writes them), and an
    /// underscore that would start such an escape as `_x005F_`.
    static func escaped(_ text: String) -> String {
        let utf8 = text.utf8
        // 0xEF leads the UTF-8 of U+F000 … U+FFFF, where U+FFFE and U+FFFF are
        guard utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
                                     || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "_") || $0 == 0xEF }) else { return text }
        var escaped = ""
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "\t", "\n": escaped.unicodeScalars.append(scalar)
            case "_" where startsEscape(scalars, at: index): escaped += "_x005F_"
            default:
                if isEscapedAsCode(scalar) { escaped += "_x" + hex(scalar.value) + "_" } else { escaped.unicodeScalars.append(scalar) }
            }
        }
        return escaped
    }

    /// Whether `_xHHHH_` starts at `index`, its closing underscore written or brought by the escape of
    /// the character after the four digits.
    private static func startsEscape(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + 6 < scalars.count, scalars[index + 1] == "x" || scalars[index + 1] == "X",
              scalars[index + 6] == "_" || isEscapedAsCode(scalars[index + 6]) else { return false }
        return scalars[(index + 2)...(index + 5)].allSatisfy { $0.properties.isASCIIHexDigit }
    }

    /// The characters written as `_xHHHH_`: control characters but tab and line feed (XML cannot hold
    /// them), CR (XML readers turn it into a line feed), U+FFFE and U+FFFF (XML cannot hold them).
    private static func isEscapedAsCode(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n") || scalar == "\u{FFFE}" || scalar == "\u{FFFF}"
    }

    /// `value` (below 0x10000) in four upper-case hexadecimal digits.
    private static func hex(_ value: UInt32) -> String {
        let digits = Array("0123456789ABCDEF")
        return String((0..<4).reversed().map { digits[Int(value >> (4 * UInt32($0)) & 0xF)] })
    }

    /// The package's parts besides the worksheets, by member name, for sheets named `sheetNames` in order.
    static func parts(sheetNames: [String]) -> [(name: String, xml: String)] {
        let sheets = sheetNames.indices
        let contentTypes = declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + sheets.map { "<Override PartName=\"/xl/worksheets/sheet\($0 + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" }.joined()
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
            + "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
            + "</Types>\n"
        let packageRelationships = declaration + "<Relationships xmlns=\"\(relationshipsNamespace)\">"
            + "<Relationship Id=\"rId1\" Type=\"\(documentRelationships)/officeDocument\" Target=\"xl/workbook.xml\"/>"
            + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
            + "<Relationship Id=\"rId3\" Type=\"\(documentRelationships)/extended-properties\" Target=\"docProps/app.xml\"/>"
            + "</Relationships>\n"
        let app = declaration + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
            + "<Application>ZoneCalc</Application></Properties>\n"
        let core = declaration + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
            + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:creator>ZoneCalc \(escaped(ZoneCalcVersion.current))</dc:creator></cp:coreProperties>\n"
        let workbook = declaration + "<workbook xmlns=\"\(spreadsheetNamespace)\" xmlns:r=\"\(documentRelationships)\"><sheets>"
            + sheets.map { "<sheet name=\"\(escaped(sheetNames[$0]))\" sheetId=\"\($0 + 1)\" r:id=\"rId\($0 + 1)\"/>" }.joined()
            + "</sheets></workbook>\n"
        let workbookRelationships = declaration + "<Relationships xmlns=\"\(relationshipsNamespace)\">"
            + sheets.map { "<Relationship Id=\"rId\($0 + 1)\" Type=\"\(documentRelationships)/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>" }.joined()
            + "<Relationship Id=\"rId\(sheetNames.count + 1)\" Type=\"\(documentRelationships)/styles\" Target=\"styles.xml\"/>"
            + "</Relationships>\n"
        return [("[Content_Types].xml", contentTypes), ("_rels/.rels", packageRelationships), ("docProps/app.xml", app),
                ("docProps/core.xml", core), ("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", workbookRelationships),
                ("xl/styles.xml", styles)]
    }

    /// Fonts: 0 regular, 1 bold (headings); cell formats: 0 general, 1 `yyyy-mm-dd`, 2 `yyyy-mm-dd hh:mm:ss`, 3 bold.
    static let styles = declaration + "<styleSheet xmlns=\"\(spreadsheetNamespace)\">"
        + "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"yyyy\\-mm\\-dd\"/><numFmt numFmtId=\"165\" formatCode=\"yyyy\\-mm\\-dd\\ hh:mm:ss\"/></numFmts>"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"等线\"/><family val=\"2\"/><charset val=\"134\"/></font>"
        + "<font><b/><sz val=\"11\"/><name val=\"等线\"/><family val=\"2\"/><charset val=\"134\"/></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"4\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"165\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/></cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>\n"
}

/// A date as a spreadsheet keeps it: days since 30 December 1899 (Excel's 1900 date system), a
/// date-time with the time of day as a fraction.
enum SpreadsheetDate {
    /// The serial of an ISO date `YYYY-MM-DD` or date-time `YYYY-MM-DDTHH:MM:SS`, from 1 March 1900 (before
    /// it, Excel's serials count a 29 February 1900 that never was); nil for other text.
    static func serial(_ iso: String) -> (days: Double, hasTime: Bool)? {
        let utf8 = Array(iso.utf8)
        guard utf8.count == 10 || (utf8.count == 19 && utf8[10] == UInt8(ascii: "T") && utf8[13] == UInt8(ascii: ":")
                                   && utf8[16] == UInt8(ascii: ":")),
              utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in utf8[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let date = CalendarDate(year: year, month: month, day: day) else { return nil }
        let days = date.dayNumber - excelEpoch
        guard days >= 61 else { return nil }  // 1 March 1900
        guard utf8.count == 19 else { return (Double(days), false) }
        guard let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              hour < 24, minute < 60, second < 60 else { return nil }
        return (Double(days) + Double(hour * 3600 + minute * 60 + second) / 86400, true)
    }

    /// 30 December 1899, Excel's day 0.
    private static let excelEpoch = CalendarDate(year: 1899, month: 12, day: 30)!.dayNumber
}
