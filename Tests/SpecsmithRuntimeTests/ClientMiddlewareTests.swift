import Foundation
import HTTPTypes
import SpecsmithRuntime
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A transport that answers from a script and records every request it was given.
final class FakeTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var script: [Result<ReceivedResponse, any Error>]
    private var _requests: [PreparedRequest] = []

    init(_ script: [Result<ReceivedResponse, any Error>]) {
        self.script = script
    }

    var requests: [PreparedRequest] { lock.withLock { _requests } }

    func send(_ request: PreparedRequest) async throws -> ReceivedResponse {
        let next = lock.withLock {
            _requests.append(request)
            return script.isEmpty ? .success(ReceivedResponse(status: .ok)) : script.removeFirst()
        }
        return try next.get()
    }
}

/// Records values from concurrent code.
final class Recorder<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var _values: [Value] = []
    func append(_ value: Value) { lock.withLock { _values.append(value) } }
    var values: [Value] { lock.withLock { _values } }
}

func jsonResponse(_ status: HTTPResponse.Status, _ body: String, headers: HTTPFields = [:]) -> ReceivedResponse {
    var fields = headers
    fields[.contentType] = "application/json"
    return ReceivedResponse(status: status, headerFields: fields, body: Data(body.utf8))
}

func request(_ method: HTTPRequest.Method, _ path: String = "/auth/me", body: String? = nil) throws -> PreparedRequest {
    var builder = RequestBuilder(method: method, server: URL(string: "https://api.example.com/v1")!, path: "/auth/me")
    if let body { try builder.setJSONBody(["data": body]) }
    return try builder.build()
}

@Suite struct ClientMiddlewareTests {
    struct Tagging: ClientMiddleware {
        let tag: String
        let order: Recorder<String>
        func intercept(
            _ request: PreparedRequest,
            operation: ClientOperation,
            next: @Sendable (PreparedRequest) async throws -> ReceivedResponse
        ) async throws -> ReceivedResponse {
            order.append("→\(tag)")
            var request = request
            request.request.headerFields.append(HTTPField(name: HTTPField.Name("X-Tag")!, value: tag))
            let response = try await next(request)
            order.append("←\(tag)")
            return response
        }
    }

    @Test func middlewaresRunInListedOrderAroundTheTransport() async throws {
        let transport = FakeTransport([.success(jsonResponse(.ok, "{}"))])
        let order = Recorder<String>()
        let core = ClientCore(
            transport: transport,
            middlewares: [Tagging(tag: "a", order: order), Tagging(tag: "b", order: order)]
        )
        let status = try await core.send(try request(.get), operation: ClientOperation(name: "me")) { $0.status.code }
        #expect(status == 200)
        #expect(order.values == ["→a", "→b", "←b", "←a"])
        #expect(transport.requests.first?.request.headerFields[values: HTTPField.Name("X-Tag")!] == ["a", "b"])
    }

    @Test func bearerMiddlewareAsksTheProviderOnlyForOperationsThatNeedAToken() async throws {
        let transport = FakeTransport([])
        let asked = Recorder<Int>()
        let core = ClientCore(
            transport: transport,
            middlewares: [
                BearerTokenMiddleware {
                    asked.append(1)
                    return "tok-\(asked.values.count)"
                }
            ]
        )
        let secured = ClientOperation(name: "me", requiresBearerToken: true)
        _ = try await core.send(try request(.get), operation: secured) { $0 }
        _ = try await core.send(try request(.post), operation: ClientOperation(name: "accessTokenRequest")) { $0 }
        _ = try await core.send(try request(.get), operation: secured) { $0 }
        let sent = transport.requests.map { $0.request.headerFields[.authorization] }
        #expect(sent == ["Bearer tok-1", nil, "Bearer tok-2"])
        #expect(transport.requests[0].request.headerFields[fields: .authorization].first?.indexingStrategy == .disallow)
    }

