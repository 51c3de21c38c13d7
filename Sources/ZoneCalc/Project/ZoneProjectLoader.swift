import Foundation
import Yams

/// Reads a zone project file (YAML). Every problem names the file, the key and the line.
public enum ZoneProjectLoader {
    static let topKeys = ["zone", "as_of", "area_method", "rules", "statistics", "datum_transformation", "layers"]
    static let layerKeys = ["file", "layer", "crs", "fields", "coverage"]

    public static func load(_ path: String) throws(ZoneCalcError) -> ZoneProject {
        let (root, reader) = try NodeReader.document(at: path, what: "the file")
        let top = try reader.mapping(root, key: "(top level)", allowed: topKeys)
        guard let zone = top["zone"] else { throw reader.error(root, "zone", Bilingual("缺少：请给出 zone:，含 name:（及 code:）", "missing: give zone: with name: (and code:)")) }
        let zoneKeys = try reader.mapping(zone, key: "zone", allowed: ["name", "code", "type", "province", "level"])
        guard let nameNode = zoneKeys["name"], let name = reader.text(nameNode), !name.isEmpty else {
            throw reader.error(zone, "zone.name", Bilingual("缺少：开发区名称", "missing: the zone's name (开发区名称)"))
        }
        let code = zoneKeys["code"].flatMap(reader.text)
        var zoneType: String?
        if let node = zoneKeys["type"], let value = reader.text(node) {
            let types = ZoneType.reportedTypes.map(\.rawValue)
            guard types.contains(value) else { throw reader.error(node, "zone.type", Bilingual("“\(value)”应为以下之一：\(types.joined(separator: "、"))", "'\(value)' must be one of: \(types.joined(separator: ", "))")) }
            zoneType = value
        }
        let province = zoneKeys["province"].flatMap(reader.text).flatMap { $0.isEmpty ? nil : $0 }
        var level: ZoneLevel?
        if let node = zoneKeys["level"], let value = reader.text(node), !value.isEmpty {
            guard let parsed = ZoneLevel(rawValue: value) else {
                throw reader.error(node, "zone.level", Bilingual("“\(value)”应为以下之一：\(ZoneLevel.allCases.map(\.rawValue).joined(separator: "、"))",
                                                             "'\(value)' must be one of: \(ZoneLevel.allCases.map(\.rawValue).joined(separator: ", "))"))
            }
            level = parsed
        }
        var statistics: [String: Double] = [:]
        if let node = top["statistics"] {
            for (key, value) in try reader.mapping(node, key: "statistics", allowed: ZoneStatistics.all.map(\.name)).ordered {
                guard let number = try reader.optionalNumber(value, key: "statistics.\(key)") else { continue }
                guard number >= 0 else { throw reader.error(value, "statistics.\(key)", Bilingual("不能为负", "must not be negative")) }
                statistics[key] = number
            }
        }
        var asOf: String?
        if let node = top["as_of"], let value = reader.text(node) {
            guard value.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil, isCalendarDate(value) else {
                throw reader.error(node, "as_of", Bilingual("“\(value)”不是日期；请写成 YYYY-MM-DD", "'\(value)' is not a date; write YYYY-MM-DD"))
            }
            asOf = value
        }
        var method = AreaMethod.ellipsoidal
        if let node = top["area_method"], let value = reader.text(node) {
            guard let parsed = AreaMethod(rawValue: value) else {
                throw reader.error(node, "area_method", Bilingual("“\(value)”不是面积算法；请用 ellipsoidal、planar 或 geodesic", "'\(value)' is not a method; use ellipsoidal, planar or geodesic"))
            }
            method = parsed
        }
        var datum = DatumPolicy.refuse
        if let node = top["datum_transformation"], let value = reader.text(node), !value.isEmpty {
            guard let parsed = DatumPolicy(parsing: value) else {
                throw reader.error(node, "datum_transformation",
                                   Bilingual("“\(value)”不是七个数：请给出从西安 1980 或北京 1954 到 CGCS2000 的 dx,dy,dz（米）,rx,ry,rz（秒）,ds（ppm）",
                                             "'\(value)' is not seven numbers: give dx,dy,dz (m),rx,ry,rz (″),ds (ppm) from Xi'an 1980 or Beijing 1954 to CGCS2000"))
            }
            datum = parsed
        }
        let folder = (path as NSString).deletingLastPathComponent
        var layers: [LayerRole: ProjectLayer] = [:]
        if let layersNode = top["layers"] {
            let entries = try reader.mapping(layersNode, key: "layers", allowed: LayerRole.allCases.map(\.rawValue))
            for (key, node) in entries.ordered {
                let role = LayerRole(rawValue: key)!
                layers[role] = try layer(role, node, reader: reader, folder: folder)
            }
        }
        let rules = top["rules"].flatMap(reader.text)
        var project = ZoneProject(path: path, name: name, code: code, asOf: asOf, areaMethod: method, rules: rules, layers: layers)
        project.statistics = statistics
        project.zoneType = zoneType
        project.datumPolicy = datum
        project.province = province
        project.level = level
        return project
    }

