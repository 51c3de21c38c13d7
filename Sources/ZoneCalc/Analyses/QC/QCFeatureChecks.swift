import Foundation
import GeoBridge

/// The field slots the first pass reads, by ZoneCalc name; ``resolve(required:)`` turns the names into
/// slots once, so the per-feature checks do no name lookups.
struct QCFields: Sendable {
    /// A field read: its ZoneCalc name, the data's name and its slot in the feature's attributes.
    struct Slot: Sendable {
        var name: String
        var field: String
        var slot: Int
    }

    var indices: [Int] = []
    var slots: [String: Int] = [:]
    /// Data field names, by ZoneCalc name, for messages.
    var names: [String: String] = [:]
    var declaredUnit: AreaUnit = .mu
    /// Numeric fields checked for negative values (ZoneCalc names).
    var numeric: [String] = []

    private(set) var id: Int?
    private(set) var landUse: Int?
    private(set) var declared: Slot?
    private(set) var dates: [Slot] = []
    private(set) var numbers: [Slot] = []
    private(set) var required: [Slot] = []

    mutating func add(_ name: String, field: String, index: Int) {
        guard slots[name] == nil else { return }
        indices.append(index)
        slots[name] = indices.count - 1
        names[name] = field
    }

    /// Fixes the slots the checks use.
    mutating func resolve(required names: [String]) {
        func slot(_ name: String) -> Slot? { slots[name].map { Slot(name: name, field: self.names[name]!, slot: $0) } }
        id = slots["id"]
        landUse = slots["land_use"]
        declared = slot("declared_area")
        dates = ["supply_date", "actual_start", "actual_completion"].compactMap(slot)
        numbers = numeric.compactMap(slot)
        required = names.compactMap(slot)
    }
}

/// The valid coordinate range of the data's CRS, for C01.
struct QCCoordinateRange: Sendable {
    var x: ClosedRange<Double>
    var y: ClosedRange<Double>

    init(x: ClosedRange<Double>, y: ClosedRange<Double>) { self.x = x; self.y = y }

    /// Any coordinate (when the CRS is unknown).
    static let unbounded = QCCoordinateRange(x: -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude,
                                             y: -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude)

    /// Gauss–Krüger: northings of China, eastings within ±400 km of the central meridian (plus the
    /// zone prefix); geographic: China's longitudes and latitudes with a margin.
    init(_ crs: ResolvedCRS) {
        switch crs.kind {
        case .gaussKruger(_, let falseEasting, _):
            x = (falseEasting - 400_000)...(falseEasting + 400_000)
            y = 0...6_500_000
        case .geographic:
            x = 70...140
            y = 0...56
        default:
            self = .unbounded
        }
    }
}

/// The first pass of `zonecalc qc` on one worker: every check that needs one feature only (geometry,
/// attributes, coordinates, the zone), and what the topology pass needs of it.
final class QCWorker {
    let context = GEOSContext()
    let rules: QCRules
    let fields: QCFields
    let classes: LandClassTable
    let range: QCCoordinateRange
    let zone: PreparedGeometry?
    private var scratch: [XY] = []

    /// The method declared areas are compared with, and its calculator when it is not the plane's.
    let declaredMethod: AreaMethod
    let declaredCalculator: AreaCalculator?

    init(rules: QCRules, fields: QCFields, classes: LandClassTable, range: QCCoordinateRange, zoneWKB: [UInt8]?,
         declaredMethod: AreaMethod, crs: ResolvedCRS?) throws {
        self.rules = rules; self.fields = fields; self.classes = classes; self.range = range
        self.declaredMethod = declaredMethod
        declaredCalculator = try declaredMethod == .planar || fields.declared == nil ? nil : crs.map { try AreaCalculator(crs: $0, methods: [declaredMethod]) }
        let context = self.context
        zone = try zoneWKB.map { try PreparedGeometry(try Geometry.fromWKB($0, context: context)) }
    }

    struct Batch: Sendable {
        var records: [QCRecord] = []
        /// The records' fixed geometries cut into convex pieces, for the pair test (when it runs).
        var pieces = ConvexPieces()
        var findings: [QCFinding] = []
        /// Why the worker could not start, as the one error mapping gives it.
        var failure: ZoneCalcError?
    }

