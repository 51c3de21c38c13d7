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

    /// Sets each piece's net area and returns the overlapping pairs, in layer order.
    static func apply(to pieces: inout [OverlayPiece], crs: ResolvedCRS, methods: [AreaMethod], plane: String?) throws -> [Pair] {
        let calculator = try AreaCalculator(crs: crs, methods: methods, planeForGeographic: plane)
        let context = calculator.geos
        let geometries = try pieces.map { piece -> Geometry in
            guard let wkb = piece.wkb else { preconditionFailure("overlap accounting needs the piece geometries") }
            return try Geometry.fromWKB(wkb, context: context)
        }
        let index = try SpatialIndex(geometries, context: context)
        let primary = methods[0]
        // Convex pieces settle the touching pairs (Decisions/0008) when overlaps are measured as planar
        // areas in the layer's own units, as the pieces are. Other measures transform the vertices one by
        // one, and a long sliver then measures far more than its area in the layer (the edges bend), so
        // every pair goes to GEOS.
        let shortcut = primary == .planar && calculator.planarInLayerUnits
        var convex = ConvexPieces(), buffer: [XY] = [], corners: [XY?] = []
        if shortcut {
            convex.reserveCapacity(parcels: pieces.count)
            corners.reserveCapacity(pieces.count)
            for geometry in geometries {
                convex.append(geometry, buffer: &buffer)
                corners.append(try geometry.bounds().map { XY($0.minX, $0.minY) })
            }
        }
        var pairs: [Pair] = []
        try convex.withReader { convex in
            for later in pieces.indices {
                var earlier: [Geometry] = []
                for first in index.candidates(for: geometries[later]) where first < later {
                    guard pieces[first].bIndex == pieces[later].bIndex, pieces[first].aIndex != pieces[later].aIndex else { continue }
                    if shortcut, let corner = corners[later], let shared = convex.sharedArea(first, later, origin: corner),
                       shared <= tolerance / 2 { continue }
                    guard try geometries[first].intersects(geometries[later]) else { continue }
                    let overlap = try calculator.measure(try geometries[first].intersection(geometries[later]))
                    guard let area = overlap[primary], area > tolerance else { continue }
                    pairs.append(Pair(first: (pieces[first].aIndex, pieces[first].aLabel), second: (pieces[later].aIndex, pieces[later].aLabel),
                                      bLabel: pieces[later].bLabel, area: area))
                    earlier.append(geometries[first])
                }
                guard !earlier.isEmpty else { continue }
                let covered = try Geometry.collection(.collection, of: earlier, context: context).unaryUnion()
                pieces[later].netArea = try calculator.measure(try geometries[later].difference(covered))
            }
        }
        return pairs
    }
}
