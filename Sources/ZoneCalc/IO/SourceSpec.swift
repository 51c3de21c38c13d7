import Foundation

/// A file and, optionally, one of its layers: `FILE` or `FILE:LAYER`.
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
    public init(parsing text: String, layer explicitLayer: String? = nil) {
        if FileManager.default.fileExists(atPath: text) || !text.contains(":") {
            self.init(path: text, layer: explicitLayer)
            return
        }
        let colon = text.lastIndex(of: ":")!
        let path = String(text[..<colon]), layer = String(text[text.index(after: colon)...])
        self.init(path: path, layer: explicitLayer ?? (layer.isEmpty ? nil : layer))
    }

    public var description: String { layer.map { "\(path):\($0)" } ?? path }

    /// True for the ministry's boundary-point coordinate txt (judged by the extension).
    public var isBoundaryPointTxt: Bool { path.lowercased().hasSuffix(".txt") }
}
