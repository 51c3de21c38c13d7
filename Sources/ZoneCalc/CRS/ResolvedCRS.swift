import Foundation
import GeoBridge

/// A layer's coordinate reference system as ZoneCalc understands it: what PROJ says, plus the
/// Chinese-grid facts (datum, Gauss–Krüger zone, zone prefix) the area methods need.
/// A value: workers re-create their own PROJ objects from ``definition``.
public struct ResolvedCRS: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case geographic
        /// Gauss–Krüger (transverse Mercator, k = 1) with its central meridian and false easting.
        case gaussKruger(centralMeridian: Double, falseEasting: Double, zone: GaussKrugerZone?)
        case otherProjected
    }

    /// A definition PROJ accepts ("EPSG:4528" or WKT).
    public var definition: String
    public var name: String
    public var epsg: Int?
    public var kind: Kind
    public var datum: ChineseDatum?
    public var semiMajorAxis: Double
    public var inverseFlattening: Double

    /// True for longitude/latitude coordinates.
    public var isGeographic: Bool { kind == .geographic }

    /// True when eastings carry the zone number (false easting n × 1e6 + 500 000).
    public var hasZonePrefix: Bool {
        if case .gaussKruger(_, let fe, _) = kind { return fe > 1_000_000 }
        return false
    }

    /// A one-line description: name, EPSG, zone and central meridian.
    public var summary: String { summary(.en) }

    /// ``summary(_:)`` in both languages.
    public var bilingualSummary: Bilingual { Bilingual(summary(.zh), summary(.en)) }

    /// The one-line description in `language` (the CRS's name stays as PROJ gives it).
    public func summary(_ language: Language) -> String {
        var text = name
        if let epsg { text += language == .zh ? "（EPSG:\(epsg)）" : " (EPSG:\(epsg))" }
        if case .gaussKruger(let cm, _, let zone) = kind {
            let meridian = cm.formatted(decimals: 0)
            if let zone, !name.contains("zone \(zone.number)") {
                text += language == .zh ? "，\(zone.width)° 带第 \(zone.number) 带" : ", \(zone.width)° zone \(zone.number)"
            }
            text += language == .zh ? "，中央经线 \(meridian)°E" + (hasZonePrefix ? "，东坐标带带号" : "")
                : ", central meridian \(meridian)°E" + (hasZonePrefix ? ", zone-prefixed eastings" : "")
        }
        return text
    }
}

extension ResolvedCRS {
    /// Describes a PROJ coordinate system.
    public init(_ crs: CoordinateSystem, definition: String) throws(ProjError) {
        let (a, invf) = try crs.ellipsoid()
        var kind = Kind.otherProjected
        if crs.isGeographic {
            kind = .geographic
        } else if let projection = crs.projection(), projection.isTransverseMercator,
                  let cm = projection.centralMeridian, (projection.scaleFactor ?? 1) == 1,
                  (projection.latitudeOfOrigin ?? 0) == 0, (projection.falseNorthing ?? 0) == 0 {
            let fe = projection.falseEasting ?? 0
            var zone: GaussKrugerZone?
            if fe > 1_000_000 {
                zone = GaussKrugerZone.fromPrefixedEasting(fe)
            } else if cm.truncatingRemainder(dividingBy: 3) == 0 {
                let sixDegree = crs.name.contains("6-degree") || crs.name.contains("6度")
                zone = sixDegree ? .sixDegree(containing: cm) : .threeDegree(containing: cm)
            }
            kind = .gaussKruger(centralMeridian: cm, falseEasting: fe, zone: zone)
        }
        self.init(definition: definition, name: crs.name, epsg: crs.identifiedEPSGCode(), kind: kind,
                  datum: ChineseDatum(semiMajorAxis: a, inverseFlattening: invf), semiMajorAxis: a, inverseFlattening: invf)
    }
}

extension Double {
    /// Fixed-point text with `decimals` places, locale-independent.
    func formatted(decimals: Int) -> String { String(format: "%.\(decimals)f", self) }
}
