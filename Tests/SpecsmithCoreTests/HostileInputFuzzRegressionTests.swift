import Foundation
import SpecsmithCore
import Testing

/// Inputs the fuzzers found, kept as fixtures under Fixtures/Hostile/fuzz-*.
@Suite struct HostileInputFuzzRegressionTests {
    static let fixtures = HostileInputTests.fixtures

    /// The resident memory of this process, from /proc/self/statm (Linux).
    static func residentBytes() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * 4096
    }

    /// FuzzGenerate, LeakSanitizer: a `pattern` that NSRegularExpression cannot compile leaks 740 bytes
    /// in swift-corelibs-foundation (`_CFRegularExpressionCreate`), reached from
    /// `SpecsmithRuntime.Pattern.problem(in:)` (Sources/SpecsmithRuntime/Validation/Pattern.swift) via
    /// `SchemaTranslator`. Reproduce: `Scripts/fuzz.sh FuzzGenerate 1` builds the harness, then
    /// `Fuzz/.build/FuzzGenerate/release/FuzzGenerate -runs=1 Tests/SpecsmithCoreTests/Fixtures/Hostile/fuzz-generate-leak-invalid-pattern.yaml`.
    /// Fixed by remembering each pattern's verdict: Foundation is asked about an invalid pattern once
    /// per process, so generating again and again (a build step, a fuzzer) does not grow.
    @Test
    func generatingAnInvalidPatternLeaksNothing() throws {
        let pipeline = Pipeline(templates: try TemplateSet.defaults(), baseDirectory: Self.fixtures)
        let job = GenerationJob(spec: "fuzz-generate-leak-invalid-pattern.yaml", output: "Out", module: "Leak")
        for _ in 0..<50 { _ = pipeline.generate(job) }  // warm up caches
        let before = try #require(Self.residentBytes())
        for _ in 0..<4_000 { _ = pipeline.generate(job) }
        let grown = try #require(Self.residentBytes()) - before
        // Leaking 740 bytes a time would grow the process by about 3 MB.
        #expect(grown < 1 << 20, "resident memory grew by \(grown) bytes over 4000 generations")
    }
}
