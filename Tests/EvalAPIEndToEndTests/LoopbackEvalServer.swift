import EvalAPI
import Foundation
import Hummingbird
import ServiceLifecycle
import SpecsmithRuntime

/// A request as it arrived at the loopback server.
struct ArrivedRequest: Sendable {
    var method: HTTPRequest.Method
    var path: String
    var headers: HTTPFields
    var body: Data

    /// The body decoded as `type`, as the server decoded it.
    func decode<Body: Decodable>(_ type: Body.Type) throws -> Body {
        try JSONCoding.makeDecoder().decode(type, from: body)
    }
}

/// A one-off answer a test puts ahead of the server's normal behaviour for one path.
enum ScriptedAnswer: Sendable {
    /// Answer with exactly this status, these headers and these bytes.
    case respond(status: HTTPResponse.Status, headers: HTTPFields, body: String)
    /// Hold the response until the test calls ``LoopbackEvalServer/releaseHeld()``.
    case hold
}

/// A real HTTP server on 127.0.0.1 with a port the OS chooses, implementing the four eval operations as
/// `specs/eval.yaml` describes them. Incoming bodies are decoded with the EvalAPI models and checked with
/// the generated validators; responses are EvalAPI models encoded with the runtime.
///
/// Fixture account: user `trader` with password `correct-horse`; OAuth code `code-123` for redirect
/// `https://app.example/callback` and client `client-1` with secret `client-secret`.
final class LoopbackEvalServer: Sendable {
    static let user = "trader"
    static let password = "correct-horse"
    static let code = "code-123"
    static let redirect = "https://app.example/callback"
    static let clientID = "client-1"
    static let clientSecret = "client-secret"

    let port: Int
    let state: ServerState
    private let services: ServiceGroup
    private let task: Task<Void, any Error>

    /// The base URL of the API on this server.
    var server: Server { .custom(URL(string: "http://127.0.0.1:\(port)/v1")!) }

    private init(port: Int, state: ServerState, services: ServiceGroup, task: Task<Void, any Error>) {
        self.port = port
        self.state = state
        self.services = services
        self.task = task
    }

    /// Starts a server and returns once it listens, with the port it was given.
    static func start() async throws -> LoopbackEvalServer {
        let state = ServerState()
        let router = Router()
        for (method, path) in [
            (HTTPRequest.Method.post, "/v1/auth/oauthtoken"), (.post, "/v1/auth/accesstokenrequest"),
            (.get, "/v1/auth/renewaccesstoken"), (.get, "/v1/auth/me"),
        ] {
            router.on(RouterPath(path), method: method) { request, _ in
                try await state.handle(request)
            }
        }
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            }
        )
        let services = ServiceGroup(
            configuration: .init(services: [app], gracefulShutdownSignals: [], logger: app.logger)
        )
        let task = Task {
            defer { portContinuation.finish() }
            try await services.run()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            task.cancel()
            _ = await task.result
            throw URLError(.cannotConnectToHost)
        }
        return LoopbackEvalServer(port: port, state: state, services: services, task: task)
    }

    /// Stops the server gracefully (held responses are let go first) and waits until its port is closed.
    func stop() async {
        await state.releaseHeld()
        await services.triggerGracefulShutdown()
        _ = await task.result
    }

    /// Every request that arrived, in order.
    var arrived: [ArrivedRequest] {
        get async { await state.arrived }
    }

    /// Puts `answer` ahead of the normal behaviour for the next request to `path` (such as `/v1/auth/me`).
    func script(_ path: String, _ answer: ScriptedAnswer) async {
        await state.script(path, answer)
    }

    /// Waits until a request has arrived and returns it (arrivals are streamed, so no polling).
    func nextArrival() async -> ArrivedRequest? {
        await state.nextArrival()
    }

    /// Lets held responses go.
    func releaseHeld() async {
        await state.releaseHeld()
    }
}

