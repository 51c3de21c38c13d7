import Foundation

/// One layer a project names: where it is, its CRS override and how its fields map to ZoneCalc's.
public struct ProjectLayer: Sendable, Equatable {
    public var role: LayerRole
    public var source: SourceSpec
    public var crs: String?
    /// ZoneCalc field name → the name the data uses (e.g. "id" → "ZDBH", "land_use" → "地类编码").
    public var fields: [String: String]
    /// Polygons marking where the layer's data are complete (数据范围); nil when the layer's extent is
    /// taken as its coverage.
    public var coverage: SourceSpec? = nil

    /// The data's name for a ZoneCalc field, if mapped.
    public func field(_ name: String) -> String? { fields[name] }
}

/// A development zone described once, in a project file (`zone.yaml`): its name and code, the as-of
/// date, the area method, the rule profile and its layers with their field mappings.
public struct ZoneProject: Sendable, Equatable {
    public var path: String
    public var name: String
    public var code: String?
    /// The date analyses are made as of, "YYYY-MM-DD".
    public var asOf: String?
    public var areaMethod: AreaMethod
    /// A rule-profile folder or file, relative to the project file; nil uses the bundled rules.
    public var rules: String?
    public var layers: [LayerRole: ProjectLayer]
    /// Zone-level figures from statistics rather than GIS layers (key → value, units in
    /// ``ZoneStatistics/all``); a figure given here replaces the sum over parcels.
    public var statistics: [String: Double] = [:]
    /// The zone type when the project states it (bonded zones are always 工业主导型, TD/T 1029-2010（2014年度试行）开发区类型);
    /// nil lets the evaluation decide from the land use.
    public var zoneType: String?
    /// How layers in another geodetic datum are brought in (`datum_transformation`): refused unless the
    /// seven parameters are given.
    public var datumPolicy = DatumPolicy.refuse
    /// The province (省份, e.g. 江苏), whose bundled rule profile applies; nil when not stated.
    public var province: String?
    /// 国家级 or 省级, when stated.
    public var level: ZoneLevel?

    /// The project file and every layer's file: what an output may never overwrite.
    public var inputPaths: [String] { [path] + layers.values.flatMap { [$0.source.path] + ($0.coverage.map { [$0.path] } ?? []) }.sorted() }

    /// The date an analysis judges by: `override` (a command's --as-of), else `as_of`.
    public func judgingDate(_ override: CalendarDate?, for analysis: String) throws(ZoneCalcError) -> CalendarDate {
        if let override { return override }
        guard let text = asOf, case .date(let date) = LandDateParser.parse(.string(text)) else {
            throw .projectFile(path: path, line: nil, key: "as_of", message: Bilingual("\(analysis)需要基准日：请在项目文件中设 as_of，或用 --as-of 给出", "\(analysis) needs a date: set as_of or give --as-of"))
        }
        return date
    }

    /// The layer for a role, or an error naming the project file and the missing key.
    public func layer(_ role: LayerRole) throws(ZoneCalcError) -> ProjectLayer {
        guard let layer = layers[role] else {
            throw .projectFile(path: path, line: nil, key: "layers.\(role.rawValue)",
                               message: Bilingual("项目文件没有\(role.chineseName)图层；请在 layers: 下添加", "the project names no \(role.chineseName) layer; add it under layers:"))
        }
        return layer
    }
}