    func check(_ feature: borrowing BorrowedFeature, into batch: inout Batch) {
        let id = fields.id.flatMap { feature.attribute($0).text }.flatMap { $0.isEmpty ? nil : $0 }
        func add(_ code: String, _ message: Bilingual, value: Double? = nil, location: XY? = nil, wkb: [UInt8]? = nil) {
            guard rules.on(code) else { return }
            batch.findings.append(QCFinding(code: code, severity: rules.severity(code), featureIndex: feature.index, fid: feature.fid,
                                            featureId: id, message: message, value: value, location: location, wkb: wkb))
        }
        var fixedWKB: [UInt8]?, area = 0.0, areaBefore: Double?, bounds: Bounds?, cut: Geometry?
        defer {
            batch.records.append(QCRecord(index: feature.index, fid: feature.fid, id: id, fixed: fixedWKB, area: area,
                                          areaBefore: areaBefore, bounds: bounds))
            batch.pieces.append(cut, buffer: &scratch)
        }
        checkAttributes(feature, add: add)
        if let conversion = feature.readNote { add("G11", Bilingual("曲线或复合几何已转换：", "") + conversion.note) }
        guard let wkb = feature.wkb else {
            return feature.readProblem.map { add("G01", Bilingual("几何无法读取（\($0.zh)）", "the geometry cannot be read (\($0.en))")) } ?? add("G02", Bilingual("没有几何", "no geometry"))
        }
        // GDAL reported a problem but still gave the geometry: said, and the geometry is checked like any other.
        if let problem = feature.readProblem { add("G01", Bilingual("GDAL 读取此要素时报告了问题（\(problem.zh)），请检查", "GDAL reported a problem while reading this feature (\(problem.en)); check it")) }
        // A NaN or infinite coordinate makes GEOS refuse or invalidate the geometry; only then are the
        // coordinates walked (off the path of sound parcels), before GEOS's reason is taken (a NaN first
        // vertex reads as an unclosed ring).
        do {
            let geometry: Geometry
            do { geometry = try Geometry.fromWKB(wkb, context: context) } catch {
                if WKBCoordinates.containsNonFinite(wkb) { return add("G09", Bilingual("坐标含 NaN 或无穷大", "a NaN or infinite coordinate")) }
                let text = "\(error)", said = Bilingual(describing: error)
                if text.contains("closed") { return add("G04", Bilingual("环未闭合（\(said.zh)）", "a ring is not closed (\(said.en))")) }
                if text.contains("number of points") { return add("G03", Bilingual("环的点数过少（\(said.zh)）", "a ring has too few points (\(said.en))")) }
                return add("G01", Bilingual("几何无法读取（\(said.zh)）", "the geometry cannot be read (\(said.en))"))
            }
            guard !geometry.isEmpty else { return add("G02", Bilingual("空几何", "empty geometry")) }
            guard geometry.kind.isAreal else { return add("G08", Bilingual("几何为 \(geometry.kind)，不是面", "a \(geometry.kind), not a polygon")) }
            var fixed = geometry
            if let problem = try geometry.validityProblem() {
                if WKBCoordinates.containsNonFinite(wkb) { return add("G09", Bilingual("坐标含 NaN 或无穷大", "a NaN or infinite coordinate"), location: problem.location) }
                if problem.reason.contains("Too few points") {
                    add("G03", Bilingual("环的点数过少", "a ring has too few points"), location: problem.location)
                } else {
                    add("G01", problem.bilingual, location: problem.location)
                }
                areaBefore = try geometry.area()
                fixed = try geometry.makeValid().polygonalPart()
            }
            try checkVertices(fixed, add: add)
            area = try fixed.area()
            let perimeter = try fixed.length()
            fixedWKB = fixed === geometry ? Array(wkb) : try fixed.wkb()
            bounds = try fixed.bounds()
            if rules.on("T01") || rules.on("T02") || rules.on("T03") { cut = fixed }
            let thinness = perimeter > 0 ? 4 * Double.pi * area / (perimeter * perimeter) : 0
            if thinness < rules.sliverThinness || area < rules.sliverArea {
                add("G07", Bilingual("细碎图斑：面积 \(NumberText.fixed(area, decimals: 3)) 平方米，紧凑度 4πA/P² \(NumberText.fixed(thinness, decimals: 4))",
                              "sliver: area \(NumberText.fixed(area, decimals: 3)) m², thinness 4πA/P² \(NumberText.fixed(thinness, decimals: 4))"),
                    value: thinness, location: try fixed.pointOnSurface())
            }
            if let b = bounds, !(range.x.contains(b.minX) && range.x.contains(b.maxX) && range.y.contains(b.minY) && range.y.contains(b.maxY)) {
                let extent = "x \(NumberText.fixed(b.minX, decimals: 1))…\(NumberText.fixed(b.maxX, decimals: 1)), y \(NumberText.fixed(b.minY, decimals: 1))…\(NumberText.fixed(b.maxY, decimals: 1))"
                add("C01", Bilingual("坐标超出坐标系的范围（\(extent)）", "coordinates outside the CRS's range (\(extent))"),
                    location: XY(b.minX, b.minY))
            }
            try checkDeclared(feature, area: try declaredCalculator.map { try $0.measure(fixed)[declaredMethod] ?? area } ?? area, add: add)
            try checkZone(fixed, area: area, add: add)
            // Findings on attributes get the parcel's point, so they show on a map too.
            if !fixed.isEmpty, batch.findings.last?.featureIndex == feature.index {
                var anchor: XY?
                for position in batch.findings.indices.reversed() {
                    guard batch.findings[position].featureIndex == feature.index else { break }
                    if batch.findings[position].location == nil {
                        if anchor == nil { anchor = try fixed.pointOnSurface() }
                        batch.findings[position].location = anchor
                    }
                }
            }
        } catch {
            // A library failure on this one geometry is a finding for it; the rest of the layer is checked.
            add("G10", Bilingual("几何无法检查：\(error)", "the geometry could not be checked: \(error)"))
        }
    }

