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
