import Foundation
import GeoBridge

/// Rules 9 and 10: the proposal's geometry (validity, slivers, spikes, enclaves, declared areas) and
/// its coordinates (CRS and distance from the zone).
extension ProposalChecks {
    /// Rule 9. `approved` is the zone that remains (approved less what is taken out), for enclaves.
    func geometryQuality(parts: [ProposalPart], added: Geometry, approved: Geometry) throws -> RuleResult {
        let title = Bilingual("图形质量", "geometry quality")
        let source = "图形质量阈值（见规则配置）：碎片宽度 < \(NumberText.fixed(rules.sliverWidth, decimals: 1)) 米或面积 < \(NumberText.fixed(rules.sliverArea, decimals: 0)) 平方米，尖角 < \(NumberText.fixed(rules.spikeAngleDegrees, decimals: 1))°，申报面积偏差 ±\(NumberText.fixed(rules.declaredAreaTolerancePercent, decimals: 2)) %；飞地需专门说明（通行做法）"
        var failZh: [String] = [], failEn: [String] = [], reviewZh: [String] = [], reviewEn: [String] = []
        var pieces: [ConflictPiece] = []
        for part in parts {
            let raw = try Geometry.fromWKB(part.wkb, context: geometry.context)
            if raw.isEmpty {
                failZh.append("\(part.label)：图形为空"); failEn.append("\(part.label): empty geometry")
                continue
            }
            if let problem = try raw.validityProblem() {
                let reason = problem.bilingual
                failZh.append("\(part.label)：图形无效（\(reason.zh)），已按 make-valid 修复后计算")
                failEn.append("\(part.label): invalid (\(reason.en)); measured after make-valid")
            }
            let repaired = try geometry.polygon(part.wkb)
            for spike in try spikes(repaired) {
                reviewZh.append("\(part.label)：(\(NumberText.fixed(spike.y, decimals: 3)), \(NumberText.fixed(spike.x, decimals: 3))) 处尖角 \(NumberText.fixed(spike.angle, decimals: 3))°")
                reviewEn.append("\(part.label): spike of \(NumberText.fixed(spike.angle, decimals: 3))° at X \(NumberText.fixed(spike.y, decimals: 3)), Y \(NumberText.fixed(spike.x, decimals: 3))")
            }
            if let declared = part.declaredArea, declared > 0 {
                let computed = try geometry.measure(repaired).planar ?? 0
                let difference = (declared - computed) / computed * 100
                if abs(difference) > rules.declaredAreaTolerancePercent {
                    // A ratio of 10 000 is an area in m² given where 公顷 are expected.
                    let unitZh = abs(declared / computed / 10_000 - 1) < 0.02 ? "（疑为以平方米填报）" : ""
                    let unitEn = unitZh.isEmpty ? "" : " — given in m² where 公顷 are expected?"
                    reviewZh.append("\(part.label)：申报面积\(Self.hectares(declared))公顷，计算面积\(Self.hectares(computed))公顷，相差\(NumberText.fixed(difference, decimals: 2))%\(unitZh)")
                    reviewEn.append("\(part.label): declared \(Self.hectares(declared)) ha, computed \(Self.hectares(computed)) ha (\(NumberText.fixed(difference, decimals: 2)) %)\(unitEn)")
                }
            }
        }
        var slivers = 0, enclaves = 0
        for polygon in added.polygons {
            let area = try geometry.measure(polygon)
            let planar = area.planar ?? 0, perimeter = try geometry.inMetres(polygon).length()
            let width = perimeter > 0 ? 2 * planar / perimeter : 0
            guard let location = try polygon.pointOnSurface() else { continue }  // a collapsed part: nothing to show
            if planar < rules.sliverArea || width < rules.sliverWidth {
                reviewZh.append("碎片 \(NumberText.fixed(planar, decimals: 2))平方米，平均宽度\(NumberText.fixed(width, decimals: 2))米")
                reviewEn.append("sliver of \(NumberText.fixed(planar, decimals: 2)) m², mean width \(NumberText.fixed(width, decimals: 2)) m")
                slivers += 1
                pieces.append(ConflictPiece(rule: "R9", kind: Bilingual("碎片", "sliver"), label: "碎片", area: area, location: location, wkb: try polygon.wkb()))
                continue
            }
            let distance = approved.isEmpty ? 0 : try geometry.distance(polygon, approved)
            if distance > 0 {
                reviewZh.append("飞地：\(Self.hectares(value(area)))公顷，距核准范围\(NumberText.fixed(distance, decimals: 2))米，需专门说明")
                reviewEn.append("enclave (飞地) of \(Self.hectares(value(area))) ha, \(NumberText.fixed(distance, decimals: 2)) m from the approved zone: needs a justification")
                enclaves += 1
                pieces.append(ConflictPiece(rule: "R9", kind: Bilingual("飞地", "enclave"), label: "距核准范围\(NumberText.fixed(distance, decimals: 1))米", area: area,
                                            location: location, wkb: try polygon.wkb()))
            }
        }
        if parts.contains(where: { $0.change == .added }), (try geometry.measure(added).planar ?? 0) <= rules.overlapTolerance {
            reviewZh.append("拟新增地块均在核准范围内，实际未新增用地")
            reviewEn.append("the added pieces lie inside the approved zone: no land is added")
        }
        let status: RuleStatus = !failZh.isEmpty ? .fail : (!reviewZh.isEmpty ? .needsReview : .pass)
        let zh = (failZh + reviewZh).joined(separator: "；"), en = (failEn + reviewEn).joined(separator: "; ")
        let declared = parts.contains { $0.declaredArea != nil }
        return RuleResult(id: "R9", title: title, source: source, status: status,
                          reason: status == .pass ? Bilingual("图形有效，无碎片、尖角和飞地" + (declared ? "，申报面积与计算面积一致。" : "。"),
                                                              "Valid geometry; no sliver, spike or enclave" + (declared ? "; declared areas agree." : "."))
                                                  : Bilingual(zh + "。", en + "."),
                          figures: ["sliverPieces": Double(slivers), "enclavePieces": Double(enclaves),
                                    "sliverAreaSquareMetres": rules.sliverArea, "sliverWidthMetres": rules.sliverWidth,
                                    "spikeAngleDegrees": rules.spikeAngleDegrees, "declaredAreaTolerancePercent": rules.declaredAreaTolerancePercent],
                          pieces: pieces)
    }

