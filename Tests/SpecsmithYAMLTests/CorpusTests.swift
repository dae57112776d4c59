import Foundation
import SpecsmithYAML
import Testing

/// The acceptance check: every real-world document in the shared corpus loads without error.
@Suite struct CorpusTests {
    /// `../shared/corpus` relative to the repository root, when it is present.
    static let corpus: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // SpecsmithYAMLTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // repository root
        .deletingLastPathComponent()
        .appendingPathComponent("shared/corpus")

    static var documents: [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }.sorted()
            .map { corpus.appendingPathComponent($0) }
    }

    @Test(.enabled(if: !documents.isEmpty, "the corpus folder ../shared/corpus is absent"))
    func everyCorpusDocumentLoadsWithoutError() throws {
        #expect(Self.documents.count >= 18)
        for url in Self.documents {
            let bytes = try [UInt8](Data(contentsOf: url))
            do {
                let root = try YAMLLoader.load(bytes, file: url.lastPathComponent)
                #expect(root.mapping != nil, "\(url.lastPathComponent): the root is not a mapping")
            } catch {
                Issue.record("\(url.lastPathComponent): \(error.diagnostics.map(\.description))")
            }
        }
    }

    @Test(.enabled(if: !documents.isEmpty, "the corpus folder ../shared/corpus is absent"))
    func integerStatusCodesStayText() throws {
        let url = Self.corpus.appendingPathComponent("oai-petstore.yaml")
        let root = try YAMLLoader.load([UInt8](Data(contentsOf: url)), file: "oai-petstore.yaml")
        let responses = try #require(
            root.mapping?["paths"]?.mapping?["/pets"]?.mapping?["get"]?.mapping?["responses"]?.mapping
        )
        #expect(responses.map(\.keyText) == ["200", "default"])
    }
}
