import Foundation
import GeoBridge

/// An SVG map in a zone's CRS (no network, no scripts): polygons drawn from their geometry, framed by
/// coordinate ticks in that CRS, with a north arrow, a scale bar and a legend of what is drawn.
///
/// Map x is the CRS's easting (Y in a Gauss–Krüger grid, as in Chinese surveying; E otherwise), map y
/// its northing (X; N); a geographic CRS is drawn with longitudes narrowed by cos(latitude) at the
/// map's middle, its ticks in degrees; the scale bar measures ground metres (``MapScale``).
struct SVGMap {
    /// A way of drawing polygons, and its legend entry.
    struct Style: Equatable {
        var label: String
        var fill: String
        var stroke: String
        var strokeWidth: Double
        var dash: String? = nil
        var opacity: Double = 1
    }

    static let margin = 44.0, legendWidth = 190.0

    let width: Double, height: Double
    let bounds: Bounds
    /// Page units per map unit of y (of x: `scale × mapScale.xFactor`).
    let scale: Double
    /// Whether coordinates are degrees (ticks in degrees).
    let geographic: Bool
    let mapScale: MapScale
    /// Unique within the page (each map's clip path is named after it).
    let id: String

    private var body = ""
    private var drawn: [Style] = []

    /// Fits `focus`, with a tenth around it, into a `width` × `height` map whose right strip holds the legend.
    init(id: String, focus: Bounds, width: Double = 960, height: Double = 640, geographic: Bool = false, scale mapScale: MapScale = .unit) {
        self.id = id; self.width = width; self.height = height; self.geographic = geographic; self.mapScale = mapScale
        let padX = max(focus.maxX - focus.minX, 1e-9) * 0.1, padY = max(focus.maxY - focus.minY, 1e-9) * 0.1
        bounds = Bounds(minX: focus.minX - padX, minY: focus.minY - padY, maxX: focus.maxX + padX, maxY: focus.maxY + padY)
        let plotWidth = width - 2 * Self.margin - Self.legendWidth, plotHeight = height - 2 * Self.margin
        scale = min(plotWidth / ((bounds.maxX - bounds.minX) * mapScale.xFactor), plotHeight / (bounds.maxY - bounds.minY))
    }

    /// A map of geometries in `crs`: degrees and ground scale as the CRS has them.
    init(id: String, focus: Bounds, crs: ResolvedCRS) {
        self.init(id: id, focus: focus, geographic: crs.isGeographic, scale: MapScale.of(crs, around: focus))
    }

    /// The map's frame on the page: the bounds' extent at the map's scale.
    var plot: (x: Double, y: Double, width: Double, height: Double) {
        (Self.margin, Self.margin, (bounds.maxX - bounds.minX) * scale * mapScale.xFactor, (bounds.maxY - bounds.minY) * scale)
    }

    func x(_ easting: Double) -> Double { Self.margin + (easting - bounds.minX) * scale * mapScale.xFactor }
    func y(_ northing: Double) -> Double { Self.margin + (bounds.maxY - northing) * scale }

    private func point(_ p: XY) -> String { Self.number(x(p.x)) + " " + Self.number(y(p.y)) }

    static func number(_ value: Double) -> String { NumberText.fixed(value, decimals: 1) }

    /// An SVG path of a polygonal geometry (holes by the even-odd rule); "" when it lies off the map.
    func path(_ geometry: Geometry) throws -> String {
        guard let b = try geometry.bounds(), b.maxX >= bounds.minX, b.minX <= bounds.maxX, b.maxY >= bounds.minY, b.minY <= bounds.maxY else { return "" }
        var d = ""
        for polygon in geometry.polygons {
            for ring in try polygon.polygonRings() where ring.count > 2 {
                d += "M" + ring.map(point).joined(separator: " L") + " Z "
            }
        }
        return d
    }

    /// Draws `geometry` in `style` (listed in the legend once), with a tooltip `title`.
    mutating func draw(_ geometry: Geometry, _ style: Style, title: String? = nil) throws {
        let d = try path(geometry)
        guard !d.isEmpty else { return }
        var attributes = "d=\"\(d)\" fill=\"\(style.fill)\" fill-rule=\"evenodd\" stroke=\"\(style.stroke)\" stroke-width=\"\(style.strokeWidth)\""
        if style.opacity < 1 { attributes += " fill-opacity=\"\(style.opacity)\"" }
        if let dash = style.dash { attributes += " stroke-dasharray=\"\(dash)\"" }
        body += "<path \(attributes)>" + (title.map { "<title>\(HTMLText.escape($0))</title>" } ?? "") + "</path>\n"
        if !drawn.contains(style) { drawn.append(style) }
    }

