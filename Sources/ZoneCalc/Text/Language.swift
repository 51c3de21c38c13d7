/// The language ZoneCalc speaks to a planner: messages, table headings, statuses and reports.
public enum Language: String, Sendable, CaseIterable {
    case zh
    case en

    /// The language a run uses: `--lang` when given, else the locale of the environment
    /// (`LC_ALL`, then `LC_MESSAGES`, then `LANG`, the first one set): English when it starts
    /// with `en`, Chinese otherwise — Chinese is the default.
    public static func resolve(flag: Language?, environment: [String: String]) -> Language {
        if let flag { return flag }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("en") ? .en : .zh
        }
        return .zh
    }
}

/// A text in Chinese and in English: what a planner reads, in the language of the run.
public struct Bilingual: Sendable, Equatable {
    public var zh: String
    public var en: String

    public init(_ zh: String, _ en: String) { self.zh = zh; self.en = en }

    /// The text in `language`.
    public func text(_ language: Language) -> String { language == .zh ? zh : en }
}

extension Bilingual {
    /// This heading with its unit: 椭球面积（亩）, ellipsoidal area (mu).
    public func with(unit: Bilingual) -> Bilingual {
        Bilingual("\(zh)（\(unit.zh)）", "\(en) (\(unit.en))")
    }

    /// The same text in both languages: names, codes, dates and data values that are not translated.
    public init(verbatim text: String) { self.init(text, text) }

    /// The two texts one after the other, in each language.
    public static func + (left: Bilingual, right: Bilingual) -> Bilingual { Bilingual(left.zh + right.zh, left.en + right.en) }

    public static func += (left: inout Bilingual, right: Bilingual) { left = left + right }
}

extension Sequence where Element == Bilingual {
    /// The texts joined in each language with its own separator.
    public func joined(zh: String, en: String) -> Bilingual {
        Bilingual(map(\.zh).joined(separator: zh), map(\.en).joined(separator: en))
    }
}

/// In JSON a text is `{"en": …, "zh": …}`: scripts get both languages whatever the run's language.
extension Bilingual: Codable {}
