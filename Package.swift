// swift-tools-version: 6.1

import PackageDescription

let package = Package(
    name: "Specsmith",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "specsmith", targets: ["specsmith"]),
        .library(name: "SpecsmithRuntime", targets: ["SpecsmithRuntime"]),
        .library(name: "EvalAPI", targets: ["EvalAPI"]),
        .plugin(name: "GenerateCode", targets: ["GenerateCode"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.3.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
    ],
    targets: [
        // The system's libyaml. Only SpecsmithYAML imports it.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // Source locations and compiler-style diagnostics, shared by every stage.
        .target(name: "SpecsmithDiagnostics"),
        // Stage 1: bytes -> YAML node tree with locations, limits and YAML 1.2 core-schema meaning.
        .target(name: "SpecsmithYAML", dependencies: ["CYAML", "SpecsmithDiagnostics"]),
        // Stages 2-4: node tree -> OpenAPI document -> generation model -> rendered files.
        .target(
            name: "SpecsmithCore",
            dependencies: [
                "SpecsmithYAML",
                "SpecsmithDiagnostics",
                "SpecsmithPattern",
            ],
            plugins: ["EmbedTemplates"]
        ),
        // What generated code calls: validation, request building, redaction.
        .target(
            name: "SpecsmithRuntime",
            dependencies: ["SpecsmithPattern", .product(name: "HTTPTypes", package: "swift-http-types")]
        ),
        // JSON Schema's `pattern` (ECMA-262) on NSRegularExpression: the runtime validates with it and
        // the generator checks specs with it. Foundation only, so the generator links no networking.
        .target(name: "SpecsmithPattern"),
        // Generated from specs/eval.yaml by `swift run specsmith generate`. Do not edit by hand.
        .target(name: "EvalAPI", dependencies: ["SpecsmithRuntime"]),
        .executableTarget(
            name: "specsmith",
            dependencies: [
                "SpecsmithCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "specsmith-bench",
            dependencies: ["SpecsmithCore", "SpecsmithDiagnostics", "SpecsmithYAML", "EvalAPI", "GeneratedPackage"]
        ),
        // Generates and builds every OpenAPI document of a folder: `swift run -c release specsmith-corpus DIR`.
        .executableTarget(name: "specsmith-corpus", dependencies: ["SpecsmithCore", "GeneratedPackage"]),
        // What specsmith-corpus and `specsmith-bench compile` share: a temporary package of generated targets, measured builds.
        .target(name: "GeneratedPackage", dependencies: ["SpecsmithCore"]),
        // Turns Templates/*.mustache into Swift string constants so the binary carries its defaults.
        .executableTarget(name: "specsmith-embed", path: "Plugins/EmbedTemplatesTool"),
        .plugin(name: "EmbedTemplates", capability: .buildTool(), dependencies: ["specsmith-embed"]),
        .plugin(
            name: "GenerateCode",
            capability: .command(
                intent: .custom(verb: "generate-code", description: "Regenerate Swift code from the specs in specsmith.yaml"),
                permissions: [.writeToPackageDirectory(reason: "Writes the generated Swift sources named in specsmith.yaml")]
            ),
            dependencies: ["specsmith"]
        ),
        .testTarget(name: "SpecsmithDiagnosticsTests", dependencies: ["SpecsmithDiagnostics"]),
        // Test fixtures are read from the source tree (via #filePath), not bundled as resources.
        .testTarget(name: "SpecsmithYAMLTests", dependencies: ["SpecsmithYAML"], exclude: ["Fixtures"]),
        .testTarget(name: "SpecsmithCoreTests", dependencies: ["SpecsmithCore"], exclude: ["Fixtures", "Golden"]),
        .testTarget(name: "SpecsmithRuntimeTests", dependencies: ["SpecsmithRuntime", "SpecsmithPattern"]),
        .testTarget(name: "EvalAPITests", dependencies: ["EvalAPI", "SpecsmithRuntime"]),
        // The generated client against a loopback Hummingbird server that validates with the generated validators.
        .testTarget(
            name: "EvalAPIEndToEndTests",
            dependencies: [
                "EvalAPI", "SpecsmithRuntime", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The client that Tests/GeneratedClientTests/decoding.yaml generates, decoding canned responses.
        .testTarget(
            name: "GeneratedClientTests",
            dependencies: ["SpecsmithRuntime", .product(name: "HTTPTypes", package: "swift-http-types")],
            exclude: ["decoding.yaml"]
        ),
        // The client that Tests/OpenAPI32ClientTests/library.yaml, an OpenAPI 3.2 document, generates.
        .testTarget(
            name: "OpenAPI32ClientTests",
            dependencies: ["SpecsmithRuntime", .product(name: "HTTPTypes", package: "swift-http-types")],
            exclude: ["library.yaml"]
        ),
        // Runs the JSON Schema Test Suite (../shared/json-schema-test-suite) through the generator's rules.
        .testTarget(name: "ConformanceTests", dependencies: ["SpecsmithCore", "SpecsmithRuntime", "SpecsmithYAML"]),
    ],
    swiftLanguageModes: [.v6]
)
