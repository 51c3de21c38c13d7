import ArgumentParser
import ZoneCalc

struct ProposalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proposal",
        abstract: "Expansion and adjustment proposals (扩区/调区).",
        subcommands: [ProposalCheckCommand.self])
}

extension Language: ExpressibleByArgument {}

struct ProposalCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a proposal against the control lines, land use, other zones and the rules (国办发〔2017〕7号): verdict, reasons, areas, conflict maps. Exit 1 when the verdict is fail.")

    @Argument(help: "The zone project file (zone.yaml).")
    var project: String

    @Argument(help: "Proposal files (any format, boundary-point txt included): land added (扩区/调入); parts typed or named 调出 are taken out.")
    var proposals: [String] = []

    @Option(help: "Files of land taken out (调出) (repeatable).")
    var remove: [String] = []

    @Option(help: "The requested new boundary instead of pieces: added and removed land are derived.")
    var newBoundary: String?

    @Option(help: "With no file: the project's proposal layer to check, expansion or adjustment.")
    var layer: String?

    @Option(help: "CRS of the proposal files when they have none or a wrong one.")
    var crs: String?

    @Option(name: [.customShort("o"), .long], help: "Folder for proposal.gpkg, new_boundary.txt and report.html.")
    var output: String?

    @Flag(help: "Replace existing outputs.")
    var force = false

    @Option(help: "Language of the reasons and the report: zh or en.")
    var lang: Language = .zh

    func validate() throws {
        if newBoundary != nil, !(proposals.isEmpty && remove.isEmpty) {
            throw ValidationError("give either --new-boundary or proposal pieces, not both")
        }
        if let layer, LayerRole(rawValue: layer) != .expansion, LayerRole(rawValue: layer) != .adjustment {
            throw ValidationError("--layer must be expansion or adjustment")
        }
    }

    func run() throws {
        var failed = false
        try reportingErrors(source: project) {
            let zone = try ZoneProjectLoader.load(project)
            var options = ProposalOptions()
            options.files = proposals.map { SourceSpec(parsing: $0) }
            options.removals = remove.map { SourceSpec(parsing: $0) }
            options.newBoundary = newBoundary.map { SourceSpec(parsing: $0) }
            options.layer = layer.flatMap(LayerRole.init(rawValue:))
            options.crs = crs
            let report = try ProposalJob.run(frame: try AnalysisFrame(project: zone), options: options)
            if let output { try ProposalExport.write(report, project: zone, to: output, language: lang, force: force) }
            print(ProposalReportText(language: lang).render(report), terminator: "")
            failed = report.verdict == .fail
        }
        if failed { throw ExitCode(1) }
    }
}
