import GeoBridge

/// The zone's land by evaluation land status (TD/T 1029-2010 评价用地分类): A from the 三调 land use, B21/B22 split
/// by supply, C2 from the ecological protection red line, D, G and H from the parcels. Holds the built
/// (A) and industrial (A2) regions for measuring buildings on them.
struct LandAccount {
    var rows: [LandStatusRow] = []
    var quantities: [String: EvaluationQuantity] = [:]
    var builtRegion: PreparedGeometry?
    var industrialRegion: PreparedGeometry?
    var warnings: [Bilingual] = []

    /// Parcel fields the account reads, in this order, as ``ClippedPiece/attributes``.
    static let parcelAttributes = ["supply_date", "idle", "high_tech"]

    /// - Parameter idle: the parcels the idle-land check found idle (feature indices) and how, used for G
    ///   when the parcels carry no idle flag field.
    static func build(landUse: ClippedLayer?, parcels: ClippedLayer?, redLine: ClippedLayer?, project: ZoneProject,
                      status: EvaluationLandStatus, idle: (indices: Set<Int>, source: Bilingual)?,
                      context: EvaluationContext) throws -> LandAccount {
        var account = LandAccount()
        let supplied = parcels.map { Self.supplied($0, project: project) }
        let suppliedUnion = try supplied.flatMap { try context.union($0.pieces.map(\.geometry)) }
        let preparedSupply = try suppliedUnion.map { try PreparedGeometry($0) }
        if let parcels, let supplied {
            account.quantities["D"] = .known("D", "已供应国有建设用地", .landArea, try suppliedUnion.map(context.area) ?? 0,
                                             source: Bilingual("\(parcels.source) ∩ 开发区：\(supplied.description.zh)；重叠部分只计一次",
                                                               "\(parcels.source) ∩ zone: \(supplied.description.en); overlaps counted once"))
            if project.layers[.parcels]?.field("idle") == nil, let idle {
                let pieces = parcels.pieces.filter { idle.indices.contains($0.featureIndex) }
                let count = Set(pieces.map(\.featureIndex)).count
                account.quantities["G"] = .known("G", "闲置土地", .landArea, try context.union(pieces.map(\.geometry)).map(context.area) ?? 0,
                                                 source: Bilingual("\(parcels.source) ∩ 开发区：\(count) 宗闲置，依据\(idle.source.zh)",
                                                                   "\(parcels.source) ∩ zone: \(count) parcels idle by \(idle.source.en)"))
            } else {
                account.flagged(parcels, slot: 1, symbol: "G", name: "闲置土地", field: "idle", project: project, context: context)
            }
            account.flagged(parcels, slot: 2, symbol: "H", name: "高新技术产业用地 (H1 + H2)", field: "high_tech", project: project, context: context)
        } else {
            let reason = Bilingual("项目文件没有宗地/供地（parcels）图层", "the project names no parcels layer (宗地/供地)")
            account.quantities["D"] = .unknown("D", "已供应国有建设用地", .landArea, reason: reason)
            account.quantities["G"] = .unknown("G", "闲置土地", .landArea, reason: reason)
            account.quantities["H"] = .unknown("H", "高新技术产业用地 (H1 + H2)", .landArea, reason: reason)
        }
        guard let landUse else {
            let reason = Bilingual("项目文件没有土地利用（land_use，三调地类图斑）图层，A、B、C 均由它得出",
                                   "the project names no land_use layer (三调 地类图斑), which A, B and C come from")
            for (symbol, name) in [("A", "已建成城镇建设用地"), ("A1", "住宅用地"), ("A2", "工矿仓储用地"), ("A+B", "可建设土地 (A + B)"),
                                   ("A+B21", "已达到供地条件的土地 (A + B21)")] {
                account.quantities[symbol] = .unknown(symbol, name, .landArea, reason: reason)
            }
            return account
        }
        let byEvaluationField = project.layers[.landUse]?.field("evaluation_code") != nil
        var areas: [String: Double] = [:], origins: [String: Set<String>] = [:], unknown: [String: Double] = [:]
        // Land moved into a code by a rule (B22 inside the red line → C2, inside a supplied parcel → B21), said after its codes.
        var moved: [String: Bilingual] = [:]
        var builtPieces: [Geometry] = [], industrialPieces: [Geometry] = [], unsuppliedPieces: [Geometry] = []
        for piece in landUse.pieces {
            let given = piece.featureClass ?? ""
            guard let code = byEvaluationField ? (EvaluationLandStatus.names[given] != nil ? given : nil) : status.code(for: given) else {
                unknown[given, default: 0] += piece.netArea
                continue
            }
            // 三调 net areas: the deducted share (田坎 …) counts under its own class's status.
            if !byEvaluationField, let deduction = piece.deduction, let deducted = status.code(for: deduction.code) {
                areas[code, default: 0] += piece.netArea * (1 - deduction.ratio)
                areas[deducted, default: 0] += piece.netArea * deduction.ratio
                origins[deducted, default: []].insert(deduction.code)
            } else {
                areas[code, default: 0] += piece.netArea
            }
            origins[code, default: []].insert(given)
            if code.hasPrefix("A") { builtPieces.append(piece.geometry) }
            if code == "A2" { industrialPieces.append(piece.geometry) }
            if code == "B22" { unsuppliedPieces.append(piece.geometry) }
        }
        for (code, area) in unknown.sorted(by: { $0.key < $1.key }) {
            let hectares = NumberText.fixed(area / 10_000, decimals: 4)
            account.warnings.append(Bilingual(
                "\(landUse.source)：地类编码 \(code.isEmpty ? "（空）" : code) 没有对应的评价用地状况（\(status.source)）；\(hectares) 公顷未计入 A、B、C",
                "\(landUse.source): land-use code \(code.isEmpty ? "(empty)" : code) has no evaluation land status (\(status.source)); "
                    + "\(hectares) ha left out of A, B and C"))
        }
        if !landUse.report.overlaps.isEmpty {
            let pairs = landUse.report.overlaps.count
            account.warnings.append(Bilingual(
                "\(landUse.source)：有 \(pairs) 对地类图斑相互重叠；重叠部分只计一次，计入图层中排在前面的图斑的地类",
                "\(landUse.source): \(pairs) pairs of land-use polygons overlap; each overlap is counted once, in the class of the polygon first in the layer"))
        }
        // B22 land inside the red line cannot be built on (C2); B22 land inside a supplied parcel has met
        // the supply conditions (B21). Both are working definitions (Docs/evaluation.md).
        let redUnion = try redLine.flatMap { try context.union($0.pieces.map(\.geometry)) }
        let unsupplied = try context.union(unsuppliedPieces)
        let protected = try context.overlapArea(unsupplied, try redUnion.map { try PreparedGeometry($0) })
        let remaining = try unsupplied.map { region in try redUnion.map { try region.difference($0) } ?? region }
        let ready = try context.overlapArea(remaining, preparedSupply)
        if protected > 0 {
            areas["B22", default: 0] -= protected
            areas["C2", default: 0] += protected
            moved["C2"] = Bilingual(verbatim: "B22 ∩ \(redLine!.source)")
        }
        if ready > 0 {
            areas["B22", default: 0] -= ready
            areas["B21", default: 0] += ready
            moved["B21"] = Bilingual("B22 ∩ 已供应宗地", "B22 ∩ supplied parcels")
        }
        account.rows = areas.keys.sorted(by: Self.codeOrder).map { code in
            let codes = Bilingual(verbatim: origins[code, default: []].sorted().joined(separator: ", "))
            let from = [codes, moved[code]].compactMap { $0 }.filter { !$0.en.isEmpty }.joined(zh: ", ", en: ", ")
            return LandStatusRow(code: code, name: EvaluationLandStatus.names[code] ?? code, area: areas[code]!, from: from)
        }
        // Summed in code order: dictionary order changes from run to run, and so would the last bit.
        func sum(_ include: (String) -> Bool) -> Double { account.rows.filter { include($0.code) }.reduce(0) { $0 + $1.area } }
        let source = byEvaluationField
            ? Bilingual("\(landUse.source) ∩ 开发区，用地状况代码取自 evaluation_code 字段", "\(landUse.source) ∩ zone, codes by the evaluation_code field")
            : Bilingual("\(landUse.source) ∩ 开发区，用地状况代码按 \(status.source) 对照", "\(landUse.source) ∩ zone, codes by \(status.source)")
        account.quantities["A"] = .known("A", "已建成城镇建设用地", .landArea, sum { $0.hasPrefix("A") }, source: source)
        account.quantities["A1"] = .known("A1", "住宅用地", .landArea, sum { $0 == "A1" }, source: source)
        account.quantities["A2"] = .known("A2", "工矿仓储用地", .landArea, sum { $0 == "A2" }, source: source)
        account.quantities["A+B"] = .known("A+B", "可建设土地 (A + B)", .landArea, sum { !$0.hasPrefix("C") }, source: source)
        let readySource = source + (supplied == nil ? Bilingual("；没有宗地图层，B21 只含对照为 B21 的地类", "; no parcels layer, so B21 is the B21 codes only")
                                                    : Bilingual("；已供应宗地内的 B22 计为 B21", "; B22 inside supplied parcels counted as B21"))
        account.quantities["A+B21"] = .known("A+B21", "已达到供地条件的土地 (A + B21)", .landArea,
                                            sum { $0.hasPrefix("A") || $0 == "B21" }, source: readySource)
        account.builtRegion = try context.union(builtPieces).map { try PreparedGeometry($0) }
        account.industrialRegion = try context.union(industrialPieces).map { try PreparedGeometry($0) }
        return account
    }

