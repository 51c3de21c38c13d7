internal import CPROJ

/// A coordinate reference system known to PROJ.
///
/// Owns its `PJ` object (freed in `deinit`); confined to the thread of its ``ProjContext``.
public final class CoordinateSystem {
    let raw: OpaquePointer
    public let context: ProjContext

    /// Wraps a PJ we own.
    init(owning raw: OpaquePointer, context: ProjContext) {
        self.raw = raw
        self.context = context
    }

    /// A CRS from any definition PROJ accepts: "EPSG:4528", WKT (a `.prj` file's text), PROJJSON or a PROJ string.
    public convenience init(definition: String, context: ProjContext) throws(ProjError) {
        let reading = LibraryOperation("reading the coordinate system '\(definition.prefix(80))'", zh: "读取坐标系 '\(definition.prefix(80))'")
        // returns NULL on error
        guard let raw = proj_create(context.raw, definition) else {
            throw context.failure(reading)
        }
        let type = proj_get_type(raw)
        guard Self.crsTypes.contains(type) else {
            proj_destroy(raw)
            throw ProjError(operation: reading, code: 0,
                            messages: ["the definition is not a coordinate reference system"])
        }
        self.init(owning: raw, context: context)
    }

    /// A CRS from its EPSG code.
    public convenience init(epsg: Int, context: ProjContext) throws(ProjError) {
        try self.init(definition: "EPSG:\(epsg)", context: context)
    }

    deinit { proj_destroy(raw) }

    private static let crsTypes: Set<PJ_TYPE> = [
        PJ_TYPE_GEOGRAPHIC_2D_CRS, PJ_TYPE_GEOGRAPHIC_3D_CRS, PJ_TYPE_PROJECTED_CRS, PJ_TYPE_COMPOUND_CRS,
        PJ_TYPE_GEODETIC_CRS, PJ_TYPE_GEOCENTRIC_CRS, PJ_TYPE_BOUND_CRS, PJ_TYPE_OTHER_CRS, PJ_TYPE_ENGINEERING_CRS,
    ]

    /// The CRS name, e.g. "CGCS2000 / 3-degree Gauss-Kruger zone 40".
    public var name: String { proj_get_name(raw).map { String(cString: $0) } ?? "" }

    public var isGeographic: Bool {
        let type = proj_get_type(raw)
        return type == PJ_TYPE_GEOGRAPHIC_2D_CRS || type == PJ_TYPE_GEOGRAPHIC_3D_CRS
    }

    public var isProjected: Bool { proj_get_type(raw) == PJ_TYPE_PROJECTED_CRS }

    /// The EPSG code the definition carries, if any.
    public var epsgCode: Int? {
        guard let auth = proj_get_id_auth_name(raw, 0), String(cString: auth) == "EPSG",
              let code = proj_get_id_code(raw, 0) else { return nil }
        return Int(String(cString: code))
    }

    /// The EPSG code of the best match PROJ finds for a definition without one (confidence ≥ 70 %).
    public func identifiedEPSGCode() -> Int? {
        if let epsgCode { return epsgCode }
        var confidence: UnsafeMutablePointer<Int32>?
        // returns NULL on error; the list and the confidence array are ours to free
        guard let list = proj_identify(context.raw, raw, "EPSG", nil, &confidence) else { return nil }
        defer { proj_list_destroy(list); proj_int_list_destroy(confidence) }
        guard proj_list_get_count(list) > 0, let confidence, confidence[0] >= 70,
              let best = proj_list_get(context.raw, list, 0) else { return nil }
        defer { proj_destroy(best) }
        guard let code = proj_get_id_code(best, 0) else { return nil }
        return Int(String(cString: code))
    }

    /// The ellipsoid's semi-major axis (m) and inverse flattening.
    public func ellipsoid() throws(ProjError) -> (semiMajorAxis: Double, inverseFlattening: Double) {
        // returns NULL on error
        guard let ellipsoid = proj_get_ellipsoid(context.raw, raw) else { throw context.failure(LibraryOperation("reading the ellipsoid", zh: "读取椭球")) }
        defer { proj_destroy(ellipsoid) }
        var a = 0.0, b = 0.0, inverseFlattening = 0.0
        var computed: Int32 = 0
        // returns FALSE on error
        guard proj_ellipsoid_get_parameters(context.raw, ellipsoid, &a, &b, &computed, &inverseFlattening) != 0 else {
            throw context.failure(LibraryOperation("reading the ellipsoid's parameters", zh: "读取椭球参数"))
        }
        return (a, inverseFlattening)
    }

    /// For a projected CRS: the projection method and its parameters in degrees and metres.
    public func projection() -> ProjectionParameters? {
        guard isProjected, let operation = proj_crs_get_coordoperation(context.raw, raw) else { return nil }
        defer { proj_destroy(operation) }
        var methodName: UnsafePointer<CChar>?
        // returns FALSE on error
        guard proj_coordoperation_get_method_info(context.raw, operation, &methodName, nil, nil) != 0 else { return nil }
        var parameters = ProjectionParameters(method: methodName.map { String(cString: $0) } ?? "")
        for index in 0..<proj_coordoperation_get_param_count(context.raw, operation) {
            var name: UnsafePointer<CChar>?
            var value = 0.0, factor = 1.0
            guard proj_coordoperation_get_param(context.raw, operation, index, &name, nil, nil, &value, nil,
                                                &factor, nil, nil, nil, nil) != 0, let name else { continue }
            // radians for angles, metres for lengths, unity for scale; rounded to drop the degree↔radian round-off
            let converted = value * factor
            switch String(cString: name) {
            case "Longitude of natural origin": parameters.centralMeridian = Self.degrees(converted)
            case "Latitude of natural origin": parameters.latitudeOfOrigin = Self.degrees(converted)
            case "Scale factor at natural origin": parameters.scaleFactor = converted
            case "False easting": parameters.falseEasting = converted
            case "False northing": parameters.falseNorthing = converted
            default: break
            }
        }
        return parameters
    }

    /// Radians to degrees, rounded to 1e-9° so that 114° stays 114°.
    private static func degrees(_ radians: Double) -> Double { (radians * 180 / .pi * 1e9).rounded() / 1e9 }
}

/// Parameters of a projected CRS's map projection, with angles in degrees and lengths in metres.
public struct ProjectionParameters: Sendable, Equatable {
    public var method: String
    public var centralMeridian: Double?
    public var latitudeOfOrigin: Double?
    public var scaleFactor: Double?
    public var falseEasting: Double?
    public var falseNorthing: Double?

    public var isTransverseMercator: Bool { method.hasPrefix("Transverse Mercator") }
}

extension CoordinateSystem {
    /// The geographic (lon/lat) CRS this CRS is based on, e.g. EPSG:4490 for a CGCS2000 grid.
    public func geographicCRS() throws(ProjError) -> CoordinateSystem {
        // returns NULL on error
        guard let raw = proj_crs_get_geodetic_crs(context.raw, raw) else { throw context.failure(LibraryOperation("finding the geographic CRS of \(name)", zh: "查找 \(name) 的地理坐标系")) }
        return CoordinateSystem(owning: raw, context: context)
    }
}
