import Foundation
@testable import ZoneCalc

/// A tiny zone whose every evaluation figure is worked out by hand below. Planar areas in EPSG:4528,
/// local coordinates (x, y) in metres from (40 500 000, 3 500 000); 1 ha = 10 000 m².
///
/// Zone (kfqfw): the square 0–1000 × 0–1000 with a hole 800–900 × 800–900 → 100 − 1 = 99 ha.
///
/// Land use (dltb), clipped to the zone:
///   L1 0601 x −100–400 (100 m outside the zone) → A2  = 40 ha
///   L2 0701 x 400–500                           → A1  = 10 ha
///   L3 1004 x 500–700                           → A31 = 20 ha
///   L4 0101 x 700–1000, y 0–500                 → B22 = 15 ha (before the splits below)
///   L5 1101 x 700–1000, y 500–1000, less the hole → C1 = 15 − 1 = 14 ha
///   A = 40 + 10 + 20 = 70 ha.
/// Red line (stbhhx): x 850–1000, y −100–200 → on B22 inside the zone 150 × 200 = 3 ha → C2 = 3 ha.
/// Parcels (zd), with supply date GYRQ unless said:
///   P1 0601 x 0–400,  y 0–500   = 20 ha, invest 30000, tax 1000, output 50000, high-tech
///   P2 0601 x 0–400,  y 500–1000 = 20 ha, invest 10000, tax 200, output 8000, idle
///   P3 0701 x 400–500            = 10 ha, tax 300
///   P4 0601 x 700–800, y −100–500 (5 of 6 ha inside, share 5/6) on B22, invest 2000 → 1666.667 inside
///   P5 0601 x 800–850, y 0–500 = 2.5 ha, no supply date (not supplied), no figures
///   D = 20 + 20 + 10 + 5 = 55 ha; G = P2 = 20 ha; H = P1 = 20 ha.
///   B21 = (B22 − red line) ∩ supplied = P4's 5 ha; B22 = 15 − 3 − 5 = 7 ha.
///   C = 14 + 3 = 17 ha; A + B = 70 + 5 + 7 = 82 ha (= 99 − 17); A + B21 = 75 ha.
/// Buildings (jzw), floor area JZMJ, storeys CS:
///   J1 x 100–200, y 100–200: 10000 m² on A2, JZMJ 30000
///   J2 x 350–450, y 100–200: 10000 m², half on A2 (x < 400), half on A1; no JZMJ, CS 4 → 40000 m²,
///      20000 on A2 and 20000 on A1
///   J3 x 720–760, y 100–150: 2000 m² on B21 (not on A), JZMJ 2000 → not counted
///   J4 x −50–50, y 600–700: 5000 of 10000 m² inside, on A2; JZMJ 20000 → 10000 inside
///   P_A = 10000 + 10000 + 5000 = 25000 m²; P_A2 = 10000 + 5000 + 5000 = 20000 m²
///   F_A = 30000 + 40000 + 10000 = 80000 m²; F_A2 = 30000 + 20000 + 10000 = 60000 m²
/// Standard land (RJLXX agreed floor-area ratio, BZD flag, SJJGRQ completion): P1 0.2, completed 2024-01-01;
///   P2 1.0, not completed. On the parcels (buildings intersected with each parcel, not the zone):
///   P1 20 ha: J1 10000 m² + half of J2 5000 m² → coverage 15000/200000 = 7.5 %; floor 30000 + 20000 →
///      floor-area ratio 50000/200000 = 0.25 (≥ 0.2 passes); 7.5 % < 30 % fails (national 建筑系数).
///   P2 20 ha: J4 half on P2 (x 0–50) → 5000 m², floor 20000 / 2 = 10000 → 2.5 %, 0.05 (< 1.0 fails).
///   P4 6 ha: J3 2000 m² → 3.3333 %; P5 2.5 ha: no building → 0 %.
/// Statistics in the project: population 14000, high_tech_revenue 40000 万元.
///
/// Indicators (TD/T 1029-2010 指标):
///   1 土地开发率 (A + B21)/(A + B) = 75/82 = 91.46341463 %
///   2 土地供应率 D/(A + B21) = 55/75 = 73.33333333 %
///   3 土地建成率 A/D = 70/55 = 127.27272727 %
///   4 工业用地率 A2/A = 40/70 = 57.14285714 %
///   5 高新技术产业用地率 H/A = 20/70 = 28.57142857 %
///   6 综合容积率 F_A/A = 80000/700000 = 0.11428571
///   7 建筑密度 P_A/A = 25000/700000 = 3.57142857 %
///   8 工业用地综合容积率 F_A2/A2 = 60000/400000 = 0.15
///   9 工业用地建筑系数 P_A2/A2 = 20000/400000 = 5 %
///  10 投入强度 (30000 + 10000 + 2000 × 5/6)/40 = 41666.667/40 = 1041.66666667 万元/公顷 (P5 has no value)
///  11 工业用地地均税收 (1000 + 200)/40 = 30 万元/公顷
///  12 综合地均税收 (1000 + 200 + 300)/70 = 21.42857143 万元/公顷
///  13 人口密度 14000/70 = 200 人/公顷
///  14 工业用地产出强度 (50000 + 8000)/40 = 1450 万元/公顷
///  15 高新技术产业用地产出强度 40000/20 = 2000 万元/公顷
///  16 土地闲置率 G/D = 20/55 = 36.36363636 %
/// Zone type: A2/A = 57.14 % > 30 % and A1/A = 14.29 % < 25 % → 工业主导型 (TD/T 1029-2010（2014年度试行）开发区类型).
enum EvaluationTestZone {
    static let x0 = 40_500_000.0, y0 = 3_500_000.0

