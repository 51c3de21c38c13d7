import GeoBridge

/// The outcome of one rule.
public enum RuleStatus: String, Sendable {
    case pass
    case fail
    case needsReview = "needs_review"
    /// The rule does not apply to this kind of proposal, or the profile sets no limit for it.
    case notApplicable = "not_applicable"
    /// The rule applies but cannot be checked (a layer or a figure is missing): said, never passed silently.
    case notChecked = "not_checked"
    /// Reported figures without a threshold.
    case info

    public var label: Bilingual {
        switch self {
        case .pass: return Bilingual("符合", "pass")
        case .fail: return Bilingual("不符合", "fail")
        case .needsReview: return Bilingual("需人工复核", "needs review")
        case .notApplicable: return Bilingual("不适用", "not applicable")
        case .notChecked: return Bilingual("无法检查", "not checked")
        case .info: return Bilingual("仅报告", "reported")
        }
    }
}

/// A piece of the proposal in conflict with a rule (on farmland, on the red line, outside the urban
/// development boundary, on another zone), or a part with a geometry problem.
public struct ConflictPiece: Sendable {
    public var rule: String
    /// What it conflicts with, e.g. 永久基本农田 / permanent basic farmland.
    public var kind: Bilingual
    /// The control feature's or the proposal part's id.
    public var label: String
    public var area: MeasuredArea
    /// A point inside the piece.
    public var location: XY
    public var wkb: [UInt8]
}

/// One rule's result.
public struct RuleResult: Sendable {
    public var id: String
    public var title: Bilingual
    /// The rule's source and thresholds.
    public var source: String
    public var status: RuleStatus
    public var reason: Bilingual
    /// The figures the rule judged by, under stable English names: areas in m² (by the report's
    /// method), shares in per cent, counts, and the thresholds it compared them with.
    public var figures: [String: Double] = [:]
    public var pieces: [ConflictPiece] = []
}

/// One polygon of the land taken out of the approved zone.
public struct RemovedPiece: Sendable {
    public var area: MeasuredArea
    /// A point inside it (boundary CRS): where to find it.
    public var location: XY
    public var wkb: [UInt8]
}

/// One 三调 class of the added (or removed) land.
public struct AddedLandClass: Sendable {
    public var code: String
    public var name: String
    public var category: String
    public var area: MeasuredArea
    /// Where the class lies (WKB, boundary CRS): the pieces of the features of this code, gross of
    /// 扣除地类; nil for a class that has area only as a deduction (田坎 …).
    public var wkb: [UInt8]?
}

/// What `zonecalc proposal check` found.
public struct ProposalReport: Sendable {
    public var zoneName: String
    public var zoneCode: String?
    /// Expansion or adjustment, as judged (a new boundary is judged by what it adds and takes out).
    public var kind: ProposalKind
    /// The proposal was given as the requested new boundary, not as pieces.
    public var givenAsNewBoundary = false
    public var crs: ResolvedCRS
    public var approved: MeasuredArea
    public var removed: MeasuredArea
    public var added: MeasuredArea
    public var after: MeasuredArea
    public var landUse: [AddedLandClass]
    /// The land taken out, polygon by polygon, and its 三调 classes (empty for an expansion).
    public var removedPieces: [RemovedPiece]
    public var removedLandUse: [AddedLandClass]
    public var rules: [RuleResult]
    public var verdict: RuleStatus
    /// The area method the rules' figures and thresholds use (the project's; planar for a geodesic one).
    public var method: AreaMethod
    public var parts: [ProposalPart]
    /// Geometries (WKB, boundary CRS): the approved zone, the land added and removed, the new boundary.
    public var approvedWKB: [UInt8]
    public var addedWKB: [UInt8]?
    public var removedWKB: [UInt8]?
    public var newBoundaryWKB: [UInt8]
    /// Control-line geometries near the proposal, for the map: (kind, WKB).
    public var context: [(kind: String, wkb: [UInt8])]
    public var notes: [Bilingual]
}
