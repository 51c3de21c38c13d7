import Foundation
import Testing
@testable import ZoneCalc

/// A ledger's figures equal the terminal's: the double nearest to what C's printf("%.Nf") prints.
@Suite struct LedgerRoundingTests {
    /// The value C's printf prints with `decimals` places, read back as a double (the terminal's figure).
    static func printed(_ value: Double, _ decimals: Int) -> Double {
        var buffer = [CChar](repeating: 0, count: 512)
        _ = withVaList([value]) { vsnprintf(&buffer, buffer.count, "%.\(decimals)f", $0) }
        let text = String(cString: buffer)
        return text.hasPrefix("-") && Double(text) == 0 ? 0 : Double(text)!
    }

    /// Known cases (binary expansions by Python's decimal.Decimal(x)): 2.675 is stored as 2.67499999…, 1.005
    /// as 1.00499999…, 2479.725 as 2479.72499999…, so they round down; 2479.715 is 2479.71500000000014…,
    /// rounded up; 0.125 and 0.375 are exact halves, which printf rounds to even; a small negative becomes
    /// 0, never -0.
    @Test func knownHalvesAndSigns() {
        #expect(LedgerColumn.rounded(2.675, decimals: 2) == 2.67)
        #expect(LedgerColumn.rounded(1.005, decimals: 2) == 1.0)
        #expect(LedgerColumn.rounded(0.125, decimals: 2) == 0.12)
        #expect(LedgerColumn.rounded(0.375, decimals: 2) == 0.38)
        #expect(LedgerColumn.rounded(2479.715, decimals: 2) == 2479.72)
        #expect(LedgerColumn.rounded(2479.725, decimals: 2) == 2479.72)
        #expect(LedgerColumn.rounded(-0.001, decimals: 2).sign == .plus)
        #expect(LedgerColumn.rounded(-3.14159, decimals: 3) == -3.142)
        #expect(LedgerColumn.rounded(1e17 + 16, decimals: 2) == 1e17 + 16)
    }

    /// A million values of every size and sign, with 0 to 9 decimals, and values one step either side
    /// of a half: each equals printf's figure exactly.
    @Test func equalsPrintfOnManyValues() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {  // SplitMix64
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var mismatches: [String] = []
        for _ in 0..<1_000_000 {
            let bits = next()
            let decimals = Int(bits % 10)
            let magnitude = pow(10, Double(Int((bits >> 8) % 19)) - 4)
            var value = Double(next() >> 11) / Double(1 << 53) * magnitude * (bits & 1 == 0 ? 1 : -1)
            switch (bits >> 4) % 4 {
            case 0:  // one step either side of a decimal half
                let scale = pow(10, Double(decimals))
                let half = ((value * scale).rounded(.down) + 0.5) / scale
                value = (bits >> 6) & 1 == 0 ? half.nextUp : half.nextDown
            case 1: value = value.rounded() + 0.5  // an exact binary half
            default: break
            }
            let got = LedgerColumn.rounded(value, decimals: decimals), want = Self.printed(value, decimals)
            if got != want || got.sign != want.sign { mismatches.append("\(value) with \(decimals): \(got) ≠ \(want)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }
}
