/// Reals written as C's `printf` writes them with `%.Nf` and `%.15g` (as GDAL's CSV driver does), from
/// Swift's own digits where they are provably the same, which is nearly always and several times
/// faster than a call through a C variable argument list. Each appends the text's bytes and returns
/// true, or appends nothing and returns false where the digits might differ (the caller then asks
/// `printf`).
enum PrintfReal {
    /// 10^0 … 10^22, each exact as a double.
    private static let powersOfTen: [Double] = (1...22).reduce(into: [1]) { powers, _ in powers.append(powers.last! * 10) }
    private static let zero = UInt8(ascii: "0"), point = UInt8(ascii: "."), minus = UInt8(ascii: "-")

    /// `%.{decimals}f`: `value` rounded to `decimals` places, the sign kept (`-0.00`).
    ///
    /// Scaled by 10^decimals (exact), the product is within half a unit in its last place of the exact
    /// one; when it is more than two units from a half, the exact value rounds to the same integer,
    /// whose digits with the point put in are printf's.
    static func fixed(_ value: Double, decimals: Int, into bytes: inout [UInt8]) -> Bool {
        guard value.isFinite, decimals >= 0, decimals < powersOfTen.count else { return false }
        let scaled = abs(value) * powersOfTen[decimals]
        let nearest = scaled.rounded()
        guard nearest < 0x1p53, abs(scaled - nearest) < 0.5 - 2 * scaled.ulp else { return false }
        if value.sign == .minus { bytes.append(minus) }
        var digits = String(UInt64(nearest))
        digits.withUTF8 { digits in
            // the integer's digits, with zeros in front so that one stands before the point
            let count = max(digits.count, decimals + 1)
            for position in 0..<count {
                if position == count - decimals { bytes.append(point) }
                let index = position - (count - digits.count)
                bytes.append(index < 0 ? zero : digits[index])
            }
        }
        return true
    }

    /// `%.15g`: 15 significant digits, trailing zeros dropped, an exponent (at least two digits) below
    /// 10^-4 and from 10^15.
    ///
    /// Swift writes the shortest digits that read back as `value`; when there are at most 15 of them,
    /// they are also `value` rounded to 15 digits (a normal double is nearer to its shortest digits than
    /// half a unit of the 15th digit), so only the layout is `%g`'s.
    static func general15(_ value: Double, into bytes: inout [UInt8]) -> Bool {
        if value == 0 {
            if value.sign == .minus { bytes.append(minus) }
            bytes.append(zero)
            return true
        }
        // a subnormal's shortest digits can be far from its 15 (its units in the last place are coarse)
        guard value.isNormal else { return false }
        var text = abs(value).description
        return text.withUTF8 { text in
            guard let digits = ShortestDigits(text), digits.count <= 15 else { return false }
            if value < 0 { bytes.append(minus) }
            let (high, low) = (digits.highPlace, digits.lowPlace)
            if high < -4 || high >= 15 {
                bytes.append(digits[high])
                if low < high { bytes.append(point) }
                for place in stride(from: high - 1, through: low, by: -1) { bytes.append(digits[place]) }
                bytes.append(UInt8(ascii: "e"))
                bytes.append(high < 0 ? minus : UInt8(ascii: "+"))
                if abs(high) < 10 { bytes.append(zero) }
                bytes.append(contentsOf: String(abs(high)).utf8)
            } else {
                for place in stride(from: max(high, 0), through: min(low, 0), by: -1) {
                    if place == -1 { bytes.append(point) }
                    bytes.append(digits[place])
                }
            }
            return true
        }
    }

    /// The significant digits of a positive number's shortest text (`1234.5`, `0.00125`, `1.5e+20`), by
    /// the power of ten each stands for: the first's (`highPlace`), the last nonzero one's (`lowPlace`).
    private struct ShortestDigits {
        let text: UnsafeBufferPointer<UInt8>
        /// Where the point is (or would be) among the mantissa's characters, and the exponent.
        let pointIndex: Int, exponent: Int, mantissaEnd: Int
        let highPlace: Int, lowPlace: Int

        init?(_ text: UnsafeBufferPointer<UInt8>) {
            self.text = text
            var mantissaEnd = text.count, exponent = 0
            if let e = text.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
                mantissaEnd = e
                var index = e + 1, negative = false
                if index < text.count, text[index] == UInt8(ascii: "-") || text[index] == UInt8(ascii: "+") {
                    negative = text[index] == UInt8(ascii: "-"); index += 1
                }
                guard index < text.count else { return nil }
                while index < text.count {
                    guard (zero...zero + 9).contains(text[index]) else { return nil }
                    exponent = exponent * 10 + Int(text[index] - zero); index += 1
                }
                if negative { exponent = -exponent }
            }
            let pointIndex = text[..<mantissaEnd].firstIndex(of: point) ?? mantissaEnd
            func place(_ index: Int) -> Int { (index < pointIndex ? pointIndex - 1 - index : pointIndex - index) + exponent }
            var high: Int?, low: Int?
            for index in 0..<mantissaEnd where index != pointIndex {
                guard (zero...zero + 9).contains(text[index]) else { return nil }
                if text[index] != zero {
                    if high == nil { high = place(index) }
                    low = place(index)
                }
            }
            guard let high, let low else { return nil }
            self.pointIndex = pointIndex; self.exponent = exponent; self.mantissaEnd = mantissaEnd
            highPlace = high; lowPlace = low
        }

        /// How many significant digits there are.
        var count: Int { highPlace - lowPlace + 1 }

        /// The digit standing for 10^`place`; 0 outside the text's digits.
        subscript(place: Int) -> UInt8 {
            let shifted = place - exponent
            let index = shifted >= 0 ? pointIndex - 1 - shifted : pointIndex - shifted
            return index >= 0 && index < mantissaEnd && index != pointIndex ? text[index] : zero
        }
    }
}
