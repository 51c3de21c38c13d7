import GeoBridge

/// A problem a planner can act on: names the file (and layer, feature or line) and what is wrong.
public enum ZoneCalcError: Error, Sendable {
    /// The input file does not exist.
    case fileNotFound(path: String)
    /// A GDAL/OGR operation failed (unreadable format, missing layer, write failure…).
    case gdal(GDALError)
    /// A PROJ operation failed while doing `task` for `source`.
    case proj(ProjError, source: String)
    /// A GEOS operation failed on a feature.
    case geos(GEOSError, source: String, feature: String?)
    /// No CRS in the file and none given.
    case missingCRS(source: String, suggestion: String)
    /// The declared CRS does not fit the coordinates, in the way `kind` says.
    case crsMismatch(source: String, detail: String, suggestion: String, kind: CRSMismatch)
    /// The CRS is not one the requested operation supports.
    case unsupportedCRS(source: String, detail: String)
    /// A boundary-point txt file is malformed.
    case boundaryPointTxt(BoundaryPointTxtError)
    /// A boundary-point txt file could not be written from the data.
    case boundaryPointTxtWrite(BoundaryPointTxtWriteError, path: String)
    /// Features of a layer every one of which the analysis needs (a zone boundary, a control line, a
    /// proposal) whose geometry cannot be used; all of them are listed.
    case unusableFeatures(source: String, problems: [FeatureGeometryProblem])
    /// The layer has no polygon features to measure.
    case noPolygons(source: String, detail: String)
    /// A field named on the command line does not exist.
    case fieldNotFound(source: String, field: String, available: [String])
    /// An output would overwrite an input or an existing file.
    case unsafeOutput(path: String, reason: String)
    /// An output format ZoneCalc cannot write.
    case unsupportedOutput(path: String, reason: String)
    /// Writing an output failed (permission, disk full, a GDAL write error); nothing was put in its place.
    case outputFailed(path: String, reason: String)
    /// A zone project file has a problem at `key` (line `line`).
    case projectFile(path: String, line: Int?, key: String, message: String)
    /// Arguments that do not fit together.
    case invalidArgument(String)
}

/// How a declared CRS contradicts the coordinates.
public enum CRSMismatch: Sendable {
    /// x holds northings and y eastings.
    case swappedAxes
    /// Degrees where the CRS says metres, or the other way round.
    case units
    /// A Gauss–Krüger zone prefix on the eastings that the CRS lacks, lacks where it has one, or names another zone.
    case zonePrefix
}

extension ZoneCalcError: CustomStringConvertible {
    /// The message a planner reads: what, where, and what to do.
    public var description: String {
        switch self {
        case .fileNotFound(let path):
            return "\(path): no such file. Check the path (a layer is picked with FILE:LAYER or --layer)."
        case .gdal(let error) where error.operation == "opening":
            let said = error.messages.isEmpty ? "" : " (GDAL: \(error.messages.joined(separator: "; ")))"
            return "\(error.path): cannot be opened as a vector file\(said). Check that the file is complete and in a format GDAL reads "
                + "(GeoPackage, Shapefile, GeoJSON, KML, FileGDB, CSV with WKT …) or is a boundary-point .txt."
        case .gdal(let error):
            return error.description
        case .proj(let error, let source):
            return "\(source): \(error.description)"
        case .geos(let error, let source, let feature):
            return "\(source)\(feature.map { ", feature \($0)" } ?? ""): \(error.description)"
        case .missingCRS(let source, let suggestion):
            return "\(source): the file declares no coordinate reference system; \(suggestion)."
        case .crsMismatch(let source, let detail, let suggestion, _):
            return "\(source): \(detail); \(suggestion)."
        case .unsupportedCRS(let source, let detail):
            return "\(source): \(detail)."
        case .boundaryPointTxt(let error):
            return error.description
        case .boundaryPointTxtWrite(let error, let path):
            return "\(path): \(error.description)"
        case .unusableFeatures(let source, let problems):
            let shown = problems.prefix(20).map(\.description).joined(separator: "; ")
            let more = problems.count > 20 ? "; and \(problems.count - 20) more" : ""
            return "\(source): \(problems.count) feature(s) cannot be used, and the result would be wrong without them: "
                + "\(shown)\(more). Fix or remove these features and run again."
        case .noPolygons(let source, let detail):
            return "\(source): \(detail)."
        case .fieldNotFound(let source, let field, let available):
            return "\(source): no field '\(field)'; the fields are: \(available.joined(separator: ", "))."
        case .unsafeOutput(let path, let reason):
            return "\(path): \(reason)."
        case .unsupportedOutput(let path, let reason):
            return "\(path): \(reason)."
        case .outputFailed(let path, let reason):
            return "\(path) was not written: \(reason)." 
        case .projectFile(let path, let line, let key, let message):
            return "\(path)\(line.map { ":\($0)" } ?? "")\(key.isEmpty ? "" : ": \(key)"): \(message)."
        case .invalidArgument(let text):
            return text
        }
    }

    /// The exit status (``ExitStatus``): bad input, a library failure or an output failure.
    public var exitStatus: ExitStatus {
        switch self {
        case .invalidArgument, .fieldNotFound, .projectFile: return .badInput
        case .fileNotFound, .missingCRS, .crsMismatch, .unsupportedCRS, .noPolygons, .unusableFeatures, .boundaryPointTxt: return .badInput
        case .gdal(let error) where error.operation == "opening": return .badInput   // the file, not GDAL, is at fault
        case .gdal, .proj, .geos: return .libraryFailure
        case .unsafeOutput, .unsupportedOutput, .outputFailed, .boundaryPointTxtWrite: return .outputFailure
        }
    }
}

extension ZoneCalcError {
    /// Any error ZoneCalc or its libraries throw, as a ``ZoneCalcError`` (the one place that maps them).
    public init(_ error: any Error, source: String) {
        switch error {
        case let error as ZoneCalcError: self = error
        case let error as GDALError: self = .gdal(error)
        case let error as ProjError: self = .proj(error, source: source)
        case let error as GEOSError: self = .geos(error, source: source, feature: nil)
        case let error as BoundaryPointTxtError: self = .boundaryPointTxt(error)
        case let error as BoundaryPointTxtWriteError: self = .boundaryPointTxtWrite(error, path: source)
        default: self = .invalidArgument("\(source): \(error)")
        }
    }
}
