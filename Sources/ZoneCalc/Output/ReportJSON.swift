import Foundation

/// The one JSON encoding of every report ZoneCalc prints for scripts: pretty-printed, keys sorted,
/// slashes unescaped — the same input gives byte-identical JSON.
public enum ReportJSON {
    /// `value` as JSON text; `compact` leaves out the line breaks and indents (map data, mostly coordinates).
    public static func encode(_ value: some Encodable, compact: Bool = false) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = compact ? [.sortedKeys, .withoutEscapingSlashes] : [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
