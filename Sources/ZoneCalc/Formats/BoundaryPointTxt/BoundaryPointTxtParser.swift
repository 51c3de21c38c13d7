import Foundation

/// The line-by-line state machine of the reader: sections, `key=value` lines, parcel
/// headers and point lines (部标界址点坐标交换格式). Axis order and zone are settled
/// afterwards, over the whole file.
struct BoundaryPointTxtParser {
    /// What ``finish()`` returns.
    struct Content {
        var leadingSections: [TxtSection]
        var attributes: [TxtKeyValue]
        var parcels: [BoundaryParcel]
    }

    private enum State { case beforeFirstSection, leadingSection, attributes, coordinates }

    let source: String
    private(set) var warnings: [BoundaryPointTxtWarning] = []
    private var state = State.beforeFirstSection
    private var sawContent = false
    private var leadingSections: [TxtSection] = []
    private var attributes: [TxtKeyValue]?
    private var coordinateSectionLine: Int?
    private var parcels: [BoundaryParcel] = []
    private var currentParcel: (header: BoundaryParcel, rings: ParcelRingAssembler)?

    init(source: String) {
        self.source = source
    }

    /// Reads one physical line (without its line break); `line` is 1-based.
    mutating func consume(_ rawText: String, line: Int) throws(BoundaryPointTxtError) {
        let text = rawText.trimmedTxtField
        guard !text.isEmpty else { return }
        sawContent = true
        if text.hasPrefix("["), text.hasSuffix("]") {
            try openSection(text.dropFirst().dropLast().trimmedTxtField, line: line)
            return
        }
        switch state {
        case .beforeFirstSection:
            warnings.append(.init(line: line, code: .outsideSection, message: Bilingual("第一个 [节] 之前的文字，已忽略", "text before the first [section]; ignored")))
        case .leadingSection:
            if let entry = keyValue(text, line: line) { leadingSections[leadingSections.count - 1].entries.append(entry) }
        case .attributes:
            if let entry = keyValue(text, line: line) { attributes?.append(entry) }
        case .coordinates:
            try consumeCoordinateLine(text, line: line)
        }
    }

    /// Ends the file: closes the last parcel and checks that there was something to read.
    mutating func finish() throws(BoundaryPointTxtError) -> Content {
        try closeCurrentParcel()
        guard sawContent else { throw BoundaryPointTxtError(source: source, line: nil, kind: .emptyFile) }
        guard let coordinateSectionLine else {
            throw BoundaryPointTxtError(source: source, line: nil, kind: .missingCoordinateSection)
        }
        guard !parcels.isEmpty else {
            throw BoundaryPointTxtError(source: source, line: coordinateSectionLine, kind: .noParcels)
        }
        return Content(leadingSections: leadingSections, attributes: attributes ?? [], parcels: parcels)
    }

    private mutating func openSection(_ name: String, line: Int) throws(BoundaryPointTxtError) {
        if state == .coordinates || (name == "属性描述" && attributes != nil) {
            throw BoundaryPointTxtError(source: source, line: line, kind: .unexpectedSection(name))
        }
        switch name {
        case "属性描述":
            attributes = []
            state = .attributes
        case "地块坐标":
            if attributes == nil {
                warnings.append(.init(line: line, code: .missingAttributes, message: Bilingual("[地块坐标] 之前没有 [属性描述] 节", "no [属性描述] section before [地块坐标]")))
            }
            coordinateSectionLine = line
            state = .coordinates
        default:
            if attributes != nil {
                warnings.append(.init(line: line, code: .sectionOrder,
                                      message: Bilingual("[\(name)] 节位于 [属性描述] 之后，按前部各节保留", "section [\(name)] after [属性描述]; kept with the leading sections")))
            }
            leadingSections.append(TxtSection(name: name))
            state = .leadingSection
        }
    }

    /// Splits on the first `=` (部标界址点坐标交换格式); a line without `=` is ignored with a warning.
    private mutating func keyValue(_ text: String, line: Int) -> TxtKeyValue? {
        guard let equals = text.firstIndex(of: "=") else {
            warnings.append(.init(line: line, code: .notKeyValue, message: Bilingual("“\(text)”不是 键=值 行，已忽略", "'\(text)' is not a key=value line; ignored")))
            return nil
        }
        return TxtKeyValue(key: text[..<equals].trimmedTxtField,
                           value: text[text.index(after: equals)...].trimmedTxtField)
    }

    private mutating func consumeCoordinateLine(_ text: String, line: Int) throws(BoundaryPointTxtError) {
        var text = text
        if text.unicodeScalars.contains("，") {
            warnings.append(.init(line: line, code: .fullWidthComma, message: Bilingual("全角逗号“，”按半角“,”读取", "full-width comma '，' read as ','")))
            text = text.replacingOccurrences(of: "，", with: ",")
        }
        if text.hasSuffix("@") {
            try closeCurrentParcel()
            currentParcel = (ParcelHeaderParser.parse(text, line: line, warnings: &warnings), ParcelRingAssembler())
            return
        }
        guard currentParcel != nil else {
            throw BoundaryPointTxtError(source: source, line: line, kind: .pointBeforeParcelHeader)
        }
        let point = try PointLineParser.parse(text, line: line, source: source)
        try currentParcel!.rings.append(point, source: source)
    }

    private mutating func closeCurrentParcel() throws(BoundaryPointTxtError) {
        guard let (header, rings) = currentParcel else { return }
        currentParcel = nil
        parcels.append(try rings.finish(header, source: source, warnings: &warnings))
    }
}
