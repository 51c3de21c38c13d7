import Foundation
import Testing

/// Inputs that once crashed zonecalc or made it hang: each command must end with an exit code and a
/// message, never a signal, and must not report absurd figures.
@Suite struct HostileInputTests {
    private func write(_ text: String, to folder: URL, _ name: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// A lon/lat GeoJSON polygon with a vertex at x = 1e30, next to a good one.
    private func farGeoJSON(in folder: URL) throws -> String {
        let good = "[[112.60,37.80],[112.61,37.80],[112.61,37.81],[112.60,37.81],[112.60,37.80]]"
        let far = "[[1e30,37.80],[112.61,37.80],[112.61,37.81],[112.60,37.81],[1e30,37.80]]"
        return try write("""
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"ZDBH":"A"},"geometry":{"type":"Polygon","coordinates":[\(good)]}},
            {"type":"Feature","properties":{"ZDBH":"B"},"geometry":{"type":"Polygon","coordinates":[\(far)]}}]}
            """, to: folder, "far.geojson")
    }

    @Test func hugeCoordinatesDoNotTrap() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let far = try farGeoJSON(in: folder)
        // A layer without a CRS (CSV with WKT) at x = 1e25, where the CRS would be guessed from the coordinates.
        let noCRS = try write("WKT,ZDBH\n\"POLYGON((1e25 4000000,1e25 4000100,10000000000000000000000100 4000100,1e25 4000000))\",A\n",
                              to: folder, "nocrs.csv")
        let runs: [[String]] = [
            ["area", far], ["info", far], ["qc", far], ["overlay", "--a", far, "--b", far],
            ["convert", far, folder.appendingPathComponent("far.txt").path],
            ["area", noCRS], ["info", noCRS], ["qc", noCRS], ["convert", noCRS, folder.appendingPathComponent("nocrs.gpkg").path],
            ["area", CLITests.sample("zone.gpkg") + ":kfqfw", "--crs", "+proj=tmerc +lat_0=0 +lon_0=114 +k=1 +x_0=1e25 +y_0=0 +ellps=GRS80 +units=m +no_defs"],
        ]
        for arguments in runs {
            let result = try CLITests.run(arguments)
            #expect(result.reason == .exit, "\(arguments.joined(separator: " ")) ended by a signal: \(result.err)")
            #expect(!result.err.contains("Fatal error"), "\(arguments.joined(separator: " ")): \(result.err)")
        }
    }

