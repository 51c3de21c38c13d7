import Foundation
import Testing
@testable import ZoneCalc

/// Each rule of the proposal check on a hand-built case (ProposalTestZone), pass and fail; the sample
/// zone's two proposals; a new boundary against the same change given as pieces; malformed proposals.
@Suite struct ProposalJobTests {
    typealias Piece = ProposalTestZone.Piece
    static func rect(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double) -> [XY] { ProposalTestZone.rect(x1, y1, x2, y2) }

    func check(_ pieces: [Piece], projectText: String = ProposalTestZone.project, rules: String? = nil,
               configure: (inout ProposalOptions, URL) throws -> Void = { _, _ in }) throws -> ProposalReport {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var text = projectText
        if let rules {
            let rulesFolder = folder.appendingPathComponent("rules")
            try FileManager.default.createDirectory(at: rulesFolder, withIntermediateDirectories: true)
            try Data(rules.utf8).write(to: rulesFolder.appendingPathComponent("proposal-rules.yaml"))
            text = text.replacingOccurrences(of: "area_method: planar\n", with: "area_method: planar\nrules: rules\n")
        }
        let project = try ZoneProjectLoader.load(try ProposalTestZone.write(in: folder, projectText: text))
        var options = ProposalOptions()
        if !pieces.isEmpty { options.files = [try ProposalTestZone.proposal(pieces, named: "p", in: folder)] }
        try configure(&options, folder)
        return try ProposalJob.run(frame: try AnalysisFrame(project: project), options: options)
    }

    func rule(_ report: ProposalReport, _ id: String) -> RuleResult { report.rules.first { $0.id == id }! }

