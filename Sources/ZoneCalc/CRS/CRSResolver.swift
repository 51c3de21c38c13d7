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
        let crs: CoordinateSystem
        do {
            crs = try CoordinateSystem(definition: definition, context: context)
        } catch {
            // A definition PROJ cannot read is the input's fault (a mistyped --crs, a broken .prj), not PROJ's.
            let given = override != nil ? "--crs" : "the CRS the file declares"
            let said = Bilingual(error.messages.joined(separator: "；"), error.messages.joined(separator: "; "))
            throw .unsupportedCRS(source: source, detail: Bilingual(
                "\(override != nil ? "--crs" : "文件声明的坐标系")“\(definition.prefix(80))”无法识别（PROJ：\(said.zh)）；请写成 EPSG:4528 这样的代码、WKT、PROJ 字符串或 .prj 文件",
                "\(given) '\(definition.prefix(80))' is not a coordinate system PROJ knows (PROJ: \(said.en)); give an EPSG code such as EPSG:4528, WKT, a PROJ string or a .prj file"))
        }
        let resolved: ResolvedCRS
        do {
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
        if reader.geometryType == .none, SourceSpec.isDatabaseConnection(reader.sourceName) {
            throw .database(connection: DatabaseConnection.redacted(reader.sourceName), problem: .noGeometry(table: reader.layerName))
        }
        var bounds: Bounds?
        do { bounds = try reader.extent() } catch { throw ZoneCalcError(error, source: reader.sourceName) }
        if swapXY, let b = bounds { bounds = Bounds(minX: b.minY, minY: b.minX, maxX: b.maxY, maxY: b.maxX) }
        return try resolve(declared: reader.declaredCRS, override: override, bounds: bounds, source: reader.sourceName, context: ProjContext())
    }

    /// Refuses a CRS that contradicts the coordinates: degrees in a projected CRS, a zone prefix the
    /// CRS does not have (or the other way round), another zone's prefix, swapped axes.
    static func check(_ crs: ResolvedCRS, against guess: CoordinateRangeGuess, source: String) throws(ZoneCalcError) {
        func said(_ zh: String, _ en: String) -> Bilingual {
            Bilingual("坐标系为 \(crs.summary(.zh))，\(zh)", "the CRS is \(crs.summary)\(en)")
        }
        switch (crs.kind, guess) {
        case (_, .swappedAxes):
            throw .crsMismatch(source: source, detail: said("但 x 为北坐标、y 为东坐标", ", but x holds northings and y eastings"),
                               suggestion: guess.suggestion, kind: .swappedAxes)
        case (.geographic, .prefixedGaussKruger), (.geographic, .unprefixedGaussKruger):
            throw .crsMismatch(source: source, detail: said("但坐标是米制", ", but the coordinates are metres"), suggestion: guess.suggestion, kind: .units)
        case (.gaussKruger, .geographic), (.otherProjected, .geographic):
            throw .crsMismatch(source: source, detail: said("但坐标像是经纬度", ", but the coordinates look like degrees"), suggestion: guess.suggestion,
                               kind: .units)
        case (.gaussKruger(_, _, let zone), .prefixedGaussKruger(let dataZone)):
            if !crs.hasZonePrefix {
                throw .crsMismatch(source: source, detail: said("不带带号，但东坐标带有带号 \(dataZone.number)", " without zone prefix, but the eastings carry prefix \(dataZone.number)"),
                                   suggestion: suggestion(for: crs, zone: dataZone, prefixed: true), kind: .zonePrefix)
            }
            if let zone, zone.number != dataZone.number {
                throw .crsMismatch(source: source, detail: said("但东坐标带的是第 \(dataZone.number) 带的带号", ", but the eastings carry the prefix of zone \(dataZone.number)"),
                                   suggestion: suggestion(for: crs, zone: dataZone, prefixed: true), kind: .zonePrefix)
            }
        case (.gaussKruger(_, _, let zone), .unprefixedGaussKruger):
            if crs.hasZonePrefix, let zone {
                throw .crsMismatch(source: source, detail: said("但东坐标没有带号", ", but the eastings have no zone prefix"),
                                   suggestion: suggestion(for: crs, zone: zone, prefixed: false), kind: .zonePrefix)
            }
        default:
            break
        }
    }

    private static func suggestion(for crs: ResolvedCRS, zone: GaussKrugerZone, prefixed: Bool) -> Bilingual {
        let datum = crs.datum ?? .cgcs2000
        guard let code = datum.gaussKrugerEPSG(zone, prefixed: prefixed) else { return Bilingual("请用 --crs 给出正确的坐标系", "give the right CRS with --crs") }
        return Bilingual("请用 --crs EPSG:\(code)（\(datum.rawValue)，\(zone.text(.zh))\(prefixed ? "，带带号" : "")）",
                         "use --crs EPSG:\(code) (\(datum.rawValue), \(zone)\(prefixed ? ", zone-prefixed" : ""))")
    }
}
