import Foundation
import Testing

/// Outputs are all written or none is: interrupted runs leave the previous file (or nothing), never a
/// partial one, and their temporary folders are gone after the next run; `--force` replaces atomically
/// and never a folder.
@Suite(.serialized) struct OutputSafetyTests {
    /// A GeoPackage of `count` rotated parcels in EPSG:4547, made with zonecalc itself from GeoJSON.
    static func parcels(_ count: Int, in folder: URL) throws -> String {
        var features: [String] = []
        features.reserveCapacity(count)
        for k in 0..<count {
            let cx = 500_000.0 + Double(k % 200) * 60, cy = 4_180_000.0 + Double(k / 200) * 60, angle = Double(k % 17) * 0.05
            let corners = [(-20.0, -18.0), (21.0, -18.0), (20.0, 19.0), (-22.0, 18.0)].map { u, v in
                "[\(cx + u * cos(angle) - v * sin(angle)),\(cy + u * sin(angle) + v * cos(angle))]"
            }
            features.append("{\"type\":\"Feature\",\"properties\":{\"ZDBH\":\"P\(k)\",\"DLBM\":\"0601\"},\"geometry\":{\"type\":\"Polygon\","
                            + "\"coordinates\":[[\(corners.joined(separator: ",")),\(corners[0])]]}}")
        }
        let geojson = folder.appendingPathComponent("parcels.geojson")
        try Data(("{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::4547\"}},"
                  + "\"features\":[\(features.joined(separator: ",\n"))]}").utf8).write(to: geojson)
        let gpkg = folder.appendingPathComponent("parcels.gpkg").path
        let made = try CLITests.run(["convert", geojson.path, gpkg])
        #expect(made.status == 0, "\(made.err)")
        return gpkg
    }

