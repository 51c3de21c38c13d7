import Foundation

/// A file and, optionally, one of its layers: `FILE` or `FILE:LAYER`; or a PostGIS database and one
/// of its tables (`PG:… ` with `schema.table`).
public struct SourceSpec: Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var layer: String?
    /// The text encoding of the attributes when the user gives it (`--encoding`), for a Shapefile
    /// without `.cpg`; nil: the file's declaration, else UTF-8, else GBK when the text is not UTF-8.
    public var encoding: TextEncodingChoice?

    public init(path: String, layer: String? = nil, encoding: TextEncodingChoice? = nil) {
        self.path = path; self.layer = layer; self.encoding = encoding
    }

    /// Parses `FILE:LAYER`. A path that exists as written is taken whole (it may contain ':');
    /// otherwise the text after the last ':' names the layer. `--layer` wins over both.
    /// A database connection (`PG:dbname=… host=…`, as GDAL and ogr2ogr take it) is taken whole
    /// unless it ends in `:schema.table` — a name (beginning with a letter or `_`, without `=`,
    /// spaces, quotes or `/`) after a single ':'; a URI (`PG:postgresql://…`) is always taken whole.
    public init(parsing text: String, layer explicitLayer: String? = nil) {
        if Self.isDatabaseConnection(text) {
            let body = text.dropFirst(3)
            if !body.contains("://"), let colon = body.lastIndex(of: ":"), colon > body.startIndex,
               body[body.index(before: colon)] != ":", case let tail = body[body.index(after: colon)...],
               tail.range(of: #"^[\p{L}_][^=\s'"/]*$"#, options: .regularExpression) != nil {
                self.init(path: "PG:" + body[..<colon], layer: explicitLayer ?? String(tail))
            } else {
                self.init(path: text, layer: explicitLayer)
            }
            return
        }
        if FileManager.default.fileExists(atPath: text) || !text.contains(":") {
            self.init(path: text, layer: explicitLayer)
            return
        }
        let colon = text.lastIndex(of: ":")!
        let path = String(text[..<colon]), layer = String(text[text.index(after: colon)...])
        self.init(path: path, layer: explicitLayer ?? (layer.isEmpty ? nil : layer))
    }

    public var description: String { layer.map { "\(path):\($0)" } ?? path }

    /// True for a PostgreSQL/PostGIS connection (`PG:…`) rather than a file.
    public var isDatabase: Bool { Self.isDatabaseConnection(path) }

    /// Whether `text` is a GDAL PostgreSQL connection string (`PG:` in any case).
    public static func isDatabaseConnection(_ text: String) -> Bool { text.prefix(3).uppercased() == "PG:" }

    /// True for the ministry's boundary-point coordinate txt (judged by the extension).
    public var isBoundaryPointTxt: Bool { path.lowercased().hasSuffix(".txt") }
}