/// What the server remembers: arrivals, issued tokens and scripted answers.
actor ServerState {
    private(set) var arrived: [ArrivedRequest] = []
    private var scripts: [String: [ScriptedAnswer]] = [:]
    private var held: [CheckedContinuation<Void, Never>] = []
    private var released = false
    private var waiters: [CheckedContinuation<ArrivedRequest?, Never>] = []
    private var delivered = 0
    /// Access token -> user name.
    private var tokens: [String: String] = [:]
    private var refreshTokens: [String: String] = [:]
    private var issued = 0

    func script(_ path: String, _ answer: ScriptedAnswer) {
        scripts[path, default: []].append(answer)
    }

    func nextArrival() async -> ArrivedRequest? {
        if delivered < arrived.count {
            delivered += 1
            return arrived[delivered - 1]
        }
        return await withCheckedContinuation { waiters.append($0) }
    }

    func releaseHeld() {
        released = true
        let continuations = held
        held = []
        for continuation in continuations { continuation.resume() }
    }

    private func record(_ arrival: ArrivedRequest) {
        arrived.append(arrival)
        if !waiters.isEmpty {
            delivered += 1
            waiters.removeFirst().resume(returning: arrival)
        }
    }

    func handle(_ request: Request) async throws -> Response {
        let body = try await request.body.collect(upTo: 1 << 20)
        let arrival = ArrivedRequest(
            method: request.method,
            path: request.uri.path,
            headers: request.headers,
            body: Data(body.readableBytesView)
        )
        record(arrival)
        if var queue = scripts[arrival.path], !queue.isEmpty {
            let answer = queue.removeFirst()
            scripts[arrival.path] = queue
            switch answer {
            case .respond(let status, let headers, let text):
                return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
            case .hold:
                if !released { await withCheckedContinuation { held.append($0) } }
                return try json(.ok, OAuthMeResponse(errorText: "released"))
            }
        }
        do {
            switch arrival.path {
            case "/v1/auth/oauthtoken": return try oAuthToken(try validated(OAuthToken.self, arrival))
            case "/v1/auth/accesstokenrequest":
                return try accessTokenRequest(try validated(AccessTokenRequest.self, arrival))
            case "/v1/auth/renewaccesstoken": return try renewAccessToken(arrival)
            default: return try me(arrival)
            }
        } catch let error as ValidationError {
            // The generated validators refused the body: the request never should have been sent.
            return try json(.badRequest, AccessTokenResponse(errorText: error.description))
        } catch is DecodingError {
            return try json(.badRequest, AccessTokenResponse(errorText: "the body is not a valid request"))
        }
    }

    /// Decodes with the EvalAPI model and checks it with the generated validator.
    private func validated<Body: Decodable & Validatable>(_ type: Body.Type, _ arrival: ArrivedRequest) throws -> Body {
        let body = try arrival.decode(type)
        try body.validate()
        return body
    }

    private func issue(for user: String) -> (access: String, refresh: String) {
        issued += 1
        let access = "access-\(issued)-\(UUID().uuidString)"
        let refresh = "refresh-\(issued)-\(UUID().uuidString)"
        tokens[access] = user
        refreshTokens[refresh] = user
        return (access, refresh)
    }

    private func oAuthToken(_ request: OAuthToken) throws -> Response {
        let user: String?
        switch request.grantType {
        case "authorization_code":
            let authorized =
                request.code == LoopbackEvalServer.code && request.redirectUri == LoopbackEvalServer.redirect
                && request.clientId == LoopbackEvalServer.clientID
                && request.clientSecret == LoopbackEvalServer.clientSecret
            user = authorized ? LoopbackEvalServer.user : nil
        case "refresh_token":
            user = request.refreshToken.flatMap { refreshTokens.removeValue(forKey: $0) }
        default:
            return try json(.ok, OAuthTokenResponse(error: "unsupported_grant_type"))
        }
        guard let user else {
            return try json(.ok, OAuthTokenResponse(error: "invalid_grant", errorDescription: "The code is not valid."))
        }
        let (access, refresh) = issue(for: user)
        return try json(
            .ok,
            OAuthTokenResponse(
                accessToken: access,
                refreshToken: refresh,
                tokenType: "Bearer",
                expiresIn: 5400,
                refreshTokenExpiresIn: 86_400
            )
        )
    }

    private func accessTokenRequest(_ request: AccessTokenRequest) throws -> Response {
        guard request.name == LoopbackEvalServer.user, request.password == LoopbackEvalServer.password else {
            return try json(.ok, AccessTokenResponse(errorText: "Incorrect username or password. Please try again."))
        }
        return try json(.ok, tokenResponse(issue(for: request.name).access, user: request.name))
    }

    private func tokenResponse(_ access: String, user: String) -> AccessTokenResponse {
        AccessTokenResponse(
            accessToken: access,
            expirationTime: Date(timeIntervalSince1970: 1_800_000_000 + Double(issued) * 60),
            userStatus: .active,
            userId: 42,
            name: user,
            hasLive: false
        )
    }

    /// The user a request's bearer token belongs to, if the token was issued here.
    private func user(of arrival: ArrivedRequest) -> String? {
        guard let value = arrival.headers[.authorization], value.hasPrefix("Bearer ") else { return nil }
        return tokens[String(value.dropFirst("Bearer ".count))]
    }

    private func renewAccessToken(_ arrival: ArrivedRequest) throws -> Response {
        guard let user = user(of: arrival) else { return try unauthorized() }
        return try json(.ok, tokenResponse(issue(for: user).access, user: user))
    }

    private func me(_ arrival: ArrivedRequest) throws -> Response {
        guard let user = user(of: arrival) else { return try unauthorized() }
        return try json(
            .ok,
            OAuthMeResponse(
                userId: 42,
                name: user,
                fullName: "Tess Trader",
                email: "tess@example.com",
                emailVerified: true,
                isTrial: false,
                currentMDSubs: ["CME"],
                currentBalance: 50_000.25,
                activePlugins: []
            )
        )
    }

    private func unauthorized() throws -> Response {
        var response = try json(.unauthorized, OAuthMeResponse(errorText: "Access is denied"))
        response.headers[.wwwAuthenticate] = "Bearer"
        return response
    }

    private func json(_ status: HTTPResponse.Status, _ value: some Encodable) throws -> Response {
        let data = try JSONCoding.encode(value)
        return Response(
            status: status,
            headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: data))
        )
    }
}
