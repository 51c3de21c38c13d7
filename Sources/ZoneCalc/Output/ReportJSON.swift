import Foundation

/// The one JSON encoding of every report ZoneCalc prints for scripts: pretty-printed, keys sorted,
/// slashes unescaped — the same input gives byte-identical JSON.
public enum ReportJSON {
    /// `value` as JSON text.
    public static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// A text in JSON as `{"en": …, "zh": …}`: scripts get both languages whatever the run's language.
struct BilingualJSON: Encodable {
    var en: String
    var zh: String

    init(_ text: Bilingual) { en = text.en; zh = text.zh }
}
