import Foundation
import HTTPTypes
import SpecsmithRuntime

/// Answers every request with one response, as a server would send it, and keeps the requests it was sent.
final class RecordingTransport: HTTPTransport, @unchecked Sendable {
    let response: ReceivedResponse
    private let lock = NSLock()
    private var _requests: [PreparedRequest] = []

    init(status: Int, contentType: String? = nil, body: String = "") {
        var fields = HTTPFields()
        if let contentType { fields[.contentType] = contentType }
        response = ReceivedResponse(status: .init(code: status), headerFields: fields, body: Data(body.utf8))
    }

    /// The requests sent so far, in order.
    var requests: [PreparedRequest] { lock.withLock { _requests } }

    func send(_ request: PreparedRequest) async throws -> ReceivedResponse {
        lock.withLock { _requests.append(request) }
        return response
    }
}

struct UnexpectedOutcome: Error {}
