import Foundation
import Testing
@testable import ZoneCalc

@Suite struct OverlayJobTests {
    static let x = 389_000.0, y = 4_185_000.0

    /// Zone: a 100 m square with a 20 m hole at (40, 40), plus a detached 10 m square part at (200, 0).
    /// A: a 10 m square inside (0601, 100 m²); a 10 m square half over the east edge (0101, 50 m² inside);
    /// the hole exactly (outside); a square far away (outside); a 1 m × 30 m strip over the east edge with
    /// 0.04 m inside (a 1.2 m² sliver, mean width ≈ 0.04 m); the detached part exactly (0102, 100 m²).
    static func makeLayers(in folder: URL) throws -> (a: String, b: String) {
        let context = GEOSContext()
        func square(_ dx: Double, _ dy: Double, _ side: Double) -> [XY] { TestData.square(x + dx, y + dy, side) }
        let zone = try Geometry.collection(.multiPolygon, of: [
            try Geometry.polygon(shell: square(0, 0, 100), holes: [square(40, 40, 20).reversed()], context: context),
            try Geometry.polygon(shell: square(200, 0, 10), context: context),
        ], context: context)
        let b = folder.appendingPathComponent("zone.gpkg").path
        try TestData.writeLayer(b, crs: "EPSG:4547", features: [("Z", nil, try zone.wkb())])
        let strip = [XY(x + 99.96, y + 10), XY(x + 100.96, y + 10), XY(x + 100.96, y + 40), XY(x + 99.96, y + 40), XY(x + 99.96, y + 10)]
        let features: [(String, [XY])] = [("in", square(10, 10, 10)), ("half", square(95, 70, 10)), ("hole", square(40, 40, 20)),
                                          ("far", square(500, 500, 10)), ("strip", strip), ("part", square(200, 0, 10))]
        let a = folder.appendingPathComponent("a.gpkg").path
        let dataset = try VectorDataset.create(a, driver: "GPKG")
        let layer = try dataset.createLayer(name: "a", crsWKT: "EPSG:4547", geometry: .polygon,
                                            fields: [FieldDefinition(name: "ZDBH", type: .string), FieldDefinition(name: "DLBM", type: .string),
                                                     FieldDefinition(name: "TZ", type: .real)])
        let classes = ["in": "0601", "half": "0101", "hole": "0601", "far": "0601", "strip": "0601", "part": "0102"]
        for (id, ring) in features {
            try layer.addFeature([.string(id), .string(classes[id]!), .real(1000)], wkb: try Geometry.polygon(shell: ring, context: context).wkb())
        }
        try dataset.close()
        return (a, b)
    }

    func run(_ folder: URL, _ configure: (inout OverlayOptions) -> Void = { _ in }) throws -> OverlayReport {
        let (a, b) = try Self.makeLayers(in: folder)
        var options = OverlayOptions()
        options.methods = [.planar]
        options.byField = "DLBM"
        options.apportion = ["TZ"]
        configure(&options)
        return try OverlayJob.run(a: try LayerReaders.open(SourceSpec(path: a)), b: try LayerReaders.open(SourceSpec(path: b)), options: options)
    }

