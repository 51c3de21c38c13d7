import Foundation
@testable import ZoneCalc

/// A square zone with control layers around it, for the proposal rules (planar areas, EPSG:4528, local
/// metres from (40 500 000, 3 500 000)):
///   zone kfqfw: x 0–1000, y 0–1000 (100 ha)
///   farmland yjjbnt: x 1100–1200, y 0–100 (1 ha); red line stbhhx: x 1300–1400, y 0–100 (1 ha)
///   urban development boundary czkfbj: x −100–1800, y −100–600; other zone qtkfq: x 2000–2500, y 0–500
///   land use dltb over x −100–2600: y 0–500 0101 水田, y 500–1000 0601 工业用地
///   data coverage sjfw (数据范围) of the control layers: x −200–2700, y −200–1200
/// Proposal pieces are written to their own layers of proposals.gpkg (FAMC name, TZLX type, MJ 公顷).
enum ProposalTestZone {
    static let x0 = EvaluationTestZone.x0, y0 = EvaluationTestZone.y0
    static func rect(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double) -> [XY] { EvaluationTestZone.rect(x1, y1, x2, y2) }

    static let project = """
        zone:
          name: 审查示范区
          code: T0002
          province: 山西省
          level: 省级
        as_of: 2026-06-30
        area_method: planar
        layers:
          boundary: { file: zone.gpkg, layer: kfqfw }
          farmland: { file: zone.gpkg, layer: yjjbnt, coverage: "zone.gpkg:sjfw" }
          ecological_red_line: { file: zone.gpkg, layer: stbhhx, coverage: "zone.gpkg:sjfw" }
          urban_development_boundary: { file: zone.gpkg, layer: czkfbj, coverage: "zone.gpkg:sjfw" }
          other_zones: { file: zone.gpkg, layer: qtkfq, coverage: "zone.gpkg:sjfw" }
          land_use: { file: zone.gpkg, layer: dltb, fields: { land_use: DLBM } }
        """

    /// A proposal piece: its ring, name, type (扩区/调出/调入) and declared area in 公顷.
    struct Piece {
        var ring: [XY]
        var name: String
        var type: String
        var declaredHectares: Double?
    }

    static func write(in folder: URL, projectText: String = project) throws -> String {
        let context = GEOSContext()
        let dataset = try VectorDataset.create(folder.appendingPathComponent("zone.gpkg").path, driver: "GPKG")
        let layers: [(String, [(String, [XY])])] = [
            ("kfqfw", [("T0002", rect(0, 0, 1000, 1000))]), ("yjjbnt", [("F1", rect(1100, 0, 1200, 100))]),
            ("stbhhx", [("R1", rect(1300, 0, 1400, 100))]), ("czkfbj", [("U1", rect(-100, -100, 1800, 600))]),
            ("qtkfq", [("Z2", rect(2000, 0, 2500, 500))]),
            ("dltb", [("0101", rect(-100, 0, 2600, 500)), ("0601", rect(-100, 500, 2600, 1000))]),
            ("sjfw", [("C1", rect(-200, -200, 2700, 1200))]),
        ]
        for (name, features) in layers {
            let fieldName = name == "dltb" ? "DLBM" : "BSM"
            let layer = try dataset.createLayer(name: name, crsWKT: "EPSG:4528", geometry: .polygon, fields: [FieldDefinition(name: fieldName, type: .string)])
            for (value, ring) in features { try layer.addFeature([.string(value)], wkb: try Geometry.polygon(shell: ring, context: context).wkb()) }
        }
        try dataset.close()
        let path = folder.appendingPathComponent("zone.yaml").path
        try Data(projectText.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Writes pieces to a GeoPackage layer and returns its source.
    static func proposal(_ pieces: [Piece], named name: String, in folder: URL, crs: String = "EPSG:4528") throws -> SourceSpec {
        let context = GEOSContext()
        let path = folder.appendingPathComponent("\(name).gpkg").path
        let dataset = try VectorDataset.create(path, driver: "GPKG")
        let layer = try dataset.createLayer(name: name, crsWKT: crs, geometry: .polygon,
                                            fields: [FieldDefinition(name: "FAMC", type: .string), FieldDefinition(name: "TZLX", type: .string),
                                                     FieldDefinition(name: "MJ", type: .real)])
        for piece in pieces {
            // A bow-tie cannot be built by GEOS as a valid polygon; write its WKB by hand.
            let wkb = try piece.ring.count == 5 && piece.name.hasPrefix("bowtie") ? rawPolygonWKB(piece.ring)
                : Geometry.polygon(shell: piece.ring, context: context).wkb()
            try layer.addFeature([.string(piece.name), .string(piece.type), piece.declaredHectares.map(FieldValue.real) ?? .null], wkb: wkb)
        }
        try dataset.close()
        return SourceSpec(path: path)
    }

    /// ISO WKB of a one-ring polygon, little endian, without any check.
    static func rawPolygonWKB(_ ring: [XY]) -> [UInt8] {
        var bytes: [UInt8] = [1]
        func append32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
        func append64(_ value: Double) { withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes += $0 } }
        append32(3); append32(1); append32(UInt32(ring.count))
        for point in ring { append64(point.x); append64(point.y) }
        return bytes
    }
}