    @Test func bearerMiddlewareKeepsATokenPassedToTheMethodUnlessToldToReplaceIt() async throws {
        let transport = FakeTransport([])
        let given = try ClientCore.prepare(bearerToken: "given") { token in
            var builder = RequestBuilder(method: .get, server: URL(string: "https://api.example.com")!, path: "/me")
            try builder.setBearerToken(token)
            return try builder.build()
        }
        let secured = ClientOperation(name: "me", requiresBearerToken: true)
        let keeping = ClientCore(transport: transport, middlewares: [BearerTokenMiddleware { "provided" }])
        _ = try await keeping.send(given, operation: secured) { $0 }
        let replacing = ClientCore(
            transport: transport,
            middlewares: [BearerTokenMiddleware(replacingExisting: true) { "provided" }]
        )
        _ = try await replacing.send(given, operation: secured) { $0 }
        #expect(
            transport.requests.map { $0.request.headerFields[.authorization] } == ["Bearer given", "Bearer provided"]
        )
    }

    @Test func prepareWithoutATokenLeavesNoAuthorizationHeader() throws {
        let request = try ClientCore.prepare(bearerToken: nil) { token in
            var builder = RequestBuilder(method: .get, server: URL(string: "https://api.example.com")!, path: "/me")
            try builder.setBearerToken(token)
            return try builder.build()
        }
        #expect(request.request.headerFields[.authorization] == nil)
    }

    @Test func bearerMiddlewareRefusesATokenThatWouldSplitTheHeader() async throws {
        let transport = FakeTransport([])
        let core = ClientCore(transport: transport, middlewares: [BearerTokenMiddleware { "a\r\nX-Evil: 1" }])
        await #expect(throws: RequestError.invalidHeaderValue(name: "Authorization")) {
            _ = try await core.send(
                try request(.get),
                operation: ClientOperation(name: "me", requiresBearerToken: true)
            ) { $0 }
        }
        #expect(transport.requests.isEmpty)
    }
}

@Suite struct RetryMiddlewareTests {
    static let tooMany = jsonResponse(.tooManyRequests, "{}")
    static let unavailable = jsonResponse(.serviceUnavailable, "{}")

    @Test func repeatsA429And503WithDoublingWaits() async throws {
        let transport = FakeTransport([
            .success(Self.tooMany), .success(Self.unavailable), .success(jsonResponse(.ok, "{}")),
        ])
        let waits = Recorder<Duration>()
        let retry = RetryMiddleware(maxAttempts: 4, baseDelay: .milliseconds(100)) { waits.append($0) }
        let core = ClientCore(transport: transport, middlewares: [retry])
        let status = try await core.send(try request(.get), operation: ClientOperation(name: "me")) { $0.status.code }
        #expect(status == 200)
        #expect(transport.requests.count == 3)
        #expect(waits.values == [.milliseconds(100), .milliseconds(200)])
    }

    @Test func honoursRetryAfterUpToTheLongestWait() async throws {
        let later = jsonResponse(.tooManyRequests, "{}", headers: [.retryAfter: "120"])
        let transport = FakeTransport([.success(later), .success(jsonResponse(.ok, "{}"))])
        let waits = Recorder<Duration>()
        let retry = RetryMiddleware(maxDelay: .seconds(5)) { waits.append($0) }
        _ = try await ClientCore(transport: transport, middlewares: [retry])
            .send(try request(.get), operation: ClientOperation(name: "me")) { $0 }
        #expect(waits.values == [.seconds(5)])
    }

    @Test func returnsTheLastResponseWhenAttemptsRunOut() async throws {
        let transport = FakeTransport([.success(Self.tooMany), .success(Self.tooMany), .success(Self.tooMany)])
        let retry = RetryMiddleware(maxAttempts: 2) { _ in }
        let status = try await ClientCore(transport: transport, middlewares: [retry])
            .send(try request(.get), operation: ClientOperation(name: "me")) { $0.status.code }
        #expect(status == 429)
        #expect(transport.requests.count == 2)
    }

    @Test func neverRepeatsAPostUnlessTold() async throws {
        let transport = FakeTransport([.success(Self.tooMany), .success(jsonResponse(.ok, "{}"))])
        let status = try await ClientCore(transport: transport, middlewares: [RetryMiddleware { _ in }])
            .send(try request(.post, body: "x"), operation: ClientOperation(name: "post")) { $0.status.code }
        #expect(status == 429)
        #expect(transport.requests.count == 1)

        let told = FakeTransport([.success(Self.tooMany), .success(jsonResponse(.ok, "{}"))])
        let retried = try await ClientCore(
            transport: told,
            middlewares: [RetryMiddleware(retryingNonIdempotent: true) { _ in }]
        ).send(try request(.post, body: "x"), operation: ClientOperation(name: "post")) { $0.status.code }
        #expect(retried == 200)
        #expect(told.requests.map(\.body) == [Data(#"{"data":"x"}"#.utf8), Data(#"{"data":"x"}"#.utf8)])
    }

