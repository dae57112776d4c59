import EvalAPI
import Foundation
import HTTPTypes
import SpecsmithRuntime
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The generated `EvalClient` over real HTTP against ``LoopbackEvalServer``. Each test checks what the
/// client returned and what arrived at the server.
@Suite struct EvalClientEndToEndTests {
    /// Runs `body` with a fresh server, stopped afterwards whatever happens.
    func withServer(_ body: (LoopbackEvalServer) async throws -> Void) async throws {
        let server = try await LoopbackEvalServer.start()
        do {
            try await body(server)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    /// A client of the loopback server with a short timeout, so that a broken test fails rather than hangs.
    func client(_ server: LoopbackEvalServer, middlewares: [any ClientMiddleware] = []) -> EvalClient {
        EvalClient(server: server.server, transport: URLSessionTransport(timeout: 30), middlewares: middlewares)
    }

    func accessToken(_ outcome: EvalClient.AccessTokenRequestOutcome) throws -> String {
        guard case .ok(let response) = outcome else { throw URLError(.badServerResponse) }
        return try #require(response.accessToken)
    }

    @Test func oAuthTokenExchangesAnAuthorizationCodeForATokenThatOpensMe() async throws {
        try await withServer { server in
            let client = client(server)
            let exchange = OAuthToken(
                grantType: "authorization_code",
                code: LoopbackEvalServer.code,
                redirectUri: LoopbackEvalServer.redirect,
                clientId: LoopbackEvalServer.clientID,
                clientSecret: LoopbackEvalServer.clientSecret
            )
            guard case .ok(let token) = try await client.oAuthToken(exchange) else { return }
            #expect(ReportedFailure.message(in: token) == nil)
            #expect(token.tokenType == "Bearer")
            #expect(token.expiresIn == 5400)
            let access = try #require(token.accessToken)
            #expect(token.refreshToken?.hasPrefix("refresh-") == true)

            guard case .ok(let me) = try await client.me(bearerToken: access) else { return }
            #expect(me.name == LoopbackEvalServer.user)

            let arrived = await server.arrived
            #expect(arrived.map(\.path) == ["/v1/auth/oauthtoken", "/v1/auth/me"])
            #expect(arrived[0].method == .post)
            #expect(arrived[0].headers[.contentType] == "application/json")
            #expect(arrived[0].headers[.authorization] == nil)
            #expect(try arrived[0].decode(OAuthToken.self) == exchange)
            #expect(
                String(decoding: arrived[0].body, as: UTF8.self).hasPrefix(
                    #"{"grant_type":"authorization_code","code":"code-123""#
                )
            )
            #expect(arrived[1].headers[.authorization] == "Bearer \(access)")
        }
    }

    @Test func aWrongCodeIsA200WithError() async throws {
        try await withServer { server in
            let outcome = try await client(server).oAuthToken(
                OAuthToken(grantType: "authorization_code", code: "stolen", redirectUri: LoopbackEvalServer.redirect)
            )
            guard case .ok(let token) = outcome else { return }
            #expect(token.accessToken == nil)
            #expect(ReportedFailure.message(in: token) == "invalid_grant")
            #expect(try await server.arrived.map { try $0.decode(OAuthToken.self).code } == ["stolen"])
        }
    }

    @Test func accessTokenRequestThenMeWithTheTokenFromABearerMiddleware() async throws {
        try await withServer { server in
            let store = TokenStore()
            let log = LogLines()
            let client = client(
                server,
                middlewares: [BearerTokenMiddleware { try await store.token() }, LoggingMiddleware { log.append($0) }]
            )
            let credentials = AccessTokenRequest(
                name: LoopbackEvalServer.user,
                password: LoopbackEvalServer.password,
                appId: "specsmith-tests",
                appVersion: "1.0",
                cid: "7",
                sec: "api-secret"
            )
            let outcome = try await client.accessTokenRequest(credentials)
            guard case .ok(let response) = outcome else { return }
            #expect(ReportedFailure.message(in: response) == nil)
            #expect(response.userStatus == .active)
            #expect(response.userId == 42)
            #expect(response.expirationTime != nil)
            let access = try accessToken(outcome)
            await store.set(access)

            guard case .ok(let me) = try await client.me() else { return }
            #expect(me.fullName == "Tess Trader")
            #expect(me.currentBalance == 50_000.25)
            #expect(me.currentMDSubs == ["CME"])

            let arrived = await server.arrived
            #expect(arrived.map(\.path) == ["/v1/auth/accesstokenrequest", "/v1/auth/me"])
            // The token is not sent where the spec does not ask for it.
            #expect(arrived[0].headers[.authorization] == nil)
            #expect(try arrived[0].decode(AccessTokenRequest.self) == credentials)
            #expect(arrived[1].method == .get)
            #expect(arrived[1].headers[.authorization] == "Bearer \(access)")
            #expect(arrived[1].headers[.accept] == "application/json")
            #expect(arrived[1].body.isEmpty)

            // The log saw both exchanges, never a secret.
            let text = log.lines.joined(separator: "\n")
            #expect(log.lines.count == 4)
            #expect(text.contains("Authorization: <redacted>"))
            for secret in [access, LoopbackEvalServer.password, "api-secret"] {
                #expect(!text.contains(secret), "the log shows a secret")
            }
        }
    }

    @Test func renewAccessTokenGivesANewTokenForTheSameUser() async throws {
        try await withServer { server in
            let client = client(server)
            let first = try accessToken(
                try await client.accessTokenRequest(
                    AccessTokenRequest(name: LoopbackEvalServer.user, password: LoopbackEvalServer.password)
                )
            )
            guard case .ok(let renewed) = try await client.renewAccessToken(bearerToken: first) else { return }
            let second = try #require(renewed.accessToken)
            #expect(second != first)
            #expect(renewed.name == LoopbackEvalServer.user)
            guard case .ok(let me) = try await client.me(bearerToken: second) else { return }
            #expect(me.name == LoopbackEvalServer.user)

            let arrived = await server.arrived
            #expect(arrived.map(\.path) == ["/v1/auth/accesstokenrequest", "/v1/auth/renewaccesstoken", "/v1/auth/me"])
            #expect(arrived[1].method == .get)
            #expect(arrived[1].headers[.authorization] == "Bearer \(first)")
            #expect(arrived[2].headers[.authorization] == "Bearer \(second)")
        }
    }

    @Test func aRefusedLoginIsA200WithErrorTextThatIsEasyToDetect() async throws {
        try await withServer { server in
            let outcome = try await client(server).accessTokenRequest(
                AccessTokenRequest(name: LoopbackEvalServer.user, password: "wrong")
            )
            guard case .ok(let response) = outcome else { return }
            #expect(response.accessToken == nil)
            #expect(ReportedFailure.message(in: response) == "Incorrect username or password. Please try again.")
            #expect(try await server.arrived.map { try $0.decode(AccessTokenRequest.self).password } == ["wrong"])
        }
    }

    @Test func a401IsAnUnexpectedResponseThatKeepsStatusHeadersAndBody() async throws {
        try await withServer { server in
            do {
                _ = try await client(server).me(bearerToken: "forged-token")
                Issue.record("me succeeded with a forged token")
            } catch let error as UnexpectedResponse {
                #expect(error.status == 401)
                #expect(error.reason == .undocumentedStatus)
                #expect(error.operation == "me")
                #expect(error.headerFields[.wwwAuthenticate] == "Bearer")
                let body = try JSONCoding.makeDecoder().decode(OAuthMeResponse.self, from: error.body)
                #expect(body.errorText == "Access is denied")
                #expect(String(describing: error).contains("Access is denied"))
            }
            let arrived = await server.arrived
            #expect(arrived.count == 1)
            #expect(arrived.first?.headers[.authorization] == "Bearer forged-token")
        }
    }

    @Test func a429IsRepeatedByTheRetryMiddlewareAfterItsRetryAfter() async throws {
        try await withServer { server in
            let waits = Waits()
            let client = client(server, middlewares: [RetryMiddleware(maxAttempts: 3) { await waits.append($0) }])
            let access = try accessToken(
                try await client.accessTokenRequest(
                    AccessTokenRequest(name: LoopbackEvalServer.user, password: LoopbackEvalServer.password)
                )
            )
            await server.script(
                "/v1/auth/me",
                .respond(
                    status: .tooManyRequests,
                    headers: [.retryAfter: "2", .contentType: "application/json"],
                    body: #"{"errorText":"Too many requests"}"#
                )
            )
            guard case .ok(let me) = try await client.me(bearerToken: access) else { return }
            #expect(me.name == LoopbackEvalServer.user)
            #expect(await waits.values == [.seconds(2)])

            let arrived = await server.arrived
            #expect(arrived.map(\.path) == ["/v1/auth/accesstokenrequest", "/v1/auth/me", "/v1/auth/me"])
            #expect(arrived[1].headers[.authorization] == "Bearer \(access)")
            #expect(arrived[2].headers[.authorization] == "Bearer \(access)")
        }
    }

    @Test func a429OnAPostIsNotRepeated() async throws {
        try await withServer { server in
            let client = client(server, middlewares: [RetryMiddleware { _ in }])
            await server.script(
                "/v1/auth/accesstokenrequest",
                .respond(status: .tooManyRequests, headers: [.contentType: "application/json"], body: "{}")
            )
            await #expect(throws: UnexpectedResponse.self) {
                _ = try await client.accessTokenRequest(
                    AccessTokenRequest(name: LoopbackEvalServer.user, password: LoopbackEvalServer.password)
                )
            }
            #expect(await server.arrived.count == 1)
        }
    }

