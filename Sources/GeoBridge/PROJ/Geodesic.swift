import CPROJ

/// Karney's geodesic algorithms on one ellipsoid (PROJ's `geodesic.h`): a value type, safe to share.
public struct Geodesic: Sendable {
    private var geod = geod_geodesic()

    public init(semiMajorAxis: Double, inverseFlattening: Double) {
        geod_init(&geod, semiMajorAxis, 1 / inverseFlattening)
    }

    /// The geodesic area (m²) of a ring given as (longitude, latitude) in degrees, counter-clockwise
    /// positive. The ring may or may not repeat its first point.
    public func ringArea(_ lonLat: [XY]) -> Double {
        var points = lonLat
        if points.count > 1, points.first == points.last { points.removeLast() }
        var latitudes = points.map(\.y)
        var longitudes = points.map(\.x)
        var area = 0.0, perimeter = 0.0
        withUnsafePointer(to: geod) { g in
            geod_polygonarea(g, &latitudes, &longitudes, Int32(points.count), &area, &perimeter)
        }
        return area
    }
}
