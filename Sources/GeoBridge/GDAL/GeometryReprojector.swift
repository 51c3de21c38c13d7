import CGDAL

/// Reprojects WKB geometries between two CRSs with OGR's coordinate transformation, in
/// traditional GIS axis order (x = easting/longitude) on both sides.
///
/// Owns its OGR objects (freed in `deinit`); not thread-safe: one per thread.
public final class GeometryReprojector {
    private let source: UnsafeMutableRawPointer
    private let target: UnsafeMutableRawPointer
    private let transformation: UnsafeMutableRawPointer

    /// - Parameters: definitions OGR accepts (EPSG:nnnn, WKT, PROJ strings).
    public init(from sourceDefinition: String, to targetDefinition: String) throws(GDALError) {
        GDALLibrary.ensureRegistered()
        let made: (UnsafeMutableRawPointer, UnsafeMutableRawPointer, UnsafeMutableRawPointer) = try capturingGDALMessages { box throws(GDALError) in
            let source = OSRNewSpatialReference(nil)!, target = OSRNewSpatialReference(nil)!
            // OSRSetFromUserInput returns OGRERR_NONE on success
            guard OSRSetFromUserInput(source, sourceDefinition) == OGRERR_NONE,
                  OSRSetFromUserInput(target, targetDefinition) == OGRERR_NONE else {
                OSRRelease(source); OSRRelease(target)
                throw box.error("reading the coordinate systems", path: "\(sourceDefinition.prefix(40)) → \(targetDefinition.prefix(40))")
            }
            OSRSetAxisMappingStrategy(source, OAMS_TRADITIONAL_GIS_ORDER)
            OSRSetAxisMappingStrategy(target, OAMS_TRADITIONAL_GIS_ORDER)
            // returns NULL when no transformation exists
            guard let transformation = OCTNewCoordinateTransformation(source, target) else {
                OSRRelease(source); OSRRelease(target)
                throw box.error("finding a transformation", path: "\(sourceDefinition.prefix(40)) → \(targetDefinition.prefix(40))")
            }
            return (source, target, transformation)
        }
        (source, target, transformation) = made
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
                throw box.error("decoding a geometry", path: "reprojection")
            }
            defer { OGR_G_DestroyGeometry(geometry) }
            // returns OGRERR_NONE on success
            guard OGR_G_Transform(geometry, transformation) == OGRERR_NONE else { throw box.error("reprojecting a geometry", path: "reprojection") }
            var out = [UInt8](repeating: 0, count: Int(OGR_G_WkbSize(geometry)))
            _ = out.withUnsafeMutableBytes { OGR_G_ExportToIsoWkb(geometry, wkbNDR, $0.baseAddress) }
            return out
        }
    }
}