    /// x 1000–1100, y 100–600: 5 ha touching the zone's east edge, corner-touching the farmland only,
    /// inside the urban boundary; land use 4 ha 0101 (y < 500) and 1 ha 0601.
    @Test func aCleanExpansionPasses() throws {
        let report = try check([Piece(ring: Self.rect(1000, 100, 1100, 600), name: "扩区", type: "扩区", declaredHectares: 5)])
        #expect(report.kind == .expansion)
        #expect(abs(report.added.planar! - 50_000) < 1e-6)
        #expect(abs(report.after.planar! - 1_050_000) < 1e-6)
        for id in ["R1", "R2", "R3", "R4", "R7", "R9", "R10"] { #expect(rule(report, id).status == .pass, "\(id): \(rule(report, id).reason.en)") }
        #expect(rule(report, "R5").status == .info)
        #expect(rule(report, "R6").status == .notApplicable && rule(report, "R8").status == .notApplicable)
        let classes = Dictionary(uniqueKeysWithValues: report.landUse.map { ($0.code, $0.area.planar!) })
        #expect(abs(classes["0101"]! - 40_000) < 1e-6 && abs(classes["0601"]! - 10_000) < 1e-6)
        #expect(report.verdict == .pass)
    }

    /// x 1000–1250, y 0–800: 1 ha of farmland (x 1100–1200, y 0–100) and 250 × 200 m = 5 ha above the urban boundary (y > 600).
    @Test func farmlandAndOutsideTheUrbanBoundaryFail() throws {
        let report = try check([Piece(ring: Self.rect(1000, 0, 1250, 800), name: "扩区", type: "扩区", declaredHectares: 20)])
        let farmland = rule(report, "R1")
        #expect(farmland.status == .fail && farmland.pieces.count == 1)
        #expect(abs(farmland.pieces[0].area.planar! - 10_000) < 1e-6)
        #expect(farmland.reason.zh.contains("1.00公顷（15.00亩）"))
        let outside = rule(report, "R3")
        #expect(outside.status == .fail && abs(outside.pieces.reduce(0) { $0 + $1.area.planar! } - 50_000) < 1e-6)
        #expect(rule(report, "R2").status == .pass)
        #expect(report.verdict == .fail)
    }

    @Test func redLineOtherZoneAndSizeLimitFail() throws {
        let red = try check([Piece(ring: Self.rect(1000, 0, 1350, 100), name: "扩区", type: "扩区", declaredHectares: 3.5)])
        #expect(rule(red, "R2").status == .fail && abs(rule(red, "R2").pieces[0].area.planar! - 5_000) < 1e-6)
        let zone = try check([Piece(ring: Self.rect(1000, 0, 2100, 100), name: "扩区", type: "扩区", declaredHectares: 11)])
        #expect(rule(zone, "R4").status == .fail && abs(rule(zone, "R4").pieces[0].area.planar! - 10_000) < 1e-6)
        // A 0.04 km² limit: the 5 ha of x 1000–1100, y 100–600 exceed it.
        let limit = "max_expansion_km2: 0.04\n"
        let big = try check([Piece(ring: Self.rect(1000, 100, 1100, 600), name: "扩区", type: "扩区", declaredHectares: 5)], rules: limit)
        #expect(rule(big, "R7").status == .fail)
        #expect(rule(big, "R7").reason.en.contains("0.0500 km²"))
    }

    /// 调出 x 0–100, y 0–100 (1 ha inside) and 调入 x 1000–1100, y 100–200 (1 ha): the area is kept.
    /// 调入 of 1.5 ha (y 100–250) grows the zone by 0.5 ha: fails.
    @Test func anAdjustmentMustKeepTheApprovedArea() throws {
        let out = Piece(ring: Self.rect(0, 0, 100, 100), name: "调出地块", type: "调出", declaredHectares: 1)
        let kept = try check([out, Piece(ring: Self.rect(1000, 100, 1100, 200), name: "调入地块", type: "调入", declaredHectares: 1)])
        #expect(kept.kind == .adjustment)
        #expect(abs(kept.removed.planar! - 10_000) < 1e-6 && abs(kept.added.planar! - 10_000) < 1e-6)
        #expect(rule(kept, "R6").status == .pass && rule(kept, "R7").status == .notApplicable)
        #expect(kept.verdict == .pass)
        let grown = try check([out, Piece(ring: Self.rect(1000, 100, 1100, 250), name: "调入地块", type: "调入", declaredHectares: 1.5)])
        #expect(rule(grown, "R6").status == .fail)
        #expect(rule(grown, "R6").reason.en.contains("change 5000.00 m²"))
    }

    /// The same adjustment given as the requested new boundary gives the same added and removed land.
    @Test func aNewBoundaryEqualsTheSameChangeAsPieces() throws {
        let pieces = try check([Piece(ring: Self.rect(0, 0, 100, 100), name: "调出", type: "调出", declaredHectares: 1),
                                Piece(ring: Self.rect(1000, 100, 1100, 200), name: "调入", type: "调入", declaredHectares: 1)])
        let boundary = try check([]) { options, folder in
            let context = GEOSContext()
            let zone = try Geometry.polygon(shell: Self.rect(0, 0, 1000, 1000), context: context)
            let after = try zone.difference(try Geometry.polygon(shell: Self.rect(0, 0, 100, 100), context: context))
            let new = try Geometry.collection(.collection, of: [after, try Geometry.polygon(shell: Self.rect(1000, 100, 1100, 200), context: context)],
                                              context: context).unaryUnion()
            let path = folder.appendingPathComponent("new.gpkg").path
            let dataset = try VectorDataset.create(path, driver: "GPKG")
            let layer = try dataset.createLayer(name: "new", crsWKT: "EPSG:4528", geometry: .multiPolygon, fields: [FieldDefinition(name: "MC", type: .string)])
            try layer.addFeature([.string("新边界")], wkb: try new.wkb())
            try dataset.close()
            options.newBoundary = SourceSpec(path: path)
        }
        #expect(boundary.kind == .adjustment)
        #expect(abs(boundary.added.planar! - pieces.added.planar!) < 1e-6)
        #expect(abs(boundary.removed.planar! - pieces.removed.planar!) < 1e-6)
        #expect(abs(boundary.after.planar! - pieces.after.planar!) < 1e-6)
        #expect(rule(boundary, "R6").status == .pass)
    }

    @Test func geometryProblemsAreFoundAndNamed() throws {
        // An enclave 600 m east (inside the urban boundary) needs review, with its distance.
        let enclave = try check([Piece(ring: Self.rect(1600, 100, 1700, 200), name: "飞地", type: "扩区", declaredHectares: 1)])
        #expect(rule(enclave, "R9").status == .needsReview && rule(enclave, "R9").reason.zh.contains("600.00米"))
        #expect(enclave.verdict == .needsReview)
        #expect(rule(enclave, "R9").figures["enclavePieces"] == 1 && rule(enclave, "R9").figures["sliverPieces"] == 0)
        #expect(rule(enclave, "R9").pieces.map(\.kind) == [Bilingual("飞地", "enclave")])
        // A declared area 10 % off needs review.
        let declared = try check([Piece(ring: Self.rect(1000, 100, 1100, 200), name: "扩区", type: "扩区", declaredHectares: 1.1)])
        #expect(rule(declared, "R9").status == .needsReview && rule(declared, "R9").reason.en.contains("declared 1.10 ha"))
        // A bow-tie is invalid: fails, with GEOS's reason.
        let ring = [XY(ProposalTestZone.x0 + 1000, ProposalTestZone.y0 + 100), XY(ProposalTestZone.x0 + 1100, ProposalTestZone.y0 + 200),
                    XY(ProposalTestZone.x0 + 1100, ProposalTestZone.y0 + 100), XY(ProposalTestZone.x0 + 1000, ProposalTestZone.y0 + 200),
                    XY(ProposalTestZone.x0 + 1000, ProposalTestZone.y0 + 100)]
        let bowtie = try check([Piece(ring: ring, name: "bowtie", type: "扩区", declaredHectares: nil)])
        #expect(rule(bowtie, "R9").status == .fail && rule(bowtie, "R9").reason.en.contains("invalid"))
        // 100 km away (a wrong zone or swapped axes): the check stops before any rule.
        #expect(throws: ZoneCalcError.self) {
            _ = try check([Piece(ring: Self.rect(101_000, 100, 101_100, 200), name: "远处", type: "扩区", declaredHectares: 1)])
        }
    }