    /// G05 repeated points and G06 spikes, ring by ring.
    private func checkVertices(_ geometry: Geometry, add: (String, Bilingual, Double?, XY?, [UInt8]?) -> Void) throws {
        guard rules.on("G05") || rules.on("G06") else { return }
        var repeated: XY?, repeats = 0, spike: (XY, Double)?
        try geometry.forEachRing(buffer: &scratch) { _, ring in
            let count = ring.count
            guard count >= 4 else { return }
            for index in 1..<count {
                let a = ring[index - 1], b = ring[index]
                if abs(a.x - b.x) <= rules.repeatedPointDistance && abs(a.y - b.y) <= rules.repeatedPointDistance {
                    repeats += 1
                    if repeated == nil { repeated = b }
                }
            }
            // Angles at the vertices of the closed ring (the closing point equals the first).
            let n = count - 1
            for index in 0..<n {
                let p = ring[(index + n - 1) % n], v = ring[index], q = ring[(index + 1) % n]
                let ax = p.x - v.x, ay = p.y - v.y, bx = q.x - v.x, by = q.y - v.y
                let lengths = (ax * ax + ay * ay).squareRoot() * (bx * bx + by * by).squareRoot()
                guard lengths > 0 else { continue }
                let angle = acos(max(-1, min(1, (ax * bx + ay * by) / lengths))) * 180 / .pi
                if angle < rules.spikeAngle, spike == nil || angle < spike!.1 { spike = (v, angle) }
            }
        }
        if let repeated { add("G05", Bilingual("\(repeats) 处连续重复点", "\(repeats) repeated consecutive point(s)"), Double(repeats), repeated, nil) }
        if let (point, angle) = spike { add("G06", Bilingual("尖角：顶点角度 \(NumberText.fixed(angle, decimals: 4))°", "spike: a vertex angle of \(NumberText.fixed(angle, decimals: 4))°"), angle, point, nil) }
    }

    /// A04: the declared area against the area by `declaredMethod`, with a hint when the ratio is a unit factor.
    private func checkDeclared(_ feature: borrowing BorrowedFeature, area: Double, add: (String, Bilingual, Double?, XY?, [UInt8]?) -> Void) throws {
        guard rules.on("A04"), area > 0, let declaredSlot = fields.declared, let declaredValue = feature.attribute(declaredSlot.slot).doubleValue else { return }
        let declared = declaredValue * fields.declaredUnit.squareMetres
        let difference = (declared - area) / area * 100
        guard abs(difference) > rules.declaredAreaPercent else { return }
        let ratio = declared / area
        let hints: [(Double, Bilingual)] = [
            (10_000, Bilingual("为计算面积的 10 000 倍：平方米数值填成了公顷？", "10 000 times the computed area: m² given as 公顷?")),
            (1.0 / 10_000, Bilingual("为计算面积的 1/10 000：公顷数值填成了平方米？", "1/10 000 of the computed area: 公顷 given as m²?")),
            (15, Bilingual("为计算面积的 15 倍：亩与公顷混淆？", "15 times the computed area: 亩 and 公顷 mixed up?")),
            (1.0 / 15, Bilingual("为计算面积的 1/15：亩与公顷混淆？", "1/15 of the computed area: 亩 and 公顷 mixed up?")),
            (2000.0 / 3, Bilingual("为计算面积的 666.67 倍：平方米与亩混淆？", "666.67 times the computed area: m² and 亩 mixed up?")),
            (3.0 / 2000, Bilingual("为计算面积的 1/666.67：平方米与亩混淆？", "1/666.67 of the computed area: m² and 亩 mixed up?"))]
        let hint = hints.first { abs($0.0 / ratio - 1) < 0.02 }?.1
        let given = "\(declaredSlot.field) \(NumberText.fixed(declaredValue, decimals: 4)) \(fields.declaredUnit.label)"
        add("A04", Bilingual("申报 \(NumberText.fixed(declared, decimals: 2)) 平方米（\(given)），\(declaredMethod.areaName.zh) \(NumberText.fixed(area, decimals: 2)) 平方米，相差 \(NumberText.fixed(difference, decimals: 2))%" + (hint.map { "——\($0.zh)" } ?? ""),
                             "declared \(NumberText.fixed(declared, decimals: 2)) m² (\(given)) vs \(declaredMethod.areaName.en) \(NumberText.fixed(area, decimals: 2)) m²: \(NumberText.fixed(difference, decimals: 2)) %" + (hint.map { " — \($0.en)" } ?? "")),
            difference, nil, nil)
    }