    /// QUERY is safe and idempotent (RFC 10008), as GET is; a method of OpenAPI 3.2's `additionalOperations` is
    /// not known to be.
    @Test func repeatsAQueryButNotAnAdditionalMethod() async throws {
        let transport = FakeTransport([.success(Self.tooMany), .success(jsonResponse(.ok, "{}"))])
        let status = try await ClientCore(transport: transport, middlewares: [RetryMiddleware { _ in }])
            .send(try request(.named("QUERY"), body: "x"), operation: ClientOperation(name: "search")) {
                $0.status.code
            }
        #expect(status == 200)
        #expect(transport.requests.map(\.request.method.rawValue) == ["QUERY", "QUERY"])

        let copy = FakeTransport([.success(Self.tooMany), .success(jsonResponse(.ok, "{}"))])
        let copied = try await ClientCore(transport: copy, middlewares: [RetryMiddleware { _ in }])
            .send(try request(.named("COPY")), operation: ClientOperation(name: "copy")) { $0.status.code }
        #expect(copied == 429)
        #expect(copy.requests.count == 1)
    }

    @Test func repeatsAfterAConnectionErrorButNotAfterOtherErrors() async throws {
        let transport = FakeTransport([.failure(URLError(.cannotConnectToHost)), .success(jsonResponse(.ok, "{}"))])
        let status = try await ClientCore(transport: transport, middlewares: [RetryMiddleware { _ in }])
            .send(try request(.get), operation: ClientOperation(name: "me")) { $0.status.code }
        #expect(status == 200)
        #expect(transport.requests.count == 2)

        let other = FakeTransport([.failure(URLError(.badURL)), .success(jsonResponse(.ok, "{}"))])
        await #expect(throws: URLError.self) {
            _ = try await ClientCore(transport: other, middlewares: [RetryMiddleware { _ in }])
                .send(try request(.get), operation: ClientOperation(name: "me")) { $0 }
        }
        #expect(other.requests.count == 1)
    }

    @Test func aDroppedConnectionIsNotRepeatedForAPost() async throws {
        let transport = FakeTransport([.failure(URLError(.networkConnectionLost)), .success(jsonResponse(.ok, "{}"))])
        await #expect(throws: URLError.self) {
            _ = try await ClientCore(transport: transport, middlewares: [RetryMiddleware { _ in }])
                .send(try request(.post, body: "x"), operation: ClientOperation(name: "post")) { $0 }
        }
        #expect(transport.requests.count == 1)
    }
}

