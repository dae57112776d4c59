import SpecsmithDiagnostics
import Testing

@testable import SpecsmithCore

/// ``SchemaNumbers`` finds every schema at the position `document.schemas` gives it, by code points.
@Suite struct SchemaNumbersTests {
    /// Ids of every length around the eight bytes hashed at a time, ids that differ only in the middle or
    /// the last byte, and keys that are canonically equivalent but two keys (`é` and `e` with a combining
    /// accent), as the loader keeps them.
    static let ids: [String] = {
        var ids = (0...40).map { String(repeating: "a", count: $0) }
        for name in ["Pet", "Pets", "Pet2", "Owner", "Été", "E\u{301}té", "名前"] {
            ids.append("/specs/api.yaml#/components/schemas/\(name)")
        }
        for index in 0..<300 {
            ids.append("/specs/api.yaml#/paths/~1items~1\(index)/get/responses/200/content/application~1json/schema")
        }
        return ids
    }()

    @Test func findsEachSchemaAtItsPosition() {
        let location = SourceLocation(file: "api.yaml", line: 1, column: 1)
        let schemas = OrderedMap(Self.ids.map { ($0, Schema(location: location)) })
        let numbers = SchemaNumbers(schemas)
        for id in Self.ids {
            #expect(numbers.number(of: id) == schemas.position(of: id), "\(id)")
        }
        // Ids copied into new strings (the loader makes each reference's id afresh) are found too.
        for id in Self.ids {
            #expect(numbers.number(of: String(decoding: Array(id.utf8), as: UTF8.self)) == schemas.position(of: id))
        }
        for missing in ["/specs/api.yaml#/components/schemas/Pe", "/specs/api.yaml#/components/schemas/Eté", "b"] {
            #expect(numbers.number(of: missing) == nil, "\(missing)")
        }
    }
}

/// A component's id written at once is the one ``JSONPointer/idPointer(_:)`` makes, for names that need an
/// escape and names that do not.
@Test func componentIDsAreTheIDPointersIDs() {
    for name in ["Pet", "a~b", "a/b", "50%", "é", "e\u{301}", "", "Pet Store"] {
        for kind in ["schemas", "responses"] {
            #expect(
                JSONPointer.componentID(file: "/specs/api.yaml", kind: kind, name: name)
                    == "/specs/api.yaml#" + JSONPointer.idPointer(["components", kind, name]))
        }
    }
    #expect(JSONPointer.componentID(file: "f", kind: "schemas", name: "a/b") == "f#/components/schemas/a~1b")
}
