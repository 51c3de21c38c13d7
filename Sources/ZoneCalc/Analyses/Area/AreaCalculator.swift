import Foundation
import GeoBridge

/// Measures polygons by the planar, ellipsoidal and geodesic methods in one CRS.
///
/// Owns a GEOS and a PROJ context: one calculator per worker thread, never shared.
public final class AreaCalculator {
    public let geos: GEOSContext
    private let proj: ProjContext
    private let methods: [AreaMethod]
    private let crs: ResolvedCRS
    /// Projected input → its geographic CRS (nil when the input is geographic).
    private let toGeographic: CoordinateTransform?
    /// Geographic input → the Gauss–Krüger plane used for planar area (nil when the input is projected).
    private let toPlane: CoordinateTransform?
    /// Whether the planar area is GEOS's area in the layer's own units (projected input).
    var planarInLayerUnits: Bool { toPlane == nil }
    private let trapezoid: EllipsoidalTrapezoid
    private let geodesic: Geodesic
    private var scratch: [XY] = []

    /// - Parameters:
    ///   - planeForGeographic: for geographic input, the projected CRS planar area is computed in.
    public init(crs: ResolvedCRS, methods: [AreaMethod], planeForGeographic: String? = nil) throws(ProjError) {
        geos = GEOSContext()
        proj = ProjContext()
        self.methods = methods
        self.crs = crs
        let source = try CoordinateSystem(definition: crs.definition, context: proj)
        let needsLonLat = methods.contains(.ellipsoidal) || methods.contains(.geodesic)
        toGeographic = (needsLonLat && !source.isGeographic) ? try CoordinateTransform(from: source, to: try source.geographicCRS()) : nil
        if source.isGeographic, methods.contains(.planar), let plane = planeForGeographic {
            toPlane = try CoordinateTransform(from: source, to: try CoordinateSystem(definition: plane, context: proj))
        } else {
            toPlane = nil
        }
        trapezoid = EllipsoidalTrapezoid(semiMajorAxis: crs.semiMajorAxis, inverseFlattening: crs.inverseFlattening)
        geodesic = Geodesic(semiMajorAxis: crs.semiMajorAxis, inverseFlattening: crs.inverseFlattening)
    }

    /// Areas (m²) of a valid polygonal geometry; parts that are not polygons count zero.
    public func measure(_ geometry: Geometry) throws -> MeasuredArea {
        var result = MeasuredArea()
        for method in methods { result[method] = 0 }
        if methods.contains(.planar), toPlane == nil {
            result.planar = try geometry.area()
        }
        guard toPlane != nil || methods.contains(.ellipsoidal) || methods.contains(.geodesic) else { return result }
        for polygon in geometry.polygons {
            try polygon.forEachRing(buffer: &scratch) { ringIndex, ring in
                try measureRing(ring, sign: ringIndex == 0 ? 1 : -1, into: &result)
            }
        }
        return result
    }

    /// Adds one ring's areas (holes with `sign` −1). Transforms the ring in place.
    private func measureRing(_ ring: UnsafeMutableBufferPointer<XY>, sign: Double, into result: inout MeasuredArea) throws {
        if let toPlane {
            var plane = Array(ring)
            try toPlane.transform(&plane)
            result.planar! += sign * abs(Self.shoelace(plane))
        }
        if let toGeographic { try toGeographic.transform(ring) }
        if result.ellipsoidal != nil {
            result.ellipsoidal! += sign * abs(trapezoid.signedRingArea(UnsafeBufferPointer(ring)))
        }
        if result.geodesic != nil {
            result.geodesic! += sign * abs(geodesic.ringArea(UnsafeBufferPointer(ring)))
        }
    }

    /// Shoelace area of a closed ring (signed, counter-clockwise positive), relative to the first
    /// vertex to keep large Gauss–Krüger coordinates well conditioned.
    static func shoelace(_ ring: [XY]) -> Double {
        guard ring.count > 3 else { return 0 }
        let x0 = ring[0].x, y0 = ring[0].y
        var sum = 0.0
        for i in 1..<(ring.count - 1) {
            sum += (ring[i].x - x0) * (ring[i + 1].y - y0) - (ring[i + 1].x - x0) * (ring[i].y - y0)
        }
        return sum / 2
    }
}
