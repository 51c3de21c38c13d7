import Foundation

/// The topics of the zone report, in the order of its sections and its workbook's sheets.
public enum ZoneReportTopic: String, CaseIterable, Sendable {
    case overview, landUse = "land_use", evaluation, idle, supplyChain = "supply_chain", standardLand = "standard_land", perMu = "per_mu", qc

    /// The section's title, also its sheet's name (亩均 has two sheets, named from it).
    public var title: Bilingual {
        switch self {
        case .overview: return Bilingual("概况", "overview")
        case .landUse: return Bilingual("土地利用现状", "land use")
        case .evaluation: return Bilingual("集约利用评价", "land-intensity evaluation")
        case .idle: return Bilingual("闲置土地", "idle land")
        case .supplyChain: return Bilingual("批而未供、供而未用", "approved unsupplied, unused")
        case .standardLand: return Bilingual("标准地", "standard land")
        case .perMu: return Bilingual("亩均", "per mu")
        case .qc: return Bilingual("数据质检", "data QC")
        }
    }
}

/// A data layer of the project as the report lists it: role, file, layer, features and the file's date.
public struct ReportDataLayer: Sendable {
    public var role: LayerRole
    /// The file as the project names it (relative to the project file when it lies beside it).
    public var file: String
    public var layer: String?
    public var features: Int?
    /// The day the file was last modified: the date a planner can check the data by.
    public var modified: CalendarDate?
    /// Why the layer could not be opened.
    public var problem: Bilingual?

    /// Every layer of the project, in role order, with its feature count and the file's date.
    public static func list(_ project: ZoneProject) -> [ReportDataLayer] {
        let folder = URL(fileURLWithPath: project.path).deletingLastPathComponent().standardizedFileURL.path + "/"
        return LayerRole.allCases.compactMap { role -> ReportDataLayer? in
            guard let layer = project.layers[role] else { return nil }
            let path = layer.source.path
            let shown = path.hasPrefix(folder) ? String(path.dropFirst(folder.count)) : path
            var entry = ReportDataLayer(role: role, file: shown, layer: layer.source.layer)
            if let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date {
                entry.modified = CalendarDate(beijing: modified)
            }
            do {
                let reader = try LayerReaders.open(layer.source)
                entry.layer = reader.layerName
                entry.features = reader.knownFeatureCount
            } catch {
                let error = ZoneCalcError(error, source: path)
                entry.problem = Bilingual(error.message(.zh), error.message(.en))
            }
            return entry
        }
    }
}

/// A shape of a map with the class it is drawn by.
public struct ClassedShape: Sendable {
    public var key: String?
    /// ISO WKB in the frame's CRS.
    public var wkb: [UInt8]
}

/// One polygon (区块) of the approved boundary, with its area.
public struct BoundaryPart: Sendable {
    /// The boundary feature's id (or name), and the part's number within it (1…).
    public var feature: String
    public var name: String?
    public var part: Int
    /// m², by the project's area method.
    public var area: Double
    /// The declared (approved) area of the feature, as recorded, on its first part only.
    public var declared: Double?
    /// In the frame's CRS.
    public var wkb: [UInt8]
}

/// The approved boundary: its parts and the area they cover together.
public struct ZoneBoundary: Sendable {
    public var parts: [BoundaryPart]
    /// m², the parts' union (overlaps counted once).
    public var area: Double
    /// The field the declared areas were read from, when mapped.
    public var declaredField: String?
}

/// Everything `zonecalc report` computed for a zone, topic by topic: each topic's result, or the
/// error that kept it from being computed (a layer or field to add), so that the report completes.
public struct ZoneReport: Sendable {
    public var project: ZoneProject
    public var crs: ResolvedCRS
    public var layers: [ReportDataLayer]
    public var boundary: Result<ZoneBoundary, ZoneCalcError>
    public var landUse: Result<OverlayReport, ZoneCalcError>
    /// The land-use pieces in the frame's CRS, by 三调 code, for the map (the overlay keeps the layer's own CRS).
    public var landUseMap: [ClassedShape]
    public var evaluation: Result<EvaluationReport, ZoneCalcError>
    /// Also the 批而未供、供而未用 topic.
    public var idle: Result<IdleLandReport, ZoneCalcError>
    public var standardLand: Result<StandardLandReport, ZoneCalcError>
    public var perMu: Result<PerMuReport, ZoneCalcError>
    public var qc: Result<QCReport, ZoneCalcError>
    /// What the run noted of its inputs (datum changes, features left out).
    public var notes: [Bilingual]

    /// Why a topic could not be computed; nil when it was.
    public func problem(_ topic: ZoneReportTopic) -> ZoneCalcError? {
        func failure<T>(_ result: Result<T, ZoneCalcError>) -> ZoneCalcError? {
            if case .failure(let error) = result { return error }
            return nil
        }
        switch topic {
        case .overview: return failure(boundary)
        case .landUse: return failure(landUse)
        case .evaluation: return failure(evaluation)
        case .idle, .supplyChain: return failure(idle)
        case .standardLand: return failure(standardLand)
        case .perMu: return failure(perMu)
        case .qc: return failure(qc)
        }
    }

    /// The topics that could not be computed, in report order.
    public var notComputed: [ZoneReportTopic] { ZoneReportTopic.allCases.filter { problem($0) != nil } }
}