    /// Vertices whose interior angle is below the spike threshold.
    func spikes(_ polygon: Geometry) throws -> [(x: Double, y: Double, angle: Double)] {
        var found: [(x: Double, y: Double, angle: Double)] = []
        for part in polygon.polygons {
            for ring in try part.polygonRings() {
                let points = ring.count > 1 && ring.first == ring.last ? Array(ring.dropLast()) : ring
                guard points.count >= 3 else { continue }
                for index in points.indices {
                    let previous = points[(index + points.count - 1) % points.count], point = points[index], next = points[(index + 1) % points.count]
                    let a = (previous.x - point.x, previous.y - point.y), b = (next.x - point.x, next.y - point.y)
                    let lengths = (a.0 * a.0 + a.1 * a.1).squareRoot() * (b.0 * b.0 + b.1 * b.1).squareRoot()
                    guard lengths > 0 else { continue }
                    let cosine = max(-1, min(1, (a.0 * b.0 + a.1 * b.1) / lengths))
                    let angle = acos(cosine) * 180 / .pi
                    if angle < rules.spikeAngleDegrees { found.append((point.x, point.y, angle)) }
                }
            }
        }
        return found
    }

    /// Rule 10: the parts' CRS and datum against the project's (a part far from the zone has already
    /// stopped the check, ``ProposalJob/requireNearTheZone(_:approved:geometry:rules:)``).
    func coordinates(parts: [ProposalPart]) throws -> RuleResult {
        let title = Bilingual("坐标系与位置", "coordinates")
        let source = "项目工作坐标系与基准（\(Citations.text("tdt-1055-2019"))：2000国家大地坐标系，高斯-克吕格投影）"
        var reviewZh: [String] = [], reviewEn: [String] = [], noteZh: [String] = [], noteEn: [String] = []
        let target = geometry.crs
        for part in parts {
            for warning in part.warnings {
                reviewZh.append("\(part.label)：\(warning.zh)")
                reviewEn.append("\(part.label): \(warning.en)")
            }
            if part.crs.definition != target.definition {
                if part.crs.datum != target.datum {
                    // Only with the project's seven parameters (otherwise the frame refused the file).
                    noteZh.append("\(part.label)：坐标系为\(part.crs.name)，已按项目给定的七参数转换到\(target.name)")
                    noteEn.append("\(part.label): in \(part.crs.name), transformed to \(target.name) with the project's seven parameters")
                } else {
                    noteZh.append("\(part.label)：由\(part.crs.name)转换到\(target.name)")
                    noteEn.append("\(part.label): transformed from \(part.crs.name) to \(target.name)")
                }
            }
        }
        let status: RuleStatus = reviewZh.isEmpty ? .pass : .needsReview
        let zh = (reviewZh + noteZh).joined(separator: "；"), en = (reviewEn + noteEn).joined(separator: "; ")
        return RuleResult(id: "R10", title: title, source: source, status: status,
                          reason: zh.isEmpty ? Bilingual("坐标系与项目一致（\(target.name)），位置在核准范围附近。",
                                                         "Same CRS as the project (\(target.name)); located by the approved zone.")
                                             : Bilingual(zh + "。", en + "."))
    }
}
