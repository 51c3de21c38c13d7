import GeoBridge

/// The measured area of one feature.
public struct FeatureArea: Sendable {
    /// 0-based position in the layer.
    public var index: Int
    public var fid: Int64
    /// The value of the id field, when there is one.
    public var label: String?
    /// The value of the `--by` field.
    public var group: String?
    /// The declared area in m², when a declared field was given and holds a number.
    public var declaredSquareMetres: Double?
    /// The declared area differs from the computed one by more than the tolerance.
    public var declaredMismatch = false
    public var area: MeasuredArea
    /// Set when GEOS found the geometry invalid and it was measured after make-valid.
    public var repairedProblem: ValidityProblem?
    /// How the geometry was read when not as is (a curve linearised, a problem GDAL reported: ``ReadNotes``).
    public var readNote: Bilingual?
}

/// A feature left out of the totals, with the reason.
public struct SkippedFeature: Sendable {
    public var index: Int
    public var fid: Int64
    public var label: String?
    /// Why, as a predicate of the feature: 没有几何 / has no geometry.
    public var reason: Bilingual
}

extension SkippedFeature {
    /// The reasons `area` and `overlay` give alike.
    static let noGeometry = Bilingual("没有几何", "has no geometry")
    static let emptyGeometry = Bilingual("几何为空", "has an empty geometry")

    /// A feature left out with `--skip-invalid`, GEOS's reason quoted.
    static func leftOutAsInvalid(_ problem: ValidityProblem) -> Bilingual {
        let reason = problem.bilingual
        return Bilingual("几何无效（\(reason.zh)），按 --skip-invalid 未计入", "is invalid (\(reason.en)) and was left out (--skip-invalid)")
    }
}

/// The totals of one `--by` class.
public struct AreaGroup: Sendable {
    public var key: String
    public var count: Int
    public var area: MeasuredArea
}

/// What `zonecalc area` found for a layer.
public struct AreaReport: Sendable {
    public var source: String
    public var crs: ResolvedCRS
    /// For geographic input, the plane planar areas were computed in.
    public var planarCRS: String?
    public var methods: [AreaMethod]
    /// Number of features measured.
    public var measuredCount: Int
    /// One row per measured feature, in layer order — or, when ``rowsAreComplete`` is false
    /// (a totals-only run), only the features with a note (repaired, declared mismatch).
    public var features: [FeatureArea]
    public var rowsAreComplete: Bool
    public var skipped: [SkippedFeature]
    public var total: MeasuredArea
    public var groups: [AreaGroup]
    public var declared: DeclaredAreaCheck?
    /// What the reader noticed and repaired (e.g. a boundary-point txt ring that was not closed).
    public var readWarnings: [Bilingual]

    /// Features measured after make-valid.
    public var repairedCount: Int { features.reduce(0) { $0 + ($1.repairedProblem == nil ? 0 : 1) } }
}

/// The comparison of a declared-area field with the computed area.
public struct DeclaredAreaCheck: Sendable {
    public var field: String
    public var unit: AreaUnit
    /// Relative tolerance, e.g. 0.001 for 0.1 %.
    public var tolerance: Double
    /// The method the declared value is compared with.
    public var method: AreaMethod
    /// Indices into `features` of those whose declared area differs by more than half a unit of its
    /// last decimal plus the tolerance (``DeclaredArea/differs(from:unit:tolerance:)``).
    public var mismatches: [Int]
    /// Features whose declared field is empty or not a number.
    public var missing: Int

    /// Relative difference (declared − computed) / computed.
    public static func relativeDifference(declared: Double, computed: Double) -> Double {
        computed == 0 ? .infinity : (declared - computed) / computed
    }
}
