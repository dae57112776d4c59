import Foundation
import HTTPTypes

/// Adds `Authorization: Bearer <token>` to the requests of operations that require a bearer token,
/// asking an async provider for the token each time (so the provider can cache and renew it).
///
/// A request that already carries `Authorization` (a token passed to the client method) keeps it,
/// unless the middleware is made with `replacingExisting: true`. Operations that need no token, such
/// as one that obtains a token, never get one: it is not sent where it is not asked for.
/// ```swift
/// let client = EvalClient(middlewares: [BearerTokenMiddleware { try await session.validAccessToken() }])
/// let me = try await client.me()
/// ```
public struct BearerTokenMiddleware: ClientMiddleware {
    private let token: @Sendable () async throws -> String
    private let replacingExisting: Bool

    /// A middleware that gets each token from `token`.
    ///
    /// - Parameter replacingExisting: Whether to replace an `Authorization` header already on the request.
    public init(replacingExisting: Bool = false, token: @escaping @Sendable () async throws -> String) {
        self.token = token
        self.replacingExisting = replacingExisting
    }

    /// Sets the header when the operation requires a token, then passes the request on.
    ///
    /// - Throws: what the provider throws; ``RequestError/invalidHeaderValue(name:)`` if the token
    ///   contains CR, LF or another character a header cannot hold.
    public func intercept(
        _ request: PreparedRequest,
        operation: ClientOperation,
        next: @Sendable (PreparedRequest) async throws -> ReceivedResponse
    ) async throws -> ReceivedResponse {
        guard operation.requiresBearerToken,
            replacingExisting || request.request.headerFields[.authorization] == nil
        else {
            return try await next(request)
        }
        var request = request
        let value = "Bearer " + (try await token())
        guard HTTPField.isValidValue(value) else { throw RequestError.invalidHeaderValue(name: "Authorization") }
        var field = HTTPField(name: .authorization, value: value)
        field.indexingStrategy = .disallow
        request.request.headerFields[fields: .authorization] = [field]
        return try await next(request)
    }
}
