// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Sluice",
    products: [
        .executable(name: "sluice", targets: ["sluice"]),
        .library(name: "SluiceKit", targets: ["SluiceKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"])]
        ),
        // The shipped rule files, embedded into the binary so that `sluice` works from any
        // directory. The only source file is the table that names them.
        .target(
            name: "SluiceRules",
            path: "Rules",
            sources: ["EmbeddedRuleFiles.swift"],
            resources: [
                .embedInCode("default.rules"),
                .embedInCode("ads.rules"),
                .embedInCode("social.rules"),
                .embedInCode("read-more.rules"),
                .embedInCode("publisher.rules"),
                .embedInCode("appeals.rules"),
                .embedInCode("navigation.rules"),
                .embedInCode("news.rules"),
            ]
        ),
        .target(
            name: "SluiceKit",
            dependencies: ["CPCRE2", "SluiceRules"],
            // Release builds skip the run-time exclusivity checks: every access to a stage's
            // stored properties paid one (about a tenth of the default chain's time). Debug
            // builds, which the tests run, keep them, so a violation still traps there.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
        ),
        .executableTarget(
            name: "sluice",
            dependencies: [
                "SluiceKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "SluiceKitTests",
            dependencies: ["SluiceKit"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "SluiceCLITests",
            dependencies: ["sluice"],
            exclude: ["Fixtures"]
        ),
    ]
)

// libFuzzer targets (scripts/fuzz). Each is one file exporting `LLVMFuzzerTestOneInput` with
// no `main`, so it links only with `--sanitize fuzzer`: they exist only when SLUICE_FUZZ is
// set, and a plain `swift build` or `swift test` never sees them.
if Context.environment["SLUICE_FUZZ"] != nil {
    for name in ["FuzzRuleParser", "FuzzPipeline", "FuzzJSONL"] {
        package.targets.append(.executableTarget(name: name, dependencies: ["SluiceKit"]))
    }
}
