import Testing

@testable import SpecsmithCore

/// How a description becomes doc-comment lines: split at every kind of line break, trailing blanks
/// dropped, blank lines kept inside and dropped at the ends.
@Suite struct DocumentationLinesTests {
    @Test(arguments: [
        ("One line.", ["One line."]),
        ("One line.  \t", ["One line."]),
        ("", []),
        ("   ", []),
        ("a\nb", ["a", "b"]),
        ("a\r\nb\rc", ["a", "b", "c"]),
        ("a\u{2028}b\u{2029}c", ["a", "b", "c"]),
        ("\n\nFirst.  \n\nSecond.\n\n", ["First.", "", "Second."]),
        ("Café – naïve\u{2026}", ["Café – naïve\u{2026}"]),
        ("– dash first\n€ euro", ["– dash first", "€ euro"]),
        ("a\r\r\nb", ["a", "", "b"]),
        ("– a\r\n“b”\u{2029}c\rd\n", ["– a", "“b”", "c", "d"]),
        ("x\u{2028}\u{2028}y  \n\tz", ["x", "", "y", "\tz"]),
    ])
    func lines(_ text: String, _ expected: [String]) {
        #expect(SchemaTranslator.documentation(text) == expected)
    }

    @Test func noDescriptionHasNoLines() {
        #expect(SchemaTranslator.documentation(nil) == [])
    }
}
