import ArgumentParser
import Foundation
import ZoneCalc

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: Bilingual("开发区年度土地报告：一次运行写出工作簿（每个专题一张表）、可打印的 HTML 报告（含地图和图表）及其 Word 版、全部结果图层的 GeoPackage，装有 Chromium 时另有 PDF。退出码：0 全部专题已计算，2 有专题缺数据未计算。",
                            "The zone's annual land account in one run: a workbook (a sheet per topic), a print-ready HTML report with maps and charts and its Word copy, a GeoPackage of every result layer, and a PDF when Chromium is on the machine. Exit 0 every topic computed, 2 some topic lacked data.").inRun)

    @OptionGroup var language: LanguageOptions

    @OptionGroup var zone: ProjectOptions

    @Option(name: [.customShort("o"), .long], help: Bilingual("输出文件夹：写出 report.xlsx、report.html、report.docx、report.gpkg（和 report.pdf）。", "Folder for report.xlsx, report.html, report.docx, report.gpkg (and report.pdf).").help)
    var output: String

    @Flag(help: Bilingual("替换已有的输出。", "Replace existing outputs.").help)
    var force = false

    @Flag(help: Bilingual("不运行任何外部程序：不生成 PDF，Word 版也不带 Chromium 绘制的图片（默认在装有 Chromium 时生成 report.pdf）。", "Run no outside program: no PDF, and no pictures drawn by Chromium in the Word copy (by default report.pdf is made when Chromium is on the machine).").help)
    var noPdf = false

    func run() throws {
        var incomplete = false
        try reportingErrors(source: zone.project) {
            let project = try zone.load()
            // Refused before the analyses run (the folder is made when the report is written).
            try SafeOutput.checkFolder(output, holding: ZoneReportExport.names, inputs: project.inputPaths, force: force)
            let report = try ZoneReportJob.run(project: project, workers: zone.workers ?? ProcessInfo.processInfo.activeProcessorCount)
            if let problem = try ZoneReportExport.write(report, to: output, language: RunLanguage.current, force: force, pdf: !noPdf) {
                warnAboutPDF(problem)
            }
            print(ZoneReportText(language: RunLanguage.current).render(report), terminator: "")
            incomplete = !report.notComputed.isEmpty
        }
        if incomplete { throw ExitCode(ExitStatus.needsReview) }
    }
}

/// A PDF that could not be made, said on stderr: the report's other files are written, and the run
/// keeps its status.
func warnAboutPDF(_ problem: ZoneCalcError) {
    FileHandle.standardError.write(Data(("zonecalc: " + problem.message(RunLanguage.current) + "\n").utf8))
}
