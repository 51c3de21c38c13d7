import GeoBridge

extension ValidityProblem {
    /// "Self-intersection at (x, y)", coordinates to the millimetre.
    public func describe() -> String {
        guard let location else { return reason }
        return "\(reason) at (\(location.x.formatted(decimals: 3)), \(location.y.formatted(decimals: 3)))"
    }
}

extension ValidityProblem {
    /// GEOS's reasons (`GEOSisValidDetail`) in Chinese.
    static let chineseReasons = [
        "Self-intersection": "自相交", "Ring Self-intersection": "环自相交", "Hole lies outside shell": "内环位于外环之外",
        "Holes are nested": "内环相互嵌套", "Interior is disconnected": "内部不连通", "Nested shells": "外环相互嵌套",
        "Duplicate Rings": "环重复", "Too few points in geometry component": "几何部件的点数过少",
        "Invalid Coordinate": "坐标无效", "Ring is not closed": "环未闭合", "Repeated Point": "重复点",
    ]

    /// The reason and location in both languages: GEOS's reason in Chinese when it is a known one, else as
    /// GEOS gave it; the English is ``describe()``.
    public var bilingual: Bilingual { located(Self.chineseReasons[reason] ?? reason) }

    /// `reasonZh` and the location in Chinese; the English is ``describe()``.
    private func located(_ reasonZh: String) -> Bilingual {
        let zh = location.map { "\(reasonZh)，位置 (\($0.x.formatted(decimals: 3)), \($0.y.formatted(decimals: 3)))" } ?? reasonZh
        return Bilingual(zh, describe())
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
