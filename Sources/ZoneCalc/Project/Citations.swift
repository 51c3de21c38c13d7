import Foundation
import Yams

/// The documents ZoneCalc relies on (`Rules/citations.yaml`), by id: what reports print where a rule
/// says where it comes from, so that no report cites a file the reader does not have.
public enum Citations {
    /// Every entry, id → citation text (with "（待核实）" for an unconfirmed document).
    public static let all: [String: String] = {
        guard let url = Bundle.module.url(forResource: "citations", withExtension: "yaml", subdirectory: "Rules"),
              let text = try? String(contentsOf: url, encoding: .utf8),
              let root = try? Yams.compose(yaml: text), let mapping = root.mapping else { return [:] }
        var entries: [String: String] = [:]
        for (key, value) in mapping {
            guard let id = key.string, let citation = value.mapping?["citation"]?.string else { continue }
            entries[id] = citation + (value.mapping?["status"]?.string == "unconfirmed" ? "（待核实）" : "")
        }
        return entries
    }()

    /// The citation of `id`; the id itself when it is not in the file (a test keeps every id used there).
    public static func text(_ id: String) -> String { all[id] ?? id }
}
