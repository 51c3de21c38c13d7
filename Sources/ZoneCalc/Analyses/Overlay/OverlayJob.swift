import Foundation
import GeoBridge

/// What `zonecalc overlay` should do.
public struct OverlayOptions: Sendable {
    public var methods: [AreaMethod] = [.planar, .ellipsoidal]
    /// A field of A whose values classify the pieces (e.g. DLBM).
    public var byField: String?
    /// Id fields of A and B (default: a usual id field when present).
    public var aIdField: String?
    public var bIdField: String?
    /// Numeric fields of A to apportion by area share.
    public var apportion: [String] = []
    /// Split multi-part B features into their parts.
    public var perPart = false
    public var aCRS: String?
    public var bCRS: String?
    /// The 扣除地类 fields of A (三调 land use); nil totals gross areas by class.
    public var deduction: LandUseDeductionFields?
    /// How layer B is brought into A's datum when they differ (refused unless parameters are given).
    public var datum = DatumPolicy.refuse
    public var skipInvalid = false
    /// Pieces smaller than this (m²) or thinner than `sliverWidth` (m, mean width 2A/P) are slivers.
    public var sliverArea = 1.0
    public var sliverWidth = 0.1
    /// Keep piece geometries (for writing the pieces to a file).
    public var keepGeometry = false
    /// Find features of A that overlap each other inside B and count the overlap once. Off, the
    /// totals are plain sums of the pieces (what a naive overlay reports) and A is not checked.
    public var accountOverlaps = true
    public var workers = ProcessInfo.processInfo.activeProcessorCount
    /// The 三调 land-class table for the roll-up; nil uses the bundled one.
    public var landClasses: LandClassTable?

    public init() {}
}

/// Intersects layer A (parcels, land use…) with layer B (the zone, a control line…): pieces with both
/// ids, their areas and shares, totals by A's class with the 三调 roll-up, and the features crossing B.
///
/// A is streamed and split over the cores; B is held by every worker as prepared geometries in an
/// STRtree. A feature wholly inside B is taken whole; otherwise GEOS computes the intersection.
public enum OverlayJob {
    /// Overlays A with one layer B.
    public static func run(a: FeatureLayerReader, b: FeatureLayerReader, options: OverlayOptions) throws(ZoneCalcError) -> OverlayReport {
        try run(a: a, layers: [b], options: options)[0]
    }

    /// Overlays A with several B layers, reading and checking A only once; one report per B layer.
    public static func run(a: FeatureLayerReader, layers: [FeatureLayerReader], options: OverlayOptions) throws(ZoneCalcError) -> [OverlayReport] {
        let crs = try CRSResolver.resolve(a, override: options.aCRS)
        var zoneSets: [OverlayZones] = []
        for b in layers { zoneSets.append(try OverlayZones.load(b, options: options, targetCRS: crs)) }
        let wanted = try OverlayFields(reader: a, options: options)
        let methods = options.methods
        // Lon/lat data: planar areas in the Gauss–Krüger zone of the layer; the sliver width test needs
        // metres, so it is off there (said in the report).
        let plane = PlanarPlane.forGeographic(crs, reader: a)
        var zoneRules: [ZoneRules] = []
        do {
            let calculator = try AreaCalculator(crs: crs, methods: methods, planeForGeographic: plane)
            for (set, b) in zip(zoneSets, layers) {
                let areas = try set.wkbs.map { try calculator.measure(try Geometry.fromWKB($0, context: calculator.geos)) }
                zoneRules.append(ZoneRules(source: b.sourceName, labels: set.labels, areas: areas))
            }
        } catch {
            throw ZoneCalcError(error, source: layers.map(\.sourceName).joined(separator: ", "))
        }
        let rules = OverlayRules(wanted: wanted, sets: zoneRules, skipInvalid: options.skipInvalid,
                                 sliverArea: options.sliverArea, sliverWidth: plane == nil ? options.sliverWidth : 0,
                                 keepGeometry: options.keepGeometry || options.accountOverlaps,
                                 keepPieces: options.keepGeometry || options.accountOverlaps || !options.apportion.isEmpty,
                                 primary: methods[0])
        let wkbSets = zoneSets.map(\.wkbs)
        let setCount = zoneSets.count
        let batches = try ParallelLayerScan.run(
            a, fieldIndices: wanted.indices, swapXY: false, workers: options.workers, step: Bilingual("叠加分析", "overlaying"),
            makeWorker: { Result { try OverlayWorker(crs: crs, methods: methods, plane: plane, zoneSets: wkbSets) } },
            newBatch: { Array(repeating: OverlayBatch(), count: setCount) },
            process: { worker, feature, batches in
                switch worker {
                case .success(let worker): worker.overlay(feature, rules: rules, into: &batches)
                case .failure(let error): batches[0].failure = batches[0].failure ?? "\(error)"
                }
            })
        if let failure = batches.lazy.compactMap({ $0[0].failure }).first { throw .invalidArgument(Bilingual("\(a.sourceName)：\(failure)", "\(a.sourceName): \(failure)")) }
        let table: LandClassTable
        if let given = options.landClasses { table = given } else { table = try LandClassTable.bundled() }
        var reports: [OverlayReport] = []
        for k in 0..<setCount {
            reports.append(try OverlaySummary.assemble(batches.map { $0[k] }, a: a, b: layers[k], crs: crs, methods: methods,
                                                       zones: zoneRules[k].labels, zoneAreas: zoneRules[k].areas,
                                                       classify: options.byField != nil, table: table,
                                                       accountOverlaps: options.accountOverlaps, keepGeometry: options.keepGeometry,
                                                       plane: plane, apportion: options.apportion, deduction: options.deduction, workers: options.workers))
        }
        for k in reports.indices { reports[k].datumNote = zoneSets[k].datumNote }
        return reports
    }
}

