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

    /// The client that GeneratedClientTests runs is what its spec generates.
    @Test func generatedClientTestsClientMatchesItsSpec() throws {
        try Self.expectFresh(
            GenerationJob(
                spec: "Tests/GeneratedClientTests/decoding.yaml", output: "Tests/GeneratedClientTests/Generated",
                module: "Decoding"))
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
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".swift") }.sorted().map { folder.appendingPathComponent($0).path }
        try #require(!files.isEmpty)
        let runtime = Self.modulesDirectory.appendingPathComponent("SpecsmithRuntime.swiftmodule")
        try #require(FileManager.default.fileExists(atPath: runtime.path), "no SpecsmithRuntime module at \(runtime.path)")
        // Emitting the module runs the mandatory SIL passes too, whose warnings (`will never be executed`)
        // `-typecheck` does not show.
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("golden-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            ["swiftc", "-emit-module", "-emit-module-path", scratch.appendingPathComponent("Golden.swiftmodule").path,
             "-swift-version", "6", "-module-name", "Golden", "-I", Self.modulesDirectory.path]
            + files
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "Golden/\(name)/expected does not compile:\n\(text)")
        #expect(!text.contains("warning:"), "Golden/\(name)/expected has warnings:\n\(text)")
    }

    /// Generated code passes `swift format lint --strict` with the repository's `.swift-format`
    /// (120 columns, 4 spaces), as hand-written code would.
    @Test func generatedCodeIsFormattedLikeHandWrittenCode() throws {
        let folders =
            ["Sources/EvalAPI", "Tests/GeneratedClientTests/Generated"]
            + GoldenTests.cases.map { "Tests/SpecsmithCoreTests/Golden/\($0)/expected" }
        let files = try folders.flatMap { folder in
            let url = GoldenTests.packageRoot.appendingPathComponent(folder)
            return try FileManager.default.contentsOfDirectory(atPath: url.path)
                .filter { $0.hasSuffix(".swift") }.sorted().map { url.appendingPathComponent($0).path }
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swift", "format", "lint", "--strict", "--configuration",
            GoldenTests.packageRoot.appendingPathComponent(".swift-format").path] + files
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0 && text.isEmpty, "swift format lint:\n\(text)")
    }
}
