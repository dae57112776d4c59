import Foundation
import HTTPTypes
import SpecsmithRuntime

/// Answers every request with one response, as a server would send it.
struct CannedTransport: HTTPTransport {
    let response: ReceivedResponse

    func send(_ request: PreparedRequest) async throws -> ReceivedResponse { response }
}

extension DecodingClient {
    /// A client whose every request is answered with `status`, `body` and, when given, `Content-Type`.
    init(status: Int, contentType: String?, body: String) {
        var fields = HTTPFields()
        if let contentType { fields[.contentType] = contentType }
        let response = ReceivedResponse(status: .init(code: status), headerFields: fields, body: Data(body.utf8))
        self.init(transport: CannedTransport(response: response))
    }

    /// A client whose every request is answered with `status`, the header fields `fields` (name and value, in
    /// order, a name given twice sent as two fields) and the JSON `body`.
    init(status: Int, fields: [(String, String)], body: String = #"{"up":true}"#) {
        var headerFields = HTTPFields()
        for (name, value) in fields {
            headerFields.append(HTTPField(name: HTTPField.Name(name)!, value: value))
        }
        let response = ReceivedResponse(status: .init(code: status), headerFields: headerFields, body: Data(body.utf8))
        self.init(transport: CannedTransport(response: response))
    }
}