/// What the totals need of a piece: A's class, the area and A's 扣除地类.
struct PieceTally: Sendable {
    var aClass: String?
    var area: MeasuredArea
    var deduction: LandUseDeduction?
}

/// The fields of A an overlay reads, by slot.
struct OverlayFields: Sendable {
    var indices: [Int] = []
    private var labelSlot: Int?, classSlot: Int?
    private var apportionSlots: [Int] = []
    private var deductionRatioSlot: Int?, deductionAreaSlot: Int?, deductionCodeSlot: Int?

    init(reader: FeatureLayerReader, options: OverlayOptions) throws(ZoneCalcError) {
        let label = reader.idField(options.aIdField)
        if let label { labelSlot = add(try reader.fieldIndex(label)) }
        if let by = options.byField { classSlot = add(try reader.fieldIndex(by)) }
        for name in options.apportion { apportionSlots.append(add(try reader.fieldIndex(name))) }
        if let fields = options.deduction {
            if let name = fields.ratio { deductionRatioSlot = add(try reader.fieldIndex(name)) }
            if let name = fields.area { deductionAreaSlot = add(try reader.fieldIndex(name)) }
            if let name = fields.code { deductionCodeSlot = add(try reader.fieldIndex(name)) }
        }
    }

    private mutating func add(_ index: Int) -> Int {
        indices.append(index)
        return indices.count - 1
    }

    func label(_ feature: borrowing BorrowedFeature) -> String? { labelSlot.flatMap { feature.attribute($0).text } }
    func klass(_ feature: borrowing BorrowedFeature) -> String? { classSlot.flatMap { feature.attribute($0).text } }
    /// The feature's 扣除地类, its area (m², the first method) given for a deduction stated as an area.
    func deduction(_ feature: borrowing BorrowedFeature, featureArea: Double) -> LandUseDeduction? {
        guard deductionRatioSlot != nil || deductionAreaSlot != nil else { return nil }
        return LandUseDeductionFields.deduction(ratio: deductionRatioSlot.map { feature.attribute($0) },
                                                area: deductionAreaSlot.map { feature.attribute($0) },
                                                code: deductionCodeSlot.map { feature.attribute($0) }, polygonArea: featureArea)
    }

    func apportioned(_ feature: borrowing BorrowedFeature, share: Double) -> [Double?] {
        apportionSlots.map { feature.attribute($0).doubleValue.map { $0 * share } }
    }
}

/// One B layer's zone labels and areas, by zone position.
struct ZoneRules: Sendable {
    var source: String
    var labels: [String]
    var areas: [MeasuredArea]
}

/// The fixed inputs of overlaying one A feature.
struct OverlayRules: Sendable {
    var wanted: OverlayFields
    /// One entry per B layer.
    var sets: [ZoneRules]
    var skipInvalid: Bool
    var sliverArea: Double
    var sliverWidth: Double
    var keepGeometry: Bool
    /// Keep every piece with its ids (for piece files and overlap accounting); otherwise only each
    /// piece's class and area are kept, which is all the totals need.
    var keepPieces: Bool
    var primary: AreaMethod
}

/// What one worker produced, in layer order.
struct OverlayBatch: Sendable {
    var pieces: [OverlayPiece] = []
    /// Class and area of every piece, in layer order, when the pieces themselves are not kept.
    var tallies: [PieceTally] = []
    var slivers: [OverlaySliver] = []
    var crossing: [(aIndex: Int, aLabel: String?, insideShare: Double)] = []
    var outside = 0
    var repaired: [(aIndex: Int, aLabel: String?, problem: ValidityProblem)] = []
    /// A features whose reading is noted (``ReadNotes``: a curve linearised, a problem GDAL reported).
    var readNotes: [(aIndex: Int, aLabel: String?, note: Bilingual)] = []
    var skipped: [SkippedFeature] = []
    var failure: String?

    /// The sizes of what one feature's overlay can add to, to undo it.
    typealias Mark = (pieces: Int, tallies: Int, slivers: Int, crossing: Int, outside: Int)

    var mark: Mark { (pieces.count, tallies.count, slivers.count, crossing.count, outside) }

    /// Removes what was added since `mark`.
    mutating func rollBack(to mark: Mark) {
        pieces.removeLast(pieces.count - mark.pieces)
        tallies.removeLast(tallies.count - mark.tallies)
        slivers.removeLast(slivers.count - mark.slivers)
        crossing.removeLast(crossing.count - mark.crossing)
        outside = mark.outside
    }
}
