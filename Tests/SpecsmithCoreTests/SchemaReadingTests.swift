import SpecsmithDiagnostics
import Testing

@testable import SpecsmithCore

@Suite("Loading: a schema's type names and a closed object's required names")
struct SchemaReadingTests {
    /// Loads a 3.1 document whose `components.schemas` are `schemas` (YAML lines indented for that place).
    static func load(_ schemas: String) -> LoadResult {
        let text = """
            openapi: 3.1.0
            info: {title: T, version: "1"}
            paths: {}
            components:
              schemas:
            \(schemas)
            """
        return DocumentLoader().load(bytes: Array(text.utf8), file: "s.yaml")
    }

    @Test("each type name is read from its bytes; a name that only starts like one, or differs in length, is unknown")
    func typeNamesMatchWhole() throws {
        let result = Self.load(
            """
                All: {type: [null, boolean, object, array, number, string, integer]}
                Near: {type: [nul, numbe, numbers, bool, objects, arra, strinG, integers, Integer, xyz]}
            """
        )
        let all = try #require(result.document?.components.schemas["All"])
        #expect(all.types == [.null, .boolean, .object, .array, .number, .string, .integer])
        let unknown = result.diagnostics.filter { $0.message.hasPrefix("unknown type") }.map {
            String($0.message.split(separator: "\"")[1])
        }
        let near = ["nul", "numbe", "numbers", "bool", "objects", "arra", "strinG", "integers", "Integer", "xyz"]
        #expect(unknown == near)
        #expect(result.document?.components.schemas["Near"]?.types == [])
    }
}
