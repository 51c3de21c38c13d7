import ArgumentParser
import ZoneCalc

/// The zone project a command works on and, for checks made as of a date, `--as-of`.
struct ProjectDateOptions: ParsableArguments {
    @Argument(help: Bilingual("开发区项目文件（zone.yaml）。", "The zone project file (zone.yaml).").help)
    var project: String

    @Option(help: Bilingual("评价基准日，YYYY-MM-DD（默认：项目文件的 as_of）。", "The date to judge by, YYYY-MM-DD (default: the project's as_of).").help)
    var asOf: String?

    /// `--as-of` read as a date.
    func date() throws -> CalendarDate? {
        guard let asOf else { return nil }
        guard case .date(let date) = LandDateParser.parse(.string(asOf)) else { throw ValidationError(Bilingual("--as-of '\(asOf)' 不是日期（应为 YYYY-MM-DD）", "--as-of '\(asOf)' is not a date (YYYY-MM-DD)").inRun) }
        return date
    }
}
