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

    @Test("a closed object's required names missing from its properties are warned about, in order or not")
    func requiredNamesOfAClosedObjectAreChecked() throws {
        // Twelve properties: more than the maps' linear limit, so that a look-up would hash.
        let properties = (0..<12).map { "p\($0): {}" }.joined(separator: ", ")
        let closed = "{type: object, additionalProperties: false, properties: {\(properties)}, required: "
        let result = Self.load(
            """
                InOrder: \(closed)[p0, p3, p11]}
                OutOfOrder: \(closed)[p5, p1, p11, p0]}
                Repeated: \(closed)[p1, p1]}
                MissingLast: \(closed)[p0, p2, q]}
                MissingAmong: \(closed)[p5, q, p1]}
                Small: {type: object, additionalProperties: false, properties: {a: {}, b: {}}, required: [b, a, c]}
            """
        )
        let warned = result.diagnostics.filter { $0.message.hasPrefix("required property") }.map {
            ($0.location?.line ?? 0, String($0.message.split(separator: "\"")[1]))
        }
        #expect(warned.map(\.0) == [9, 10, 11])
        #expect(warned.map(\.1) == ["q", "q", "c"])
    }
}