    /// A vertex outside longitude/latitude is reported for its feature; the other feature is measured
    /// and the total is not the 5e38 m² the raw series gave.
    @Test func outOfRangeLonLatIsReportedPerFeature() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLITests.run(["area", try farGeoJSON(in: folder), "--format", "json"])
        #expect(result.reason == .exit)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        let total = try #require(((json["total"] as? [String: Any])?["squareMetres"] as? [String: Any])?["ellipsoidal"] as? Double)
        // One cell of 0.01° × 0.01° at 37.8°N: about 1 110 m × 880 m ≈ 0.977 km² (by hand; the far feature is left out).
        #expect(total > 800_000 && total < 1_000_000, "total \(total)")
        let skipped = try #require(json["skipped"] as? [[String: Any]])
        // Refused by the longitude check, or first by make-valid's (the ring is invalid too).
        #expect(skipped.count == 1 && ("\(skipped)".contains("longitude") || "\(skipped)".contains("outside any coordinate system")), "\(skipped)")
    }

    /// A square of ±1e200 m once totalled `inf` (and JSON output failed on it); a lon/lat layer at 150°E
    /// once went to the txt "in" another CRS: both are stated as what they are.
    @Test func farOutCoordinatesAreNamedNotMeasured() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let square = "[[-1e200,-1e200],[1e200,-1e200],[1e200,1e200],[-1e200,1e200],[-1e200,-1e200]]"
        let huge = try write("{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::4528\"}},"
                             + "\"features\":[{\"type\":\"Feature\",\"properties\":{\"ZDBH\":\"H\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[\(square)]}}]}",
                             to: folder, "huge.geojson")
        let area = try CLITests.run(["area", huge, "--method", "planar", "--format", "json"])
        #expect(area.reason == .exit && (area.out + area.err).contains("not a finite number"), "\(area.out.prefix(400)) \(area.err)")
        let cell = "[[150.2,37.8],[150.21,37.8],[150.21,37.81],[150.2,37.8]]"
        let east = try write("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"ZDBH\":\"E\"},"
                             + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[\(cell)]}}]}", to: folder, "east.geojson")
        let txt = try CLITests.run(["convert", east, folder.appendingPathComponent("east.txt").path])
        #expect(txt.status == 3 && txt.err.contains("outside China's Gauss–Krüger zones"), "\(txt.err)")
    }

    /// A 100 000-character attribute value is shown whole (the table renderer once trimmed trailing
    /// blanks with a regular expression that took quadratic time: 54 s for this run; now well under a
    /// second — not asserted, as tests make no timing assertions).
    @Test func aVeryLongFieldValueIsShownWhole() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let long = String(repeating: "宗", count: 50_000) + String(repeating: "a", count: 50_000)
        let path = try write("""
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"ZDBH":"\(long)"},"geometry":{"type":"Polygon",
            "coordinates":[[[112.60,37.80],[112.61,37.80],[112.61,37.81],[112.60,37.81],[112.60,37.80]]]}}]}
            """, to: folder, "long.geojson")
        let result = try CLITests.run(["area", path])
        #expect(result.status == 0)
        #expect(result.out.contains(long))
    }

    /// A proposal piece that is a line, or has no geometry, was left out and the rest approved as if it
    /// were the whole proposal: the check is refused, naming the pieces.
    @Test func aProposalPieceThatIsNoPolygonIsNamedNotLeftOut() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let converted = folder.appendingPathComponent("kq.geojson").path
        #expect(try CLITests.run(["convert", CLITests.sample("kqfw.txt"), converted]).status == 0)
        var collection = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: converted))) as? [String: Any])
        var features = try #require(collection["features"] as? [[String: Any]])
        let ring = try #require(((features[0]["geometry"] as? [String: Any])?["coordinates"] as? [[[[Double]]]])?.first?.first)
        features.append(["type": "Feature", "properties": ["DKMC": "KQ-LINE"], "geometry": ["type": "LineString", "coordinates": Array(ring.prefix(2))]])
        features.append(["type": "Feature", "properties": ["DKMC": "NULLPIECE"], "geometry": NSNull()])
        collection["features"] = features
        let proposal = folder.appendingPathComponent("with-line.geojson").path
        try JSONSerialization.data(withJSONObject: collection).write(to: URL(fileURLWithPath: proposal))
        let result = try CLITests.run(["proposal", "check", CLITests.sample("zone.yaml"), proposal])
        #expect(result.status == 3, "\(result.status) \(result.out) \(result.err)")
        #expect(result.err.contains("(KQ-LINE): it is a LineString, not a polygon") && result.err.contains("(NULLPIECE): it has no geometry"), "\(result.err)")
    }

    /// A ring closed in x and y but with NaN heights once made GDAL print a raw "Warning 1: Non closed
    /// ring detected" outside any captured call: nothing of GDAL's reaches the terminal raw, and only x
    /// and y decide whether a coordinate is usable.
    @Test func gdalNeverPrintsRawOnTheTerminal() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try write("""
            {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4547"}},"features":[
            {"type":"Feature","properties":{"id":"A"},"geometry":{"type":"Polygon",
            "coordinates":[[[500000,3500000,NaN],[500100,3500000,1],[500100,3500100,1],[500000,3500000,NaN]]]}}]}
            """, to: folder, "nanz.geojson")
        let result = try CLITests.run(["convert", path, folder.appendingPathComponent("out.gpkg").path, "--to-crs", "EPSG:4490"])
        #expect(result.status == 0 && result.out.contains("out.gpkg (1 row)"), "\(result.out) \(result.err)")
        #expect(!result.err.contains("Warning 1") && !result.err.contains("ERROR 1"), "\(result.err)")
    }
}
