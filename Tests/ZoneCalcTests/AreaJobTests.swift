import Foundation
import Testing
@testable import ZoneCalc

/// Hand-built layers in EPSG:4547 (CGCS2000, CM 114°E) with areas known by hand.
@Suite struct AreaJobTests {
    static let x0 = 389_000.0, y0 = 4_185_000.0

    /// Builds the test layer: 0 a 100 m square (10 000 m²); 1 a 100 m square with a 20 m hole (9 600 m²);
    /// 2 two 50 m squares as one MultiPolygon (5 000 m²); 3 a bow-tie over a 10 m square (
    /// make-valid: each triangle has base 10 m and height 5 m, 2 × 25 = 50 m²); 4 a point; 5 no geometry; 6 a polygon with a NaN coordinate.
    static func makeLayer(in folder: URL) throws -> String {
        let context = GEOSContext()
        let x = x0, y = y0
        let square = try Geometry.polygon(shell: TestData.square(x, y, 100), context: context)
        let holed = try Geometry.polygon(shell: TestData.square(x + 200, y, 100), holes: [TestData.square(x + 240, y + 40, 20).reversed()], context: context)
        let parts = try Geometry.collection(.multiPolygon, of: [try Geometry.polygon(shell: TestData.square(x + 400, y, 50), context: context),
                                                                 try Geometry.polygon(shell: TestData.square(x + 500, y, 50), context: context)], context: context)
        let bowTie = try Geometry.polygon(shell: [XY(x + 600, y), XY(x + 610, y + 10), XY(x + 610, y), XY(x + 600, y + 10), XY(x + 600, y)], context: context)
        let nanRing = [XY(x + 800, y), XY(.nan, y), XY(x + 810, y + 10), XY(x + 800, y)]
        let nan = try Geometry.polygon(shell: nanRing, context: context)
        // A point as ISO WKB (type 1).
        var point: [UInt8] = [1, 1, 0, 0, 0]
        withUnsafeBytes(of: x.bitPattern.littleEndian) { point += $0 }
        withUnsafeBytes(of: y.bitPattern.littleEndian) { point += $0 }
        let path = folder.appendingPathComponent("t.gpkg").path
        try TestData.writeLayer(path, crs: "EPSG:4547", features: [
            ("A", 15, try square.wkb()), ("B", 14.4, try holed.wkb()), ("C", 7.5 * 1.2, try parts.wkb()),
            ("D", nil, try bowTie.wkb()), ("E", nil, point), ("F", nil, nil), ("G", nil, try nan.wkb()),
        ])
        return path
    }

