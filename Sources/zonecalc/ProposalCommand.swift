import ArgumentParser
import Foundation
import ZoneCalc

struct ProposalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proposal",
        abstract: Bilingual("扩区、调区方案审查。", "Expansion and adjustment proposals (扩区/调区).").inRun,
        subcommands: [ProposalCheckCommand.self])
}


struct ProposalCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: Bilingual("按管控线、土地利用现状、其他开发区和规则（国办发〔2017〕7号）审查方案：结论、理由、面积、冲突图。退出码：0 符合，1 不符合，2 需人工复核。", "Check a proposal against the control lines, land use, other zones and the rules (国办发〔2017〕7号): verdict, reasons, areas, conflict maps. Exit 0 pass, 1 fail, 2 needs review.").inRun)

    @OptionGroup var language: LanguageOptions

    @OptionGroup var zone: ProjectOptions

    @Argument(help: Bilingual("方案文件（任何格式，含界址点坐标 txt）：新增用地（扩区、调入）；类型或名称为调出的部分作为调出。不加 --each 时，几个文件是同一方案的各部分。", "Proposal files (any format, boundary-point txt included): land added (扩区/调入); parts typed or named 调出 are taken out. Without --each, several files are the pieces of one proposal.").help)
    var proposals: [String] = []

    @Flag(help: Bilingual("每个文件（或文件夹中的每个文件、通配符匹配的每个文件）是一个单独的方案：逐个审查，各写一个以文件命名的报告文件夹和汇总表 summary.xlsx；退出码取最差的结论。", "Each file (or each file of a folder or a pattern) is a proposal of its own: each checked separately, with its own report folder named after the file and a summary workbook, summary.xlsx; the exit status is the worst verdict's.").help)
    var each = false

    @Option(help: Bilingual("调出地块文件（可重复）。", "Files of land taken out (调出) (repeatable).").help)
    var remove: [String] = []

    @Option(help: Bilingual("申请的新范围（代替逐块方案）：据此推算调入和调出用地。", "The requested new boundary instead of pieces: added and removed land are derived.").help)
    var newBoundary: String?

    @Option(help: Bilingual("未给出文件时：审查项目文件中的方案图层，expansion（扩区）或 adjustment（调区）。", "With no file: the project's proposal layer to check, expansion or adjustment.").help)
    var role: String?

    @Option(help: Bilingual("方案文件没有或写错坐标参照系时指定（EPSG:nnnn 或代码 nnnn、WKT、PROJ 字符串或 .prj 文件）。", "CRS of the proposal files when they have none or a wrong one (EPSG:nnnn or the bare code nnnn, WKT, PROJ string or .prj file).").help)
    var crs: String?

    @Option(name: [.customShort("o"), .long], help: Bilingual("输出文件夹，写出 proposal.gpkg、new_boundary.txt、report.html、report.docx、map.geojson（装有 Chromium 时另有 report.pdf）。", "Folder for proposal.gpkg, new_boundary.txt, report.html, report.docx, map.geojson (and report.pdf when Chromium is on the machine).").help)
    var output: String?

    @Flag(help: Bilingual("不运行任何外部程序：不生成 PDF，Word 版也不带 Chromium 绘制的图片。", "Run no outside program: no PDF, and no pictures drawn by Chromium in the Word copy.").help)
    var noPdf = false

    @Flag(help: Bilingual("替换已有的输出。", "Replace existing outputs.").help)
    var force = false

    @OptionGroup var formatOptions: FormatOptions

    func validate() throws {
        if newBoundary != nil, !(proposals.isEmpty && remove.isEmpty) {
            throw ValidationError(Bilingual("请只给出 --new-boundary 或方案地块之一，不要同时给出", "give either --new-boundary or proposal pieces, not both").inRun)
        }
        if each, proposals.isEmpty {
            throw ValidationError(Bilingual("--each 需要方案文件、文件夹或通配符", "--each needs proposal files, folders or patterns").inRun)
        }
        if each, newBoundary != nil || !remove.isEmpty {
            throw ValidationError(Bilingual("--each 不与 --new-boundary、--remove 同用：每个文件自成方案", "--each does not go with --new-boundary or --remove: each file is a proposal of its own").inRun)
        }
        if let role, LayerRole(rawValue: role) != .expansion, LayerRole(rawValue: role) != .adjustment {
            throw ValidationError(Bilingual("--role 应为 expansion（扩区）或 adjustment（调区）", "--role must be expansion or adjustment").inRun)
        }
    }

    func run() throws {
        if each { return try runEach() }
        var status = ExitStatus.success
        try reportingErrors(source: zone.project, json: formatOptions.isJSON) {
            let project = try zone.load()
            var options = ProposalOptions()
            options.files = proposals.map { SourceSpec(parsing: $0) }
            options.removals = remove.map { SourceSpec(parsing: $0) }
            options.newBoundary = newBoundary.map { SourceSpec(parsing: $0) }
            options.layer = role.flatMap(LayerRole.init(rawValue:))
            options.crs = try crs.map(CRSArgument.definition)
            let report = try ProposalJob.run(frame: try zone.frame(project), options: options)
            if let output, let problem = try ProposalExport.write(report, project: project, to: output, language: RunLanguage.current, force: force, pdf: !noPdf) {
                warnAboutPDF(problem)
            }
            switch formatOptions.format {
            case .table: print(ProposalReportText(language: RunLanguage.current).render(report), terminator: "")
            case .json: print(try ProposalReportJSON().render(report))
            }
            status = report.verdict == .pass ? .success : report.verdict == .fail ? .failed : .needsReview
        }
        if status != .success { throw ExitCode(status) }
    }

    /// `--each`: every file checked as a proposal of its own, over the cores, with progress.
    private func runEach() throws {
        var status = ExitStatus.success
        try reportingErrors(source: zone.project, json: formatOptions.isJSON) {
            let project = try zone.load()
            let files = try InputFiles.expand(proposals)
            var options = ProposalOptions()
            options.crs = try crs.map(CRSArgument.definition)
            if let output { try ProposalBatchExport.checkFirst(files, project: project, to: output, force: force) }
            let meter = ProgressMeter.current
            meter?.start(Bilingual("逐个审查方案", "checking each proposal"), total: files.count)
            let items = ProposalBatchJob.run(project: project, files: files, options: options,
                                             workers: zone.workers ?? ProcessInfo.processInfo.activeProcessorCount) { meter?.advance(1) }
            let lines: [ProposalBatchExport.Line]
            if let output {
                lines = try ProposalBatchExport.writeFolders(items, project: project, to: output, language: RunLanguage.current, force: force, pdf: !noPdf)
            } else {
                lines = items.map(ProposalBatchExport.Line.init)
            }
            // The table first: it says what became of each file even when the workbook cannot be written.
            switch formatOptions.format {
            case .table: print(ProposalBatchText(language: RunLanguage.current).render(lines), terminator: "")
            case .json: print(try ProposalBatchJSON().render(lines))
            }
            if let output {
                try ProposalBatchExport.writeSummary(lines, items, project: project, to: output, language: RunLanguage.current, force: force)
            }
            status = ProposalBatchExport.worst(lines)
        }
        if status != .success { throw ExitCode(status) }
    }
}
