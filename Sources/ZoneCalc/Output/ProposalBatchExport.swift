import Foundation
import GeoBridge

/// Writes a batch of proposal checks: each proposal's folder (named after its file, as
/// ``ProposalExport`` writes it) and `summary.xlsx`, one row per file — kind, area added and taken out,
/// verdict, the rules failed and those to review, its folder, or the error that kept it from being
/// checked or written.
public enum ProposalBatchExport {
    public static let summaryName = "summary.xlsx"

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

    /// The folder names for `files`: each file's name without its extension, numbered when two are the same.
    static func folderNames(_ files: [SourceSpec]) -> [String] {
        var used: [String: Int] = [:]
        return files.map { spec in
            var stem = ((spec.path as NSString).lastPathComponent as NSString).deletingPathExtension
            if let layer = spec.layer { stem += "_" + layer }
            stem = stem.replacingOccurrences(of: "/", with: "_")
            used[stem, default: 0] += 1
            return used[stem]! == 1 ? stem : "\(stem)-\(used[stem]!)"
        }
    }

    /// The worst status of a batch: an error, else a failed proposal, else one to review, else success.
    public static func worst(_ lines: [Line]) -> ExitStatus {
        let statuses = lines.map(\.status)
        if let error = statuses.filter({ ![.success, .failed, .needsReview].contains($0) }).max(by: { $0.rawValue < $1.rawValue }) { return error }
        if statuses.contains(.failed) { return .failed }
        if statuses.contains(.needsReview) { return .needsReview }
        return .success
    }

    public static func write(_ items: [ProposalBatchItem], project: ZoneProject, to folder: String, language: Language,
                             force: Bool, pdf: Bool) throws -> [Line] {
        let names = folderNames(items.map(\.file))
        var lines: [Line] = []
        _ = try SafeOutput.makeFolder(folder)
        for (item, name) in zip(items, names) {
            var line = Line(item)
            if let report = line.report {
                let path = (folder as NSString).appendingPathComponent(name)
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
            lines.append(line)
        }
        try writeSummary(lines, to: (folder as NSString).appendingPathComponent(summaryName), language: language,
                         inputs: project.inputPaths + items.map(\.file.path), force: force)
        return lines
    }

    /// 序号 first: GDAL (and QGIS) read a sheet's first row as headings only when the second is not text throughout.
    static let columns = [
        LedgerColumn("SEQ", Bilingual("序号", "No."), .integer), LedgerColumn("FILE", Bilingual("方案文件", "proposal file"), .string), LedgerColumn("KIND", Bilingual("方案类型", "kind"), .string),
        .figure("ADDED_HA", Bilingual("新增面积（公顷）", "added (ha)"), decimals: 2), .figure("REMOVED_HA", Bilingual("调出面积（公顷）", "taken out (ha)"), decimals: 2),
        LedgerColumn("VERDICT", Bilingual("结论", "verdict"), .string), LedgerColumn("FAILED", Bilingual("不符合的规则", "rules failed"), .string),
        LedgerColumn("REVIEW", Bilingual("需复核或无法检查的规则", "rules to review or not checked"), .string),
        LedgerColumn("FOLDER", Bilingual("报告文件夹", "report folder"), .string), LedgerColumn("ERROR", Bilingual("错误", "error"), .string),
    ]

    static func row(_ line: Line, number: Int, language: Language) -> [FieldValue] {
        func rules(_ statuses: [RuleStatus]) -> FieldValue {
            let ids = line.report?.rules.filter { statuses.contains($0.status) }.map(\.id) ?? []
            return ids.isEmpty ? .null : .string(ids.joined(separator: " "))
        }
        let report = line.report
        let kind = report.map { FieldValue.string(ProposalReportText(language: language).kindName($0.kind)) } ?? .null
        let error = [line.error, line.pdfProblem].compactMap { $0?.message(language) }.joined(separator: "；")
        return AreaExport.rounded([
            .integer(Int64(number)), .string(line.file), kind, report.map { .real(($0.added.ellipsoidal ?? 0) / 10_000) } ?? .null,
            report.map { .real(($0.removed.ellipsoidal ?? 0) / 10_000) } ?? .null,
            line.error != nil ? .string(Bilingual("未审查", "not checked").text(language)) : report.map { .string($0.verdict.label.text(language)) } ?? .null,
            rules([.fail]), rules([.needsReview, .notChecked]), line.folder.map(FieldValue.string) ?? .null, error.isEmpty ? .null : .string(error),
        ], columns)
    }

    static func writeSummary(_ lines: [Line], to path: String, language: Language, inputs: [String], force: Bool) throws {
        let spec = OutputLayerSpec(name: Bilingual("方案审查汇总", "proposal checks").text(language), crs: nil, geometry: .none,
                                   columns: columns.fields(format: .xlsx, language: language), expectedRows: lines.count)
        try FeatureFileWriter.write(to: path, format: .xlsx, layer: spec, inputs: inputs, force: force) { emit in
            for (index, line) in lines.enumerated() { try emit(row(line, number: index + 1, language: language), nil) }
        }
    }
}

/// The terminal table of a batch of proposal checks: the summary workbook's rows.
public struct ProposalBatchText {
    public var language: Language

    public init(language: Language = .zh) { self.language = language }

    public func render(_ lines: [ProposalBatchExport.Line]) -> String {
        let columns = ProposalBatchExport.columns
        var table = TextTable(headers: columns.map { $0.heading.text(language) },
                              alignments: columns.map { $0.type == .real || $0.type == .integer ? .right : .left })
        for (index, line) in lines.enumerated() {
            table.add(zip(ProposalBatchExport.row(line, number: index + 1, language: language), columns).map(ReportDocument.text))
        }
        return table.render()
    }
}