    @Test func planarAreasHolesPartsRepairsAndSkips() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let reader = try LayerReaders.open(SourceSpec(path: try Self.makeLayer(in: folder)))
        var options = AreaOptions()
        options.methods = [.planar]
        options.declaredField = "SBMJ"
        options.declaredUnit = .mu
        options.byField = "DLBM"
        let report = try AreaJob.run(reader, options: options)
        #expect(report.features.map(\.label) == ["A", "B", "C", "D"])
        #expect(report.features.map { $0.area.planar! } == [10_000, 9_600, 5_000, 50])
        #expect(report.total.planar == 24_650)
        #expect(report.repairedCount == 1)
        #expect(report.features[3].repairedProblem?.reason == "Self-intersection")
        #expect(report.skipped.map(\.label) == ["E", "F", "G"])
        #expect(report.skipped[0].reason.en.contains("Point"))
        #expect(report.skipped[1].reason.en.contains("no geometry"))
        #expect(report.skipped[2].reason.en.contains("NaN"))
        #expect(report.skipped.map(\.reason.zh) == ["是 Point，不是面：只有面才有面积", "没有几何", "有 NaN 或无穷大坐标，请修正坐标"])
        // Declared 亩: A 15 亩 = 10 000 m² exactly; B 14.4 亩 = 9 600 m²; C 9 亩 = 6 000 m² (+20 %).
        #expect(report.declared?.mismatches == [2])
        #expect(report.declared?.missing == 1)
        #expect(report.groups.map(\.key) == ["0601", "0701"])
        #expect(report.groups.map { $0.area.planar! } == [10_000 + 5_000, 9_600 + 50])
    }

    /// A totals-only run keeps rows only for noted features, with the same totals and notes.
    @Test func totalsOnlyRunKeepsTheNotedRowsAndTheSameTotals() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let reader = try LayerReaders.open(SourceSpec(path: try Self.makeLayer(in: folder)))
        var options = AreaOptions()
        options.methods = [.planar, .ellipsoidal]
        options.declaredField = "SBMJ"
        options.declaredUnit = .mu
        options.byField = "DLBM"
        let full = try AreaJob.run(reader, options: options)
        options.keepAllRows = false
        let totals = try AreaJob.run(reader, options: options)
        #expect(totals.total == full.total)
        #expect(totals.measuredCount == 4)
        #expect(totals.groups.map(\.area) == full.groups.map(\.area))
        #expect(totals.features.map(\.label) == ["C", "D"])  // C: declared +20 %, D: repaired bow-tie
        #expect(totals.declared?.mismatches.map { totals.features[$0].label } == ["C"])
        #expect(totals.repairedCount == 1)
        #expect(totals.skipped.map(\.label) == full.skipped.map(\.label))
    }

    @Test func skipInvalidLeavesTheBowTieOut() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let reader = try LayerReaders.open(SourceSpec(path: try Self.makeLayer(in: folder)))
        var options = AreaOptions()
        options.methods = [.planar]
        options.skipInvalid = true
        let report = try AreaJob.run(reader, options: options)
        #expect(report.total.planar == 24_600)
        #expect(report.skipped.contains { $0.label == "D" && $0.reason.en.contains("Self-intersection") })
        #expect(report.skipped.contains { $0.label == "D" && $0.reason.zh.hasPrefix("几何无效（自相交，位置 (") && $0.reason.zh.hasSuffix("按 --skip-invalid 未计入") })
    }

    /// 5 000 rotated, irregular quadrilaterals of 40–90 m (EPSG:4547), enough that two workers really run:
    /// two FID ranges of a GeoPackage, or five chunks of 1 024 features from a GeoJSON file.
    static func manyParcels(in folder: URL, driver: String, name: String) throws -> String {
        let context = GEOSContext()
        let path = folder.appendingPathComponent(name).path
        let dataset = try VectorDataset.create(path, driver: driver)
        let layer = try dataset.createLayer(name: "p", crsWKT: "EPSG:4547", geometry: .polygon, fields: [FieldDefinition(name: "ZDBH", type: .string)])
        for k in 0..<5_000 {
            let cx = x0 + Double(k % 70) * 120, cy = y0 + Double(k / 70) * 120, angle = Double(k) * 0.37
            let w = 40 + Double(k % 11) * 5, h = 45 + Double(k % 7) * 6, skew = Double(k % 5) * 3
            let corners = [(-w / 2, -h / 2), (w / 2 + skew, -h / 2), (w / 2, h / 2), (-w / 2 - skew, h / 2)].map { u, v in
                XY(cx + u * cos(angle) - v * sin(angle), cy + u * sin(angle) + v * cos(angle))
            }
            try layer.addFeature([.string("P\(k)")], wkb: try Geometry.polygon(shell: corners + [corners[0]], context: context).wkb())
        }
        try dataset.close()
        return path
    }

    /// The same run with 1 and 2 workers gives identical results, feature by feature and in total, on both
    /// ways of sharing the work (partitioned GeoPackage, pipelined GeoJSON).
    @Test(arguments: [("GPKG", "many.gpkg"), ("GeoJSON", "many.geojson")])
    func resultsDoNotDependOnTheWorkerCount(driver: String, name: String) throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let reader = try LayerReaders.open(SourceSpec(path: try Self.manyParcels(in: folder, driver: driver, name: name)))
        if driver == "GPKG" { #expect(try reader.partitions(2)?.count == 2) }
        var options = AreaOptions()
        options.methods = AreaMethod.allCases
        options.workers = 1
        let one = try AreaJob.run(reader, options: options)
        options.workers = 2
        let two = try AreaJob.run(reader, options: options)
        #expect(one.measuredCount == 5_000)
        #expect(one.features.map(\.area) == two.features.map(\.area))
        #expect(one.total == two.total)
    }

    /// Independent reference for the sample zone: geopandas 1.2.0 / shapely 2.2.0 / pyproj 3.7.2, run once:
    /// `df = gpd.read_file("GeoData/demo/zone.gpkg", layer=L)`; planar `df.geometry.area.sum()`;
    /// geodesic `sum(abs(Geod(ellps="GRS80").geometry_area_perimeter(g)[0]) for g in df.to_crs(4490).geometry)`.
    /// kfqfw: 6129761.786157113 / 6129758.503266535 m²; zd: 3734408.5979340114 / 3734406.636684222 m².
    @Test(arguments: [("kfqfw", 6129761.786157113, 6129758.503266535), ("zd", 3734408.5979340114, 3734406.636684222)])
    func sampleZoneTotalsAgreeWithGeopandas(layer: String, planar: Double, geodesic: Double) throws {
        let reader = try LayerReaders.open(SourceSpec(path: TestData.sample("zone.gpkg"), layer: layer))
        var options = AreaOptions()
        options.methods = AreaMethod.allCases
        let report = try AreaJob.run(reader, options: options)
        #expect(abs(try #require(report.total.planar) - planar) / planar < 1e-9)
        #expect(abs(try #require(report.total.geodesic) - geodesic) / geodesic < 1e-9)
        #expect(abs(try #require(report.total.ellipsoidal) - geodesic) / geodesic < 1e-6)
    }

    /// One geometry blob GDAL cannot decode once stopped `area`, `info` and `qc` for the whole layer
    /// ("reading features failed: Unable to read geometry"): that feature is skipped with GDAL's words,
    /// every other one is measured.
    @Test func aGeometryGDALCannotReadIsSkippedNotTheLayer() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.manyParcels(in: folder, driver: "GPKG", name: "bad.gpkg")
        let dataset = try VectorDataset.open(path, update: true)
        _ = try dataset.firstRow(ofSQL: "UPDATE p SET geom = X'47500003E61000000102030405' WHERE fid = 7")
        try dataset.close()
        var options = AreaOptions()
        options.methods = [.planar]
        let report = try AreaJob.run(try LayerReaders.open(SourceSpec(path: path)), options: options)
        #expect(report.measuredCount == 4_999)
        #expect(report.skipped.count == 1 && report.skipped[0].fid == 7 && report.skipped[0].reason.en.contains("Unable to read geometry"),
                "\(report.skipped)")
    }

    /// Curved geometries as ArcGIS writes them are linearised and measured, with a note; before, `area`
    /// skipped them with exit 0 and the total silently left them out. A MultiSurface copy of the sample
    /// parcels measures the sample's total; a circle of radius 50 m drawn as a CurvePolygon measures
    /// π·50² less the chords' deficit, (n/2)r²·sin(2π/n) for n = 3600 chords of 0.1° (relative 5.1e-7).
    @Test func curvedGeometriesAreLinearisedAndMeasured() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sample = try LayerReaders.open(SourceSpec(path: TestData.sample("zone.gpkg"), layer: "zd"))
        var parcels: [(id: String, declared: Double?, wkb: [UInt8]?)] = []
        try sample.read(fieldIndices: [], swapXY: false) { feature in
            guard var wkb = feature.wkb else { return }
            if wkb[1] == 3 { wkb = [1, 6, 0, 0, 0, 1, 0, 0, 0] + wkb }  // a polygon as a multipolygon of one part
            wkb[1] = 12  // MultiSurface of the same polygons (ISO WKB type 12)
            parcels.append(("P\(feature.index)", nil, wkb))
        }
        var circle: [UInt8] = [1, 10, 0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 5, 0, 0, 0]  // CurvePolygon of one CircularString
        let (cx, cy, r) = (500_000.0, 3_500_000.0, 50.0)
        for (x, y) in [(cx - r, cy), (cx, cy + r), (cx + r, cy), (cx, cy - r), (cx - r, cy)] {
            withUnsafeBytes(of: x.bitPattern.littleEndian) { circle += $0 }
            withUnsafeBytes(of: y.bitPattern.littleEndian) { circle += $0 }
        }
        let path = folder.appendingPathComponent("curves.gpkg").path
        try TestData.writeLayer(path, crs: "EPSG:4528", features: parcels)
        let circlePath = folder.appendingPathComponent("circle.gpkg").path
        try TestData.writeLayer(circlePath, crs: "EPSG:4547", features: [("C", nil, circle)])
        var options = AreaOptions()
        options.methods = [.planar]
        let original = try AreaJob.run(sample, options: options)
        let curved = try AreaJob.run(try LayerReaders.open(SourceSpec(path: path)), options: options)
        #expect(curved.skipped.isEmpty && curved.measuredCount == original.measuredCount)
        #expect(abs(try #require(curved.total.planar) - original.total.planar!) < 1e-6)
        #expect(curved.features.allSatisfy { $0.readNote?.en == "a MULTISURFACE read as the polygons it is made of" }, "\(curved.features.prefix(2).map { $0.readNote?.en ?? "nil" })")
        #expect(curved.features.allSatisfy { $0.readNote?.zh == "MULTISURFACE 按其组成的面读取" })
        let round = try AreaJob.run(try LayerReaders.open(SourceSpec(path: circlePath)), options: options)
        let n = 3600.0, expected = n / 2 * r * r * sin(2 * Double.pi / n)
        let measured = try #require(round.total.planar)
        #expect(abs(measured - expected) / expected < 1e-7, "\(measured) vs \(expected); π r² = \(Double.pi * r * r)")
        #expect(round.features.first?.readNote?.en == "a curved CURVEPOLYGON linearised by GDAL (arcs as chords every 0.1°)")
        #expect(round.features.first?.readNote?.zh == "曲线 CURVEPOLYGON 已由 GDAL 转为折线（每 0.1° 以弦代弧）")
        // The other commands say so too: qc as finding G11, convert as a note per feature.
        var qc = QCOptions()
        qc.source = SourceSpec(path: circlePath)
        #expect(try QCJob.run(qc).findings.contains { $0.code == "G11" && $0.message.en.contains("CURVEPOLYGON") })
        let summary = try ConvertJob.run(try LayerReaders.open(SourceSpec(path: circlePath)),
                                         to: folder.appendingPathComponent("circle.geojson").path, options: ConvertOptions())
        #expect(summary.readNotes.count == 1 && summary.readNotes[0].en.hasPrefix("feature #1: a curved CURVEPOLYGON"), "\(summary.readNotes)")
        #expect(summary.readNotes.first?.zh.hasPrefix("要素 #1：曲线 CURVEPOLYGON") == true, "\(summary.readNotes)")
        var overlay = OverlayOptions()
        overlay.methods = [.planar]
        let overlaid = try OverlayJob.run(a: try LayerReaders.open(SourceSpec(path: circlePath)), b: try LayerReaders.open(SourceSpec(path: circlePath)),
                                          options: overlay)
        #expect(overlaid.readNotes.map(\.note.en).first?.contains("chords every 0.1°") == true, "\(overlaid.readNotes)")
        #expect(overlaid.readNotes.map(\.note.zh).first?.contains("每 0.1° 以弦代弧") == true, "\(overlaid.readNotes)")
        let info = try LayerSummary.scan(try LayerReaders.open(SourceSpec(path: path)))
        #expect(info.conversions.values.reduce(0, +) == parcels.count && info.conversions.keys.allSatisfy { $0 == .asPolygons(type: "MULTISURFACE") },
                "\(info.conversions)")
    }

    @Test func aFileWithoutCRSGetsASuggestion() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let context = GEOSContext()
        let path = folder.appendingPathComponent("nocrs.gpkg").path
        try TestData.writeLayer(path, crs: nil, features: [("A", nil, try Geometry.polygon(shell: TestData.square(40_420_000, 3_515_000, 100), context: context).wkb())])
        do {
            _ = try AreaJob.run(try LayerReaders.open(SourceSpec(path: path)), options: AreaOptions())
            Issue.record("a layer without CRS must be refused")
        } catch {
            #expect(error.description.contains("EPSG:4528"))
            #expect(error.description.contains(path))
        }
    }
}
