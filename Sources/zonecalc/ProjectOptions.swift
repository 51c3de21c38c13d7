import ArgumentParser
import ZoneCalc

/// The zone project a command works on, the same in every project command: the project file,
/// `--as-of` (the date every analysis of the run judges by) and `--workers`.
struct ProjectOptions: ParsableArguments {
    @Argument(help: Bilingual("开发区项目文件（zone.yaml）。", "The zone project file (zone.yaml).").help)
    var project: String

    @Option(help: Bilingual("评价基准日，YYYY-MM-DD（默认：项目文件的 as_of）；本次运行的所有分析都以此为准。",
                            "The date to judge by, YYYY-MM-DD (default: the project's as_of), for every analysis of the run.").help)
    var asOf: String?

    @Option(name: .customLong("workers"), help: Bilingual("工作线程数（默认：CPU 核数）。", "Worker threads (default: the number of cores).").help)
    var workers: Int?

    func validate() throws {
        if let asOf, LandDateParser.parse(.string(asOf)).dateValue == nil {
            throw ValidationError(Bilingual("--as-of '\(asOf)' 不是日期（应为 YYYY-MM-DD）", "--as-of '\(asOf)' is not a date (YYYY-MM-DD)").inRun)
        }
        if let workers, workers < 1 { throw ValidationError(Bilingual("--workers 应 ≥ 1", "--workers must be ≥ 1").inRun) }
    }

    /// The project as loaded, with `--as-of` in place of its `as_of`.
    func load() throws -> ZoneProject {
        var zone = try ZoneProjectLoader.load(project)
        if let asOf, let date = LandDateParser.parse(.string(asOf)).dateValue { zone.asOf = date.description }
        return zone
    }

    /// The analysis frame of the run over `zone`.
    func frame(_ zone: ZoneProject) throws -> AnalysisFrame {
        try workers.map { try AnalysisFrame(project: zone, workers: $0) } ?? AnalysisFrame(project: zone)
    }
}