    /// Draws WKB geometries in one style; those GEOS cannot read are left out.
    mutating func draw(_ wkbs: [[UInt8]], _ style: Style, context: GEOSContext) throws {
        for wkb in wkbs { try draw(try Geometry.fromWKB(wkb, context: context), style) }
    }

    /// Writes `text` centred at a geometry's point inside it, in a white halo.
    mutating func label(_ text: String, at geometry: Geometry) throws {
        guard let p = try geometry.pointOnSurface() else { return }
        body += "<text x=\"\(Self.number(x(p.x)))\" y=\"\(Self.number(y(p.y)))\" font-size=\"12\" font-weight=\"bold\" text-anchor=\"middle\" "
            + "paint-order=\"stroke\" stroke=\"#fff\" stroke-width=\"3\">\(HTMLText.escape(text))</text>\n"
    }

    /// The finished map: frame, ticks, drawing, north arrow, scale bar and legend.
    func svg(title: String) -> String {
        let p = plot
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(HTMLText.escape(title))\" "
            + "font-family=\"Noto Sans CJK SC, Microsoft YaHei, sans-serif\">\n"
        out += "<defs><clipPath id=\"\(id)\"><rect x=\"\(Self.number(p.x))\" y=\"\(Self.number(p.y))\" width=\"\(Self.number(p.width))\" height=\"\(Self.number(p.height))\"/></clipPath></defs>\n"
        out += "<g clip-path=\"url(#\(id))\">\n" + body + "</g>\n"
        out += "<rect x=\"\(Self.number(p.x))\" y=\"\(Self.number(p.y))\" width=\"\(Self.number(p.width))\" height=\"\(Self.number(p.height))\" fill=\"none\" stroke=\"#000\" stroke-width=\"1\"/>\n"
        return out + ticks() + northArrow() + scaleBar() + legend() + "</svg>"
    }

    // MARK: decorations

    /// About five round tick values along [low, high].
    static func tickValues(_ low: Double, _ high: Double) -> [Double] {
        let span = high - low
        guard span > 0, span.isFinite else { return [] }
        let step = roundStep(span / 5)
        let first = (low / step).rounded(.up)
        // Each a multiple of the step, not a running sum (no drift); zero as 0, not −0.
        return (0..<12).map { (first + Double($0)) * step }.filter { $0 <= high }.map { $0 == 0 ? 0 : $0 }
    }

    /// 1, 2 or 5 × a power of ten, at most `target`.
    static func roundStep(_ target: Double) -> Double {
        let magnitude = pow(10, (log10(target)).rounded(.down))
        return [1.0, 2, 5].map { $0 * magnitude }.last { $0 <= target } ?? magnitude
    }

    private func tickText(_ value: Double) -> String {
        geographic ? NumberText.fixed(value, decimals: 4) + "°" : NumberText.fixed(value, decimals: 0)
    }

    /// Ticks on the frame with their coordinates: eastings (Y) below and above, northings (X) left and right.
    func ticks() -> String {
        let p = plot
        var out = "<g font-size=\"10\" fill=\"#000\" stroke=\"none\">"
        let east = mapScale.gaussKruger ? "Y" : "E", north = mapScale.gaussKruger ? "X" : "N"
        for value in Self.tickValues(bounds.minX, bounds.maxX) {
            let tx = Self.number(x(value))
            out += "<line x1=\"\(tx)\" y1=\"\(Self.number(p.y + p.height))\" x2=\"\(tx)\" y2=\"\(Self.number(p.y + p.height + 5))\" stroke=\"#000\"/>"
            out += "<line x1=\"\(tx)\" y1=\"\(Self.number(p.y - 5))\" x2=\"\(tx)\" y2=\"\(Self.number(p.y))\" stroke=\"#000\"/>"
            out += "<text x=\"\(tx)\" y=\"\(Self.number(p.y + p.height + 16))\" text-anchor=\"middle\">\(east) \(tickText(value))</text>"
        }
        for value in Self.tickValues(bounds.minY, bounds.maxY) {
            let ty = Self.number(y(value))
            out += "<line x1=\"\(Self.number(p.x - 5))\" y1=\"\(ty)\" x2=\"\(Self.number(p.x))\" y2=\"\(ty)\" stroke=\"#000\"/>"
            out += "<line x1=\"\(Self.number(p.x + p.width))\" y1=\"\(ty)\" x2=\"\(Self.number(p.x + p.width + 5))\" y2=\"\(ty)\" stroke=\"#000\"/>"
            out += "<text transform=\"translate(\(Self.number(p.x - 8)) \(ty)) rotate(-90)\" text-anchor=\"middle\">\(north) \(tickText(value))</text>"
        }
        return out + "</g>\n"
    }

