import Foundation
@testable import ZoneCalc

/// Paths and builders shared by the ZoneCalc tests.
enum TestData {
    /// The repository's root (…/Tests/ZoneCalcTests/TestData.swift → …).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func sample(_ name: String) -> String { root.appendingPathComponent("GeoData/demo/\(name)").path }

    /// A fresh temporary folder, removed by the caller.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("zonecalc-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes polygons (WKB made by GEOS) with one string id field to a GeoPackage layer.
    static func writeLayer(_ path: String, crs: String?, features: [(id: String, declared: Double?, wkb: [UInt8]?)]) throws {
        let dataset = try VectorDataset.create(path, driver: "GPKG")
        let layer = try dataset.createLayer(name: "t", crsWKT: crs, geometry: .unknown,
                                            fields: [FieldDefinition(name: "ZDBH", type: .string), FieldDefinition(name: "SBMJ", type: .real),
                                                     FieldDefinition(name: "DLBM", type: .string)])
        for (position, feature) in features.enumerated() {
            try layer.addFeature([.string(feature.id), feature.declared.map(FieldValue.real) ?? .null, .string(position % 2 == 0 ? "0601" : "0701")],
                                 wkb: feature.wkb)
        }
        try dataset.close()
    }

    /// An axis-aligned square as a closed ring.
    static func square(_ x: Double, _ y: Double, _ side: Double) -> [XY] {
        [XY(x, y), XY(x + side, y), XY(x + side, y + side), XY(x, y + side), XY(x, y)]
    }
}
