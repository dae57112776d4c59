import Foundation
import SpecsmithDiagnostics
import Testing

@testable import SpecsmithCore

/// The real-world documents in ../shared/corpus (next to the project), when present.
@Suite("Loading: corpus")
struct LoadingCorpusTests {
    static let corpus: String? = {
        let testFile = "\(#filePath)"
        guard let range = testFile.range(of: "/Tests/SpecsmithCoreTests/") else { return nil }
        let folder = String(testFile[..<range.lowerBound]) + "/../shared/corpus"
        return FileManager.default.fileExists(atPath: folder) ? ReferenceParsing.normalise(folder) : nil
    }()

    static let documents: [String] = {
        guard let corpus else { return [] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }.sorted()
    }()

    static func isSwagger2(_ name: String) -> Bool { name.contains("swagger2") }

    @Test("every OpenAPI 3.x document in the corpus loads without errors")
    func openAPI3Documents() throws {
        guard let corpus = Self.corpus else {
            print("skipped: no corpus at ../shared/corpus")
            return
        }
        let names = Self.documents.filter { !Self.isSwagger2($0) }
        #expect(names.count >= 16)
        for name in names {
            let result = DocumentLoader().load(file: corpus + "/" + name)
            let errors = result.diagnostics.filter(\.isError).map(\.description)
            #expect(errors == [], "\(name)")
            let document = try #require(result.document, "\(name)")
            #expect(
                !document.paths.isEmpty || !document.webhooks.isEmpty || !document.components.schemas.isEmpty,
                "\(name)"
            )
        }
    }

    @Test("the Swagger 2.0 documents in the corpus are refused with one clear error")
    func swagger2Documents() {
        guard let corpus = Self.corpus else {
            print("skipped: no corpus at ../shared/corpus")
            return
        }
        let names = Self.documents.filter(Self.isSwagger2)
        #expect(names.count == 2)
        for name in names {
            let result = DocumentLoader().load(file: corpus + "/" + name)
            #expect(result.document == nil)
            #expect(
                result.diagnostics.map(\.description) == [
                    "\(corpus)/\(name):1:1: error: Swagger 2.0 documents are not supported; Specsmith reads OpenAPI "
                        + "3.0, 3.1 and 3.2"
                ]
            )
        }
    }

    @Test("tradovate-2021: 52 descriptions given as $ref to absent files make one warning, and the schemas load")
    func tradovateDescriptions() throws {
        guard let corpus = Self.corpus else {
            print("skipped: no corpus at ../shared/corpus")
            return
        }
        let result = DocumentLoader().load(file: corpus + "/tradovate-2021.yaml")
        #expect(
            result.diagnostics.map(\.description) == [
                "\(corpus)/tradovate-2021.yaml:12:23: warning: cannot read \"./descriptions/accessTokenRequest.md\", given as $ref "
                    + "for a description; this and 51 more descriptions given as $ref to missing files are left empty"
            ]
        )
        let document = try #require(result.document)
        #expect(document.paths.count == 320)
        #expect(document.operations.count == 320)
        #expect(document.components.schemas.count == 138)
    }
}
