/// The note of one feature's row, the same on the terminal and in a file: a declared area beyond the
/// tolerance, how the geometry was read (a curve linearised, a problem GDAL reported), a repair.
struct AreaFeatureNotes {
    var report: AreaReport
    var language: Language
    private let flagged: Set<Int>

    init(_ report: AreaReport, language: Language) {
        self.report = report; self.language = language
        flagged = Set(report.declared?.mismatches ?? [])
    }

    /// The note of the feature at `position` in `report.features`, "" when none.
    func text(at position: Int) -> String {
        let feature = report.features[position]
        var notes: [String] = []
        if let check = report.declared, flagged.contains(position) {
            let tolerance = NumberText.percent(check.tolerance, decimals: 2)
            notes.append(Bilingual("申报面积差值超过末位半个单位加 \(tolerance)", "declared area differs > ½ last decimal + \(tolerance)").text(language))
        }
        if let read = feature.readNote { notes.append(read.text(language)) }
        if let problem = feature.repairedProblem {
            let reason = problem.bilingual
            notes.append(Bilingual("几何无效（\(reason.zh)），修复后计算", "invalid: \(reason.en); measured after make-valid").text(language))
        }
        return notes.joined(separator: language == .zh ? "；" : "; ")
    }

    /// The note of a feature left out.
    func text(skipped: SkippedFeature) -> String {
        Bilingual("未计算：\(skipped.reason.zh)", "skipped: \(skipped.reason.en)").text(language)
    }
}
