import Foundation
import HTTPTypes
import SpecsmithRuntime
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

@Suite("Request building")
struct RequestBuilderTests {
    private let server = URL(string: "https://live.tradovateapi.com/v1")!

    private func path(of builder: RequestBuilder) throws -> String? {
        try builder.build().request.path
    }

    private func path(withParameter value: String) throws -> String? {
        try path(of: RequestBuilder(method: .get, server: server, path: "/users/\(value)/orders"))
    }

    @Test func theServerPathPrefixesTheOperationPath() throws {
        let prepared = try RequestBuilder(method: .post, server: server, path: "/auth/oauthtoken").build()
        #expect(prepared.request.method == .post)
        #expect(prepared.request.scheme == "https")
        #expect(prepared.request.authority == "live.tradovateapi.com")
        #expect(prepared.request.path == "/v1/auth/oauthtoken")
        #expect(try prepared.url.absoluteString == "https://live.tradovateapi.com/v1/auth/oauthtoken")
        #expect(prepared.body == nil)
    }

    @Test func aTrailingSlashOrPortOnTheServerIsKept() throws {
        let local = URL(string: "http://localhost:8080/api/")!
        let prepared = try RequestBuilder(method: .get, server: local, path: "/me").build()
        #expect(try prepared.url.absoluteString == "http://localhost:8080/api/me")
        let bare = try RequestBuilder(method: .get, server: URL(string: "https://example.com")!, path: "/me").build()
        #expect(bare.request.path == "/me")
    }

    @Test func pathParametersCannotChangeThePath() throws {
        #expect(try path(withParameter: "../admin") == "/v1/users/..%2Fadmin/orders")
        #expect(try path(withParameter: "a/b") == "/v1/users/a%2Fb/orders")
        #expect(try path(withParameter: "%2F") == "/v1/users/%252F/orders")
        #expect(try path(withParameter: "?x=1") == "/v1/users/%3Fx%3D1/orders")
        #expect(try path(withParameter: "#frag") == "/v1/users/%23frag/orders")
        #expect(try path(withParameter: "..") == "/v1/users/%2E%2E/orders")
        #expect(try path(withParameter: ".") == "/v1/users/%2E/orders")
        #expect(try path(withParameter: "a b+c") == "/v1/users/a%20b%2Bc/orders")
        #expect(try path(withParameter: "zoë") == "/v1/users/zo%C3%AB/orders")
        #expect(try path(withParameter: "A-z_0.9~") == "/v1/users/A-z_0.9~/orders")
    }

    @Test func pathParametersMayBeNumbers() throws {
        let id: Int64 = 42
        #expect(try path(of: RequestBuilder(method: .get, server: server, path: "/items/\(id)")) == "/v1/items/42")
    }

    @Test func anEmptyPathParameterIsRefused() {
        #expect(throws: RequestError.emptyPathParameter) { try path(withParameter: "") }
    }

