import ArgumentParser
import Foundation
import Hummingbird
import ZoneCalc
import ZoneCalcService

/// `zonecalc-serve`: the intranet service for expansion and adjustment checks, and its accounts.
@main
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zonecalc-serve",
        abstract: text(Bilingual("扩区、调区审查的内网服务：网页和 HTTP API，审查记录保存在 --data。",
                                 "The intranet service for expansion and adjustment checks: web pages and an HTTP API, the record of checks kept in --data.")),
        subcommands: [Run.self, AddAccount.self],
        defaultSubcommand: Run.self)

    /// The language of the terminal the command runs in.
    static let language = Language.resolve(flag: nil, environment: ProcessInfo.processInfo.environment)

    static func text(_ text: Bilingual) -> String { text.text(language) }
}

/// Serves the zones of --projects.
struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: ServeCommand.text(Bilingual("启动服务。", "Start the service.")))

    @Option(help: ArgumentHelp(ServeCommand.text(Bilingual("项目文件夹：其中每个 *.yaml 或 */zone.yaml 是一个开发区。", "The projects folder: each *.yaml or */zone.yaml in it is a zone."))))
    var projects: String

    @Option(help: ArgumentHelp(ServeCommand.text(Bilingual("数据文件夹：审查记录、上传文件和输出。", "The data folder: the record, the uploads and the outputs."))))
    var data: String

    @Option(help: ArgumentHelp(ServeCommand.text(Bilingual("监听地址；默认只在本机（127.0.0.1）。", "The address to listen on; only this machine (127.0.0.1) by default."))))
    var host = "127.0.0.1"

    @Option(help: ArgumentHelp(ServeCommand.text(Bilingual("端口。", "The port."))))
    var port = 8080

    @Option(help: ArgumentHelp(ServeCommand.text(Bilingual("zonecalc 程序（默认：本程序旁的，或 PATH 中的）。", "The zonecalc program (default: the one beside this program, or on the PATH)."))))
    var engine: String?

    @Option(help: ArgumentHelp(ServeCommand.text(Bilingual("每次审查的时间上限（秒）。", "The time limit of one check, in seconds."))))
    var checkTimeLimit: Double = 600

    @Flag(help: ArgumentHelp(ServeCommand.text(Bilingual("不生成 PDF（服务器上没有 Chromium 或 LibreOffice 时）。", "Make no PDF (when the server has no Chromium or LibreOffice)."))))
    var noPdf = false

    @Option(help: ArgumentHelp(ServeCommand.text(Bilingual("Leaflet 所在文件夹，用于审查结果页的交互地图（Debian 软件包 libjs-leaflet 装在此处）；没有时页面只显示示意图。",
                                                           "The folder holding Leaflet, for the check page's interactive map (where Debian's libjs-leaflet puts it); without it the page shows the static map."))))
    var leaflet = MapLibrary.debianFolder.path

    func run() async throws {
        let store = try RecordStore(folder: URL(fileURLWithPath: data))
        let catalog = ZoneCatalog(folder: URL(fileURLWithPath: projects))
        for problem in catalog.problems { FileHandle.standardError.write(Data("zonecalc-serve: \(problem)\n".utf8)) }
        var checkEngine = CheckEngine(executable: engine ?? CheckEngine.besideThisProgram())
        checkEngine.timeLimit = checkTimeLimit
        checkEngine.pdf = !noPdf
        let service = CheckService(store: store, catalog: catalog, engine: checkEngine)
        try await service.resume()
        let serving = ServeCommand.text(Bilingual("服务 \(catalog.zones.count) 个开发区，地址 http://\(host):\(port)/",
                                                  "serving \(catalog.zones.count) zones at http://\(host):\(port)/"))
        FileHandle.standardOutput.write(Data((serving + "\n").utf8))
        let mapLibrary = MapLibrary(folder: URL(fileURLWithPath: leaflet))
        if !mapLibrary.isAvailable {
            FileHandle.standardError.write(Data(("zonecalc-serve: " + ServeCommand.text(Bilingual(
                "\(leaflet) 中没有 Leaflet：审查结果页只显示示意图（安装 libjs-leaflet，或用 --leaflet 指明其文件夹）。",
                "no Leaflet in \(leaflet): the check page shows the static map only (install libjs-leaflet, or give its folder with --leaflet).")) + "\n").utf8))
        }
        defer { CheckEngine.stopAll() }
        try await ServiceApplication.application(service, host: host, port: port, mapLibrary: mapLibrary).runService()
    }
}

/// Creates an account; the password is read from standard input, never from the command line.
struct AddAccount: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add-account",
        abstract: ServeCommand.text(Bilingual("创建账号（首个管理员也用它创建）；密码从标准输入读取。", "Create an account (the first administrator too); the password is read from standard input.")))

    @Argument(help: ArgumentHelp(ServeCommand.text(Bilingual("账号名。", "The account name."))))
    var name: String

    @Option(help: ArgumentHelp(ServeCommand.text(Bilingual("角色：reviewer（审查）、auditor（审计）或 admin（管理员）。", "The role: reviewer, auditor or admin."))))
    var role: String

    @Option(help: ArgumentHelp(ServeCommand.text(Bilingual("数据文件夹。", "The data folder."))))
    var data: String

    func run() throws {
        guard let role = Role(rawValue: role) else {
            throw ValidationError(ServeCommand.text(Bilingual("--role 应为 reviewer、auditor 或 admin", "--role must be reviewer, auditor or admin")))
        }
        let password: String
        if isatty(STDIN_FILENO) != 0 {
            let first = String(cString: getpass(ServeCommand.text(Bilingual("密码：", "Password: "))))
            let again = String(cString: getpass(ServeCommand.text(Bilingual("再输一遍：", "Again: "))))
            guard first == again else { throw ValidationError(ServeCommand.text(Bilingual("两次输入的密码不同", "the two passwords differ"))) }
            password = first
        } else {
            password = readLine(strippingNewline: true) ?? ""
        }
        do {
            let account = try RecordStore(folder: URL(fileURLWithPath: data)).addAccount(name: name, role: role, password: password)
            print(ServeCommand.text(Bilingual("已创建账号 \(account.name)（\(account.role.label.zh)）", "created the account \(account.name) (\(account.role.label.en))")))
        } catch {
            FileHandle.standardError.write(Data("zonecalc-serve: \(error.message(ServeCommand.language))\n".utf8))
            throw ExitCode(3)
        }
    }
}
