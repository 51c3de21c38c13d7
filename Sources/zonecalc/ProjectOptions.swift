import ArgumentParser
import ZoneCalc

/// The zone project a command works on and, for checks made as of a date, `--as-of`.
struct ProjectDateOptions: ParsableArguments {
    @Argument(help: "The zone project file (zone.yaml).")
    var project: String

    @Option(help: "The date to judge by, YYYY-MM-DD (default: the project's as_of).")
    var asOf: String?

    /// `--as-of` read as a date.
    func date() throws -> CalendarDate? {
        guard let asOf else { return nil }
        guard case .date(let date) = LandDateParser.parse(.string(asOf)) else { throw ValidationError("--as-of '\(asOf)' is not a date") }
        return date
    }
}
