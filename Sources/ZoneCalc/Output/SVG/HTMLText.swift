import Foundation

/// Escaping for text placed in HTML and SVG: XML's special characters, and the characters XML 1.0
/// cannot hold (control characters, U+FFFE, U+FFFF) left out, so an SVG stays well-formed on its own.
public enum HTMLText {
    /// `text` escaped for an HTML or SVG text node or a quoted attribute value.
    public static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
