import Foundation
import SpecsmithCore
import SpecsmithDiagnostics
import Testing

/// Golden tests: generated code compared byte for byte with files checked into the repository.
///
/// - The eval library (`Sources/EvalAPI`) must be exactly what `specs/eval.yaml` generates.
/// - Each folder under `Golden/` holds a small `spec.yaml` and, under `expected/`, the files it
///   must generate (module `Golden`).
///
/// Set `SPECSMITH_RECORD=1` to rewrite the expected files of the fixture cases; a recording run
/// still fails, so it cannot pass by accident.
@Suite struct GoldenTests {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let packageRoot = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    static let goldenDirectory = testsDirectory.appendingPathComponent("Golden")
    static let recording = ProcessInfo.processInfo.environment["SPECSMITH_RECORD"] == "1"

    static func pipeline() throws -> Pipeline {
        Pipeline(templates: try TemplateSet.defaults(), baseDirectory: packageRoot.path)
    }

    @Test func evalLibraryMatchesItsSpec() throws {
        try Self.expectFresh(GenerationJob(spec: "specs/eval.yaml", output: "Sources/EvalAPI", module: "EvalAPI"))
    }

    /// The client that GeneratedClientTests runs is what its spec generates, with internal access (so that a
    /// target of its own compiles code of that access level, and the format check reads it).
    @Test func generatedClientTestsClientMatchesItsSpec() throws {
        try Self.expectFresh(
            GenerationJob(
                spec: "Tests/GeneratedClientTests/decoding.yaml", output: "Tests/GeneratedClientTests/Generated",
                module: "Decoding", access: .internal))
    }

    /// The OpenAPI 3.2 client that OpenAPI32ClientTests runs is what its spec generates.
    @Test func openAPI32ClientTestsClientMatchesItsSpec() throws {
        try Self.expectFresh(
            GenerationJob(
                spec: "Tests/OpenAPI32ClientTests/library.yaml", output: "Tests/OpenAPI32ClientTests/Generated",
                module: "Library", access: .internal))
    }

    /// Expects the checked-in output of `job` (a job of specsmith.yaml) to be what its spec generates, without
    /// a warning.
    static func expectFresh(_ job: GenerationJob) throws {
        let result = try Self.pipeline().generate(job)
        let errors = result.diagnostics.filter(\.isError)
        #expect(errors.isEmpty, "\(job.spec) has errors: \(errors)")
        #expect(result.diagnostics.isEmpty, "\(job.spec) should load without warnings: \(result.diagnostics)")
        let files = try #require(result.files)
        let plan = OutputWriter().plan(files, in: Self.packageRoot.appendingPathComponent(job.output).path)
        #expect(
            plan.isEmpty,
            """
            \(job.output) is not what \(job.spec) generates. Regenerate it with
                swift run specsmith generate
            Differences:
            \(plan.diff())
            """)
    }

    static var cases: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: goldenDirectory.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test(arguments: cases)
    func fixture(_ name: String) throws {
        let folder = Self.goldenDirectory.appendingPathComponent(name)
        let expectedFolder = folder.appendingPathComponent("expected")
        let job = GenerationJob(
            spec: "Tests/SpecsmithCoreTests/Golden/\(name)/spec.yaml", output: expectedFolder.path, module: "Golden")
        let result = try Self.pipeline().generate(job)
        let files = try #require(result.files, "\(name)/spec.yaml has errors: \(result.diagnostics)")
        let diagnostics = result.diagnostics.map { diagnostic in
            var d = diagnostic
            if let location = d.location {
                d.location = SourceLocation(
                    file: URL(fileURLWithPath: location.file).lastPathComponent, line: location.line, column: location.column)
            }
            return d.description
        }.joined(separator: "\n")
        let all = files + (diagnostics.isEmpty ? [] : [GeneratedFile(name: "diagnostics.txt", contents: diagnostics + "\n")])
        let writer = OutputWriter()
        let plan = writer.plan(all, in: expectedFolder.path)
        let stale = Self.staleExtras(in: expectedFolder.path, produced: Set(all.map(\.name)))
        if Self.recording {
            try writer.apply(plan)
            for name in stale { try FileManager.default.removeItem(atPath: expectedFolder.appendingPathComponent(name).path) }
            Issue.record("recorded Golden/\(name)/expected; run again without SPECSMITH_RECORD to verify")
            return
        }
        #expect(
            plan.isEmpty && stale.isEmpty,
            """
            Golden/\(name) differs from what its spec generates (extra files: \(stale)). To accept the new output:
                SPECSMITH_RECORD=1 swift test --filter GoldenTests
            \(plan.diff())
            """)
    }

    /// Expected files that the generation no longer produces (the writer only removes Swift files
    /// it generated; the diagnostics list is a text file).
    static func staleExtras(in folder: String, produced: Set<String>) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { !$0.hasPrefix(".") && !$0.hasSuffix(".swift") && !produced.contains($0) }.sorted()
    }
}

