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
    case missingCRS(source: String, suggestion: Bilingual)
    /// The declared CRS does not fit the coordinates, in the way `kind` says.
    case crsMismatch(source: String, detail: Bilingual, suggestion: Bilingual, kind: CRSMismatch)
    /// The CRS is not one the requested operation supports.
    case unsupportedCRS(source: String, detail: Bilingual)
    /// A boundary-point txt file is malformed.
    case boundaryPointTxt(BoundaryPointTxtError)
    /// A boundary-point txt file could not be written from the data.
    case boundaryPointTxtWrite(BoundaryPointTxtWriteError, path: String)
    /// Features of a layer every one of which the analysis needs (a zone boundary, a control line, a
    /// proposal) whose geometry cannot be used; all of them are listed.
    case unusableFeatures(source: String, problems: [FeatureGeometryProblem])
    /// The layer has no polygon features to measure.
    case noPolygons(source: String, detail: Bilingual)
    /// A field named on the command line does not exist.
    case fieldNotFound(source: String, field: String, available: [String])
    /// An output would overwrite an input or an existing file.
    case unsafeOutput(path: String, reason: Bilingual)
    /// An output format ZoneCalc cannot write.
    case unsupportedOutput(path: String, reason: Bilingual)
    /// Writing an output failed (permission, disk full, a GDAL write error); nothing was put in its place.
    case outputFailed(path: String, reason: Bilingual)
    /// A zone project file has a problem at `key` (line `line`).
    case projectFile(path: String, line: Int?, key: String, message: Bilingual)
    /// Arguments that do not fit together.
    case invalidArgument(Bilingual)
    /// A PostGIS layer cannot be read: `connection` (its password taken out) and why.
    case database(connection: String, problem: DatabaseConnection.Problem)
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
    /// The message in English (logs, tests); a planner reads ``message(_:)`` in the run's language.
    public var description: String { message(.en) }

    /// The message a planner reads, in `language`: what, where, and what to do. What a library
    /// (GDAL, PROJ, GEOS) said is quoted as it said it.
    public func message(_ language: Language) -> String {
        let zh = language == .zh
        func t(_ chinese: String, _ english: String) -> String { zh ? chinese : english }
        switch self {
        case .fileNotFound(let path):
            return t("\(path)：文件不存在。请检查路径（图层用 文件:图层 指定）。",
                     "\(path): no such file. Check the path (a layer is picked with FILE:LAYER).")
        case .gdal(let error) where error.operation == .opening:
            let said = error.messages.isEmpty ? "" : t("（GDAL：\(error.messages.joined(separator: "；"))）", " (GDAL: \(error.messages.joined(separator: "; ")))")
            return t("\(error.path)：无法作为矢量数据打开\(said)。请确认文件完整，且是 GDAL 能读取的格式（GeoPackage、Shapefile、GeoJSON、KML、FileGDB、含 WKT 的 CSV 等）或界址点 txt。",
                     "\(error.path): cannot be opened as a vector file\(said). Check that the file is complete and in a format GDAL reads "
                        + "(GeoPackage, Shapefile, GeoJSON, KML, FileGDB, CSV with WKT …) or is a boundary-point .txt.")
        case .gdal(let error) where error.missingLayer != nil && SourceSpec.isDatabaseConnection(error.path):
            let table = error.missingLayer ?? ""
            return t("\(DatabaseConnection.redacted(error.path))：数据库中没有表“\(table)”（或它不在连接串 schemas= 所列的模式中）；可读的空间表：\(error.messages.joined(separator: "、"))。请用 --layer 或项目文件的 layer 写 模式.表名。",
                     "\(DatabaseConnection.redacted(error.path)): the database has no table '\(table)' (or it is outside the connection's schemas=); its spatial tables are: \(error.messages.joined(separator: ", ")). Name one as schema.table with --layer or the project file's layer.")
        case .gdal(let error) where error.missingLayer != nil:
            let layer = error.missingLayer ?? ""
            return t("\(error.path)：没有图层“\(layer)”；文件中的图层：\(error.messages.joined(separator: "、"))。请用 文件:图层 指定其中之一。",
                     "\(error.path): no layer '\(layer)'; its layers are: \(error.messages.joined(separator: ", ")). Pick one with FILE:LAYER.")
        case .gdal(let error):
            return error.message(language) + t("。", "")
        case .proj(let error, let source):
            return "\(source)\(t("：", ": "))\(error.message(language))\(t("。", ""))"
        case .geos(let error, let source, let feature):
            return "\(source)\(feature.map { t("，要素 \($0)", ", feature \($0)") } ?? "")\(t("：", ": "))\(error.message(language))\(t("。", ""))"
        case .missingCRS(let source, let suggestion):
            return t("\(source)：文件未声明坐标系；\(suggestion.zh)。", "\(source): the file declares no coordinate reference system; \(suggestion.en).")
        case .crsMismatch(let source, let detail, let suggestion, _):
            return t("\(source)：\(detail.zh)；\(suggestion.zh)。", "\(source): \(detail.en); \(suggestion.en).")
        case .unsupportedCRS(let source, let detail), .noPolygons(let source, let detail):
            return t("\(source)：\(detail.zh)。", "\(source): \(detail.en).")
        case .boundaryPointTxt(let error):
            return error.message(language)
        case .boundaryPointTxtWrite(let error, let path):
            return "\(path)\(t("：", ": "))\(error.message(language))"
        case .unusableFeatures(let source, let problems):
            let shown = problems.prefix(20).map { $0.message(language) }.joined(separator: t("；", "; "))
            let more = problems.count > 20 ? t("；另有 \(problems.count - 20) 个", "; and \(problems.count - 20) more") : ""
            return t("\(source)：\(problems.count) 个要素无法使用，缺少它们结果将是错的：\(shown)\(more)。请修正或删除这些要素后重新运行。",
                     "\(source): \(problems.count) feature(s) cannot be used, and the result would be wrong without them: "
                        + "\(shown)\(more). Fix or remove these features and run again.")
        case .fieldNotFound(let source, let field, let available):
            return t("\(source)：没有字段“\(field)”；现有字段：\(available.joined(separator: "、"))。",
                     "\(source): no field '\(field)'; the fields are: \(available.joined(separator: ", ")).")
        case .unsafeOutput(let path, let reason), .unsupportedOutput(let path, let reason):
            return t("\(path)：\(reason.zh)。", "\(path): \(reason.en).")
        case .outputFailed(let path, let reason):
            return t("\(path) 未写出：\(reason.zh)。", "\(path) was not written: \(reason.en).")
        case .projectFile(let path, let line, let key, let message):
            return "\(path)\(line.map { ":\($0)" } ?? "")\(key.isEmpty ? "" : t("：\(key)", ": \(key)"))\(t("：", ": "))\(message.text(language))\(t("。", "."))"
        case .invalidArgument(let text):
            return text.text(language)
        case .database(let connection, let problem):
            return "\(connection)\(t("：", ": "))\(problem.message(language))"
        }
    }

    /// The exit status (``ExitStatus``): bad input, a library failure or an output failure.
    public var exitStatus: ExitStatus {
        switch self {
        case .invalidArgument, .fieldNotFound, .projectFile, .database: return .badInput
        case .fileNotFound, .missingCRS, .crsMismatch, .unsupportedCRS, .noPolygons, .unusableFeatures, .boundaryPointTxt: return .badInput
        case .gdal(let error) where error.operation == .opening || error.missingLayer != nil:
            return .badInput   // the file or the layer named, not GDAL, is at fault
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
        default: self = .invalidArgument(Bilingual("\(source)：\(error)", "\(source): \(error)"))
        }
    }
}