    @Test func aMalformedBodyIsAnUnexpectedResponseWithTheRawBody() async throws {
        try await withServer { server in
            let malformed = #"{"userId":"forty-two","name":"trader""#
            await server.script(
                "/v1/auth/me",
                .respond(status: .ok, headers: [.contentType: "application/json"], body: malformed)
            )
            do {
                _ = try await client(server).me(bearerToken: "any")
                Issue.record("a malformed body decoded")
            } catch let error as UnexpectedResponse {
                #expect(error.status == 200)
                #expect(error.body == Data(malformed.utf8))
                guard case .undecodableBody = error.reason else {
                    Issue.record("reason \(error.reason)")
                    return
                }
            }
            #expect(await server.arrived.map(\.path) == ["/v1/auth/me"])
        }
    }

    @Test func aWrongContentTypeIsAnUnexpectedResponse() async throws {
        try await withServer { server in
            await server.script(
                "/v1/auth/me",
                .respond(status: .ok, headers: [.contentType: "text/html"], body: "<h1>maintenance</h1>")
            )
            await #expect(throws: UnexpectedResponse.self) {
                _ = try await client(server).me(bearerToken: "any")
            }
            #expect(await server.arrived.count == 1)
        }
    }

    @Test func aRefusedConnectionThrowsCannotConnectToHost() async throws {
        let server = try await LoopbackEvalServer.start()
        await server.stop()
        do {
            _ = try await client(server).me(bearerToken: "any")
            Issue.record("a stopped server answered")
        } catch let error as URLError {
            #expect(error.code == .cannotConnectToHost)
        }
        #expect(await server.arrived.isEmpty)
    }

    @Test func aRequestCancelledMidFlightThrowsCancellationError() async throws {
        try await withServer { server in
            await server.script("/v1/auth/me", .hold)
            let client = client(server)
            let call = Task { try await client.me(bearerToken: "held") }
            // The server has the request: only then is it cancelled.
            let arrival = await server.nextArrival()
            #expect(arrival?.path == "/v1/auth/me")
            #expect(arrival?.headers[.authorization] == "Bearer held")
            call.cancel()
            let result = await call.result
            #expect(throws: CancellationError.self) { try result.get() }
            await server.releaseHeld()
            #expect(await server.arrived.count == 1)
        }
    }

    @Test func theTransportTimeoutPassesThroughAsTimedOut() async throws {
        try await withServer { server in
            await server.script("/v1/auth/me", .hold)
            let client = EvalClient(server: server.server, transport: URLSessionTransport(timeout: 0.5))
            do {
                _ = try await client.me(bearerToken: "slow")
                Issue.record("a held response arrived")
            } catch let error as URLError {
                #expect(error.code == .timedOut)
            }
            #expect(await server.arrived.map(\.path) == ["/v1/auth/me"])
        }
    }

    @Test func aBodyThatBreaksMaxLengthNeverLeavesTheClient() async throws {
        try await withServer { server in
            let tooLong = String(repeating: "n", count: 65)
            do {
                _ = try await client(server).accessTokenRequest(
                    AccessTokenRequest(name: tooLong, password: LoopbackEvalServer.password)
                )
                Issue.record("a 65-character name was sent")
            } catch let error as ValidationError {
                #expect(error.description == "name: length 65 exceeds maxLength 64")
            }
            #expect(await server.arrived.isEmpty)
        }
    }

    @Test func theServerRefusesTheSameBodyWithTheGeneratedValidators() async throws {
        try await withServer { server in
            // Sent around the client, which would refuse it.
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(server.port)/v1/auth/accesstokenrequest")!)
            request.httpMethod = "POST"
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(#"{"name":"\#(String(repeating: "n", count: 65))","password":"x"}"#.utf8)
            let response = try await URLSessionTransport(timeout: 30).send(
                PreparedRequest(
                    request: HTTPRequest(
                        method: .post,
                        scheme: "http",
                        authority: "127.0.0.1:\(server.port)",
                        path: "/v1/auth/accesstokenrequest",
                        headerFields: [.contentType: "application/json"]
                    ),
                    body: request.httpBody
                )
            )
            #expect(response.status == .badRequest)
            let body = try JSONCoding.makeDecoder().decode(AccessTokenResponse.self, from: response.body)
            #expect(body.errorText == "name: length 65 exceeds maxLength 64")
            #expect(await server.arrived.count == 1)
        }
    }
}

