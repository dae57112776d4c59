import SpecsmithDiagnostics
import Testing

@testable import SpecsmithCore

/// Fixture documents for the loader, under Fixtures/Loading (read from the source tree).
enum LoadingFixtures {
    static let directory: String = {
        let testFile = "\(#filePath)"
        let folder = testFile[..<(testFile.lastIndex(of: "/") ?? testFile.endIndex)]
        return folder + "/Fixtures/Loading"
    }()

    static func path(_ name: String) -> String { directory + "/" + name }

    /// Loads a fixture by name.
    static func load(_ name: String) -> LoadResult {
        DocumentLoader().load(file: path(name))
    }

    /// The diagnostics as one-line strings with paths relative to the fixtures folder:
    /// `ref-cycle.yaml:3:5: error: ...`.
    static func lines(_ result: LoadResult) -> [String] {
        result.diagnostics.map { $0.description.replacing(directory + "/", with: "") }
    }

    /// The document of a result that must have one, failing the test otherwise.
    static func document(_ result: LoadResult, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws
        -> OpenAPIDocument
    {
        try #require(result.document, sourceLocation: sourceLocation)
    }
}
