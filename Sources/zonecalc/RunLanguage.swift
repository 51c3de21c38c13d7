import ArgumentParser
import Foundation
import ZoneCalc

/// The language of this run, known before the arguments are parsed so that help and usage errors
/// speak it too: `--lang` when the command line has it, else the locale (``Language/resolve(flag:environment:)``).
enum RunLanguage {
    static let current = Language.resolve(flag: flag(in: CommandLine.arguments), environment: ProcessInfo.processInfo.environment)

    /// The value of `--lang X` or `--lang=X`, when it is a language.
    static func flag(in arguments: [String]) -> Language? {
        for (position, argument) in arguments.enumerated() {
            if argument == "--" { break }
            if argument.hasPrefix("--lang=") { return Language(rawValue: String(argument.dropFirst("--lang=".count))) }
            if argument == "--lang", position + 1 < arguments.count { return Language(rawValue: arguments[position + 1]) }
        }
        return nil
    }
}

/// `--lang`, on every command.
struct LanguageOptions: ParsableArguments {
    @Option(help: Bilingual("输出语言：zh（中文，默认）或 en（英文）；未给出时按 LC_ALL/LANG，以 en 开头为英文。",
                            "Language of the output: zh (Chinese, the default) or en; without it LC_ALL/LANG decide, English when they start with en.").help)
    var lang: Language?

    /// The language of the run (the same as ``RunLanguage/current``, which read the same flag).
    var chosen: Language { Language.resolve(flag: lang, environment: ProcessInfo.processInfo.environment) }
}

extension Language: ExpressibleByArgument {}

extension Bilingual {
    /// The text in the run's language, for command abstracts and messages.
    var inRun: String { text(RunLanguage.current) }

    /// The text in the run's language, as help for an argument, option or flag.
    var help: ArgumentHelp { ArgumentHelp(inRun) }
}
