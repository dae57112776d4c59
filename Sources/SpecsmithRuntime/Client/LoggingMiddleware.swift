import Foundation
import HTTPTypes

/// Logs each request and its response, or the error, with secrets hidden: header values of
/// `Authorization`, other secret-named headers and the operation's API key headers, the query, and
/// secret values in JSON bodies (see ``ClientRedaction``); a body that is not JSON is logged by its
/// size only.
/// ```
/// → me GET http://127.0.0.1:8080/auth/me [Accept: application/json, Authorization: <redacted>] (empty)
/// ← me 200 [Content-Type: application/json] {"name":"jo"}
/// ```
public struct LoggingMiddleware: ClientMiddleware {
    private let log: @Sendable (String) -> Void
    private let includeBodies: Bool

    /// A middleware that passes each line to `log`.
    ///
    /// - Parameter includeBodies: Whether to log bodies (redacted) or only their sizes.
    public init(includeBodies: Bool = true, log: @escaping @Sendable (String) -> Void) {
        self.log = log
        self.includeBodies = includeBodies
    }

    /// Logs the request, passes it on, and logs the response or the error.
    public func intercept(
        _ request: PreparedRequest,
        operation: ClientOperation,
        next: @Sendable (PreparedRequest) async throws -> ReceivedResponse
    ) async throws -> ReceivedResponse {
        let url = (try? request.url.absoluteString).map(Self.withoutQuery) ?? "(no URL)"
        log(
            "→ \(operation.name) \(request.request.method.rawValue) \(url) "
                + "[\(ClientRedaction.headers(request.request.headerFields, secret: operation.secretHeaders))] "
                + describe(request.body ?? Data())
        )
        do {
            let response = try await next(request)
            log(
                "← \(operation.name) \(response.status.code) [\(ClientRedaction.headers(response.headerFields))] "
                    + describe(response.body)
            )
            return response
        } catch {
            log("← \(operation.name) failed: \(Self.describe(error))")
            throw error
        }
    }

    private func describe(_ body: Data) -> String {
        includeBodies || body.isEmpty ? ClientRedaction.body(body) : "(\(body.count) bytes)"
    }

    /// A query may carry secrets: it shows as `?…`.
    private static func withoutQuery(_ url: String) -> String {
        guard let index = url.firstIndex(of: "?") else { return url }
        return url[..<index] + "?…"
    }

    private static func describe(_ error: any Error) -> String {
        if error is CancellationError { return "cancelled" }
        if let error = error as? URLError { return "URLError \(error.code.rawValue)" }
        return String(describing: type(of: error))
    }
}
