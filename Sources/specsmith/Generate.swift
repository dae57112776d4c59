import ArgumentParser

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write Swift source for the OpenAPI documents named in specsmith.yaml.",
        discussion: "Not available yet: generation lands with the generator."
    )

    func run() throws {
        throw ValidationError("generate is not available yet.")
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Verify that the checked-in generated code matches a fresh generation.",
        discussion: "Not available yet: checking lands with the generator."
    )

    func run() throws {
        throw ValidationError("check is not available yet.")
    }
}
