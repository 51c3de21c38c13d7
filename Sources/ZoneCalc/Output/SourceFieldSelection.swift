import Foundation
import GeoBridge

/// Which of the source layer's own fields a ledger carries after its own columns: all of them (the
/// default), none, or those named, in the order named.
public enum SourceFieldSelection: Sendable, Equatable {
    case all
    case none
    case named([String])

    /// Parses `all`, `none` or field names separated by commas (ASCII or full-width).
    public init(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch trimmed.lowercased() {
        case "all", "全部": self = .all
        case "none", "无": self = .none
        default:
            self = .named(trimmed.split { $0 == "," || $0 == "，" }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        }
    }

    /// The positions in `reader`'s fields of the fields carried, leaving out any whose name a ledger
    /// column already has (`taken`). A name the layer lacks is an error listing its fields.
    public func indices(in reader: FeatureLayerReader, taken: [String] = []) throws(ZoneCalcError) -> [Int] {
        switch self {
        case .none:
            return []
        case .all:
            return reader.fields.indices.filter { !taken.contains(reader.fields[$0].name) }
        case .named(let names):
            var chosen: [Int] = []
            for name in names {
                let index = try reader.fieldIndex(name)
                if !chosen.contains(index), !taken.contains(reader.fields[index].name) { chosen.append(index) }
            }
            return chosen
        }
    }
}
