import Foundation
import GeoBridge

/// One parcel's per-mu figures and who uses it.
public struct PerMuParcel: Sendable {
    public var index: Int
    public var fid: Int64
    public var id: String
    public var figures: PerMuFigures
    /// Enterprise ids with their share of the parcel.
    public var users: [(id: String, share: Double)]
    /// How the land was shared: a share field, floor area, equal parts, or one user (empty when no one uses it).
    public var split: Bilingual
    public var wkb: [UInt8]
}

/// What an indicator's part of a score rests on.
public enum ScoreBasis: String, Sendable {
    /// The enterprise's own value.
    case achieved
    /// No value: the part scores 0.
    case missing
    /// No value: the part scores the average of the scheme's enterprises that have one (profile: missing: average).
    case schemeAverage = "scheme_average"
}

/// One indicator's part of an enterprise's score.
public struct ScorePart: Sendable {
    public var indicator: PerMuIndicator
    public var value: Double?
    public var weight: Double
    public var benchmark: Double
    public var score: Double
    public var basis: ScoreBasis
}

/// One enterprise's per-mu figures, score, class and rank.
public struct PerMuEnterprise: Sendable {
    public var id: String
    public var name: String
    public var scale: String?
    public var parcels: [String]
    /// The sums over its parcels (land, and each figure where given).
    public var figures: PerMuFigures
    /// What each of its parcels contributes (its share of the land and of the figures), in parcel order.
    public var contributions: [PerMuFigures] = []
    public var scheme: String?
    public var parts: [ScorePart]
    public var score: Double?
    public var classLabel: String?
    public var rank: Int?
    /// Why there is no score.
    public var notScored: Bilingual?

    /// An indicator of the enterprise: per unit of land over all its land; otherwise over the parcels that
    /// have both figures (each parcel counted as used or left out).
    public func ratio(_ indicator: PerMuIndicator) -> PerMuRatio {
        indicator.ratio(over: indicator.perLand ? [contributions] : contributions.map { [$0] })
    }
}

/// What `zonecalc permu` found.
public struct PerMuReport: Sendable {
    public var zoneName: String
    public var method: AreaMethod
    public var crs: ResolvedCRS
    public var source: String
    public var profile: PerMuProfile
    public var parcels: [PerMuParcel]
    /// Ranked: scored enterprises by score (then id), then the unscored.
    public var enterprises: [PerMuEnterprise]
    /// The zone: the evaluated (scored) enterprises' figures summed, with all their land.
    public var zone: PerMuFigures
    /// The zone's indicators, in ``PerMuIndicator`` order, each over the evaluated enterprises' parcels
    /// that have both of its figures (亩均效益综合评价), with how many enterprises were left out.
    public var zoneRatios: [PerMuRatio]
    public var evaluatedCount: Int
    /// Parcels measured after repair or left out, enterprise rows left out, and what the run noted of its inputs.
    public var notes: [Bilingual]
}

/// `zonecalc permu`: per-mu output (亩均) of parcels, enterprises and the zone, and the enterprises'
/// weighted-benchmark score and class (台州市黄岩区 2022 亩均效益综合评价).
public enum PerMuJob {
    static let figureFields = ["tax", "value_added", "revenue", "output_value", "actual_investment", "energy", "emissions",
                               "employees", "rd_spending", "electricity"]

    static func figures(_ value: (String) -> Double?) -> PerMuFigures {
        var f = PerMuFigures()
        f.tax = value("tax"); f.valueAdded = value("value_added"); f.revenue = value("revenue"); f.output = value("output_value")
        f.investment = value("actual_investment"); f.energy = value("energy"); f.emissions = value("emissions")
        f.employees = value("employees"); f.rd = value("rd_spending"); f.electricity = value("electricity")
        return f
    }

