import Foundation
import GeoBridge
import Testing
@testable import ZoneCalc

/// NaN and infinite coordinates never reach an output: GeoPackage output once failed at close ("no such
/// column: NaN", naming the hidden temporary file).
@Suite struct NonFiniteOutputTests {
    @Test func wkbCoordinatesAreWalked() throws {
        let context = GEOSContext()
        let square = try Geometry.polygon(shell: TestData.square(500_000, 3_500_000, 10), context: context).wkb()
        #expect(WKBCoordinates.allFinite(square))
        var broken = square
        withUnsafeBytes(of: Double.nan.bitPattern.littleEndian) { broken.replaceSubrange(13..<21, with: $0) }  // first x
        #expect(!WKBCoordinates.allFinite(broken))
        let parts = try Geometry.collection(.multiPolygon, of: [try Geometry.polygon(shell: TestData.square(0, 0, 1), context: context),
                                                                try Geometry.polygon(shell: TestData.square(5, 5, 1), context: context)],
                                            context: context).wkb()
        #expect(WKBCoordinates.allFinite(parts))
        #expect(!WKBCoordinates.allFinite(Array(parts.dropLast())))  // truncated: not vouched for
    }

    /// A layer with a NaN-coordinate polygon (feature 7 of the area test layer): `convert` writes every
    /// row, that one without geometry and said so; the QC findings, which point at it, are written too.
    @Test func convertAndQCFindingsWriteTheRowWithoutItsGeometry() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let layer = try AreaJobTests.makeLayer(in: folder)
        let converted = folder.appendingPathComponent("converted.gpkg").path
        let summary = try ConvertJob.run(try LayerReaders.open(SourceSpec(path: layer)), to: converted, options: ConvertOptions())
        #expect(summary.written == 7)
        #expect(summary.skipped.map(\.en) == ["feature #7: a NaN or infinite coordinate; written without its geometry"], "\(summary.skipped)")
        #expect(summary.skipped.map(\.zh) == ["要素 #7：有 NaN 或无穷大坐标；写出时不带几何"], "\(summary.skipped)")
        var rows = 0
        try LayerReaders.open(SourceSpec(path: converted)).read(fieldIndices: [], swapXY: false) { _ in rows += 1 }
        #expect(rows == 7)
        var options = QCOptions()
        options.source = SourceSpec(path: layer)
        let report = try QCJob.run(options)
        #expect(report.findings.contains { $0.code == "G09" })
        let findings = folder.appendingPathComponent("findings.gpkg").path
        try QCExport.write(report, to: findings, language: .en, encoding: .utf8, force: false, inputs: [layer])
        #expect(FileManager.default.fileExists(atPath: findings))
    }

    /// One NaN vertex once stopped `convert --to-crs` for the whole layer (the reprojection failed): the
    /// rest is written, that feature without its geometry and said so.
    @Test func reprojectionLeavesOutOnlyTheFeatureItCannotTransform() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let layer = try AreaJobTests.makeLayer(in: folder)
        var options = ConvertOptions()
        options.targetCRS = "EPSG:4490"
        let converted = folder.appendingPathComponent("lonlat.gpkg").path
        let summary = try ConvertJob.run(try LayerReaders.open(SourceSpec(path: layer)), to: converted, options: options)
        #expect(summary.written == 7)
        #expect(summary.skipped.map(\.en) == ["feature #7: a NaN or infinite coordinate; written without its geometry"], "\(summary.skipped)")
        #expect(summary.skipped.map(\.zh) == ["要素 #7：有 NaN 或无穷大坐标；写出时不带几何"], "\(summary.skipped)")
    }

    /// A layer every feature of which counts (here the overlay's second layer) is refused with each
    /// unusable feature named, instead of a library error for the first or an answer without it.
    @Test func aReferenceLayerWithAnUnusableFeatureNamesIt() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let layer = try AreaJobTests.makeLayer(in: folder)
        var options = OverlayOptions()
        options.methods = [.planar]
        let reader = try LayerReaders.open(SourceSpec(path: layer)), zones = try LayerReaders.open(SourceSpec(path: layer))
        let result = Result { () throws(ZoneCalcError) in try OverlayJob.run(a: reader, b: zones, options: options) }
        guard case .failure(let error) = result, case .unusableFeatures(_, let problems) = error else {
            Issue.record("the overlay must refuse a zone layer with an unusable feature: \(result)")
            return
        }
        // The point (E) and the feature without geometry (F) are not zones either.
        #expect(problems.map(\.index) == [4, 5, 6])
        #expect(error.exitStatus == .badInput && error.description.contains("feature #7 (G): a NaN or infinite coordinate"), "\(error)")
        #expect(error.description.contains("feature #5 (E): it is a Point, not a polygon") && error.description.contains("feature #6 (F): it has no geometry"),
                "\(error)")
    }

    /// A polygon as ISO WKB (little-endian) from raw coordinates, NaN allowed where GEOS would refuse to build it.
    static func polygonWKB(_ ring: [(Double, Double)]) -> [UInt8] {
        var bytes: [UInt8] = [1, 3, 0, 0, 0, 1, 0, 0, 0]
        withUnsafeBytes(of: UInt32(ring.count).littleEndian) { bytes += $0 }
        for (x, y) in ring {
            withUnsafeBytes(of: x.bitPattern.littleEndian) { bytes += $0 }
            withUnsafeBytes(of: y.bitPattern.littleEndian) { bytes += $0 }
        }
        return bytes
    }

    /// A NaN on the first (and so the last) vertex was reported by `qc` as an unclosed ring (G04) and by
    /// `area` as a GEOS failure: it is a non-finite coordinate (G09) in both.
    @Test func aNaNFirstVertexIsANonFiniteCoordinateNotAnUnclosedRing() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (x, y) = (500_000.0, 3_500_000.0)
        let path = folder.appendingPathComponent("nan-first.gpkg").path
        try TestData.writeLayer(path, crs: "EPSG:4547", features: [
            ("N", nil, Self.polygonWKB([(.nan, y), (x + 10, y), (x + 10, y + 10), (.nan, y)])),
            ("S", nil, Self.polygonWKB([(x, y), (x + 10, y), (x + 10, y + 10), (x, y)])),
        ])
        var qc = QCOptions()
        qc.source = SourceSpec(path: path)
        let codes = try QCJob.run(qc).findings.filter { $0.featureIndex == 0 }.map(\.code)
        #expect(codes.contains("G09") && !codes.contains("G04"), "\(codes)")
        var area = AreaOptions()
        area.methods = [.planar]
        let report = try AreaJob.run(try LayerReaders.open(SourceSpec(path: path)), options: area)
        #expect(report.skipped.map(\.label) == ["N"])
        #expect(report.skipped.first?.reason.en.contains("NaN or infinite coordinate") == true, "\(report.skipped)")
        #expect(report.total.planar == 50)
    }

    /// A problem GDAL reports for a feature it still gave a geometry for (elsewhere in the record) does
    /// not make the geometry unusable; with no geometry it is the reason given.
    @Test func aReadProblemRefusesOnlyAFeatureWithoutGeometry() throws {
        let square = Self.polygonWKB([(0, 0), (10, 0), (10, 10), (0, 10), (0, 0)])
        let withGeometry = LayerFeature(index: 0, fid: 1, wkb: square, attributes: [], readProblem: Bilingual(verbatim: "a date GDAL could not read"))
        #expect(try FeatureGeometryIntake.wkb(of: withGeometry, label: nil, reprojector: nil) == square)
        let without = LayerFeature(index: 1, fid: 2, wkb: nil, attributes: [], readProblem: Bilingual(verbatim: "Unable to read geometry"))
        let refused = Result { () throws(FeatureGeometryProblem) in try FeatureGeometryIntake.wkb(of: without, label: nil, reprojector: nil) }
        guard case .failure(let problem) = refused else { Issue.record("\(refused)"); return }
        #expect(problem.description == "feature #2: its geometry could not be read (Unable to read geometry)")
        #expect(problem.message(.zh) == "要素 #2：几何无法读取（Unable to read geometry）")
    }

    /// In a layer that decides the answer, a collection without a polygon once slipped through as
    /// nothing, and a collinear polygon was refused as the lines its repair gave: the first is refused
    /// for what it is, the second left out (it holds no land).
    @Test func aDecisiveLayerRefusesACollectionWithoutPolygonAndLeavesOutACollapsedOne() throws {
        let context = GEOSContext()
        let pointAndLine = try Geometry.collection(.collection, of: [try Geometry.fromWKB(Self.pointWKB(1, 1), context: context)], context: context).wkb()
        let collection = LayerFeature(index: 0, fid: 1, wkb: pointAndLine, attributes: [])
        let refused = Result { () throws(FeatureGeometryProblem) in
            try FeatureGeometryIntake.decisivePolygons(of: collection, label: "GC", reprojector: nil, context: context)
        }
        guard case .failure(let problem) = refused else { Issue.record("\(refused)"); return }
        #expect(problem.reason.en == "it is a collection with no polygon in it" && problem.reason.zh == "是不含面的几何集合")
        let collinear = LayerFeature(index: 1, fid: 2, wkb: Self.polygonWKB([(0, 0), (5, 0), (10, 0), (0, 0)]), attributes: [])
        #expect(try FeatureGeometryIntake.decisivePolygons(of: collinear, label: nil, reprojector: nil, context: context) == nil)
    }

    static func pointWKB(_ x: Double, _ y: Double) -> [UInt8] {
        var bytes: [UInt8] = [1, 1, 0, 0, 0]
        withUnsafeBytes(of: x.bitPattern.littleEndian) { bytes += $0 }
        withUnsafeBytes(of: y.bitPattern.littleEndian) { bytes += $0 }
        return bytes
    }
}
