import Foundation
import ZoneCalc

/// The engine's JSON result of a check (`zonecalc proposal check --format json`), as far as the check
/// page shows it: the verdict, the areas, every rule with its reason, documents and conflict pieces.
struct CheckResult: Decodable {
    struct Area: Decodable { var ellipsoidalSquareMetres: Double? }
    struct Areas: Decodable { var approved: Area; var removed: Area; var added: Area; var after: Area }
    struct Piece: Decodable {
        var kind: Bilingual
        var label: String
        var area: Area
        /// Easting and northing of a point inside the piece, in the zone's CRS.
        var x: Double
        var y: Double
    }
    struct Rule: Decodable {
        var id: String
        var title: Bilingual
        var outcome: String
        var reason: Bilingual
        var documents: String
        var pieces: [Piece]
    }

    var zone: String
    var code: String?
    var kind: String
    var crs: String
    var method: String
    var verdict: String
    var areas: Areas
    var rules: [Rule]
    var notes: [Bilingual]

    /// The result in the file at `url`; nil when it is missing or not the engine's JSON.
    static func load(_ url: URL) -> CheckResult? {
        (try? Data(contentsOf: url)).flatMap { try? JSONDecoder().decode(CheckResult.self, from: $0) }
    }
}
