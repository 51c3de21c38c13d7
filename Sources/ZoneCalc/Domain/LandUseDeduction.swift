import GeoBridge

/// The 扣除地类 of a 三调 land-use polygon (图斑): the share of its area that is 田坎 (or another deducted
/// class) and is counted under that class, not the polygon's own. 三调 statistics use the net 图斑地类面积
/// (TBDLMJ = TBMJ − KCMJ) for the polygon's class and report 1203 田坎 on its own line.
public struct LandUseDeduction: Sendable, Equatable {
    /// Share of the polygon's area deducted, 0…1.
    public var ratio: Double
    /// The deducted class (KCDLBM), 1203 田坎 when the field is missing or empty.
    public var code: String

    public init(ratio: Double, code: String) {
        self.ratio = ratio; self.code = code
    }

    /// 1203 田坎, the class deducted when KCDLBM says nothing.
    public static let defaultCode = "1203"
}

/// Which fields of a land-use layer carry the deduction: the project's mapping (`deduction_ratio`,
/// `deduction_area`, `deduction_code`), else the 三调 names KCXS / KCMJ / KCDLBM, else the 二调 names
/// TKXS / TKMJ.
public struct LandUseDeductionFields: Sendable, Equatable {
    /// 扣除系数 (KCXS, TKXS): the deducted share.
    public var ratio: String?
    /// 扣除面积 (KCMJ, TKMJ), m²: used when there is no ratio field, divided by the polygon's area.
    public var area: String?
    /// 扣除地类编码 (KCDLBM).
    public var code: String?

    /// The deduction fields of a layer; nil when it has neither a ratio nor an area field (its figures are gross).
    public static func detect(in fields: [FieldDefinition], mapped: (String) -> String? = { _ in nil }) -> LandUseDeductionFields? {
        let names = Set(fields.map(\.name))
        func pick(_ zoneCalcName: String, _ usual: [String]) -> String? {
            if let name = mapped(zoneCalcName) { return name }
            return usual.first { names.contains($0) }
        }
        let found = LandUseDeductionFields(ratio: pick("deduction_ratio", ["KCXS", "TKXS"]), area: pick("deduction_area", ["KCMJ", "TKMJ"]),
                                           code: pick("deduction_code", ["KCDLBM"]))
        return found.ratio == nil && found.area == nil ? nil : found
    }

    /// Where the deduction comes from, a clause for reports: 扣除地类已按 KCXS（扣除系数）扣除…, net of 扣除地类 from KCXS (扣除系数)….
    public var clause: Bilingual {
        let used = ratio.map { Bilingual("\($0)（扣除系数）", "\($0) (扣除系数)") }
            ?? area.map { Bilingual("\($0)（扣除面积）÷ 图斑面积", "\($0) (扣除面积) / the polygon's area") } ?? Bilingual(verbatim: "")
        return Bilingual("扣除地类已按 \(used.zh)扣除", "net of 扣除地类 from \(used.en)")
            + (code.map { Bilingual("，扣除地类编码取自 \($0)", ", class from \($0)") } ?? Bilingual("，扣除部分计为 1203 田坎", ", class 1203 田坎"))
    }

    /// The deduction of one polygon from its field values (`ratio`, `area`, `code` as read; nil when the
    /// field is not there) and its area (m²); nil when it deducts nothing or the values are unusable.
    public static func deduction(ratio: FieldValue?, area: FieldValue?, code: FieldValue?, polygonArea: Double) -> LandUseDeduction? {
        var share: Double?
        if let value = ratio?.doubleValue { share = value }
        else if let value = area?.doubleValue, polygonArea > 0 { share = min(1, value / polygonArea) }
        guard let share, share > 0, share <= 1 else { return nil }
        let text = code?.text?.trimmingCharacters(in: .whitespaces) ?? ""
        return LandUseDeduction(ratio: share, code: text.isEmpty ? LandUseDeduction.defaultCode : text)
    }
}