/// The ZoneCalc field names a project maps, with what they mean.
public enum ProjectFields {
    public static let all: [(name: String, meaning: String)] = [
        ("id", "feature id (宗地编号, 地块编号, BSM…)"),
        ("name", "name (名称)"),
        ("land_use", "land-use code (地类编码, DLBM)"),
        ("land_price", "land price, 万元 (土地价款)"),
        ("supply_date", "supply or contract date (供地日期)"),
        ("agreed_start", "agreed start date (约定开工日期)"),
        ("agreed_completion", "agreed completion date (约定竣工日期)"),
        ("actual_start", "actual start date (实际开工日期)"),
        ("actual_completion", "actual completion date (实际竣工日期)"),
        ("committed_investment", "committed investment, 万元 (协议投资)"),
        ("actual_investment", "actual fixed-asset investment, 万元 (实际投资)"),
        ("floor_area", "total floor area, m² (建筑面积)"),
        ("footprint_area", "building footprint area, m² (建筑占地面积)"),
        ("floors", "storeys (层数)"),
        ("tax", "annual tax, 万元 (税收)"),
        ("output_value", "annual output value, 万元 (产值)"),
        ("enterprise_id", "enterprise id (统一社会信用代码)"),
        ("enterprise_name", "enterprise name (企业名称)"),
        ("declared_area", "declared area (申报面积)"),
        ("standard_land", "standard-land flag (标准地)"),
        ("parcel_id", "the parcel a building stands on (宗地编号)"),
        ("change_type", "adjustment type, 调出/调入 (调整类型)"),
        ("idle", "idle-land flag, 1/是 = idle (闲置土地标志)"),
        ("high_tech", "high-tech industry land flag, 1/是 (高新技术产业用地标志)"),
        ("evaluation_code", "evaluation land status code A1…C3 (评价用地分类代码)"),
        ("deduction_ratio", "share of a 三调 polygon deducted as 田坎 etc., 0–1 (扣除系数 KCXS / 田坎系数 TKXS)"),
        ("deduction_area", "area deducted from a 三调 polygon, m² (扣除面积 KCMJ / TKMJ)"),
        ("deduction_code", "class of the deducted area (扣除地类编码 KCDLBM; default 1203 田坎)"),
        ("suspension_date", "date construction was suspended (停工日期)"),
        ("production_date", "date production started (投产日期)"),
        ("government_cause", "delay caused by the government, 1/是 (政府原因)"),
        ("developed_area", "area developed, m² (已开发面积)"),
        ("target_date", "agreed full-production date (约定达产日期)"),
        ("industry_code", "industry code, GB/T 4754 (行业代码)"),
        ("region_class", "region class of the investment-intensity table (地区类别)"),
        ("green_area", "green area, m² (绿地面积)"),
        ("office_area", "office and living-service land, m² (行政办公及生活服务设施用地面积)"),
        ("revenue", "operating revenue, 万元 (营业收入)"),
        ("value_added", "value added, 万元 (增加值)"),
        ("energy", "energy use, t of standard coal (综合能耗, 吨标煤)"),
        ("emissions", "main pollutant emissions, t (主要污染物排放量)"),
        ("employees", "average employees (年平均职工人数)"),
        ("rd_spending", "R&D spending, 万元 (研发经费支出)"),
        ("enterprise_share", "share of the parcel the enterprise uses, 0–1 (用地份额)"),
        ("electricity", "electricity use, 万kWh (用电量)"),
        ("scale", "enterprise scale, 规上/规下 (企业规模)"),
        ("agreed_investment_intensity", "agreed fixed-asset investment, 万元/亩 (约定投资强度)"),
        ("agreed_floor_area_ratio", "agreed minimum floor-area ratio (约定容积率)"),
        ("agreed_building_coverage", "agreed minimum building coverage, % (约定建筑系数)"),
        ("agreed_green_ratio", "agreed maximum green ratio, % (约定绿地率)"),
        ("agreed_office_share", "agreed maximum office share, % (约定行政办公用地比重)"),
        ("agreed_tax_per_mu", "agreed tax per mu, 万元/亩 (约定亩均税收)"),
        ("agreed_output_per_mu", "agreed output per mu, 万元/亩 (约定亩均产值)"),
        ("agreed_energy_value_added", "agreed value added per t of standard coal (约定单位能耗增加值)"),
        ("agreed_emission_value_added", "agreed value added per t of emissions (约定单位排放增加值)"),
    ]

    public static var names: Set<String> { Set(all.map(\.name)) }
}

/// The zone-level statistics a project can give (`statistics:` in the project file).
public enum ZoneStatistics {
    public static let all: [(name: String, meaning: String)] = [
        ("population", "resident population, persons (常住人口)"),
        ("total_tax", "tax of secondary and tertiary industry, 万元 (二三产业税收总额)"),
        ("industrial_investment", "cumulative fixed-asset investment of industrial and logistics firms, 万元 (工业企业累计固定资产投资)"),
        ("industrial_tax", "tax of industrial and logistics firms, 万元 (工业企业税收)"),
        ("industrial_revenue", "revenue of industrial and logistics firms, 万元 (工业企业营业收入)"),
        ("high_tech_revenue", "revenue of high-tech industry, 万元 (高新技术产业营业收入)"),
    ]
}
