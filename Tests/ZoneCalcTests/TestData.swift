import Foundation
import GeoBridge
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

    /// A Shapefile `zd.shp` in `folder` with one square parcel whose DKMC is 彭埠单元地块, its .dbf in GBK
    /// (CP936) and declared so by its .cpg.
    static func gbkShapefile(in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("zd.shp").path
        let context = GEOSContext()
        let dataset = try VectorDataset.create(path, driver: "ESRI Shapefile")
        let layer = try dataset.createLayer(name: "zd", crsWKT: "EPSG:4528", geometry: .polygon,
                                            fields: [FieldDefinition(name: "DKMC", type: .string, width: 40)], options: ["ENCODING=CP936"])
        try layer.addFeature([.string("彭埠单元地块")], wkb: try Geometry.polygon(shell: square(40_420_000, 3_515_000, 10), context: context).wkb())
        try dataset.close()
        return path
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
