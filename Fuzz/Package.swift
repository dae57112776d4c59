// swift-tools-version: 6.1

// libFuzzer harnesses for Specsmith, kept out of the main package so that `swift test` never needs
// fuzzer flags. Run one with `Scripts/fuzz.sh HARNESS SECONDS` from the repository root.
//
// The main package exports no library of its YAML layer or core, so the code under test is built from a
// snapshot of the main package's sources that the script takes from git (Snapshot/, git-ignored): the
// committed code, not files someone is halfway through editing. FUZZ_SNAPSHOT=worktree takes the
// working tree instead.

import PackageDescription

/// A harness has no `main`: libFuzzer's runs it and calls `LLVMFuzzerTestOneInput`.
let harness: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "SpecsmithFuzz",
    targets: [
        .systemLibrary(name: "CYAML", path: "Snapshot/Sources/CYAML", pkgConfig: "yaml-0.1"),
        .target(name: "SpecsmithDiagnostics", path: "Snapshot/Sources/SpecsmithDiagnostics"),
        .target(
            name: "SpecsmithYAML",
            dependencies: ["CYAML", "SpecsmithDiagnostics"],
            path: "Snapshot/Sources/SpecsmithYAML"
        ),
        .target(name: "SpecsmithPattern", path: "Snapshot/Sources/SpecsmithPattern"),
        .target(
            name: "SpecsmithCore",
            dependencies: [
                "SpecsmithYAML",
                "SpecsmithDiagnostics",
                "SpecsmithPattern",
            ],
            path: "Snapshot/Sources/SpecsmithCore",
            plugins: ["EmbedTemplates"]
        ),
        // The plugin embeds Templates/*.mustache (a copy the script makes) with this package's own build
        // of the tool, which works although libFuzzer is linked into it (see its source).
        .executableTarget(name: "specsmith-embed", path: "Plugins/EmbedTemplatesTool"),
        .plugin(
            name: "EmbedTemplates",
            capability: .buildTool(),
            dependencies: ["specsmith-embed"],
            path: "Snapshot/Plugins/EmbedTemplates"
        ),

        // Bytes -> YAMLLoader.load: the node tree, limits, scalar meaning.
        .executableTarget(name: "FuzzYAML", dependencies: ["SpecsmithYAML"], swiftSettings: harness),
        // Bytes -> DocumentLoader.load: the typed document, references, diagnostics.
        .executableTarget(name: "FuzzLoader", dependencies: ["SpecsmithCore"], swiftSettings: harness),
        // Bytes -> load, translate and render, in memory: the whole generation of one document.
        .executableTarget(name: "FuzzGenerate", dependencies: ["SpecsmithCore"], swiftSettings: harness),
    ],
    swiftLanguageModes: [.v6]
)
