import ArgumentParser
import Foundation
import SpecsmithCore

@main
struct Specsmith: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "specsmith",
        abstract: "Generate Swift models, validators and request builders from OpenAPI documents.",
        discussion: """
            Specsmith reads OpenAPI 3.0, 3.1 and 3.2 documents (YAML or JSON) and writes Swift source from \
            editable templates. Problems in a document are reported like compiler errors \
            (file:line:column: error: ...), and nothing is written while there are errors.

            Exit status: 0 on success, 1 when a document has errors (or, for check, when generated \
            code is stale), 2 for a usage error.
            """,
        subcommands: [Generate.self, Check.self, Lint.self]
    )

    /// Runs the command, exiting with status 2 (not ArgumentParser's 64) for usage errors.
    static func main() {
        // A command that generates starts parsing the default templates at once, on another thread, while
        // this one parses the arguments (about 15M instructions) and reads `specsmith.yaml`; and counts the
        // cores, which its first load asks for, on a third.
        let command = CommandLine.arguments.dropFirst().first
        if command == "generate" || command == "check" {
            _ = defaultTemplates
            LoadConcurrency.countCores()
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code != .success, code != .failure, !(error is ExitCode) {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// The default templates, parsed on another thread from their first use on.
let defaultTemplates = ParsingTemplates(in: nil)
