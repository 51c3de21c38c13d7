import GeoBridge

/// Why one feature's geometry could not be used, and which feature it is.
public struct FeatureGeometryProblem: Error, Sendable, CustomStringConvertible {
    /// 0-based position in the layer.
    public var index: Int
    /// The feature's label (its id or name field), when it has one.
    public var label: String?
    /// What went wrong, in one sentence.
    public var reason: Bilingual

    public var description: String { message(.en) }

    /// "要素 #n（label）：reason", "feature #n (label): reason".
    public var bilingual: Bilingual {
        Bilingual("要素 #\(index + 1)\(label.map { "（\($0)）" } ?? "")：\(reason.zh)", "feature #\(index + 1)\(label.map { " (\($0))" } ?? ""): \(reason.en)")
    }

    /// ``bilingual`` in `language`.
    public func message(_ language: Language) -> String { bilingual.text(language) }
}

/// The one path from a feature's WKB to a geometry the analyses can use: what the reader reported,
/// non-finite coordinates, the change of CRS, GEOS's reading and, when asked, repair — each failure a
/// ``FeatureGeometryProblem`` for that feature, so that the caller can go on with the rest of the layer.
enum FeatureGeometryIntake {
    /// The feature's WKB in the target CRS; nil when it has no geometry.
    static func wkb(of feature: LayerFeature, label: String?, reprojector: GeometryReprojector?) throws(FeatureGeometryProblem) -> [UInt8]? {
        func problem(_ reason: Bilingual) -> FeatureGeometryProblem { FeatureGeometryProblem(index: feature.index, label: label, reason: reason) }
        // GDAL may report a problem and still give the geometry (the problem was elsewhere in the record):
        // the geometry then goes through the checks below like any other.
        guard var wkb = feature.wkb else {
            if let readProblem = feature.readProblem { throw problem(Bilingual("几何无法读取（\(readProblem.zh)）", "its geometry could not be read (\(readProblem.en))")) }
            return nil
        }
        guard WKBCoordinates.allFinite(wkb) else { throw problem(Bilingual("有 NaN 或无穷大坐标", "a NaN or infinite coordinate")) }
        if let reprojector {
            do { wkb = try reprojector.reproject(wkb) } catch {
                throw problem(Bilingual("无法转换到分析坐标系（\(error.messages.joined(separator: "；"))）", "it could not be transformed to the working CRS (\(error.messages.joined(separator: "; ")))"))
            }
            guard WKBCoordinates.allFinite(wkb) else { throw problem(Bilingual("有坐标超出分析坐标系的定义域", "a coordinate outside the working CRS's domain")) }
        }
        return wkb
    }

    /// The feature's geometry in the target CRS, repaired (make-valid) when `repair`; nil when it has none.
    static func geometry(of feature: LayerFeature, label: String?, reprojector: GeometryReprojector?, context: GEOSContext,
                         repair: Bool) throws(FeatureGeometryProblem) -> Geometry? {
        guard let wkb = try wkb(of: feature, label: label, reprojector: reprojector) else { return nil }
        return try geometry(wkb, of: feature, label: label, context: context, repair: repair)
    }

    /// The feature's polygons in the target CRS, repaired, for a layer every feature of which decides the
    /// answer (a zone, a control line, a proposal's piece): no geometry, or one that is not a polygon, is a
    /// problem too. nil when the polygons have no area at all (collapsed to lines by the repair): they hold
    /// no land either way.
    static func decisivePolygons(of feature: LayerFeature, label: String?, reprojector: GeometryReprojector?,
                                 context: GEOSContext) throws(FeatureGeometryProblem) -> Geometry? {
        try decisivePolygons(try wkb(of: feature, label: label, reprojector: reprojector), of: feature, label: label, context: context)
    }

    /// ``decisivePolygons(of:label:reprojector:context:)`` of the feature's WKB already in the target CRS.
    static func decisivePolygons(_ wkb: [UInt8]?, of feature: LayerFeature, label: String?,
                                 context: GEOSContext) throws(FeatureGeometryProblem) -> Geometry? {
        func problem(_ reason: Bilingual) -> FeatureGeometryProblem { FeatureGeometryProblem(index: feature.index, label: label, reason: reason) }
        guard let wkb else { throw problem(Bilingual("没有几何", "it has no geometry")) }
        // The kind as stored, before any repair: a collinear polygon repairs to lines and is still a polygon.
        let stored = try geometry(wkb, of: feature, label: label, context: context, repair: false)
        func holdsPolygons(_ geometry: Geometry) -> Bool {
            geometry.kind.isAreal || (geometry.kind == .collection && geometry.parts.contains(where: holdsPolygons))
        }
        guard holdsPolygons(stored) else {
            throw problem(stored.kind == .collection ? Bilingual("是不含面的几何集合", "it is a collection with no polygon in it")
                          : Bilingual("是 \(stored.kind)，不是面", "it is a \(stored.kind), not a polygon"))
        }
        do {
            let repaired = try stored.validityProblem() == nil ? stored : try stored.makeValid()
            let polygons = try repaired.polygonalPart()
            return polygons.isEmpty ? nil : polygons
        } catch {
            throw problem(Bilingual("GEOS 无法修复或取出其中的面（\(error.messages.joined(separator: "；"))）", "GEOS could not repair it or take its polygons (\(error.messages.joined(separator: "; ")))"))
        }
    }

    private static func geometry(_ wkb: [UInt8], of feature: LayerFeature, label: String?, context: GEOSContext,
                                 repair: Bool) throws(FeatureGeometryProblem) -> Geometry {
        do {
            let geometry = try Geometry.fromWKB(wkb, context: context)
            guard repair, try geometry.validityProblem() != nil else { return geometry }
            return try geometry.makeValid()
        } catch {
            throw FeatureGeometryProblem(index: feature.index, label: label, reason: Bilingual("GEOS 无法\(repair ? "读取或修复" : "读取")（\(error.messages.joined(separator: "；"))）", "GEOS could not \(repair ? "read or repair" : "read") it (\(error.messages.joined(separator: "; ")))"))
        }
    }
}
