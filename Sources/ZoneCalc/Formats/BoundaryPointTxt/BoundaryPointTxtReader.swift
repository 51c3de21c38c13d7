import Foundation

/// The outcome of reading a boundary-point txt: the document, the encoding it was in, and
/// what the reader corrected or found suspicious.
public struct BoundaryPointTxtReadResult: Sendable, Equatable {
    /// The parsed contents.
    public var document: BoundaryPointDocument
    /// The encoding the bytes were decoded from.
    public var encoding: DetectedTextEncoding
    /// Warnings in the order found: line by line, then file-level ones (axis order, zone).
    public var warnings: [BoundaryPointTxtWarning]

    /// Creates a result.
    public init(document: BoundaryPointDocument, encoding: DetectedTextEncoding, warnings: [BoundaryPointTxtWarning]) {
        self.document = document
        self.encoding = encoding
        self.warnings = warnings
    }
}

/// Reads the 部标 boundary-point coordinate txt (界址点坐标交换格式, 部标界址点坐标交换格式).
///
/// Lenient where real files vary (encodings, line endings, header variants, placeholder
/// fields, full-width commas, swapped X/Y, unclosed rings: all accepted with a warning),
/// strict where geometry would be guessed (point lines, ring numbers, ring sizes: errors).
/// Declared areas are not checked here; compare them with a planar area of the rings.
///
/// ```swift
/// let result = try BoundaryPointTxtReader.read(contentsOf: URL(fileURLWithPath: "kfqfw.txt"))
/// result.warnings.forEach { print($0) }
/// let zone = result.document.zoneNumber   // e.g. 40
/// ```
public enum BoundaryPointTxtReader {
    /// Reads the file at `url`; errors name the file by its last path component.
    ///
    /// - Throws: ``BoundaryPointTxtError`` with the line at fault.
    public static func read(contentsOf url: URL) throws(BoundaryPointTxtError) -> BoundaryPointTxtReadResult {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw BoundaryPointTxtError(source: url.lastPathComponent, line: nil,
                                        kind: .unreadableFile(reason: error.localizedDescription))
        }
        return try read(data: data, sourceName: url.lastPathComponent)
    }

    /// Reads a txt held in memory; `sourceName` names it in errors (e.g. the file name).
    ///
    /// - Throws: ``BoundaryPointTxtError`` with the line at fault.
    public static func read(data: Data, sourceName: String) throws(BoundaryPointTxtError) -> BoundaryPointTxtReadResult {
        guard !data.isEmpty else { throw BoundaryPointTxtError(source: sourceName, line: nil, kind: .emptyFile) }
        let decoded: (text: String, encoding: DetectedTextEncoding)
        switch TextEncodingDetection.decode([UInt8](data)) {
        case .success(let result): decoded = result
        case .failure(let failure):
            throw BoundaryPointTxtError(source: sourceName, line: failure.line, kind: .undecodableText(failure.encoding))
        }

        var parser = BoundaryPointTxtParser(source: sourceName)
        for (index, line) in lines(of: decoded.text).enumerated() {
            try parser.consume(line, line: index + 1)
        }
        var content = try parser.finish()
        var warnings = parser.warnings
        BoundaryTxtAxisOrder.correct(&content.parcels, warnings: &warnings)
        let eastings = content.parcels.flatMap { $0.rings.flatMap { $0.points.map(\.easting) } }
        let zone = BoundaryTxtZoneDetection.detect(eastings: eastings, attributes: content.attributes, warnings: &warnings)
        checkTransformationParameters(content.attributes, warnings: &warnings)

        let coordinateSystem = content.attributes.first { $0.key == "坐标系" }?.value
        let document = BoundaryPointDocument(
            leadingSections: content.leadingSections,
            attributes: content.attributes,
            parcels: content.parcels,
            zoneNumber: zone.number,
            zoneWidth: zone.width,
            coordinateSystemName: coordinateSystem?.isEmpty == false ? coordinateSystem : nil,
            hasZonePrefix: zone.hasPrefix
        )
        return BoundaryPointTxtReadResult(document: document, encoding: decoded.encoding, warnings: warnings)
    }

    /// Splits on LF, CRLF and lone CR, keeping empty lines so that indices are line numbers;
    /// drops a leading U+FEFF left by a doubled byte-order mark.
    static func lines(of text: String) -> [String] {
        let scalars = text.unicodeScalars
        var lines: [String] = []
        var start = scalars.startIndex
        if start < scalars.endIndex, scalars[start] == "\u{FEFF}" { start = scalars.index(after: start) }
        var index = start
        while index < scalars.endIndex {
            let scalar = scalars[index]
            guard scalar == "\n" || scalar == "\r" else {
                index = scalars.index(after: index)
                continue
            }
            lines.append(String(scalars[start..<index]))
            index = scalars.index(after: index)
            if scalar == "\r", index < scalars.endIndex, scalars[index] == "\n" { index = scalars.index(after: index) }
            start = index
        }
        lines.append(String(scalars[start...]))
        return lines
    }

    /// 转换参数 is essentially always empty or zero; non-zero values are ignored with a
    /// warning (部标界址点坐标交换格式).
    private static func checkTransformationParameters(_ attributes: [TxtKeyValue], warnings: inout [BoundaryPointTxtWarning]) {
        guard let value = attributes.first(where: { $0.key == "转换参数" })?.value else { return }
        let nonZero = value.split(separator: ",").contains { Double($0.trimmedTxtField).map { $0 != 0 } ?? true }
        if nonZero {
            warnings.append(.init(line: nil, code: .transformationParameters,
                                  message: Bilingual("转换参数=\(value) 不为空也不为零，参数未使用", "转换参数=\(value) is not empty or zero; the parameters are ignored")))
        }
    }
}
