import Foundation
import GeoBridge

/// An SVG map of a proposal (no network, no scripts): control lines, the approved zone, the land taken
/// out and added, the new boundary and the conflict pieces, with a legend and a scale bar.
struct ProposalMapSVG {
    static let width = 960.0, height = 640.0, margin = 20.0

    struct Style {
        var kind: String
        var label: String
        var fill: String
        var stroke: String
        var strokeWidth: Double
        var dash: String?
        var opacity: Double
    }

    static let styles: [String: Style] = [
        "urban_development_boundary": Style(kind: "urban_development_boundary", label: "城镇开发边界", fill: "none", stroke: "#7f7f7f", strokeWidth: 1.5, dash: "6 4", opacity: 1),
        "farmland": Style(kind: "farmland", label: "永久基本农田", fill: "#9ccc65", stroke: "#558b2f", strokeWidth: 0.8, dash: nil, opacity: 0.6),
        "ecological_red_line": Style(kind: "ecological_red_line", label: "生态保护红线", fill: "#ef9a9a", stroke: "#c62828", strokeWidth: 0.8, dash: nil, opacity: 0.6),
        "other_zones": Style(kind: "other_zones", label: "其他开发区", fill: "#ffe082", stroke: "#ff8f00", strokeWidth: 0.8, dash: nil, opacity: 0.6),
        "approved": Style(kind: "approved", label: "核准范围", fill: "#bbdefb", stroke: "#1565c0", strokeWidth: 1.2, dash: nil, opacity: 0.5),
        "removed": Style(kind: "removed", label: "调出", fill: "#ffcc80", stroke: "#e65100", strokeWidth: 1, dash: nil, opacity: 0.8),
        "added": Style(kind: "added", label: "扩区/调入", fill: "#ce93d8", stroke: "#6a1b9a", strokeWidth: 1, dash: nil, opacity: 0.7),
        "new_boundary": Style(kind: "new_boundary", label: "调整后边界", fill: "none", stroke: "#000000", strokeWidth: 2.2, dash: nil, opacity: 1),
        "conflict": Style(kind: "conflict", label: "冲突图斑", fill: "#d50000", stroke: "#b71c1c", strokeWidth: 1, dash: nil, opacity: 0.85),
    ]

    let bounds: Bounds
    let scale: Double

    /// Fits the map to `focus` (approved zone and proposal) with a tenth around it.
    init(focus: Bounds) {
        let padX = max(focus.maxX - focus.minX, 1) * 0.1, padY = max(focus.maxY - focus.minY, 1) * 0.1
        bounds = Bounds(minX: focus.minX - padX, minY: focus.minY - padY, maxX: focus.maxX + padX, maxY: focus.maxY + padY)
        scale = min((Self.width - 2 * Self.margin) / (bounds.maxX - bounds.minX), (Self.height - 2 * Self.margin) / (bounds.maxY - bounds.minY))
    }

    func point(_ p: XY) -> String {
        let x = Self.margin + (p.x - bounds.minX) * scale, y = Self.height - Self.margin - (p.y - bounds.minY) * scale
        return NumberText.fixed(x, decimals: 1) + " " + NumberText.fixed(y, decimals: 1)
    }

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

    func element(_ geometry: Geometry, style: Style, title: String? = nil) throws -> String {
        let d = try path(geometry)
        guard !d.isEmpty else { return "" }
        var attributes = "d=\"\(d)\" fill=\"\(style.fill)\" fill-rule=\"evenodd\" stroke=\"\(style.stroke)\" stroke-width=\"\(style.strokeWidth)\""
        if style.opacity < 1 { attributes += " fill-opacity=\"\(style.opacity)\"" }
        if let dash = style.dash { attributes += " stroke-dasharray=\"\(dash)\"" }
        return "<path \(attributes)>" + (title.map { "<title>\(HTMLText.escape($0))</title>" } ?? "") + "</path>\n"
    }

    /// A scale bar of a round length about a fifth of the map.
    func scaleBar() -> String {
        let width = (bounds.maxX - bounds.minX) / 5
        let target = width.isFinite && width > 0 ? width : 1  // a map of a single point still gets a bar
        let magnitude = pow10(Int(log10(target).rounded(.down)))
        let length = [1.0, 2, 5].map { $0 * magnitude }.last { $0 <= target } ?? magnitude
        let pixels = length * scale, y = Self.height - 8
        let label = length >= 1000 ? "\(NumberText.fixed(length / 1000, decimals: 0)) km" : "\(NumberText.fixed(length, decimals: 0)) m"
        return "<g font-size=\"12\"><line x1=\"\(Self.margin)\" y1=\"\(y)\" x2=\"\(NumberText.fixed(Self.margin + pixels, decimals: 1))\" y2=\"\(y)\" stroke=\"#000\" stroke-width=\"3\"/>"
            + "<text x=\"\(NumberText.fixed(Self.margin + pixels + 6, decimals: 1))\" y=\"\(y + 4)\">\(label)</text></g>\n"
    }

    private func pow10(_ exponent: Int) -> Double {
        var value = 1.0
        for _ in 0..<abs(exponent) { value *= 10 }
        return exponent < 0 ? 1 / value : value
    }

    func legend(_ kinds: [String]) -> String {
        var out = "<g font-size=\"12\">"
        for (row, kind) in kinds.enumerated() {
            guard let style = Self.styles[kind] else { continue }
            let y = Self.margin + Double(row) * 18
            out += "<rect x=\"\(Self.width - 150)\" y=\"\(y)\" width=\"14\" height=\"12\" fill=\"\(style.fill == "none" ? "#ffffff" : style.fill)\" stroke=\"\(style.stroke)\""
                + (style.dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") + "/>"
            out += "<text x=\"\(Self.width - 130)\" y=\"\(y + 11)\">\(style.label)</text>"
        }
        return out + "</g>\n"
    }
}

/// Escaping for text placed in HTML and SVG.
enum HTMLText {
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
