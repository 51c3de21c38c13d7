import GeoBridge

/// A declared area as written in the data: its value and how many decimals it was written with, so it
/// is compared at its own precision (0.0433 公顷 stands for anything from 0.04325 to 0.04335 公顷).
public struct DeclaredArea: Sendable, Equatable {
    /// The value in its own unit.
    public var value: Double
    /// Decimals written; nil when unknown (then only the tolerance applies).
    public var decimals: Int?

    public init(value: Double, decimals: Int?) {
        self.value = value; self.decimals = decimals
    }

    /// Half a unit of the last decimal written, in the value's unit (0 when the decimals are unknown).
    public var halfLastUnit: Double {
        guard let decimals else { return 0 }
        var unit = 0.5
        for _ in 0..<decimals { unit /= 10 }
        return unit
    }

    /// Reads a field value: numbers written as text keep their decimals; a real field gives the
    /// decimals its format declares (a DBF field's precision), else none are known (a stored binary
    /// number has lost its trailing zeros: 1.0000 公顷 reads back as 1) and only the tolerance applies.
    /// nil when the value is missing or not a number.
    public init?(_ value: FieldValue, fieldPrecision: Int) {
        switch value {
        case .integer(let v):
            self.init(value: Double(v), decimals: 0)
        case .real(let v):
            guard v.isFinite else { return nil }
            self.init(value: v, decimals: fieldPrecision > 0 ? fieldPrecision : nil)
        case .string(let text):
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard let v = Double(trimmed), v.isFinite else { return nil }
            self.init(value: v, decimals: Self.decimals(in: trimmed))
        default:
            return nil
        }
    }

    /// Digits after the decimal point of a plain decimal number; nil for exponent forms.
    static func decimals(in text: String) -> Int? {
        guard !text.contains(where: { $0 == "e" || $0 == "E" }) else { return nil }
        guard let point = text.firstIndex(of: ".") else { return 0 }
        return text[text.index(after: point)...].count
    }

    /// Whether the declared area (in `unit`) and a computed one (m²) differ by more than half a unit
    /// of the last decimal written plus `tolerance` (relative to the computed area).
    public func differs(from computed: Double, unit: AreaUnit, tolerance: Double) -> Bool {
        abs(value * unit.squareMetres - computed) > halfLastUnit * unit.squareMetres + tolerance * abs(computed)
    }
}
