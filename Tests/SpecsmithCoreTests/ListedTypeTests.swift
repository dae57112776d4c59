import SpecsmithDiagnostics
import Testing

@testable import SpecsmithCore

@Suite struct ListedTypeTests {
    /// ``Schema/listedType`` says what ``Schema/nonNullTypes`` holds (nothing, one type or several, a type listed
    /// twice counting twice) for every list of up to three types, `null` among them or not.
    @Test func listedTypeAgreesWithNonNullTypes() {
        var lists: [[SchemaType]] = [[]]
        for first in SchemaType.allCases {
            lists.append([first])
            for second in SchemaType.allCases {
                lists.append([first, second])
                for third in SchemaType.allCases { lists.append([first, second, third]) }
            }
        }
        for types in lists {
            var schema = Schema(location: SourceLocation(file: "s.yaml", line: 1, column: 1))
            schema.types = types
            let nonNull = schema.nonNullTypes
            let expected: ListedType = nonNull.isEmpty ? .none : nonNull.count == 1 ? .one(nonNull[0]) : .several
            #expect(schema.listedType == expected, "type: \(types)")
        }
    }

    /// ``Swift/String/firstByte`` is the first byte of the UTF-8, for small, large, empty and non-ASCII strings.
    @Test(arguments: ["", "a", "[String]", "`self`", "été", "a name longer than fifteen bytes", "\u{1F44D}"])
    func firstByteIsTheFirstUTF8Byte(_ text: String) {
        #expect(text.firstByte == text.utf8.first)
    }
}
