import Foundation
import Testing

/// The reports rendered as a planner prints them: the HTML by headless Chromium to PDF on A4 and to
/// PNG, the Word copy by LibreOffice. Opt-in (`ZONECALC_BROWSER_TESTS=1`, set by `.ci/run`;
/// `Scripts/test.sh` then installs Debian's `chromium`, `fonts-noto-cjk`, `poppler-utils` and
/// `libreoffice-writer-nogui`); without it the suite is skipped and says why.
@Suite(.enabled(if: BrowserRender.requested, "opt-in: set ZONECALC_BROWSER_TESTS=1 (Scripts/test.sh then installs chromium, fonts-noto-cjk, poppler-utils and libreoffice-writer-nogui)"))
struct BrowserRenderTests {
    @Test func theZoneReportPrintsOnA4WithEverySectionAndItsFigures() throws {
        let browser = try #require(BrowserRender.chromium, "ZONECALC_BROWSER_TESTS is set but no chromium is on the PATH: apt-get install chromium")
        #expect(!BrowserRender.output("fc-list", [":lang=zh"]).isEmpty, "a CJK font is installed (fonts-noto-cjk)")
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = folder.appendingPathComponent("report")
        let run = try CLITests.run(["report", CLITests.sample("zone.yaml"), "-o", report.path, "--no-pdf"], language: "zh_CN.UTF-8")
        #expect(run.status == 0, "\(run.err)")
        let page = report.appendingPathComponent("report.html")
        let pdf = folder.appendingPathComponent("report.pdf"), png = folder.appendingPathComponent("report.png")
        try BrowserRender.print(page, to: pdf, browser: browser)
        try BrowserRender.screenshot(page, to: png, browser: browser)
        #expect(try Data(contentsOf: png).prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "a PNG")

        let info = BrowserRender.output("pdfinfo", [pdf.path])
        #expect(info.contains("(A4)"), "\(info)")
        let text = BrowserRender.output("pdftotext", ["-layout", pdf.path, "-"])
        for title in ["概况", "土地利用现状", "集约利用评价", "闲置土地", "批而未供、供而未用", "标准地", "亩均", "数据质检"] {
            #expect(text.contains(title), "section \(title) is on the printed pages")
        }
        let html = try String(contentsOf: page, encoding: .utf8)
        let figures = html.components(separatedBy: "<figcaption>").count - 1
        #expect(figures >= 8 && text.contains("图 \(figures)"), "all \(figures) figures are printed")
        #expect(text.contains("Y 40494") || text.contains("Y 40495"), "the maps' coordinate ticks are printed")
        // Nothing runs off the sheet: every word lies on the A4 page with at least 5 mm to its edges.
        let words = BrowserRender.words(BrowserRender.output("pdftotext", ["-bbox", pdf.path, "-"]))
        #expect(words.count > 1000)
        let margin = 5 / 25.4 * 72, width = 594.96, height = 841.92
        let outside = words.filter { $0.xMin < margin || $0.xMax > width - margin || $0.yMin < 0 || $0.yMax > height }
        #expect(outside.isEmpty, "words off the page: \(outside.prefix(5))")
        // Nor is the page shrunk to fit a sheet it overflows (Chromium's default): the title, 18 pt of
        // full-width characters, is 18 pt a character wide.
        let title = try #require(words.first { $0.text.hasSuffix("土地利用状况报告") }, "the title is printed")
        let expected = Double(title.text.count) * 18
        #expect(abs((title.xMax - title.xMin) - expected) < expected * 0.03, "title \(title.xMax - title.xMin) pt wide, \(expected) pt expected")
    }
}

extension BrowserRenderTests {
    /// `proposal check -o` makes the PDF itself when Chromium is on the machine: A4, every section, the
    /// map's ticks and rule labels, nothing off the page; `--no-pdf` makes none.
    @Test func theProposalReportComesWithItsPDF() throws {
        _ = try #require(BrowserRender.chromium, "ZONECALC_BROWSER_TESTS is set but no chromium is on the PATH: apt-get install chromium")
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        let run = try CLITests.run(["proposal", "check", CLITests.sample("zone.yaml"), CLITests.sample("kqfw.txt"), "-o", out.path], language: "zh_CN.UTF-8")
        #expect(run.status == 1, "\(run.err)")
        let pdf = out.appendingPathComponent("report.pdf")
        #expect(BrowserRender.output("pdfinfo", [pdf.path]).contains("(A4)"))
        let text = BrowserRender.output("pdftotext", ["-layout", pdf.path, "-"])
        for title in ["审查信息", "审查结论", "位置示意图及冲突图斑", "面积", "审查规则", "新增用地现状地类", "审查依据"] {
            #expect(text.contains(title), "\(title) is printed")
        }
        #expect(text.contains("R1") && text.contains("R3") && text.contains("Y 40"))
        let words = BrowserRender.words(BrowserRender.output("pdftotext", ["-bbox", pdf.path, "-"]))
        let margin = 5 / 25.4 * 72
        #expect(!words.isEmpty && words.allSatisfy { $0.xMin >= margin && $0.xMax <= 594.96 - margin }, "nothing off the page")
        let without = folder.appendingPathComponent("without")
        _ = try CLITests.run(["proposal", "check", CLITests.sample("zone.yaml"), CLITests.sample("kqfw.txt"), "-o", without.path, "--no-pdf"])
        #expect(!FileManager.default.fileExists(atPath: without.appendingPathComponent("report.pdf").path))
        #expect(FileManager.default.fileExists(atPath: without.appendingPathComponent("report.docx").path))
    }
}

