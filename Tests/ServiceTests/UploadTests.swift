import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import ZoneCalcService

/// Hostile and broken uploads: each refused with a message naming the file, nothing recorded, and the
/// service still answering; formats told from the content, not the name.
@Suite struct UploadTests {
    /// Writes a zip made by Python's zipfile (an independent writer) from `script`, which gets `zip`.
    static func zip(_ script: String, in folder: URL, name: String = "upload.zip") throws -> Data {
        let path = folder.appendingPathComponent(name)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import zipfile, sys\nzip = zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED)\n\(script)\nzip.close()", path.path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try Data(contentsOf: path)
    }

    @Test func unsafeAndBrokenUploadsAreRefusedAndTheServiceGoesOn() async throws {
        var limits = UploadLimits()
        limits.files = 3
        let kit = try ServiceTestKit(limits: limits)
        defer { kit.remove() }
        let scratch = kit.folder.appendingPathComponent("scratch")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let txt = try Data(contentsOf: ServiceTestKit.sample("tqfw.txt"))
        let shapefile = try Self.zip("zip.writestr('a.shp', b'x')", in: scratch)
        let cases: [(String, Data, HTTPResponse.Status, String)] = [
            ("empty.txt", Data(), .unprocessableContent, "empty"),
            ("truncated.zip", shapefile.prefix(shapefile.count / 2), .unprocessableContent, "damaged"),
            ("escape.zip", try Self.zip("zip.writestr('../x.shp', b'x')", in: scratch), .unprocessableContent, "outside the archive"),
            ("absolute.zip", try Self.zip("zip.writestr('/etc/x.shp', b'x')", in: scratch), .unprocessableContent, "outside the archive"),
            ("link.zip", try Self.zip("""
                info = zipfile.ZipInfo('a.shp'); info.create_system = 3; info.external_attr = 0o120777 << 16
                zip.writestr(info, '/etc/passwd')
                """, in: scratch), .unprocessableContent, "symbolic link"),
            ("many.zip", try Self.zip("for i in range(10000): zip.writestr('f%d.txt' % i, b'')", in: scratch), .contentTooLarge, "10000 entries"),
            ("photo.jpg", Data([0xFF, 0xD8, 0xFF, 0xE0] + Array(repeating: 0, count: 64)), .unprocessableContent, "not a format"),
            ("plain.zip", try Self.zip("zip.writestr('readme.md', b'hello')", in: scratch), .unprocessableContent, "no Shapefile"),
        ]
        try await kit.test { client in
            var reviewer = try await ServiceTestKit.signIn(client, "reviewer")
            reviewer.headers[.acceptLanguage] = "en-GB,en"
            for (name, bytes, status, words) in cases {
                let answer = try await ServiceTestKit.submit(client, reviewer.headers, fields: [("zone", "demo"), ("language", "en")], files: [("pieces", name, bytes)])
                let message = (answer.json["error"] as? [String: Any])?["message"] as? String ?? ""
                #expect(answer.status == status && message.contains(words), "\(name): \(answer.status) \(message)")
            }
            // Over the file count, and an unknown zone.
            let four = try await ServiceTestKit.submit(client, reviewer.headers, fields: [("zone", "demo")], files: Array(repeating: ("pieces", "t.txt", txt), count: 4))
            #expect(four.status == .contentTooLarge)
            let nowhere = try await ServiceTestKit.submit(client, reviewer.headers, fields: [("zone", "elsewhere")], files: [("pieces", "t.txt", txt)])
            #expect(nowhere.status == .notFound)
            // A form cut off in the middle.
            let form = ServiceTestKit.form([("zone", "demo")], files: [("pieces", "t.txt", txt)])
            var headers = reviewer.headers
            headers[.contentType] = form.contentType
            try await client.execute(uri: "/api/checks", method: .post, headers: headers, body: form.body.getSlice(at: 0, length: form.body.readableBytes - 40)) { response in
                #expect(response.status == .badRequest)
            }
            // Nothing of the refused uploads is recorded or left on disk; a good upload still goes through.
            try await client.execute(uri: "/api/checks", method: .get, headers: reviewer.headers) { response in
                #expect(String(buffer: response.body).trimmingCharacters(in: .whitespacesAndNewlines) == "[\n\n]" || String(buffer: response.body).contains("[]"))
            }
            let incoming = kit.data.appendingPathComponent("incoming")
            #expect((try? FileManager.default.contentsOfDirectory(atPath: incoming.path))?.isEmpty ?? true)
            let good = try await ServiceTestKit.submit(client, reviewer.headers, fields: [("zone", "demo")], files: [("pieces", "tqfw.txt", txt)])
            #expect(good.status == .accepted)
            if let id = ((good.json["checks"] as? [[String: Any]])?.first?["check"] as? [String: Any])?["id"] as? String {
                _ = try await ServiceTestKit.finished(client, reviewer.headers, id)
            }
        }
    }

    /// A zip whose one entry unpacks to 2 GiB of zeros is stopped at the limit (1 GiB), counted on the
    /// bytes that come out.
    @Test func aZipBombIsStoppedAtTheUnpackedLimit() async throws {
        let kit = try ServiceTestKit()
        defer { kit.remove() }
        let scratch = kit.folder.appendingPathComponent("scratch")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let bomb = try Self.zip("""
            with zip.open('bomb.shp', 'w', force_zip64=True) as entry:
                block = bytes(1 << 20)
                for _ in range(2048): entry.write(block)
            """, in: scratch)
        #expect(bomb.count < 8 << 20, "zeros compress: \(bomb.count) bytes")
        try await kit.test { client in
            var reviewer = try await ServiceTestKit.signIn(client, "reviewer")
            reviewer.headers[.acceptLanguage] = "en"
            let answer = try await ServiceTestKit.submit(client, reviewer.headers, fields: [("zone", "demo")], files: [("pieces", "bomb.zip", bomb)])
            let message = (answer.json["error"] as? [String: Any])?["message"] as? String ?? ""
            #expect(answer.status == .contentTooLarge && message.contains("1024 MiB"), "\(message)")
        }
        // Nothing unpacked is left.
        let checks = kit.data.appendingPathComponent("checks")
        #expect((try? FileManager.default.contentsOfDirectory(atPath: checks.path))?.isEmpty ?? true)
    }

    /// A boundary-point txt in GBK, under a name that says GeoJSON, is read as what it is; a zipped
    /// Shapefile made by GDAL is checked as the command line checks it.
    @Test func formatsAreToldFromTheContent() async throws {
        let kit = try ServiceTestKit()
        defer { kit.remove() }
        let scratch = kit.folder.appendingPathComponent("scratch")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        // The sample (in GBK) re-encoded in UTF-8 by Python's codec.
        let recode = Process()
        recode.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        recode.arguments = ["python3", "-c", "import sys; open(sys.argv[2], 'wb').write(open(sys.argv[1], encoding='gbk').read().encode('utf-8'))",
                            ServiceTestKit.sample("tqfw.txt").path, scratch.appendingPathComponent("utf8.txt").path]
        try recode.run()
        recode.waitUntilExit()
        let gbk = try Data(contentsOf: ServiceTestKit.sample("tqfw.txt"))
        let utf8 = try Data(contentsOf: scratch.appendingPathComponent("utf8.txt"))
        #expect(String(data: gbk, encoding: .utf8) == nil && String(data: utf8, encoding: .utf8)?.contains("[属性描述]") == true)
        let convert = Process()
        convert.executableURL = URL(fileURLWithPath: ServiceTestKit.engine)
        convert.arguments = ["convert", ServiceTestKit.sample("tqfw.txt").path, scratch.appendingPathComponent("调区.shp").path]
        try convert.run()
        convert.waitUntilExit()
        let parts = try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0.hasPrefix("调区.") }.sorted()
        let shapefile = try Self.zip(parts.map { "zip.write('\(scratch.appendingPathComponent($0).path)', 'folder/\($0)')" }.joined(separator: "\n"), in: scratch, name: "shp.zip")
        try await kit.test { client in
            let reviewer = try await ServiceTestKit.signIn(client, "reviewer")
            for (name, bytes, format) in [("mislabelled.geojson", gbk, "txt"), ("utf8.txt", utf8, "txt"), ("调区.zip", shapefile, "zip")] {
                let answer = try await ServiceTestKit.submit(client, reviewer.headers, fields: [("zone", "demo")], files: [("pieces", name, bytes)])
                let check = try #require((answer.json["checks"] as? [[String: Any]])?.first?["check"] as? [String: Any], "\(name): \(answer.json)")
                #expect(((check["files"] as? [[String: Any]])?.first?["format"] as? String) == format)
                let done = try #require(try await ServiceTestKit.finished(client, reviewer.headers, check["id"] as? String ?? "")["check"] as? [String: Any])
                // tqfw.txt passes on the command line.
                #expect(done["verdict"] as? String == "pass", "\(name): \(done)")
            }
        }
    }
}
