import Foundation
import Testing

/// End-to-end tests: run the built `zonecalc` binary as a user would.
@Suite struct CLITests {
    static var binary: URL {
        // The test bundle sits next to the built products.
        var url = Bundle.main.bundleURL
        while url.pathComponents.count > 1, !FileManager.default.fileExists(atPath: url.appendingPathComponent("zonecalc").path) {
            url.deleteLastPathComponent()
        }
        return url.appendingPathComponent("zonecalc")
    }

    /// Runs zonecalc and returns (exit code, stdout, stderr).
    static func run(_ arguments: [String]) throws -> (Int32, String, String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    @Test func missingFileExitsNonZeroNamingTheFile() throws {
        let (status, _, stderr) = try Self.run(["area", "/nonexistent/zd.gpkg"])
        #expect(status == 2)
        #expect(stderr.contains("/nonexistent/zd.gpkg"))
    }
}
