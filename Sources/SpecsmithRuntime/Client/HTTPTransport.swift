import Foundation
import HTTPTypes

/// Sends one request and returns the response: the seam between a generated client and the network.
///
/// ``URLSessionTransport`` is the default. Any other HTTP stack plugs in by conforming, for example
/// AsyncHTTPClient:
/// ```swift
/// struct AsyncHTTPClientTransport: HTTPTransport {
///     let client: HTTPClient
///     func send(_ request: PreparedRequest) async throws -> ReceivedResponse {
///         var outgoing = HTTPClientRequest(url: try request.url.absoluteString)
///         outgoing.method = .init(rawValue: request.request.method.rawValue)
///         for field in request.request.headerFields { outgoing.headers.add(name: field.name.rawName, value: field.value) }
///         if let body = request.body { outgoing.body = .bytes(body) }
///         let response = try await client.execute(outgoing, timeout: .seconds(30))
///         var fields = HTTPFields()
///         for (name, value) in response.headers { if let name = HTTPField.Name(name) { fields.append(.init(name: name, value: value)) } }
///         let body = try await response.body.collect(upTo: 10 << 20)
///         return ReceivedResponse(status: .init(code: Int(response.status.code)), headerFields: fields, body: Data(buffer: body))
///     }
/// }
/// ```
///
/// A transport must honour task cancellation (stop the request and throw `CancellationError` or the
/// stack's own cancellation error) and its own timeouts; it must not retry, since retries belong to
/// ``RetryMiddleware``, which knows whether a request is idempotent.
public protocol HTTPTransport: Sendable {
    /// Sends `request` once and returns the response, whatever its status.
    ///
    /// - Throws: an error when no response arrived: the connection failed, timed out or was cancelled.
    func send(_ request: PreparedRequest) async throws -> ReceivedResponse
}

/// A response as it arrived: status, header fields and the whole body.
///
/// Printing it shows the status, the header names and the body's size, never header values or the body.
public struct ReceivedResponse: Sendable, Hashable {
    /// The status code and reason phrase.
    public var status: HTTPResponse.Status
    /// The header fields, in the order they arrived.
    public var headerFields: HTTPFields
    /// The body bytes; empty when there was none.
    public var body: Data

    /// A response from its parts.
    public init(status: HTTPResponse.Status, headerFields: HTTPFields = [:], body: Data = Data()) {
        self.status = status
        self.headerFields = headerFields
        self.body = body
    }

    /// The media type of the body without parameters, lowercased (`application/json`), if the response
    /// has a `Content-Type`.
    public var mediaType: String? {
        guard let value = headerFields[.contentType] else { return nil }
        let base = value.split(separator: ";", maxSplits: 1).first ?? ""
        return base.trimmingCharacters(in: .whitespaces).lowercased()
    }
}

extension ReceivedResponse: CustomStringConvertible, CustomDebugStringConvertible {
    /// `200 [Content-Type, Content-Length] 120-byte body`.
    public var description: String {
        var text = "\(status.code)"
        let names = headerFields.map(\.name.rawName)
        if !names.isEmpty {
            text += " [" + names.joined(separator: ", ") + "]"
        }
        return text + " \(body.count)-byte body"
    }

    /// The same as ``description``.
    public var debugDescription: String { description }
}
