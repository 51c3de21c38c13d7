import GeoBridge

extension ValidityProblem {
    /// "Self-intersection at (x, y)", coordinates to the millimetre.
    public func describe() -> String {
        guard let location else { return reason }
        return "\(reason) at (\(location.x.formatted(decimals: 3)), \(location.y.formatted(decimals: 3)))"
    }
}

extension GeometryKind: CustomStringConvertible {
    /// The OGC name of the geometry type.
    public var description: String {
        switch self {
        case .point: return "Point"
        case .lineString: return "LineString"
        case .linearRing: return "LinearRing"
        case .polygon: return "Polygon"
        case .multiPoint: return "MultiPoint"
        case .multiLineString: return "MultiLineString"
        case .multiPolygon: return "MultiPolygon"
        case .collection: return "GeometryCollection"
        case .unknown: return "geometry of a type GEOS could not tell"
        }
    }
}
