internal import CPROJ

/// Karney's geodesic algorithms on one ellipsoid (PROJ's `geodesic.h`): a value type, safe to share.
public struct Geodesic: Sendable {
    private var geod = geod_geodesic()

    public init(semiMajorAxis: Double, inverseFlattening: Double) {
        geod_init(&geod, semiMajorAxis, 1 / inverseFlattening)
    }

    /// The geodesic area (m²) of a ring given as (longitude, latitude) in degrees, counter-clockwise
    /// positive. The ring may or may not repeat its first point.
    public func ringArea(_ lonLat: UnsafeBufferPointer<XY>) -> Double {
        var count = lonLat.count
        if count > 1, lonLat[0] == lonLat[count - 1] { count -= 1 }
        var polygon = geod_polygon()
        var area = 0.0, perimeter = 0.0
        withUnsafePointer(to: geod) { g in
            geod_polygon_init(&polygon, 0)
            for i in 0..<count { geod_polygon_addpoint(g, &polygon, lonLat[i].y, lonLat[i].x) }
            // returns the number of points; area is counter-clockwise positive
            _ = geod_polygon_compute(g, &polygon, 0, 1, &area, &perimeter)
        }
        return area
    }

    /// The geodesic area (m²) of a ring given as (longitude, latitude) in degrees.
    public func ringArea(_ lonLat: [XY]) -> Double {
        lonLat.withUnsafeBufferPointer { ringArea($0) }
    }
}
