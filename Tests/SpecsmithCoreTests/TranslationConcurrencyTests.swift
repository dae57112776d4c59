import Foundation
import SpecsmithDiagnostics
import Testing

@testable import SpecsmithCore

/// Operations translated on every core (``LoadConcurrency/always``) must give the model and
/// diagnostics of one thread, whatever names earlier operations take.
@Suite("Generation: on every core")
struct TranslationConcurrencyTests {
    let folder = try! TemporaryFolder("specsmith-translation")

    static func expectSameModel(_ path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let loaded = DocumentLoader(concurrency: .sequential).load(file: path)
        guard let document = loaded.document, !loaded.hasErrors else { return }
        let job = GenerationJob(spec: path, output: "", module: "M")
        let sequential = Translator(job: job, concurrency: .sequential).translate(document)
        let concurrent = Translator(job: job, concurrency: .always).translate(document)
        #expect(concurrent.model == sequential.model, "\(path)", sourceLocation: sourceLocation)
        #expect(
            concurrent.diagnostics.map(\.description) == sequential.diagnostics.map(\.description),
            "\(path)",
            sourceLocation: sourceLocation
        )
    }

    static var root: String {
        let testFile = "\(#filePath)"
        return String(testFile[..<testFile.range(of: "/Tests/SpecsmithCoreTests/")!.lowerBound])
    }

    @Test func goldenSpecsTheEvalSpecAndTheCorpusTranslateAsOnOneThread() throws {
        let golden = Self.root + "/Tests/SpecsmithCoreTests/Golden"
        let cases = try FileManager.default.contentsOfDirectory(atPath: golden).sorted()
        #expect(cases.count >= 20)
        for name in cases { try Self.expectSameModel(golden + "/" + name + "/spec.yaml") }
        try Self.expectSameModel(Self.root + "/specs/eval.yaml")
        guard let corpus = LoadingCorpusTests.corpus else { return }
        for name in LoadingCorpusTests.documents { try Self.expectSameModel(corpus + "/" + name) }
    }

    /// An operation that takes a name an operation after it also wants, and operations that refer to
    /// a schema that is not a component (whose type only the shared translator may declare).
    @Test func namesTakenByEarlierOperationsAndSharedDeclarations() throws {
        var paths = ""
        for index in 0..<8 {
            paths += """
                  /list\(index):
                    get:
                      operationId: list\(index)
                      parameters:
                      - {name: kindResponse, in: query, schema: {type: string, enum: [a, b]}}
                      responses:
                        '200': {description: OK, content: {application/json: {schema: {type: object, properties: {n: {type: integer}}}}}}
                  /list\(index)/kind:
                    get:
                      operationId: list\(index)Kind
                      responses:
                        '200':
                          description: OK
                          content: {application/json: {schema: {properties: {item: {properties: {id: {type: string}}}}}}}
                  /other\(index):
                    get:
                      operationId: other\(index)
                      responses:
                        '200':
                          description: OK
                          content: {application/json: {schema: {properties: {other: {$ref: '#/paths/~1list0/get/responses/200/content/application~1json/schema'}}}}}

                """
        }
        let path = folder.path + "/names.yaml"
        try """
        openapi: 3.1.0
        info: {title: Names, version: "1"}
        paths:
        \(paths)
        """.write(toFile: path, atomically: true, encoding: .utf8)
        try Self.expectSameModel(path)
        let document = try #require(DocumentLoader().load(file: path).document)
        let model = Translator(job: GenerationJob(spec: path, output: "", module: "M"), concurrency: .always)
            .translate(document).model
        let names = Set(model.types.map(\.name))
        #expect(names.contains("List0KindResponse"))
        #expect(names.contains("List0KindResponse2"))
        #expect(names.contains("Other0Response"))
    }
}