    @Test func queryNamesAndValuesAreEncoded() throws {
        var builder = RequestBuilder(method: .get, server: server, path: "/search")
        builder.addQueryItem("q", "a&b=c+d e#f")
        builder.addQueryItem("name with space", "zoë")
        builder.addQueryItem("limit", 10)
        builder.addQueryItem("missing", String?.none)
        builder.addQueryItem("flag", true)
        builder.addQueryItems("id", [1, 2])
        #expect(
            try path(of: builder)
                == "/v1/search?q=a%26b%3Dc%2Bd%20e%23f&name%20with%20space=zo%C3%AB&limit=10&flag=true&id=1&id=2")
        let url = try builder.build().url
        let items = URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems
        #expect(items?.first?.value == "a&b=c+d e#f")
    }

    @Test func headersAreSetAndBadValuesRefused() throws {
        var builder = RequestBuilder(method: .get, server: server, path: "/me")
        try builder.setHeader("X-Request-Id", "abc-123")
        try builder.setHeader("X-Count", 3)
        try builder.setHeader("X-Missing", String?.none)
        let fields = try builder.build().request.headerFields
        #expect(fields[HTTPField.Name("X-Request-Id")!] == "abc-123")
        #expect(fields[HTTPField.Name("X-Count")!] == "3")
        #expect(fields[HTTPField.Name("X-Missing")!] == nil)

        for bad in ["a\r\nX-Injected: 1", "a\nb", "a\rb", "a\u{0}b"] {
            #expect(throws: RequestError.invalidHeaderValue(name: "X-Note")) { try builder.setHeader("X-Note", bad) }
        }
        #expect(throws: RequestError.invalidHeaderName("Bad Name")) { try builder.setHeader("Bad Name", "v") }
    }

    @Test func bearerTokenSetsAuthorization() throws {
        var builder = RequestBuilder(method: .get, server: server, path: "/auth/me")
        // A token that is one way among others may be left out: nothing is set.
        let none: String? = nil
        try builder.setBearerToken(none)
        #expect(try builder.build().request.headerFields[.authorization] == nil)
        try builder.setBearerToken("tok.en-123")
        let fields = try builder.build().request.headerFields
        #expect(fields[.authorization] == "Bearer tok.en-123")
        #expect(fields[fields: .authorization].first?.indexingStrategy == .disallow)
        #expect(throws: RequestError.invalidHeaderValue(name: "Authorization")) {
            try builder.setBearerToken("tok\r\nX-Evil: 1")
        }
    }

    /// RFC 7617's example: `Aladdin` / `open sesame` is `QWxhZGRpbjpvcGVuIHNlc2FtZQ==`.
    @Test func basicCredentialsSetAuthorizationAndNeverPrintThePassword() throws {
        var builder = RequestBuilder(method: .get, server: server, path: "/auth/me")
        try builder.setBasicCredentials(nil)
        #expect(try builder.build().request.headerFields[.authorization] == nil)
        let credentials = BasicCredentials(username: "Aladdin", password: "open sesame")
        try builder.setBasicCredentials(credentials)
        let fields = try builder.build().request.headerFields
        #expect(fields[.authorization] == "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==")
        #expect(fields[fields: .authorization].first?.indexingStrategy == .disallow)
        var dumped = ""
        dump(credentials, to: &dumped)
        for printed in [String(describing: credentials), String(reflecting: credentials), dumped] {
            #expect(printed.contains("Aladdin") && printed.contains("<redacted>"), "\(printed)")
            #expect(!printed.contains("sesame"), "\(printed)")
        }
        #expect(throws: RequestError.invalidHeaderValue(name: "Authorization")) {
            try builder.setBasicCredentials(BasicCredentials(username: "a:b", password: "c"))
        }
    }

    @Test func jsonBodyKeepsKeyOrderAndSetsContentType() throws {
        struct Body: Encodable {
            var zeta = "z"
            var alpha = 1
            var middle: [Double] = [1.5, 2]
            var skipped: String? = nil
            var url = "https://example.com/a"

            enum CodingKeys: String, CodingKey {
                case zeta, alpha
                case middle = "mid_dle"
                case skipped, url
            }
        }
        var builder = RequestBuilder(method: .post, server: server, path: "/things")
        try builder.setJSONBody(Body())
        builder.acceptJSON()
        let prepared = try builder.build()
        let body = try #require(prepared.body)
        #expect(
            String(decoding: body, as: UTF8.self)
                == #"{"zeta":"z","alpha":1,"mid_dle":[1.5,2],"url":"https://example.com/a"}"#)
        #expect(prepared.request.headerFields[.contentType] == "application/json")
        #expect(prepared.request.headerFields[.accept] == "application/json")
    }

    @Test func aJSONBodyAndAcceptCarryTheMediaTypesTheSpecNames() throws {
        var builder = RequestBuilder(method: .patch, server: server, path: "/pets/7")
        try builder.setJSONBody(["name": "Rex"], contentType: "application/merge-patch+json")
        builder.acceptJSON("application/vnd.api+json", "application/problem+json")
        let prepared = try builder.build()
        #expect(prepared.body == Data(#"{"name":"Rex"}"#.utf8))
        #expect(prepared.request.headerFields[.contentType] == "application/merge-patch+json")
        #expect(prepared.request.headerFields[fields: .accept].count == 1)
        #expect(prepared.request.headerFields[.accept] == "application/vnd.api+json, application/problem+json")
        let urlRequest = try prepared.urlRequest
        #expect(urlRequest.value(forHTTPHeaderField: "Content-Type") == "application/merge-patch+json")
        #expect(urlRequest.value(forHTTPHeaderField: "Accept") == "application/vnd.api+json, application/problem+json")
    }

    /// A response documented in several media types asks for the first, and for the others at a lower preference.
    @Test func acceptNamesEveryMediaTypeInItsOrder() throws {
        var builder = RequestBuilder(method: .get, server: server, path: "/status")
        builder.accept("application/json", "text/plain;q=0.5")
        let prepared = try builder.build()
        #expect(prepared.request.headerFields[fields: .accept].count == 1)
        #expect(prepared.request.headerFields[.accept] == "application/json, text/plain;q=0.5")
    }

    @Test func anAbsentJSONBodySetsNoContentType() throws {
        var builder = RequestBuilder(method: .patch, server: server, path: "/pets/7")
        try builder.setJSONBody([String: String]?.none, contentType: "application/merge-patch+json")
        let prepared = try builder.build()
        #expect(prepared.body == nil)
        #expect(prepared.request.headerFields[.contentType] == nil)
    }

    @Test func invalidServerURLsAreRefused() {
        let servers = [
            "/relative", "mailto:someone@example.com", "https://example.com/v1?x=1", "https://u:p@example.com",
        ]
        for text in servers {
            let builder = RequestBuilder(method: .get, server: URL(string: text)!, path: "/me")
            #expect(throws: RequestError.invalidServerURL) { try builder.build() }
        }
    }

    /// `QUERY` and the methods of OpenAPI 3.2's `additionalOperations` are sent as written.
    @Test func aNamedMethodIsSentAsWritten() throws {
        for name in ["QUERY", "COPY", "purge"] {
            let prepared = try RequestBuilder(method: .named(name), server: server, path: "/pets").build()
            #expect(prepared.request.method.rawValue == name)
            #expect(try prepared.urlRequest.httpMethod == name)
        }
    }

    @Test func urlRequestCarriesMethodURLHeadersAndBody() throws {
        var builder = RequestBuilder(method: .post, server: server, path: "/auth/\("a b")")
        builder.addQueryItem("x", "1 2")
        try builder.setBearerToken("token")
        try builder.setJSONBody(["k": "v"])
        builder.acceptJSON()
        let urlRequest = try builder.build().urlRequest
        #expect(urlRequest.httpMethod == "POST")
        #expect(urlRequest.url?.absoluteString == "https://live.tradovateapi.com/v1/auth/a%20b?x=1%202")
        #expect(urlRequest.value(forHTTPHeaderField: "Authorization") == "Bearer token")
        #expect(urlRequest.value(forHTTPHeaderField: "Content-Type") == "application/json")
        #expect(urlRequest.value(forHTTPHeaderField: "Accept") == "application/json")
        #expect(urlRequest.httpBody == Data(#"{"k":"v"}"#.utf8))
    }

    @Test func aRequestWithoutURLPartsHasNoURLRequest() {
        let prepared = PreparedRequest(request: HTTPRequest(method: .get, scheme: nil, authority: nil, path: "/"))
        #expect(throws: RequestError.invalidServerURL) { try prepared.urlRequest }
    }

    @Test func printingARequestShowsNoSecrets() throws {
        var builder = RequestBuilder(method: .post, server: server, path: "/auth/oauthtoken")
        builder.addQueryItem("api_key", "QUERYSECRET")
        try builder.setBearerToken("BEARERSECRET")
        try builder.setJSONBody(["password": "BODYSECRET"])
        let prepared = try builder.build()
        var dumped = ""
        dump(prepared, to: &dumped)
        for text in [String(describing: prepared), String(reflecting: prepared), dumped] {
            #expect(text.contains("https://live.tradovateapi.com/v1/auth/oauthtoken"))
            for secret in ["QUERYSECRET", "BEARERSECRET", "BODYSECRET"] {
                #expect(!text.contains(secret))
            }
        }
        let url = "https://live.tradovateapi.com/v1/auth/oauthtoken?…"
        #expect(prepared.description == "POST \(url) [Authorization, Content-Type] 25-byte body")
    }
}