    @Test func piecesSharesAndClassesByHand() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try run(folder)
        #expect(report.pieces.map(\.aLabel) == ["in", "half", "part"])
        #expect(report.pieces.map { $0.area.planar! } == [100, 50, 100])
        #expect(report.pieces.map(\.shareOfA) == [1, 0.5, 1])
        #expect(report.pieces.map(\.whole) == [true, false, true])
        // Zone area: 100² − 20² + 10² = 9 700 m²; the inside square is 100/9700 of it.
        #expect(report.zones.first?.area.planar == 9_700)
        #expect(abs(report.pieces[0].shareOfB - 100.0 / 9_700) < 1e-15)
        // TZ 1000 apportioned by the share inside.
        #expect(report.pieces.map { $0.apportioned[0]! } == [1000, 500, 1000])
        #expect(report.classes.map(\.apportioned) == [[500], [1000], [1000]])
        #expect(report.total.planar == 250)
        #expect(report.classes.map(\.key) == ["0101", "0102", "0601"])
        #expect(report.classes.map { $0.area.planar! } == [50, 100, 100])
        // Roll-up: 农用地 = 0101 + 0102 = 150, 建设用地 = 0601 = 100; 耕地 = 150.
        #expect(report.categories.map(\.category) == ["农用地", "建设用地", "未利用地"])
        #expect(report.categories.map { $0.area.planar ?? 0 } == [150, 100, 0])
        #expect(report.cultivated?.planar == 150)
        #expect(report.crossing.map(\.aLabel) == ["half"])
        #expect(report.outsideCount == 3)  // the hole, the far square, and the strip, which touches only in a sliver
        #expect(report.slivers.map(\.aLabel) == ["strip"])
        #expect(abs(report.slivers[0].area - 1.2) < 1e-6)
    }

    /// Two parcels overlapping by a 5 m × 10 m strip inside the zone: the strip is counted once, for the
    /// parcel that comes first; the pair is reported.
    @Test func overlappingFeaturesAreNotCountedTwice() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let context = GEOSContext()
        let b = folder.appendingPathComponent("zone.gpkg").path
        try TestData.writeLayer(b, crs: "EPSG:4547", features: [("Z", nil, try Geometry.polygon(shell: TestData.square(Self.x, Self.y, 100), context: context).wkb())])
        let a = folder.appendingPathComponent("a.gpkg").path
        try TestData.writeLayer(a, crs: "EPSG:4547", features: [
            ("P1", nil, try Geometry.polygon(shell: TestData.square(Self.x + 10, Self.y + 10, 10), context: context).wkb()),
            ("P2", nil, try Geometry.polygon(shell: TestData.square(Self.x + 15, Self.y + 10, 10), context: context).wkb()),
        ])
        var options = OverlayOptions()
        options.methods = [.planar]
        options.byField = "DLBM"   // P1 0601, P2 0701 (TestData alternates)
        let report = try OverlayJob.run(a: try LayerReaders.open(SourceSpec(path: a)), b: try LayerReaders.open(SourceSpec(path: b)), options: options)
        #expect(report.grossTotal.planar == 200)
        #expect(report.total.planar == 150)
        #expect(report.overlaps.count == 1)
        #expect(report.overlaps.first?.area == 50)
        #expect(report.classes.map { $0.area.planar! } == [100, 50])
        options.accountOverlaps = false
        let plain = try OverlayJob.run(a: try LayerReaders.open(SourceSpec(path: a)), b: try LayerReaders.open(SourceSpec(path: b)), options: options)
        #expect(plain.total.planar == 200)
        #expect(plain.overlaps.isEmpty)
    }

    /// A random layer of touching and overlapping parcels (squares, jittered quadrilaterals, L shapes,
    /// copies, parcels inside others) in one zone: the overlapping pairs equal a brute-force GEOS check of
    /// every pair, and the net total is the area of the parcels' union (plus at most the overlaps below
    /// the tolerance) — so no pair the convex pieces skip is missed.
    @Test func overlapAccountingEqualsBruteForceGEOS() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let context = GEOSContext()
        var random = SplitMix(seed: 3)
        var shapes: [Geometry] = []
        for row in 0..<6 {
            for column in 0..<6 {
                let x = Self.x + 10 + Double(column) * 20, y = Self.y + 10 + Double(row) * 20
                func jitter() -> Double { random.unit() < 0.5 ? 0 : (random.unit() - 0.5) * 3 }
                var ring: [XY]
                switch random.next() % 3 {
                case 0: ring = TestData.square(x, y, 20)
                case 1: ring = [XY(x + jitter(), y + jitter()), XY(x + 20 + jitter(), y + jitter()), XY(x + 20 + jitter(), y + 20 + jitter()), XY(x + jitter(), y + 20 + jitter())]
                default: ring = [XY(x, y), XY(x + 20, y), XY(x + 20, y + 8), XY(x + 8 + jitter(), y + 8), XY(x + 8, y + 20), XY(x, y + 20)]
                }
                if ring.first != ring.last { ring.append(ring[0]) }
                let polygon = try Geometry.polygon(shell: ring, context: context)
                guard try polygon.validityProblem() == nil else { continue }
                shapes.append(polygon)
                if random.unit() < 0.1 { shapes.append(try Geometry.polygon(shell: ring, context: context)) }  // a copy
                if random.unit() < 0.1 { shapes.append(try Geometry.polygon(shell: TestData.square(x + 5, y + 5, 3), context: context)) }
            }
        }
        let a = folder.appendingPathComponent("a.gpkg").path, b = folder.appendingPathComponent("zone.gpkg").path
        try TestData.writeLayer(a, crs: "EPSG:4547", features: try shapes.enumerated().map { ("P\($0.offset)", nil, try $0.element.wkb()) })
        try TestData.writeLayer(b, crs: "EPSG:4547", features: [("Z", nil, try Geometry.polygon(shell: TestData.square(Self.x, Self.y, 200), context: context).wkb())])
        var options = OverlayOptions()
        options.methods = [.planar]
        let report = try OverlayJob.run(a: try LayerReaders.open(SourceSpec(path: a)), b: try LayerReaders.open(SourceSpec(path: b)), options: options)
        var expected: [String] = [], noise = 0.0
        for i in shapes.indices {
            for j in shapes.indices where j > i {
                let shared = try shapes[i].intersection(shapes[j]).area()
                if shared > OverlapAccounting.tolerance { expected.append("\(i) \(j)") } else { noise += shared }
            }
        }
        #expect(report.overlaps.map { "\($0.first.index) \($0.second.index)" }.sorted() == expected.sorted())
        #expect(expected.count > 10)
        // Net total: the union's area, plus at most the overlaps up to the tolerance (they count as touching edges).
        let union = try Geometry.collection(.collection, of: shapes, context: context).unaryUnion().area()
        #expect(report.total.planar! > union - 1e-6 && report.total.planar! < union + noise + 1e-6)
        #expect(report.grossTotal.planar! > union + 50)  // the overlaps, counted twice in the gross total
    }

    /// A sliver 200 m long and 10 µm wide between two parcels: 0.001 m² in the plane. One ellipsoidal
    /// trapezoid per edge measured it at about 0.06 m² (edge curvature, not area); the converged strips
    /// measure it as the plane does, so neither method reports it against the 0.01 m² tolerance, and a
    /// sliver 1 mm wide (0.1 m²) is reported by both.
    @Test(arguments: [(1e-5, false), (1e-3, true)])
    func sliverOverlapsAreMeasuredAlikeByBothMethods(depth: Double, reported: Bool) throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let context = GEOSContext()
        let x = Self.x, y = Self.y
        let a = folder.appendingPathComponent("a.gpkg").path, b = folder.appendingPathComponent("zone.gpkg").path
        try TestData.writeLayer(a, crs: "EPSG:4547", features: [
            ("A1", nil, try Geometry.polygon(shell: [XY(x, y), XY(x + 200, y), XY(x + 200, y + 100), XY(x, y + 100), XY(x, y)], context: context).wkb()),
            ("A2", nil, try Geometry.polygon(shell: [XY(x, y + 100), XY(x + 100, y + 100 - depth), XY(x + 200, y + 100), XY(x + 200, y + 200),
                                                     XY(x, y + 200), XY(x, y + 100)], context: context).wkb()),
        ])
        try TestData.writeLayer(b, crs: "EPSG:4547", features: [("Z", nil, try Geometry.polygon(shell: TestData.square(x - 10, y - 10, 300), context: context).wkb())])
        func overlaps(_ method: AreaMethod) throws -> [Double] {
            var options = OverlayOptions()
            options.methods = [method]
            return try OverlayJob.run(a: try LayerReaders.open(SourceSpec(path: a)), b: try LayerReaders.open(SourceSpec(path: b)), options: options)
                .overlaps.map(\.area)
        }
        for method in [AreaMethod.ellipsoidal, .planar] {
            let found = try overlaps(method)
            #expect(found.isEmpty == !reported, "\(method)")
            if reported { #expect(abs(found[0] - 100 * depth) < 1e-3 * 100 * depth, "\(method): \(found)") }
        }
    }

    @Test func perPartSplitsTheZone() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try run(folder) { $0.perPart = true }
        #expect(report.zones.map(\.label) == ["Z part 1", "Z part 2"])
        #expect(report.zones.map { $0.area.planar! } == [9_600, 100])
        #expect(report.pieces.map(\.bLabel) == ["Z part 1", "Z part 1", "Z part 2"])
        #expect(report.pieces[2].shareOfB == 1)
    }

    /// Independent reference: geopandas 1.2.0 / shapely 2.2.0, run once on the sample zone:
    /// `d = gpd.read_file("GeoData/demo/zone.gpkg", layer="dltb")`, `zone = kfqfw.geometry.union_all()`,
    /// `d.geometry.intersection(zone).area` summed by DLBM. Total 6129761.786155038 m² (the land-use layer
    /// is a partition, so this is also the zone's area).
    @Test func sampleLandUseByClassAgreesWithGeopandas() throws {
        let reference: [String: Double] = [
            "0101": 676124.9578787506, "0103": 236317.01159329806, "0201": 4858.308857219734, "0301": 5116.5977535313,
            "0404": 235348.84037137908, "0508": 566857.511701351, "05H1": 251357.36363254, "0601": 1585067.1797584507,
            "0701": 179670.39373551036, "0702": 37150.80881215961, "0809": 152138.78931610292, "0810": 188277.4310909295,
            "08H2": 142168.3213183852, "1004": 1110098.4992612794, "1101": 46817.82935431393, "1104": 4147.89997516317,
            "1201": 708244.0417446739,
        ]
        var options = OverlayOptions()
        options.methods = [.planar]
        options.byField = "DLBM"
        options.sliverArea = 0
        options.sliverWidth = 0
        let report = try OverlayJob.run(a: try LayerReaders.open(SourceSpec(path: TestData.sample("zone.gpkg"), layer: "dltb")),
                                        b: try LayerReaders.open(SourceSpec(path: TestData.sample("zone.gpkg"), layer: "kfqfw")),
                                        options: options)
        for item in report.classes where (item.area.planar ?? 0) > 1e-6 {
            let expected = try #require(reference[item.key])
            #expect(abs(item.area.planar! - expected) / expected < 1e-9, "\(item.key)")
        }
        #expect(abs(report.total.planar! - 6129761.786155038) / 6129761.786155038 < 1e-9)
    }

    @Test func resultsDoNotDependOnTheWorkerCount() throws {
        var options = OverlayOptions()
        options.byField = "DLBM"
        options.workers = 1
        let a = try LayerReaders.open(SourceSpec(path: TestData.sample("zone.gpkg"), layer: "dltb"))
        let b = try LayerReaders.open(SourceSpec(path: TestData.sample("zone.gpkg"), layer: "kfqfw"))
        let one = try OverlayJob.run(a: a, b: b, options: options)
        options.workers = 2
        let two = try OverlayJob.run(a: a, b: b, options: options)
        #expect(one.pieces.map(\.area) == two.pieces.map(\.area))
        #expect(one.total == two.total)
        #expect(OverlayReportText().render(one) == OverlayReportText().render(two))
    }

    /// Several B layers in one reading of A give the same reports as one run per layer.
    @Test func severalLayersAtOnceEqualOneRunEach() throws {
        var options = OverlayOptions()
        options.byField = "DLBM"
        let a = try LayerReaders.open(SourceSpec(path: TestData.sample("zone.gpkg"), layer: "dltb"))
        let layers = try ["kfqfw", "czkfbj", "kqfw"].map { try LayerReaders.open(SourceSpec(path: TestData.sample("zone.gpkg"), layer: $0)) }
        let together = try OverlayJob.run(a: a, layers: layers, options: options)
        for (k, layer) in layers.enumerated() {
            let alone = try OverlayJob.run(a: a, b: layer, options: options)
            #expect(OverlayReportText().render(together[k]) == OverlayReportText().render(alone))
        }
        #expect(together[1].total.planar! > together[0].total.planar!)  // the urban boundary covers the zone with a margin
    }

    /// A overlapping B and also touching it along edges elsewhere: GEOS returns a collection of a
    /// polygon and lines; only the polygon is the piece (area, width and written geometry).
    @Test func anIntersectionWithSharedEdgesKeepsOnlyItsPolygon() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let context = GEOSContext()
        let x = Self.x, y = Self.y
        let u = [XY(x - 10, y - 5), XY(x + 20, y - 5), XY(x + 20, y + 10), XY(x + 5, y + 10), XY(x + 5, y), XY(x, y), XY(x, y + 10),
                 XY(x - 10, y + 10), XY(x - 10, y - 5)]
        let b = folder.appendingPathComponent("u.gpkg").path, a = folder.appendingPathComponent("a.gpkg").path
        try TestData.writeLayer(b, crs: "EPSG:4547", features: [("U", nil, try Geometry.polygon(shell: u, context: context).wkb())])
        try TestData.writeLayer(a, crs: "EPSG:4547", features: [("S", nil, try Geometry.polygon(shell: TestData.square(x, y, 10), context: context).wkb())])
        var options = OverlayOptions()
        options.methods = [.planar]
        options.keepGeometry = true
        let report = try OverlayJob.run(a: try LayerReaders.open(SourceSpec(path: a)), b: try LayerReaders.open(SourceSpec(path: b)), options: options)
        #expect(report.pieces.count == 1)
        #expect(report.pieces.first?.area.planar == 50)
        let piece = try Geometry.fromWKB(try #require(report.pieces.first?.wkb), context: context)
        #expect(piece.kind.isAreal)
        #expect(try piece.length() == 30)
    }

    /// Lon/lat data: planar areas are taken in the Gauss–Krüger 3° zone of the data (CM 120°E here, the
    /// sample's own zone), so they equal the projected run's to the reprojection's round-off.
    @Test func lonLatDataGetPlanarAreasInTheirGaussKrugerZone() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let context = GEOSContext()
        let sample = try LayerReaders.open(SourceSpec(path: TestData.sample("zone.gpkg"), layer: "kfqfw"))
        var zoneWKB: [UInt8] = []
        try sample.read(fieldIndices: [], swapXY: false) { zoneWKB = $0.wkb! }
        let reprojector = try GeometryReprojector(from: "EPSG:4528", to: "EPSG:4490")
        let b = folder.appendingPathComponent("zone4490.gpkg").path, a = folder.appendingPathComponent("a4490.gpkg").path
        try TestData.writeLayer(b, crs: "EPSG:4490", features: [("Z", nil, try reprojector.reproject(zoneWKB))])
        let square = try Geometry.polygon(shell: TestData.square(40_495_000, 3_514_000, 100), context: context).wkb()
        try TestData.writeLayer(a, crs: "EPSG:4490", features: [("S", nil, try reprojector.reproject(square))])
        var options = OverlayOptions()
        options.methods = [.planar, .ellipsoidal]
        let report = try OverlayJob.run(a: try LayerReaders.open(SourceSpec(path: a)), b: try LayerReaders.open(SourceSpec(path: b)), options: options)
        #expect(abs(try #require(report.total.planar) - 10_000) < 1e-3)
        #expect(abs(try #require(report.zones.first?.area.planar) - 6129761.786157113) / 6129761.786157113 < 1e-9)
        #expect(!report.sliverWidthApplied)
    }

    /// A feature that fails with one B layer is undone in that layer's batch only.
    @Test func aBatchRollsBackWhatOneFeatureAdded() {
        var batch = OverlayBatch()
        batch.tallies.append(PieceTally(aClass: "0601", area: MeasuredArea(planar: 10)))
        batch.outside = 2
        let mark = batch.mark
        batch.tallies.append(PieceTally(aClass: "0701", area: MeasuredArea(planar: 5)))
        batch.slivers.append(OverlaySliver(aIndex: 3, aLabel: nil, bLabel: "Z", area: 0.5, width: 0.01))
        batch.crossing.append((3, nil, 0.4))
        batch.outside = 3
        batch.rollBack(to: mark)
        #expect(batch.tallies.map(\.aClass) == ["0601"])
        #expect(batch.slivers.isEmpty && batch.crossing.isEmpty)
        #expect(batch.outside == 2)
    }

    @Test func layerRolesAreGuessedByTheLongestHint() {
        #expect(LayerRole.guess("kqfw") == .expansion)
        #expect(LayerRole.guess("tqfw.txt") == .adjustment)
        #expect(LayerRole.guess("kfqfw") == .boundary)
        #expect(LayerRole.guess("扩区范围") == .expansion)
        #expect(LayerRole.guess("jzw") == .buildings)
        #expect(LayerRole.guess("roads") == nil)
    }

    @Test func landClassTableRollsSuffixedCodesUp() throws {
        let table = try LandClassTable.bundled()
        #expect(table.lookup("0201K")?.code == "0201")
        #expect(table.lookup("08H2A")?.category == .construction)
        #expect(table.lookup("1104A")?.category == .agricultural)
        #expect(table.lookup("0404")?.category == .unused)
        #expect(table.lookup("9999") == nil)
        // GB/T 21010 codes that 三调 merges (TD/T 1055-2019 notes).
        #expect(table.lookup("0502")?.code == "05H1")
        #expect(table.lookup("0805")?.code == "08H2")
        #expect(table.lookup("0802")?.category == .construction)
        // Named in reports as every rule file inside ZoneCalc is.
        #expect(table.source == "Rules/sandiao-land-classes.csv")
    }
}
