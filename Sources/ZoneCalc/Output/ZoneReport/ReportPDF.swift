import Foundation

/// The PDF copy of a report, made by a program the machine has: headless Chromium printing the HTML
/// page (A4, as it prints from a browser), else LibreOffice converting the Word document. ZoneCalc
/// writes the HTML and .docx itself; only the PDF needs one of these (`Scripts/install-deps.sh --browser`).
enum ReportPDF {
    enum Renderer: Equatable {
        case chromium(String)
        case libreOffice(String)
    }

    /// The first renderer on the PATH, nil when there is none.
    static var renderer: Renderer? {
        if let browser = executable(["chromium", "chromium-browser", "google-chrome"]) { return .chromium(browser) }
        if let office = executable(["soffice", "libreoffice"]) { return .libreOffice(office) }
        return nil
    }

    static func executable(_ names: [String]) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in names {
            for folder in path.split(separator: ":") {
                let candidate = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// Writes the PDF of `html` (or of the Word document `docx`, for LibreOffice) at `path`; errors name `destination`.
    static func write(html: String, docx: (String) throws -> Void, with renderer: Renderer, to path: String, destination: String,
                      until deadline: Date) throws {
        guard let work = RendererWork.makeFolder("pdf") else {
            throw ZoneCalcError.outputFailed(path: destination, reason: Bilingual("无法创建临时文件夹", "cannot make a temporary folder"))
        }
        defer { RendererWork.remove(work) }
        switch renderer {
        case .chromium(let browser):
            let page = work.appendingPathComponent("report.html")
            do { try Data(html.utf8).write(to: page) } catch { throw ZoneCalcError.outputFailed(path: destination, reason: OutputFailure.reason(error)) }
            try run(browser, ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(work.appendingPathComponent("profile").path)",
                              "--no-pdf-header-footer", "--print-to-pdf=\(path)", page.absoluteString], until: deadline, destination: destination)
        case .libreOffice(let office):
            let document = work.appendingPathComponent("report.docx")
            try docx(document.path)
            try run(office, ["--headless", "-env:UserInstallation=\(work.appendingPathComponent("profile").absoluteString)",
                             "--convert-to", "pdf", "--outdir", work.path, document.path], until: deadline, destination: destination)
            do { try FileManager.default.moveItem(atPath: work.appendingPathComponent("report.pdf").path, toPath: path) }
            catch { throw failed(office, destination: destination) }
        }
        guard FileManager.default.fileExists(atPath: path) else { throw failed(renderer.name, destination: destination) }
    }

    /// PNG pictures of the document's figures drawn by headless Chromium, by figure number (at twice the
    /// SVG's size): what a Word document shows where its reader cannot draw SVG. Empty without Chromium
    /// or when it fails.
    static func pictures(of document: ReportDocument, with renderer: Renderer, until deadline: Date) -> [Int: Data] {
        guard case .chromium(let browser) = renderer else { return [:] }
        guard let work = RendererWork.makeFolder("png") else { return [:] }
        defer { RendererWork.remove(work) }
        var pictures: [Int: Data] = [:]
        // A picture that fails ends the drawing (the rest would too).
        for block in document.blocks {
            guard case .figure(let number, let svg, _, _) = block, let size = ReportDocx.viewBox(svg) else { continue }
            let page = work.appendingPathComponent("figure\(number).html"), png = work.appendingPathComponent("figure\(number).png")
            let html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>html,body{margin:0;padding:0;background:#fff}svg{display:block;width:\(Int(size.width))px;height:\(Int(size.height))px}</style></head><body>\(svg)</body></html>"
            guard (try? Data(html.utf8).write(to: page)) != nil else { continue }
            let arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars", "--force-device-scale-factor=2",
                             "--user-data-dir=\(work.appendingPathComponent("profile").path)", "--screenshot=\(png.path)",
                             "--window-size=\(Int(size.width)),\(Int(size.height))", page.absoluteString]
            guard (try? run(browser, arguments, until: deadline, destination: png.path)) != nil, let data = try? Data(contentsOf: png),
                  data.starts(with: [0x89, 0x50, 0x4E, 0x47]) else { break }
            pictures[number] = data
        }
        return pictures
    }

    /// The last step of a report: its PDF at `destination` when `requested` and a renderer is on the
    /// machine. Returns why there is none, instead of throwing (the other files are in place). An
    /// older PDF left there from another run is removed with `force` — it would contradict the new
    /// files — and otherwise said.
    static func finish(html: String, document: ReportDocument, requested: Bool, renderer: Renderer?, to destination: String,
                       inputs: [String], force: Bool, until deadline: Date) -> ZoneCalcError? {
        var problem: ZoneCalcError?
        if requested, let renderer {
            problem = writeQuietly(html: html, document: document, with: renderer, to: destination, inputs: inputs, force: force, until: deadline)
            if problem == nil { return nil }
        }
        guard FileManager.default.fileExists(atPath: destination) else { return problem }
        if force, (try? FileManager.default.removeItem(atPath: destination)) != nil {
            let removed = Bilingual("已删除上次生成的 PDF（本次未生成 PDF，旧文件与新结果不符）", "the PDF of an earlier run was removed (none was made this time, and it would not match)")
            guard let problem else { return .outputFailed(path: destination, reason: removed) }
            return .outputFailed(path: destination, reason: Bilingual(problem.message(.zh), problem.message(.en)) + Bilingual("；", "; ") + removed)
        }
        return .outputFailed(path: destination, reason: Bilingual("这是上次生成的 PDF，与本次结果不符；请删除或用 --force 重新生成",
                                                                  "this PDF is from an earlier run and does not match; remove it, or run again with --force"))
    }

    /// Puts the PDF of a report at `destination` (safely, as every output); returns why it could not,
    /// instead of throwing: the report's other files are already in place.
    static func writeQuietly(html: String, document: ReportDocument, with renderer: Renderer, to destination: String,
                             inputs: [String], force: Bool, until deadline: Date) -> ZoneCalcError? {
        // LibreOffice draws a Word document's pictures, not its SVG: without Chromium's PNGs the figures
        // would be blank, so no PDF rather than one without its maps.
        if case .libreOffice(let office) = renderer, document.blocks.contains(where: { if case .figure = $0 { return true }; return false }) {
            return .outputFailed(path: destination, reason: Bilingual(
                "\((office as NSString).lastPathComponent) 不能绘制报告中的 SVG 图，未生成 PDF（图会是空白）；装上 chromium 后即可生成（bash Scripts/install-deps.sh --browser）",
                "\((office as NSString).lastPathComponent) cannot draw the report's SVG figures, so no PDF was made (they would be blank); with chromium installed it is (bash Scripts/install-deps.sh --browser)"))
        }
        do {
            try SafeOutput.write(to: destination, inputs: inputs, force: force) { temporary in
                try write(html: html, docx: { try ReportDocx(document: document, pictures: [:]).write(to: $0, destination: destination) },
                          with: renderer, to: temporary, destination: destination, until: deadline)
            }
            return nil
        } catch {
            return ZoneCalcError(error, source: destination)
        }
    }

    /// The time all of a report's rendering — its pictures and its PDF — may take.
    static let timeLimit: TimeInterval = 120

    /// Runs `program` in a process group of its own (a renderer starts helpers), no input, its output
    /// discarded; at `deadline` the whole group is killed. Interrupts kill it too (``RendererWork``).
    private static func run(_ program: String, _ arguments: [String], until deadline: Date, destination: String) throws {
        let pid: pid_t
        do { pid = try ProcessGroup.spawn(program, arguments, destination: destination) } catch { throw failed(program, destination: destination) }
        RendererWork.started(pid)
        defer { RendererWork.ended(pid) }
        var status: Int32 = 0
        while true {
            // returns the pid once it has ended, 0 while it runs, -1 on an error
            let ended = waitpid(pid, &status, WNOHANG)
            // An interrupt killed it: the run is ending; wait for the handler's exit, report nothing.
            while ended != 0, RendererWork.isInterrupted { usleep(100_000) }
            if ended == pid { break }
            if ended == -1, errno != EINTR { throw failed(program, destination: destination) }
            if Date() >= deadline {
                kill(-pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                throw failed(program, destination: destination, timedOut: true)
            }
            usleep(50_000)
        }
        // a helper left behind in the group ends with it
        kill(-pid, SIGKILL)
        guard ProcessGroup.succeeded(status) else { throw failed(program, destination: destination) }
    }

    private static func failed(_ path: String, destination: String, timedOut: Bool = false) -> ZoneCalcError {
        let program = (path as NSString).lastPathComponent
        let within = Int(timeLimit)
        return .outputFailed(path: destination, reason: timedOut
            ? Bilingual("\(program) 在 \(within) 秒内未能完成，已中止；HTML 和 Word 文件不受影响，可用 --no-pdf 跳过 PDF",
                        "\(program) did not finish within \(within) s and was stopped; the HTML and Word files are unaffected; --no-pdf skips the PDF")
            : Bilingual("\(program) 未能生成 PDF；HTML 和 Word 文件不受影响，可用 --no-pdf 跳过 PDF",
                        "\(program) could not make the PDF; the HTML and Word files are unaffected; --no-pdf skips the PDF"))
    }
}

extension ReportPDF.Renderer {
    var name: String {
        switch self {
        case .chromium(let path), .libreOffice(let path): return (path as NSString).lastPathComponent
        }
    }
}

/// The renderers running and the temporary folders they work in, so that an interrupt stops the one and
/// removes the others (``abandon()``, called by the CLI's interrupt handler).
public enum RendererWork {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var groups: Set<pid_t> = []
    nonisolated(unsafe) private static var folders: Set<URL> = []
    nonisolated(unsafe) private static var interrupted = false

    /// Whether an interrupt has begun ending the run (no new renderer starts, a killed one is not reported).
    static var isInterrupted: Bool { lock.lock(); defer { lock.unlock() }; return interrupted }

    static func makeFolder(_ kind: String) -> URL? {
        guard !isInterrupted else { return nil }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zonecalc-\(kind)-\(getpid())-\(UUID().uuidString)")
        guard (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)) != nil else { return nil }
        lock.lock(); folders.insert(folder); lock.unlock()
        return folder
    }

    static func remove(_ folder: URL) {
        try? FileManager.default.removeItem(at: folder)
        lock.lock(); folders.remove(folder); lock.unlock()
    }

    static func started(_ group: pid_t) { lock.lock(); groups.insert(group); lock.unlock() }
    static func ended(_ group: pid_t) { lock.lock(); groups.remove(group); lock.unlock() }

    /// Kills every running renderer's process group and removes the temporary folders.
    public static func abandon() {
        lock.lock()
        interrupted = true
        let running = groups, made = folders
        lock.unlock()
        for group in running { kill(-group, SIGKILL) }
        for folder in made { try? FileManager.default.removeItem(at: folder) }
    }
}