    /// Land status codes in the order of TD/T 1029-2010 评价用地分类 (A1 … A6, B11 … B22, C1 … C3).
    static func codeOrder(_ a: String, _ b: String) -> Bool {
        let groups = "ABC"
        let ga = groups.firstIndex(of: a.first ?? "Z"), gb = groups.firstIndex(of: b.first ?? "Z")
        return ga == gb ? a < b : (ga ?? groups.endIndex) < (gb ?? groups.endIndex)
    }

    /// The supplied parcels: those with a supply date when the field is mapped, otherwise all.
    static func supplied(_ parcels: ClippedLayer, project: ZoneProject) -> (pieces: [ClippedPiece], description: Bilingual) {
        let features = Set(parcels.pieces.map(\.featureIndex)).count
        guard let field = project.layers[.parcels]?.field("supply_date") else {
            return (parcels.pieces, Bilingual("全部 \(features) 宗（未映射 supply_date：图层中每宗都视为已供应）",
                                              "all \(features) parcels (no supply_date mapped: every parcel of the layer counts as supplied)"))
        }
        // A supply date counts when it is a date on or before the as-of date (any date without one).
        let asOf = project.asOf.flatMap { LandDateParser.parse(.string($0)).dateValue }
        var unreadable = Set<Int>()
        let pieces = parcels.pieces.filter { piece in
            switch LandDateParser.parse(piece.attributes[0]) {
            case .date(let date): return asOf.map { date <= $0 } ?? true
            case .empty: return false
            case .unreadable: unreadable.insert(piece.featureIndex); return false
            }
        }
        let bound = asOf.map { Bilingual("且不晚于 \($0)", " on or before \($0)") } ?? Bilingual(verbatim: "")
        let gaps = unreadable.isEmpty ? Bilingual(verbatim: "")
            : Bilingual("；\(unreadable.count) 宗的 \(field) 无法识别，未计入", "; \(unreadable.count) parcels with an unreadable \(field) left out")
        let count = Set(pieces.map(\.featureIndex)).count
        return (pieces, Bilingual("\(features) 宗中 \(count) 宗有供地日期（\(field)）", "\(count) of \(features) parcels with a supply date (\(field))")
                    + bound + gaps)
    }

