import Foundation
import Testing
@testable import ZoneCalc

@Suite struct QCJobTests {
    static let fixture = TestData.root.appendingPathComponent("Tests/ZoneCalcTests/Fixtures/qc/p2k.gpkg").path

    func run(_ configure: (inout QCOptions) -> Void) throws -> QCReport {
        var options = QCOptions()
        options.workers = 2
        configure(&options)
        return try QCJob.run(options)
    }

    func findings(_ report: QCReport, _ code: String) -> [QCFinding] { report.findings.filter { $0.code == code } }

    /// The peers' d_qc on a small set from the shared generator (`gen.py --parcels 2000`, layers zd and
    /// kfqfw copied to Fixtures/qc/p2k.gpkg, planted defects in p2k-manifest.json). Expected values from the
    /// geopandas peer run once (`peers/geopandas_jobs.py bench-data/p2k --json …`): invalid 1
    /// (140105000000GB00372, self-intersection); duplicate ids 1 (2 records); overlap pairs 5 over
    /// 7 parcels, 1324.856985 m²; partly outside 1, 1048.486024 m² outside; wholly outside 0; declared
    /// area off by more than 5 %: 5; slivers (4πA/P² < 0.05): 1.
    @Test func findingsEqualThePeersAndCatchEveryPlantedDefect() throws {
        let report = try run { options in
            options.source = SourceSpec(path: Self.fixture, layer: "zd")
            options.zone = SourceSpec(path: Self.fixture, layer: "kfqfw")
        }
        #expect(report.featureCount == 2000)
        #expect(findings(report, "G01").map(\.featureId) == ["140105000000GB00372"])
        #expect(findings(report, "G01")[0].message.en.contains("Self-intersection"))
        #expect(findings(report, "A02").count == 1)
        let overlaps = findings(report, "T01")
        #expect(overlaps.count == 5)
        #expect(Set(overlaps.flatMap { [$0.featureIndex!, $0.otherIndex!] }).count == 7)
        #expect(abs(overlaps.reduce(0) { $0 + $1.value! } - 1324.856985) < 1e-5)
        let outside = findings(report, "Z01")
        #expect(outside.count == 1 && abs(outside[0].value! - 1048.486024) < 1e-5)
        #expect(findings(report, "Z02").isEmpty)
        #expect(findings(report, "A04").count == 5)
        #expect(findings(report, "G07").count == 1)
        // Every planted defect is found, by its id.
        struct Manifest: Decodable { var planted: [String: [String]] }
        let manifest = try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: URL(fileURLWithPath:
            TestData.root.appendingPathComponent("Tests/ZoneCalcTests/Fixtures/qc/p2k-manifest.json").path)))
        let byCode: [String: String] = ["bowtie": "G01", "dup_id": "A02", "sliver": "G07", "straddle": "Z01", "area_mismatch": "A04"]
        for (kind, code) in byCode {
            let found = Set(findings(report, code).compactMap(\.featureId))
            for id in manifest.planted[kind]! { #expect(found.contains(id), "\(kind) \(id) not found as \(code)") }
        }
        let overlapIds = Set(overlaps.flatMap { [$0.featureId, $0.otherId] }.compactMap { $0 })
        for id in manifest.planted["overlap_pushed"]! { #expect(overlapIds.contains(id), "overlap \(id)") }
    }

    /// Results do not depend on the number of workers.
    @Test func workersDoNotChangeTheFindings() throws {
        func messages(_ workers: Int) throws -> [String] {
            try run { options in
                options.source = SourceSpec(path: Self.fixture, layer: "zd")
                options.zone = SourceSpec(path: Self.fixture, layer: "kfqfw")
                options.workers = workers
            }.findings.map { "\($0.code) \($0.featureIndex ?? -1) \($0.otherIndex ?? -1) \($0.message.en)" }
        }
        #expect(try messages(1) == messages(2))
    }

    /// One feature per geometry check, written with hand-made WKB (GDAL stores it as given).
    @Test func geometryChecksByHand() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let x = 500_000.0, y = 3_500_000.0
        func ring(_ points: [(Double, Double)]) -> [XY] { points.map { XY(x + $0.0, y + $0.1) } }
        let cases: [(String, String, [XY])] = [
            ("ok", "0601", ring([(0, 0), (100, 0), (100, 100), (0, 100), (0, 0)])),
            ("repeat", "0601", ring([(200, 0), (300, 0), (300, 0), (300, 100), (200, 100), (200, 0)])),
            ("spike", "0601", ring([(400, 0), (500, 0), (500, 100), (450, 100), (450.0, 300), (449.9, 100), (400, 100), (400, 0)])),
            ("unclosed", "0601", ring([(600, 0), (700, 0), (700, 100), (600, 100)])),
            ("overlap", "0601", ring([(50, 50), (150, 50), (150, 150), (50, 150), (50, 50)])),
            ("copy", "0601", ring([(0, 0), (100, 0), (100, 100), (0, 100), (0, 0)])),
            ("", "9999", ring([(800, 0), (900, 0), (900, 100), (800, 100), (800, 0)])),
        ]
        let path = folder.appendingPathComponent("t.gpkg").path
        let dataset = try VectorDataset.create(path, driver: "GPKG")
        let layer = try dataset.createLayer(name: "t", crsWKT: "EPSG:4547", geometry: .polygon,
                                            fields: [FieldDefinition(name: "ZDBH", type: .string), FieldDefinition(name: "DLBM", type: .string),
                                                     FieldDefinition(name: "SBMJ", type: .real), FieldDefinition(name: "GYRQ", type: .string),
                                                     FieldDefinition(name: "SJKGRQ", type: .string)])
        for (index, (id, code, points)) in cases.enumerated() {
            // 15 亩 = 10 000 m² for the 100 m squares; the "overlap" square declares 1 (公顷) in an 亩 field.
            let declared: Double = id == "overlap" ? 1 : 15
            let dates: (FieldValue, FieldValue) = index == 0 ? (.string("2020-05-01"), .string("2019-01-01")) : (.string("2020/13/01"), .null)
            try layer.addFeature([.string(id), .string(code), .real(declared), dates.0, dates.1], wkb: ProposalTestZone.rawPolygonWKB(points))
        }
        try dataset.close()
        let report = try run { options in options.source = SourceSpec(path: path) }
        func codes(_ id: String) -> Set<String> {
            Set(report.findings.filter { $0.featureId == id || ($0.featureId == nil && id == "" && $0.featureIndex == 6) }.map(\.code))
        }
        #expect(codes("ok").isSuperset(of: ["A06", "T01", "T02"]))        // start before supply; overlaps "overlap"; equals "copy"
        #expect(codes("repeat").contains("G05"))
        #expect(codes("spike").contains("G06"))
        #expect(codes("unclosed").contains("G04") || codes("unclosed").contains("G01"))
        // What GEOS said on reading it, quoted within ZoneCalc's sentence in each language.
        let unclosed = try #require(report.findings.first { $0.featureId == "unclosed" && $0.code.hasPrefix("G0") })
        #expect(unclosed.message.zh.contains("（GEOS 读取 WKB 失败：") && !unclosed.message.zh.contains("reading WKB failed"), "\(unclosed.message)")
        #expect(unclosed.message.en.contains("(GEOS reading WKB failed: "), "\(unclosed.message)")
        #expect(codes("overlap").contains("A04"))
        #expect(report.findings.first { $0.code == "A04" && $0.featureId == "overlap" }!.message.en.contains("亩 and 公顷 mixed up"))
        #expect(codes("").isSuperset(of: ["A01", "A03"]))
        #expect(report.findings.contains { $0.code == "A05" && $0.message.en.contains("2020/13/01") })
        let overlap = report.findings.first { $0.code == "T01" }!
        #expect(abs(overlap.value! - 2500) < 1e-9)
    }

    /// T04 (enabled by a rule set): two parcels 0.2 m apart inside a zone leave a 0.2 m × 100 m gap of 20 m²
    /// (mean width 2A/P = 40 / 200.4 ≈ 0.1996 m < 1 m); the zone's second part, uncovered and 100 m wide, is
    /// no gap. (A gap opening onto wider uncovered land merges with it and is not found: Docs/qc.md.)
    @Test func gapsBetweenNeighboursWhenEnabled() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let context = GEOSContext()
        let x = 500_000.0, y = 3_500_000.0
        func rect(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double) -> [XY] {
            [XY(x + x1, y + y1), XY(x + x2, y + y1), XY(x + x2, y + y2), XY(x + x1, y + y2), XY(x + x1, y + y1)]
        }
        let path = folder.appendingPathComponent("g.gpkg").path
        let dataset = try VectorDataset.create(path, driver: "GPKG")
        let parcels = try dataset.createLayer(name: "zd", crsWKT: "EPSG:4547", geometry: .polygon, fields: [FieldDefinition(name: "ZDBH", type: .string)])
        try parcels.addFeature([.string("W")], wkb: try Geometry.polygon(shell: rect(0, 0, 100, 100), context: context).wkb())
        try parcels.addFeature([.string("E")], wkb: try Geometry.polygon(shell: rect(100.2, 0, 200.2, 100), context: context).wkb())
        let zone = try dataset.createLayer(name: "zone", crsWKT: "EPSG:4547", geometry: .polygon, fields: [FieldDefinition(name: "BSM", type: .string)])
        let parts = [try Geometry.polygon(shell: rect(0, 0, 200.2, 100), context: context), try Geometry.polygon(shell: rect(300, 0, 400, 100), context: context)]
        try zone.addFeature([.string("Z")], wkb: try Geometry.collection(.multiPolygon, of: parts, context: context).wkb())
        try dataset.close()
        let rules = try String(contentsOf: try RuleFiles().url("qc-rules.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "T04: { enabled: false", with: "T04: { enabled: true")
        let rulesPath = folder.appendingPathComponent("rules.yaml").path
        try Data(rules.utf8).write(to: URL(fileURLWithPath: rulesPath))
        let report = try run { options in
            options.source = SourceSpec(path: path, layer: "zd")
            options.zone = SourceSpec(path: path, layer: "zone")
            options.rulesPath = rulesPath
        }
        let gaps = findings(report, "T04")
        #expect(gaps.count == 1)
        #expect(abs(gaps[0].value! - 20) < 1e-6)
        let bundled = try run { options in
            options.source = SourceSpec(path: path, layer: "zd")
            options.zone = SourceSpec(path: path, layer: "zone")
        }
        #expect(findings(bundled, "T04").isEmpty)
    }

    /// Review cases: a rule file naming one tolerance keeps every other check; a diamond inscribed in a
    /// square (equal bounding boxes) is T03; a parcel only touching the zone is Z02; lon/lat is refused.
    @Test func partialRuleFilesContainmentTouchingAndLonLat() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let partial = folder.appendingPathComponent("partial.yaml").path
        try Data("tolerances: { overlap_area_m2: 5 }\n".utf8).write(to: URL(fileURLWithPath: partial))
        let report = try run { options in
            options.source = SourceSpec(path: Self.fixture, layer: "zd")
            options.rulesPath = partial
        }
        #expect(findings(report, "G01").count == 1 && findings(report, "A04").count == 5)
        #expect(findings(report, "T01").allSatisfy { $0.value! > 5 })
        let context = GEOSContext()
        let x = 500_000.0, y = 3_500_000.0
        func poly(_ points: [(Double, Double)]) throws -> [UInt8] {
            try Geometry.polygon(shell: points.map { XY(x + $0.0, y + $0.1) }, context: context).wkb()
        }
        let path = folder.appendingPathComponent("c.gpkg").path
        let dataset = try VectorDataset.create(path, driver: "GPKG")
        let layer = try dataset.createLayer(name: "zd", crsWKT: "EPSG:4547", geometry: .polygon, fields: [FieldDefinition(name: "ZDBH", type: .string)])
        try layer.addFeature([.string("square")], wkb: try poly([(0, 0), (100, 0), (100, 100), (0, 100), (0, 0)]))
        try layer.addFeature([.string("diamond")], wkb: try poly([(50, 0), (100, 50), (50, 100), (0, 50), (50, 0)]))
        try layer.addFeature([.string("outside")], wkb: try poly([(200, 0), (300, 0), (300, 100), (200, 100), (200, 0)]))
        let zone = try dataset.createLayer(name: "zone", crsWKT: "EPSG:4547", geometry: .polygon, fields: [FieldDefinition(name: "BSM", type: .string)])
        try zone.addFeature([.string("Z")], wkb: try poly([(0, 0), (200, 0), (200, 100), (0, 100), (0, 0)]))
        try dataset.close()
        let shapes = try run { options in
            options.source = SourceSpec(path: path, layer: "zd")
            options.zone = SourceSpec(path: path, layer: "zone")
        }
        #expect(findings(shapes, "T03").count == 1)
        #expect(findings(shapes, "Z02").map(\.featureId) == ["outside"] && findings(shapes, "Z01").isEmpty)
        let lonlat = folder.appendingPathComponent("ll.gpkg").path
        let geographic = try VectorDataset.create(lonlat, driver: "GPKG")
        let ll = try geographic.createLayer(name: "zd", crsWKT: "EPSG:4490", geometry: .polygon, fields: [FieldDefinition(name: "ZDBH", type: .string)])
        try ll.addFeature([.string("P")], wkb: try Geometry.polygon(shell: [XY(114, 30), XY(114.001, 30), XY(114.001, 30.001), XY(114, 30.001), XY(114, 30)],
                                                                   context: context).wkb())
        try geographic.close()
        #expect(throws: ZoneCalcError.self) { _ = try run { options in options.source = SourceSpec(path: lonlat) } }
    }

    /// A collinear (zero-area) polygon inside the zone once stopped the whole check ("getX called on empty
    /// Point", exit 2): it is a finding of its own, and the parcels after it are still checked.
    @Test func aCollapsedPolygonDoesNotStopTheCheck() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let context = GEOSContext()
        let x = 500_000.0, y = 3_500_000.0
        func poly(_ points: [(Double, Double)]) throws -> [UInt8] {
            try Geometry.polygon(shell: points.map { XY(x + $0.0, y + $0.1) }, context: context).wkb()
        }
        let path = folder.appendingPathComponent("flat.gpkg").path
        let dataset = try VectorDataset.create(path, driver: "GPKG")
        let layer = try dataset.createLayer(name: "zd", crsWKT: "EPSG:4547", geometry: .polygon, fields: [FieldDefinition(name: "ZDBH", type: .string)])
        try layer.addFeature([.string("flat")], wkb: try poly([(250, 10), (270, 10), (290, 10), (250, 10)]))  // outside the zone
        try layer.addFeature([.string("after")], wkb: try poly([(300, 0), (400, 0), (400, 100), (300, 100), (300, 0)]))
        let zone = try dataset.createLayer(name: "zone", crsWKT: "EPSG:4547", geometry: .polygon, fields: [FieldDefinition(name: "BSM", type: .string)])
        try zone.addFeature([.string("Z")], wkb: try poly([(0, 0), (200, 0), (200, 100), (0, 100), (0, 0)]))
        try dataset.close()
        let report = try run { options in
            options.source = SourceSpec(path: path, layer: "zd")
            options.zone = SourceSpec(path: path, layer: "zone")
        }
        #expect(findings(report, "G01").map(\.featureId) == ["flat"])
        #expect(findings(report, "Z02").map(\.featureId).contains("after"))
    }

    /// A random layer of squares, jittered quadrilaterals, L shapes, copies and parcels inside others:
    /// the pair findings equal a brute-force GEOS check of every pair (overlaps above the tolerance,
    /// equal geometries, one inside the other), so no pair the convex pieces skip is missed.
    @Test func pairFindingsEqualBruteForceGEOS() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let context = GEOSContext()
        var random = SplitMix(seed: 6)
        let x0 = 500_000.0, y0 = 4_150_000.0
        var shapes: [Geometry] = []
        for row in 0..<8 {
            for column in 0..<8 {
                let x = x0 + Double(column) * 20, y = y0 + Double(row) * 20
                func jitter() -> Double { random.unit() < 0.5 ? 0 : (random.unit() - 0.5) * 3 }
                var ring: [XY]
                switch random.next() % 4 {
                case 0: ring = TestData.square(x, y, 20)
                case 1: ring = [XY(x + jitter(), y + jitter()), XY(x + 20 + jitter(), y + jitter()), XY(x + 20 + jitter(), y + 20 + jitter()), XY(x + jitter(), y + 20 + jitter())]
                case 2: ring = [XY(x, y), XY(x + 20, y), XY(x + 20, y + 8), XY(x + 8 + jitter(), y + 8), XY(x + 8, y + 20), XY(x, y + 20)]
                default: ring = [XY(x, y), XY(x + 7, y), XY(x + 20, y), XY(x + 20, y + 20), XY(x + 9, y + 20 + jitter()), XY(x, y + 20)]
                }
                if ring.first != ring.last { ring.append(ring[0]) }
                let polygon = try Geometry.polygon(shell: ring, context: context)
                guard try polygon.validityProblem() == nil else { continue }
                shapes.append(polygon)
                if random.unit() < 0.1 { shapes.append(try Geometry.polygon(shell: ring, context: context)) }  // a copy
                if random.unit() < 0.1 { shapes.append(try Geometry.polygon(shell: TestData.square(x + 5, y + 5, 3), context: context)) }  // inside
            }
        }
        let path = folder.appendingPathComponent("pairs.gpkg").path
        try TestData.writeLayer(path, crs: "EPSG:4547", features: try shapes.enumerated().map { ("P\($0.offset)", nil, try $0.element.wkb()) })
        let report = try run { options in options.source = SourceSpec(path: path, layer: "t") }
        var expected: [String] = []
        for i in shapes.indices {
            for j in shapes.indices where j > i {
                let a = shapes[i], b = shapes[j]
                if try a.overlaps(b), try a.intersection(b).area() > 1 {
                    expected.append("T01 \(i) \(j)")
                } else if try a.equals(b) {
                    expected.append("T02 \(i) \(j)")
                } else if try a.contains(b) || b.contains(a) {
                    expected.append("T03 \(i) \(j)")
                }
            }
        }
        let got = report.findings.filter { $0.code.hasPrefix("T") }.map { "\($0.code) \($0.featureIndex!) \($0.otherIndex!)" }
        #expect(got.sorted() == expected.sorted())
        #expect(expected.count > 20 && Set(expected.map { $0.prefix(3) }) == ["T01", "T02", "T03"])
    }
}
