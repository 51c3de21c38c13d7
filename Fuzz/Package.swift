// swift-tools-version:6.0
import Foundation
import PackageDescription

// SwiftPM names a path dependency after its folder, whatever the checkout is called.
let main = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent.lowercased()

// Fuzz targets for libFuzzer (Swift's -sanitize=fuzzer on Linux), built and run by Scripts/fuzz.sh.
// A package of its own, so the main package's build and tests are untouched.
let package = Package(
    name: "ZoneCalcFuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .target(name: "FuzzSupport"),
        // Bytes → boundary-point txt reader (encoding and header detection, parsing) → polygons → areas.
        .executableTarget(name: "FuzzBoundaryTxt", dependencies: ["FuzzSupport", .product(name: "ZoneCalc", package: main)]),
        // Bytes as WKB → GeoBridge intake (GEOS reading, validity, make-valid) and ZoneCalc's own WKB readers.
        .executableTarget(name: "FuzzGeometry", dependencies: ["FuzzSupport", .product(name: "ZoneCalc", package: main)]),
    ]
)
