internal import CGDAL

/// Reprojects WKB geometries between two CRSs with OGR's coordinate transformation, in
/// traditional GIS axis order (x = easting/longitude) on both sides.
///
/// Owns its OGR objects (freed in `deinit`); not thread-safe: one per thread.
public final class GeometryReprojector {
    private let source: UnsafeMutableRawPointer
    private let target: UnsafeMutableRawPointer
    private let transformation: UnsafeMutableRawPointer

    /// - Parameters:
    ///   - sourceDefinition, targetDefinition: definitions OGR accepts (EPSG:nnnn, WKT, PROJ strings).
    ///   - sourceToWGS84, targetToWGS84: seven Bursa–Wolf parameters (dx, dy, dz in m, rx, ry, rz in
    ///     arc-seconds, ds in ppm, PROJ's `+towgs84` convention) that bind a side's datum to WGS 84, so
    ///     the transformation uses them instead of whatever PROJ would choose.
    public init(from sourceDefinition: String, to targetDefinition: String,
                sourceToWGS84: [Double]? = nil, targetToWGS84: [Double]? = nil) throws(GDALError) {
        GDALLibrary.ensureRegistered()
        let made: (UnsafeMutableRawPointer, UnsafeMutableRawPointer, UnsafeMutableRawPointer) = try capturingGDALMessages { box throws(GDALError) in
            // returns NULL only when out of memory
            guard let source = OSRNewSpatialReference(nil) else { throw box.error(LibraryOperation("creating a coordinate system", zh: "创建坐标系"), path: sourceDefinition) }
            guard let target = OSRNewSpatialReference(nil) else {
                OSRRelease(source)
                throw box.error(LibraryOperation("creating a coordinate system", zh: "创建坐标系"), path: targetDefinition)
            }
            // OSRSetFromUserInput returns OGRERR_NONE on success
            guard OSRSetFromUserInput(source, sourceDefinition) == OGRERR_NONE,
                  OSRSetFromUserInput(target, targetDefinition) == OGRERR_NONE else {
                OSRRelease(source); OSRRelease(target)
                throw box.error(LibraryOperation("reading the coordinate systems", zh: "读取坐标系"), path: "\(sourceDefinition.prefix(40)) → \(targetDefinition.prefix(40))")
            }
            for (srs, parameters) in [(source, sourceToWGS84), (target, targetToWGS84)] {
                guard let parameters else { continue }
                guard parameters.count == 7, Self.bind(srs, toWGS84: parameters) else {
                    OSRRelease(source); OSRRelease(target)
                    throw box.error(LibraryOperation("setting the datum transformation parameters", zh: "设置基准转换参数"), path: "\(sourceDefinition.prefix(40)) → \(targetDefinition.prefix(40))")
                }
            }
            OSRSetAxisMappingStrategy(source, OAMS_TRADITIONAL_GIS_ORDER)
            OSRSetAxisMappingStrategy(target, OAMS_TRADITIONAL_GIS_ORDER)
            // returns NULL when no transformation exists
            guard let transformation = OCTNewCoordinateTransformation(source, target) else {
                OSRRelease(source); OSRRelease(target)
                throw box.error(LibraryOperation("finding a transformation", zh: "查找坐标转换"), path: "\(sourceDefinition.prefix(40)) → \(targetDefinition.prefix(40))")
            }
            return (source, target, transformation)
        }
        (source, target, transformation) = made
    }

    /// Replaces `srs` by its PROJ string with `+towgs84` set to the seven parameters, which PROJ then
    /// uses for the datum change (OSRSetTOWGS84 on an EPSG-defined CRS is not reliably honoured).
    private static func bind(_ srs: UnsafeMutableRawPointer, toWGS84 parameters: [Double]) -> Bool {
        var text: UnsafeMutablePointer<CChar>?
        // returns OGRERR_NONE on success; the text is freed with VSIFree
        guard OSRExportToProj4(srs, &text) == OGRERR_NONE, let text else { return false }
        let proj = String(cString: text)
        VSIFree(text)
        let kept = proj.split(separator: " ").filter { !$0.hasPrefix("+towgs84=") && !$0.hasPrefix("+nadgrids=") && !$0.hasPrefix("+datum=") }
        var ellipsoid: [String] = []
        if !proj.contains("+a=") && !proj.contains("+ellps=") {
            var error: OGRErr = OGRERR_NONE
            let a = OSRGetSemiMajor(srs, &error), invf = OSRGetInvFlattening(srs, &error)
            ellipsoid = ["+a=\(a)", "+rf=\(invf)"]
        }
        let bound = (kept.map(String.init) + ellipsoid + ["+towgs84=" + parameters.map { "\($0)" }.joined(separator: ",")]).joined(separator: " ")
        // returns OGRERR_NONE on success
        return OSRImportFromProj4(srs, bound) == OGRERR_NONE
    }

    deinit {
        OCTDestroyCoordinateTransformation(transformation)
        OSRRelease(source)
        OSRRelease(target)
    }

    /// The target CRS as WKT (for a layer being written).
    public var targetWKT: String? {
        var text: UnsafeMutablePointer<CChar>?
        // returns OGRERR_NONE on success; the text is freed with VSIFree
        guard OSRExportToWkt(target, &text) == OGRERR_NONE, let text else { return nil }
        defer { VSIFree(text) }
        return String(cString: text)
    }

    /// The geometry in the target CRS, as ISO WKB.
    public func reproject(_ wkb: [UInt8]) throws(GDALError) -> [UInt8] {
        try capturingGDALMessages { box throws(GDALError) in
            var geometry: UnsafeMutableRawPointer?
            // returns OGRERR_NONE on success; we own the geometry
            guard wkb.withUnsafeBytes({ OGR_G_CreateFromWkbEx($0.baseAddress, nil, &geometry, $0.count) }) == OGRERR_NONE, let geometry else {
                throw box.error(LibraryOperation("decoding a geometry", zh: "解码几何"), path: "reprojection")
            }
            defer { OGR_G_DestroyGeometry(geometry) }
            // returns OGRERR_NONE on success
            guard OGR_G_Transform(geometry, transformation) == OGRERR_NONE else { throw box.error(LibraryOperation("reprojecting a geometry", zh: "投影变换几何"), path: "reprojection") }
            var out = [UInt8](repeating: 0, count: Int(OGR_G_WkbSize(geometry)))
            // returns OGRERR_NONE on success
            guard out.withUnsafeMutableBytes({ OGR_G_ExportToIsoWkb(geometry, wkbNDR, $0.baseAddress) }) == OGRERR_NONE else {
                throw box.error(LibraryOperation("exporting a reprojected geometry", zh: "导出投影变换后的几何"), path: "reprojection")
            }
            return out
        }
    }
}
