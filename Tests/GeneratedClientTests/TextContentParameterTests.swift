import Foundation
import HTTPTypes
import SpecsmithRuntime
import Testing

/// `searchNotes` has a parameter in each location whose `content` is `text/plain`: each is its text, encoded as its
/// location asks, or the value its schema makes of it (`limit` is an `Int`).
@Suite struct TextContentParameterTests {
    @Test func eachIsItsTextEncodedForItsLocation() throws {
        let prepared = try Operations.searchNotes(
            slug: "a/b c",
            q: "x&y=z+1",
            limit: 5,
            xNote: "a \"quoted\", note; kept",
            session: "s=1; t"
        )
        #expect(prepared.request.path == "/notes/a%2Fb%20c?q=x%26y%3Dz%2B1&limit=5")
        #expect(prepared.request.headerFields[HTTPField.Name("X-Note")!] == "a \"quoted\", note; kept")
        #expect(prepared.request.headerFields[.cookie] == "session=s%3D1%3B%20t")
    }

    @Test func absentOnesAreLeftOut() throws {
        let prepared = try Operations.searchNotes(slug: "today")
        #expect(prepared.request.path == "/notes/today")
        #expect(prepared.request.headerFields[HTTPField.Name("X-Note")!] == nil)
        #expect(prepared.request.headerFields[.cookie] == nil)
    }

    /// A text header is sent as it is, so text that would end the field or add one is refused.
    @Test func aHeaderWithALineBreakIsRefused() {
        #expect(throws: RequestError.invalidHeaderValue(name: "X-Note")) {
            try Operations.searchNotes(slug: "today", xNote: "note\r\nX-Admin: true")
        }
    }

    /// The schema's constraints are checked before anything is built.
    @Test func theSchemasConstraintsAreChecked() {
        #expect(throws: ValidationError.self) {
            try Operations.searchNotes(slug: "today", q: String(repeating: "q", count: 21))
        }
    }
}
