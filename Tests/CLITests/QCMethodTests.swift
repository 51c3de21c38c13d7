import Foundation
import Testing

/// qc compares declared areas with the area by `--method` (default: the project's area_method, else
/// ellipsoidal). A 200 m square 140 km east of the central meridian (EPSG:4528, x 40 640 000, y 3 500 000)
/// has a planar area of 40 000 m² but an area on the ellipsoid of 39 980.648 m², from pyproj 3.7.2:
/// `Geod(ellps="GRS80").polygon_area_perimeter` of its edges transformed to EPSG:4490 at 100 points each.
/// Declared as 39 980.65 m² with a tolerance of 0.02 %, it differs from the planar area by −0.048 % (A04)
/// and from the ellipsoidal and geodesic areas by less than 0.0001 %.
@Suite struct QCMethodTests {
    @Test func theDeclaredAreaIsComparedWithTheMethodAsked() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let layer = folder.appendingPathComponent("square.geojson"), rules = folder.appendingPathComponent("rules.yaml")
        try Data("""
        {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"ZDBH":"Q1","DLBM":"0601","SBMJ":39980.65},
        "geometry":{"type":"Polygon","coordinates":[[[40640000,3500000],[40640200,3500000],[40640200,3500200],[40640000,3500200],[40640000,3500000]]]}}]}
        """.utf8).write(to: layer)
        try Data("tolerances:\n  declared_area_percent: 0.02\n".utf8).write(to: rules)
        func findings(_ extra: [String]) throws -> [String] {
            let result = try CLITests.run(["qc", layer.path, "--crs", "4528", "--declared-unit", "m2", "--rules", rules.path, "--format", "json"] + extra)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any], "\(result.err)")
            #expect(json["method"] as? String == (extra.last ?? "ellipsoidal"))
            return (json["findings"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        }
        #expect(try !findings([]).contains("A04"), "the default compares with the ellipsoidal area")
        #expect(try !findings(["--method", "ellipsoidal"]).contains("A04"))
        #expect(try !findings(["--method", "geodesic"]).contains("A04"))
        #expect(try findings(["--method", "planar"]).contains("A04"))
    }
}