    public static func run(frame: AnalysisFrame) throws(ZoneCalcError) -> PerMuReport {
        let project = frame.project
        let profile = try PerMuProfile.load(RuleFiles(project: project))
        let table = try ParcelTable.load(frame)
        var notes = table.notes
        let tenants = try EnterpriseTable.read(project, parcelIds: Set(table.records.map(\.id)).subtracting(table.duplicateIds), notes: &notes)
        var parcels: [PerMuParcel] = []
        var enterprises: [String: PerMuEnterprise] = [:], order: [String] = []
        func creditEnterprise(_ id: String, name: String?, scale: String?, parcel: String, figures: PerMuFigures) {
            if enterprises[id] == nil {
                enterprises[id] = PerMuEnterprise(id: id, name: name ?? id, scale: scale, parcels: [], figures: PerMuFigures(), scheme: nil, parts: [])
                order.append(id)
            }
            enterprises[id]!.parcels.append(parcel)
            enterprises[id]!.figures.add(figures)
            enterprises[id]!.contributions.append(figures)
            if enterprises[id]!.scale == nil { enterprises[id]!.scale = scale }
        }
        var outOfScope = 0
        for record in table.records {
            // Only the users of parcels of the profile's land uses are evaluated (industrial by default).
            let inScope = profile.landUsePrefixes.isEmpty || record.text("land_use").map { code in profile.landUsePrefixes.contains { code.hasPrefix($0) } } == true
            func credit(_ id: String, name: String?, scale: String?, parcel: String, figures: PerMuFigures) {
                if inScope { creditEnterprise(id, name: name, scale: scale, parcel: parcel, figures: figures) }
            }
            if !inScope { outOfScope += 1 }
            var parcel = PerMuParcel(index: record.index, fid: record.fid, id: record.id, figures: PerMuFigures(), users: [], split: Bilingual(verbatim: ""), wkb: record.wkb)
            if let rows = tenants[record.id] {
                let (shares, split) = EnterpriseTable.shares(rows)
                parcel.split = split
                for (row, share) in zip(rows, shares) {
                    var figures = row.figures
                    figures.land = record.area * share
                    parcel.figures.add(row.figures)
                    parcel.users.append((row.id, share))
                    credit(row.id, name: row.name, scale: row.scale, parcel: record.id, figures: figures)
                }
                parcel.figures.land = record.area
            } else {
                parcel.figures = figures { record.number($0) }
                parcel.figures.land = record.area
                if let id = record.text("enterprise_id") {
                    parcel.users = [(id, 1)]
                    parcel.split = Bilingual("单一用地企业", "one user")
                    credit(id, name: record.text("enterprise_name"), scale: record.text("scale"), parcel: record.id, figures: parcel.figures)
                }
            }
            parcels.append(parcel)
        }
        if outOfScope > 0, !profile.landUsePrefixes.isEmpty {
            let prefixes = profile.landUsePrefixes.joined(separator: "/")
            notes.append(Bilingual("\(outOfScope)宗宗地的地类不在\(prefixes)之内（评价方案的 land_use_prefixes）：其用地企业不参评",
                                   "\(outOfScope) parcels with a land use outside \(prefixes) (the profile's land_use_prefixes): their users are not evaluated"))
        }
        let ranked = PerMuScoring.score(order.map { enterprises[$0]! }, profile: profile)
        let evaluated = ranked.filter { $0.score != nil }
        var zone = PerMuFigures()
        for enterprise in evaluated { zone.add(enterprise.figures) }
        let zoneRatios = PerMuIndicator.allCases.map { $0.ratio(over: evaluated.map(\.contributions)) }
        return PerMuReport(zoneName: project.name, method: project.areaMethod, crs: table.crs, source: table.source, profile: profile,
                           parcels: parcels, enterprises: ranked, zone: zone, zoneRatios: zoneRatios, evaluatedCount: evaluated.count,
                           notes: notes + frame.notes)
    }
}

