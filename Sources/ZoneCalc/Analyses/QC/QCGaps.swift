import GeoBridge

/// T04 (off by default): gaps between neighbouring parcels — the land inside the zone (or, without a
/// zone, the holes of the parcels' union) that no parcel covers and whose mean width 2A/P is below the
/// gap width, i.e. digitising gaps rather than roads or unsupplied land. Needs the union of every
/// parcel, so it is meant for zone-sized layers.
enum QCGaps {
    static func run(_ records: [QCRecord], zoneWKB: [UInt8]?, rules: QCRules) throws -> [QCFinding] {
        guard rules.on("T04") else { return [] }
        let context = GEOSContext()
        let parcels = try records.compactMap { record in try record.fixed.map { try Geometry.fromWKB($0, context: context) } }
        guard !parcels.isEmpty else { return [] }
        let covered = try Geometry.collection(.collection, of: parcels, context: context).unaryUnion()
        let uncovered: [Geometry]
        if let zoneWKB {
            uncovered = try Geometry.fromWKB(zoneWKB, context: context).difference(covered).polygons
        } else {
            // The holes of the union, as polygons.
            uncovered = try covered.polygons.flatMap { polygon in
                try polygon.polygonRings().dropFirst().map { ring in try Geometry.polygon(shell: ring, context: context) }
            }
        }
        var findings: [QCFinding] = []
        for gap in uncovered {
            let area = try gap.area(), perimeter = try gap.length()
            guard area >= rules.gapMinArea, perimeter > 0 else { continue }
            let width = 2 * area / perimeter
            guard width < rules.gapWidth else { continue }
            findings.append(QCFinding(code: "T04", severity: rules.severity("T04"),
                                      message: Bilingual("宗地之间有 \(NumberText.fixed(area, decimals: 2)) 平方米的缝隙，平均宽度 \(NumberText.fixed(width, decimals: 3)) 米",
                                                        "gap of \(NumberText.fixed(area, decimals: 2)) m², mean width \(NumberText.fixed(width, decimals: 3)) m, between parcels"),
                                      value: area, location: try gap.pointOnSurface(), wkb: try gap.wkb()))
        }
        return findings
    }

}
