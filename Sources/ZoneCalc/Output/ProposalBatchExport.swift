import Foundation
import GeoBridge

/// Writes a batch of proposal checks: each proposal's folder (named after its file, as
/// ``ProposalExport`` writes it) and `summary.xlsx`, one row per file — kind, area added and taken out,
/// verdict, the rules failed and those to review, its folder, or the error that kept it from being
/// checked or written.
public enum ProposalBatchExport {
    public static let summaryName = BatchSummary.fileName

    /// One file's line of the summary.
    public struct Line: Sendable {
        public var file: String
        public var folder: String?
        public var report: ProposalReport?
        public var error: ZoneCalcError?
        /// Why its PDF could not be made, when that alone failed.
        public var pdfProblem: ZoneCalcError?

        /// A checked file's line, before its folder is written.
        public init(_ item: ProposalBatchItem) {
            file = item.file.description
            switch item.result {
            case .success(let checked): report = checked
            case .failure(let failure): error = failure
            }
        }

        /// Its exit status: the verdict's, or the error's.
        public var status: ExitStatus {
            if let error { return error.exitStatus }
            switch report?.verdict {
            case .pass?: return .success
            case .fail?: return .failed
            default: return .needsReview
            }
        }
    }

    /// The worst status of a batch: an error, else a failed proposal, else one to review, else success.
    public static func worst(_ lines: [Line]) -> ExitStatus { BatchSummary.worst(lines.map(\.status)) }

    /// Refuses, before any proposal is checked, a folder that is a file, and report files and a summary
    /// that exist (without `force`) or are inputs.
    public static func checkFirst(_ files: [SourceSpec], project: ZoneProject, to folder: String, force: Bool) throws {
        let inputs = project.inputPaths + files.map(\.path)
        try SafeOutput.checkFolder(folder, holding: [summaryName], inputs: inputs, force: force)
        for name in BatchOutputNames.stems(files) {
            try SafeOutput.checkFolder((folder as NSString).appendingPathComponent(name), holding: ProposalExport.fileNames, inputs: inputs, force: force)
        }
    }

    /// Writes each checked proposal's report folder; returns the summary's lines (an error of its own
    /// for a folder that could not be written).
    public static func writeFolders(_ items: [ProposalBatchItem], project: ZoneProject, to folder: String, language: Language,
                                    force: Bool, pdf: Bool) throws -> [Line] {
        let names = BatchOutputNames.stems(items.map(\.file))
        var lines: [Line] = []
        _ = try SafeOutput.makeFolder(folder)
        for (item, name) in zip(items, names) {
            var line = Line(item)
            let path = (folder as NSString).appendingPathComponent(name)
            if let report = line.report {
                do {
                    // Each proposal's folder is complete or absent, whatever happens to the others.
                    line.pdfProblem = try SafeOutput.separately {
                        try ProposalExport.write(report, project: project, to: path, language: language, force: force, pdf: pdf)
                    }
                    line.folder = name
                } catch {
                    line.error = ZoneCalcError(error, source: path)
                }
            }
            // With --force, an earlier run's report of a proposal that now has none goes: none outlives its input.
            if force, line.folder == nil { removeEarlierReports(in: path) }
            lines.append(line)
        }
        return lines
    }

    /// Removes the files a proposal check writes (and its PDF) from `path`, and the folder when that
    /// leaves it empty; anything else in it stays.
    static func removeEarlierReports(in path: String) {
        for name in ProposalExport.fileNames + ["report.pdf"] {
            SafeOutput.removeEarlierOutput((path as NSString).appendingPathComponent(name))
        }
        if (try? FileManager.default.contentsOfDirectory(atPath: path))?.isEmpty == true { try? FileManager.default.removeItem(atPath: path) }
    }

    /// Writes the summary workbook of `lines` into `folder`.
    public static func writeSummary(_ lines: [Line], _ items: [ProposalBatchItem], project: ZoneProject, to folder: String, language: Language, force: Bool) throws {
        try summary(lines, language: language).write(to: (folder as NSString).appendingPathComponent(summaryName), language: language,
                                                     inputs: project.inputPaths + items.map(\.file.path), force: force)
    }

    /// The summary's own columns, between the file and the verdict.
    static let figures = [
        LedgerColumn("KIND", Bilingual("方案类型", "kind"), .string),
        .figure("ADDED_HA", Bilingual("新增面积（公顷）", "added (ha)"), decimals: 2), .figure("REMOVED_HA", Bilingual("调出面积（公顷）", "taken out (ha)"), decimals: 2),
        LedgerColumn("FAILED", Bilingual("不符合的规则", "rules failed"), .string),
        LedgerColumn("REVIEW", Bilingual("需复核或无法检查的规则", "rules to review or not checked"), .string),
    ]

    /// The summary of `lines`: one row per file.
    public static func summary(_ lines: [Line], language: Language) -> BatchSummary {
        var summary = BatchSummary(title: Bilingual("方案审查汇总", "proposal checks"), figures: figures,
                                   statusHeading: Bilingual("结论", "verdict"), outputHeading: Bilingual("报告文件夹", "report folder"))
        for line in lines {
            func rules(_ statuses: [RuleStatus]) -> FieldValue {
                let ids = line.report?.rules.filter { statuses.contains($0.status) }.map(\.id) ?? []
                return ids.isEmpty ? .null : .string(ids.joined(separator: " "))
            }
            let report = line.report
            let kind = report.map { FieldValue.string(ProposalReportText(language: language).kindName($0.kind)) } ?? .null
            // A proposal checked whose folder could not be written keeps its verdict's figures, and says so.
            let verdict = report.map { line.error == nil ? $0.verdict.label : Bilingual("未写出", "not written") } ?? Bilingual("未审查", "not checked")
            summary.add(file: line.file, layer: nil,
                        figures: [kind, report.map { .real(($0.added.ellipsoidal ?? 0) / 10_000) } ?? .null,
                                  report.map { .real(($0.removed.ellipsoidal ?? 0) / 10_000) } ?? .null, rules([.fail]), rules([.needsReview, .notChecked])],
                        status: verdict, exit: line.status, output: line.folder,
                        note: [line.error, line.pdfProblem].compactMap { $0?.message(language) }.joined(separator: "；"), language: language)
        }
        return summary
    }
}

/// The terminal table of a batch of proposal checks: the summary workbook's rows.
public struct ProposalBatchText {
    public var language: Language

    public init(language: Language = .zh) { self.language = language }

    public func render(_ lines: [ProposalBatchExport.Line]) -> String { ProposalBatchExport.summary(lines, language: language).text(language) }
}
