import Testing

@testable import SpecsmithCore

/// String literals in generated code hold their text exactly: plain text is only quoted, anything a
/// literal cannot hold as it is gets escaped.
@Suite struct SwiftLiteralTests {
    @Test(arguments: [
        ("grant_type", #""grant_type""#),
        ("", #""""#),
        ("a long wire name with spaces, more than fifteen bytes", #""a long wire name with spaces, more than fifteen bytes""#),
        (#"say "hi""#, #""say \"hi\"""#),
        (#"back\slash"#, #""back\\slash""#),
        ("line\nbreak\ttab", #""line\nbreak\ttab""#),
        ("del\u{7F}", #""del\u{7F}""#),
        ("café", #""café""#),
        ("zero\u{200B}width", #""zero\u{200B}width""#),
    ])
    func string(_ text: String, _ literal: String) {
        #expect(SwiftLiteral.string(text) == literal)
    }
}
