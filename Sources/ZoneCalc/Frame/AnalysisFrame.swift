import Foundation
import GeoBridge

/// What every analysis of one run agrees on, decided once: the working CRS, the plane for planar
/// measures, the datum policy, and what has been read or computed already.
///
/// - **Working CRS**: the boundary layer's CRS, else the parcels'. Every layer an analysis combines is
///   brought into it through ``reprojector(from:layer:)``; a layer whose datum differs is refused unless
///   the project gives the seven transformation parameters (``DatumPolicy``), and a change made with them
///   is listed in ``notes`` for every output.
/// - **Plane for planar measures**: the working CRS itself when it is projected; for longitude/latitude,
///   the Gauss–Krüger 3° zone of the working layer's own extent — never another layer's.
/// - **Repair**: every geometry read is checked and, when invalid, repaired once with GEOS make-valid
///   (linework) where it is read (``ParcelTable``, ``LayerPolygons``).
/// - **Each thing once**: the parcels table, the buildings on the parcels and the results one analysis
///   needs of another (idle land for the evaluation, the evaluation for a proposal) are made on first use
///   and shared through ``shared(_:_:)``.
///
/// Not thread-safe: one frame per run, used from the thread that runs the analyses; workers get its
/// `Sendable` parts (``crs``, ``plane``).
public final class AnalysisFrame {
    public let project: ZoneProject
    public let crs: ResolvedCRS
    /// For a longitude/latitude working CRS, the plane planar measures are made in; nil when projected.
    public let plane: String?
    public let datum: DatumPolicy
    /// Worker threads for the analyses that use several.
    public let workers: Int
    /// What every report of the run states, one line each, in both languages: datum changes made with the
    /// project's parameters, features of a shared layer left out.
    public private(set) var notes: [Bilingual] = []
    private var made: [String: Any] = [:]

    /// - Throws: when the project names neither a boundary nor a parcels layer, or the layer's CRS cannot be resolved.
    public init(project: ZoneProject, workers: Int = ProcessInfo.processInfo.activeProcessorCount) throws(ZoneCalcError) {
        self.project = project
        self.workers = max(1, workers)
        datum = project.datumPolicy
        guard let working = project.layers[.boundary] ?? project.layers[.parcels] else {
            throw .projectFile(path: project.path, line: nil, key: "layers.boundary",
                               message: Bilingual("项目文件既没有开发区范围（boundary）图层，也没有宗地（parcels）图层，无法确定分析坐标系", "the project names neither a boundary (开发区范围) nor a parcels layer, which decide the analysis CRS"))
        }
        let reader = try LayerReaders.open(working.source)
        crs = try CRSResolver.resolve(reader, override: working.crs)
        plane = PlanarPlane.forGeographic(crs, reader: reader)
    }

    /// The reprojector bringing `layer`, in `source`, into the working CRS; nil when it is already there.
    /// A datum change made with the project's parameters is noted.
    public func reprojector(from source: ResolvedCRS, layer: String) throws(ZoneCalcError) -> GeometryReprojector? {
        let reprojector = try datum.reprojector(from: source, to: crs, layer: layer)
        note(datum.statement(from: source, to: crs, layer: layer).map { [$0] } ?? [])
        return reprojector
    }

    /// Notes what every report states (a datum change made here or by an overlay run for the frame,
    /// features left out of a shared layer), each once.
    func note(_ statements: [Bilingual]) {
        for statement in statements where !notes.contains(statement) { notes.append(statement) }
    }

    /// An area calculator for geometries in the working CRS, planar areas in the frame's plane.
    public func calculator(_ methods: [AreaMethod]) throws(ZoneCalcError) -> AreaCalculator {
        do { return try AreaCalculator(crs: crs, methods: methods, planeForGeographic: plane) }
        catch { throw ZoneCalcError(error, source: crs.name) }
    }

    /// The value made once per run under `key`: the first call makes it, later calls return it.
    public func shared<T>(_ key: String, _ make: () throws(ZoneCalcError) -> T) throws(ZoneCalcError) -> T {
        // (A lookup, not `made[key] as? T`: for an optional T a missing key would cast to nil.)
        if let stored = made[key] {
            guard let value = stored as? T else { preconditionFailure("'\(key)' was made as \(type(of: stored)), asked for as \(T.self)") }
            return value
        }
        let value = try make()
        made[key] = value
        return value
    }
}
