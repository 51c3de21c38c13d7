import Foundation
import Testing
@testable import ZoneCalc

/// The put-in-place step of ``SafeOutput``, where two runs can meet.
@Suite struct SafeOutputTests {
    /// Two runs writing one destination without --force both once succeeded, the second silently
    /// replacing the first: a file that appears while a run writes is never replaced without --force.
    @Test func aFileThatAppearedMeanwhileIsNotReplacedWithoutForce() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let destination = folder.appendingPathComponent("out.txt")
        do {
            try SafeOutput.write(to: destination.path, inputs: [], force: false) { temporary in
                try Data("this run".utf8).write(to: URL(fileURLWithPath: temporary))
                try Data("another run".utf8).write(to: destination)  // another run finishes first
            }
            Issue.record("the output that appeared must not be replaced")
        } catch let error as ZoneCalcError {
            #expect(error.exitCode == 4 && error.description.contains("appeared while this run was writing it"), "\(error)")
        }
        #expect(try String(contentsOf: destination, encoding: .utf8) == "another run")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.txt"])
        try SafeOutput.write(to: destination.path, inputs: [], force: true) { temporary in
            try Data("this run".utf8).write(to: URL(fileURLWithPath: temporary))
        }
        #expect(try String(contentsOf: destination, encoding: .utf8) == "this run")
    }
}
