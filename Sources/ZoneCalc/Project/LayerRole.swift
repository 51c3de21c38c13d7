/// The layers a zone project can name, with their key in the project file and the layer names they
/// usually carry in Chinese zone data (used by `zonecalc init` to guess).
public enum LayerRole: String, CaseIterable, Sendable {
    case boundary
    case parcels
    case landUse = "land_use"
    case buildings
    case approvals
    case farmland
    case ecologicalRedLine = "ecological_red_line"
    case urbanDevelopmentBoundary = "urban_development_boundary"
    case otherZones = "other_zones"
    case expansion
    case adjustment
    case enterprises

    /// The Chinese name, for comments and reports.
    public var chineseName: String {
        switch self {
        case .boundary: return "开发区核准范围"
        case .parcels: return "宗地/供地"
        case .landUse: return "三调 地类图斑"
        case .buildings: return "建筑物"
        case .approvals: return "批准用地范围"
        case .farmland: return "永久基本农田"
        case .ecologicalRedLine: return "生态保护红线"
        case .urbanDevelopmentBoundary: return "城镇开发边界"
        case .otherZones: return "其他开发区"
        case .expansion: return "扩区方案"
        case .adjustment: return "调区方案"
        case .enterprises: return "企业信息 (亩均评价)"
        }
    }

    /// The role a layer or file name suggests: the role with the longest matching hint (so that
    /// "kqfw" is an expansion, not a boundary), nil when none matches.
    static func guess(_ name: String) -> LayerRole? {
        let lowered = name.lowercased()
        return allCases.compactMap { role in
            role.nameHints.filter { lowered.contains($0) }.map(\.count).max().map { (role, $0) }
        }.max { $0.1 < $1.1 }?.0
    }

    /// Lower-case fragments of layer or file names that suggest this role.
    var nameHints: [String] {
        switch self {
        case .boundary: return ["kfqfw", "开发区范围", "核准范围", "boundary", "kfq_"]
        case .parcels: return ["zd", "宗地", "parcel", "gdxx", "供地"]
        case .landUse: return ["dltb", "地类", "landuse", "land_use", "sandiao"]
        case .buildings: return ["jzw", "建筑", "building"]
        case .approvals: return ["pzyd", "批准", "approval", "bpyd"]
        case .farmland: return ["yjjbnt", "基本农田", "farmland", "jbnt"]
        case .ecologicalRedLine: return ["stbhhx", "生态保护红线", "redline", "red_line", "sthx"]
        case .urbanDevelopmentBoundary: return ["czkfbj", "城镇开发边界", "udb", "kfbj"]
        case .otherZones: return ["qtkfq", "其他开发区", "other_zone"]
        case .expansion: return ["kqfw", "扩区", "expansion"]
        case .adjustment: return ["tqfw", "调区", "adjustment"]
        case .enterprises: return ["qyxx", "企业", "enterprise"]
        }
    }
}