@Suite struct ClientRedactionTests {
    @Test func loggingHidesTheAuthorizationHeaderAndSecretBodyValues() async throws {
        let transport = FakeTransport([
            .success(jsonResponse(.ok, #"{"accessToken":"eyJ-secret","name":"jo","errorText":""}"#))
        ])
        let lines = Recorder<String>()
        let core = ClientCore(
            transport: transport,
            middlewares: [BearerTokenMiddleware { "tok-SECRET" }, LoggingMiddleware { lines.append($0) }]
        )
        var builder = RequestBuilder(method: .post, server: URL(string: "https://api.example.com")!, path: "/login")
        try builder.setJSONBody(["name": "jo", "password": "hunter2", "client_secret": "s3"])
        _ = try await core.send(
            try builder.build(),
            operation: ClientOperation(name: "login", requiresBearerToken: true)
        ) {
            $0
        }
        let log = lines.values.joined(separator: "\n")
        #expect(lines.values.count == 2)
        #expect(log.contains("Authorization: <redacted>"))
        #expect(log.contains(#""password":"<redacted>""#))
        #expect(log.contains(#""client_secret":"<redacted>""#))
        #expect(log.contains(#""accessToken":"<redacted>""#))
        #expect(log.contains(#""name":"jo""#))
        for secret in ["tok-SECRET", "hunter2", "s3\"", "eyJ-secret"] {
            #expect(!log.contains(secret), "the log shows \(secret)")
        }
    }

    /// An API key header is hidden whatever its name: the operation names it (`X-Client`, which no
    /// rule would guess), in any case.
    @Test func loggingHidesTheOperationsAPIKeyHeaders() async throws {
        let transport = FakeTransport([.success(jsonResponse(.ok, "{}"))])
        let lines = Recorder<String>()
        let core = ClientCore(transport: transport, middlewares: [LoggingMiddleware { lines.append($0) }])
        var builder = RequestBuilder(method: .get, server: URL(string: "https://api.example.com")!, path: "/me")
        try builder.setHeader("X-Client", "k-SECRET")
        try builder.setHeader("X-Trace", "t-1")
        let operation = ClientOperation(name: "me", secretHeaders: ["x-client"])
        _ = try await core.send(try builder.build(), operation: operation) { $0 }
        let log = lines.values.joined(separator: "\n")
        #expect(log.contains("X-Client: <redacted>"))
        #expect(log.contains("X-Trace: t-1"))
        #expect(!log.contains("k-SECRET"))
    }

    @Test func anUnexpectedResponseKeepsTheRawBodyButPrintsItRedacted() throws {
        let raw = #"{"error":"invalid_grant","refresh_token":"rt-SECRET"}"#
        let response = jsonResponse(.unauthorized, raw, headers: [.setCookie: "session=abc"])
        let error = response.undocumented(operation: "oAuthToken")
        #expect(error.status == 401)
        #expect(error.body == Data(raw.utf8))
        #expect(error.headerFields[.setCookie] == "session=abc")
        let printed = String(describing: error) + String(reflecting: error)
        var dumped = ""
        dump(error, to: &dumped)
        for text in [printed, dumped] {
            #expect(text.contains("401"))
            #expect(text.contains("invalid_grant"))
            #expect(!text.contains("rt-SECRET"))
            #expect(!text.contains("abc"))
        }
    }

    @Test func aBodyThatIsNotJSONIsShownByItsSizeOnly() {
        #expect(ClientRedaction.body(Data("password=hunter2".utf8)) == "(16 bytes, not JSON)")
        #expect(ClientRedaction.body(Data()) == "(empty)")
    }

    @Test func structuredSyntaxJSONMediaTypesDecodeAsJSON() throws {
        let contentTypes = [
            "application/problem+json", "application/vnd.api+json; charset=utf-8", "Application/Problem+JSON",
        ]
        for contentType in contentTypes {
            let response = ReceivedResponse(
                status: .notFound,
                headerFields: [.contentType: contentType],
                body: Data(#"{"status":404}"#.utf8)
            )
            #expect(try response.decodeJSON([String: Int].self, operation: "getPet") == ["status": 404])
        }
    }

    @Test func decodingReportsTheWrongContentTypeAndUndecodableBodies() {
        let html = ReceivedResponse(status: .ok, headerFields: [.contentType: "text/html"], body: Data("<html>".utf8))
        #expect(
            throws: UnexpectedResponse(operation: "me", reason: .unexpectedContentType("text/html"), response: html)
        ) {
            try html.decodeJSON([String: Int].self, operation: "me")
        }
        let wrong = jsonResponse(.ok, #"{"count":"many"}"#)
        do {
            _ = try wrong.decodeJSON([String: Int].self, operation: "me")
            Issue.record("decoded")
        } catch {
            guard case .undecodableBody(let explanation) = error.reason else {
                Issue.record("wrong reason \(error.reason)")
                return
            }
            #expect(explanation.contains("count"))
            #expect(!explanation.contains("many"))
        }
    }

    @Test func undecodableBodiesAreExplainedWithTheirPath() {
        struct Item: Decodable { let name: String }
        struct Page: Decodable { let items: [Item] }
        func explanation<Body: Decodable>(_ type: Body.Type, _ body: String) -> String? {
            let decoded = Result { () throws(UnexpectedResponse) in
                try jsonResponse(.ok, body).decodeJSON(type, operation: "list")
            }
            guard case .failure(let error) = decoded, case .undecodableBody(let explanation) = error.reason else {
                return nil
            }
            return explanation
        }
        #expect(explanation(Page.self, #"{"items":[{"name":"a"},{"name":1}]}"#) == "items[1].name: expected String")
        #expect(explanation(Page.self, #"{"items":[{}]}"#) == "items[0]: missing key name")
        #expect(explanation([Item].self, #"[{"name":null}]"#) == "[0].name: expected String, found null")
        // JSON, but not a value of the type, is not called invalid JSON.
        #expect(explanation(Date.self, #""yesterday""#) == "the body: invalid value")
        #expect(explanation(Page.self, "{") == "not valid JSON")
        #expect(explanation(Page.self, "") == "not valid JSON")
    }

    struct Answer {
        let errorText: String?
        let error: String?
    }

    @Test func reportedFailureFindsANonEmptyErrorText() {
        #expect(
            ReportedFailure.message(in: Answer(errorText: "Incorrect username or password", error: nil))
                == "Incorrect username or password"
        )
        #expect(ReportedFailure.message(in: Answer(errorText: "", error: "invalid_grant")) == "invalid_grant")
        #expect(ReportedFailure.message(in: Answer(errorText: "", error: nil)) == nil)
    }
}
