import Foundation
import HTTPTypes
import SpecsmithRuntime
import Testing

/// Bodies of the sequential JSON media types that an OpenAPI 3.2 `itemSchema` describes, read as the array of their
/// values: JSON Lines, NDJSON and JSON text sequences.
@Suite struct JSONSequenceTests {
    struct Entry: Decodable, Hashable {
        var level: Int
        var message: String
    }

    func response(_ body: String, contentType: String?) -> ReceivedResponse {
        var fields = HTTPFields()
        if let contentType { fields[.contentType] = contentType }
        return ReceivedResponse(status: .ok, headerFields: fields, body: Data(body.utf8))
    }

    func entries(_ body: String, contentType: String?) throws -> [Entry] {
        try response(body, contentType: contentType).decodeJSONSequence(Entry.self, operation: "logs")
    }

    static let hi = Entry(level: 1, message: "Hi!")
    static let bye = Entry(level: 2, message: "Bye!")

    /// A value per line; blank lines, a line's `\r` and a last line without `\n` are read as JSON Lines allow.
    @Test func jsonLinesAndNDJSONAreAValuePerLine() throws {
        let lines = "{\"level\": 1, \"message\": \"Hi!\"}\r\n\n{\"level\": 2, \"message\": \"Bye!\"}"
        #expect(try entries(lines, contentType: "application/jsonl") == [Self.hi, Self.bye])
        #expect(try entries(lines + "\n", contentType: "application/x-ndjson; charset=utf-8") == [Self.hi, Self.bye])
        #expect(try entries(lines, contentType: nil) == [Self.hi, Self.bye])
        #expect(try entries("", contentType: "application/jsonl") == [])
    }

    /// RFC 7464: each value follows a record separator and may span lines, as OpenAPI 3.2's example shows.
    @Test func jsonTextSequencesAreAValuePerRecord() throws {
        let sequence =
            "\u{1E}{\n  \"level\": 1,\n  \"message\": \"Hi!\"\n}\n" + "\u{1E}{\"level\": 2, \"message\": \"Bye!\"}\n"
        #expect(try entries(sequence, contentType: "application/json-seq") == [Self.hi, Self.bye])
        #expect(try entries(sequence, contentType: "application/geo+json-seq") == [Self.hi, Self.bye])
    }

    /// A value that does not decode is named by its position; another media type is unexpected.
    @Test func anUndecodableValueIsNamedByItsPosition() {
        let broken = response(
            "{\"level\": 1, \"message\": \"Hi!\"}\n{\"level\": 2}\n", contentType: "application/jsonl")
        #expect(
            throws: UnexpectedResponse(
                operation: "logs", reason: .undecodableBody("[1]: missing key message"), response: broken)
        ) { try broken.decodeJSONSequence(Entry.self, operation: "logs") }
        let notJSON = response("{\"level\": 1, \"message\": \"Hi!\"}\n{oops\n", contentType: "application/jsonl")
        #expect(
            throws: UnexpectedResponse(
                operation: "logs", reason: .undecodableBody("[1]: not valid JSON"), response: notJSON)
        ) { try notJSON.decodeJSONSequence(Entry.self, operation: "logs") }
        let json = response("[]", contentType: "application/json")
        #expect(
            throws: UnexpectedResponse(
                operation: "logs", reason: .unexpectedContentType("application/json"), response: json)
        ) { try json.decodeJSONSequence(Entry.self, operation: "logs") }
    }
}
