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

/// Marking what validates and what is stored out of line (``Translator/markValidationAndRecursion(_:concurrently:)``)
/// numbers and marks each top-level declaration on its own, on every core: a flag that depends on types in other
/// top-level declarations must come out as on one thread.
@Suite("Generation: validation and recursion marked on every core")
struct MarkingConcurrencyTests {
    let folder = try! TemporaryFolder("specsmith-marking")

    /// Enough top-level types that each run of the concurrent marking holds few: a chain of references
    /// `Start → Middle → End` to a rule, structs that contain each other, a nested type that holds a later
    /// top-level type, a union and an alias on the way.
    static let document = """
        openapi: 3.1.0
        info: {title: Marking, version: "1"}
        paths: {}
        components:
          schemas:
            Start:
              type: object
              properties:
                middle: {$ref: '#/components/schemas/Middle'}
                plain: {$ref: '#/components/schemas/Plain'}
            Filler1: {type: object, properties: {a: {type: string}}}
            Middle:
              type: object
              properties:
                end: {$ref: '#/components/schemas/End'}
            Filler2: {type: object, properties: {a: {type: string}}}
            Filler3: {type: object, properties: {a: {type: string}}}
            End:
              type: object
              properties:
                code: {type: string, maxLength: 3}
            Plain:
              type: object
              properties:
                name: {type: string}
            Parent:
              type: object
              properties:
                child: {$ref: '#/components/schemas/Child'}
                children: {type: array, items: {$ref: '#/components/schemas/Child'}}
            Filler4: {type: object, properties: {a: {type: string}}}
            Child:
              type: object
              properties:
                parent: {$ref: '#/components/schemas/Parent'}
            Outer:
              type: object
              properties:
                inner:
                  type: object
                  properties:
                    last: {$ref: '#/components/schemas/LastAlias'}
            Choice:
              oneOf:
                - {$ref: '#/components/schemas/Middle'}
                - {$ref: '#/components/schemas/Plain'}
            Filler5: {type: object, properties: {a: {type: string}}}
            LastAlias: {$ref: '#/components/schemas/Last'}
            Last:
              type: object
              properties:
                count: {type: integer, minimum: 1}
        """

    func model(_ concurrency: LoadConcurrency) throws -> GenerationModel {
        let path = folder.path + "/marking.yaml"
        try Self.document.write(toFile: path, atomically: true, encoding: .utf8)
        let document = try #require(DocumentLoader(concurrency: .sequential).load(file: path).document)
        return Translator(job: GenerationJob(spec: path, output: "", module: "M"), concurrency: concurrency)
            .translate(document).model
    }

    func structure(_ name: String, in types: [TypeDeclaration]) -> StructDeclaration? {
        for case .structure(let s) in types where s.name == name { return s }
        return nil
    }

    func property(_ name: String, of type: String, in model: GenerationModel) throws -> PropertyDeclaration {
        let s = try #require(structure(type, in: model.types), "\(type)")
        return try #require(s.properties.first { $0.name == name }, "\(type).\(name)")
    }

    @Test func flagsThatDependOnOtherTopLevelTypesAreAsOnOneThread() throws {
        let concurrent = try model(.always)
        #expect(concurrent == (try model(.sequential)))
        #expect(concurrent.types.count >= 12)
        // Validation through a chain of references, each in another top-level declaration.
        #expect(try property("middle", of: "Start", in: concurrent).validatesNested)
        #expect(try property("end", of: "Middle", in: concurrent).validatesNested)
        #expect(try !property("plain", of: "Start", in: concurrent).validatesNested)
        // Recursion across two top-level structs: the direct references are out of line, the array is not.
        #expect(try property("child", of: "Parent", in: concurrent).isIndirect)
        #expect(try property("parent", of: "Child", in: concurrent).isIndirect)
        #expect(try !property("children", of: "Parent", in: concurrent).isIndirect)
        #expect(try !property("child", of: "Parent", in: concurrent).validatesNested)
        // A nested type holding a later top-level type through an alias, and what holds the nested type.
        let outer = try #require(structure("Outer", in: concurrent.types))
        let inner = try #require(structure("Inner", in: outer.nested))
        #expect(inner.properties.first { $0.name == "last" }?.validatesNested == true)
        #expect(outer.properties.first { $0.name == "inner" }?.validatesNested == true)
        // A union's cases, each another top-level struct.
        let choice = try #require(
            concurrent.types.lazy.compactMap { declaration -> UnionDeclaration? in
                if case .union(let u) = declaration, u.name == "Choice" { return u }
                return nil
            }.first)
        #expect(choice.cases.map(\.validates) == [true, false])
        #expect(!choice.isRecursive)
    }
}
