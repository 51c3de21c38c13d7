import Foundation
import GeoBridge

/// How a map in a CRS is drawn to scale: the metres on the ground one map unit spans around the map's
/// middle, and how much to narrow longitudes so a geographic map is not stretched east–west.
struct MapScale {
    /// Ground metres per map unit (east–west for degrees).
    var metresPerUnit: Double
    /// Page width of one map unit of x relative to one of y: cos(latitude) for degrees, 1 otherwise.
    var xFactor: Double
    /// Eastings and northings of a Gauss–Krüger grid are named Y and X, as in Chinese surveying.
    var gaussKruger: Bool

    static let unit = MapScale(metresPerUnit: 1, xFactor: 1, gaussKruger: false)

    /// The scale of `crs` around the middle of `bounds`: a small square there is brought to longitude and
    /// latitude and measured on the ellipsoid; its true area over its map area is the scale squared
    /// (exact for conformal projections, the mean scale otherwise). Nil when PROJ cannot transform it.
    init?(crs: ResolvedCRS, around bounds: Bounds) {
        let middle = XY((bounds.minX + bounds.maxX) / 2, (bounds.minY + bounds.maxY) / 2)
        gaussKruger = Self.isGaussKruger(crs)
        if crs.isGeographic {
            let cosine = cos(middle.y * .pi / 180)
            // A degree of longitude on the ellipsoid at that latitude: a·cos φ / √(1 − e² sin² φ) · π/180.
            let f = 1 / crs.inverseFlattening, e2 = f * (2 - f), sine = sin(middle.y * .pi / 180)
            metresPerUnit = crs.semiMajorAxis * cosine / (1 - e2 * sine * sine).squareRoot() * .pi / 180
            xFactor = max(cosine, 0.01)
            return
        }
        xFactor = 1
        let side = max(bounds.maxX - bounds.minX, bounds.maxY - bounds.minY, 1) / 100
        var square = [XY(middle.x, middle.y), XY(middle.x + side, middle.y), XY(middle.x + side, middle.y + side), XY(middle.x, middle.y + side), XY(middle.x, middle.y)]
        do {
            let context = ProjContext()
            let source = try CoordinateSystem(definition: crs.definition, context: context)
            let lonLat = try CoordinateSystem(definition: "+proj=longlat +a=\(crs.semiMajorAxis) +rf=\(crs.inverseFlattening) +no_defs +type=crs", context: context)
            try CoordinateTransform(from: source, to: lonLat).transform(&square)
        } catch {
            return nil
        }
        let area = abs(Geodesic(semiMajorAxis: crs.semiMajorAxis, inverseFlattening: crs.inverseFlattening).ringArea(square))
        guard area.isFinite, area > 0 else { return nil }
        metresPerUnit = area.squareRoot() / side
    }

    static func isGaussKruger(_ crs: ResolvedCRS) -> Bool {
        if case .gaussKruger = crs.kind { return true }
        return false
    }

    /// The scale of `crs` around `bounds`, or one without ground metres (no scale bar) when PROJ cannot
    /// bring the map's middle to longitude and latitude.
    static func of(_ crs: ResolvedCRS, around bounds: Bounds) -> MapScale {
        MapScale(crs: crs, around: bounds) ?? MapScale(metresPerUnit: .nan, xFactor: 1, gaussKruger: isGaussKruger(crs))
    }

    init(metresPerUnit: Double, xFactor: Double, gaussKruger: Bool) {
        self.metresPerUnit = metresPerUnit; self.xFactor = xFactor; self.gaussKruger = gaussKruger
    }
}
