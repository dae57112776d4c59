import Foundation
import SpecsmithCore
import Testing

/// Inputs the fuzzers found, kept as fixtures under Fixtures/Hostile/fuzz-*.
@Suite struct HostileInputFuzzRegressionTests {
    static let fixtures = HostileInputTests.fixtures

    /// FuzzGenerate, LeakSanitizer: a `pattern` that NSRegularExpression cannot compile leaks 740 bytes
    /// in swift-corelibs-foundation (`_CFRegularExpressionCreate`), reached from
    /// `SpecsmithRuntime.Pattern.problem(in:)`. Fixed by remembering each pattern's verdict (proven by
    /// `PatternVerdictTests`); the fixture stays in the fuzzers' seeds. Generating from it again and
    /// again gives the same result.
    @Test func theFuzzedPatternGeneratesTheSameEveryTime() throws {
        let pipeline = Pipeline(templates: try TemplateSet.defaults(), baseDirectory: Self.fixtures)
        let job = GenerationJob(spec: "fuzz-generate-leak-invalid-pattern.yaml", output: "Out", module: "Leak")
        let first = pipeline.generate(job)
        for _ in 0..<3 {
            let again = pipeline.generate(job)
            #expect(again.files == first.files)
            #expect(again.diagnostics == first.diagnostics)
        }
    }
}
