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
    /// What is wrong, in both languages (a library's own words quoted as it said them).
    public var message: Bilingual
    /// The measured quantity (an area in m², a ratio …) when there is one.
    public var value: Double?
    /// A point locating the problem.
    public var location: XY?
    /// The problem's geometry (overlap piece, part outside the zone) as WKB.
    public var wkb: [UInt8]?
}

/// What the first pass keeps of a feature for the topology pass and the repaired copy.
///
/// A class: a million records are gathered from the workers and looked up in pairs, and a reference
/// moves where a multi-field value would be copied field by field.
final class QCRecord: Sendable {
    let index: Int
    let fid: Int64
    let id: String?
    /// The geometry as stored if valid, else after make-valid; nil when it could not be read.
    let fixed: [UInt8]?
    /// Planar area (m²) of the fixed geometry, and before repair.
    let area: Double
    let areaBefore: Double?
    let bounds: Bounds?

    init(index: Int, fid: Int64, id: String?, fixed: [UInt8]?, area: Double, areaBefore: Double?, bounds: Bounds?) {
        self.index = index; self.fid = fid; self.id = id; self.fixed = fixed
        self.area = area; self.areaBefore = areaBefore; self.bounds = bounds
    }
}
