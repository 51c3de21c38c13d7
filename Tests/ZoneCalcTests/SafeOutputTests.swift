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
            #expect(error.exitStatus == .outputFailure && error.description.contains("appeared while this run was writing it"), "\(error)")
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

    /// An input named through a linked folder and `..` (which the system resolves from the link's target)
    /// once looked like another file, and `--force` replaced it; a Shapefile or a link to nothing given
    /// as the destination is refused.
    @Test func anInputIsKnownByWhatItIsNotByItsPath() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let real = folder.appendingPathComponent("real"), work = folder.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: real.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let input = real.appendingPathComponent("in.txt")
        try Data("input".utf8).write(to: input)
        try FileManager.default.createSymbolicLink(at: work.appendingPathComponent("linkdir"), withDestinationURL: real.appendingPathComponent("sub"))
        let throughLink = work.path + "/linkdir/../in.txt"
        #expect(FileManager.default.contents(atPath: throughLink) == Data("input".utf8))  // the system's reading
        func refusal(_ destination: String, inputs: [String]) -> String? {
            do {
                try SafeOutput.write(to: destination, inputs: inputs, force: true) { try Data("output".utf8).write(to: URL(fileURLWithPath: $0)) }
                return nil
            } catch { return "\(error)" }
        }
        #expect(refusal(input.path, inputs: [throughLink])?.contains("overwrite an input") == true)
        #expect(try String(contentsOf: input, encoding: .utf8) == "input")
        let shp = work.appendingPathComponent("out.shp")
        try FileManager.default.createSymbolicLink(at: shp, withDestinationURL: real.appendingPathComponent("real.shp"))
        #expect(refusal(shp.path, inputs: [])?.contains("Shapefile given through a symbolic link") == true)
        let dangling = work.appendingPathComponent("gone.txt")
        try FileManager.default.createSymbolicLink(at: dangling, withDestinationURL: real.appendingPathComponent("nothing.txt"))
        #expect(refusal(dangling.path, inputs: [])?.contains("symbolic link to a file that does not exist") == true)
        // A link named .gpkg to a Shapefile once had a GeoPackage written into the .shp and its sidecars deleted.
        let shapefile = real.appendingPathComponent("p.shp")
        try Data("shp".utf8).write(to: shapefile)
        try Data("dbf".utf8).write(to: real.appendingPathComponent("p.dbf"))
        let disguised = work.appendingPathComponent("weird.gpkg")
        try FileManager.default.createSymbolicLink(at: disguised, withDestinationURL: shapefile)
        #expect(refusal(disguised.path, inputs: [])?.contains("symbolic link to a .shp file") == true)
        #expect(FileManager.default.fileExists(atPath: real.appendingPathComponent("p.dbf").path))
        // `..` after a folder that does not exist is the system's business: the folder is missing.
        #expect(refusal(work.path + "/missing/../out.txt", inputs: [])?.contains("does not exist") == true)
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("out.txt").path))
    }

    /// Of several outputs put in place together, one whose name another run took meanwhile once failed
    /// with the others already in place: those are taken back, so none is.
    @Test func outputsTogetherAreTakenBackWhenOneCannotBePlaced() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("a.gdb"), second = folder.appendingPathComponent("b.txt")
        do {
            try SafeOutput.together {
                // A FileGDB, which is a folder: taken back too.
                try SafeOutput.write(to: first.path, inputs: [], force: false) { temporary in
                    try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: false)
                    try Data("a".utf8).write(to: URL(fileURLWithPath: temporary).appendingPathComponent("a00000001.gdbtable"))
                }
                try SafeOutput.write(to: second.path, inputs: [], force: false) { temporary in
                    try Data("b".utf8).write(to: URL(fileURLWithPath: temporary))
                    try Data("another run".utf8).write(to: second)
                }
            }
            Issue.record("the second output's name was taken: the run must fail")
        } catch {
            #expect("\(error)".contains("appeared while this run was writing it"), "\(error)")
        }
        #expect(!FileManager.default.fileExists(atPath: first.path))
        #expect(try String(contentsOf: second, encoding: .utf8) == "another run")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["b.txt"])
    }
}
