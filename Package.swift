// swift-tools-version:6.0
import PackageDescription

// scaffold has no package dependencies, by design: everything here is built from the toolchain's
// Foundation, Dispatch and test libraries.
let package = Package(
    name: "scaffold",
    products: [
        .executable(name: "scaffold", targets: ["scaffold"]),
        // Blueprint.swift files import this module; the loader links them against the dynamic
        // library, the way SwiftPM links Package.swift against PackageDescription.
        .library(name: "BlueprintDescription", type: .dynamic, targets: ["BlueprintDescription"]),
    ],
    dependencies: [],
    targets: [
        .target(name: "BlueprintDescription"),
        .target(name: "Mustache"),
        .target(name: "ScaffoldCore", dependencies: ["BlueprintDescription", "Mustache"]),
        .target(name: "ScaffoldKit", dependencies: ["ScaffoldCore", "Mustache"]),
        .executableTarget(name: "scaffold", dependencies: ["ScaffoldKit"]),
        .testTarget(name: "MustacheTests", dependencies: ["Mustache"]),
        .testTarget(name: "ScaffoldCoreTests", dependencies: ["ScaffoldCore"]),
        // The import fixtures are compose stacks with their sources, read by the tests at run time.
        .testTarget(name: "ScaffoldTests", dependencies: ["ScaffoldKit"], exclude: ["Import/Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
