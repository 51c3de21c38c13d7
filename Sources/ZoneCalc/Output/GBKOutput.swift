import Foundation
import GeoBridge

/// Text written in GBK: a CSV written by GDAL (always UTF-8) re-encoded, and the values of a GBK
/// Shapefile checked before GDAL writes them; a character GBK lacks is an output failure that names it.
enum GBKOutput {
    /// Refuses a row holding a text GBK cannot encode.
    static func requireGBK(_ values: [FieldValue], destination: String) throws {
        for case .string(let text) in values where !text.allSatisfy(\.isASCII) {
            let utf8 = Array(text.utf8)
            if case .failure(let failure) = iconvConvert(utf8, from: "UTF-8", to: "GBK") { throw unencodable(utf8, failure, destination: destination) }
        }
    }

    static func unencodable(_ utf8: [UInt8], _ failure: IconvFailure, destination: String) -> ZoneCalcError {
        var character = ""
        if case .invalidSequence(let offset) = failure { character = String(decoding: utf8[offset...].prefix(4), as: UTF8.self).first.map(String.init) ?? "" }
        return ZoneCalcError.outputFailed(path: destination, reason: Bilingual("文本含有 GBK 无法编码的字符“\(character)”；请写成 UTF-8（默认）或 XLSX",
                                                                          "the text holds '\(character)', which GBK cannot encode; write UTF-8 (the default) or XLSX"))
    }

    /// Rewrites the UTF-8 file at `path` in GBK; a character GBK lacks is an output failure that names it.
    static func transcodeToGBK(_ path: String, destination: String) throws {
        let utf8 = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        switch iconvConvert(utf8, from: "UTF-8", to: "GBK") {
        case .success(let bytes):
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        case .failure(let failure):
            throw unencodable(utf8, failure, destination: destination)
        }
    }
}
