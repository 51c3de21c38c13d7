import GeoBridge

/// Why one feature's geometry could not be used, and which feature it is.
public struct FeatureGeometryProblem: Error, Sendable, CustomStringConvertible {
    /// 0-based position in the layer.
    public var index: Int
    /// The feature's label (its id or name field), when it has one.
    public var label: String?
    /// What went wrong, in one sentence.
    public var reason: String

    public var description: String { "feature #\(index + 1)\(label.map { " (\($0))" } ?? ""): \(reason)" }
}

/// The one path from a feature's WKB to a geometry the analyses can use: what the reader reported,
/// non-finite coordinates, the change of CRS, GEOS's reading and, when asked, repair — each failure a
/// ``FeatureGeometryProblem`` for that feature, so that the caller can go on with the rest of the layer.
enum FeatureGeometryIntake {
    /// The feature's WKB in the target CRS; nil when it has no geometry.
    static func wkb(of feature: LayerFeature, label: String?, reprojector: GeometryReprojector?) throws(FeatureGeometryProblem) -> [UInt8]? {
        func problem(_ reason: String) -> FeatureGeometryProblem { FeatureGeometryProblem(index: feature.index, label: label, reason: reason) }
        if let readProblem = feature.readProblem { throw problem("its geometry could not be read (\(readProblem))") }
        guard var wkb = feature.wkb else { return nil }
        guard WKBCoordinates.allFinite(wkb) else { throw problem("a NaN or infinite coordinate") }
        if let reprojector {
            do { wkb = try reprojector.reproject(wkb) } catch {
                throw problem("it could not be transformed to the working CRS (\(error.messages.joined(separator: "; ")))")
            }
            guard WKBCoordinates.allFinite(wkb) else { throw problem("a coordinate outside the working CRS's domain") }
        }
        return wkb
    }

    /// The feature's geometry in the target CRS, repaired (make-valid) when `repair`; nil when it has none.
    static func geometry(of feature: LayerFeature, label: String?, reprojector: GeometryReprojector?, context: GEOSContext,
                         repair: Bool) throws(FeatureGeometryProblem) -> Geometry? {
        guard let wkb = try wkb(of: feature, label: label, reprojector: reprojector) else { return nil }
        do {
            let geometry = try Geometry.fromWKB(wkb, context: context)
            guard repair, try geometry.validityProblem() != nil else { return geometry }
            return try geometry.makeValid()
        } catch {
            throw FeatureGeometryProblem(index: feature.index, label: label, reason: "GEOS could not \(repair ? "read or repair" : "read") it (\(error.messages.joined(separator: "; ")))")
        }
    }
}
