import Foundation
import GeoBridge

/// The ellipsoidal-trapezoid area series of 国土调查办发〔2008〕32号, for one ellipsoid.
///
/// The area between parallels B1 < B2 and meridians ΔL apart is
/// `S = 2b²ΔL [A sin(ΔB/2) cos Bm − B sin(3ΔB/2) cos 3Bm + C sin(5ΔB/2) cos 5Bm − D sin(7ΔB/2) cos 7Bm + E sin(9ΔB/2) cos 9Bm]`
/// with ΔB = B2 − B1, Bm = (B1 + B2)/2 and A…E from e² as below. ``ConvergedEllipsoidalArea`` sums these
/// trapezoids along a polygon's edges.
public struct EllipsoidalTrapezoid: Sendable {
    public let semiMinorAxis: Double
    public let eccentricitySquared: Double
    let a, b, c, d, e: Double

    public init(semiMajorAxis: Double, inverseFlattening: Double) {
        let f = 1 / inverseFlattening
        let e2 = f * (2 - f)
        let e4 = e2 * e2, e6 = e4 * e2, e8 = e6 * e2
        semiMinorAxis = semiMajorAxis * (1 - f)
        eccentricitySquared = e2
        a = 1 + (3.0 / 6) * e2 + (30.0 / 80) * e4 + (35.0 / 112) * e6 + (630.0 / 2304) * e8
        b = (1.0 / 6) * e2 + (15.0 / 80) * e4 + (21.0 / 112) * e6 + (420.0 / 2304) * e8
        c = (3.0 / 80) * e4 + (7.0 / 112) * e6 + (180.0 / 2304) * e8
        d = (1.0 / 112) * e6 + (45.0 / 2304) * e8
        e = (5.0 / 2304) * e8
    }

    /// The CGCS2000 ellipsoid (a = 6 378 137 m, 1/f = 298.257222101), used by 三调.
    public static let cgcs2000 = EllipsoidalTrapezoid(semiMajorAxis: 6_378_137, inverseFlattening: 298.257222101)

    /// The bracket of the series times 2, i.e. `S / (b² ΔL)`, for latitudes in radians.
    /// sin(kΔB/2) and cos(kBm) for k = 3, 5, 7, 9 come from the Chebyshev recurrence
    /// f((k+2)x) = 2 cos(2x) f(kx) − f((k−2)x), so each edge costs four trigonometric calls, not ten.
    @inline(__always)
    func strip(_ b1: Double, _ b2: Double) -> Double {
        let half = (b2 - b1) / 2, mid = (b1 + b2) / 2
        let s1 = sin(half), c1 = cos(mid)
        let twoCos2h = 2 * (1 - 2 * s1 * s1), twoCos2m = 2 * (2 * c1 * c1 - 1)
        let s3 = s1 * (twoCos2h + 1), c3 = c1 * (twoCos2m - 1)
        let s5 = twoCos2h * s3 - s1, c5 = twoCos2m * c3 - c1
        let s7 = twoCos2h * s5 - s3, c7 = twoCos2m * c5 - c3
        let s9 = twoCos2h * s7 - s5, c9 = twoCos2m * c7 - c5
        return 2 * (a * s1 * c1 - b * s3 * c3 + c * s5 * c5 - d * s7 * c7 + e * s9 * c9)
    }

    /// Area (m²) of the trapezoid between latitudes `b1`, `b2` and a longitude span `deltaL`, all in radians.
    public func trapezoidArea(latitude1 b1: Double, latitude2 b2: Double, longitudeSpan deltaL: Double) -> Double {
        semiMinorAxis * semiMinorAxis * deltaL * strip(b1, b2)
    }

    /// The exact closed form `b² ΔL [q(B2) − q(B1)]` the series expands (国土调查办发〔2008〕32号), for checking.
    public func closedFormTrapezoidArea(latitude1 b1: Double, latitude2 b2: Double, longitudeSpan deltaL: Double) -> Double {
        let ecc = eccentricitySquared.squareRoot()
        func q(_ phi: Double) -> Double {
            let s = sin(phi)
            return s / (1 - eccentricitySquared * s * s) + log((1 + ecc * s) / (1 - ecc * s)) / (2 * ecc)
        }
        return semiMinorAxis * semiMinorAxis * deltaL * (q(b2) - q(b1)) / 2
    }
}
