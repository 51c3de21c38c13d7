import GeoBridge

/// One finding of `zonecalc qc`: a stable code, its severity, where it is and what is wrong.
public struct QCFinding: Sendable {
    public var code: String
    public var severity: QCSeverity
    /// Position of the feature in its layer (nil for a finding about the whole layer).
    public var featureIndex: Int?
    public var fid: Int64?
    public var featureId: String?
    /// The other feature of a pair (overlaps, duplicates).
    public var otherIndex: Int?
    public var otherId: String?
    public var message: String
    /// The measured quantity (an area in m², a ratio …) when there is one.
    public var value: Double?
    /// A point locating the problem.
    public var location: XY?
    /// The problem's geometry (overlap piece, part outside the zone) as WKB.
    public var wkb: [UInt8]?
}

/// What the first pass keeps of a feature for the topology pass and the repaired copy.
struct QCRecord: Sendable {
    var index: Int
    var fid: Int64
    var id: String?
    /// The geometry as stored if valid, else after make-valid; nil when it could not be read.
    var fixed: [UInt8]?
    /// Planar area (m²) of the fixed geometry, and before repair.
    var area: Double
    var areaBefore: Double?
    var bounds: Bounds?
    /// The fixed geometry cut into convex pieces, when it is one polygon without holes.
    var pieces: ConvexPieces?
}