/// The expected output of every fixture case compiles against SpecsmithRuntime without warnings, as the eval library
/// does by being a target: a golden that does not compile would be a wrong answer kept on record.
@Suite struct GoldenCompileTests {
    /// The build folder's module directory, beside the test bundle (`.build/debug/Modules`).
    static var modulesDirectory: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("Modules")
    }

    @Test(arguments: GoldenTests.cases)
    func expectedOutputCompilesWithoutWarnings(_ name: String) throws {
        let folder = GoldenTests.goldenDirectory.appendingPathComponent(name).appendingPathComponent("expected")
        let files = try Self.swiftFiles(in: folder)
        try #require(!files.isEmpty)
        let text = try Self.compile(files, label: name)
        #expect(!text.didFail, "Golden/\(name)/expected does not compile:\n\(text.output)")
        #expect(!text.output.contains("warning:"), "Golden/\(name)/expected has warnings:\n\(text.output)")
    }

    /// The Swift files of a folder, in name order.
    static func swiftFiles(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".swift") }.sorted().map { folder.appendingPathComponent($0).path }
    }

    /// Builds `files` as module `Golden` against SpecsmithRuntime: the compiler's output, and whether it failed.
    static func compile(_ files: [String], label: String) throws -> (output: String, didFail: Bool) {
        let runtime = modulesDirectory.appendingPathComponent("SpecsmithRuntime.swiftmodule")
        try #require(FileManager.default.fileExists(atPath: runtime.path), "no SpecsmithRuntime module at \(runtime.path)")
        // Emitting the module runs the mandatory SIL passes too, whose warnings (`will never be executed`)
        // `-typecheck` does not show.
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("golden-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        return try run(
            ["swiftc", "-emit-module", "-emit-module-path", scratch.appendingPathComponent("Golden.swiftmodule").path,
             "-swift-version", "6", "-module-name", "Golden", "-package-name", "Golden", "-I", modulesDirectory.path]
                + files)
    }

    /// `swift format lint --strict` with the repository's `.swift-format` over `files`: what it reports.
    static func lint(_ files: [String]) throws -> (output: String, didFail: Bool) {
        try run(
            ["swift", "format", "lint", "--strict", "--configuration",
             GoldenTests.packageRoot.appendingPathComponent(".swift-format").path] + files)
    }

    /// Runs a command found on the PATH: its output and error text together, and whether it exited non-zero.
    private static func run(_ arguments: [String]) throws -> (output: String, didFail: Bool) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (text, process.terminationStatus != 0)
    }

    /// Generated code passes `swift format lint --strict` with the repository's `.swift-format`
    /// (120 columns, 4 spaces), as hand-written code would.
    @Test func generatedCodeIsFormattedLikeHandWrittenCode() throws {
        let folders =
            ["Sources/EvalAPI", "Tests/GeneratedClientTests/Generated", "Tests/OpenAPI32ClientTests/Generated"]
            + GoldenTests.cases.map { "Tests/SpecsmithCoreTests/Golden/\($0)/expected" }
        let files = try folders.flatMap { try Self.swiftFiles(in: GoldenTests.packageRoot.appendingPathComponent($0)) }
        let result = try Self.lint(files)
        #expect(!result.didFail && result.output.isEmpty, "swift format lint:\n\(result.output)")
    }

    /// Every golden spec generated with `internal` or `package` access is formatted like hand-written code too:
    /// signatures that fit a line with `public` may not with a longer keyword, and an internal struct's
    /// initializer that Swift would synthesize is left to Swift, as `swift format` asks. Some compile as well.
    @Test(arguments: [AccessLevel.internal, .package])
    func everyAccessLevelIsFormattedLikeHandWrittenCode(_ access: AccessLevel) throws {
        let scratch = try TemporaryFolder("specsmith-access-\(access.rawValue)")
        var files: [String] = []
        for name in GoldenTests.cases {
            let job = GenerationJob(
                spec: "Tests/SpecsmithCoreTests/Golden/\(name)/spec.yaml", output: scratch.path + "/" + name,
                module: "Golden", access: access)
            let generated = try #require(try GoldenTests.pipeline().generate(job).files)
            try FileManager.default.createDirectory(atPath: job.output, withIntermediateDirectories: true)
            for file in generated {
                let path = job.output + "/" + file.name
                try file.contents.write(toFile: path, atomically: false, encoding: .utf8)
                files.append(path)
            }
        }
        let result = try Self.lint(files)
        #expect(!result.didFail && result.output.isEmpty, "swift format lint (\(access.rawValue)):\n\(result.output)")
        for name in ["compositions", "optional-required", "client"] {
            let compiled = try Self.compile(
                try Self.swiftFiles(in: URL(fileURLWithPath: scratch.path + "/" + name)), label: name)
            #expect(
                !compiled.didFail, "Golden/\(name) (\(access.rawValue)) does not compile:\n\(compiled.output.prefix(4_000))")
        }
    }
}
