import Foundation
import GeoBridge

/// What the map of a proposal check shows, in drawing order: control lines, the approved zone, the
/// land taken out and added, their 三调 land use, the new boundary, and the conflict pieces in a colour per rule, each
/// labelled with its rule (R1, R3 …). The report's SVG map (``ProposalMapSVG``) and the service's
/// interactive map (``ProposalMapGeoJSON``) draw the same items in the same styles.
enum ProposalMapContent {
    /// One geometry on the map.
    struct Item {
        /// The layer's key (`farmland`, `approved`, `conflict` …).
        var layer: String
        var geometry: Geometry
        var style: SVGMap.Style
        /// The tooltip: the conflict's rule, kind and feature.
        var title: String?
        /// The text written on it (a conflict's rule).
        var label: String?
    }

    /// The items of `report`'s map, their geometries read in `context`.
    static func items(_ report: ProposalReport, language: Language, context: GEOSContext) throws -> [Item] {
        func style(_ key: String) -> SVGMap.Style {
            var style = styles[key]!
            if language == .en { style.label = englishLabels[key] ?? style.label }
            return style
        }
        func item(_ key: String, _ wkb: [UInt8]) throws -> Item {
            Item(layer: key, geometry: try Geometry.fromWKB(wkb, context: context), style: style(key))
        }
        var items = try report.context.map { try item($0.kind, $0.wkb) }
        items.append(try item("approved", report.approvedWKB))
        let removedLandUse = try landUseItems(report.removedLandUse, taken: true, method: report.method, language: language, context: context)
        let addedLandUse = try landUseItems(report.landUse, taken: false, method: report.method, language: language, context: context)
        items += removedLandUse + addedLandUse
        // Over their land use the land taken out and added are outlines, so that both stay readable.
        func part(_ key: String, _ wkb: [UInt8], outlined: Bool) throws -> Item {
            var part = try item(key, wkb)
            if outlined { part.style.fill = "none" }
            return part
        }
        if let removed = report.removedWKB { items.append(try part("removed", removed, outlined: !removedLandUse.isEmpty)) }
        if let added = report.addedWKB { items.append(try part("added", added, outlined: !addedLandUse.isEmpty)) }
        items.append(try item("new_boundary", report.newBoundaryWKB))
        let pieces = report.rules.flatMap(\.pieces)
        var order: [String] = []
        for piece in pieces where !order.contains(piece.rule) { order.append(piece.rule) }
        // Larger pieces first, so that one inside another (farmland outside the urban boundary) stays visible.
        let drawnOrder = pieces.indices.sorted { (pieces[$0].area.ellipsoidal ?? 0, $1) > (pieces[$1].area.ellipsoidal ?? 0, $0) }
        for index in drawnOrder {
            let piece = pieces[index], kind = piece.kind.text(language)
            items.append(Item(layer: "conflict", geometry: try Geometry.fromWKB(piece.wkb, context: context),
                              style: conflictStyle(piece.rule, kind: kind, order: order), title: "\(piece.rule) \(kind) \(piece.label)", label: piece.rule))
        }
        return items
    }

    /// The 三调 classes of the land added or taken out, one item per code, coloured by 三大类 and
    /// named by code, class and area in their tooltip.
    private static func landUseItems(_ classes: [AddedLandClass], taken: Bool, method: AreaMethod, language: Language,
                                     context: GEOSContext) throws -> [Item] {
        // The legend in the same order for every proposal: 农用地, 建设用地, 未利用地, unidentified; codes within.
        let order = LandCategory.allCases.map(\.rawValue)
        let sorted = classes.sorted { (order.firstIndex(of: $0.category) ?? order.count, $0.code) < (order.firstIndex(of: $1.category) ?? order.count, $1.code) }
        return try sorted.compactMap { landClass in
            guard let wkb = landClass.wkb else { return nil }
            let hectares = NumberText.fixed((landClass.area[method] ?? landClass.area.planar ?? 0) / 10_000, decimals: 4)
            let title = language == .en
                ? "三调 \(landClass.code) \(landClass.name): \(hectares) ha of the land \(taken ? "taken out" : "added")"
                : "三调 \(landClass.code) \(landClass.name)：\(taken ? "调出" : "新增")用地中\(hectares)公顷"
            return Item(layer: "land_use", geometry: try Geometry.fromWKB(wkb, context: context),
                        style: landUseStyle(landClass.category, taken: taken, language: language), title: title)
        }
    }

