/// Groups the points of one parcel into rings by 圈号 (部标界址点坐标交换格式) and checks them.
///
/// A ring is the run of consecutive points sharing a 圈号; a 圈号 that comes back after
/// another ring is an error, because its points are not one contiguous boundary and
/// guessing would silently change the geometry. Unclosed rings are closed with a copy of
/// their first point (warning); consecutive duplicate points are kept (warning); a ring
/// with fewer than 4 points after closing is an error.
struct ParcelRingAssembler {
    private(set) var rings: [BoundaryRing] = []
    private var pointLineCount = 0

    /// Adds the next point line of the parcel.
    mutating func append(_ point: BoundaryPoint, source: String) throws(BoundaryPointTxtError) {
        pointLineCount += 1
        if let last = rings.last, last.ringNumber == point.ringNumber {
            rings[rings.count - 1].points.append(point)
            return
        }
        if let earlier = rings.first(where: { $0.ringNumber == point.ringNumber }) {
            throw BoundaryPointTxtError(source: source, line: point.line,
                                        kind: .ringNumberReused(ringNumber: point.ringNumber, firstLine: earlier.points[0].line))
        }
        rings.append(BoundaryRing(ringNumber: point.ringNumber, points: [point]))
    }

    /// Closes and checks the rings of `parcel`, returning it with its rings.
    func finish(_ parcel: BoundaryParcel, source: String,
                warnings: inout [BoundaryPointTxtWarning]) throws(BoundaryPointTxtError) -> BoundaryParcel {
        guard !rings.isEmpty else {
            throw BoundaryPointTxtError(source: source, line: parcel.line, kind: .emptyParcel(id: parcel.id))
        }
        if let declared = parcel.declaredPointCount, declared != pointLineCount {
            warnings.append(.init(line: parcel.line, code: .pointCount,
                                  message: Bilingual("界址点数为 \(declared)，但其后有 \(pointLineCount) 个点行", "界址点数 is \(declared) but \(pointLineCount) point lines follow")))
        }
        let numbers = rings.map(\.ringNumber)
        if numbers != Array(1...numbers.count) {
            warnings.append(.init(line: parcel.line, code: .ringNumberOrder,
                                  message: Bilingual("圈号 \(numbers.map(String.init).joined(separator: "、")) 不是按 1、2、3 … 的顺序", "圈号 values \(numbers.map(String.init).joined(separator: ", ")) are not 1, 2, 3 … in order")))
        }
        var result = parcel
        result.rings = try rings.map { ring throws(BoundaryPointTxtError) in
            try Self.checked(ring, source: source, warnings: &warnings)
        }
        return result
    }

    private static func checked(_ ring: BoundaryRing, source: String,
                                warnings: inout [BoundaryPointTxtWarning]) throws(BoundaryPointTxtError) -> BoundaryRing {
        var ring = ring
        for (previous, point) in zip(ring.points, ring.points.dropFirst()) where sameCoordinates(previous, point) {
            warnings.append(.init(line: point.line, code: .duplicatePoint,
                                  message: Bilingual("点“\(point.name)”与上一点（第 \(previous.line) 行）重复", "point '\(point.name)' repeats the previous point (line \(previous.line))")))
        }
        let first = ring.points[0]
        let last = ring.points[ring.points.count - 1]
        if ring.points.count == 1 || !sameCoordinates(first, last) {
            warnings.append(.init(line: last.line, code: .unclosedRing,
                                  message: Bilingual("圈号 \(ring.ringNumber) 的环未闭合，已复制点“\(first.name)”闭合", "ring 圈号 \(ring.ringNumber) is not closed; closed with a copy of point '\(first.name)'")))
            ring.points.append(first)
        }
        guard ring.points.count >= 4 else {
            throw BoundaryPointTxtError(source: source, line: first.line,
                                        kind: .tooFewPoints(ringNumber: ring.ringNumber, count: ring.points.count))
        }
        return ring
    }

    private static func sameCoordinates(_ a: BoundaryPoint, _ b: BoundaryPoint) -> Bool {
        a.northing == b.northing && a.easting == b.easting
    }
}
