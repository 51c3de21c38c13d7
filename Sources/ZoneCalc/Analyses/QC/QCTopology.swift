import GeoBridge

/// The second pass of `zonecalc qc`: parcels overlapping each other (T01, the interiors intersect and
/// neither contains the other, intersection above the tolerance — the peers' definition), equal
/// geometries (T02) and parcels inside another (T03). Each worker builds an STRtree of every parcel's
/// box in its own GEOS context and checks the pairs (i, j > i) of its share of i: boxes first, then the
/// area the parcels' convex pieces share, and GEOS only for the pairs those cannot settle.
enum QCTopology {
    /// - Parameter pieces: the records' convex pieces, one entry per record.
    static func run(_ records: [QCRecord], pieces: ConvexPieces, rules: QCRules, workers: Int, progress: ProgressMeter?) throws -> [QCFinding] {
        guard rules.on("T01") || rules.on("T02") || rules.on("T03") else { return [] }
        let ranges = PartitionedRun.ranges(records.count, workers: workers)
        // The pair test reads boxes and areas from flat arrays, not from a million scattered records.
        let boxes = records.map { $0.fixed == nil ? nil : $0.bounds }, areas = records.map(\.area)
        let results = try PartitionedRun.run(ranges) { range in
            try pieces.withReader { pieces in
                try pairs(records, boxes: boxes, areas: areas, pieces: pieces, range: range, rules: rules, progress: progress)
            }
        }
        return results.flatMap { $0 }
    }

    private static func pairs(_ records: [QCRecord], boxes: [Bounds?], areas: [Double], pieces: ConvexPieces.Reader, range: Range<Int>,
                              rules: QCRules, progress: ProgressMeter?) throws -> [QCFinding] {
        let context = GEOSContext()
        let index = try SpatialIndex(boxes: boxes, context: context)
        // GEOS geometries only for the pairs the convex pieces cannot settle (they have a box, so WKB).
        let geometries = LazyGeometries(context: context) { records[$0].fixed! }
        var findings: [QCFinding] = []
        func finding(_ code: String, _ a: QCRecord, _ b: QCRecord, _ message: Bilingual, value: Double?, piece: Geometry?) throws {
            findings.append(QCFinding(code: code, severity: rules.severity(code), featureIndex: a.index, fid: a.fid, featureId: a.id,
                                      otherIndex: b.index, otherId: b.id, message: message, value: value,
                                      location: try piece.flatMap { $0.isEmpty ? nil : try $0.pointOnSurface() },
                                      wkb: try piece.flatMap { $0.isEmpty ? nil : try $0.wkb() }))
        }
        var done = 0
        for position in range {
            done += 1
            if done % 4096 == 0 { progress?.advance(4096) }
            guard let boundsA = boxes[position] else { continue }
            for other in try index.candidates(in: boundsA) where other > position {
                guard let boundsB = boxes[other] else { continue }
                // The overlap lies within both boxes, so boxes sharing at most the tolerance's area cannot
                // overlap beyond it — unless one box holds the other (equal or contained parcels).
                if !boundsA.contains(boundsB), !boundsB.contains(boundsA), boundsA.overlapArea(boundsB) <= rules.overlapArea { continue }
                // Parcels sharing less than half the tolerance cannot overlap beyond it, and sharing less than a
                // quarter of the smaller one they are neither equal nor one inside the other (ConvexPieces).
                if let shared = pieces.sharedArea(position, other, origin: XY(boundsA.minX, boundsA.minY)),
                   shared < rules.overlapArea / 2, shared < min(areas[position], areas[other]) / 4 { continue }
                let recordA = records[position], recordB = records[other]
                let a = try geometries.geometry(position), b = try geometries.geometry(other)
                let label = { (and: String) in "\(recordA.id ?? "#\(recordA.index + 1)")\(and)\(recordB.id ?? "#\(recordB.index + 1)")" }
                // One relate per pair: GEOS 3.11 computes intersects by a full relate too, and preparing
                // each parcel to filter the pairs that do not touch costs as much as it saves (measured).
                if try a.overlaps(b) {
                    guard rules.on("T01") else { continue }
                    let piece = try a.intersection(b).polygonalPart()
                    let area = try piece.area()
                    if area > rules.overlapArea {
                        try finding("T01", recordA, recordB, Bilingual("\(label(" 与 ")) 重叠 \(NumberText.fixed(area, decimals: 2)) 平方米", "\(label(" and ")) overlap by \(NumberText.fixed(area, decimals: 2)) m²"), value: area, piece: piece)
                    }
                } else if boundsA == boundsB, try a.equals(b) {
                    if rules.on("T02") { try finding("T02", recordA, recordB, Bilingual("\(label(" 与 ")) 几何相同", "\(label(" and ")) have the same geometry"), value: recordA.area, piece: a) }
                } else if rules.on("T03"), recordA.area > 0, recordB.area > 0, boundsA.contains(boundsB) || boundsB.contains(boundsA),
                          try (boundsA.contains(boundsB) && a.contains(b)) || (boundsB.contains(boundsA) && b.contains(a)) {
                    let inner = recordA.area < recordB.area ? a : b
                    try finding("T03", recordA, recordB, Bilingual("\(label(" 与 "))：一宗位于另一宗内", "\(label(" and ")): one lies inside the other"), value: min(recordA.area, recordB.area), piece: inner)
                }
            }
        }
        progress?.advance(done % 4096)
        return findings
    }
}
