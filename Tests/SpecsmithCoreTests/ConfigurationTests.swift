import Foundation
import SpecsmithCore
import SpecsmithDiagnostics
import Testing

/// `specsmith.yaml`: what a configuration may say, and every problem in it reported at its place, in order.
@Suite struct ConfigurationTests {
    let scratch: TemporaryFolder
    var file: String { scratch.path + "/specsmith.yaml" }

    init() throws {
        scratch = try TemporaryFolder("specsmith-configuration")
    }

    /// Loads `text` as a configuration and returns its diagnostics as `line:column: severity: message`.
    func load(_ text: String) throws -> (configuration: Configuration?, lines: [String]) {
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let (configuration, diagnostics) = Configuration.load(file: file)
        return (configuration, diagnostics.map { $0.description.replacing(file + ":", with: "") })
    }

    @Test func twoJobsCannotWriteOneFolderHoweverItIsSpelled() throws {
        let (configuration, lines) = try load(
            """
            jobs:
              - {spec: a.yaml, output: Out, module: A}
              - {spec: b.yaml, output: Out/, module: B}
              - {spec: c.yaml, output: ./Other/../Out, module: C}
              - {spec: d.yaml, output: Out/Inner, module: D}

            """)
        #expect(configuration == nil)
        #expect(
            lines == [
                "3:28: error: output 'Out/' is also the folder of the job at line 2; each job needs a folder of "
                    + "its own",
                "4:28: error: output './Other/../Out' is also the folder of the job at line 2; each job needs a folder "
                    + "of its own",
            ])
    }

    @Test func aModuleMustBeASwiftIdentifier() throws {
        let (configuration, lines) = try load(
            """
            jobs:
              - {spec: a.yaml, output: A, module: 9Lives}
              - {spec: b.yaml, output: B, module: my-api}
              - {spec: c.yaml, output: C, module: _Good2}

            """)
        let problem = "is not a Swift identifier (letters, digits and _, not starting with a digit)"
        #expect(configuration == nil)
        #expect(lines == ["2:39: error: module '9Lives' \(problem)", "3:39: error: module 'my-api' \(problem)"])
    }

    @Test func anEmptyPathIsAnErrorAtIt() throws {
        let (configuration, lines) = try load(
            """
            jobs:
              - {spec: a.yaml, output: '', module: A}
              - {spec: "", output: B, module: B, templates: ''}

            """)
        #expect(configuration == nil)
        #expect(
            lines == [
                "2:28: error: a job's 'output' must not be empty",
                "3:12: error: a job's 'spec' must not be empty",
                "3:49: error: a job's 'templates' must not be empty",
            ])
    }

    @Test func problemsAreReportedInTheOrderOfTheFile() throws {
        let (_, lines) = try load(
            """
            jobs:
              - spec: [a.yaml]
                output: A
                module: A
            other: 1

            """)
        #expect(
            lines == [
                "2:5: error: a job needs 'spec'",
                "2:11: error: expected a string, found a sequence",
                "5:1: error: unknown key 'other' (expected 'jobs' or 'limits')",
            ])
    }
}
