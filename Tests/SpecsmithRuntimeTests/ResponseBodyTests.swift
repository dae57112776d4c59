import Foundation
import HTTPTypes
import SpecsmithRuntime
import Testing

/// Response bodies that are not JSON, as generated clients read them: text through `decodeText`, bytes
/// as they arrived.
@Suite("Text response bodies")
struct ResponseBodyTests {
    private func response(_ body: String, contentType: String?) -> ReceivedResponse {
        var fields = HTTPFields()
        if let contentType { fields[.contentType] = contentType }
        return ReceivedResponse(status: .ok, headerFields: fields, body: Data(body.utf8))
    }

    @Test func textBodiesDecodeAsUTF8() throws {
        #expect(try response("a,b\n1,2", contentType: "text/csv").decodeText(operation: "report") == "a,b\n1,2")
        #expect(try response("zoë", contentType: "text/plain; charset=utf-8").decodeText(operation: "report") == "zoë")
        #expect(try response("", contentType: nil).decodeText(operation: "report") == "")
    }

    @Test func textBodiesDecodeInTheCharsetTheServerNames() throws {
        func text(_ bytes: [UInt8], _ contentType: String) throws -> String {
            let response = ReceivedResponse(status: .ok, headerFields: [.contentType: contentType], body: Data(bytes))
            return try response.decodeText(operation: "report")
        }
        #expect(try text([0x7A, 0x6F, 0xEB], "text/plain; charset=ISO-8859-1") == "zoë")
        #expect(try text([0x7A, 0x6F, 0xEB], #"text/plain;format=flowed; Charset="latin1""#) == "zoë")
        #expect(try text([0x80], "text/plain; charset=windows-1252") == "€")
        #expect(try text([0x00, 0x7A], "text/plain; charset=utf-16be") == "z")
        // A charset not listed is read as UTF-8, as without one.
        #expect(try text([0x7A, 0x6F, 0xC3, 0xAB], "text/plain; charset=x-unknown") == "zoë")
        let ascii = ReceivedResponse(status: .ok, headerFields: [.contentType: "text/plain; charset=us-ascii"], body: Data([0xEB]))
        #expect(throws: UnexpectedResponse(operation: "report", reason: .undecodableBody("not us-ascii text"), response: ascii)) {
            try ascii.decodeText(operation: "report")
        }
    }

    @Test func anotherMediaTypeIsUnexpected() {
        let json = response(#"{"error":"x"}"#, contentType: "application/json")
        #expect(throws: UnexpectedResponse(operation: "report", reason: .unexpectedContentType("application/json"), response: json)) {
            try json.decodeText(operation: "report")
        }
    }

    @Test func bytesThatAreNotUTF8AreUndecodable() {
        let bytes = ReceivedResponse(status: .ok, headerFields: [.contentType: "text/plain"], body: Data([0x61, 0xFF, 0xFE]))
        #expect(throws: UnexpectedResponse(operation: "report", reason: .undecodableBody("not UTF-8 text"), response: bytes)) {
            try bytes.decodeText(operation: "report")
        }
    }
}

/// How a response documented in several media types picks the one it is read as.
@Suite("Media type selection")
struct MediaTypeSelectionTests {
    private func selected(_ contentType: String?, among keys: [String]) throws -> String {
        var fields = HTTPFields()
        if let contentType { fields[.contentType] = contentType }
        return try ReceivedResponse(status: .ok, headerFields: fields).mediaType(among: keys, operation: "report")
    }

    @Test func keysCompareWithoutParametersAndCase() throws {
        let keys = ["application/json; charset=utf-8", "Text/CSV"]
        #expect(try selected("application/json", among: keys) == "application/json; charset=utf-8")
        #expect(try selected("text/csv; header=present", among: keys) == "Text/CSV")
    }

    @Test func theMostSpecificKeyWinsAndTheFirstAmongEquals() throws {
        let keys = [
            "*/*", "application/*", "application/*+json", "application/problem+json", "text/*", "text/*; charset=utf-8",
        ]
        #expect(try selected("application/problem+json", among: keys) == "application/problem+json")
        #expect(try selected("application/vnd.api+json", among: keys) == "application/*+json")
        #expect(try selected("application/json", among: keys) == "application/*")
        #expect(try selected("image/png", among: keys) == "*/*")
        #expect(try selected("text/plain", among: keys) == "text/*")
        #expect(try selected(nil, among: keys) == "*/*")
    }

    @Test func noMatchingKeyIsAnUnexpectedContentType() {
        let response = ReceivedResponse(status: .ok, headerFields: [.contentType: "text/html"])
        let expected = UnexpectedResponse(
            operation: "report", reason: .unexpectedContentType("text/html"), response: response)
        #expect(throws: expected) {
            try response.mediaType(among: ["application/json", "text/csv", "application/*+html"], operation: "report")
        }
    }
}
