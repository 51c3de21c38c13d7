import GeoBridge

/// Finds pieces of different A features that overlap inside the same B feature and makes the
/// overlapping area count once: the feature that comes first in layer A keeps it, later ones are
/// reduced to what no earlier piece covers (`net = piece − union(earlier overlapping pieces)`).
public enum OverlapAccounting {
    /// An overlap between two features of A inside one B feature.
    public struct Pair: Sendable {
        public var first: (index: Int, label: String?)
        public var second: (index: Int, label: String?)
        public var bLabel: String
        /// Overlap area by the first method (m²).
        public var area: Double
    }

    /// Overlaps smaller than this (m²) are treated as touching edges, not overlaps.
    static let tolerance = 0.01

    /// Sets each piece's net area and returns the overlapping pairs, in layer order. Both passes run over
    /// the workers, each with its own GEOS/PROJ contexts and STRtree; results do not depend on their number.
    static func apply(to pieces: inout [OverlayPiece], crs: ResolvedCRS, methods: [AreaMethod], plane: String?, workers: Int) throws -> [Pair] {
        let ranges = PartitionedRun.ranges(pieces.count, workers: workers)
        let wkbs = pieces.map { piece -> [UInt8] in
            guard let wkb = piece.wkb else { preconditionFailure("overlap accounting needs the piece geometries") }
            return wkb
        }
        let features = pieces.map(\.aIndex), zones = pieces.map(\.bIndex)
        let primary = methods[0]
        // Convex pieces settle the touching pairs (Decisions/0008) when overlaps are measured as planar
        // areas of a projected layer, in its own units as the pieces are. Other measures transform the
        // vertices one by one, and a long sliver then measures far more than its area in the layer (the
        // edges bend), so every pair goes to GEOS.
        let shortcut = primary == .planar && crs.kind != .geographic
        let read = try PartitionedRun.run(ranges) { range -> (boxes: [Bounds?], convex: ConvexPieces) in
            let context = GEOSContext()
            var boxes: [Bounds?] = [], convex = ConvexPieces(), buffer: [XY] = []
            boxes.reserveCapacity(range.count)
            if shortcut { convex.reserveCapacity(parcels: range.count) }
            for position in range {
                let geometry = try Geometry.fromWKB(wkbs[position], context: context)
                boxes.append(try geometry.bounds())
                convex.append(shortcut ? geometry : nil, buffer: &buffer)
            }
            return (boxes, convex)
        }
        let boxes = read.flatMap(\.boxes)
        var convex = ConvexPieces()
        for part in read { convex.append(contentsOf: part.convex) }
        let allPieces = convex
        // Per later piece: the earlier pieces overlapping it (position, area) and its net area.
        let found = try PartitionedRun.run(ranges) { range -> [(later: Int, earlier: [(Int, Double)], net: MeasuredArea)] in
            let calculator = try AreaCalculator(crs: crs, methods: methods, planeForGeographic: plane)
            let context = calculator.geos
            let index = try SpatialIndex(boxes: boxes, context: context)
            let geometries = LazyGeometries(context: context) { wkbs[$0] }
            return try allPieces.withReader { convex in
                var result: [(later: Int, earlier: [(Int, Double)], net: MeasuredArea)] = []
                for later in range {
                    guard let box = boxes[later] else { continue }
                    var earlier: [(Int, Double)] = [], covering: [Geometry] = []
                    for first in try index.candidates(in: box) where first < later {
                        guard zones[first] == zones[later], features[first] != features[later] else { continue }
                        if shortcut, let shared = convex.sharedArea(first, later, origin: XY(box.minX, box.minY)), shared <= tolerance / 2 { continue }
                        let a = try geometries.geometry(first), b = try geometries.geometry(later)
                        guard try a.intersects(b) else { continue }
                        guard let area = try calculator.measure(try a.intersection(b))[primary], area > tolerance else { continue }
                        earlier.append((first, area))
                        covering.append(a)
                    }
                    guard !covering.isEmpty else { continue }
                    let covered = try Geometry.collection(.collection, of: covering, context: context).unaryUnion()
                    result.append((later, earlier, try calculator.measure(try geometries.geometry(later).difference(covered))))
                }
                return result
            }
        }
        var pairs: [Pair] = []
        for (later, earlier, net) in found.joined() {
            for (first, area) in earlier {
                pairs.append(Pair(first: (pieces[first].aIndex, pieces[first].aLabel), second: (pieces[later].aIndex, pieces[later].aLabel),
                                  bLabel: pieces[later].bLabel, area: area))
            }
            pieces[later].netArea = net
        }
        return pairs
    }
}