    /// R8 from the evaluation: 土地开发率 = (A + B21)/(A + B) = 50 ha / 100 ha = 50 % (no parcels, so no B21).
    @Test func preconditionsComeFromTheEvaluation() throws {
        let piece = Piece(ring: Self.rect(1000, 100, 1100, 600), name: "扩区", type: "扩区", declaredHectares: 5)
        let failing = try check([piece], rules: "preconditions:\n  land_development_rate: { min: 80 }\n")
        #expect(rule(failing, "R8").status == .fail && rule(failing, "R8").reason.zh.contains("土地开发率 50.00% < 80.00"))
        let passing = try check([piece], rules: "preconditions:\n  land_development_rate: { min: 40 }\n")
        #expect(rule(passing, "R8").status == .pass)
        let missing = try check([piece], rules: "preconditions:\n  idle_land_rate: { max: 5 }\n")
        #expect(rule(missing, "R8").status == .notChecked)
        #expect(missing.verdict == .needsReview)
    }

    /// A rule whose layer is missing says so and keeps the verdict from passing.
    @Test func aMissingLayerIsNotCheckedAndNeedsReview() throws {
        let text = ProposalTestZone.project.replacingOccurrences(of: "  farmland: { file: zone.gpkg, layer: yjjbnt, coverage: \"zone.gpkg:sjfw\" }\n", with: "")
        let report = try check([Piece(ring: Self.rect(1000, 100, 1100, 600), name: "扩区", type: "扩区", declaredHectares: 5)], projectText: text)
        #expect(rule(report, "R1").status == .notChecked)
        #expect(report.verdict == .needsReview)
    }

