/// The plane planar areas of lon/lat data are computed in: the Gauss–Krüger 3° zone (central
/// meridian only, no prefix) of the layer's central longitude, on the data's own datum.
public enum PlanarPlane {
    /// A CRS definition for planar areas of `crs`, or nil when `crs` is already projected.
    public static func forGeographic(_ crs: ResolvedCRS, reader: FeatureLayerReader, swapXY: Bool = false) -> String? {
        guard crs.kind == .geographic else { return nil }
        let bounds = (try? reader.extent()) ?? nil
        let centre = bounds.map { swapXY ? ($0.minY + $0.maxY) / 2 : ($0.minX + $0.maxX) / 2 } ?? 0
        // An extent beyond valid longitudes comes from features that are reported one by one as out of
        // range; the plane is then that of the nearest valid longitude.
        let zone = GaussKrugerZone.threeDegree(containing: centre.isNaN ? 0 : min(180, max(-180, centre)))!
        if let datum = crs.datum, let code = datum.gaussKrugerEPSG(zone, prefixed: false) { return "EPSG:\(code)" }
        return "+proj=tmerc +lat_0=0 +lon_0=\(Int(zone.centralMeridian)) +k=1 +x_0=500000 +y_0=0 +a=\(crs.semiMajorAxis) "
            + "+rf=\(crs.inverseFlattening) +units=m +no_defs +type=crs"
    }
}
