import Foundation
import FuzzSupport
@testable import ZoneCalc

/// libFuzzer's entry: any bytes must give a parsed file or a typed error, never a crash or a trap.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzBoundaryTxt(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let bytes = start else { return 0 }
    let data = Data(bytes: bytes, count: count)
    guard let reader = try? BoundaryTxtLayerReader(data: data, sourceName: "fuzz.txt") else { return 0 }
    var options = AreaOptions()
    options.methods = AreaMethod.allCases
    options.workers = 1
    _ = try? AreaJob.run(reader, options: options)
    return 0
}

exit(runFuzzer { fuzzBoundaryTxt($0, $1) })