    private func strayFolders(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".zonecalc-") }
    }

    /// SIGINT and SIGKILL at random moments of `convert`, `area -o` and `qc -o` over a previous output:
    /// the destination is always the complete previous file or the complete new one (outputs are
    /// deterministic, so "complete" is "equal to an uninterrupted run"); SIGINT leaves no temporary folder
    /// and says nothing was written; a SIGKILL's folder is removed by the next run.
    @Test func interruptedRunsLeaveTheOldFileOrTheNewOneAndNoStrayFolder() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try Self.parcels(20_000, in: folder)
        let commands: [(name: String, arguments: (String) -> [String])] = [
            ("convert", { ["convert", input, $0, "--force"] }),
            ("area", { ["area", input, "-o", $0, "--force"] }),
            ("qc", { ["qc", input, "-o", $0, "--force"] }),
        ]
        var random = SystemRandomNumberGenerator()
        for command in commands {
            let destination = folder.appendingPathComponent("\(command.name).gpkg").path
            let previous = Data("the previous output".utf8)
            // The complete new output, from an uninterrupted run.
            try previous.write(to: URL(fileURLWithPath: destination))
            let full = try CLITests.run(command.arguments(destination), language: CommandLineLanguageTests.chinese)   // as the interrupted runs
            #expect(full.reason == .exit && full.status <= 1, "\(command.name): \(full.err)")
            let complete = try Data(contentsOf: URL(fileURLWithPath: destination))
            for signal in [SIGINT, SIGTERM, SIGKILL] {
                for _ in 0..<4 {
                    try previous.write(to: URL(fileURLWithPath: destination))
                    let process = Process()
                    process.executableURL = CLITests.binary
                    process.arguments = command.arguments(destination)
                    process.environment = ProcessInfo.processInfo.environment.merging(["LC_ALL": "zh_CN.UTF-8"]) { $1 }
                    let err = Pipe()
                    process.standardError = err
                    process.standardOutput = FileHandle.nullDevice
                    try process.run()
                    usleep(UInt32.random(in: 20_000...700_000, using: &random))
                    kill(process.processIdentifier, signal)
                    let said = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                    process.waitUntilExit()
                    let now = try Data(contentsOf: URL(fileURLWithPath: destination))
                    #expect(now == previous || now == complete, "\(command.name) after signal \(signal): a partial output")
                    if signal != SIGKILL {
                        #expect(try strayFolders(in: folder).isEmpty, "\(command.name): signal \(signal) left a temporary folder")
                        if process.terminationReason == .exit, process.terminationStatus == 130, now == previous {
                            #expect(said.contains("未向 \(destination) 写入任何内容") || said.contains("没有写出任何输出"), "\(said)")
                        }
                    }
                }
            }
        }
        // The next run removes what the killed runs left.
        let after = try CLITests.run(["convert", input, folder.appendingPathComponent("after.gpkg").path])
        #expect(after.status == 0)
        let left = try strayFolders(in: folder)
        #expect(left.isEmpty, "left: \(left)")
    }

    /// `--append` interrupted by SIGINT or SIGTERM at random moments: the GeoPackage is the previous file
    /// byte for byte, or the previous file with the layer added as an uninterrupted run adds it; no
    /// temporary folder stays. Appending into an input of the run is refused and the input is unchanged.
    @Test func interruptedAppendsLeaveThePreviousFileOrTheWholeNewOne() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try Self.parcels(20_000, in: folder)
        let destination = folder.appendingPathComponent("results.gpkg").path
        let url = URL(fileURLWithPath: destination)
        #expect(try CLITests.run(["area", CLITests.sample("zone.gpkg:kfqfw"), "-o", destination]).status == 0)
        let previous = try Data(contentsOf: url)
        let arguments = ["area", input, "-o", destination, "--append"]
        #expect(try CLITests.run(arguments, language: CommandLineLanguageTests.chinese).status == 0)   // as the interrupted runs
        let complete = try Data(contentsOf: url)
        #expect(complete != previous)
        var random = SystemRandomNumberGenerator()
        var interrupted = 0
        for signal in [SIGINT, SIGTERM] {
            for _ in 0..<4 {
                try previous.write(to: url)
                let process = Process()
                process.executableURL = CLITests.binary
                process.arguments = arguments
                process.environment = ProcessInfo.processInfo.environment.merging(["LC_ALL": CommandLineLanguageTests.chinese]) { $1 }
                process.standardError = FileHandle.nullDevice
                process.standardOutput = FileHandle.nullDevice
                try process.run()
                let delay = UInt32.random(in: 20_000...700_000, using: &random)
                usleep(delay)
                kill(process.processIdentifier, signal)
                process.waitUntilExit()
                let now = try Data(contentsOf: url)
                #expect(now == previous || now == complete,
                        "signal \(signal) after \(delay) µs, exit \(process.terminationStatus): \(now.count) bytes, not the previous \(previous.count) nor the complete \(complete.count)")
                #expect(try strayFolders(in: folder).isEmpty, "signal \(signal) left a temporary folder")
                if process.terminationStatus == 128 + signal { interrupted += 1 }
            }
        }
        #expect(interrupted > 0, "no run was interrupted: the test proved nothing")
        let inputBytes = try Data(contentsOf: URL(fileURLWithPath: input))
        for (language, words) in [(CommandLineLanguageTests.chinese, "输入从不修改"), ("en_US.UTF-8", "inputs are never modified")] {
            let intoItself = try CLITests.run(["area", input, "-o", input, "--append"], language: language)
            #expect(intoItself.status == 5 && intoItself.err.contains(words), "\(intoItself.err)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: input)) == inputBytes)
    }

    /// `--force` over a folder is refused and the folder kept; over a file it replaces it whole.
    /// A temporary folder is someone's while its lock is held, whatever the process id in its name says:
    /// one nobody holds is removed although its id names a running process (another container's run,
    /// PID 1), one held by a running process is kept although its id names none.
    @Test func staleFoldersAreToldByTheirLockNotByTheProcessIdInTheirName() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let unheld = folder.appendingPathComponent(".zonecalc-1-\(UUID().uuidString)")
        let held = folder.appendingPathComponent(".zonecalc-2147483646-\(UUID().uuidString)")
        let usersOwn = folder.appendingPathComponent(".zonecalc-my-notes")  // not a name ZoneCalc gives: never touched
        for made in [unheld, held, usersOwn] { try FileManager.default.createDirectory(at: made, withIntermediateDirectories: false) }
        let lock = open(held.path, O_RDONLY | O_DIRECTORY)
        #expect(lock >= 0 && flock(lock, LOCK_EX | LOCK_NB) == 0)
        defer { close(lock) }
        let result = try CLITests.run(["convert", CLITests.sample("zone.gpkg:kfqfw"), folder.appendingPathComponent("zone.geojson").path])
        #expect(result.status == 0, "\(result.err)")
        #expect(try strayFolders(in: folder).sorted() == [held.lastPathComponent, usersOwn.lastPathComponent].sorted())
    }

    /// A proposal given as FILE:LAYER inside the output folder was not recognised as an input (the layer
    /// name stayed on the path), so `--force` would have replaced it with the check's GeoPackage.
    @Test func aProposalNamedWithItsLayerIsNeverOverwritten() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let proposal = folder.appendingPathComponent("proposal.gpkg").path
        let made = try CLITests.run(["convert", CLITests.sample("kqfw.txt"), proposal])
        #expect(made.status == 0, "\(made.err)")
        let before = try Data(contentsOf: URL(fileURLWithPath: proposal))
        let result = try CLITests.run(["proposal", "check", CLITests.sample("zone.yaml"), proposal + ":kqfw", "-o", folder.path, "--force"])
        #expect(result.status == 5 && result.err.contains("overwrite an input"), "\(result.status) \(result.err)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: proposal)) == before)
    }

    /// `--crs out.prj` with the output `out.shp`: the Shapefile's .prj sidecar is the user's --crs file,
    /// an input, and is never replaced.
    @Test func aCRSFileIsAnInputNoShapefileSidecarReplaces() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let prj = folder.appendingPathComponent("out.prj")
        try Data("EPSG:4528".utf8).write(to: prj)
        let result = try CLITests.run(["convert", CLITests.sample("zone.gpkg:kfqfw"), folder.appendingPathComponent("out.shp").path,
                                       "--crs", prj.path, "--force"])
        #expect(result.status == 5 && result.err.contains("overwrite an input"), "\(result.status) \(result.err)")
        #expect(try String(contentsOf: prj, encoding: .utf8) == "EPSG:4528")
        let missing = try CLITests.run(["area", CLITests.sample("zone.gpkg:kfqfw"), "--crs", folder.appendingPathComponent("none.prj").path])
        #expect(missing.status == 3 && missing.err.contains("none.prj: no such file"), "\(missing.err)")
    }

    @Test func forceNeverReplacesAFolder() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("out.gpkg")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
        try Data("keep me".utf8).write(to: target.appendingPathComponent("notes.txt"))
        let result = try CLITests.run(["convert", CLITests.sample("kfqfw.txt"), target.path, "--force"])
        #expect(result.status == 5)
        #expect(result.err.contains("folder"), "\(result.err)")
        #expect(FileManager.default.fileExists(atPath: target.appendingPathComponent("notes.txt").path))
        #expect(try strayFolders(in: folder).isEmpty)
    }

    /// A FileGDB is a folder by format: `--force` replaces it (and the old one is gone, not left beside it).
    @Test func forceReplacesAFileGDB() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let gdb = folder.appendingPathComponent("out.gdb").path
        #expect(try CLITests.run(["convert", CLITests.sample("zone.gpkg") + ":kfqfw", gdb]).status == 0)
        let again = try CLITests.run(["convert", CLITests.sample("zone.gpkg") + ":zd", gdb, "--force"])
        #expect(again.status == 0, "\(again.err)")
        let area = try CLITests.run(["area", gdb, "--format", "json", "--totals-only"])
        #expect(area.out.contains("\"featureCount\" : 331"), "\(area.out.prefix(300))")
        #expect(try strayFolders(in: folder).isEmpty)
    }

    /// `qc -o X --fix X` would write one file twice: refused before anything is written (exit 5, an
    /// output that cannot be written).
    @Test func oneCommandNeverWritesAFileTwice() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let same = folder.appendingPathComponent("same.gpkg").path
        let result = try CLITests.run(["qc", CLITests.sample("zone.gpkg") + ":zd", "-o", same, "--fix", same])
        #expect(result.status == 5 && result.err.contains("twice"), "\(result.err)")
        #expect(!FileManager.default.fileExists(atPath: same))
        #expect(try strayFolders(in: folder).isEmpty)
    }

    /// Runs a system tool quietly; its exit status (-1 when it cannot be started).
    @discardableResult
    static func tool(_ path: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Mounts a small tmpfs on a new folder (root only); nil, said visibly, where it cannot.
    static func tmpfs(size: String, readOnly: Bool, for test: String) throws -> URL? {
        let folder = try CLITests.temporaryFolder()
        guard tool("/bin/mount", ["-t", "tmpfs", "-o", "size=\(size)" + (readOnly ? ",ro" : ""), "tmpfs", folder.path]) == 0 else {
            print("\(test): not checked — a tmpfs cannot be mounted here (needs root)")
            try? FileManager.default.removeItem(at: folder)
            return nil
        }
        return folder
    }

    static func unmount(_ folder: URL) {
        tool("/bin/umount", [folder.path])
        try? FileManager.default.removeItem(at: folder)
    }

    /// A read-only disk and a full one: exit 4, one sentence naming the destination, no raw Foundation
    /// or GDAL message, nothing left behind.
    @Test func readOnlyAndFullDisksAreOneClearSentence() throws {
        let work = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let input = try Self.parcels(4_000, in: work)
        if let readOnly = try Self.tmpfs(size: "1m", readOnly: true, for: "readOnlyAndFullDisksAreOneClearSentence (read-only)") {
            defer { Self.unmount(readOnly) }
            let destination = readOnly.appendingPathComponent("out.gpkg").path
            let result = try CLITests.run(["convert", input, destination])
            #expect(result.status == 5)
            #expect(result.err.contains(destination) && result.err.contains("read-only"), "\(result.err)")
            #expect(!result.err.contains("NSCocoaErrorDomain") && !result.err.contains(".zonecalc-"), "\(result.err)")
        }
        if let full = try Self.tmpfs(size: "200k", readOnly: false, for: "readOnlyAndFullDisksAreOneClearSentence (full disk)") {
            defer { Self.unmount(full) }
            let destination = full.appendingPathComponent("out.gpkg").path
            let result = try CLITests.run(["convert", input, destination])
            #expect(result.status == 5)
            #expect(result.err.contains(destination) && result.err.contains("disk is full"), "\(result.err)")
            #expect(!result.err.contains("ERROR 1") && !result.err.contains(".zonecalc-"), "\(result.err)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: full.path).isEmpty)
            // GDAL's GeoJSON driver reports success after failed writes: the file read back is what shows
            // it cut short, and the previous file stays.
            let previous = full.appendingPathComponent("old.geojson")
            try Data("{\"previous\": 1}".utf8).write(to: previous)
            let geojson = try CLITests.run(["convert", input, previous.path, "--force"])
            #expect(geojson.status == 5 && geojson.err.contains("disk is full"), "\(geojson.err)")
            #expect(try Data(contentsOf: previous) == Data("{\"previous\": 1}".utf8))
        }
    }
}
