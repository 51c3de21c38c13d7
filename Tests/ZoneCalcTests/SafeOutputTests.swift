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

    /// --force over an output once dropped what the old file had: a symbolic link became a plain file and
    /// a shared file's permissions went back to the defaults. The link stays a link to the new file, which
    /// keeps the old one's permissions.
    @Test func replacingKeepsALinkALinkAndTheFilesPermissions() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let real = folder.appendingPathComponent("real.txt"), link = folder.appendingPathComponent("link.txt")
        try Data("old".utf8).write(to: real)
        #expect(chmod(real.path, 0o640) == 0)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        try SafeOutput.write(to: link.path, inputs: [], force: true) { temporary in
            try Data("new".utf8).write(to: URL(fileURLWithPath: temporary))
        }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == real.path)
        #expect(try String(contentsOf: real, encoding: .utf8) == "new")
        let permissions = try FileManager.default.attributesOfItem(atPath: real.path)[.posixPermissions] as? Int
        #expect(permissions == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["link.txt", "real.txt"])
    }
}
