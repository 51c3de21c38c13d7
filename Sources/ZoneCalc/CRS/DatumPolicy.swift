import GeoBridge

/// How a layer is brought into another geodetic datum.
///
/// PROJ knows no real transformation between Xi'an 1980 or Beijing 1954 and CGCS2000, only a "ballpark"
/// shift of tens of metres, so such a change is refused unless the user gives the local seven
/// transformation parameters (转换参数, from a surveyor or the provincial natural-resources bureau); they
/// are then used, and every output says so. Changes between datums PROJ does know are made as usual.
public struct DatumPolicy: Sendable, Equatable {
    /// Bursa–Wolf parameters from Xi'an 1980 or Beijing 1954 to CGCS2000 in PROJ's `+towgs84` order:
    /// dx, dy, dz (m), rx, ry, rz (arc-seconds), ds (ppm); nil refuses the change.
    public var oldToCGCS2000: [Double]?

    /// Refuses a change between an old Chinese datum and another.
    public static let refuse = DatumPolicy(oldToCGCS2000: nil)

    public init(oldToCGCS2000: [Double]?) { self.oldToCGCS2000 = oldToCGCS2000 }

    /// Reads "dx,dy,dz,rx,ry,rz,ds" (seven numbers, commas or spaces between).
    public init?(parsing text: String) {
        let parts = text.split { $0 == "," || $0 == " " || $0 == "，" }
        let numbers = parts.compactMap { Double($0) }.filter(\.isFinite)
        guard parts.count == 7, numbers.count == 7 else { return nil }
        oldToCGCS2000 = numbers
    }

    private static let oldDatums: Set<ChineseDatum> = [.xian1980, .beijing1954]

    /// Whether going from `source` to `target` is a change between an old Chinese datum and another.
    public static func changesOldDatum(_ source: ResolvedCRS, _ target: ResolvedCRS) -> Bool {
        guard source.datum != target.datum else { return false }
        return oldDatums.contains(source.datum ?? .cgcs2000) || oldDatums.contains(target.datum ?? .cgcs2000)
    }

    /// The reprojector from `source` to `target` for `layer` (nil when they are the same CRS).
    /// - Throws: `.unsupportedCRS` naming the layer and the commands that help when the datum changes
    ///   and no parameters were given, or when the parameters do not apply (neither side CGCS2000).
    public func reprojector(from source: ResolvedCRS, to target: ResolvedCRS, layer: String) throws(ZoneCalcError) -> GeometryReprojector? {
        guard source.definition != target.definition else { return nil }
        do {
            guard Self.changesOldDatum(source, target) else {
                return try GeometryReprojector(from: source.definition, to: target.definition)
            }
            let names = "\(source.datum?.rawValue ?? source.name) → \(target.datum?.rawValue ?? target.name)"
            guard let parameters = oldToCGCS2000 else {
                let targetCode = target.epsg.map { "EPSG:\($0)" } ?? "TARGET"
                throw ZoneCalcError.unsupportedCRS(source: layer, detail: Bilingual("""
                    图层为 \(source.name)，分析采用 \(target.name)：\(names) 需要当地的七参数（转换参数）；PROJ 只有数十米精度的近似平移，\
                    ZoneCalc 不会默默使用。请在项目文件中写 datum_transformation: "dx,dy,dz,rx,ry,rz,ds"（或用 --datum-transformation），\
                    或先转换图层：zonecalc convert \(layer) --to-crs \(targetCode) --datum-transformation dx,dy,dz,rx,ry,rz,ds converted.gpkg
                    """, """
                    it is in \(source.name), the analysis in \(target.name): changing \(names) needs the local seven \
                    transformation parameters (转换参数); PROJ only has a ballpark shift of tens of metres, so ZoneCalc will not \
                    do it silently. Give them as datum_transformation: "dx,dy,dz,rx,ry,rz,ds" in the project file (or \
                    --datum-transformation), or convert the layer first: zonecalc convert \(layer) --to-crs \
                    \(targetCode) --datum-transformation dx,dy,dz,rx,ry,rz,ds converted.gpkg
                    """))
            }
            let zeros = [Double](repeating: 0, count: 7)
            switch (source.datum, target.datum) {
            case (let from?, .cgcs2000?) where Self.oldDatums.contains(from):
                return try GeometryReprojector(from: source.definition, to: target.definition, sourceToWGS84: parameters, targetToWGS84: zeros)
            case (.cgcs2000?, let to?) where Self.oldDatums.contains(to):
                return try GeometryReprojector(from: source.definition, to: target.definition, sourceToWGS84: zeros, targetToWGS84: parameters)
            default:
                throw ZoneCalcError.unsupportedCRS(source: layer, detail: Bilingual(
                    "转换参数用于从西安 1980 或北京 1954 转到 CGCS2000，而此图层是 \(names)；请先把它转换到 CGCS2000 坐标系",
                    "the transformation parameters go from Xi'an 1980 or Beijing 1954 to CGCS2000, but this layer goes \(names); convert it to a CGCS2000 CRS first"))
            }
        } catch let error as ZoneCalcError {
            throw error
        } catch {
            throw ZoneCalcError(error, source: layer)
        }
    }

    /// What a change from `source` to `target` does, for reports; nil when the datum does not change.
    public func statement(from source: ResolvedCRS, to target: ResolvedCRS, layer: String) -> Bilingual? {
        guard Self.changesOldDatum(source, target), let parameters = oldToCGCS2000 else { return nil }
        let change = "\(source.datum?.rawValue ?? source.name) → \(target.datum?.rawValue ?? target.name)"
        let towgs84 = "+towgs84=\(parameters.map { "\($0)" }.joined(separator: ","))"
        return Bilingual("\(layer)：\(change)，已按给定七参数（\(towgs84)）进行坐标基准转换",
                         "\(layer): \(change) with the given seven parameters (\(towgs84))")
    }
}