    /// A rule that compares the added land with a layer judges only where the layer has data: without a
    /// coverage, the farmland's and red line's extents (x 1100–1200, y 0–100; x 1300–1400) do not hold the
    /// clean expansion (x 1000–1100, y 100–600), so R1 and R2 are not checked and the verdict needs review;
    /// 5 ha lie outside both. Land outside the urban boundary's or other zones' extent is outside them, so
    /// R3 and R4 still judge (and R3 fails land beyond the boundary's extent, y 700–900).
    @Test func aRuleWithoutDataIsNotCheckedNeverPassed() throws {
        let text = ProposalTestZone.project.replacingOccurrences(of: ", coverage: \"zone.gpkg:sjfw\"", with: "")
        let report = try check([Piece(ring: Self.rect(1000, 100, 1100, 600), name: "扩区", type: "扩区", declaredHectares: 5)], projectText: text)
        for id in ["R1", "R2"] {
            #expect(rule(report, id).status == .notChecked, "\(id): \(rule(report, id).reason.en)")
            #expect(rule(report, id).reason.zh.contains("5.00公顷位于图层要素的外包范围之外"))
        }
        #expect(rule(report, "R3").status == .pass && rule(report, "R4").status == .pass)
        #expect(report.verdict == .needsReview)
        let beyond = try check([Piece(ring: Self.rect(1000, 700, 1100, 900), name: "扩区", type: "扩区", declaredHectares: 2)], projectText: text)
        #expect(rule(beyond, "R3").status == .fail && beyond.verdict == .fail)
    }

    /// A zone in 江苏 gets no expansion-size limit from 山西's profile: R7 is not checked, saying why, and the
    /// verdict needs review; a project naming no province is told so.
    @Test func theSizeRuleIsNeverBorrowedFromAnotherProvince() throws {
        let piece = Piece(ring: Self.rect(1000, 100, 1100, 600), name: "扩区", type: "扩区", declaredHectares: 5)
        let jiangsu = try check([piece], projectText: ProposalTestZone.project.replacingOccurrences(of: "province: 山西省", with: "province: 江苏省"))
        #expect(rule(jiangsu, "R7").status == .notChecked && rule(jiangsu, "R7").reason.zh.contains("没有江苏的扩区规模规则"))
        #expect(jiangsu.verdict == .needsReview)
        let none = try check([piece], projectText: ProposalTestZone.project.replacingOccurrences(of: "  province: 山西省\n", with: ""))
        #expect(rule(none, "R7").status == .notChecked && rule(none, "R7").reason.en.contains("zone.province"))
    }

    /// A part 1 166 km away, in another 3° zone's coordinates, stops the check before any rule.
    @Test func aProposalFarFromTheZoneStopsBeforeAnyRule() throws {
        do {
            _ = try check([]) { options, folder in
                options.files = [try ProposalTestZone.proposal([Piece(ring: [XY(39_500_000, 4_500_000), XY(39_501_000, 4_500_000),
                                                                             XY(39_501_000, 4_501_000), XY(39_500_000, 4_500_000)],
                                                                       name: "远处", type: "扩区", declaredHectares: nil)],
                                                               named: "far", in: folder, crs: "EPSG:4527")]
            }
            Issue.record("a proposal far from the zone was checked")
        } catch {
            let mapped = ZoneCalcError(error, source: "")
            #expect(mapped.message(.zh).contains("未作任何检查") && mapped.message(.en).contains("Nothing was checked"), "\(mapped)")
        }
    }

