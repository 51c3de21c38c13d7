import Foundation
import GeoBridge

/// The SVG map of a proposal check (``ProposalMapContent``): its items in their styles, conflicts
/// labelled with their rule; coordinate ticks, north arrow, scale bar and a legend of what is drawn (``SVGMap``).
enum ProposalMapSVG {
    static func svg(_ report: ProposalReport, language: Language, title: String) throws -> String {
        let context = GEOSContext()
        let items = try ProposalMapContent.items(report, language: language, context: context)
        var map = SVGMap(id: "proposal-map", focus: try ProposalMapContent.focus(of: items), crs: report.crs)
        for item in items { try map.draw(item.geometry, item.style, title: item.title) }
        for item in items { if let label = item.label { try map.label(label, at: item.geometry) } }
        return map.svg(title: title)
    }
}
