import GeoBridge

/// The maps of the zone report, in the zone's CRS over the approved boundary: its parts, the land use
/// by first-level class, the parcels by idle status and by per-mu class. A map of more shapes than a
/// page can carry is not drawn; the report says so and points to the GeoPackage.
struct ZoneReportMaps {
    let report: ZoneReport
    let language: Language
    let context = GEOSContext()

    /// Beyond this many shapes a map is not drawn (the page would be tens of megabytes).
    static let shapeLimit = 20_000

    enum Outcome {
        case drawn(String)
        case notDrawn(Bilingual)
    }

    private func t(_ zh: String, _ en: String) -> String { Bilingual(zh, en).text(language) }

    static let partColours = ["#90caf9", "#a5d6a7", "#ffcc80", "#ce93d8", "#80deea", "#f48fb1", "#e6ee9c", "#bcaaa4"]

    /// ZoneCalc's palette for the 三调 first-level classes (not the official symbol library).
    static let levelOneColours = [
        "00": "#4db6ac", "01": "#f5e08c", "02": "#e6b94f", "03": "#5fa55a", "04": "#b5d98c", "05": "#e57373", "06": "#9575cd",
        "07": "#ff8a65", "08": "#f06292", "09": "#a1887f", "10": "#b0bec5", "11": "#64b5f6", "12": "#e0e0e0",
    ]

    static let idleColours: [IdleStatus: String] = [
        .notSupplied: "#eeeeee", .notYetDue: "#c8e6c9", .withinGrace: "#fff59d", .idleFee: "#ff9800", .idleRecover: "#d50000",
        .idleGovernment: "#8d6e63", .idleStalled: "#ab47bc", .started: "#81c784", .dataMissing: "#90a4ae",
    ]

    static let classColours = ["#1b9e77", "#66a61e", "#e6ab02", "#d95f02", "#e7298a", "#7570b3"]

    private var boundaryParts: [BoundaryPart] { (try? report.boundary.get())?.parts ?? [] }

    /// A map over the boundary (else over the shapes), the boundary outlined on top.
    private func map(_ id: String, over shapes: [[UInt8]], title: String, draw: (inout SVGMap) throws -> Void) throws -> Outcome {
        guard shapes.count <= Self.shapeLimit else {
            return .notDrawn(Bilingual("图形过多（\(shapes.count) 个），未绘制；请在 QGIS 或 ArcGIS 中打开 report.gpkg 查看",
                                       "too many shapes (\(shapes.count)) to draw; open report.gpkg in QGIS or ArcGIS"))
        }
        let extentShapes = boundaryParts.isEmpty ? shapes : boundaryParts.map(\.wkb)
        var focus: Bounds?
        for wkb in extentShapes {
            guard let b = try Geometry.fromWKB(wkb, context: context).bounds() else { continue }
            focus = focus.map { $0.union(b) } ?? b
        }
        guard let focus else { return .notDrawn(Bilingual("没有可绘制的图形", "nothing to draw")) }
        var map = SVGMap(id: id, focus: focus, crs: report.crs)
        try draw(&map)
        let outline = SVGMap.Style(label: t("核准范围", "approved boundary"), fill: "none", stroke: "#000000", strokeWidth: 1.8)
        try map.draw(boundaryParts.map(\.wkb), outline, context: context)
        return .drawn(map.svg(title: title))
    }

    /// The boundary's parts, each in its colour and labelled with its id and number.
    func zoneParts(title: String) throws -> Outcome {
        let parts = boundaryParts
        return try map("map-parts", over: parts.map(\.wkb), title: title) { map in
            for (index, part) in parts.enumerated() {
                let geometry = try Geometry.fromWKB(part.wkb, context: context)
                let label = "\(part.feature)-\(part.part)"
                let colour = Self.partColours[index % Self.partColours.count]
                try map.draw(geometry, SVGMap.Style(label: t("区块 \(label)", "part \(label)"), fill: colour, stroke: "#1565c0", strokeWidth: 1, opacity: 0.7))
                try map.label(label, at: geometry)
            }
        }
    }

    /// The land use inside the zone by first-level class.
    func landUse(title: String, classes: LandClassTable?) throws -> Outcome {
        let shapes = report.landUseMap
        guard !shapes.isEmpty else { return .notDrawn(Bilingual("土地利用图斑未能转换到开发区坐标系，未绘制", "the land-use pieces could not be brought into the zone's CRS")) }
        return try map("map-land-use", over: shapes.map(\.wkb), title: title) { map in
            let byLevel = Dictionary(grouping: shapes) { String(($0.key ?? "").prefix(2)) }
            for level in byLevel.keys.sorted() {
                let name = classes?.classes.values.first { $0.levelOneCode == level }?.levelOneName ?? t("未识别地类", "unknown class")
                let style = SVGMap.Style(label: "\(level) \(name)", fill: Self.levelOneColours[level] ?? "#ffffff", stroke: "#757575", strokeWidth: 0.3)
                try map.draw(byLevel[level]!.map(\.wkb), style, context: context)
            }
        }
    }

    /// The parcels by idle status.
    func idle(_ idle: IdleLandReport, title: String) throws -> Outcome {
        try map("map-idle", over: idle.parcels.map(\.wkb), title: title) { map in
            for status in IdleStatus.allCases {
                let parcels = idle.parcels(status)
                guard !parcels.isEmpty else { continue }
                let style = SVGMap.Style(label: status.name.text(language), fill: Self.idleColours[status] ?? "#ffffff", stroke: "#555555", strokeWidth: 0.4)
                try map.draw(parcels.map(\.wkb), style, context: context)
            }
        }
    }

    /// The parcels by the per-mu class of their main user (the largest share).
    func perMu(_ perMu: PerMuReport, title: String) throws -> Outcome {
        let classes = PerMuExport.classes(perMu)
        let labels = perMu.profile.classes.map(\.label)
        return try map("map-per-mu", over: perMu.parcels.map(\.wkb), title: title) { map in
            let notScored = t("未评分", "not scored")
            let byClass = Dictionary(grouping: perMu.parcels) { parcel -> String in
                guard let user = parcel.users.max(by: { $0.share < $1.share }), let label = classes[user.id], label != "—" else { return notScored }
                return label
            }
            let others = byClass.keys.filter { !labels.contains($0) && $0 != notScored }.sorted()
            for (index, label) in (labels + others + [notScored]).enumerated() {
                guard let parcels = byClass[label] else { continue }
                let colour = label == notScored ? "#e0e0e0" : Self.classColours[index % Self.classColours.count]
                try map.draw(parcels.map(\.wkb), SVGMap.Style(label: label, fill: colour, stroke: "#555555", strokeWidth: 0.4), context: context)
            }
        }
    }
}
