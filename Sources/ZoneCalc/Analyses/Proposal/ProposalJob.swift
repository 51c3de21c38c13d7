import Foundation
import GeoBridge

/// What `zonecalc proposal check` is given.
public struct ProposalOptions: Sendable {
    /// Files of land added (扩区, 调入); parts named or typed 调出 count as taken out.
    public var files: [SourceSpec] = []
    /// Files of land taken out (调出).
    public var removals: [SourceSpec] = []
    /// The requested new boundary (then added and removed land are derived).
    public var newBoundary: SourceSpec?
    /// The project's proposal layer to use when no file is given (expansion or adjustment).
    public var layer: LayerRole?
    /// CRS of the proposal files when they have none or a wrong one.
    public var crs: String?

    public init() {}
}

/// `zonecalc proposal check`: checks an expansion or adjustment proposal against the control lines,
/// the land use, other zones and the province's rules, and gives a verdict.
public enum ProposalJob {
    public static func run(frame: AnalysisFrame, options: ProposalOptions) throws(ZoneCalcError) -> ProposalReport {
        let project = frame.project
        let rules = try ProposalRules.load(RuleFiles(project: project))
        _ = try project.layer(.boundary)
        let crs = frame.crs
        let geometry = try ProposalGeometry(frame: frame)
        let parts = try readParts(frame: frame, options: options)
        let method: AreaMethod = project.areaMethod == .geodesic ? .planar : project.areaMethod
        let checks = ProposalChecks(geometry: geometry, rules: rules, project: project, method: method)
        do {
            let approved = try geometry.union(try geometry.features(project, .boundary)!.map(\.geometry))
            try requireNearTheZone(parts, approved: approved, geometry: geometry, rules: rules)
            var notes: [Bilingual] = []
            var kind: ProposalKind
            var added: Geometry, removed: Geometry
            if options.newBoundary != nil {
                kind = .newBoundary
                let requested = try geometry.union(parts.map { try geometry.polygon($0.wkb) })
                added = try requested.difference(approved).polygonalPart()
                removed = try approved.difference(requested).polygonalPart()
            } else {
                kind = parts.contains { $0.change == .removed } ? .adjustment : .expansion
                let addedRaw = try geometry.union(parts.filter { $0.change == .added }.map { try geometry.polygon($0.wkb) })
                let removedRaw = try geometry.union(parts.filter { $0.change == .removed }.map { try geometry.polygon($0.wkb) })
                added = try addedRaw.difference(approved).polygonalPart()
                removed = try removedRaw.intersection(approved).polygonalPart()
                let overlapInside = (try geometry.measure(addedRaw).planar ?? 0) - (try geometry.measure(added).planar ?? 0)
                if overlapInside > rules.overlapTolerance {
                    let m2 = NumberText.fixed(overlapInside, decimals: 2)
                    notes.append(Bilingual("拟新增地块中有\(m2)平方米已在核准范围内，不计入新增面积。",
                                           "\(m2) m² of the added parts already lie in the approved zone and are not counted as added."))
                }
                let outside = (try geometry.measure(removedRaw).planar ?? 0) - (try geometry.measure(removed).planar ?? 0)
                if outside > rules.overlapTolerance {
                    let m2 = NumberText.fixed(outside, decimals: 2)
                    notes.append(Bilingual("调出地块中有\(m2)平方米不在核准范围内，不计入调出面积。",
                                           "\(m2) m² of the parts taken out lie outside the approved zone and are not counted."))
                }
            }
            if kind == .newBoundary {
                // A new boundary is judged as what it amounts to: an expansion when nothing is taken out.
                kind = (try geometry.measure(removed).planar ?? 0) > rules.overlapTolerance ? .adjustment : .expansion
                notes.append(Bilingual("方案以调整后边界给出，新增与调出部分由其与核准范围比较得出。",
                                       "Given as a new boundary; the land added and taken out is its difference with the approved zone."))
            }
            let kept = try approved.difference(removed)
            let after = try geometry.union([kept, added])
            let approvedArea = try geometry.measure(approved), addedArea = try geometry.measure(added)
            var results: [RuleResult] = []
            results.append(try checks.noOverlap(id: "R1", role: .farmland, added: added, title: Bilingual("不占用永久基本农田", "no permanent basic farmland"),
                                                source: Citations.text("three-control-lines-2019")))
            results.append(try checks.noOverlap(id: "R2", role: .ecologicalRedLine, added: added,
                                                title: Bilingual("不占用生态保护红线", "no ecological protection red line"), source: Citations.text("three-control-lines-2019")))
            results.append(try checks.insideUrbanBoundary(added: added))
            results.append(try checks.noOverlap(id: "R4", role: .otherZones, added: added, title: Bilingual("不与其他开发区重叠", "no overlap with other zones"),
                                                source: Citations.text("zone-catalogue-2018") + "；" + Citations.text("state-council-2017-7")))
            let (landUseResult, landUse) = try checks.landUse(added: added)
            results.append(landUseResult)
            results.append(checks.keepsApprovedArea(kind: kind, approved: approvedArea, after: try geometry.measure(after)))
            results.append(checks.expansionSize(kind: kind, added: addedArea, approved: approvedArea))
            results.append(try checks.preconditions())
            results.append(try checks.geometryQuality(parts: parts, added: added, approved: kept))
            results.append(try checks.coordinates(parts: parts))
            let removedPieces = try removed.polygons.map { polygon in
                RemovedPiece(area: try geometry.measure(polygon), location: try polygon.pointOnSurface() ?? XY(0, 0), wkb: try polygon.wkb())
            }
            var report = ProposalReport(zoneName: project.name, zoneCode: project.code, kind: kind, crs: crs, approved: approvedArea,
                                  removed: try geometry.measure(removed), added: addedArea, after: try geometry.measure(after),
                                  landUse: landUse, removedPieces: removedPieces, removedLandUse: try checks.composition(of: removed), rules: results, verdict: verdict(results), method: method, parts: parts,
                                  approvedWKB: try approved.wkb(), addedWKB: added.isEmpty ? nil : try added.wkb(),
                                  removedWKB: removed.isEmpty ? nil : try removed.wkb(), newBoundaryWKB: try after.wkb(),
                                  context: try mapContext(project, geometry: geometry),
                                  notes: notes + frame.notes)
            report.givenAsNewBoundary = options.newBoundary != nil
            return report
        } catch {
            throw ZoneCalcError(error, source: project.path)
        }
    }

