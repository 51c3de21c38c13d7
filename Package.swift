// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ZoneCalc",
    products: [
        .library(name: "ZoneCalc", targets: ["ZoneCalc"]),
        .executable(name: "zonecalc", targets: ["zonecalc"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // C shims: a module map and a header each, nothing else.
        .systemLibrary(name: "CGEOS", path: "Sources/CGEOS", pkgConfig: "geos",
                       providers: [.apt(["libgeos-dev"])]),
        .systemLibrary(name: "CPROJ", path: "Sources/CPROJ", pkgConfig: "proj",
                       providers: [.apt(["libproj-dev"])]),
        .systemLibrary(name: "CGDAL", path: "Sources/CGDAL", pkgConfig: "gdal",
                       providers: [.apt(["libgdal-dev"])]),
        // The only code that imports C.
        .target(name: "GeoBridge", dependencies: ["CGEOS", "CPROJ", "CGDAL"]),
        // Domain model, analyses, formats and outputs, in Swift only.
        .target(name: "ZoneCalc", dependencies: ["GeoBridge", "Yams"], resources: [.copy("Rules"), .copy("Templates")]),
        // The command line: parses, calls the library, prints.
        .executableTarget(name: "zonecalc", dependencies: [
            "ZoneCalc",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "GeoBridgeTests", dependencies: ["GeoBridge"]),
        .testTarget(name: "ZoneCalcTests", dependencies: ["ZoneCalc"], resources: [.copy("Fixtures")]),
        .testTarget(name: "CLITests", dependencies: ["zonecalc", "GeoBridge"]),
    ]
)
