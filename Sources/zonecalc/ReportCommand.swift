import ArgumentParser
import Foundation
import ZoneCalc

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: Bilingual("开发区年度土地报告：一次运行写出工作簿（每个专题一张表）、可打印的 HTML 报告（含地图和图表）和全部结果图层的 GeoPackage。退出码：0 全部专题已计算，2 有专题缺数据未计算。",
                            "The zone's annual land account in one run: a workbook (a sheet per topic), a print-ready HTML report with maps and charts, and a GeoPackage of every result layer. Exit 0 every topic computed, 2 some topic lacked data.").inRun)

    @OptionGroup var language: LanguageOptions

    @OptionGroup var zone: ProjectOptions

    @Option(name: [.customShort("o"), .long], help: Bilingual("输出文件夹：写出 report.xlsx、report.html 和 report.gpkg。", "Folder for report.xlsx, report.html and report.gpkg.").help)
    var output: String

    @Flag(help: Bilingual("替换已有的输出。", "Replace existing outputs.").help)
    var force = false

    func run() throws {
        var incomplete = false
        try reportingErrors(source: zone.project) {
            let project = try zone.load()
            let paths = [ZoneReportExport.workbookName, ZoneReportExport.pageName, ZoneReportExport.layersName].map { (output as NSString).appendingPathComponent($0) }
            // Refused before the analyses run (the folder is made when the report is written).
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: output, isDirectory: &isFolder), !isFolder.boolValue {
                throw ZoneCalcError.unsafeOutput(path: output, reason: Bilingual("-o 给的是文件；请给出存放报告的文件夹", "-o names a file; give a folder for the report"))
            }
            if FileManager.default.fileExists(atPath: output) { try SafeOutput.check(paths, inputs: project.inputPaths, force: force) }
            let report = try ZoneReportJob.run(project: project, workers: zone.workers ?? ProcessInfo.processInfo.activeProcessorCount)
            try ZoneReportExport.write(report, to: output, language: RunLanguage.current, force: force)
            print(ZoneReportText(language: RunLanguage.current).render(report), terminator: "")
            incomplete = !report.notComputed.isEmpty
        }
        if incomplete { throw ExitCode(ExitStatus.needsReview) }
    }
}
