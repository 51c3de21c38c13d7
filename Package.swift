// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ZoneCalc",
    products: [
        .library(name: "ZoneCalc", targets: ["ZoneCalc"]),
        .executable(name: "zonecalc", targets: ["zonecalc"]),
        .executable(name: "zonecalc-serve", targets: ["zonecalc-serve"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // The intranet service only (Docs/Decisions/0013-service-stack.md).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
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
        // The intranet service: pages, API, accounts, the record of checks, over the library.
        .target(name: "ZoneCalcService", dependencies: [
            "ZoneCalc",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            .product(name: "MultipartKit", package: "multipart-kit"),
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ], resources: [.copy("Resources/openapi.json"), .copy("Resources/check-map.js")]),
        // The service's command: serve, and manage accounts.
        .executableTarget(name: "zonecalc-serve", dependencies: [
            "ZoneCalcService",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "GeoBridgeTests", dependencies: ["GeoBridge"]),
        .testTarget(name: "ZoneCalcTests", dependencies: ["ZoneCalc"], resources: [.copy("Fixtures")]),
        .testTarget(name: "CLITests", dependencies: ["zonecalc", "GeoBridge"]),
        .testTarget(name: "ServiceTests", dependencies: [
            "ZoneCalcService", "zonecalc-serve",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ]),
    ]
)
