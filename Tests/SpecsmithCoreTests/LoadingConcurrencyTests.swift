import Foundation
import SpecsmithDiagnostics
import SpecsmithYAML
import Testing

@testable import SpecsmithCore

/// A document read on every core (``LoadConcurrency/always``: YAML in pieces, path items and schemas by
/// worker sessions) must load exactly as read on one thread: the same document, diagnostics and sources.
@Suite("Loading: on every core")
struct LoadingConcurrencyTests {
    let folder = try! TemporaryFolder("specsmith-concurrency")

    static func expectSameLoad(
        _ path: String,
        limits: LoadLimits = LoadLimits(),
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let sequential = DocumentLoader(limits: limits, concurrency: .sequential).load(file: path)
        let concurrent = DocumentLoader(limits: limits, concurrency: .always).load(file: path)
        #expect(concurrent.document == sequential.document, "\(path)", sourceLocation: sourceLocation)
        #expect(
            concurrent.diagnostics.map(\.description) == sequential.diagnostics.map(\.description),
            "\(path)",
            sourceLocation: sourceLocation
        )
        #expect(concurrent.sources == sequential.sources, "\(path)", sourceLocation: sourceLocation)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let path = folder.path + "/" + name
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent,
            withIntermediateDirectories: true
        )
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func fixturesLoadAsOnOneThread() throws {
        let fixtures = (LoadingFixtures.directory as NSString).deletingLastPathComponent
        let files = try FileManager.default.subpathsOfDirectory(atPath: fixtures)
            .filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files.count >= 25)
        for file in files { Self.expectSameLoad(fixtures + "/" + file) }
    }

    @Test func corpusDocumentsLoadAsOnOneThread() throws {
        guard let corpus = LoadingCorpusTests.corpus else { return }
        #expect(LoadingCorpusTests.documents.count >= 18)
        for name in LoadingCorpusTests.documents { Self.expectSameLoad(corpus + "/" + name) }
    }

    /// What a worker leaves to the shared session: files not read yet, objects not in the cache, text
    /// files that exist; and what it does itself: missing text files, repeated operation ids, schemas
    /// entered by several path items.
    @Test func whatWorkersLeaveToTheSharedSessionLoadsAsOnOneThread() throws {
        _ = try write("texts/present.md", "A text that exists.\n")
        _ = try write(
            "other.yaml",
            """
            components:
              schemas:
                Far: {type: string, maxLength: 3}
              parameters:
                Limit: {name: limit, in: query, schema: {type: integer}}
            """
        )
        var paths = ""
        for index in 0..<12 {
            paths += """
                  /p\(index):
                    parameters:
                    - $ref: '\(index % 3 == 0 ? "other.yaml#/components/parameters/Limit" : "#/components/parameters/Id")'
                    get:
                      operationId: \(index % 5 == 4 ? "repeated" : "get\(index)")
                      description:
                        $ref: ./texts/\(index % 4 == 0 ? "present" : "missing-\(index)").md
                      responses:
                        '200':
                          description: OK
                          content:
                            application/json:
                              schema:
                                $ref: '\(index % 2 == 0 ? "#/components/schemas/Near" : "other.yaml#/components/schemas/Far")'
                        '404':
                          $ref: '#/paths/~1p0/get/responses/200'

                """
        }
        let main = try write(
            "main.yaml",
            """
            openapi: 3.1.0
            info: {title: Workers, version: "1"}
            paths:
            \(paths)
            components:
              parameters:
                Id: {name: id, in: query, schema: {type: string, pattern: "^x"}}
              schemas:
                Near:
                  type: object
                  properties:
                    far: {$ref: 'other.yaml#/components/schemas/Far'}
                    self: {$ref: '#/components/schemas/Near'}
                    bad: {type: strin}
            """
        )
        Self.expectSameLoad(main)
        // Fewer files may be read than the texts and references name.
        for files in 0...3 {
            var limits = LoadLimits()
            limits.maxExternalFiles = files
            Self.expectSameLoad(main, limits: limits)
        }
    }

    /// Items that need nothing from the shared session are read by workers; an item that needs a file
    /// the session has not read is left to it.
    @Test func workersReadWhatNeedsNoSharedState() throws {
        _ = try write("other.yaml", "components:\n  parameters:\n    P: {name: p, in: query, schema: {type: string}}\n")
        let main = try write(
            "main.yaml",
            """
            openapi: 3.1.0
            info: {title: Workers, version: "1"}
            paths:
              /a:
                parameters: [{$ref: 'other.yaml#/components/parameters/P'}]
              /b:
                get: {responses: {'200': {description: OK}}}
              /c:
                get:
                  description: {$ref: './missing.md'}
                  responses: {'200': {description: OK}}
            """
        )
        let session = LoadSession(limits: LoadLimits(), concurrency: .always)
        session.rootFile = main
        let root = try YAMLLoader.load(Array(try String(contentsOfFile: main, encoding: .utf8).utf8), file: main)
        session.files[main] = root
        let entries = try #require(root.mapping?["paths"]?.mapping)
        let reads = try #require(
            session.readConcurrently(entries.count) { worker, index in
                worker.readPathItemOrRef(
                    entries[index].value,
                    file: main,
                    path: entries[index].keyText!,
                    isWebhook: false
                )
            }
        )
        #expect(reads.map { $0 != nil } == [false, true, true])
        #expect(reads[2]?.1.missingTextFiles.map(\.0) == ["./missing.md"])
        #expect(session.missingTextFiles.isEmpty)

        // A worker's missing text file holds only while the session may still read files.
        let read = try #require(reads[2])
        session.externalFilesRead = session.limits.maxExternalFiles
        #expect(!session.adopt(read.1))
        let plain = try #require(reads[1])
        #expect(session.adopt(plain.1))
        #expect(plain.0?.path == "/b")
        session.externalFilesRead = 0
        #expect(session.adopt(read.1))
        #expect(read.0?.path == "/c")
        #expect(session.missingTextFiles.map(\.0) == ["./missing.md"])
    }

    @Test func fewItemsAreReadByTheSessionAlone() {
        let session = LoadSession(limits: LoadLimits(), concurrency: .sequential)
        #expect(session.readConcurrently(100) { _, index in index } == nil)
        let always = LoadSession(limits: LoadLimits(), concurrency: .always)
        #expect(always.readConcurrently(1) { _, index in index } == nil)
        #expect(always.readConcurrently(3) { _, index in index }?.map { $0?.0 } == [0, 1, 2])
    }
}
