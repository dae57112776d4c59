import ArgumentParser

@main
struct Specsmith: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "specsmith",
        abstract: "Generate Swift models, validators and request builders from OpenAPI documents.",
        discussion: """
            Specsmith reads OpenAPI 3.0 and 3.1 documents (YAML or JSON) and writes Swift source from \
            editable templates. Problems in a document are reported like compiler errors \
            (file:line:column: error: ...), and nothing is written while there are errors.
            """,
        subcommands: [Generate.self, Check.self, Lint.self]
    )
}
