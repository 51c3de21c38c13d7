import Foundation
import GeoBridge

/// What a proposal part does to the zone.
public enum ProposalChange: String, Sendable {
    /// 扩区 or 调入: land added to the zone.
    case added
    /// 调出: land taken out.
    case removed
}

/// One polygon feature of a proposal, in the boundary's CRS.
public struct ProposalPart: Sendable {
    /// "file:layer", for messages and reports.
    public var source: String
    /// The file it was read from (never written to).
    public var path: String
    public var label: String
    public var change: ProposalChange
    public var wkb: [UInt8]
    /// The area the application declares (txt header, area field), m²; nil when none.
    public var declaredArea: Double?
    /// The part's own CRS, as read.
    public var crs: ResolvedCRS
    /// What the reader noticed in the file (e.g. a boundary-point txt whose 带号 contradicts its eastings).
    public var warnings: [Bilingual] = []
}

/// How the proposal was given.
public enum ProposalKind: String, Sendable {
    /// Areas added (扩区).
    case expansion
    /// Areas taken out (调出) and brought in (调入).
    case adjustment
    /// The requested new boundary; added and removed areas are derived.
    case newBoundary = "new_boundary"
}

/// Reads proposal files (any format ZoneCalc reads, boundary-point txt included) into parts.
enum ProposalInput {
    /// Whether a piece is taken out: the change-type value when the layer has that field (exactly 调出,
    /// or its English "removed"), else a name containing 调出.
    static func isRemoval(changeType: String?, name: String?) -> Bool {
        if let changeType = changeType?.trimmingCharacters(in: .whitespaces), !changeType.isEmpty {
            return changeType == "调出" || changeType.lowercased() == "removed"
        }
        return name?.contains("调出") ?? false
    }

    /// - Parameters:
    ///   - layer: the project's layer the files came from, for its field mapping (nil: ad-hoc files).
    ///   - change: forced change type (nil: from the change-type field or the parcel name).
    static func read(_ spec: SourceSpec, layer: ProjectLayer?, change forced: ProposalChange?, frame: AnalysisFrame,
                     crsOverride: String?) throws(ZoneCalcError) -> [ProposalPart] {
        let reader = try LayerReaders.open(spec)
        let crs = try CRSResolver.resolve(reader, override: crsOverride ?? layer?.crs)
        let names = reader.fields.map(\.name)
        func field(_ zoneCalcName: String, usual: [String]) -> Int? {
            if let mapped = layer?.field(zoneCalcName) { return names.firstIndex(of: mapped) }
            return usual.lazy.compactMap { names.firstIndex(of: $0) }.first
        }
        let changeIndex = field("change_type", usual: ["TZLX", "调整类型"])
        let nameIndex = field("name", usual: ["DKMC", "FAMC", "MC", "名称"])
        let idIndex = field("id", usual: ["DKBH", "BSM"])
        let declared: (index: Int, unit: AreaUnit)? = {
            if let (name, unit) = reader.declaredAreaField, let index = names.firstIndex(of: name) { return (index, unit) }
            // Applications state areas in 公顷.
            return field("declared_area", usual: ["MJ", "SBMJ"]).map { ($0, AreaUnit.hectare) }
        }()
        let wanted = [changeIndex, nameIndex, idIndex, declared?.index]
        var parts: [ProposalPart] = [], problems: [FeatureGeometryProblem] = []
        let context = GEOSContext()
        let reprojector = try frame.reprojector(from: crs, layer: reader.sourceName)
        do {
            try reader.read(fieldIndices: wanted.compactMap { $0 }, swapXY: false) { feature in
                var slot = 0
                func next(_ index: Int?) -> FieldValue? {
                    guard index != nil else { return nil }
                    defer { slot += 1 }
                    return feature.attributes[slot]
                }
                let changeText = next(changeIndex)?.text
                let name = next(nameIndex)?.text
                let id = next(idIndex)?.text
                let declaredValue = next(declared?.index)?.doubleValue
                let label = [id, name].compactMap { $0 }.first { !$0.isEmpty } ?? "\(reader.layerName) #\(feature.index + 1)"
                let wkb: [UInt8]
                do {
                    // Checked as a polygon (a missing or line piece is refused), kept as read for the checks.
                    let read = try FeatureGeometryIntake.wkb(of: feature, label: label, reprojector: reprojector)
                    guard try FeatureGeometryIntake.decisivePolygons(read, of: feature, label: label, context: context) != nil, let read else { return }
                    wkb = read
                } catch let problem as FeatureGeometryProblem {
                    problems.append(problem)
                    return
                }
                let change = forced ?? (isRemoval(changeType: changeText, name: name) ? .removed : .added)
                parts.append(ProposalPart(source: reader.sourceName, path: spec.path, label: label, change: change, wkb: wkb,
                                          declaredArea: declaredValue.map { $0 * declared!.unit.squareMetres }, crs: crs,
                                          warnings: reader.readWarnings))
            }
        } catch {
            throw ZoneCalcError(error, source: reader.sourceName)
        }
        // A proposal is checked whole or not at all: a piece left out would be approved unseen.
        guard problems.isEmpty else { throw .unusableFeatures(source: reader.sourceName, problems: problems) }
        guard !parts.isEmpty else { throw .noPolygons(source: reader.sourceName, detail: Bilingual("申请材料中没有面", "the proposal has no polygon")) }
        return parts
    }
}
