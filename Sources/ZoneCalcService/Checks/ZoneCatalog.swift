import Foundation
import ZoneCalc

/// A zone the service checks proposals against: a project file in the projects folder.
public struct ServedZone: Sendable, Codable, Equatable {
    /// How requests name it: the project file's name without `.yaml`, or its folder's name for
    /// `<folder>/zone.yaml`.
    public var id: String
    public var name: String
    public var code: String?
    public var province: String?
    /// The rule profile the project names; nil for the bundled rules.
    public var ruleProfile: String?
    public var asOf: String?
    public var layers: [ServedLayer]
    /// The project file.
    var project: String
}

/// A layer of a served zone, with the date its file was last changed.
public struct ServedLayer: Sendable, Codable, Equatable {
    public var role: String
    public var file: String
    public var modified: String?
}

/// The zones in the projects folder: every `*.yaml` in it and every `*/zone.yaml` below it, by id.
/// A project that cannot be read is left out, and said in ``problems``.
public struct ZoneCatalog: Sendable {
    public private(set) var zones: [ServedZone] = []
    /// Project files that could not be read, with why.
    public private(set) var problems: [String] = []

    public init(folder: URL) {
        let manager = FileManager.default
        let names = ((try? manager.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        var candidates: [(id: String, path: String)] = []
        for name in names where !name.hasPrefix(".") {
            let path = folder.appendingPathComponent(name).path
            if name.lowercased().hasSuffix(".yaml") || name.lowercased().hasSuffix(".yml") {
                candidates.append(((name as NSString).deletingPathExtension, path))
            } else if manager.fileExists(atPath: (path as NSString).appendingPathComponent("zone.yaml")) {
                candidates.append((name, (path as NSString).appendingPathComponent("zone.yaml")))
            }
        }
        for (id, path) in candidates {
            do {
                let project = try ZoneProjectLoader.load(path)
                let layers = project.layers.values.sorted { $0.role.rawValue < $1.role.rawValue }.map { layer in
                    // a database layer by its table alone: where the server is stays off the pages
                    ServedLayer(role: layer.role.rawValue,
                                file: (layer.source.isDatabase ? "PostGIS" : (layer.source.path as NSString).lastPathComponent) + (layer.source.layer.map { ":" + $0 } ?? ""),
                                modified: Self.modified(layer.source.path))
                }
                zones.append(ServedZone(id: id, name: project.name, code: project.code, province: project.province, ruleProfile: project.rules,
                                        asOf: project.asOf, layers: layers, project: path))
            } catch {
                problems.append("\(path): \(ZoneCalcError(error, source: path).message(.en))")
            }
        }
    }

    /// The zone `id`.
    public func zone(_ id: String) -> ServedZone? { zones.first { $0.id == id } }

    private static func modified(_ path: String) -> String? {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date).map { ISO8601DateFormatter().string(from: $0) }
    }
}
