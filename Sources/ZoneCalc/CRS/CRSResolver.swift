import GeoBridge

/// Decides a layer's CRS from the user's override, the file's declaration and the coordinates,
/// refusing combinations that would give wrong areas (国家坐标系与高斯-克吕格分带).
public enum CRSResolver {
    /// - Parameters:
    ///   - declared: the CRS definition the file carries (WKT), if any.
    ///   - override: the user's `--crs` (EPSG:nnnn, WKT, PROJ string or a `.prj` file's text).
    ///   - bounds: the coordinates' extent (after any axis swap), nil for an empty layer.
    ///   - source: "file:layer", for messages.
    public static func resolve(declared: String?, override: String?, bounds: Bounds?, source: String,
                               context: ProjContext) throws(ZoneCalcError) -> ResolvedCRS {
        let guess = bounds.map(CoordinateRangeGuess.init) ?? .unknown
        guard let definition = override ?? declared else {
            throw .missingCRS(source: source, suggestion: guess.suggestion)
        }
        let resolved: ResolvedCRS
        do {
            let crs = try CoordinateSystem(definition: definition, context: context)
            resolved = try ResolvedCRS(crs, definition: crs.epsgCode.map { "EPSG:\($0)" } ?? definition)
        } catch {
            throw .proj(error, source: source)
        }
        try check(resolved, against: guess, source: source)
        return resolved
    }

    /// Resolves the CRS of a layer: its declaration (or `override`) checked against its extent,
    /// with x and y exchanged first when the file stores northings as x (`swapXY`).
    public static func resolve(_ reader: FeatureLayerReader, override: String?, swapXY: Bool = false) throws(ZoneCalcError) -> ResolvedCRS {
        var bounds: Bounds?
        do { bounds = try reader.extent() } catch { throw ZoneCalcError(error, source: reader.sourceName) }
        if swapXY, let b = bounds { bounds = Bounds(minX: b.minY, minY: b.minX, maxX: b.maxY, maxY: b.maxX) }
        return try resolve(declared: reader.declaredCRS, override: override, bounds: bounds, source: reader.sourceName, context: ProjContext())
    }

    /// Refuses a CRS that contradicts the coordinates: degrees in a projected CRS, a zone prefix the
    /// CRS does not have (or the other way round), another zone's prefix, swapped axes.
    static func check(_ crs: ResolvedCRS, against guess: CoordinateRangeGuess, source: String) throws(ZoneCalcError) {
        let said = "the CRS is \(crs.summary)"
        switch (crs.kind, guess) {
        case (_, .swappedAxes):
            throw .crsMismatch(source: source, detail: "\(said), but x holds northings and y eastings", suggestion: guess.suggestion,
                               kind: .swappedAxes)
        case (.geographic, .prefixedGaussKruger), (.geographic, .unprefixedGaussKruger):
            throw .crsMismatch(source: source, detail: "\(said), but the coordinates are metres", suggestion: guess.suggestion, kind: .units)
        case (.gaussKruger, .geographic), (.otherProjected, .geographic):
            throw .crsMismatch(source: source, detail: "\(said), but the coordinates look like degrees", suggestion: guess.suggestion,
                               kind: .units)
        case (.gaussKruger(_, _, let zone), .prefixedGaussKruger(let dataZone)):
            if !crs.hasZonePrefix {
                throw .crsMismatch(source: source, detail: "\(said) without zone prefix, but the eastings carry prefix \(dataZone.number)",
                                   suggestion: suggestion(for: crs, zone: dataZone, prefixed: true), kind: .zonePrefix)
            }
            if let zone, zone.number != dataZone.number {
                throw .crsMismatch(source: source, detail: "\(said), but the eastings carry the prefix of zone \(dataZone.number)",
                                   suggestion: suggestion(for: crs, zone: dataZone, prefixed: true), kind: .zonePrefix)
            }
        case (.gaussKruger(_, _, let zone), .unprefixedGaussKruger):
            if crs.hasZonePrefix, let zone {
                throw .crsMismatch(source: source, detail: "\(said), but the eastings have no zone prefix",
                                   suggestion: suggestion(for: crs, zone: zone, prefixed: false), kind: .zonePrefix)
            }
        default:
            break
        }
    }

    private static func suggestion(for crs: ResolvedCRS, zone: GaussKrugerZone, prefixed: Bool) -> String {
        let datum = crs.datum ?? .cgcs2000
        guard let code = datum.gaussKrugerEPSG(zone, prefixed: prefixed) else { return "give the right CRS with --crs" }
        return "use --crs EPSG:\(code) (\(datum.rawValue), \(zone)\(prefixed ? ", zone-prefixed" : ""))"
    }
}
