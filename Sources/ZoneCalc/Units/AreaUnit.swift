import Foundation

/// A unit for reporting areas. Areas are kept in m² and converted once, for output
/// (exact unit definitions: 1 亩 = 2000/3 m² exactly, 1 公顷 = 10 000 m² = 15 亩, 1 km² = 1500 亩).
public enum AreaUnit: String, CaseIterable, Sendable {
    case squareMetre = "m2"
    case hectare = "ha"
    case mu = "mu"
    case squareKilometre = "km2"

    /// The unit a planner typed: its code (`m2`, `ha`, `mu`, `km2`), its Chinese name (平方米, 公顷, 亩,
    /// 平方公里) or its symbol (m², ㎡, km²); nil for anything else.
    public init?(name: String) {
        let names: [String: AreaUnit] = [
            "m2": .squareMetre, "m²": .squareMetre, "㎡": .squareMetre, "平方米": .squareMetre,
            "ha": .hectare, "公顷": .hectare,
            "mu": .mu, "亩": .mu,
            "km2": .squareKilometre, "km²": .squareKilometre, "平方公里": .squareKilometre, "平方千米": .squareKilometre,
        ]
        guard let unit = names[name.trimmingCharacters(in: .whitespaces).lowercased()] else { return nil }
        self = unit
    }

    /// Square metres in one unit.
    public var squareMetres: Double {
        switch self {
        case .squareMetre: return 1
        case .hectare: return 10_000
        case .mu: return 2000.0 / 3.0
        case .squareKilometre: return 1_000_000
        }
    }

    /// `squareMetres` expressed in this unit. Divides by the exact factor; for 亩 multiplies by 3/2000
    /// so that 1 km² gives exactly 1500.
    public func value(ofSquareMetres squareMetres: Double) -> Double {
        self == .mu ? squareMetres * 3 / 2000 : squareMetres / self.squareMetres
    }

    /// `squareMetres` in this unit as report text with `decimals` places.
    public func text(squareMetres: Double, decimals: Int) -> String {
        NumberText.fixed(value(ofSquareMetres: squareMetres), decimals: decimals)
    }

    /// Decimals that keep a figure's precision by default: m² 2, 公顷 and 亩 4, km² 6.
    public var defaultDecimals: Int {
        switch self {
        case .squareMetre: return 2
        case .hectare, .mu: return 4
        case .squareKilometre: return 6
        }
    }

    /// The label used in tables and file headers.
    public var label: String {
        switch self {
        case .squareMetre: return "m²"
        case .hectare: return "公顷"
        case .mu: return "亩"
        case .squareKilometre: return "km²"
        }
    }

    /// The unit's name in a heading: 平方米 / m², 公顷 / ha, 亩 / mu, 平方公里 / km².
    public var name: Bilingual {
        switch self {
        case .squareMetre: return Bilingual("平方米", "m²")
        case .hectare: return Bilingual("公顷", "ha")
        case .mu: return Bilingual("亩", "mu")
        case .squareKilometre: return Bilingual("平方公里", "km²")
        }
    }

    /// An ASCII column-name suffix for files whose readers dislike other characters.
    public var fieldSuffix: String { rawValue.uppercased() }
}
