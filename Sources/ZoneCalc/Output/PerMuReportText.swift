/// Renders a ``PerMuReport`` for the terminal: the zone's per-mu figures in 万元/亩 and 万元/公顷, the
/// enterprise ranking with score and class, class counts, parcels shared by several enterprises.
public struct PerMuReportText {
    public init() {}

    static func number(_ value: Double?, _ decimals: Int = 2) -> String { value.map { NumberText.fixed($0, decimals: decimals) } ?? "—" }

    public func render(_ report: PerMuReport) -> String {
        var out = "亩均效益: \(report.zoneName)\nParcels: \(report.source); method \(report.method.rawValue) = \(report.method.summary(in: report.crs))\n"
        out += "Profile: \(report.profile.file) — \(report.profile.source)\n\n"
        out += "Zone: \(report.evaluatedCount) evaluated enterprises on \(NumberText.fixed(report.zone.mu, decimals: 4)) 亩 "
        out += "(\(NumberText.fixed(report.zone.land / 10_000, decimals: 4)) 公顷)\n"
        var zone = TextTable(headers: ["indicator", "value", "unit", "per 公顷", "enterprises"], alignments: [.left, .right, .left, .right, .left])
        for ratio in report.zoneRatios {
            let indicator = ratio.indicator, value = ratio.value
            zone.add([indicator.name, Self.number(value), indicator.unit,
                      indicator.perLand ? value.map { NumberText.fixed($0 * 15, decimals: 2) + " 万元/公顷" } ?? "—" : "",
                      "\(ratio.used)" + (ratio.leftOutNote.map { " (\($0))" } ?? "")])
        }
        out += zone.render() + "\n"
        let shown = Array(Set(report.profile.schemes.flatMap { $0.indicators.map(\.indicator) }))
            .compactMap(PerMuIndicator.init(rawValue:)).sorted { PerMuIndicator.allCases.firstIndex(of: $0)! < PerMuIndicator.allCases.firstIndex(of: $1)! }
        var table = TextTable(headers: ["rank", "enterprise", "name", "亩", "scheme", "score", "class"] + shown.map(\.name),
                              alignments: [.right, .left, .left, .right, .left, .right, .left] + shown.map { _ in .right })
        for enterprise in report.enterprises {
            table.add([enterprise.rank.map(String.init) ?? "", enterprise.id, enterprise.name, NumberText.fixed(enterprise.figures.mu, decimals: 2),
                       enterprise.scheme ?? "", Self.number(enterprise.score), enterprise.classLabel ?? (enterprise.notScored == nil ? "" : "—")]
                      + shown.map { Self.number(enterprise.ratio($0).value) })
        }
        out += "Enterprises (score = Σ weight × achieved / benchmark, 台州市黄岩区 2022 亩均效益综合评价)\n" + table.render() + "\n"
        var counts = TextTable(headers: ["class", "meaning", "from score", "enterprises"], alignments: [.left, .left, .right, .right])
        for cutoff in report.profile.classes {
            counts.add([cutoff.label, cutoff.meaning, NumberText.fixed(cutoff.minScore, decimals: 0),
                        String(report.enterprises.filter { $0.classLabel == cutoff.label }.count)])
        }
        out += counts.render()
        let unscored = report.enterprises.filter { $0.notScored != nil }
        if !unscored.isEmpty {
            out += "\nNot scored (\(unscored.count))\n"
            for reason in Set(unscored.map { $0.notScored! }).sorted() {
                let items = unscored.filter { $0.notScored == reason }
                out += "  \(items.count) enterprise(s): \(reason)\n"
            }
        }
        let averaged = report.enterprises.filter { $0.parts.contains { $0.note.hasPrefix("missing: scheme average") } }
        if !averaged.isEmpty {
            out += "\n\(averaged.count) enterprise(s) scored with the scheme average for a missing figure (profile: missing: average)\n"
        }
        let shared = report.parcels.filter { $0.users.count > 1 }
        if !shared.isEmpty {
            out += "\nParcels used by several enterprises\n"
            for parcel in shared {
                out += "  \(parcel.id) (\(parcel.split)): " + parcel.users.map { "\($0.id) \(NumberText.fixed($0.share * 100, decimals: 1)) %" }.joined(separator: ", ") + "\n"
            }
        }
        if !report.notes.isEmpty { out += "\nNotes\n" + report.notes.map { "  \($0)\n" }.joined() }
        return out
    }
}
