// The scaffolding that specsmith-corpus and `specsmith-bench compile` share: a temporary SwiftPM package
// with one library target per generated document, each depending on this repository's SpecsmithRuntime
// (so the runtime is built once per configuration), and `swift build` runs on it, measured.
import Foundation
import SpecsmithCore
import SpecsmithDiagnostics

/// A temporary package at `folder`: `Package.swift` and `Sources/<Module>/` per generated document.
public struct GeneratedPackage: Sendable {
    /// The package's folder.
    public var folder: String
    /// This repository, which the package depends on by path.
    public var repository: String

    /// The repository this file belongs to (three folders above `Sources/GeneratedPackage/<file>`).
    public static let thisRepository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    public init(folder: String, repository: String = GeneratedPackage.thisRepository) {
        self.folder = folder
        self.repository = repository
    }

    /// A module name from a file name: `tradovate-2021.yaml` -> `Tradovate2021`.
    public static func moduleName(_ file: String) -> String {
        let base = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        let words = base.split { !$0.isLetter && !$0.isNumber }.map { $0.prefix(1).uppercased() + $0.dropFirst() }
        let name = words.joined()
        return (name.first?.isNumber ?? true) ? "Doc" + name : name
    }

    /// Empties `Sources/` (and creates the folder if needed).
    public func resetSources() throws {
        try? FileManager.default.removeItem(atPath: folder + "/Sources")
        try FileManager.default.createDirectory(atPath: folder + "/Sources", withIntermediateDirectories: true)
    }

    /// Removes `Sources/`, keeping the build folder for the next run.
    public func removeSources() {
        try? FileManager.default.removeItem(atPath: folder + "/Sources")
    }

    /// What generating one document into the package gave.
    public struct Generation: Sendable {
        /// Every diagnostic; `files` is `nil` when one of them is an error.
        public var diagnostics: [Diagnostic]
        public var files: [GeneratedFile]?
        /// Lines of all generated files together.
        public var lines: Int
    }

    /// Generates `spec` as module `module` into `Sources/<module>`; writes nothing when it has errors.
    public func generate(spec: String, module: String, pipeline: Pipeline) throws -> Generation {
        let output = folder + "/Sources/" + module
        let result = pipeline.generate(GenerationJob(spec: spec, output: output, module: module))
        guard let files = result.files else { return Generation(diagnostics: result.diagnostics, files: nil, lines: 0) }
        let writer = OutputWriter()
        try writer.apply(writer.plan(files, in: output))
        let lines = files.reduce(0) { total, file in
            total + file.contents.utf8.count(where: { $0 == UInt8(ascii: "\n") })
        }
        return Generation(diagnostics: result.diagnostics, files: files, lines: lines)
    }

    /// Writes `Package.swift` with one library target per module, each depending on SpecsmithRuntime.
    public func writeManifest(modules: [String]) throws {
        let repositoryName = (repository as NSString).lastPathComponent
        let targets = modules.map {
            "        .target(name: \"\($0)\", dependencies: [.product(name: \"SpecsmithRuntime\", package: \"\(repositoryName)\")]),"
        }
        let manifest = """
            // swift-tools-version: 6.1
            // Written by Specsmith's GeneratedPackage: one target per generated document.
            import PackageDescription

            let package = Package(
                name: "SpecsmithGenerated",
                platforms: [.macOS(.v13)],
                dependencies: [.package(path: \(String(reflecting: repository)))],
                targets: [
            \(targets.joined(separator: "\n"))
                ],
                swiftLanguageModes: [.v6]
            )

            """
        try manifest.write(toFile: folder + "/Package.swift", atomically: true, encoding: .utf8)
    }

    /// Runs `swift build --package-path FOLDER [--target TARGET] -c CONFIGURATION [ARGUMENTS...]` and measures it.
    public func build(_ target: String?, configuration: String = "debug", arguments: [String] = []) throws -> MeasuredRun {
        try MeasuredRun.run(
            ["swift", "build", "--package-path", folder, "-c", configuration] + (target.map { ["--target", $0] } ?? [])
                + arguments
        )
    }

    /// Deletes what compiling `module` in `configuration` wrote (objects, dependency records, the
    /// module files), so that its next build is a clean one while everything it depends on stays built.
    /// The two files that planning the build writes (`output-file-map.json`, `sources`) are kept: without
    /// them the build fails. (Only touching the sources is not enough: in debug the incremental driver,
    /// finding its records, does roughly a third less work than a clean build.)
    public func removeBuildOutputs(of module: String, configuration: String) {
        let manager = FileManager.default
        let build = folder + "/.build"
        for triple in (try? manager.contentsOfDirectory(atPath: build)) ?? [] {
            let products = build + "/" + triple + "/" + configuration
            let objects = products + "/" + module + ".build"
            for name in (try? manager.contentsOfDirectory(atPath: objects)) ?? []
            where name != "output-file-map.json" && name != "sources" {
                try? manager.removeItem(atPath: objects + "/" + name)
            }
            for name in (try? manager.contentsOfDirectory(atPath: products + "/Modules")) ?? []
            where name.hasPrefix(module + ".") {
                try? manager.removeItem(atPath: products + "/Modules/" + name)
            }
        }
    }

    /// The first compiler error of a failed build's output, with its place and without the package folder.
    public func firstError(in output: String) -> String {
        let lines = output.split(separator: "\n")
        let first =
            lines.first { $0.contains(".swift:") && $0.contains(": error:") } ?? lines.first { $0.contains("error:") }
            ?? "failed"
        return String(first.replacingOccurrences(of: folder + "/", with: "").prefix(100))
    }
}
