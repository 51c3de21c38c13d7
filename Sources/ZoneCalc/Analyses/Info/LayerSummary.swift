import GeoBridge

/// What `zonecalc info` reports about one layer.
public struct LayerSummary: Sendable {
    public var source: String
    public var format: Bilingual
    public var layer: String
    public var featureCount: Int
    /// Geometry types found, with their counts, e.g. ["Polygon": 9995, "MultiPolygon": 5].
    public var geometryTypes: [String: Int]
    public var featuresWithoutGeometry: Int
    /// Geometries read as GDAL converted them, by how (a curved CURVEPOLYGON linearised…), with counts.
    public var conversions: [GeometryConversion: Int]
    /// The resolved CRS, or why it could not be resolved.
    public var crs: Result<ResolvedCRS, ZoneCalcError>
    /// The extent as stored.
    public var extent: Bounds?
    public var fields: [FieldDefinition]
    public var encoding: Bilingual
    /// Invalid geometries with GEOS's reason, in layer order (feature position, fid, problem).
    public var invalid: [(index: Int, fid: Int64, problem: ValidityProblem)]
    /// What the reader noticed and repaired while reading.
    public var readWarnings: [Bilingual]

    /// Scans a layer once: counts, geometry types and validity of every geometry.
    public static func scan(_ reader: FeatureLayerReader, crsOverride: String? = nil, swapXY: Bool = false) throws(ZoneCalcError) -> LayerSummary {
        let extent = (try? reader.extent()) ?? nil
        let crs = Result { () throws(ZoneCalcError) in try CRSResolver.resolve(reader, override: crsOverride, swapXY: swapXY) }
        let context = GEOSContext()
        var count = 0, withoutGeometry = 0
        var types: [String: Int] = [:], conversions: [GeometryConversion: Int] = [:]
        var invalid: [(Int, Int64, ValidityProblem)] = []
        do {
            try reader.read(fieldIndices: [], swapXY: swapXY) { feature in
                count += 1
                guard let wkb = feature.wkb else { withoutGeometry += 1; return }
                if let note = feature.readNote { conversions[note, default: 0] += 1 }
                do {
                    let geometry = try Geometry.fromWKB(wkb, context: context)
                    types["\(geometry.kind)", default: 0] += 1
                    if let problem = try geometry.validityProblem() { invalid.append((feature.index, feature.fid, problem)) }
                } catch {
                    types["unreadable", default: 0] += 1
                }
            }
        } catch let error as ZoneCalcError {
            throw error
        } catch {
            throw .gdal(error as? GDALError ?? GDALError(operation: .readingFeatures, path: reader.sourceName, messages: ["\(error)"]))
        }
        return LayerSummary(source: reader.sourceName, format: reader.formatName, layer: reader.layerName, featureCount: count,
                            geometryTypes: types, featuresWithoutGeometry: withoutGeometry, conversions: conversions, crs: crs, extent: extent,
                            fields: reader.fields, encoding: reader.encodingDescription, invalid: invalid,
                            readWarnings: reader.readWarnings)
    }
}
