import ArgumentParser
import Foundation
import SpecsmithDiagnostics
import SpecsmithYAML

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check OpenAPI documents and print every problem found.",
        usage: "specsmith lint FILE...",
        discussion: """
            Loads each FILE and prints its diagnostics as file:line:column: severity: message, with the \
            source line and a caret under the column. Nothing is written.

            Exit status: 0 when no file has errors (warnings are allowed), 1 when any file has an error, \
            2 for a usage error.


            Examples:
              specsmith lint specs/eval.yaml
              specsmith lint ../shared/corpus/*.yaml
            """
    )

    @Argument(help: "The OpenAPI documents (YAML or JSON) to check.")
    var files: [String]

    mutating func validate() throws {
        if files.isEmpty { throw ValidationError("Give at least one file to check.") }
    }

    func run() throws {
        var all: [Diagnostic] = []
        var sources: [String: String] = [:]
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                all.append(.error("cannot read \(file)", at: nil))
                continue
            }
            let bytes = [UInt8](data)
            sources[file] = String(decoding: bytes, as: UTF8.self)
            do {
                _ = try YAMLLoader.load(bytes, file: file)
            } catch {
                all += error.diagnostics
            }
        }
        let known = sources
        let renderer = DiagnosticRenderer { known[$0] }
        let sorted = all.sortedByLocation()
        FileHandle.standardError.write(Data(renderer.render(sorted).utf8))
        print(sorted.summary)
        if sorted.hasErrors { throw ExitCode(1) }
    }
}
