import GeoBridge

/// One piece of an overlay: the part of feature A that lies in feature (or part) B.
public struct OverlayPiece: Sendable {
    /// Position of the A feature in its layer, its fid and id value.
    public var aIndex: Int
    public var aFid: Int64
    public var aLabel: String?
    /// The A feature's `--by` value (e.g. its land-use code).
    public var aClass: String?
    /// Position of the B feature (or part) in the overlay's zone list, and its id value.
    public var bIndex: Int
    public var bLabel: String
    public var area: MeasuredArea
    /// The area counted in the totals: the piece less what earlier overlapping features of A already
    /// cover (equal to `area` where A does not overlap itself).
    public var netArea: MeasuredArea
    /// Share of the A feature's area in this piece (by the first method).
    public var shareOfA: Double
    /// Share of the B feature's (or part's) area in this piece.
    public var shareOfB: Double
    /// The A feature lies wholly inside B (no clipping needed).
    public var whole: Bool
    /// Numeric fields of A apportioned by the area share (Tabulate Intersection semantics).
    public var apportioned: [Double?]
    /// A's 扣除地类 (三调 田坎…), when the overlay reads them: that share of the piece counts under its class.
    public var deduction: LandUseDeduction?
    /// Piece geometry as WKB, kept only when pieces are written to a file.
    public var wkb: [UInt8]?
}

/// A piece left out of the statistics because it is a sliver (below the area or width tolerance).
public struct OverlaySliver: Sendable {
    public var aIndex: Int
    public var aLabel: String?
    public var bLabel: String
    public var area: Double
    /// Mean width 2·area/perimeter (m).
    public var width: Double
}

/// Totals of one class of A within B.
public struct OverlayClassTotal: Sendable {
    public var key: String
    public var name: String?
    public var category: LandCategory?
    public var pieces: Int
    public var area: MeasuredArea
    /// Sums of the apportioned fields (in the order of ``OverlayReport/apportionFields``).
    public var apportioned: [Double]
}

/// What `zonecalc overlay` found.
public struct OverlayReport: Sendable {
    public var aSource: String
    public var bSource: String
    public var crs: ResolvedCRS
    public var methods: [AreaMethod]
    /// B features (or parts) with their areas.
    public var zones: [(label: String, area: MeasuredArea)]
    /// The pieces, when kept (written to a file or checked for overlaps); empty otherwise.
    public var pieces: [OverlayPiece]
    /// Number of pieces (kept or not).
    public var pieceCount: Int
    public var classes: [OverlayClassTotal]
    /// The fields of A apportioned to the pieces by area share.
    public var apportionFields: [String]
    /// False for lon/lat data, where the sliver width test (in metres) is off.
    public var sliverWidthApplied: Bool
    /// Totals by three-category roll-up, and the 耕地 subtotal, when the classes are 三调 codes.
    public var categories: [(category: String, area: MeasuredArea)]
    public var cultivated: MeasuredArea?
    /// Sum of the net areas (what the classes add up to) and of the gross piece areas.
    public var total: MeasuredArea
    public var grossTotal: MeasuredArea
    /// Features of A that overlap each other inside B; the overlap is counted once.
    public var overlaps: [OverlapAccounting.Pair]
    /// A features crossing the boundary of B (partly inside, slivers aside), with their inside share;
    /// `outsideCount` counts those with no piece but slivers in B.
    public var crossing: [(aIndex: Int, aLabel: String?, insideShare: Double)]
    public var outsideCount: Int
    public var slivers: [OverlaySliver]
    public var repaired: [(aIndex: Int, aLabel: String?, problem: ValidityProblem)]
    /// A features whose reading is noted (``ReadNotes``: a curve linearised, a TIN as its polygons, a problem GDAL reported).
    public var readNotes: [(aIndex: Int, aLabel: String?, note: Bilingual)]
    public var skipped: [SkippedFeature]
    public var landClassSource: String?
    /// Whether class totals are net of 扣除地类 (the fields read), or gross (nil) — said in every output.
    public var deductionFields: LandUseDeductionFields?
    /// The datum change made with the given seven parameters to bring B into A's CRS, stated in every output.
    public var datumNote: Bilingual? = nil

    /// How the class areas were counted, for every output; nil when the overlay has no classes.
    public var classAreaBasis: Bilingual? {
        guard !classes.isEmpty else { return nil }
        if let fields = deductionFields {
            let clause = fields.clause
            return Bilingual("分类面积为图斑地类面积，\(clause.zh)；扣除部分列在其地类下",
                             "class areas are 图斑地类面积, \(clause.en); the deducted area is listed under its class")
        }
        return Bilingual("分类面积为毛面积：图层没有扣除地类字段（KCXS/KCMJ、TKXS/TKMJ），田坎计入所在图斑的地类",
                         "class areas are gross: the layer has no 扣除地类 fields (KCXS/KCMJ, TKXS/TKMJ), so 田坎 is counted in its polygon's class")
    }
}
