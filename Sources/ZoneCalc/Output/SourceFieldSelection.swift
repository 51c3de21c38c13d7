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
    /// column already has (`taken`), in any case: GeoPackage, CSV, Shapefile and FileGDB take field
    /// names without regard to case. A name the layer lacks is an error listing its fields; a name a
    /// ledger column has is an error naming the column.
    public func indices(in reader: FeatureLayerReader, taken: [String] = []) throws(ZoneCalcError) -> [Int] {
        func column(named name: String) -> String? { taken.first { $0.caseInsensitiveCompare(name) == .orderedSame } }
        switch self {
        case .none:
            return []
        case .all:
            return reader.fields.indices.filter { column(named: reader.fields[$0].name) == nil }
        case .named(let names):
            var chosen: [Int] = []
            for name in names {
                let index = try reader.fieldIndex(name)
                let field = reader.fields[index].name
                if let column = column(named: field) {
                    throw .invalidArgument(Bilingual("--fields：字段“\(field)”与台账的列“\(column)”同名（字段名不分大小写），不能随附；请去掉它",
                                                     "--fields: the field '\(field)' has the name of the ledger's column '\(column)' (field names ignore case) and cannot be carried; leave it out"))
                }
                if !chosen.contains(index) { chosen.append(index) }
            }
            return chosen
        }
    }
}
