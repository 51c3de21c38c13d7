import Foundation
import Testing

/// End-to-end tests: run the built `zonecalc` binary as a user would.
@Suite struct CLITests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func sample(_ name: String) -> String { root.appendingPathComponent("GeoData/demo/\(name)").path }

    static var binary: URL {
        var url = Bundle.main.bundleURL
        while url.pathComponents.count > 1, !FileManager.default.fileExists(atPath: url.appendingPathComponent("zonecalc").path) {
            url.deleteLastPathComponent()
        }
        return url.appendingPathComponent("zonecalc")
    }

    /// Runs zonecalc in `language` (English unless said: the locale as a user's shell sets it; "" for no
    /// locale at all) and returns
    /// (exit code, stdout, stderr, and whether it exited or was ended by a signal — a trap ends with SIGILL/SIGTRAP).
    /// `executable` runs another program instead (one that runs zonecalc, such as `script`).
    static func run(_ arguments: [String], in directory: URL? = nil, language: String = "en_US.UTF-8", executable: URL? = nil,
                    environment extra: [String: String] = [:]) throws
        -> (status: Int32, out: String, err: String, reason: Process.TerminationReason) {
        let process = Process()
        process.executableURL = executable ?? binary
        var environment = ProcessInfo.processInfo.environment.merging(extra) { $1 }
        environment["LC_ALL"] = language
        if language.isEmpty { environment["LANG"] = nil; environment["LC_MESSAGES"] = nil }
        process.environment = environment
        if let directory { process.currentDirectoryURL = directory }
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self),
                process.terminationReason)
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("zonecalc-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func missingFileExitsNonZeroNamingTheFile() throws {
        let result = try Self.run(["area", "/nonexistent/zd.gpkg"])
        #expect(result.status == 3)
        #expect(result.err.contains("/nonexistent/zd.gpkg"))
    }

    @Test func unreadableFileSaysSoAndNamesIt() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("bad.geojson").path
        try Data("{\"type\": \"FeatureCollection\", \"features\": [ {oops".utf8).write(to: URL(fileURLWithPath: path))
        let result = try Self.run(["area", path])
        #expect(result.status == 3)
        #expect(result.err.contains(path))
        #expect(result.err.contains("cannot be opened"))
    }

    @Test func unknownLayerNamesTheFileAndListsLayers() throws {
        let result = try Self.run(["area", Self.sample("zone.gpkg") + ":nope"])
        #expect(result.status != 0)
        #expect(result.err.contains("zone.gpkg"))
        #expect(result.err.contains("kfqfw"))
    }

    /// 1 亩 = 2000/3 m²: the zone's planar 6129761.786 m² (geopandas, see AreaJobTests) is 9194.6427 亩.
    @Test func areaJSONGivesTheZoneInMu() throws {
        let result = try Self.run(["area", Self.sample("zone.gpkg:kfqfw"), "--method", "planar", "--unit", "mu", "--format", "json"])
        #expect(result.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as! [String: Any]
        let total = (json["total"] as! [String: Any])["inUnit"] as! [String: Double]
        #expect(abs(total["planar"]! - 6129761.786157113 * 3 / 2000) < 1e-6)
    }

    @Test func boundaryTxtAndGeoPackageGiveTheSameArea() throws {
        let txt = try Self.run(["area", Self.sample("kfqfw.txt"), "--method", "planar", "--format", "json", "--totals-only"])
        let gpkg = try Self.run(["area", Self.sample("zone.gpkg:kfqfw"), "--method", "planar", "--format", "json", "--totals-only"])
        #expect(txt.status == 0 && gpkg.status == 0)
        func total(_ text: String) throws -> Double {
            let json = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
            return ((json["total"] as! [String: Any])["squareMetres"] as! [String: Double])["planar"]!
        }
        #expect(abs(try total(txt.out) - total(gpkg.out)) < 1e-6)
    }

    @Test func outputNeverOverwritesAnInputOrAnExistingFileWithoutForce() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.gpkg").path
        try FileManager.default.copyItem(atPath: Self.sample("zone.gpkg"), toPath: input)
        let before = try Data(contentsOf: URL(fileURLWithPath: input))
        let onInput = try Self.run(["area", input + ":zd", "-o", input, "--force"])
        #expect(onInput.status == 5)
        #expect(try Data(contentsOf: URL(fileURLWithPath: input)) == before)

        let output = folder.appendingPathComponent("out.csv").path
        #expect(try Self.run(["area", input + ":zd", "-o", output]).status == 0)
        let again = try Self.run(["area", input + ":zd", "-o", output])
        #expect(again.status == 5)
        #expect(again.err.contains("--force"))
        #expect(try Self.run(["area", input + ":zd", "-o", output, "--force"]).status == 0)
        // No temporary folder is left behind.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".zonecalc-") }
        #expect(leftovers.isEmpty)
    }

    @Test func aFailedWriteLeavesNoOutput() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A boundary-point txt in lon/lat (EPSG:4326) cannot be written: the command fails and nothing appears.
        let output = folder.appendingPathComponent("zd.txt").path
        let result = try Self.run(["convert", Self.sample("zone.gpkg:dltb"), output, "--to-crs", "EPSG:4326"])
        #expect(result.status != 0)
        #expect(!FileManager.default.fileExists(atPath: output))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    /// GeoPackage → txt → GeoPackage keeps every coordinate (3 decimals) and the area.
    @Test func convertRoundTripsThroughTheBoundaryTxt() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let txt = folder.appendingPathComponent("zone.txt").path, back = folder.appendingPathComponent("back.gpkg").path
        #expect(try Self.run(["convert", Self.sample("zone.gpkg:kfqfw"), txt]).status == 0)
        #expect(try Self.run(["convert", txt, back]).status == 0)
        let original = try Self.run(["area", Self.sample("zone.gpkg:kfqfw"), "--method", "planar", "--format", "json", "--totals-only"])
        let roundTripped = try Self.run(["area", back, "--method", "planar", "--format", "json", "--totals-only"])
        func total(_ text: String) throws -> Double {
            let json = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
            return ((json["total"] as! [String: Any])["squareMetres"] as! [String: Double])["planar"]!
        }
        #expect(abs(try total(original.out) - total(roundTripped.out)) < 1e-6)
        // The txt is GBK with CRLF: "[属性描述]" starts with 5B CA F4.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: txt))
        #expect(Array(bytes.prefix(3)) == [0x5B, 0xCA, 0xF4])
        #expect(bytes.range(of: Data([0x0D, 0x0A])) != nil)
    }

    /// GeoPackage → each GIS format → area: the planar total survives every format that keeps the
    /// projected coordinates (also read back: Shapefile, GeoJSON, FileGDB, CSV with WKT); KML (always
    /// WGS 84 lon/lat) keeps the ellipsoidal total to 1e-7.
    @Test(arguments: ["zd.shp", "zd.geojson", "zd.gdb", "zd.csv", "zd.kml"])
    func convertedLayersKeepTheirArea(name: String) throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent(name).path
        let converted = try Self.run(["convert", Self.sample("zone.gpkg:zd"), output])
        #expect(converted.status == 0, "\(converted.err)")
        #expect(converted.err.isEmpty, "no GDAL noise on stderr: \(converted.err)")
        func total(_ arguments: [String], _ method: String) throws -> Double {
            let result = try Self.run(["area"] + arguments + ["--method", method, "--format", "json", "--totals-only"])
            #expect(result.status == 0, "\(result.err)")
            let json = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as! [String: Any]
            return ((json["total"] as! [String: Any])["squareMetres"] as! [String: Double])[method]!
        }
        if name.hasSuffix(".kml") {
            let original = try total([Self.sample("zone.gpkg:zd")], "ellipsoidal")
            #expect(abs(try total([output], "ellipsoidal") - original) / original < 1e-7)
        } else {
            let original = try total([Self.sample("zone.gpkg:zd")], "planar")
            let arguments = name.hasSuffix(".csv") ? [output, "--crs", "EPSG:4528"] : [output]
            // FileGDB snaps coordinates to its XY resolution (0.1 mm by default): 1e-9 there, exact elsewhere.
            let tolerance = name.hasSuffix(".gdb") ? 1e-9 : 1e-12
            #expect(abs(try total(arguments, "planar") - original) / original < tolerance)
        }
    }

    @Test func infoDescribesEveryLayer() throws {
        let result = try Self.run(["info", Self.sample("zone.gpkg")])
        #expect(result.status == 0)
        for layer in ["kfqfw", "zd", "jzw", "dltb", "yjjbnt", "stbhhx", "czkfbj", "kqfw", "tqfw"] {
            #expect(result.out.contains("Layer: \(layer)"))
        }
        #expect(result.out.contains("EPSG:4528"))
    }

    @Test func evaluateWritesTablesAndDoesNotDependOnTheWorkerCount() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let table = try Self.run(["evaluate", Self.sample("zone.yaml")])
        #expect(table.status == 0, "\(table.err)")
        #expect(table.out.contains("工业主导型"))
        #expect(table.out.contains("土地闲置率"))
        let one = try Self.run(["evaluate", Self.sample("zone.yaml"), "--format", "json", "--workers", "1"])
        let two = try Self.run(["evaluate", Self.sample("zone.yaml"), "--format", "json", "--workers", "2"])
        #expect(one.status == 0 && one.out == two.out)
        let json = try JSONSerialization.jsonObject(with: Data(one.out.utf8)) as? [String: Any]
        #expect((json?["indicators"] as? [Any])?.count == 16)
        for name in ["evaluation.csv", "evaluation.xlsx"] {
            let path = folder.appendingPathComponent(name).path
            let written = try Self.run(["evaluate", Self.sample("zone.yaml"), "-o", path])
            #expect(written.status == 0, "\(written.err)")
            #expect(FileManager.default.fileExists(atPath: path))
        }
        let csv = try String(contentsOfFile: folder.appendingPathComponent("evaluation.csv").path, encoding: .utf8)
        #expect(csv.replacingOccurrences(of: "\u{FEFF}", with: "").hasPrefix("section,code,name,value"))
        #expect(csv.contains("indicator,land_supply_rate,土地供应率"))
        let refused = try Self.run(["evaluate", Self.sample("zone.yaml"), "-o", folder.appendingPathComponent("e.gpkg").path])
        #expect(refused.status == 5)
    }

    /// The sample zone's idle land, standard land, per-mu and evaluation tables equal the reviewed files in
    /// GeoData/demo/expected (idle classes checked against manifest.json's planted cases, fees against
    /// 20 % of TDJG, per-mu figures against the attribute sums; see GeoData/README.md).
    @Test(arguments: [("idle", "idle.csv"), ("standard-land", "standard-land.csv"), ("permu", "permu-enterprises.csv"),
                      ("evaluate", "evaluation.csv")])
    func sampleResultsEqualTheReviewedFiles(command: String, file: String) throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(file).path
        // Run from the repository root with relative paths, as the files were made (sources name the layers).
        let result = try Self.run([command, "GeoData/demo/zone.yaml", "-o", path], in: Self.root)
        #expect(result.status == 0, "\(result.err)")
        let written = try String(contentsOfFile: path, encoding: .utf8)
        let expected = try String(contentsOfFile: Self.sample("expected/\(file)"), encoding: .utf8)
        #expect(written == expected, "\(command) differs from GeoData/demo/expected/\(file); regenerate only after reviewing the change")
    }

    /// `zonecalc proposal check` writes the GeoPackage, the boundary-point txt of the new boundary and a
    /// self-contained HTML page; the exit status is 1 when the verdict is fail; Chinese under a Chinese locale.
    @Test func proposalCheckWritesItsFolder() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("kq").path
        let result = try Self.run(["proposal", "check", Self.sample("zone.yaml"), Self.sample("kqfw.txt"), "-o", out], language: "zh_CN.UTF-8")
        #expect(result.status == 1, "\(result.err)")
        #expect(result.out.contains("结论：不符合"))
        let html = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        #expect(html.contains("<svg") && !html.contains("<script"))
        #expect(!html.contains("src=\"http") && !html.contains("href=\"http"))
        let txt = try #require(FileManager.default.contents(atPath: out + "/new_boundary.txt"))
        let text = String(decoding: txt, as: UTF8.self)   // GBK: only the ASCII parts are compared
        #expect(text.contains("=40\r\n") && text.contains("\r\nJ1,1,"))
        let reread = try Self.run(["area", out + "/new_boundary.txt", "--method", "planar", "--totals-only", "--unit", "ha"])
        #expect(reread.status == 0 && reread.out.contains("712.9762"))
        let again = try Self.run(["proposal", "check", Self.sample("zone.yaml"), Self.sample("kqfw.txt"), "-o", out])
        #expect(again.status == 5)
        let both = try Self.run(["proposal", "check", Self.sample("zone.yaml")])
        #expect(both.status == 3 && both.err.contains("--role"))
    }

    /// `zonecalc qc`: exit 0 when nothing reaches --fail-on, 1 when something does, 3–5 when it cannot run;
    /// findings to a GeoPackage; a repaired copy whose invalid parcel became valid, the input untouched.
    @Test func qcExitStatusFindingsAndRepairedCopy() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let clean = try Self.run(["qc", Self.sample("zone.yaml")])
        #expect(clean.status == 0, "\(clean.err)")
        #expect(clean.out.contains("A04"))
        let strict = try Self.run(["qc", Self.sample("zone.yaml"), "--fail-on", "warning"])
        #expect(strict.status == 1)
        #expect(try Self.run(["qc", "/nonexistent/zd.gpkg"]).status == 3)
        let fixture = Self.root.appendingPathComponent("Tests/ZoneCalcTests/Fixtures/qc/p2k.gpkg").path
        let before = try Data(contentsOf: URL(fileURLWithPath: fixture))
        let findings = folder.appendingPathComponent("qc.gpkg").path, fixed = folder.appendingPathComponent("fixed.gpkg").path
        let run = try Self.run(["qc", fixture + ":zd", "--zone", fixture + ":kfqfw", "-o", findings, "--fix", fixed])
        #expect(run.status == 1, "\(run.err)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: fixture)) == before)
        let info = try Self.run(["info", fixed])
        #expect(info.status == 0 && info.out.contains("Invalid:    0"), "\(info.out)")
        let layer = try Self.run(["info", findings])
        #expect(layer.out.contains("qc_findings"))
        // An output over the input is refused (exit 5, output failure) and the input stays as it was.
        let copy = folder.appendingPathComponent("copy.gpkg").path
        try FileManager.default.copyItem(atPath: fixture, toPath: copy)
        let over = try Self.run(["qc", copy + ":zd", "--fix", copy, "--force"])
        #expect(over.status == 5 && over.err.contains("input"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: copy)) == before)
    }
}
