import Foundation
import GeoBridge

/// A column of an exported ledger (台账): a short ASCII key, its heading in Chinese and in English,
/// its type and, for figures, the decimals the terminal shows them with.
///
/// A file gets the heading in the run's language (Chinese by default); a Shapefile always gets the
/// key, which fits the 10-byte limit of a `.dbf` field name (the mapping is listed in `Docs/ledgers.md`).
/// FileGDB field names cannot hold `%`: there it is written as 百分比 / percent; in KML `&`, `<` and `>`
/// are written full-width (GDAL puts the names into the XML unescaped).
public struct LedgerColumn: Sendable, Equatable {
    /// ASCII, at most 10 bytes: the Shapefile field name.
    public var key: String
    public var heading: Bilingual
    public var type: FieldType
    /// For reals: the decimals a value is rounded to (the terminal's).
    public var decimals: Int?

    public init(_ key: String, _ heading: Bilingual, _ type: FieldType, decimals: Int? = nil) {
        precondition(key.utf8.count <= 10 && key.allSatisfy(\.isASCII), "a ledger key is a Shapefile field name")
        self.key = key; self.heading = heading; self.type = type; self.decimals = decimals
    }

    /// A real column rounded to `decimals`.
    public static func figure(_ key: String, _ heading: Bilingual, decimals: Int) -> LedgerColumn {
        LedgerColumn(key, heading, .real, decimals: decimals)
    }

    /// The field name in a file of `format` written in `language`.
    public func name(format: OutputFormat, language: Language) -> String {
        if format == .shapefile { return key }
        let text = heading.text(language)
        switch format {
        case .fileGDB: return text.replacingOccurrences(of: "%", with: language == .zh ? "百分比" : "percent")
        // GDAL's KML driver writes field names into XML unescaped: R&D would make the file unreadable.
        case .kml: return text.replacingOccurrences(of: "&", with: "＆").replacingOccurrences(of: "<", with: "＜").replacingOccurrences(of: ">", with: "＞")
        default: return text
        }
    }

    /// The GDAL field definition in a file of `format` written in `language`.
    public func field(format: OutputFormat, language: Language) -> FieldDefinition {
        FieldDefinition(name: name(format: format, language: language), type: type,
                        width: decimals == nil ? 0 : 24, precision: decimals ?? 0)
    }

    /// `value` as this column holds it: rounded to the column's decimals as the terminal shows it.
    public func value(_ value: Double?) -> FieldValue {
        guard let value else { return .null }
        guard let decimals else { return .real(value) }
        return .real(Self.rounded(value, decimals: decimals))
    }

    /// A yes/no cell: 是/否, yes/no.
    public static func flag(_ value: Bool, _ language: Language) -> FieldValue {
        .string((value ? Bilingual("是", "yes") : Bilingual("否", "no")).text(language))
    }

    /// `value` rounded to `decimals` places as the terminal writes it: the double nearest to the decimal
    /// that `NumberText.fixed` prints.
    ///
    /// Scaled by 10^decimals (exact for up to 22 decimals), a value that is not within two units in the
    /// last place of a half rounds to the same integer n as its exact decimal expansion does, and n / 10^d,
    /// one correctly rounded division of two exact doubles, is the double nearest to that decimal — what
    /// parsing the printed text gives. Values near a half, or too large for the integers of a double, take
    /// the printed text itself.
    static func rounded(_ value: Double, decimals: Int) -> Double {
        if decimals >= 0, decimals < powersOfTen.count {
            let scale = powersOfTen[decimals]
            let scaled = value * scale
            let nearest = scaled.rounded()
            if scaled.isFinite, abs(nearest) < 0x1p52, abs(scaled - nearest) < 0.5 - 2 * scaled.ulp {
                return nearest == 0 ? 0 : nearest / scale
            }
        }
        return Double(NumberText.fixed(value, decimals: decimals)) ?? value
    }

    /// 10^0 … 10^22, each exact as a double.
    private static let powersOfTen: [Double] = (1...22).reduce(into: [1]) { powers, _ in powers.append(powers.last! * 10) }
}

extension Array where Element == LedgerColumn {
    /// The field definitions of these columns in a file of `format` written in `language`.
    public func fields(format: OutputFormat, language: Language) -> [FieldDefinition] {
        map { $0.field(format: format, language: language) }
    }
}