    /// The style of a 三调 category: 农用地, 建设用地, 未利用地 (anything else: unidentified); that of
    /// the land taken out is its own legend entry, edged as the land taken out is.
    static func landUseStyle(_ category: String, taken: Bool, language: Language) -> SVGMap.Style {
        let (fill, english) = landUseColours[category] ?? ("#90a4ae", "unidentified")
        let name = language == .en ? "三调 \(english) land" : "三调 \(landUseColours[category] == nil ? "未识别地类" : category)"
        let label = taken ? (language == .en ? "taken out: " + name : "调出 " + name) : name
        return taken
            ? SVGMap.Style(label: label, fill: fill, stroke: "#e65100", strokeWidth: 0.6, dash: "3 2", opacity: 0.8)
            : SVGMap.Style(label: label, fill: fill, stroke: "#616161", strokeWidth: 0.4, opacity: 0.8)
    }

    /// 三大类 colours, after the hues of the 三调 map legend: yellow-green farmland, red construction, grey unused land.
    static let landUseColours: [String: (fill: String, english: String)] = [
        LandCategory.agricultural.rawValue: ("#e6ee9c", "agricultural"),
        LandCategory.construction.rawValue: ("#ef9a9a", "construction"),
        LandCategory.unused.rawValue: ("#e0e0e0", "unused"),
    ]

    /// The extent the map is fitted to: the approved zone and the land added and taken out.
    static func focus(of items: [Item]) throws -> Bounds {
        var focus: Bounds?
        for item in items where ["approved", "added", "removed"].contains(item.layer) {
            if let b = try item.geometry.bounds() { focus = focus?.union(b) ?? b }
        }
        return focus ?? Bounds(minX: 0, minY: 0, maxX: 1, maxY: 1)
    }

    static let styles: [String: SVGMap.Style] = [
        "urban_development_boundary": SVGMap.Style(label: "城镇开发边界", fill: "none", stroke: "#7f7f7f", strokeWidth: 1.5, dash: "6 4"),
        "farmland": SVGMap.Style(label: "永久基本农田", fill: "#c5e1a5", stroke: "#558b2f", strokeWidth: 0.8, opacity: 0.6),
        "ecological_red_line": SVGMap.Style(label: "生态保护红线", fill: "#a5d6a7", stroke: "#1b5e20", strokeWidth: 0.8, dash: "3 2", opacity: 0.6),
        "other_zones": SVGMap.Style(label: "其他开发区", fill: "#ffe082", stroke: "#ff8f00", strokeWidth: 0.8, opacity: 0.6),
        "approved": SVGMap.Style(label: "核准范围", fill: "#bbdefb", stroke: "#1565c0", strokeWidth: 1.2, opacity: 0.5),
        "removed": SVGMap.Style(label: "调出", fill: "#ffffff", stroke: "#e65100", strokeWidth: 1.6, dash: "5 3", opacity: 0.8),
        "added": SVGMap.Style(label: "扩区/调入", fill: "#ce93d8", stroke: "#6a1b9a", strokeWidth: 1, opacity: 0.7),
        "new_boundary": SVGMap.Style(label: "调整后边界", fill: "none", stroke: "#000000", strokeWidth: 2.2),
    ]

    static let englishLabels = [
        "urban_development_boundary": "urban development boundary", "farmland": "permanent basic farmland", "ecological_red_line": "ecological red line",
        "other_zones": "other zones", "approved": "approved boundary", "removed": "taken out (调出)", "added": "added (扩区/调入)", "new_boundary": "new boundary",
    ]

    /// Conflict colours, one per rule, distinct from each other and from the layers beneath.
    static let conflictColours = ["#d50000", "#2962ff", "#ff6d00", "#00b8d4", "#aa00ff", "#c51162", "#00c853", "#ffd600", "#3e2723", "#455a64"]

    /// The style of conflicts found by `rule` (the n-th rule with pieces gets the n-th colour).
    static func conflictStyle(_ rule: String, kind: String, order: [String]) -> SVGMap.Style {
        let colour = conflictColours[(order.firstIndex(of: rule) ?? 0) % conflictColours.count]
        return SVGMap.Style(label: "\(rule) \(kind)", fill: colour, stroke: colour, strokeWidth: 1.2, opacity: 0.85)
    }
}
