import ArgumentParser
import ZoneCalc

/// `--format table|json`, the same in every analysis command: what the terminal shows.
struct FormatOptions: ParsableArguments {
    /// What a report is printed as.
    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @Option(help: Bilingual("终端输出格式：table（表格）或 json。", "Terminal output format: table or json.").help)
    var format: Format = .table

    /// Whether the report goes to stdout as JSON (the files written are then listed on stderr).
    var isJSON: Bool { format == .json }
}
