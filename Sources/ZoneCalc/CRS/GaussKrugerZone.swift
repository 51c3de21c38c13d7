/// A Gauss–Krüger zone of the Chinese national grids (国家坐标系与高斯-克吕格分带).
public struct GaussKrugerZone: Sendable, Equatable, CustomStringConvertible {
    /// 3 or 6 degrees.
    public var width: Int
    /// Zone number: 25…45 for 3° zones, 13…23 for 6° zones in China.
    public var number: Int

    public init(width: Int, number: Int) {
        self.width = width; self.number = number
    }

    /// Central meridian in degrees east: 3n for 3° zones, 6n − 3 for 6° zones.
    public var centralMeridian: Double { Double(width == 3 ? 3 * number : 6 * number - 3) }

    /// The false easting with the zone prefix: n × 1 000 000 + 500 000.
    public var prefixedFalseEasting: Double { Double(number) * 1_000_000 + 500_000 }

    /// The 3° zone containing a longitude: n = floor((λ + 1.5) / 3); nil when λ is not a longitude
    /// (outside −180…180°, or not finite).
    public static func threeDegree(containing longitude: Double) -> GaussKrugerZone? {
        guard (-180...180).contains(longitude) else { return nil }
        return GaussKrugerZone(width: 3, number: Int(((longitude + 1.5) / 3).rounded(.down)))
    }

    /// The 6° zone containing a longitude: n = floor(λ / 6) + 1; nil when λ is not a longitude.
    public static func sixDegree(containing longitude: Double) -> GaussKrugerZone? {
        guard (-180...180).contains(longitude) else { return nil }
        return GaussKrugerZone(width: 6, number: Int((longitude / 6).rounded(.down)) + 1)
    }

    /// The zone a zone-prefixed easting names (n = floor(Y / 1e6)); 25…45 are 3° zones, 13…23 are
    /// 6° zones, and no other prefix is a Chinese zone.
    public static func fromPrefixedEasting(_ easting: Double) -> GaussKrugerZone? {
        guard easting >= 0, easting < 100_000_000 else { return nil }  // two-digit zone numbers only (also rules out NaN)
        let number = Int((easting / 1_000_000).rounded(.down))
        return width(ofZoneNumber: number).map { GaussKrugerZone(width: $0, number: number) }
    }

    /// The width of a zone number used in China: 25–45 → 3°, 13–23 → 6°, otherwise nil.
    public static func width(ofZoneNumber number: Int) -> Int? {
        switch number {
        case 25...45: return 3
        case 13...23: return 6
        default: return nil
        }
    }

    public var description: String { text(.en) }

    /// "3° 带第 40 带，中央经线 120°E" in `language`.
    public func text(_ language: Language) -> String {
        language == .zh ? "\(width)° 带第 \(number) 带，中央经线 \(Int(centralMeridian))°E"
            : "\(width)° zone \(number), central meridian \(Int(centralMeridian))°E"
    }
}

/// The geodetic datums Chinese land data come in, recognised by their ellipsoid.
public enum ChineseDatum: String, Sendable, Equatable, CaseIterable {
    case cgcs2000 = "CGCS2000"
    case xian1980 = "Xian 1980"
    case beijing1954 = "Beijing 1954"

    /// Recognises the datum from the ellipsoid's semi-major axis and inverse flattening
    /// (国家坐标系与高斯-克吕格分带: CGCS2000 6378137/298.257222101, Xi'an 1980 6378140/298.257, Beijing 1954 6378245/298.3).
    public init?(semiMajorAxis a: Double, inverseFlattening invf: Double) {
        if a == 6_378_137, abs(invf - 298.257222101) < 1e-6 { self = .cgcs2000 }
        else if a == 6_378_140, abs(invf - 298.257) < 1e-6 { self = .xian1980 }
        else if a == 6_378_245, abs(invf - 298.3) < 1e-6 { self = .beijing1954 }
        else { return nil }
    }

    /// The EPSG code of the geographic CRS.
    public var geographicEPSG: Int {
        switch self {
        case .cgcs2000: return 4490
        case .xian1980: return 4610
        case .beijing1954: return 4214
        }
    }

    /// The EPSG code of a Gauss–Krüger CRS of this datum (国家坐标系与高斯-克吕格分带 arithmetic), with or without
    /// the zone prefix in the easting. nil outside the zone ranges EPSG defines.
    public func gaussKrugerEPSG(_ zone: GaussKrugerZone, prefixed: Bool) -> Int? {
        let n = zone.number
        switch (zone.width, (25...45).contains(n), (13...23).contains(n)) {
        case (3, true, _):
            switch self {
            case .cgcs2000: return prefixed ? 4488 + n : 4509 + n
            case .xian1980: return prefixed ? 2324 + n : 2345 + n
            case .beijing1954: return prefixed ? 2376 + n : 2397 + n
            }
        case (6, _, true):
            switch self {
            case .cgcs2000: return prefixed ? 4478 + n : 4489 + n
            case .xian1980: return prefixed ? 2314 + n : 2325 + n
            case .beijing1954: return prefixed ? 21400 + n : 21440 + n
            }
        default: return nil
        }
    }
}
