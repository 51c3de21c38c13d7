import Foundation
import GeoBridge

/// The map of a proposal check (``ProposalMapContent``) as GeoJSON in the zone's own CRS, for an
/// interactive map with a planar CRS (no tiles, no reprojection) and for GIS programs: one feature per
/// item, its style and texts in its properties; the map's extent in `focus`, the CRS named in `crs`
/// (GeoJSON's 2008 form, which GDAL and QGIS read) when it has an EPSG code. Coordinates to the
/// millimetre (1e-9° in a geographic CRS, about 0.1 mm).
public enum ProposalMapGeoJSON {
    /// The file's name in a report folder.
    public static let fileName = "map.geojson"

    public struct Collection: Codable, Sendable {
        public var type = "FeatureCollection"
        /// The layer's name in GIS programs.
        public var name = "map"
        /// The report's title.
        public var title: String
        public var crs: CRSMember?
        /// `metre` for a projected CRS, `degree` for a geographic one.
        public var units: String
        /// minX, minY, maxX, maxY: the approved zone with the land added and taken out.
        public var focus: [Double]
        public var features: [Feature]
    }

    public struct CRSMember: Codable, Sendable {
        public var type = "name"
        public var properties: [String: String]
    }

    public struct Feature: Codable, Sendable {
        public var type = "Feature"
        public var properties: Properties
        public var geometry: MultiPolygon
    }

    /// How a feature is drawn and named, as in the report's map.
    public struct Properties: Codable, Sendable {
        /// `urban_development_boundary`, `farmland`, `ecological_red_line`, `other_zones`, `approved`,
        /// `removed`, `added`, `land_use`, `new_boundary` or `conflict`.
        public var layer: String
        /// Its legend entry.
        public var legend: String
        public var fill: String
        public var stroke: String
        public var strokeWidth: Double
        public var dash: String?
        public var opacity: Double
        /// A conflict's rule, kind and feature; a land-use piece's code, class and area.
        public var title: String?
        /// A conflict's rule.
        public var label: String?
    }

    public struct MultiPolygon: Codable, Sendable {
        public var type = "MultiPolygon"
        /// Polygons, each its rings (exterior first), each [x, y] pairs: easting, northing.
        public var coordinates: [[[[Double]]]]
    }

    /// The GeoJSON text of `report`'s map.
    public static func text(_ report: ProposalReport, language: Language, title: String) throws -> String {
        let context = GEOSContext()
        let items = try ProposalMapContent.items(report, language: language, context: context)
        let focus = try ProposalMapContent.focus(of: items)
        let decimals = report.crs.isGeographic ? 1e9 : 1e3
        func rounded(_ value: Double) -> Double { (value * decimals).rounded() / decimals }
        let features = try items.map { item in
            Feature(properties: Properties(layer: item.layer, legend: item.style.label, fill: item.style.fill, stroke: item.style.stroke,
                                           strokeWidth: item.style.strokeWidth, dash: item.style.dash, opacity: item.style.opacity,
                                           title: item.title, label: item.label),
                    geometry: MultiPolygon(coordinates: try item.geometry.polygons.map { polygon in
                        try polygon.polygonRings().map { ring in ring.map { [rounded($0.x), rounded($0.y)] } }
                    }))
        }
        let crs = report.crs.epsg.map { CRSMember(properties: ["name": "urn:ogc:def:crs:EPSG::\($0)"]) }
        let collection = Collection(title: title, crs: crs, units: report.crs.isGeographic ? "degree" : "metre", focus: [focus.minX, focus.minY, focus.maxX, focus.maxY].map(rounded), features: features)
        return try ReportJSON.encode(collection, compact: true) + "\n"
    }
}
