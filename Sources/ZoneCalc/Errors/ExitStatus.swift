/// The exit status of every zonecalc command: one table, the same error giving the same status in
/// every command (README, `zonecalc --help`).
public enum ExitStatus: Int32, Sendable, CaseIterable {
    /// Done: a pass, a clean dataset, a result written.
    case success = 0
    /// The check failed, or there are findings at or above `--fail-on`.
    case failed = 1
    /// The verdict needs a person's review (需人工复核): neither pass nor fail.
    case needsReview = 2
    /// The input cannot be used: a command line, file, layer, field, CRS, project or data problem.
    case badInput = 3
    /// GDAL, GEOS or PROJ failed on data ZoneCalc accepted.
    case libraryFailure = 4
    /// An output could not be written, or would replace an input or an existing file; nothing was put in its place.
    case outputFailure = 5

    /// What the status means, for the help and the README.
    public var meaning: Bilingual {
        switch self {
        case .success: return Bilingual("成功：通过、无问题或结果已写出", "success: pass, clean, or the result written")
        case .failed: return Bilingual("不符合，或存在达到 --fail-on 级别的问题", "fail, or findings at or above --fail-on")
        case .needsReview: return Bilingual("需人工复核（既非符合也非不符合）", "needs review (neither pass nor fail)")
        case .badInput: return Bilingual("输入有误：命令行、文件、图层、字段、坐标参照系、项目文件或数据", "bad input: command line, file, layer, field, CRS, project file or data")
        case .libraryFailure: return Bilingual("GDAL、GEOS 或 PROJ 处理失败", "GDAL, GEOS or PROJ failed")
        case .outputFailure: return Bilingual("输出未写出（无法写入，或会覆盖输入或已有文件）", "output not written (cannot be written, or would replace an input or an existing file)")
        }
    }

    /// The table of statuses in `language`, one per line, with 128 + signal for an interrupted run.
    public static func table(_ language: Language) -> String {
        let interrupted = Bilingual("被中断（Ctrl-C 为 130，SIGTERM 为 143），未写出任何输出", "interrupted (130 for Ctrl-C, 143 for SIGTERM); no output written")
        return allCases.map { "  \($0.rawValue)  \($0.meaning.text(language))" }.joined(separator: "\n")
            + "\n  128+N  \(interrupted.text(language))"
    }
}
