import Foundation

/// The map of a check's HTML report — SVG in the zone's own coordinates, with legend, scale bar, north
/// arrow and coordinate ticks, drawn by the engine — taken out to stand on the check page.
enum ReportMap {
    /// The first `<svg>…</svg>` of the report at `url`; nil when there is none.
    static func svg(inReport url: URL) -> String? {
        guard let html = try? String(contentsOf: url, encoding: .utf8),
              let start = html.range(of: "<svg "), let end = html.range(of: "</svg>", range: start.upperBound..<html.endIndex) else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }
}