/// The weighted-benchmark score of 台州市黄岩区 2022 亩均效益综合评价: Σ weight × achieved / benchmark, per the enterprise's
/// scheme; a missing value scores the scheme's average where the profile says so, else 0.
enum PerMuScoring {
    static func score(_ enterprises: [PerMuEnterprise], profile: PerMuProfile) -> [PerMuEnterprise] {
        var result = enterprises
        func part(_ weighted: PerMuProfile.Weighted, _ value: Double) -> Double {
            let raw = weighted.weight * value / weighted.benchmark
            return profile.indicatorCap.map { min(raw, $0 * weighted.weight) } ?? raw
        }
        for index in result.indices {
            let enterprise = result[index]
            guard enterprise.figures.mu >= profile.minimumLandMu else {
                let used = NumberText.fixed(enterprise.figures.mu, decimals: 2), minimum = NumberText.fixed(profile.minimumLandMu, decimals: 0)
                result[index].notScored = Bilingual("用地\(used)亩，低于评价方案的下限\(minimum)亩",
                                                    "uses \(used) 亩, below the profile's minimum of \(minimum) 亩")
                continue
            }
            let f = enterprise.figures
            guard (f.tax ?? 0) > 0 || (f.revenue ?? f.output ?? 0) > 0 || (f.valueAdded ?? 0) > 0 else {
                result[index].notScored = Bilingual("无税收、营业收入、产值和增加值：未投产（见 zonecalc idle，建而未投）",
                                                    "neither tax, revenue, output nor value added: not producing (see zonecalc idle, 建而未投)")
                continue
            }
            guard let scheme = profile.scheme(for: enterprise.scale) else {
                let scale = enterprise.scale ?? ""
                result[index].notScored = Bilingual("企业规模「\(scale)」不对应评价方案中的任何方案", "scale '\(scale)' matches no scheme of the profile")
                continue
            }
            result[index].scheme = scheme.id
            result[index].parts = scheme.indicators.map { weighted in
                let indicator = PerMuIndicator(rawValue: weighted.indicator)!
                let value = enterprise.ratio(indicator).value
                return ScorePart(indicator: indicator, value: value, weight: weighted.weight, benchmark: weighted.benchmark,
                                 score: value.map { part(weighted, $0) } ?? 0, basis: value == nil ? .missing : .achieved)
            }
        }
        // Missing values that score the average: the mean of the same scheme's enterprises that have one.
        for scheme in profile.schemes {
            for (slot, weighted) in scheme.indicators.enumerated() where weighted.averageWhenMissing {
                let scored = result.filter { $0.scheme == scheme.id && $0.parts[slot].value != nil }.map { $0.parts[slot].score }
                guard !scored.isEmpty else { continue }
                let average = scored.reduce(0, +) / Double(scored.count)
                for index in result.indices where result[index].scheme == scheme.id && result[index].parts[slot].value == nil {
                    result[index].parts[slot].score = average
                    result[index].parts[slot].basis = .schemeAverage
                }
            }
        }
        for index in result.indices where result[index].scheme != nil {
            let missing = result[index].parts.filter { $0.basis == .missing }
            if missing.count == result[index].parts.count {
                result[index].notScored = Bilingual("没有评价方案的任何指标值（\(missing.map(\.indicator.name).joined(separator: "、"))）",
                                                    "no figure of the scheme (\(missing.map(\.indicator.englishName).joined(separator: ", ")))")
                result[index].scheme = nil
                continue
            }
            let total = result[index].parts.reduce(0) { $0 + $1.score }
            result[index].score = total
            result[index].classLabel = profile.classify(total)?.label
        }
        let scored = result.filter { $0.score != nil }.sorted { ($0.score!, $1.id) > ($1.score!, $0.id) }
        let unscored = result.filter { $0.score == nil }
        var ranked = scored
        for index in ranked.indices { ranked[index].rank = index + 1 }
        return ranked + unscored
    }
}

/// Rows of the project's enterprise table (企业信息): firms using parcels, with their share of the land
/// and their figures.
struct EnterpriseRow: Sendable {
    var id: String
    var name: String?
    var scale: String?
    var share: Double?
    var floorArea: Double?
    var figures: PerMuFigures
}

