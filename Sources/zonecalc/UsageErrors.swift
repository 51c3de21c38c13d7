import ArgumentParser
import Foundation
import ZoneCalc

/// A command line zonecalc cannot run: the message in the run's language and exit status 3 (bad input),
/// the same for every command.
enum UsageErrors {
    /// ArgumentParser's messages with a Chinese counterpart, by their English pattern.
    private static let chinese: [(pattern: String, template: String)] = [
        ("^Missing expected argument '(.+)'$", "缺少参数 $1"),
        ("^Unknown option '([^']+)'\\. Did you mean '([^']+)'\\?$", "未知选项 $1。您是否要用 $2？"),
        ("^Unknown option '(.+)'$", "未知选项 $1"),
        ("^Unexpected argument '(.+)'$", "多余的参数 $1"),
        ("^Missing value for '(.+)'$", "选项 $1 缺少取值"),
        ("^The value '(.*)' is invalid for '([^']+)'\\. Please provide one of the following:$", "取值 '$1' 不适用于 $2，可选："),
        ("^The value '(.*)' is invalid for '([^']+)'\\. Please provide one of (.+)\\.$", "取值 '$1' 不适用于 $2，可选：$3。"),
        ("^The value '(.*)' is invalid for '([^']+)'(.*)$", "取值 '$1' 不适用于 $2$3"),
        ("^  See '(.+)' for more information\\.$", "  请用 '$1' 查看用法。"),
    ]

    /// Prints the message for `error` and ends the process: help and `--version` to stdout with status 0,
    /// a command's own exit code as it is, everything else as bad input.
    static func exit(for error: any Error, command: any ParsableCommand.Type) -> Never {
        let code = command.exitCode(for: error)
        if let exitCode = error as? ExitCode { Foundation.exit(exitCode.rawValue) }
        if code == .success {
            print(command.fullMessage(for: error))
            Foundation.exit(ExitStatus.success.rawValue)
        }
        // The full message is "Error: <message>", a help line for the argument, the usage and where to read more.
        let lines = [command.message(for: error)] + command.fullMessage(for: error).components(separatedBy: "\n")
            .filter { $0.hasPrefix("Usage:") || $0.hasPrefix("  See ") }
        let text = "zonecalc: " + (RunLanguage.current == .zh ? lines.map(translated) : lines).joined(separator: "\n") + "\n"
        FileHandle.standardError.write(Data(text.utf8))
        Foundation.exit(ExitStatus.badInput.rawValue)
    }

    /// ArgumentParser's English message in Chinese where the pattern is known, else as it is (its own
    /// words keep the option and value names exact).
    static func translated(_ message: String) -> String {
        message.components(separatedBy: "\n").map { line in
            for (pattern, template) in chinese {
                guard let expression = try? NSRegularExpression(pattern: pattern) else { continue }
                let range = NSRange(line.startIndex..., in: line)
                if expression.firstMatch(in: line, range: range) != nil {
                    return chineseList(expression.stringByReplacingMatches(in: line, range: range, withTemplate: template))
                }
            }
            return line
        }.joined(separator: "\n")
    }

    /// ArgumentParser's list of values after 可选： ('a', 'b' or 'c'; 'a' and 'b') as a Chinese list ('a'、'b'、'c').
    private static func chineseList(_ line: String) -> String {
        guard let start = line.range(of: "可选：")?.upperBound else { return line }
        let list = ["', '", "' or '", "' and '"].reduce(String(line[start...])) { $0.replacingOccurrences(of: $1, with: "'、'") }
        return line[..<start] + list
    }
}
