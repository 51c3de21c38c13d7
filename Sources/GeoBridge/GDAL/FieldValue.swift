import Foundation

/// The value of one attribute field, as OGR stores it.
public enum FieldValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case string(String)
    /// A date as ISO 8601 text, "YYYY-MM-DD".
    case date(String)
    /// A date-time as ISO 8601 text, "YYYY-MM-DDTHH:MM:SS".
    case dateTime(String)

    /// The value as a number, when it is one (or numeric text).
    public var doubleValue: Double? {
        switch self {
        case .integer(let v): return Double(v)
        case .real(let v): return v
        case .string(let s): return Double(s.trimmingCharacters(in: .whitespaces))
        default: return nil
        }
    }

    /// The value as text; nil for null.
    public var text: String? {
        switch self {
        case .null: return nil
        case .integer(let v): return String(v)
        case .real(let v): return String(v)
        case .string(let s), .date(let s), .dateTime(let s): return s
        }
    }
}

/// The storage type of an attribute field.
public enum FieldType: Sendable, Equatable {
    case integer, integer64, real, string, date, dateTime, time, binary, list

    /// A short English name for listings.
    public var name: String {
        switch self {
        case .integer: return "Integer"
        case .integer64: return "Integer64"
        case .real: return "Real"
        case .string: return "String"
        case .date: return "Date"
        case .dateTime: return "DateTime"
        case .time: return "Time"
        case .binary: return "Binary"
        case .list: return "List"
        }
    }
}

/// One attribute field of a layer.
public struct FieldDefinition: Sendable, Equatable {
    public var name: String
    public var type: FieldType
    public var width: Int
    public var precision: Int

    public init(name: String, type: FieldType, width: Int = 0, precision: Int = 0) {
        self.name = name; self.type = type; self.width = width; self.precision = precision
    }
}
