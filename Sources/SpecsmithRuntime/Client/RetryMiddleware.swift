import Foundation
import HTTPTypes

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Repeats a request that got `429 Too Many Requests` or `503 Service Unavailable`, or failed to
/// connect, waiting longer before each attempt.
///
/// Only idempotent requests are repeated (`GET`, `HEAD`, `PUT`, `DELETE`, `OPTIONS`, `TRACE`, `QUERY`):
/// a `POST` or `PATCH` may have taken effect even though its response says otherwise, so it is repeated
/// only when the middleware is made with `retryingNonIdempotent: true`, or when the connection was
/// refused (the request never reached the server).
///
/// The wait before attempt *n + 1* is `baseDelay × 2ⁿ⁻¹`, at most `maxDelay`; a `Retry-After` header
/// in seconds replaces it (also at most `maxDelay`). Cancelling the task stops the wait at once.
/// The last response (a 429, say) is returned as it is, and the last error thrown.
public struct RetryMiddleware: ClientMiddleware {
    /// How many times a request is sent at most, the first included.
    public let maxAttempts: Int
    /// The wait before the second attempt.
    public let baseDelay: Duration
    /// The longest wait.
    public let maxDelay: Duration
    /// Whether `POST`, `PATCH` and other non-idempotent requests are repeated after a 429 or 503 as well.
    public let retryingNonIdempotent: Bool
    private let sleep: @Sendable (Duration) async throws -> Void

    /// A retry policy.
    ///
    /// - Parameters:
    ///   - maxAttempts: How many times a request is sent at most (at least 1).
    ///   - baseDelay: The wait before the second attempt; each later wait doubles.
    ///   - maxDelay: The longest wait, also for `Retry-After`.
    ///   - retryingNonIdempotent: Whether to repeat `POST`, `PATCH` and other non-idempotent requests too.
    ///   - sleep: How to wait; `Task.sleep` unless a test records the waits instead.
    public init(
        maxAttempts: Int = 3,
        baseDelay: Duration = .milliseconds(250),
        maxDelay: Duration = .seconds(30),
        retryingNonIdempotent: Bool = false,
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.retryingNonIdempotent = retryingNonIdempotent
        self.sleep = sleep
    }

    /// Sends the request, and again while it should be repeated and attempts remain.
    public func intercept(
        _ request: PreparedRequest,
        operation: ClientOperation,
        next: @Sendable (PreparedRequest) async throws -> ReceivedResponse
    ) async throws -> ReceivedResponse {
        let repeatable = retryingNonIdempotent || Self.isIdempotent(request.request.method)
        var attempt = 1
        while true {
            let delay: Duration
            do {
                let response = try await next(request)
                guard repeatable, attempt < maxAttempts, Self.retryableStatuses.contains(response.status.code) else {
                    return response
                }
                delay = retryAfter(response) ?? backoff(after: attempt)
            } catch {
                guard attempt < maxAttempts, repeatable || Self.neverReachedServer(error),
                    Self.isConnectionError(error)
                else {
                    throw error
                }
                delay = backoff(after: attempt)
            }
            try Task.checkCancellation()
            try await sleep(delay)
            attempt += 1
        }
    }

    /// `429 Too Many Requests` and `503 Service Unavailable`.
    static let retryableStatuses: Set<Int> = [429, 503]

    /// The methods RFC 9110 defines as idempotent, and `QUERY`, which RFC 10008 does.
    static func isIdempotent(_ method: HTTPRequest.Method) -> Bool {
        [.get, .head, .put, .delete, .options, .trace, .named("QUERY")].contains(method)
    }

    /// Errors where no response arrived because the connection failed or dropped.
    static func isConnectionError(_ error: any Error) -> Bool {
        guard let error = error as? URLError else { return false }
        return [
            .cannotConnectToHost, .networkConnectionLost, .cannotFindHost, .dnsLookupFailed, .notConnectedToInternet,
            .timedOut,
        ].contains(error.code)
    }

    /// Errors where the request cannot have reached the server.
    static func neverReachedServer(_ error: any Error) -> Bool {
        guard let error = error as? URLError else { return false }
        return [.cannotConnectToHost, .cannotFindHost, .dnsLookupFailed, .notConnectedToInternet].contains(error.code)
    }

    func backoff(after attempt: Int) -> Duration {
        let factor = 1 << min(attempt - 1, 30)
        return min(baseDelay * factor, maxDelay)
    }

    /// `Retry-After` in whole seconds, capped at ``maxDelay``.
    func retryAfter(_ response: ReceivedResponse) -> Duration? {
        guard let text = response.headerFields[.retryAfter],
            let seconds = Int(text.trimmingCharacters(in: .whitespaces)),
            seconds >= 0
        else { return nil }
        return min(.seconds(seconds), maxDelay)
    }
}