    /// A part farther from the approved zone than the rules allow is in the wrong place (a wrong zone
    /// number or CRS, swapped axes): no rule can judge it, so the check stops before any rule.
    static func requireNearTheZone(_ parts: [ProposalPart], approved: Geometry, geometry: ProposalGeometry,
                                   rules: ProposalRules) throws {
        guard !approved.isEmpty else { return }
        for part in parts {
            let shape = try geometry.polygon(part.wkb)
            guard !shape.isEmpty else { continue }
            let distance = try geometry.distance(shape, approved)
            guard distance > rules.maxDistanceKm * 1000 else { continue }
            let km = NumberText.fixed(distance / 1000, decimals: 1), limit = NumberText.fixed(rules.maxDistanceKm, decimals: 0)
            throw ZoneCalcError.invalidArgument(Bilingual(
                "\(part.source)：\(part.label)距开发区核准范围\(km)公里（超过\(limit)公里），疑为带号、坐标轴顺序或坐标系错误，未作任何检查；请核对该文件的坐标系（\(part.crs.name)）。",
                "\(part.source): \(part.label) is \(km) km from the approved zone, more than \(limit) km: a wrong zone number, swapped axes or a wrong CRS? "
                    + "Nothing was checked; check the file's CRS, \(part.crs.name)."))
        }
    }

    /// fail if any rule fails; needs review if any needs review or could not be checked; else pass.
    static func verdict(_ results: [RuleResult]) -> RuleStatus {
        if results.contains(where: { $0.status == .fail }) { return .fail }
        if results.contains(where: { $0.status == .needsReview || $0.status == .notChecked }) { return .needsReview }
        return .pass
    }

    static func readParts(frame: AnalysisFrame, options: ProposalOptions) throws(ZoneCalcError) -> [ProposalPart] {
        let project = frame.project
        var parts: [ProposalPart] = []
        for spec in options.files { parts += try ProposalInput.read(spec, layer: nil, change: nil, frame: frame, crsOverride: options.crs) }
        for spec in options.removals { parts += try ProposalInput.read(spec, layer: nil, change: .removed, frame: frame, crsOverride: options.crs) }
        if let newBoundary = options.newBoundary {
            parts += try ProposalInput.read(newBoundary, layer: nil, change: .added, frame: frame, crsOverride: options.crs)
        }
        if parts.isEmpty {
            let roles = options.layer.map { [$0] } ?? [.expansion, .adjustment].filter { project.layers[$0] != nil }
            guard roles.count == 1, let layer = project.layers[roles[0]] else {
                throw .invalidArgument(roles.isEmpty
                    ? Bilingual("请给出申请材料：扩区/调入的文件、--remove 调出的文件或 --new-boundary，或在项目文件中设 expansion/adjustment 图层",
                                "give the proposal: files (扩区/调入), --remove files (调出) or --new-boundary, or an expansion/adjustment layer in the project")
                    : Bilingual("项目文件同时有扩区（expansion）和调区（adjustment）图层：请用 --role expansion 或 --role adjustment 选一个，或直接给出文件",
                                "the project has both an expansion and an adjustment layer: choose one with --role expansion|adjustment, or give files"))
            }
            parts = try ProposalInput.read(layer.source, layer: layer, change: nil, frame: frame, crsOverride: nil)
        }
        return parts
    }

    /// Farmland, red line and urban boundary features for the map.
    static func mapContext(_ project: ZoneProject, geometry: ProposalGeometry) throws -> [(kind: String, wkb: [UInt8])] {
        var context: [(kind: String, wkb: [UInt8])] = []
        for role in [LayerRole.urbanDevelopmentBoundary, .farmland, .ecologicalRedLine, .otherZones] {
            for feature in try geometry.features(project, role) ?? [] { context.append((role.rawValue, try feature.geometry.wkb())) }
        }
        return context
    }
}