    @Test func malformedProposalsGetClearErrors() throws {
        // A proposal layer with no polygon.
        #expect(throws: ZoneCalcError.self) {
            _ = try check([]) { options, folder in
                let path = folder.appendingPathComponent("empty.gpkg").path
                let dataset = try VectorDataset.create(path, driver: "GPKG")
                _ = try dataset.createLayer(name: "empty", crsWKT: "EPSG:4528", geometry: .polygon, fields: [FieldDefinition(name: "MC", type: .string)])
                try dataset.close()
                options.files = [SourceSpec(path: path)]
            }
        }
        // A proposal in Xi'an 80 (another datum) is refused without the seven parameters; with them it is
        // transformed, and the report and R10 say so.
        func xian80(_ options: inout ProposalOptions, _ folder: URL) throws {
            options.files = [try ProposalTestZone.proposal([Piece(ring: Self.rect(1000, 100, 1100, 600), name: "扩区", type: "扩区", declaredHectares: 5)],
                                                           named: "x80", in: folder, crs: "EPSG:2364")]
        }
        #expect(throws: ZoneCalcError.self) { _ = try check([], configure: xian80) }
        let withParameters = ProposalTestZone.project.replacingOccurrences(of: "area_method: planar\n",
                                                                           with: "area_method: planar\ndatum_transformation: \"0,0,0,0,0,0,0\"\n")
        let xian = try check([], projectText: withParameters, configure: xian80)
        #expect(rule(xian, "R10").reason.zh.contains("七参数"), "\(rule(xian, "R10").reason.zh)")
        #expect(xian.notes.contains { $0.en.contains("+towgs84=0.0,0.0,0.0,0.0,0.0,0.0,0.0") })
        // A file that does not exist.
        #expect(throws: ZoneCalcError.self) { _ = try check([]) { options, _ in options.files = [SourceSpec(path: "/nonexistent/kq.txt")] } }
    }

    /// The sample zone: the expansion fails (2.34 ha of basic farmland, about 44 ha outside the urban
    /// boundary, GeoData/README.md); the adjustment passes (same area, clean 调入).
    @Test func theSampleProposalsGetTheirVerdicts() throws {
        let project = try ZoneProjectLoader.load(TestData.sample("zone.yaml"))
        var expansion = ProposalOptions()
        expansion.files = [SourceSpec(path: TestData.sample("kqfw.txt"))]
        let kq = try ProposalJob.run(frame: try AnalysisFrame(project: project), options: expansion)
        #expect(kq.verdict == .fail)
        #expect(rule(kq, "R5").status == .info)   // the 三调 layer covers the expansion (to digitising noise)
        #expect(abs(rule(kq, "R1").pieces.reduce(0) { $0 + $1.area.planar! } / 10_000 - 2.34) < 0.005)
        #expect(abs(rule(kq, "R3").pieces.reduce(0) { $0 + $1.area.planar! } / 10_000 - 44) < 0.5)
        var adjustment = ProposalOptions()
        adjustment.layer = .adjustment
        let tq = try ProposalJob.run(frame: try AnalysisFrame(project: project), options: adjustment)
        #expect(tq.kind == .adjustment && tq.verdict == .pass)
        #expect(abs(tq.added.planar! - tq.removed.planar!) < 1)
    }

    /// Review cases: a name containing "out" with 调入 is not taken out; pieces adding nothing do not crash
    /// and need review; an adjustment that shrinks the zone needs review; an expansion given as a new
    /// boundary is judged as an expansion.
    @Test func changeTypesEmptyAdditionsAndShrinkingAdjustments() throws {
        let south = try check([Piece(ring: Self.rect(0, 0, 100, 100), name: "调出", type: "调出", declaredHectares: 1),
                               Piece(ring: Self.rect(1000, 0, 1250, 800), name: "Southeast plot", type: "调入", declaredHectares: 20)])
        #expect(abs(south.added.planar! - 200_000) < 1e-6)
        #expect(south.verdict == .fail)
        let inside = try check([Piece(ring: Self.rect(100, 100, 200, 200), name: "扩区", type: "扩区", declaredHectares: 1)])
        #expect(inside.added.planar == 0 && rule(inside, "R9").status == .needsReview)
        let shrink = try check([Piece(ring: Self.rect(0, 0, 200, 100), name: "调出", type: "调出", declaredHectares: 2),
                                Piece(ring: Self.rect(1000, 100, 1100, 200), name: "调入", type: "调入", declaredHectares: 1)])
        #expect(rule(shrink, "R6").status == .needsReview)
        let grown = try check([]) { options, folder in
            let context = GEOSContext()
            let new = try Geometry.collection(.collection, of: [try Geometry.polygon(shell: Self.rect(0, 0, 1000, 1000), context: context),
                                                               try Geometry.polygon(shell: Self.rect(1000, 100, 1100, 600), context: context)],
                                              context: context).unaryUnion()
            let path = folder.appendingPathComponent("grown.gpkg").path
            let dataset = try VectorDataset.create(path, driver: "GPKG")
            let layer = try dataset.createLayer(name: "grown", crsWKT: "EPSG:4528", geometry: .multiPolygon, fields: [FieldDefinition(name: "MC", type: .string)])
            try layer.addFeature([.string("扩区后边界")], wkb: try new.wkb())
            try dataset.close()
            options.newBoundary = SourceSpec(path: path)
        }
        #expect(grown.kind == .expansion && rule(grown, "R6").status == .notApplicable && rule(grown, "R7").status == .pass)
    }
}
