/// Parses a point line `点号,圈号,X,Y` (部标界址点坐标交换格式): exactly 4 fields, 圈号 an integer
/// ≥ 1, X and Y finite decimal numbers. No axis-order or zone interpretation happens here.
enum PointLineParser {
    /// Parses `text` (trimmed, half-width commas) found on `line` of `source`.
    static func parse(_ text: String, line: Int, source: String) throws(BoundaryPointTxtError) -> BoundaryPoint {
        func failure(_ kind: BoundaryPointTxtError.Kind) -> BoundaryPointTxtError {
            BoundaryPointTxtError(source: source, line: line, kind: kind)
        }
        let fields = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmedTxtField }
        guard fields.count == 4 else { throw failure(.wrongPointFieldCount(fields.count)) }
        guard let ringNumber = Int(fields[1]), ringNumber >= 1 else { throw failure(.invalidRingNumber(fields[1])) }
        guard let northing = coordinate(fields[2]) else { throw failure(.invalidCoordinate(field: "X", text: fields[2])) }
        guard let easting = coordinate(fields[3]) else { throw failure(.invalidCoordinate(field: "Y", text: fields[3])) }
        return BoundaryPoint(name: fields[0], ringNumber: ringNumber, northing: northing, easting: easting, line: line)
    }

    /// A finite number written in decimal (optionally with an exponent); `nil` otherwise,
    /// so `nan`, `inf` and hexadecimal floats are rejected.
    private static func coordinate(_ text: String) -> Double? {
        guard !text.isEmpty, text.utf8.allSatisfy(isDecimalByte), let value = Double(text), value.isFinite else {
            return nil
        }
        return value
    }

    /// Digits, sign, decimal point and exponent marker.
    private static func isDecimalByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
             UInt8(ascii: "e"), UInt8(ascii: "E"): true
        default: false
        }
    }
}
