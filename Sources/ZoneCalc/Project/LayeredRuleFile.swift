import Foundation
import Yams

/// A rule file read in layers, key by key: the copy bundled with ZoneCalc first (national values), then
/// the bundled profile of the project's province, then the project's rule-profile copy, each later layer
/// replacing the top-level keys it names.
/// The numbers live only in these files: a key that no layer gives is an error naming the files and
/// the key, never a default in code. A key given with an empty value (`max_expansion_km2:`) is given —
/// "no limit" — and reads as nil.
struct LayeredRuleFile {
    struct Layer {
        var path: String
        var reader: NodeReader
        var entries: NodeReader.Entries
    }
    let name: String
    let layers: [Layer]
    /// The layers' names for reports: "Rules/name" (the copy inside ZoneCalc), "Rules/provinces/山西/name", the project copy's path.
    private let names: [String]

    /// Reads `name` from the bundled rules, the bundled profile of the project's province and the project's
    /// profile (each when it has its own copy).
    /// - Parameter allowed: the top-level keys the file may hold; any other is an error naming the file.
    init(_ name: String, files: RuleFiles, what: String, allowed: [String]) throws(ZoneCalcError) {
        self.name = name
        let copies = try files.layers(of: name)
        names = copies.map(\.name)
        let paths = copies.map(\.path)
        var layers: [Layer] = []
        for path in paths {
            let (root, reader) = try NodeReader.document(at: path, what: what)
            layers.append(Layer(path: path, reader: reader, entries: try reader.mapping(root, key: "(top level)", allowed: allowed)))
        }
        self.layers = layers
    }

    /// The file names, for reports and messages: "Rules/proposal-rules.yaml + rules/proposal-rules.yaml".
    var source: String { names.joined(separator: " + ") }

    /// The node of a top-level key in the last layer that names it, with that layer's reader.
    func node(_ key: String) -> (node: Node, reader: NodeReader)? {
        for layer in layers.reversed() { if let node = layer.entries[key] { return (node, layer.reader) } }
        return nil
    }

    /// Whether a layer after the bundled national one (the province's or the project's) gives `key`.
    func givenBeyondNational(_ key: String) -> Bool { layers.dropFirst().contains { $0.entries[key] != nil } }

    /// The report name of the last layer that gives `key` ("Rules/provinces/山西/name", a project path).
    func layerName(giving key: String) -> String {
        zip(layers, names).reversed().first { $0.0.entries[key] != nil }?.1 ?? name
    }

    /// The node of a key that must be given.
    func required(_ key: String) throws(ZoneCalcError) -> (node: Node, reader: NodeReader) {
        guard let found = node(key) else {
            throw .projectFile(path: layers.map(\.path).joined(separator: ", "), line: nil, key: key,
                               message: Bilingual("\(name) 的各层都没有给出这一项；请在项目的副本中补上（并注明来源）", "no layer of \(name) gives this key; add it (with its source) to the project's copy"))
        }
        return found
    }

    /// A number that must be given (an empty value reads as nil); `check` says what a valid value is.
    func number(_ key: String, _ requirement: Bilingual? = nil, valid: (Double) -> Bool = { _ in true }) throws(ZoneCalcError) -> Double? {
        let (node, reader) = try required(key)
        guard let text = reader.text(node), !text.isEmpty else { return nil }
        guard let value = Double(text), value.isFinite, valid(value) else {
            throw reader.error(node, key, Bilingual("“\(text)”不是\(requirement?.zh ?? "数值")", "'\(text)' is not \(requirement?.en ?? "a number")"))
        }
        return value
    }

    /// A number that must be given and may not be empty.
    func requiredNumber(_ key: String, _ requirement: Bilingual? = nil, valid: (Double) -> Bool = { _ in true }) throws(ZoneCalcError) -> Double {
        guard let value = try number(key, requirement, valid: valid) else {
            let (node, reader) = try required(key)
            throw reader.error(node, key, Bilingual("需要一个值", "needs a value"))
        }
        return value
    }

    /// Text that must be given (an empty value reads as "").
    func text(_ key: String) throws(ZoneCalcError) -> String {
        let (node, reader) = try required(key)
        return reader.text(node) ?? ""
    }
}