    /// - Parameter folder: the project file's folder as given (relative paths stay relative in messages).
    /// True for a real day: month 1–12, day within the month (leap years included).
    static func isCalendarDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]) else { return false }
        let leap = parts[0] % 4 == 0 && (parts[0] % 100 != 0 || parts[0] % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][parts[1] - 1]
        return (1...days).contains(parts[2])
    }

    private static func layer(_ role: LayerRole, _ node: Node, reader: NodeReader, folder: String) throws(ZoneCalcError) -> ProjectLayer {
        let key = "layers.\(role.rawValue)"
        let entries = try reader.mapping(node, key: key, allowed: layerKeys)
        guard let fileNode = entries["file"], let file = reader.text(fileNode), !file.isEmpty else {
            throw reader.error(node, "\(key).file", Bilingual("缺少：存放\(role.chineseName)图层的文件", "missing: the file holding the \(role.chineseName) layer"))
        }
        let isDatabase = SourceSpec.isDatabaseConnection(file)
        if isDatabase, DatabaseConnection.holdsPassword(file) { throw reader.error(fileNode, "\(key).file", DatabaseConnection.passwordRefusal) }
        let resolved = file.hasPrefix("/") || folder.isEmpty || isDatabase ? file : (folder as NSString).appendingPathComponent(file)
        guard isDatabase || FileManager.default.fileExists(atPath: resolved) else {
            throw reader.error(fileNode, "\(key).file", Bilingual("文件不存在：\(resolved)", "no such file: \(resolved)"))
        }
        var fields: [String: String] = [:]
        if let fieldsNode = entries["fields"] {
            let mapping = try reader.mapping(fieldsNode, key: "\(key).fields", allowed: ProjectFields.all.map(\.name))
            for (name, value) in mapping.ordered {
                guard let dataName = reader.text(value), !dataName.isEmpty else {
                    throw reader.error(value, "\(key).fields.\(name)", Bilingual("请给出数据中的字段名", "give the name of the field in the data"))
                }
                fields[name] = dataName
            }
        }
        var coverage: SourceSpec?
        if let node = entries["coverage"], let text = reader.text(node), !text.isEmpty {
            let spec = SourceSpec(parsing: text)
            if spec.isDatabase, DatabaseConnection.holdsPassword(spec.path) { throw reader.error(node, "\(key).coverage", DatabaseConnection.passwordRefusal) }
            let path = spec.path.hasPrefix("/") || folder.isEmpty || spec.isDatabase ? spec.path : (folder as NSString).appendingPathComponent(spec.path)
            guard spec.isDatabase || FileManager.default.fileExists(atPath: path) else {
                throw reader.error(node, "\(key).coverage", Bilingual("文件不存在：\(path)（该图层数据完整区域的面）", "no such file: \(path) (polygons where the layer's data are complete)"))
            }
            coverage = SourceSpec(path: path, layer: spec.layer)
        }
        return ProjectLayer(role: role, source: SourceSpec(path: resolved, layer: entries["layer"].flatMap(reader.text)),
                            crs: entries["crs"].flatMap(reader.text), fields: fields, coverage: coverage)
    }
}

/// Reads YAML nodes with the file's name and line numbers at hand for errors.
struct NodeReader {
    var path: String

    struct Entries {
        var ordered: [(String, Node)]
        subscript(key: String) -> Node? { ordered.first { $0.0 == key }?.1 }
    }

    /// Reads a YAML file (a project file or a rule file, `what` in messages) and composes its nodes.
    static func document(at path: String, what: String) throws(ZoneCalcError) -> (root: Node, reader: NodeReader) {
        guard FileManager.default.fileExists(atPath: path) else { throw .fileNotFound(path: path) }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw .projectFile(path: path, line: nil, key: "", message: Bilingual("文件不是 UTF-8 文本；请另存为 UTF-8", "\(what) is not UTF-8 text; save it as UTF-8"))
        }
        let composed: Node?
        do { composed = try Yams.compose(yaml: text) } catch {
            throw .projectFile(path: path, line: nil, key: "", message: Bilingual("不是有效的 YAML：\(error)", "not valid YAML: \(error)"))
        }
        guard let root = composed else { throw .projectFile(path: path, line: nil, key: "", message: Bilingual("文件为空", "\(what) is empty")) }
        return (root, NodeReader(path: path))
    }

    func error(_ node: Node, _ key: String, _ message: Bilingual) -> ZoneCalcError {
        .projectFile(path: path, line: node.mark?.line, key: key, message: message)
    }

    /// A mapping's entries; unknown or repeated keys are errors naming the allowed ones.
    func mapping(_ node: Node, key: String, allowed: [String]) throws(ZoneCalcError) -> Entries {
        guard let mapping = node.mapping else { throw error(node, key, Bilingual("应为“键: 值”形式的映射", "expected a mapping of key: value lines")) }
        var ordered: [(String, Node)] = []
        for (keyNode, value) in mapping {
            guard let name = keyNode.string else { throw error(keyNode, key, Bilingual("键必须是文本", "keys must be text")) }
            guard allowed.contains(name) else {
                throw error(keyNode, key.hasPrefix("(") ? name : "\(key).\(name)", Bilingual("未知的键“\(name)”；应为以下之一：\(allowed.joined(separator: "、"))", "unknown key '\(name)'; expected one of: \(allowed.joined(separator: ", "))"))
            }
            guard !ordered.contains(where: { $0.0 == name }) else { throw error(keyNode, "\(key).\(name)", Bilingual("重复给出", "given twice")) }
            ordered.append((name, value))
        }
        return Entries(ordered: ordered)
    }

    /// A scalar's text as written (nil for null or non-scalars).
    func text(_ node: Node) -> String? {
        guard case .scalar(let scalar) = node, node.null == nil else { return nil }
        return scalar.string
    }
}
