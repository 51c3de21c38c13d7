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
    private var ellipsoidal: ConvergedEllipsoidalArea
    private let geodesic: Geodesic
    private var plane: [XY] = [], lonLat: [XY] = [], ringEnds: [Int] = []

    /// How the edges run between vertices, which the ellipsoidal area integrates along.
    public var edgeConvention: EdgeConvention { ellipsoidal.edges }

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
        ellipsoidal = ConvergedEllipsoidalArea(
            series: EllipsoidalTrapezoid(semiMajorAxis: crs.semiMajorAxis, inverseFlattening: crs.inverseFlattening),
            edges: EdgeConvention(crs), toGeographic: toGeographic)
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
            try polygon.copyRings(into: &plane, ringEnds: &ringEnds)
            try measurePolygon(into: &result)
        }
        return result
    }

    /// Areas (m²) of a polygon given as WKB when its one ring is certainly simple
    /// (``CertainlySimpleRing``), measured without GEOS; nil when GEOS has to check and measure it.
    func measureCertainlySimple(_ wkb: UnsafeRawBufferPointer) throws -> MeasuredArea? {
        guard CertainlySimpleRing.read(wkb, into: &plane) else { return nil }
        ringEnds.removeAll(keepingCapacity: true)
        ringEnds.append(plane.count)
        var result = MeasuredArea()
        for method in methods { result[method] = 0 }
        if methods.contains(.planar), toPlane == nil {
            result.planar = abs(Self.shoelace(plane[...]))
        }
        try measurePolygon(into: &result)
        return result
    }

    /// Adds the areas of the polygon in `plane`/`ringEnds` (holes subtracted).
    private func measurePolygon(into result: inout MeasuredArea) throws {
        if let toPlane {
            var projected = plane
            try toPlane.transform(&projected)
            result.planar! += signedSum(overRingsOf: projected) { Self.shoelace($0) }
        }
        lonLat.removeAll(keepingCapacity: true)  // reused from polygon to polygon, no allocation
        lonLat.append(contentsOf: plane)
        if let toGeographic { try toGeographic.transform(&lonLat) }
        else if crs.kind == .geographic, let outside = lonLat.first(where: { !(-180...180).contains($0.x) || !(-90...90).contains($0.y) }) {
            throw CoordinateOutOfRange(point: outside)
        }
        if result.ellipsoidal != nil {
            result.ellipsoidal! += try ellipsoidal.area(plane: plane, lonLat: lonLat, ringEnds: ringEnds)
        }
        if result.geodesic != nil {
            result.geodesic! += signedSum(overRingsOf: lonLat) { ring in ring.withUnsafeBufferPointer { geodesic.ringArea($0) } }
        }
    }

    /// |shell| − Σ|holes| of a per-ring area.
    private func signedSum(overRingsOf coordinates: [XY], _ ringArea: (ArraySlice<XY>) -> Double) -> Double {
        var total = 0.0, start = 0
        for (index, end) in ringEnds.enumerated() {
            total += (index == 0 ? 1 : -1) * abs(ringArea(coordinates[start..<end]))
            start = end
        }
        return total
    }

    /// Shoelace area of a closed ring (signed, counter-clockwise positive), relative to the first
    /// vertex to keep large Gauss–Krüger coordinates well conditioned.
    static func shoelace(_ ring: ArraySlice<XY>) -> Double {
        guard ring.count > 3 else { return 0 }
        let first = ring.startIndex, x0 = ring[first].x, y0 = ring[first].y
        var sum = 0.0
        for i in (first + 1)..<(ring.endIndex - 1) {
            sum += (ring[i].x - x0) * (ring[i + 1].y - y0) - (ring[i + 1].x - x0) * (ring[i].y - y0)
        }
        return sum / 2
    }
}

/// A vertex of longitude/latitude data that is not a longitude and latitude.
struct CoordinateOutOfRange: Error, CustomStringConvertible {
    var point: XY
    var message: Bilingual {
        Bilingual("顶点 (\(point.x), \(point.y)) 超出经度 −180…180°、纬度 −90…90°：图层不在其声明的坐标系中，或 x、y 互换了（--swap-xy）",
                  "the vertex (\(point.x), \(point.y)) is outside longitude −180…180° / latitude −90…90°: the layer is not in the CRS it "
                    + "declares, or x and y are exchanged (--swap-xy)")
    }
    var description: String { message.en }
}