actor TokenStore {
    private var current: String?
    func set(_ token: String) { current = token }
    func token() throws -> String {
        guard let current else { throw URLError(.userAuthenticationRequired) }
        return current
    }
}

actor Waits {
    private(set) var values: [Duration] = []
    func append(_ value: Duration) { values.append(value) }
}

final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var _lines: [String] = []
    func append(_ line: String) { lock.withLock { _lines.append(line) } }
    var lines: [String] { lock.withLock { _lines } }
}

/// The README's example, against the loopback server.
@Suite struct ReadmeExampleTests {
    struct LoginFailed: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }

    func readmeExample(server: Server, user: String, password: String, appID: String) async throws -> String? {
        let lines = LogLines()
        let client = EvalClient(
            server: server,
            middlewares: [RetryMiddleware(), LoggingMiddleware { lines.append($0) }]
        )
        let login = try await client.accessTokenRequest(
            AccessTokenRequest(name: user, password: password, appId: appID)
        )
        guard case .ok(let session) = login else { return nil }
        if let failure = ReportedFailure.message(in: session) { throw LoginFailed(failure) }  // a 200 with errorText
        guard let token = session.accessToken, case .ok(let me) = try await client.me(bearerToken: token) else {
            return nil
        }
        return me.fullName ?? ""
    }

    @Test func theReadmeExampleGetsATokenAndCallsMe() async throws {
        let server = try await LoopbackEvalServer.start()
        let name = try await readmeExample(
            server: server.server,
            user: LoopbackEvalServer.user,
            password: LoopbackEvalServer.password,
            appID: "app"
        )
        var refusal: String?
        do {
            _ = try await readmeExample(
                server: server.server,
                user: LoopbackEvalServer.user,
                password: "nope",
                appID: "app"
            )
        } catch let error as LoginFailed {
            refusal = error.message
        }
        let arrived = await server.arrived
        await server.stop()
        #expect(name == "Tess Trader")
        #expect(refusal == "Incorrect username or password. Please try again.")
        #expect(arrived.map(\.path) == ["/v1/auth/accesstokenrequest", "/v1/auth/me", "/v1/auth/accesstokenrequest"])
        #expect(try arrived[0].decode(AccessTokenRequest.self).appId == "app")
    }
}
