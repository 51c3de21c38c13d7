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
}