    /// A north arrow in the frame's top right corner: grid north, up the page.
    func northArrow() -> String {
        let p = plot
        let cx = p.x + p.width - 24, top = p.y + 10
        return "<g><polygon points=\"\(Self.number(cx)) \(Self.number(top)) \(Self.number(cx + 9)) \(Self.number(top + 30)) \(Self.number(cx)) \(Self.number(top + 23)) \(Self.number(cx - 9)) \(Self.number(top + 30))\" "
            + "fill=\"#000\" stroke=\"#000\"/><text x=\"\(Self.number(cx))\" y=\"\(Self.number(top + 44))\" font-size=\"13\" font-weight=\"bold\" text-anchor=\"middle\">N</text></g>\n"
    }

    /// A scale bar of a round length about a fifth of the frame, in its bottom left corner.
    func scaleBar() -> String {
        let p = plot
        let metresPerUnit = mapScale.metresPerUnit
        let target = (bounds.maxX - bounds.minX) * metresPerUnit / 5
        guard target.isFinite, target > 0, metresPerUnit > 0 else { return "" }
        let length = Self.roundStep(target)
        let pixels = length / metresPerUnit * scale * mapScale.xFactor
        let x0 = p.x + 10, y0 = p.y + p.height - 14
        let label = length >= 1000 ? "\(NumberText.fixed(length / 1000, decimals: length >= 10_000 ? 0 : 1)) km" : "\(NumberText.fixed(length, decimals: 0)) m"
        return "<g font-size=\"11\"><rect x=\"\(Self.number(x0 - 4))\" y=\"\(Self.number(y0 - 14))\" width=\"\(Self.number(pixels + 60))\" height=\"22\" fill=\"#fff\" fill-opacity=\"0.8\"/>"
            + "<rect x=\"\(Self.number(x0))\" y=\"\(Self.number(y0))\" width=\"\(Self.number(pixels / 2))\" height=\"4\" fill=\"#000\" stroke=\"#000\"/>"
            + "<rect x=\"\(Self.number(x0 + pixels / 2))\" y=\"\(Self.number(y0))\" width=\"\(Self.number(pixels / 2))\" height=\"4\" fill=\"#fff\" stroke=\"#000\"/>"
            + "<text x=\"\(Self.number(x0))\" y=\"\(Self.number(y0 - 3))\">0</text>"
            + "<text x=\"\(Self.number(x0 + pixels + 4))\" y=\"\(Self.number(y0 + 5))\">\(label)</text></g>\n"
    }

    /// The styles drawn, in the order first drawn.
    func legend() -> String {
        let left = width - Self.legendWidth + 8
        var out = "<g font-size=\"12\">"
        for (row, style) in drawn.enumerated() {
            let y = Self.margin + Double(row) * 20
            out += "<rect x=\"\(Self.number(left))\" y=\"\(Self.number(y))\" width=\"16\" height=\"12\" fill=\"\(style.fill == "none" ? "#ffffff" : style.fill)\" "
                + "stroke=\"\(style.stroke)\" stroke-width=\"\(min(style.strokeWidth, 2))\"" + (style.opacity < 1 ? " fill-opacity=\"\(style.opacity)\"" : "")
                + (style.dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") + "/>"
            out += "<text x=\"\(Self.number(left + 22))\" y=\"\(Self.number(y + 11))\">\(HTMLText.escape(style.label))</text>"
        }
        return out + "</g>\n"
    }

    /// The styles drawn so far.
    var drawnStyles: [Style] { drawn }
}