    /// The union area of the parcels whose flag field is set; unknown when the field is not mapped.
    private mutating func flagged(_ parcels: ClippedLayer, slot: Int, symbol: String, name: String, field: String,
                                  project: ZoneProject, context: EvaluationContext) {
        guard let dataField = project.layers[.parcels]?.field(field) else {
            let idleCheck = field == "idle" ? Bilingual("，或设置 as_of 并映射 agreed_start，由闲置土地认定判断",
                                                        ", or set as_of and map agreed_start so that the idle-land check can decide") : Bilingual(verbatim: "")
            quantities[symbol] = .unknown(symbol, name, .landArea,
                                          reason: Bilingual("请映射宗地的 \(field) 标志字段（layers.parcels 下的 fields.\(field)）",
                                                            "map the parcels' \(field) flag field (fields.\(field) under layers.parcels)") + idleCheck)
            return
        }
        let pieces = parcels.pieces.filter { $0.attributes[slot].isSet }
        do {
            let area = try context.union(pieces.map(\.geometry)).map(context.area) ?? 0
            let count = Set(pieces.map(\.featureIndex)).count
            quantities[symbol] = .known(symbol, name, .landArea, area,
                                        source: Bilingual("\(parcels.source) ∩ 开发区：\(dataField) 标记的 \(count) 宗",
                                                          "\(parcels.source) ∩ zone: \(count) parcels flagged in \(dataField)"))
        } catch {
            let failure = ZoneCalcError(error, source: parcels.source)
            quantities[symbol] = .unknown(symbol, name, .landArea, reason: Bilingual(failure.message(.zh), failure.message(.en)))
        }
    }
}

extension FieldValue {
    /// A yes/no flag as zone data write it: a non-zero number, or 是/Y/yes/true/√/有 (or the flag's own
    /// word: 闲置, 标准地, 政府原因). Other text reads as no.
    var isSet: Bool {
        switch self {
        case .integer(let value): return value != 0
        case .real(let value): return value != 0
        case .string(let text):
            let lowered = text.trimmingCharacters(in: .whitespaces).lowercased()
            if let number = Double(lowered) { return number != 0 }
            return ["是", "y", "yes", "true", "t", "√", "有", "闲置", "标准地", "政府原因"].contains(lowered)
        case .null, .date, .dateTime: return false
        }
    }
}