    /// Z01 / Z02 against the approved zone.
    private func checkZone(_ geometry: Geometry, area: Double, add: (String, Bilingual, Double?, XY?, [UInt8]?) -> Void) throws {
        guard let zone, rules.on("Z01") || rules.on("Z02") else { return }
        if try zone.covers(geometry) { return }
        guard try zone.intersects(geometry) else {
            return add("Z02", Bilingual("完全位于批准范围外（\(NumberText.fixed(area, decimals: 2)) 平方米）", "wholly outside the approved zone (\(NumberText.fixed(area, decimals: 2)) m²)"), area, try geometry.pointOnSurface(), nil)
        }
        let outside = try geometry.difference(zone.base).polygonalPart()
        let outsideArea = try outside.area()
        if outsideArea >= area - rules.outsideArea {   // only the boundary is shared
            return add("Z02", Bilingual("完全位于批准范围外，仅与其边界相接（\(NumberText.fixed(area, decimals: 2)) 平方米）",
                                         "wholly outside the approved zone, touching its boundary (\(NumberText.fixed(area, decimals: 2)) m²)"), area,
                       try geometry.pointOnSurface(), nil)
        }
        guard outsideArea > rules.outsideArea else { return }
        add("Z01", Bilingual("\(NumberText.fixed(outsideArea, decimals: 2)) 平方米位于批准范围外", "\(NumberText.fixed(outsideArea, decimals: 2)) m² outside the approved zone"), outsideArea,
            try outside.pointOnSurface(), try outside.wkb())
    }

    /// A01 required fields, A03 land-use codes, A05/A06 dates, A07 negative numbers.
    private func checkAttributes(_ feature: borrowing BorrowedFeature, add: (String, Bilingual, Double?, XY?, [UInt8]?) -> Void) {
        for required in fields.required where (feature.attribute(required.slot).text ?? "").utf8.allSatisfy({ $0 == 32 || $0 == 9 }) {
            add("A01", Bilingual("\(required.field)（\(required.name)）为空", "\(required.field) (\(required.name)) is empty"), nil, nil, nil)
        }
        if rules.on("A03"), let slot = fields.landUse, let code = feature.attribute(slot).text, !code.utf8.allSatisfy({ $0 == 32 || $0 == 9 }),
           classes.lookup(code) == nil {
            add("A03", Bilingual("地类编码“\(code)”不在三调 / GB/T 21010 地类表中", "land-use code '\(code)' is not in the 三调 / GB/T 21010 code list"), nil, nil, nil)
        }
        var supply: CalendarDate?, start: CalendarDate?, completion: CalendarDate?
        for date in fields.dates {
            switch LandDateParser.parse(feature.attribute(date.slot)) {
            case .date(let day):
                switch date.name {
                case "supply_date": supply = day
                case "actual_start": start = day
                default: completion = day
                }
            case .empty: break
            case .unreadable(let text): add("A05", Bilingual("\(date.field)“\(text)”不是可识别的日期", "\(date.field) '\(text)' is not a date"), nil, nil, nil)
            }
        }
        if let start, let completion, completion < start {
            add("A06", Bilingual("竣工日期 \(completion) 早于开工日期 \(start)", "completion \(completion) before start \(start)"), nil, nil, nil)
        }
        if let supply, let start, start < supply {
            add("A06", Bilingual("开工日期 \(start) 早于供地日期 \(supply)", "start \(start) before supply \(supply)"), nil, nil, nil)
        }
        for number in fields.numbers {
            if let value = feature.attribute(number.slot).doubleValue, value < 0 {
                add("A07", Bilingual("\(number.field) 为负数（\(value)）", "\(number.field) is negative (\(value))"), value, nil, nil)
            }
        }
    }
}
