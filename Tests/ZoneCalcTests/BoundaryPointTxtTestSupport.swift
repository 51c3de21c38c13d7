import Foundation
import ZoneCalc

/// Helpers shared by the boundary-point txt tests.
enum BoundaryTxtSamples {
    /// The five lines every synthetic file starts with, so that the first parcel header is
    /// line 6 and its first point line 7.
    static let preamble = """
        [属性描述]
        坐标系=2000国家大地坐标系
        几度分带=3
        带号=40
        [地块坐标]
        """

    /// A closed 100 m square in zone 40 (prefixed eastings), `J1,J2,J3,J4,J1`, ring 1.
    static let squarePoints = """
        J1,1,3353400.000,40520800.000
        J2,1,3353400.000,40520900.000
        J3,1,3353300.000,40520900.000
        J4,1,3353300.000,40520800.000
        J1,1,3353400.000,40520800.000
        """

    /// The URL of a file in `Fixtures/boundary-txt`.
    static func fixture(_ name: String) throws -> URL {
        let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Fixtures/boundary-txt")
        guard let url else { throw FixtureMissing(name: name) }
        return url
    }

    /// Reads `text` encoded as UTF-8 (no BOM) under the name `t.txt`.
    static func read(_ text: String) throws(BoundaryPointTxtError) -> BoundaryPointTxtReadResult {
        try BoundaryPointTxtReader.read(data: Data(text.utf8), sourceName: "t.txt")
    }

    /// The error reading `text` (UTF-8) throws, or `nil` when it reads.
    static func failure(_ text: String) -> BoundaryPointTxtError? {
        failure(Data(text.utf8))
    }

    /// The error reading `data` throws, or `nil` when it reads.
    static func failure(_ data: Data) -> BoundaryPointTxtError? {
        do throws(BoundaryPointTxtError) {
            _ = try BoundaryPointTxtReader.read(data: data, sourceName: "t.txt")
            return nil
        } catch {
            return error
        }
    }

    /// The one parcel of `preamble + header + squarePoints`.
    static func parcel(withHeader header: String) throws -> (parcel: BoundaryParcel, warnings: [BoundaryPointTxtWarning]) {
        let result = try read(preamble + "\n" + header + "\n" + squarePoints + "\n")
        return (result.document.parcels[0], result.warnings)
    }

    /// Twice the signed shoelace area (x = easting, y = northing): positive when counter-clockwise.
    static func twiceSignedArea(_ points: [BoundaryPoint]) -> Double {
        zip(points, points.dropFirst()).reduce(0) { sum, pair in
            sum + pair.0.easting * pair.1.northing - pair.1.easting * pair.0.northing
        }
    }

    /// Whether two lists of `[easting, northing]` agree to within `tolerance` metres
    /// (eastings with a zone prefix subtracted are not exact binary fractions).
    static func coordinatesMatch(_ actual: [[Double]], _ expected: [[Double]], tolerance: Double = 1e-6) -> Bool {
        actual.count == expected.count && zip(actual, expected).allSatisfy { a, e in
            a.count == e.count && zip(a, e).allSatisfy { abs($0 - $1) <= tolerance }
        }
    }

    struct FixtureMissing: Error { var name: String }
}
