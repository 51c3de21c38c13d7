import GeoBridge

/// The second pass of `zonecalc qc`: parcels overlapping each other (T01, the interiors intersect and
/// neither contains the other, intersection above the tolerance — the peers' definition), equal
/// geometries (T02) and parcels inside another (T03). Each worker holds every fixed geometry in its
/// own GEOS context with an STRtree and checks the pairs (i, j > i) of its share of i.
enum QCTopology {
    static func run(_ records: [QCRecord], rules: QCRules, workers: Int, progress: QCProgress?) throws -> [QCFinding] {
        guard rules.on("T01") || rules.on("T02") || rules.on("T03") else { return [] }
        let count = records.count, parts = max(1, min(workers, count))
        let ranges = (0..<parts).map { part in (count * part / parts)..<(count * (part + 1) / parts) }
        let results = try PartitionedRun.run(ranges) { range in
            try pairs(records, range: range, rules: rules, progress: progress)
        }
        return results.flatMap { $0 }
    }

    private static func pairs(_ records: [QCRecord], range: Range<Int>, rules: QCRules, progress: QCProgress?) throws -> [QCFinding] {
        let context = GEOSContext()
        var positions: [Int] = [], geometries: [Geometry] = []
        positions.reserveCapacity(records.count)
        geometries.reserveCapacity(records.count)
        var slot = Array(repeating: -1, count: records.count)
        for (position, record) in records.enumerated() {
            guard let wkb = record.fixed else { continue }
            slot[position] = geometries.count
            positions.append(position)
            geometries.append(try Geometry.fromWKB(wkb, context: context))
        }
        let index = try SpatialIndex(geometries, context: context)
        var findings: [QCFinding] = []
        func finding(_ code: String, _ a: QCRecord, _ b: QCRecord, _ message: String, value: Double?, piece: Geometry?) throws {
            findings.append(QCFinding(code: code, severity: rules.severity(code), featureIndex: a.index, fid: a.fid, featureId: a.id,
                                      otherIndex: b.index, otherId: b.id, message: message, value: value,
                                      location: try piece.flatMap { $0.isEmpty ? nil : try $0.pointOnSurface() },
                                      wkb: try piece.flatMap { $0.isEmpty ? nil : try $0.wkb() }))
        }
        var done = 0
        for position in range {
            done += 1
            if done % 4096 == 0 { progress?.advance(4096) }
            let own = slot[position]
            guard own >= 0 else { continue }
            let a = geometries[own], recordA = records[position]
            for candidate in index.candidates(for: a) {
                let other = positions[candidate]
                guard other > position else { continue }
                let b = geometries[candidate], recordB = records[other]
                guard let boundsA = recordA.bounds, let boundsB = recordB.bounds else { continue }
                // The overlap lies within both boxes, so boxes sharing at most the tolerance's area cannot
                // overlap beyond it — unless one box holds the other (equal or contained parcels).
                if !boundsA.contains(boundsB), !boundsB.contains(boundsA), boundsA.overlapArea(boundsB) <= rules.overlapArea { continue }
                let label = { "\(recordA.id ?? "#\(recordA.index + 1)") and \(recordB.id ?? "#\(recordB.index + 1)")" }
                // One relate per pair: GEOS 3.11 computes intersects by a full relate too, and preparing
                // each parcel to filter the pairs that do not touch costs as much as it saves (measured).
                if try a.overlaps(b) {
                    guard rules.on("T01") else { continue }
                    let piece = try a.intersection(b).polygonalPart()
                    let area = try piece.area()
                    if area > rules.overlapArea {
                        try finding("T01", recordA, recordB, "\(label()) overlap by \(NumberText.fixed(area, decimals: 2)) m²", value: area, piece: piece)
                    }
                } else if boundsA == boundsB, try a.equals(b) {
                    if rules.on("T02") { try finding("T02", recordA, recordB, "\(label()) have the same geometry", value: recordA.area, piece: a) }
                } else if rules.on("T03"), recordA.area > 0, recordB.area > 0, boundsA.contains(boundsB) || boundsB.contains(boundsA),
                          try (boundsA.contains(boundsB) && a.contains(b)) || (boundsB.contains(boundsA) && b.contains(a)) {
                    let inner = recordA.area < recordB.area ? a : b
                    try finding("T03", recordA, recordB, "\(label()): one lies inside the other", value: min(recordA.area, recordB.area), piece: inner)
                }
            }
        }
        progress?.advance(done % 4096)
        return findings
    }
}
