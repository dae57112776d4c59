import ArgumentParser
import Foundation
import SpecsmithCore
import SpecsmithDiagnostics

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check OpenAPI documents and print every problem found.",
        usage: "specsmith lint FILE...",
        discussion: """
            Loads each FILE fully (following every $ref, also into other files), works out the code it \
            would generate, and prints every diagnostic either step reports (what generate would report) \
            to standard error as file:line:column: severity: message, with the source line \
            and a caret under the column, sorted by location. A summary such as "2 errors, 5 warnings" \
            goes to standard output. Nothing is written.

            Exit status: 0 when no file has errors (warnings are allowed), 1 when any file has an error, \
            2 for a usage error.


            Examples:
              specsmith lint specs/eval.yaml
              specsmith lint ../shared/corpus/*.yaml
            """
    )

    @Argument(help: "The OpenAPI documents (YAML or JSON) to check.")
    var files: [String] = []

    mutating func validate() throws {
        if files.isEmpty { throw ValidationError("Give at least one file to check.") }
    }

    func run() throws {
        let pipeline = Pipeline(templates: try TemplateSet.defaults())
        var all: [Diagnostic] = []
        var sources: [String: String] = [:]
        for file in files {
            let result = pipeline.loader.load(file: file)
            all += result.diagnostics
            sources.merge(result.sources) { first, _ in first }
            // What generation finds (unsupported features, patterns the code cannot use) needs a document
            // without errors, as generating does.
            if let document = result.document, !result.hasErrors {
                all += pipeline.translate(document, job: GenerationJob(spec: file, output: "", module: "Lint")).diagnostics
            }
        }
        let known = sources
        let renderer = DiagnosticRenderer { known[$0] }
        let sorted = all.sortedByLocation().uniqued()
        FileHandle.standardError.write(Data(renderer.render(sorted).utf8))
        print(sorted.summary)
        if sorted.hasErrors { throw ExitCode(1) }
    }
}
