import GeoBridge

/// What a layer's coordinate ranges say about its CRS when nothing else does (部标界址点坐标交换格式):
/// lon/lat degrees, Gauss–Krüger with or without the zone prefix, or easting/northing swapped.
public enum CoordinateRangeGuess: Sendable, Equatable {
    case geographic
    /// Eastings carry a zone prefix naming `zone`.
    case prefixedGaussKruger(GaussKrugerZone)
    /// Eastings around 500 000 m, so the zone is not in the coordinates.
    case unprefixedGaussKruger
    /// x holds northings and y holds eastings (the surveying order).
    case swappedAxes
    case unknown

    /// Northings in China lie in about 1.9e6 … 6.0e6 m (部标界址点坐标交换格式).
    static let northingRange = 1_000_000.0...6_500_000.0
    static let unprefixedEastingRange = 0.0...1_000_000.0

    public init(_ bounds: Bounds) {
        let xs = bounds.minX...bounds.maxX, ys = bounds.minY...bounds.maxY
        if xs.lowerBound >= -180, xs.upperBound <= 180, ys.lowerBound >= -90, ys.upperBound <= 90 {
            self = .geographic
        } else if Self.northingRange.contains(ys.lowerBound), Self.northingRange.contains(ys.upperBound) {
            if let zone = GaussKrugerZone.fromPrefixedEasting(xs.lowerBound),
               GaussKrugerZone.fromPrefixedEasting(xs.upperBound) == zone {
                self = .prefixedGaussKruger(zone)
            } else if Self.unprefixedEastingRange.contains(xs.lowerBound), Self.unprefixedEastingRange.contains(xs.upperBound) {
                self = .unprefixedGaussKruger
            } else {
                self = .unknown
            }
        } else if Self.northingRange.contains(xs.lowerBound), Self.northingRange.contains(xs.upperBound),
                  GaussKrugerZone.fromPrefixedEasting(ys.lowerBound) != nil || Self.unprefixedEastingRange.contains(ys.lowerBound) {
            self = .swappedAxes
        } else {
            self = .unknown
        }
    }

    /// A sentence suggesting the CRS, assuming CGCS2000 (the current national datum).
    public var suggestion: Bilingual {
        switch self {
        case .geographic:
            return Bilingual("坐标像是经纬度（度）：可试 --crs EPSG:4490（CGCS2000）",
                             "the coordinates look like longitude/latitude degrees: try --crs EPSG:4490 (CGCS2000)")
        case .prefixedGaussKruger(let zone):
            let code = ChineseDatum.cgcs2000.gaussKrugerEPSG(zone, prefixed: true).map { "EPSG:\($0)" } ?? "?"
            return Bilingual("东坐标带有带号 \(zone.number)（\(zone.text(.zh))）：可试 --crs \(code)（CGCS2000）",
                             "the eastings carry the zone prefix \(zone.number) (\(zone)): try --crs \(code) (CGCS2000)")
        case .unprefixedGaussKruger:
            return Bilingual("坐标像是不带带号的高斯-克吕格米制坐标：请给出中央经线，如 --crs EPSG:4547（CGCS2000，3° 带，中央经线 114°E；EPSG:4534–4554 对应中央经线 75°E–135°E）",
                             "the coordinates look like Gauss–Krüger metres without a zone prefix: give the central meridian, "
                                + "e.g. --crs EPSG:4547 (CGCS2000, 3° zone, CM 114°E; EPSG:4534–4554 cover CM 75°E–135°E)")
        case .swappedAxes:
            return Bilingual("x 为北坐标、y 为东坐标（测量坐标顺序）：请加 --swap-xy", "x holds northings and y eastings (surveying order): add --swap-xy")
        case .unknown:
            return Bilingual("坐标范围与我国任何国家坐标格网都不符；请用 --crs 给出坐标系", "the coordinate ranges match no Chinese national grid; give the CRS with --crs")
        }
    }
}
