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
    static func write(html: String, docx: (String) throws -> Void, with renderer: Renderer, to path: String, destination: String) throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("zonecalc-pdf-\(getpid())-\(UUID().uuidString)")
        do { try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true) }
        catch { throw ZoneCalcError.outputFailed(path: destination, reason: OutputFailure.reason(error)) }
        defer { try? FileManager.default.removeItem(at: work) }
        switch renderer {
        case .chromium(let browser):
            let page = work.appendingPathComponent("report.html")
            do { try Data(html.utf8).write(to: page) } catch { throw ZoneCalcError.outputFailed(path: destination, reason: OutputFailure.reason(error)) }
            try run(browser, ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(work.appendingPathComponent("profile").path)",
                              "--no-pdf-header-footer", "--print-to-pdf=\(path)", page.absoluteString], destination: destination)
        case .libreOffice(let office):
            let document = work.appendingPathComponent("report.docx")
            try docx(document.path)
            try run(office, ["--headless", "-env:UserInstallation=\(work.appendingPathComponent("profile").absoluteString)",
                             "--convert-to", "pdf", "--outdir", work.path, document.path], destination: destination)
            do { try FileManager.default.moveItem(atPath: work.appendingPathComponent("report.pdf").path, toPath: path) }
            catch { throw failed(office, destination: destination) }
        }
        guard FileManager.default.fileExists(atPath: path) else { throw failed(renderer.name, destination: destination) }
    }

    /// PNG pictures of the document's figures drawn by headless Chromium, by figure number (at twice the
    /// SVG's size): what a Word document shows where its reader cannot draw SVG. Empty without Chromium
    /// or when it fails.
    static func pictures(of document: ReportDocument, with renderer: Renderer) -> [Int: Data] {
        guard case .chromium(let browser) = renderer else { return [:] }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("zonecalc-png-\(getpid())-\(UUID().uuidString)")
        guard (try? FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)) != nil else { return [:] }
        defer { try? FileManager.default.removeItem(at: work) }
        var pictures: [Int: Data] = [:]
        for block in document.blocks {
            guard case .figure(let number, let svg, _, _) = block, let size = ReportDocx.viewBox(svg) else { continue }
            let page = work.appendingPathComponent("figure\(number).html"), png = work.appendingPathComponent("figure\(number).png")
            let html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>html,body{margin:0;padding:0;background:#fff}svg{display:block;width:\(Int(size.width))px;height:\(Int(size.height))px}</style></head><body>\(svg)</body></html>"
            guard (try? Data(html.utf8).write(to: page)) != nil else { continue }
            let arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars", "--force-device-scale-factor=2",
                             "--user-data-dir=\(work.appendingPathComponent("profile").path)", "--screenshot=\(png.path)",
                             "--window-size=\(Int(size.width)),\(Int(size.height))", page.absoluteString]
            guard (try? run(browser, arguments, destination: png.path)) != nil, let data = try? Data(contentsOf: png),
                  data.starts(with: [0x89, 0x50, 0x4E, 0x47]) else { continue }
            pictures[number] = data
        }
        return pictures
    }

    /// Puts the PDF of a report at `destination` (safely, as every output); returns why it could not,
    /// instead of throwing: the report's other files are already in place.
    static func writeQuietly(html: String, document: ReportDocument, with renderer: Renderer, to destination: String,
                             inputs: [String], force: Bool) -> ZoneCalcError? {
        do {
            try SafeOutput.write(to: destination, inputs: inputs, force: force) { temporary in
                try write(html: html, docx: { try ReportDocx(document: document, pictures: [:]).write(to: $0, destination: destination) },
                          with: renderer, to: temporary, destination: destination)
            }
            return nil
        } catch {
            return ZoneCalcError(error, source: destination)
        }
    }

    /// Runs `program` with no input, its output discarded, for at most three minutes.
    private static func run(_ program: String, _ arguments: [String], destination: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw failed(program, destination: destination) }
        let deadline = Date().addingTimeInterval(180)
        while process.isRunning, Date() < deadline { usleep(50_000) }
        if process.isRunning { process.terminate(); process.waitUntilExit(); throw failed(program, destination: destination) }
        guard process.terminationStatus == 0 else { throw failed(program, destination: destination) }
    }

    private static func failed(_ program: String, destination: String) -> ZoneCalcError {
        .outputFailed(path: destination, reason: Bilingual("\(program) 未能生成 PDF；HTML 和 Word 文件不受影响，可用 --no-pdf 跳过 PDF",
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