extension BrowserRenderTests {
    /// The Word copy opened by LibreOffice (Debian's `libreoffice-writer-nogui`) as a reader would: A4,
    /// every section, and the map as a picture (the PNG Chromium drew, which readers without SVG show).
    @Test func theWordCopyOpensInLibreOfficeWithItsMap() throws {
        let office = try #require(["soffice", "libreoffice"].first { !BrowserRender.output("sh", ["-c", "command -v \($0)"]).isEmpty },
                                  "ZONECALC_BROWSER_TESTS is set but LibreOffice is not installed: apt-get install libreoffice-writer-nogui")
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        _ = try CLITests.run(["proposal", "check", CLITests.sample("zone.yaml"), CLITests.sample("tqfw.txt"), "-o", out.path], language: "zh_CN.UTF-8")
        let converted = folder.appendingPathComponent("converted")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [office, "--headless", "-env:UserInstallation=\(folder.appendingPathComponent("profile").absoluteString)",
                             "--convert-to", "pdf", "--outdir", converted.path, out.appendingPathComponent("report.docx").path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let pdf = converted.appendingPathComponent("report.pdf")
        #expect(BrowserRender.output("pdfinfo", [pdf.path]).contains("(A4)"))
        let text = BrowserRender.output("pdftotext", ["-layout", pdf.path, "-"])
        for title in ["审查信息", "审查结论", "位置示意图及冲突图斑", "审查规则", "调出用地", "审查依据"] { #expect(text.contains(title), "\(title)") }
        let images = BrowserRender.output("pdfimages", ["-list", pdf.path]).split(separator: "\n").dropFirst(2)
        #expect(images.contains { $0.contains(" image ") && ($0.split(separator: " ").compactMap { Int($0) }.dropFirst(2).first ?? 0) > 100 },
                "the map is a picture wider than 100 px: \(images)")
    }
}

/// Running headless Chromium and poppler's tools for the browser tests.
enum BrowserRender {
    static var requested: Bool { ProcessInfo.processInfo.environment["ZONECALC_BROWSER_TESTS"] == "1" }

    /// The first of Debian's and others' Chromium commands on the PATH.
    static var chromium: String? {
        ["chromium", "chromium-browser", "google-chrome"].first { !output("sh", ["-c", "command -v \($0)"]).isEmpty }
    }

    /// What `command` prints on stdout ("" when it cannot run).
    static func output(_ command: String, _ arguments: [String]) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [command] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return "" }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Runs the browser headless on a throw-away profile, no network needed (the page is a local file).
    static func run(_ browser: String, _ arguments: [String]) throws {
        let profile = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile.path)"] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(browser) \(arguments)")
    }

    static func print(_ page: URL, to pdf: URL, browser: String) throws {
        try run(browser, ["--print-to-pdf=\(pdf.path)", "--no-pdf-header-footer", page.absoluteString])
    }

    /// A PNG of the page's first screen at A4's width in CSS pixels (794 px = 210 mm at 96 dpi).
    static func screenshot(_ page: URL, to png: URL, browser: String) throws {
        try run(browser, ["--screenshot=\(png.path)", "--window-size=794,1123", "--hide-scrollbars", page.absoluteString])
    }

    struct Word { var xMin, yMin, xMax, yMax: Double; var text: String }

    /// The words of `pdftotext -bbox` output with their boxes in points.
    static func words(_ xhtml: String) -> [Word] {
        let pattern = try! NSRegularExpression(pattern: "<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">([^<]*)</word>")
        return pattern.matches(in: xhtml, range: NSRange(xhtml.startIndex..., in: xhtml)).map { match in
            func group(_ index: Int) -> String { (xhtml as NSString).substring(with: match.range(at: index)) }
            return Word(xMin: Double(group(1))!, yMin: Double(group(2))!, xMax: Double(group(3))!, yMax: Double(group(4))!, text: group(5))
        }
    }
}
