import GeoBridge

/// Geometries of a layer read from their WKB on first use and kept, in one GEOS context (so on one
/// thread): for pair checks that settle most pairs without GEOS and need only a few geometries.
final class LazyGeometries {
    let context: GEOSContext
    private let wkb: (Int) -> [UInt8]
    private var made: [Int: Geometry] = [:]

    /// - Parameter wkb: the WKB of the feature at a position.
    init(context: GEOSContext, wkb: @escaping (Int) -> [UInt8]) {
        self.context = context
        self.wkb = wkb
    }

    /// The geometry at `position`, read once.
    func geometry(_ position: Int) throws -> Geometry {
        if let known = made[position] { return known }
        let geometry = try Geometry.fromWKB(wkb(position), context: context)
        made[position] = geometry
        return geometry
    }
}
