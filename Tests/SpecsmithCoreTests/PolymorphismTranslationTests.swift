import Foundation
import SpecsmithCore
import Testing

/// A parent schema with a discriminator that other schemas extend with `allOf` is a union of them and its own
/// struct, however the document spells the family (the golden case `polymorphism` shows the code).
@Suite struct PolymorphismTranslationTests {
    let scratch: TemporaryFolder

    init() throws {
        scratch = try TemporaryFolder("specsmith-polymorphism")
    }

    /// Writes `files` (name and text) to the temporary folder and generates `spec.yaml`: every generated file's
    /// text, in name order, and the diagnostics.
    func generate(_ files: [(String, String)]) throws -> (code: String, diagnostics: [String]) {
        for (name, text) in files {
            try text.write(toFile: scratch.path + "/" + name, atomically: false, encoding: .utf8)
        }
        let result = Pipeline(templates: try TemplateSet.defaults()).generate(
            GenerationJob(spec: scratch.path + "/spec.yaml", output: scratch.path + "/Out", module: "P"))
        let generated = try #require(result.files, "\(result.diagnostics)")
        let code = generated.sorted { $0.name < $1.name }.map(\.contents).joined()
        return (code, result.diagnostics.map { $0.description.replacing(scratch.path + "/", with: "") })
    }

    static let pet = """
        Pet:
          type: object
          required: [petType]
          properties: {petType: {type: string}}
          discriminator: {propertyName: petType}
        Cat:
          allOf:
            - $ref: '#/components/schemas/Pet'
            - {type: object, properties: {lives: {type: integer}}}
        """

    @Test func theParentsStructIsNumberedUnlikeASchemaOfItsName() throws {
        let spec = """
            openapi: 3.1.0
            info: {title: P, version: "1"}
            paths: {}
            components:
              schemas:
                PetBase: {type: object, properties: {id: {type: string}}}
            \(Self.pet.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
            """
        let (code, diagnostics) = try generate([("spec.yaml", spec)])
        #expect(diagnostics == [])
        #expect(code.contains("public struct PetBase: Codable"))
        #expect(code.contains("public struct PetBase2: Codable"))
        #expect(code.contains("    case cat(Cat)\n    case pet(PetBase2)\n"))
    }

    @Test func aSchemaOfAnotherFileThatExtendsTheParentIsACaseWhereTheDocumentRefersToIt() throws {
        let spec = """
            openapi: 3.1.0
            info: {title: P, version: "1"}
            paths:
              /dogs:
                get:
                  responses:
                    '200':
                      description: Dogs.
                      content:
                        application/json:
                          schema: {type: array, items: {$ref: 'dogs.yaml#/components/schemas/Dog'}}
            components:
              schemas:
            \(Self.pet.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
            """
        let dogs = """
            components:
              schemas:
                Dog:
                  allOf:
                    - $ref: 'spec.yaml#/components/schemas/Pet'
                    - {type: object, properties: {barks: {type: boolean}}}
            """
        let (code, diagnostics) = try generate([("spec.yaml", spec), ("dogs.yaml", dogs)])
        #expect(diagnostics == [])
        #expect(code.contains("    case cat(Cat)\n    case dog(Dog)\n    case pet(PetBase)\n"))
        #expect(code.contains(#"case "Dog": self = .dog(try decoder.singleValueContainer().decode(Dog.self))"#))
        #expect(code.contains("public struct Dog: Codable"))
    }

    @Test func schemasThatExtendEachOtherInACycleAreNoCasesAndAreWarnedAbout() throws {
        let spec = """
            openapi: 3.1.0
            info: {title: P, version: "1"}
            paths: {}
            components:
              schemas:
            \(Self.pet.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
                A: {allOf: [{$ref: '#/components/schemas/Pet'}, {$ref: '#/components/schemas/B'}]}
                B: {allOf: [{$ref: '#/components/schemas/A'}, {properties: {b: {type: string}}}]}
            """
        let (code, diagnostics) = try generate([("spec.yaml", spec)])
        #expect(code.contains("    case cat(Cat)\n    case pet(PetBase)\n"))
        #expect(
            diagnostics == [
                "spec.yaml:15:8: warning: allOf with a part that refers back to itself is not generated yet; the value "
                    + "is a JSONValue",
                "spec.yaml:16:8: warning: allOf with a part that refers back to itself is not generated yet; the value "
                    + "is a JSONValue",
            ])
    }
}
