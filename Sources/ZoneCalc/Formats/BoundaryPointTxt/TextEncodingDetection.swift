/// The text encoding a boundary-point txt was decoded from.
public enum DetectedTextEncoding: Sendable, Equatable {
    /// UTF-8 without a byte-order mark.
    case utf8
    /// UTF-8 with the byte-order mark EF BB BF (Python's `utf-8-sig`).
    case utf8WithBOM
    /// UTF-16 little-endian, byte-order mark FF FE.
    case utf16LE
    /// UTF-16 big-endian, byte-order mark FE FF.
    case utf16BE
    /// GB18030, a superset of GBK/GB2312 (CP936): what Windows desktop tools write.
    case gb18030
}

/// Bytes that are not valid text in the encoding chosen for them.
struct UndecodableText: Error {
    /// The encoding tried last.
    var encoding: DetectedTextEncoding
    /// 1-based line of the first invalid byte sequence.
    var line: Int
}

/// Decodes a txt the way 部标界址点坐标交换格式 describes: a byte-order mark decides (UTF-8,
/// UTF-16LE, UTF-16BE); without one, strict UTF-8 is tried, then GB18030.
enum TextEncodingDetection {
    /// Where decoding failed: the byte offset of the first invalid sequence.
    private struct InvalidByteOffset: Error {
        var offset: Int
    }

    /// Decodes `bytes`, returning the text without its byte-order mark.
    static func decode(_ bytes: [UInt8]) -> Result<(text: String, encoding: DetectedTextEncoding), UndecodableText> {
        let boms: [(prefix: [UInt8], encoding: DetectedTextEncoding)] = [
            ([0xEF, 0xBB, 0xBF], .utf8WithBOM), ([0xFF, 0xFE], .utf16LE), ([0xFE, 0xFF], .utf16BE),
        ]
        if let bom = boms.first(where: { bytes.starts(with: $0.prefix) }) {
            return decode(Array(bytes.dropFirst(bom.prefix.count)), as: bom.encoding)
        }
        if case .success(let decoded) = decode(bytes, as: .utf8) {
            return .success(decoded)
        }
        return decode(bytes, as: .gb18030)
    }

    private static func decode(
        _ bytes: [UInt8], as encoding: DetectedTextEncoding
    ) -> Result<(text: String, encoding: DetectedTextEncoding), UndecodableText> {
        let decoded: Result<String, InvalidByteOffset>
        switch encoding {
        case .utf8, .utf8WithBOM: decoded = decodeUTF8(bytes)
        case .utf16LE: decoded = decodeWithIconv(bytes, from: "UTF-16LE")
        case .utf16BE: decoded = decodeWithIconv(bytes, from: "UTF-16BE")
        case .gb18030: decoded = decodeWithIconv(bytes, from: "GB18030")
        }
        return decoded
            .map { ($0, encoding) }
            .mapError { UndecodableText(encoding: encoding, line: lineNumber(atByteOffset: $0.offset, in: bytes, encoding: encoding)) }
    }

    /// Strict UTF-8 with the standard library (glibc's iconv accepts code points above
    /// U+10FFFF); the failure is the byte offset of the first invalid sequence.
    private static func decodeUTF8(_ bytes: [UInt8]) -> Result<String, InvalidByteOffset> {
        if let text = String(validating: bytes, as: UTF8.self) { return .success(text) }
        var decoder = Unicode.UTF8()
        var iterator = bytes.makeIterator()
        var offset = 0
        while case .scalarValue(let scalar) = decoder.decode(&iterator) { offset += UTF8.width(scalar) }
        return .failure(InvalidByteOffset(offset: offset))
    }

    /// Converts to UTF-8 with iconv; the failure is the byte offset of the first invalid sequence.
    private static func decodeWithIconv(_ bytes: [UInt8], from encodingName: String) -> Result<String, InvalidByteOffset> {
        switch iconvConvert(bytes, from: encodingName, to: "UTF-8") {
        case .success(let utf8):
            return .success(String(decoding: utf8, as: UTF8.self))
        case .failure(.invalidSequence(let offset)):
            return .failure(InvalidByteOffset(offset: offset))
        case .failure(.unsupportedEncoding):
            // glibc always ships these converters; a missing one makes the text undecodable.
            return .failure(InvalidByteOffset(offset: 0))
        }
    }

    /// The 1-based line holding byte `offset`, counting LF, CRLF and lone CR as line breaks
    /// (in GB18030 and UTF-8 the bytes 0A and 0D never occur inside a multi-byte sequence).
    private static func lineNumber(atByteOffset offset: Int, in bytes: [UInt8], encoding: DetectedTextEncoding) -> Int {
        let units: [UInt16]
        switch encoding {
        case .utf16LE, .utf16BE:
            units = stride(from: 0, to: offset - 1, by: 2).map { index in
                encoding == .utf16LE
                    ? UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8
                    : UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
            }
        default:
            units = bytes[..<offset].map(UInt16.init)
        }
        var line = 1
        for (index, unit) in units.enumerated() {
            let isLineFeed = unit == 0x0A
            let isLoneCarriageReturn = unit == 0x0D && (index + 1 == units.count || units[index + 1] != 0x0A)
            if isLineFeed || isLoneCarriageReturn { line += 1 }
        }
        return line
    }
}