    static func rect(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double) -> [XY] {
        [XY(x0 + x1, y0 + y1), XY(x0 + x2, y0 + y1), XY(x0 + x2, y0 + y2), XY(x0 + x1, y0 + y2), XY(x0 + x1, y0 + y1)]
    }

    struct Layer {
        var name: String
        var fields: [FieldDefinition]
        var features: [([FieldValue], [XY], [[XY]])]
    }

    static let project = """
        zone:
          name: 手算示范区
          code: T0001
        as_of: 2026-06-30
        area_method: planar
        statistics:
          population: 14000
          high_tech_revenue: 40000
        layers:
          boundary:
            file: zone.gpkg
            layer: kfqfw
          land_use:
            file: zone.gpkg
            layer: dltb
            fields: { land_use: DLBM }
          parcels:
            file: zone.gpkg
            layer: zd
            fields: { id: ZDBH, land_use: DLBM, supply_date: GYRQ, actual_investment: SJTZ, tax: SS, output_value: CZ,
                      idle: XZ, high_tech: GX }
          buildings:
            file: zone.gpkg
            layer: jzw
            fields: { id: JZWBH, floor_area: JZMJ, floors: CS }
          ecological_red_line:
            file: zone.gpkg
            layer: stbhhx
        """

    /// Writes zone.gpkg (with `extraLayers` after the zone's own) and zone.yaml (with `projectText`) into
    /// `folder`; returns the project path.
    static func write(in folder: URL, projectText: String = project, extraLayers: [Layer] = []) throws -> String {
        let context = GEOSContext()
        func string(_ name: String) -> FieldDefinition { FieldDefinition(name: name, type: .string) }
        func real(_ name: String) -> FieldDefinition { FieldDefinition(name: name, type: .real) }
        let date = { (v: String?) -> FieldValue in v.map(FieldValue.string) ?? .null }
        let layers = [
            Layer(name: "kfqfw", fields: [string("KFQDM")], features: [([.string("T0001")], rect(0, 0, 1000, 1000), [rect(800, 800, 900, 900).reversed()])]),
            Layer(name: "dltb", fields: [string("DLBM")], features: [
                ([.string("0601")], rect(-100, 0, 400, 1000), []), ([.string("0701")], rect(400, 0, 500, 1000), []),
                ([.string("1004")], rect(500, 0, 700, 1000), []), ([.string("0101")], rect(700, 0, 1000, 500), []),
                ([.string("1101")], rect(700, 500, 1000, 1000), []),
            ]),
            Layer(name: "stbhhx", fields: [string("MC")], features: [([.string("红线")], rect(850, -100, 1000, 200), [])]),
            Layer(name: "zd", fields: [string("ZDBH"), string("DLBM"), string("GYRQ"), real("SJTZ"), real("SS"), real("CZ"), FieldDefinition(name: "XZ", type: .integer), string("GX"),
                                         real("RJLXX"), FieldDefinition(name: "BZD", type: .integer), string("SJJGRQ")],
                  features: [
                    ([.string("P1"), .string("0601"), date("2020-01-01"), .real(30000), .real(1000), .real(50000), .integer(0), .string("是"), .real(0.2), .integer(1), .string("2024-01-01")], rect(0, 0, 400, 500), []),
                    ([.string("P2"), .string("0601"), date("2020-01-01"), .real(10000), .real(200), .real(8000), .integer(1), .null, .real(1.0), .integer(1), .null], rect(0, 500, 400, 1000), []),
                    ([.string("P3"), .string("0701"), date("2021-05-01"), .null, .real(300), .null, .integer(0), .null, .null, .integer(0), .null], rect(400, 0, 500, 1000), []),
                    ([.string("P4"), .string("0601"), date("2025-03-01"), .real(2000), .null, .null, .integer(0), .string("否"), .null, .integer(0), .null], rect(700, -100, 800, 500), []),
                    ([.string("P5"), .string("0601"), .null, .null, .null, .null, .null, .null], rect(800, 0, 850, 500), []),
                  ]),
            Layer(name: "jzw", fields: [string("JZWBH"), real("JZMJ"), real("CS")], features: [
                ([.string("J1"), .real(30000), .real(3)], rect(100, 100, 200, 200), []),
                ([.string("J2"), .null, .real(4)], rect(350, 100, 450, 200), []),
                ([.string("J3"), .real(2000), .real(1)], rect(720, 100, 760, 150), []),
                ([.string("J4"), .real(20000), .real(2)], rect(-50, 600, 50, 700), []),
            ]),
        ]
        let dataset = try VectorDataset.create(folder.appendingPathComponent("zone.gpkg").path, driver: "GPKG")
        for layer in layers + extraLayers {
            let created = try dataset.createLayer(name: layer.name, crsWKT: "EPSG:4528", geometry: .polygon, fields: layer.fields)
            for (values, shell, holes) in layer.features {
                try created.addFeature(values, wkb: try Geometry.polygon(shell: shell, holes: holes, context: context).wkb())
            }
        }
        try dataset.close()
        let path = folder.appendingPathComponent("zone.yaml").path
        try Data(projectText.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}
