import ArgumentParser
import ZoneCalc

/// A mistyped subcommand (`zonecalc arae`) answered with the nearest one (`area`).
enum CommandSuggestion {
    /// The message for the first argument that should name a subcommand and names none; nil when the
    /// command line names only known subcommands.
    static func problem(in arguments: [String], root: any ParsableCommand.Type) -> Bilingual? {
        var command = root
        for argument in arguments {
            let subcommands = command.configuration.subcommands
            guard !subcommands.isEmpty, !argument.hasPrefix("-") else { return nil }
            let names = subcommands.map { $0._commandName } + ["help"]
            guard let next = subcommands.first(where: { $0._commandName == argument }) else {
                if argument == "help" { return nil }
                let nearest = names.map { (name: $0, distance: editDistance(argument, $0)) }.min { $0.distance < $1.distance }
                let listed = names.filter { $0 != "help" }.joined(separator: ", ")
                if let nearest, nearest.distance <= max(1, nearest.name.count / 3) {
                    return Bilingual("未知命令 '\(argument)'。您是否要用 '\(nearest.name)'？可用的命令：\(listed)。",
                                     "unknown command '\(argument)'. Did you mean '\(nearest.name)'? The commands are: \(listed).")
                }
                return Bilingual("未知命令 '\(argument)'。可用的命令：\(listed)。", "unknown command '\(argument)'. The commands are: \(listed).")
            }
            command = next
        }
        return nil
    }

    /// Edits (insertion, deletion, substitution, transposition of neighbours) from `a` to `b`.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var distance = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { distance[i][0] = i }
        for j in 0...b.count { distance[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let substitution = a[i - 1] == b[j - 1] ? 0 : 1
                distance[i][j] = min(distance[i - 1][j] + 1, distance[i][j - 1] + 1, distance[i - 1][j - 1] + substitution)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    distance[i][j] = min(distance[i][j], distance[i - 2][j - 2] + 1)
                }
            }
        }
        return distance[a.count][b.count]
    }
}
