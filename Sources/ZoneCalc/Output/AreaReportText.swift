/// Renders an ``AreaReport`` as readable terminal text.
public struct AreaReportText {
    public var unit: AreaUnit
    public var decimals: Int
    public var showFeatures: Bool

    public init(unit: AreaUnit, decimals: Int? = nil, showFeatures: Bool = true) {
        self.unit = unit
        self.decimals = decimals ?? unit.defaultDecimals
        self.showFeatures = showFeatures
    }

    private func figure(_ squareMetres: Double?) -> String {
        squareMetres.map { NumberText.fixed(unit.value(ofSquareMetres: $0), decimals: decimals) } ?? ""
    }

    private var areaHeaders: (AreaReport) -> [String] {
        { report in report.methods.map { "\($0.rawValue) (\(unit.label))" } }
    }

    public func render(_ report: AreaReport) -> String {
        var out = "Source: \(report.source)\nCRS:    \(report.crs.summary)\n"
        if let plane = report.planarCRS { out += "Planar areas computed in \(plane) (the Gauss–Krüger 3° zone of the data)\n" }
        for method in report.methods { out += "Method: \(method.rawValue) = \(method.summary(in: report.crs))\n" }
        out += "Unit:   \(unit.label)\(unit == .mu ? " (1 亩 = 2000/3 m²)" : "")\n\n"
        if showFeatures { out += featureTable(report).render() + "\n" }
        out += totalsTable(report).render()
        if !report.groups.isEmpty { out += "\n" + groupTable(report).render() }
        out += notes(report)
        return out
    }

    private func featureTable(_ report: AreaReport) -> TextTable {
        let check = report.declared
        var headers = ["#", "fid", "id"] + areaHeaders(report)
        if report.groups.isEmpty == false { headers.insert("class", at: 3) }
        if let check { headers += ["declared (\(unit.label))", "diff vs \(check.method.rawValue)"] }
        headers.append("note")
        var table = TextTable(headers: headers, alignments: headers.map { ["id", "class", "note"].contains($0) ? .left : .right })
        let flagged = Set(check?.mismatches ?? [])
        for (position, feature) in report.features.enumerated() {
            var row = [String(feature.index + 1), String(feature.fid), feature.label ?? ""]
            if report.groups.isEmpty == false { row.append(feature.group ?? "") }
            row += report.methods.map { figure(feature.area[$0]) }
            var notes: [String] = []
            if let check {
                let computed = feature.area[check.method]
                if let declared = feature.declaredSquareMetres, let computed {
                    row += [figure(declared), NumberText.percent(DeclaredAreaCheck.relativeDifference(declared: declared, computed: computed), decimals: 3)]
                } else {
                    row += ["", ""]
                }
                if flagged.contains(position) { notes.append("declared area differs > ½ last decimal + \(NumberText.percent(check.tolerance, decimals: 2))") }
            }
            if !feature.noteText.isEmpty { notes.append(feature.noteText) }
            row.append(notes.joined(separator: "; "))
            table.add(row)
        }
        return table
    }

    private func totalsTable(_ report: AreaReport) -> TextTable {
        var table = TextTable(headers: ["total", "features"] + areaHeaders(report), alignments: [.left] + Array(repeating: .right, count: report.methods.count + 1))
        table.add(["all measured", String(report.measuredCount)] + report.methods.map { figure(report.total[$0]) })
        return table
    }

    private func groupTable(_ report: AreaReport) -> TextTable {
        let first = report.methods[0]
        let total = report.total[first] ?? 0
        var table = TextTable(headers: ["class", "features"] + areaHeaders(report) + ["share (\(first.rawValue))"],
                              alignments: [.left] + Array(repeating: .right, count: report.methods.count + 2))
        for group in report.groups {
            let share = total > 0 ? (group.area[first] ?? 0) / total : 0
            table.add([group.key, String(group.count)] + report.methods.map { figure(group.area[$0]) } + [NumberText.percent(share)])
        }
        return table
    }

    private func notes(_ report: AreaReport) -> String {
        var out = ""
        if !report.readWarnings.isEmpty {
            out += "\nWarnings while reading:\n" + report.readWarnings.map { "  \($0)\n" }.joined()
        }
        if let check = report.declared {
            out += "\nDeclared area (\(check.field), in \(check.unit.label)) vs \(check.method.rawValue) area: "
            out += "\(check.mismatches.count) feature(s) differ by more than half a unit of the last decimal written plus \(NumberText.percent(check.tolerance, decimals: 2))"
            out += check.missing > 0 ? "; \(check.missing) without a declared value\n" : "\n"
        }
        if report.repairedCount > 0 {
            out += "\n\(report.repairedCount) invalid feature(s) measured after make-valid (GEOS linework method); --skip-invalid leaves them out\n"
        }
        if !report.skipped.isEmpty {
            out += "\n\(report.skipped.count) feature(s) skipped:\n"
            for skipped in report.skipped.prefix(50) {
                out += "  feature #\(skipped.index + 1) (fid \(skipped.fid)\(skipped.label.map { ", \($0)" } ?? "")) \(skipped.reason)\n"
            }
            if report.skipped.count > 50 { out += "  … and \(report.skipped.count - 50) more (see --format json)\n" }
        }
        return out
    }
}
