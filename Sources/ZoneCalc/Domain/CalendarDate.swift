import Foundation

/// A calendar day, as land records give dates (no time of day, no time zone).
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// The day `instant` falls on in Beijing time (UTC+8), whatever the machine's time zone: the day a
    /// planner in China dates it, the same on every machine.
    public init(beijing instant: Date) {
        self.init(dayNumber: Int(((instant.timeIntervalSince1970 + 8 * 3600) / 86_400).rounded(.down)))
    }

    /// A real day (month 1–12, day within the month, leap years included), or nil.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), (1...Self.days(inMonth: month, of: year)).contains(day) else { return nil }
        self.year = year; self.month = month; self.day = day
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    /// "YYYY-MM-DD".
    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String { String(repeating: "0", count: max(0, width - String(value).count)) + String(value) }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    static func days(inMonth month: Int, of year: Int) -> Int {
        [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }

    /// The same day `years` later; when that month has no such day (29 February), its last day —
    /// the rule for periods counted in years of 民法典 第二百零二条.
    public func adding(years: Int) -> CalendarDate {
        let target = year + years
        return CalendarDate(year: target, month: month, day: min(day, Self.days(inMonth: month, of: target)))!
    }

    /// Whole years from `self` to `later`: the largest n with `self.adding(years: n) ≤ later`
    /// (the anniversary itself completes a year); negative when `later` is earlier.
    public func fullYears(until later: CalendarDate) -> Int {
        var years = later.year - year
        if adding(years: years) > later { years -= 1 }
        return years
    }

    /// Days since 1970-01-01 (proleptic Gregorian).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The day with a given day number (inverse of ``dayNumber``).
    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.month = month
        self.day = day
    }
}

/// Reads dates as Chinese land data write them: 2023-05-01, 2023/5/1, 2023.5.1, 2023年5月1日,
/// 20230501, a date-time (the day is kept) and Excel serial day numbers (1900 date system, as a
/// spreadsheet exported to a table stores them).
public enum LandDateParser {
    /// Excel serial days of the 1900 system count from 1899-12-30 (Excel's 1900 leap-year bug
    /// makes day 60 the non-existent 1900-02-29; dates after it come out right from this epoch).
    static let excelEpoch = CalendarDate(year: 1899, month: 12, day: 30)!.dayNumber
    /// Serial numbers accepted as dates: 1950-01-01 … 2100-12-31.
    static let excelRange = 18_264...73_415

    public enum Outcome: Equatable, Sendable {
        case date(CalendarDate)
        case empty
        case unreadable(String)

        /// The day, when the value was one.
        public var dateValue: CalendarDate? { if case .date(let date) = self { return date } else { return nil } }
    }

    public static func parse(_ value: FieldValue) -> Outcome {
        switch value {
        case .null: return .empty
        case .date(let text), .dateTime(let text): return parse(text: text)
        case .integer(let number): return parse(number: Double(number), original: String(number))
        case .real(let number): return parse(number: number, original: String(number))
        case .string(let text): return parse(text: text)
        }
    }

    /// "YYYY-MM-DD", the form GeoPackage and most tables store, read without string processing.
    static func isoDay(_ text: String) -> CalendarDate? {
        let utf8 = text.utf8
        return utf8.withContiguousStorageIfAvailable { bytes -> CalendarDate? in
            guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for index in range {
                    let byte = bytes[index]
                    guard byte >= 48, byte <= 57 else { return nil }
                    value = value * 10 + Int(byte - 48)
                }
                return value
            }
            guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
            return CalendarDate(year: year, month: month, day: day)
        } ?? nil
    }

    static func parse(number: Double, original: String) -> Outcome {
        guard number.isFinite, abs(number) < 1e9 else { return .unreadable(original) }
        if number == number.rounded(), (19_000_101...21_001_231).contains(Int(number)) { return parse(text: String(Int(number))) }
        let whole = Int(number.rounded(.down))
        if excelRange.contains(whole) { return .date(CalendarDate(dayNumber: excelEpoch + whole)) }
        return .unreadable(original)
    }

    static func parse(text raw: String) -> Outcome {
        if let date = isoDay(raw) { return .date(date) }
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return .empty }
        // The day part of a date-time: "2023-05-01T08:00:00", "2023/5/1 0:00:00".
        let day = text.split(whereSeparator: { $0 == "T" || $0 == " " }).first.map(String.init) ?? text
        if day.count == 8, day.allSatisfy(\.isASCIIDigit), let number = Int(day) {
            return CalendarDate(year: number / 10_000, month: number / 100 % 100, day: number % 100).map(Outcome.date) ?? .unreadable(raw)
        }
        if day.allSatisfy({ $0.isASCIIDigit || $0 == "." }), let number = Double(day) { return parse(number: number, original: raw) }
        let normalized = day.replacingOccurrences(of: "年", with: "-").replacingOccurrences(of: "月", with: "-")
            .replacingOccurrences(of: "日", with: "").replacingOccurrences(of: "号", with: "")
            .replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: ".", with: "-")
        let parts = normalized.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCIIDigit) }),
              parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]), let dayOfMonth = Int(parts[2]),
              let date = CalendarDate(year: year, month: month, day: dayOfMonth) else {
            return .unreadable(raw)
        }
        return .date(date)
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