enum EnterpriseTable {
    /// Rows by parcel id; rows naming no parcel of the parcels layer are noted and left out.
    static func read(_ project: ZoneProject, parcelIds: Set<String>, notes: inout [Bilingual]) throws(ZoneCalcError) -> [String: [EnterpriseRow]] {
        guard let layer = project.layers[.enterprises] else { return [:] }
        let reader = try LayerReaders.open(layer.source)
        guard let idField = layer.field("enterprise_id"), let parcelField = layer.field("parcel_id") else {
            throw .projectFile(path: project.path, line: nil, key: "layers.enterprises.fields",
                               message: Bilingual("企业表需要映射 enterprise_id 和 parcel_id 字段", "the enterprise table needs enterprise_id and parcel_id mapped"))
        }
        let names = ["enterprise_id", "parcel_id", "enterprise_name", "scale", "enterprise_share", "floor_area"] + PerMuJob.figureFields
        var wanted: [(name: String, index: Int)] = []
        for name in names {
            guard let field = layer.field(name) else { continue }
            wanted.append((name, try reader.fieldIndex(field)))
        }
        var rows: [String: [EnterpriseRow]] = [:]
        var problems: [Bilingual] = []
        do {
            try reader.read(fieldIndices: wanted.map(\.index), swapXY: false) { feature in
                var values: [String: FieldValue] = [:]
                for (slot, item) in wanted.enumerated() { values[item.name] = feature.attributes[slot] }
                func text(_ name: String) -> String? {
                    values[name]?.text.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
                }
                let line = Bilingual("\(reader.sourceName) 第\(feature.index + 1)行", "\(reader.sourceName) row \(feature.index + 1)")
                guard let id = text("enterprise_id") else { problems.append(line + Bilingual("：无\(idField)，未计入", ": no \(idField), left out")); return }
                guard let parcel = text("parcel_id"), parcelIds.contains(parcel) else {
                    let given = text("parcel_id") ?? ""
                    problems.append(line + Bilingual("：\(parcelField)「\(given)」不是宗地图层中唯一的一宗（编号未知或重复），未计入",
                                                     ": \(parcelField) '\(given)' is not one parcel of the parcels layer (unknown or duplicated id), left out"))
                    return
                }
                let share = values["enterprise_share"]?.doubleValue
                if let share, !(share > 0 && share <= 1) {
                    problems.append(line + Bilingual("：份额\(share)不在 (0, 1] 之内，未计入", ": share \(share) is not in (0, 1], left out"))
                    return
                }
                rows[parcel, default: []].append(EnterpriseRow(id: id, name: text("enterprise_name"), scale: text("scale"), share: share,
                                                               floorArea: values["floor_area"]?.doubleValue,
                                                               figures: PerMuJob.figures { values[$0]?.doubleValue }))
            }
        } catch {
            throw ZoneCalcError(error, source: reader.sourceName)
        }
        notes += problems
        return rows
    }

    /// Each user's share of a parcel: the share field when every row has one (scaled down if they add
    /// to more than 1), else floor area when every row has it, else equal parts.
    static func shares(_ rows: [EnterpriseRow]) -> ([Double], Bilingual) {
        if rows.allSatisfy({ $0.share != nil }) {
            let shares = rows.map { $0.share! }, total = shares.reduce(0, +), sum = NumberText.fixed(total, decimals: 4)
            return total > 1 + 1e-9 ? (shares.map { $0 / total }, Bilingual("份额字段（合计\(sum)，按比例缩为1）", "share field (added to \(sum), scaled to 1)"))
                                    : (shares, Bilingual("份额字段", "share field"))
        }
        if rows.allSatisfy({ ($0.floorArea ?? 0) > 0 }) {
            let total = rows.reduce(0) { $0 + $1.floorArea! }
            return (rows.map { $0.floorArea! / total }, Bilingual("建筑面积", "floor area"))
        }
        return (Array(repeating: 1 / Double(rows.count), count: rows.count), Bilingual("均分", "equal parts"))
    }
}
