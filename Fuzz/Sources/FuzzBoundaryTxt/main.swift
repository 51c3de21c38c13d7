import Foundation
import FuzzSupport
@testable import ZoneCalc

/// The PROJ context and the area calculators of the whole run, one per CRS met: building a calculator
/// (PROJ's database, the transforms) costs milliseconds, which would leave the reader barely fuzzed.
nonisolated(unsafe) let proj = ProjContext()
nonisolated(unsafe) var calculators: [String: AreaCalculator] = [:]

/// libFuzzer's entry: any bytes must give a parsed file or a typed error, never a crash or a trap — the
/// header and its encoding, the parcels and rings, the CRS the header and the coordinates imply, and every
/// parcel measured in every method as `zonecalc area` measures it.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzBoundaryTxt(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let bytes = start else { return 0 }
    guard let reader = try? BoundaryTxtLayerReader(data: Data(bytes: bytes, count: count), sourceName: "fuzz.txt"),
          let crs = try? CRSResolver.resolve(declared: reader.declaredCRS, override: nil, bounds: (try? reader.extent()) ?? nil,
                                             source: "fuzz.txt", context: proj) else { return 0 }
    if calculators[crs.definition] == nil {
        if calculators.count > 256 { calculators.removeAll() }
        calculators[crs.definition] = try? AreaCalculator(crs: crs, methods: AreaMethod.allCases)
    }
    guard let calculator = calculators[crs.definition] else { return 0 }
    var options = AreaOptions()
    if let declared = reader.declaredAreaField { (options.declaredField, options.declaredUnit) = (declared.name, declared.unit) }
    guard let wanted = try? FieldSelection(reader: reader, options: options) else { return 0 }
    let rules = AreaJob.MeasureRules(wanted: wanted, skipInvalid: false, keepAllRows: true,
                                     declared: options.declaredField.map { _ in AreaJob.DeclaredRule(unit: options.declaredUnit, tolerance: 0.001) })
    var batch = AreaJob.MeasuredBatch()
    try? reader.read(fieldIndices: wanted.indices, swapXY: false) { feature in
        BorrowedFeature.lending(feature) { AreaJob.measure($0, with: calculator, rules: rules, into: &batch) }
    }
    return 0
}

exit(runFuzzer { fuzzBoundaryTxt($0, $1) })
