import Foundation
import HTTPTypes

/// What a middleware knows about the operation a request belongs to.
public struct ClientOperation: Sendable, Hashable {
    /// The operation's Swift name (`me`, `oAuthToken`).
    public var name: String
    /// Whether the operation's security asks for `Authorization: Bearer <token>`.
    public var requiresBearerToken: Bool
    /// Headers that carry the operation's API keys (`X-API-Key`), which logs hide whatever their names.
    public var secretHeaders: [String]

    /// Describes an operation.
    public init(name: String, requiresBearerToken: Bool = false, secretHeaders: [String] = []) {
        self.name = name
        self.requiresBearerToken = requiresBearerToken
        self.secretHeaders = secretHeaders
    }
}

/// One step around the transport: it may change the request, call `next` any number of times
/// (zero to answer itself, more to retry) and change or replace the response.
///
/// Middlewares run in the order they are listed: the first sees the request first and the response
/// last. Put ``RetryMiddleware`` after the one that authenticates, so that every attempt is
/// authenticated, and a logging middleware last to see each attempt as it is sent.
public protocol ClientMiddleware: Sendable {
    /// Handles `request` for `operation`, passing it on with `next`.
    func intercept(
        _ request: PreparedRequest,
        operation: ClientOperation,
        next: @Sendable (PreparedRequest) async throws -> ReceivedResponse
    ) async throws -> ReceivedResponse
}

/// The transport and the middlewares around it: what a generated client sends through.
///
/// A generated client holds one and calls ``send(_:operation:decode:)`` with a request from its
/// `Operations` builder and a closure that turns the response into the operation's outcome.
public struct ClientCore: Sendable {
    /// Sends each request.
    public var transport: any HTTPTransport
    /// Run around the transport, first listed outermost.
    public var middlewares: [any ClientMiddleware]

    /// A core on `transport` with `middlewares`.
    public init(transport: any HTTPTransport, middlewares: [any ClientMiddleware] = []) {
        self.transport = transport
        self.middlewares = middlewares
    }

    /// Sends `request` through the middlewares and the transport and decodes the response.
    ///
    /// - Throws: whatever a middleware or the transport throws (`URLError`, `CancellationError`), or
    ///   what `decode` throws (``UnexpectedResponse`` for a response the operation does not document).
    public func send<Output>(
        _ request: PreparedRequest,
        operation: ClientOperation,
        decode: (ReceivedResponse) throws -> Output
    ) async throws -> Output {
        let response = try await chain(from: 0, operation: operation)(request)
        return try decode(response)
    }

    /// The request as a generated client method builds it: with `bearerToken` when one is given, else
    /// without `Authorization`, for a middleware such as ``BearerTokenMiddleware`` to add.
    ///
    /// - Parameter build: the operation's builder, called with the token (a placeholder when there is none).
    public static func prepare(
        bearerToken: String?,
        _ build: (String) throws -> PreparedRequest
    ) throws -> PreparedRequest {
        guard let bearerToken else {
            var request = try build("none")
            request.request.headerFields[.authorization] = nil
            return request
        }
        return try build(bearerToken)
    }

    private func chain(
        from index: Int,
        operation: ClientOperation
    ) -> @Sendable (PreparedRequest) async throws -> ReceivedResponse {
        guard index < middlewares.count else {
            let transport = transport
            return { request in
                try Task.checkCancellation()
                return try await transport.send(request)
            }
        }
        let middleware = middlewares[index]
        let next = chain(from: index + 1, operation: operation)
        return { request in try await middleware.intercept(request, operation: operation, next: next) }
    }
}
