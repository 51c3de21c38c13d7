import Foundation
import GeoBridge

/// A CSV written by GDAL (always UTF-8) re-encoded as GBK, for readers that cannot take UTF-8.
enum CSVEncoding {
    /// Rewrites the UTF-8 file at `path` in GBK; a character GBK lacks is an output failure that names it.
    static func transcodeToGBK(_ path: String, destination: String) throws {
        let utf8 = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        switch iconvConvert(utf8, from: "UTF-8", to: "GBK") {
        case .success(let bytes):
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        case .failure(let failure):
            var character = ""
            if case .invalidSequence(let offset) = failure { character = String(decoding: utf8[offset...].prefix(4), as: UTF8.self).first.map(String.init) ?? "" }
            throw ZoneCalcError.outputFailed(path: destination, reason: Bilingual("文本含有 GBK 无法编码的字符“\(character)”；请写成 UTF-8（默认）或 XLSX", "the text holds '\(character)', which GBK cannot encode; write UTF-8 (the default) or XLSX"))
        }
    }
}
