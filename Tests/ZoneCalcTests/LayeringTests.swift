import Foundation
import Testing

/// The layers Docs/architecture.md states: only GeoBridge imports the C libraries (and imports them
/// `internal`ly, so no C type reaches its users); ZoneCalc and the CLI are Swift only.
@Suite struct LayeringTests {
    static let cModules = ["CGEOS", "CPROJ", "CGDAL"]

    /// Every `import` line of the Swift files under `folder`, with its file.
    static func imports(under folder: String) throws -> [(file: String, line: String)] {
        let root = TestData.root.appendingPathComponent(folder)
        let files = try #require(FileManager.default.enumerator(atPath: root.path)).compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        return try files.flatMap { file in
            try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8).split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { line in line.split(separator: " ").contains("import") && !line.hasPrefix("//") }
                .map { (file, $0) }
        }
    }

    static func importsC(_ line: String) -> Bool {
        let words = line.split(separator: " ")
        return cModules.contains { words.last.map(String.init) == $0 }
    }

    @Test func onlyGeoBridgeImportsTheCLibraries() throws {
        for folder in ["Sources/ZoneCalc", "Sources/zonecalc", "Sources/ZoneCalcService", "Sources/zonecalc-serve"] {
            for (file, line) in try Self.imports(under: folder) where Self.importsC(line) {
                Issue.record("\(folder)/\(file) imports a C library (\(line)); call it through GeoBridge")
            }
        }
        let bridge = try Self.imports(under: "Sources/GeoBridge").filter { Self.importsC($0.line) }
        #expect(!bridge.isEmpty)  // the scan sees GeoBridge's imports, so it would see others
        for (file, line) in bridge where !line.hasPrefix("internal import ") {
            Issue.record("Sources/GeoBridge/\(file): \(line) — import C modules `internal`ly, so no C type is part of GeoBridge's API")
        }
    }

    /// The library and the `zonecalc` command import none of the service's packages (Decisions/0013),
    /// so the command planners run stays free of them.
    @Test func theLibraryAndTheCommandImportNoServerPackage() throws {
        let server = ["Hummingbird", "HummingbirdBcrypt", "HummingbirdTesting", "MultipartKit", "GRDB", "ZIPFoundation", "Crypto", "HTTPTypes", "NIOCore", "ZoneCalcService"]
        for folder in ["Sources/ZoneCalc", "Sources/zonecalc", "Sources/GeoBridge"] {
            for (file, line) in try Self.imports(under: folder) {
                let module = line.split(separator: " ").last.map(String.init) ?? ""
                if server.contains(module) { Issue.record("\(folder)/\(file) imports \(module), a package of the service") }
            }
        }
        #expect(try Self.imports(under: "Sources/ZoneCalcService").contains { $0.line.hasSuffix("import Hummingbird") })
    }
}
