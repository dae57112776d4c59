import Foundation
import HTTPTypes

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// An ``HTTPTransport`` on `URLSession` (FoundationNetworking on Linux).
///
/// Cancelling the task that awaits ``send(_:)`` cancels the data task, and ``send(_:)`` throws
/// `CancellationError`. `timeout`, when given, is the request's `timeoutInterval`: the longest wait
/// for the next bytes, after which `URLError(.timedOut)` is thrown (on Linux, rounded up to whole seconds).
public struct URLSessionTransport: HTTPTransport {
    /// The session requests are sent with.
    public let session: URLSession
    /// The request timeout, or `nil` for the session's own.
    public let timeout: TimeInterval?

    /// A transport on `session` (by default `URLSession.shared`).
    public init(session: URLSession = .shared, timeout: TimeInterval? = nil) {
        self.session = session
        self.timeout = timeout
    }

    /// Sends `request` with a data task and collects the whole response.
    ///
    /// - Throws: ``RequestError`` if the request has no URL; `URLError` if no response arrived;
    ///   `CancellationError` if the task was cancelled.
    public func send(_ request: PreparedRequest) async throws -> ReceivedResponse {
        var urlRequest = try request.urlRequest
        if let timeout {
            #if canImport(FoundationNetworking)
                // FoundationNetworking (libcurl) fails at once with a timeout under a second: count whole seconds.
                urlRequest.timeoutInterval = max(1, timeout.rounded(.up))
            #else
                urlRequest.timeoutInterval = timeout
            #endif
        }
        try Task.checkCancellation()
        let box = DataTaskBox()
        do {
            let (data, response) = try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation {
                    (continuation: CheckedContinuation<(Data, URLResponse), any Error>) in
                    let task = session.dataTask(with: urlRequest) { data, response, error in
                        if let error {
                            continuation.resume(throwing: error)
                        } else if let response {
                            continuation.resume(returning: (data ?? Data(), response))
                        } else {
                            continuation.resume(throwing: URLError(.badServerResponse))
                        }
                    }
                    box.start(task)
                }
            } onCancel: {
                box.cancel()
            }
            guard let http = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
            return ReceivedResponse(status: .init(code: http.statusCode), headerFields: Self.fields(http), body: data)
        } catch let error as URLError where error.code == .cancelled && Task.isCancelled {
            throw CancellationError()
        }
    }

    private static func fields(_ response: HTTPURLResponse) -> HTTPFields {
        var fields = HTTPFields()
        let pairs = response.allHeaderFields.compactMap { key, value -> (String, String)? in
            guard let name = key as? String else { return nil }
            return (name, value as? String ?? "\(value)")
        }
        // Foundation keeps no order; sorting makes printing and comparing stable.
        for (name, value) in pairs.sorted(by: { $0.0.lowercased() < $1.0.lowercased() }) {
            guard let fieldName = HTTPField.Name(name) else { continue }
            fields.append(HTTPField(name: fieldName, value: value))
        }
        return fields
    }
}

/// Holds the data task so that a cancellation arriving before, during or after its start cancels it.
private final class DataTaskBox: @unchecked Sendable {
    private let lock = NSLock()
    private var task: URLSessionDataTask?
    private var isCancelled = false

    func start(_ task: URLSessionDataTask) {
        let cancelled = lock.withLock {
            self.task = task
            return isCancelled
        }
        task.resume()
        if cancelled { task.cancel() }
    }

    func cancel() {
        let task = lock.withLock {
            isCancelled = true
            return self.task
        }
        task?.cancel()
    }
}
