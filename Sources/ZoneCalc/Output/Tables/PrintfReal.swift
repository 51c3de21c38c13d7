/// Reals written as C's `printf` writes them with `%.Nf` and `%.15g` (as GDAL's CSV driver does), from
/// Swift's own digits where they are provably the same, which is nearly always and several times
/// faster than a call through a C variable argument list; nil where they might not be (the caller then
/// asks `printf`).
enum PrintfReal {
    /// 10^0 … 10^22, each exact as a double.
    private static let powersOfTen: [Double] = (1...22).reduce(into: [1]) { powers, _ in powers.append(powers.last! * 10) }

    /// `%.{decimals}f`: `value` rounded to `decimals` places, the sign kept (`-0.00`).
    ///
    /// Scaled by 10^decimals (exact), the product is within half a unit in its last place of the exact
    /// one; when it is more than two units from a half, the exact value rounds to the same integer,
    /// whose digits with the point put in are printf's.
    static func fixed(_ value: Double, decimals: Int) -> String? {
        guard value.isFinite, decimals >= 0, decimals < powersOfTen.count else { return nil }
        let scaled = abs(value) * powersOfTen[decimals]
        let nearest = scaled.rounded()
        guard nearest < 0x1p53, abs(scaled - nearest) < 0.5 - 2 * scaled.ulp else { return nil }
        var digits = String(UInt64(nearest))
        if decimals > 0 {
            if digits.count <= decimals { digits = String(repeating: "0", count: decimals + 1 - digits.count) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
        }
        return value.sign == .minus ? "-" + digits : digits
    }

    /// `%.15g`: 15 significant digits, trailing zeros dropped, an exponent (at least two digits) below
    /// 10^-4 and from 10^15.
    ///
    /// Swift writes the shortest digits that read back as `value`; when there are at most 15 of them,
    /// they are also `value` rounded to 15 digits (a normal double is nearer to its shortest digits than
    /// half a unit of the 15th digit), so only the layout is `%g`'s.
    static func general15(_ value: Double) -> String? {
        if value == 0 { return value.sign == .minus ? "-0" : "0" }
        // a subnormal's shortest digits can be far from its 15 (its units in the last place are coarse)
        guard value.isNormal else { return nil }
        guard let (digits, exponent) = decimalDigits(abs(value)), digits.count <= 15 else { return nil }
        var text = value < 0 ? "-" : ""
        if exponent < -4 || exponent >= 15 {
            text.append(digits.first!)
            if digits.count > 1 { text += "." + digits.dropFirst() }
            let magnitude = String(abs(exponent))
            text += (exponent < 0 ? "e-" : "e+") + (magnitude.count < 2 ? "0" : "") + magnitude
        } else if exponent >= 0 {
            let whole = exponent + 1
            if digits.count <= whole {
                text += digits + String(repeating: "0", count: whole - digits.count)
            } else {
                text += digits.prefix(whole) + "." + digits.dropFirst(whole)
            }
        } else {
            text += "0." + String(repeating: "0", count: -exponent - 1) + digits
        }
        return text
    }

    /// The significant digits of a positive finite `value`'s shortest text (no leading or trailing
    /// zeros) and the power of ten of the first: 0.00125 → ("125", -3), 1.5e+20 → ("15", 20).
    static func decimalDigits(_ value: Double) -> (digits: String, exponent: Int)? {
        let text = value.description
        var mantissa = Substring(text), exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            guard let power = Int(text[text.index(after: e)...]) else { return nil }
            mantissa = text[..<e]; exponent = power
        }
        let point = mantissa.firstIndex(of: ".") ?? mantissa.endIndex
        let whole = mantissa[..<point], fraction = point == mantissa.endIndex ? "" : mantissa[mantissa.index(after: point)...]
        guard (whole + fraction).allSatisfy(\.isASCIIDigit) else { return nil }
        let all = whole + fraction
        guard let first = all.firstIndex(where: { $0 != "0" }) else { return nil }
        // the first digit's power: its place in the whole part (or after the point) plus the exponent
        let place = whole.count - 1 - all.distance(from: all.startIndex, to: first)
        var digits = String(all[first...])
        while digits.last == "0" { digits.removeLast() }
        return (digits, place + exponent)
    }
}
