import Foundation
import GeoBridge

/// `zonecalc report`: the zone's annual land account in one run — the boundary and its parts, the land
/// use, the land-intensity evaluation, idle land with 批而未供 and 供而未用, standard land, per-mu
/// figures and the parcels' QC — each topic computed on the one frame (what one needs of another is
/// made once), and each that cannot be computed recorded with its reason instead of ending the run.
public enum ZoneReportJob {
    /// Reports on `project`. A boundary layer that cannot be opened (a wrong file or layer name) keeps
    /// only the topics that need it from being computed: the frame is then made on the parcels.
    public static func run(project: ZoneProject, workers: Int = ProcessInfo.processInfo.activeProcessorCount) throws(ZoneCalcError) -> ZoneReport {
        do {
            return run(frame: try AnalysisFrame(project: project, workers: workers))
        } catch {
            guard project.layers[.boundary] != nil, project.layers[.parcels] != nil else { throw error }
            var withoutBoundary = project
            withoutBoundary.layers[.boundary] = nil
            var report = run(frame: try AnalysisFrame(project: withoutBoundary, workers: workers), boundaryProblem: error)
            report.project = project
            return report
        }
    }

    /// - Parameter boundaryProblem: why the project's boundary could not be used; the topics that need
    ///   it give this reason.
    public static func run(frame: AnalysisFrame, boundaryProblem: ZoneCalcError? = nil) -> ZoneReport {
        let project = frame.project
        func needingBoundary<T>(_ topic: ZoneReportTopic, _ body: () throws(ZoneCalcError) -> T) -> Result<T, ZoneCalcError> {
            if let boundaryProblem { return .failure(boundaryProblem) }
            return self.topic(topic, body)
        }
        let boundary = needingBoundary(.overview) { () throws(ZoneCalcError) in try zoneBoundary(frame) }
        let landUse = needingBoundary(.landUse) { () throws(ZoneCalcError) in try LandUseJob.run(frame: frame) }
        let evaluation = needingBoundary(.evaluation) { () throws(ZoneCalcError) in try EvaluationJob.run(frame: frame) }
        let idle = topic(.idle) { () throws(ZoneCalcError) in try IdleLandJob.run(frame: frame) }
        let standardLand = topic(.standardLand) { () throws(ZoneCalcError) in try StandardLandJob.run(frame: frame) }
        let perMu = topic(.perMu) { () throws(ZoneCalcError) in try PerMuJob.run(frame: frame) }
        let qc = topic(.qc) { () throws(ZoneCalcError) in
            var options = QCOptions()
            options.project = project
            options.method = project.areaMethod
            options.workers = frame.workers
            return try QCJob.run(options)
        }
        let landUseMap = (try? landUse.get()).flatMap { overlay in try? inFrame(overlay, frame) } ?? []
        return ZoneReport(project: project, crs: frame.crs, layers: ReportDataLayer.list(project), boundary: boundary, landUse: landUse, landUseMap: landUseMap,
                          evaluation: evaluation, idle: idle, standardLand: standardLand, perMu: perMu, qc: qc, notes: frame.notes)
    }

    /// Runs one topic under its own progress step; its error becomes its result.
    private static func topic<T>(_ topic: ZoneReportTopic, _ body: () throws(ZoneCalcError) -> T) -> Result<T, ZoneCalcError> {
        ProgressMeter.current?.start(topic.title, total: nil)
        do { return .success(try body()) } catch { return .failure(error) }
    }

    /// The overlay's pieces brought into the frame's CRS.
    static func inFrame(_ overlay: OverlayReport, _ frame: AnalysisFrame) throws -> [ClassedShape] {
        let reprojector = try frame.reprojector(from: overlay.crs, layer: overlay.aSource)
        return try overlay.pieces.compactMap { piece in
            guard let wkb = piece.wkb else { return nil }
            return ClassedShape(key: piece.aClass, wkb: try reprojector?.reproject(wkb) ?? wkb)
        }
    }

    /// The boundary's parts measured in the frame, with the declared areas as recorded.
    static func zoneBoundary(_ frame: AnalysisFrame) throws(ZoneCalcError) -> ZoneBoundary {
        let project = frame.project
        let layer = try project.layer(.boundary)
        let calculator = try frame.calculator([project.areaMethod])
        let items = try LayerPolygons.read(layer, into: frame, context: calculator.geos, labelField: layer.field("id") ?? layer.field("name"))
        let reader = try LayerReaders.open(layer.source)
        let attributes = try LayerAttributes.read(reader, names: [layer.field("name"), layer.field("declared_area")])
        var parts: [BoundaryPart] = []
        do {
            for item in items {
                let values = attributes[item.index] ?? [.null, .null]
                for (position, polygon) in item.geometry.polygons.enumerated() {
                    parts.append(BoundaryPart(feature: item.label ?? "\(item.index + 1)", name: values[0].text, part: position + 1,
                                              area: try calculator.measure(polygon)[project.areaMethod] ?? 0,
                                              declared: position == 0 ? values[1].doubleValue : nil, wkb: try polygon.wkb()))
                }
            }
            let union = try Geometry.collection(.collection, of: items.map(\.geometry), context: calculator.geos).unaryUnion()
            return ZoneBoundary(parts: parts, area: try calculator.measure(union)[project.areaMethod] ?? 0, declaredField: layer.field("declared_area"))
        } catch {
            throw ZoneCalcError(error, source: reader.sourceName)
        }
    }
}
