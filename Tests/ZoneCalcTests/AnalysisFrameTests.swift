import Foundation
import Testing
@testable import ZoneCalc

/// The analysis frame: one working CRS and plane for every analysis of a run, datum changes refused or
/// made with the user's parameters and stated, each layer read once.
@Suite struct AnalysisFrameTests {
    /// The sample project with some layers copied into another CRS (through `zonecalc convert`'s job).
    static func sampleProject(in folder: URL, converting layers: [String: String], method: String = "ellipsoidal") throws -> ZoneProject {
        var text = try String(contentsOfFile: TestData.sample("zone.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "area_method: ellipsoidal", with: "area_method: \(method)")
            .replacingOccurrences(of: "file: zone.gpkg", with: "file: \(TestData.sample("zone.gpkg"))")
            .replacingOccurrences(of: "coverage: zone.gpkg", with: "coverage: \(TestData.sample("zone.gpkg"))")
            .replacingOccurrences(of: "file: qyxx.csv", with: "file: \(TestData.sample("qyxx.csv"))")
        for (layer, crs) in layers {
            let path = folder.appendingPathComponent("\(layer).gpkg").path
            var options = ConvertOptions()
            options.targetCRS = crs
            _ = try ConvertJob.run(try LayerReaders.open(SourceSpec(path: TestData.sample("zone.gpkg"), layer: layer)), to: path, options: options)
            text = text.replacingOccurrences(of: "file: \(TestData.sample("zone.gpkg"))\n    layer: \(layer)\n", with: "file: \(path)\n    layer: \(layer)\n")
        }
        let path = folder.appendingPathComponent("zone.yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return try ZoneProjectLoader.load(path)
    }

    static func coverage(_ report: StandardLandReport) -> [String: (Double?, CheckOutcome)] {
        var result: [String: (Double?, CheckOutcome)] = [:]
        for parcel in report.parcels {
            for check in parcel.checks where check.indicator.id == "building_coverage" { result[parcel.id] = (check.achieved, check.outcome) }
        }
        return result
    }

    /// Parcels (and the boundary) in EPSG:4490 longitude/latitude, buildings in EPSG:4528: the building
    /// coverage of every parcel and every pass/fail equal the all-4528 project's. (The plane for planar
    /// measures once came from the buildings layer's extent, read as degrees: coverage ×1.333.)
    @Test(arguments: [["zd": "EPSG:4490"], ["zd": "EPSG:4490", "kfqfw": "EPSG:4490"]])
    func mixedCRSGiveTheSameFigures(converted: [String: String]) throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let reference = Self.coverage(try StandardLandJob.run(frame: try AnalysisFrame(project: try ZoneProjectLoader.load(TestData.sample("zone.yaml")))))
        let mixedProject = try Self.sampleProject(in: folder, converting: converted)
        let frame = try AnalysisFrame(project: mixedProject)
        #expect(frame.crs.epsg == (converted["kfqfw"] == nil ? 4528 : 4490))
        let mixed = Self.coverage(try StandardLandJob.run(frame: frame))
        #expect(mixed.count == reference.count && reference.count > 100)
        for (id, (value, outcome)) in reference {
            let other = try #require(mixed[id])
            #expect(other.1 == outcome, "\(id)")
            if let value { #expect(abs(other.0! - value) <= 1e-6 * max(1, value), "\(id): \(other.0!) vs \(value)") }
        }
    }

    /// The land use in another Gauss–Krüger zone (EPSG:4527, CM 117°E) gives the same land status as in the
    /// frame's EPSG:4528: its pieces are measured in the frame's plane, not their own (planar there is 0.19 %
    /// larger, 127 km farther from the central meridian).
    @Test(arguments: ["planar", "ellipsoidal"])
    func layersInAnotherZoneAreMeasuredInTheFrame(method: String) throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let reference = try EvaluationJob.run(frame: try AnalysisFrame(project: try Self.sampleProject(in: folder, converting: [:], method: method)))
        let other = try EvaluationJob.run(frame: try AnalysisFrame(project: try Self.sampleProject(in: folder, converting: ["dltb": "EPSG:4527"], method: method)))
        #expect(reference.landStatus.map(\.code) == other.landStatus.map(\.code))
        for (a, b) in zip(reference.landStatus, other.landStatus) { #expect(abs(a.area - b.area) <= 1e-6 * max(1, a.area), "\(a.code): \(a.area) vs \(b.area)") }
    }

    /// A boundary in lon/lat: distances are in metres (the frame's plane), so a piece 100 km away still
    /// stops the check, and the adjoining sample expansion does not.
    @Test func distancesAreInMetresForALonLatFrame() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let project = try Self.sampleProject(in: folder, converting: ["kfqfw": "EPSG:4490"])
        var options = ProposalOptions()
        options.files = [SourceSpec(path: TestData.sample("kqfw.txt"))]
        let report = try ProposalJob.run(frame: try AnalysisFrame(project: project), options: options)
        #expect(report.rules.first { $0.id == "R9" }?.status == .pass, "\(report.rules.first { $0.id == "R9" }!.reason.zh)")
        options.files = [try ProposalTestZone.proposal([ProposalTestZone.Piece(ring: [XY(40_495_000, 3_613_000), XY(40_496_000, 3_613_000),
                                                                                     XY(40_496_000, 3_614_000), XY(40_495_000, 3_613_000)],
                                                                               name: "远处", type: "扩区", declaredHectares: nil)],
                                                       named: "far", in: folder)]
        #expect(throws: ZoneCalcError.self) { _ = try ProposalJob.run(frame: try AnalysisFrame(project: project), options: options) }
    }

    /// A Xi'an 1980 layer in a CGCS2000 analysis is refused, naming the layer and what to do …
    @Test func anOldDatumIsRefusedWithoutParameters() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let project = try Self.sampleProject(in: folder, converting: [:])
        var text = try String(contentsOfFile: project.path, encoding: .utf8)
        text = text.replacingOccurrences(of: "layer: yjjbnt\n", with: "layer: yjjbnt\n    crs: EPSG:2364\n")
        try text.write(toFile: project.path, atomically: true, encoding: .utf8)
        var options = ProposalOptions()
        options.files = [SourceSpec(path: TestData.sample("kqfw.txt"))]
        do {
            _ = try ProposalJob.run(frame: try AnalysisFrame(project: try ZoneProjectLoader.load(project.path)), options: options)
            Issue.record("a Xi'an 1980 layer was reprojected silently")
        } catch {
            let message = "\(error)", exitStatus = error.exitStatus
            for part in ["yjjbnt", "datum_transformation", "zonecalc convert"] { #expect(message.contains(part), "\(message)") }
            #expect(exitStatus == .badInput)
        }
    }

    /// … and with the seven parameters it is transformed with them, as pyproj 3.7.2 does:
    /// `Transformer.from_crs(CRS.from_proj4("+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=40500000 +y_0=0
    /// +a=6378140 +rf=298.257 +towgs84=10,-20,30,0.5,-0.3,0.2,1.5 +units=m"), CRS.from_proj4("+proj=tmerc
    /// +lat_0=0 +lon_0=120 +k=1 +x_0=40500000 +y_0=0 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m"),
    /// always_xy=True)` takes (40512000, 3545000) to (40512014.9001, 3545044.2907) and (40512100, 3545100)
    /// to (40512114.9002, 3545144.2906). The change is stated in the frame's notes.
    @Test func anOldDatumIsTransformedWithTheGivenParameters() throws {
        let policy = try #require(DatumPolicy(parsing: "10,-20,30,0.5,-0.3,0.2,1.5"))
        let proj = ProjContext()
        let xian = try ResolvedCRS(CoordinateSystem(epsg: 2364, context: proj), definition: "EPSG:2364")
        let cgcs = try ResolvedCRS(CoordinateSystem(epsg: 4528, context: proj), definition: "EPSG:4528")
        let context = GEOSContext()
        let triangle = try Geometry.polygon(shell: [XY(40_512_000, 3_545_000), XY(40_512_100, 3_545_000), XY(40_512_100, 3_545_100),
                                                    XY(40_512_000, 3_545_000)], context: context)
        let reprojector = try #require(try policy.reprojector(from: xian, to: cgcs, layer: "farmland.gpkg"))
        let moved = try Geometry.fromWKB(try reprojector.reproject(try triangle.wkb()), context: context)
        var coordinates: [XY] = [], ends: [Int] = []
        try moved.copyRings(into: &coordinates, ringEnds: &ends)
        for (point, expected) in zip([coordinates[0], coordinates[2]], [XY(40_512_014.9001, 3_545_044.2907), XY(40_512_114.9002, 3_545_144.2906)]) {
            #expect(abs(point.x - expected.x) < 2e-4 && abs(point.y - expected.y) < 2e-4, "\(point)")
        }
        #expect(policy.statement(from: xian, to: cgcs, layer: "farmland.gpkg")
                == Bilingual("farmland.gpkg：Xian 1980 → CGCS2000，已按给定七参数（+towgs84=10.0,-20.0,30.0,0.5,-0.3,0.2,1.5）进行坐标基准转换",
                             "farmland.gpkg: Xian 1980 → CGCS2000 with the given seven parameters (+towgs84=10.0,-20.0,30.0,0.5,-0.3,0.2,1.5)"))
        #expect(throws: ZoneCalcError.self) { _ = try DatumPolicy.refuse.reprojector(from: xian, to: cgcs, layer: "farmland.gpkg") }
        #expect(DatumPolicy(parsing: "1,2,3") == nil)
    }

    /// KML (WGS 84) of Xi'an 1980 data is refused, not shifted by PROJ's ballpark transformation.
    @Test func kmlOfAnOldDatumIsRefused() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var options = ConvertOptions()
        options.crsOverride = "EPSG:2364"
        let path = folder.appendingPathComponent("zone.kml").path
        #expect(throws: ZoneCalcError.self) {
            _ = try ConvertJob.run(try LayerReaders.open(SourceSpec(path: TestData.sample("zone.gpkg"), layer: "kfqfw")), to: path, options: options)
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    /// What one analysis needs of another is made once per run: the evaluation's idle land is the idle
    /// check's own report, and the parcels table is read once.
    @Test func eachLayerAndResultIsMadeOncePerRun() throws {
        let frame = try AnalysisFrame(project: try ZoneProjectLoader.load(TestData.sample("zone.yaml")))
        let first = try ParcelTable.load(frame), second = try ParcelTable.load(frame)
        #expect(first.records.count == second.records.count)
        var calls = 0
        let a = try frame.shared("probe") { () throws(ZoneCalcError) -> Int? in calls += 1; return nil }
        let b = try frame.shared("probe") { () throws(ZoneCalcError) -> Int? in calls += 1; return 1 }
        #expect(a == nil && b == nil && calls == 1)
    }
}
