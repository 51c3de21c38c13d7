import ArgumentParser
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

    @Argument(help: Bilingual("方案文件（任何格式，含界址点坐标 txt）：新增用地（扩区、调入）；类型或名称为调出的部分作为调出。", "Proposal files (any format, boundary-point txt included): land added (扩区/调入); parts typed or named 调出 are taken out.").help)
    var proposals: [String] = []

    @Option(help: Bilingual("调出地块文件（可重复）。", "Files of land taken out (调出) (repeatable).").help)
    var remove: [String] = []

    @Option(help: Bilingual("申请的新范围（代替逐块方案）：据此推算调入和调出用地。", "The requested new boundary instead of pieces: added and removed land are derived.").help)
    var newBoundary: String?

    @Option(help: Bilingual("未给出文件时：审查项目文件中的方案图层，expansion（扩区）或 adjustment（调区）。", "With no file: the project's proposal layer to check, expansion or adjustment.").help)
    var role: String?

    @Option(help: Bilingual("方案文件没有或写错坐标参照系时指定（EPSG:nnnn 或代码 nnnn、WKT、PROJ 字符串或 .prj 文件）。", "CRS of the proposal files when they have none or a wrong one (EPSG:nnnn or the bare code nnnn, WKT, PROJ string or .prj file).").help)
    var crs: String?

    @Option(name: [.customShort("o"), .long], help: Bilingual("输出文件夹，写出 proposal.gpkg、new_boundary.txt、report.html、report.docx（装有 Chromium 或 LibreOffice 时另有 report.pdf）。", "Folder for proposal.gpkg, new_boundary.txt, report.html, report.docx (and report.pdf when Chromium or LibreOffice is on the machine).").help)
    var output: String?

    @Flag(help: Bilingual("不生成 PDF。", "Skip the PDF.").help)
    var noPdf = false

    @Flag(help: Bilingual("替换已有的输出。", "Replace existing outputs.").help)
    var force = false

    @OptionGroup var formatOptions: FormatOptions

    func validate() throws {
        if newBoundary != nil, !(proposals.isEmpty && remove.isEmpty) {
            throw ValidationError(Bilingual("请只给出 --new-boundary 或方案地块之一，不要同时给出", "give either --new-boundary or proposal pieces, not both").inRun)
        }
        if let role, LayerRole(rawValue: role) != .expansion, LayerRole(rawValue: role) != .adjustment {
            throw ValidationError(Bilingual("--role 应为 expansion（扩区）或 adjustment（调区）", "--role must be expansion or adjustment").inRun)
        }
    }

    func run() throws {
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
}
