/// Renders an ``OverlayReport`` for the terminal: zones, the table by class (m², 公顷, 亩, share,
/// count), the three-category roll-up with the 耕地 subtotal, and the notes.
public struct OverlayReportText {
    public var decimals: Int?

    public init(decimals: Int? = nil) { self.decimals = decimals }

    private func text(_ squareMetres: Double?, _ unit: AreaUnit) -> String {
        squareMetres.map { NumberText.fixed(unit.value(ofSquareMetres: $0), decimals: decimals ?? unit.defaultDecimals) } ?? ""
    }

    public func render(_ report: OverlayReport) -> String {
        let primary = report.methods[0], others = report.methods.dropFirst()
        var out = "A:      \(report.aSource)\nB:      \(report.bSource) (\(report.zones.count) feature(s)/part(s))\n"
        out += "CRS:    \(report.crs.summary)\n"
        for method in report.methods { out += "Method: \(method.rawValue) = \(method.summary(in: report.crs))\n" }
        out += "\n"
        var zones = TextTable(headers: ["B", "\(primary.rawValue) m²", "公顷", "亩"], alignments: [.left, .right, .right, .right])
        for zone in report.zones { zones.add([zone.label, text(zone.area[primary], .squareMetre), text(zone.area[primary], .hectare), text(zone.area[primary], .mu)]) }
        out += zones.render() + "\n"
        let total = report.total[primary] ?? 0
        let headers = ["class", "name", "pieces", "\(primary.rawValue) m²", "公顷", "亩", "share"] + others.map { "\($0.rawValue) 亩" }
            + report.apportionFields.map { "\($0) (apportioned)" }
        func row(_ key: String, _ name: String, _ pieces: String, _ area: MeasuredArea, _ apportioned: [Double] = []) -> [String] {
            let value = area[primary] ?? 0
            return [key, name, pieces, text(value, .squareMetre), text(value, .hectare), text(value, .mu),
                    NumberText.percent(total > 0 ? value / total : 0)] + others.map { text(area[$0], .mu) }
                + apportioned.map { NumberText.fixed($0, decimals: 4) }
        }
        let alignments: [TextTable.Alignment] = [.left, .left] + Array(repeating: .right, count: headers.count - 2)
        if !report.classes.isEmpty {
            var table = TextTable(headers: headers, alignments: alignments)
            for item in report.classes { table.add(row(item.key, item.name ?? "", String(item.pieces), item.area, item.apportioned)) }
            let apportionedTotals = report.apportionFields.indices.map { slot in report.classes.reduce(0) { $0 + $1.apportioned[slot] } }
            table.add(row("total", "", String(report.pieceCount), report.total, apportionedTotals))
            out += table.render()
            out += report.classAreaBasis.map { "(\($0))\n" } ?? ""
            out += "\n"
        } else {
            var table = TextTable(headers: headers, alignments: alignments)
            table.add(row("total", "", String(report.pieceCount), report.total))
            out += table.render() + "\n"
        }
        if !report.categories.isEmpty {
            var table = TextTable(headers: ["三大类", "", "", "\(primary.rawValue) m²", "公顷", "亩", "share"] + others.map { "\($0.rawValue) 亩" },
                                  alignments: alignments)
            for item in report.categories { table.add(row(item.category, "", "", item.area)) }
            if let cultivated = report.cultivated { table.add(row("其中 耕地", "0101+0102+0103", "", cultivated)) }
            out += table.render()
            out += "(三大类 roll-up from \(report.landClassSource ?? "the land-class table"), TD/T 1055-2019 附录A)\n\n"
        }
        out += notes(report)
        return out
    }

    private func notes(_ report: OverlayReport) -> String {
        var out = report.datumNote.map { "\($0)\n" } ?? ""
        let primary = report.methods[0]
        if !report.overlaps.isEmpty {
            let gross = report.grossTotal[primary] ?? 0, net = report.total[primary] ?? 0
            out += "\(report.overlaps.count) pair(s) of A's features overlap inside B (\(NumberText.fixed(gross - net, decimals: 2)) m² counted once, "
            out += "for the feature that comes first in A; the pieces add up to \(NumberText.fixed(gross, decimals: 2)) m² before that):\n"
            for pair in report.overlaps.prefix(20) {
                out += "  #\(pair.first.index + 1)\(pair.first.label.map { " (\($0))" } ?? "") and #\(pair.second.index + 1)"
                out += "\(pair.second.label.map { " (\($0))" } ?? "") in \(pair.bLabel): \(NumberText.fixed(pair.area, decimals: 2)) m²\n"
            }
            if report.overlaps.count > 20 { out += "  … and \(report.overlaps.count - 20) more\n" }
        }
        out += "\(report.crossing.count) feature(s) of A cross the boundary of B and were clipped; \(report.outsideCount) lie outside "
        out += "(touching B at most in slivers).\n"
        for item in report.crossing.prefix(20) {
            out += "  feature #\(item.aIndex + 1)\(item.aLabel.map { " (\($0))" } ?? ""): \(NumberText.percent(item.insideShare)) inside\n"
        }
        if report.crossing.count > 20 { out += "  … and \(report.crossing.count - 20) more (write the pieces with -o)\n" }
        if !report.sliverWidthApplied {
            out += "The data are in longitude/latitude: slivers are judged by area only (the width test needs metres).\n"
        }
        if !report.slivers.isEmpty {
            let area = report.slivers.reduce(0) { $0 + $1.area }
            out += "\(report.slivers.count) sliver piece(s), \(NumberText.fixed(area, decimals: 2)) m² in all, left out of the statistics:\n"
            for sliver in report.slivers.prefix(20) {
                out += "  feature #\(sliver.aIndex + 1)\(sliver.aLabel.map { " (\($0))" } ?? "") in \(sliver.bLabel): "
                out += "\(NumberText.fixed(sliver.area, decimals: 3)) m²"
                out += sliver.width.isFinite ? ", mean width \(NumberText.fixed(sliver.width, decimals: 3)) m\n" : "\n"
            }
            if report.slivers.count > 20 { out += "  … and \(report.slivers.count - 20) more\n" }
        }
        if !report.readNotes.isEmpty {
            out += "\(report.readNotes.count) feature(s) of A noted while reading:\n"
            for item in report.readNotes.prefix(20) { out += "  feature #\(item.aIndex + 1)\(item.aLabel.map { " (\($0))" } ?? ""): \(item.note)\n" }
            if report.readNotes.count > 20 { out += "  … and \(report.readNotes.count - 20) more\n" }
        }
        if !report.repaired.isEmpty {
            out += "\(report.repaired.count) invalid feature(s) of A overlaid after make-valid (GEOS linework method):\n"
            for item in report.repaired.prefix(20) { out += "  feature #\(item.aIndex + 1)\(item.aLabel.map { " (\($0))" } ?? ""): \(item.problem.describe())\n" }
            if report.repaired.count > 20 { out += "  … and \(report.repaired.count - 20) more\n" }
        }
        if !report.skipped.isEmpty {
            out += "\(report.skipped.count) feature(s) of A skipped:\n"
            for item in report.skipped.prefix(20) { out += "  feature #\(item.index + 1)\(item.label.map { " (\($0))" } ?? ""): \(item.reason)\n" }
            if report.skipped.count > 20 { out += "  … and \(report.skipped.count - 20) more\n" }
        }
        return out
    }
}
