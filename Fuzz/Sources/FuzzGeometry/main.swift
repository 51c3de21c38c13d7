import Foundation
import FuzzSupport
@testable import ZoneCalc

/// libFuzzer's entry: any bytes, taken as WKB, must be read, checked, repaired and measured — or refused
/// with a typed error — without a crash, a trap or a leak.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzGeometry(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let bytes = start else { return 0 }
    let wkb = Array(UnsafeBufferPointer(start: bytes, count: count))
    _ = WKBCoordinates.allFinite(wkb)
    var ring: [XY] = []
    let simple = wkb.withUnsafeBytes { CertainlySimpleRing.read($0, into: &ring) }
    let context = GEOSContext()
    guard let geometry = try? Geometry.fromWKB(wkb, context: context) else { return 0 }
    let problem = try? geometry.validityProblem()
    // The simplicity test may only accept what GEOS calls valid.
    if simple, problem != nil { fatalError("accepted a ring GEOS calls invalid: \(ring)") }
    let fixed = (try? geometry.makeValid()) ?? geometry
    _ = try? fixed.area()
    _ = try? fixed.pointOnSurface()
    _ = fixed.parts.map(\.kind)
    _ = try? fixed.wkb()
    return 0
}

exit(runFuzzer { fuzzGeometry($0, $1) })
