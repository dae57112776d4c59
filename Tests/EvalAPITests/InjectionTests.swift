import EvalAPI
import Foundation
import HTTPTypes
import SpecsmithRuntime
import Testing

/// Values cannot reshape the eval API's requests: bodies full of quotes and control characters, and
/// hostile bearer tokens, still give exactly the request each operation describes.
@Suite struct InjectionTests {
    static let hostile = "\"}, \"grant_type\": \"password\", \"x\": {\"\\\n\r\t\u{0}\u{7}\u{1B}[31m\u{2028}é😀"

    @Test func aBodyWithQuotesAndControlCharactersIsExactlyTheGivenObject() throws {
        let token = OAuthToken(
            grantType: "authorization_code",
            code: Self.hostile,
            redirectUri: "https://app.example/cb?a=1&b=\"2\"",
            clientId: Self.hostile
        )
        let request = try Operations.oAuthToken(token, server: .demo)
        #expect(request.request.method == .post)
        #expect(request.request.scheme == "https")
        #expect(request.request.authority == "demo-d.tradovateapi.com")
        #expect(request.request.path == "/v1/auth/oauthtoken")
        #expect(request.request.headerFields.map(\.name.rawName) == ["Content-Type", "Accept"])
        #expect(request.request.headerFields[.contentType] == "application/json")

        let body = try #require(request.body)
        #expect(!body.contains { $0 < 0x20 }, "a raw control character in the JSON body")
        // One object with exactly the keys given, in order, each value intact.
        let object = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
        #expect(object.keys.sorted() == ["client_id", "code", "grant_type", "redirect_uri"])
        #expect(object["grant_type"] as? String == "authorization_code")
        #expect(object["code"] as? String == Self.hostile)
        #expect(object["client_id"] as? String == Self.hostile)
        let text = String(decoding: body, as: UTF8.self)
        #expect(text.hasPrefix("{\"grant_type\":\"authorization_code\",\"code\":\"\\\"}, \\\"grant_type\\\""))
        #expect(try JSONCoding.makeDecoder().decode(OAuthToken.self, from: body) == token)
    }

    @Test func aLoginBodyKeepsAHostilePasswordAsData() throws {
        let login = AccessTokenRequest(name: "a\"b", password: "p\"}\n,\"name\":\"admin")
        let request = try Operations.accessTokenRequest(login, server: .demo)
        let body = try #require(request.body)
        let object = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
        #expect(object.keys.sorted() == ["name", "password"])
        #expect(object["name"] as? String == "a\"b")
        #expect(object["password"] as? String == "p\"}\n,\"name\":\"admin")
        #expect(request.request.path == "/v1/auth/accesstokenrequest")
    }

    @Test(
        "a bearer token with CR or LF is refused before anything is built",
        arguments: ["abc\r\nX-Admin: true", "abc\n", "\rabc", "a\u{0}b"]
    )
    func hostileBearerToken(token: String) {
        #expect(throws: RequestError.invalidHeaderValue(name: "Authorization")) {
            try Operations.me(bearerToken: token, server: .demo)
        }
        #expect(throws: RequestError.invalidHeaderValue(name: "Authorization")) {
            try Operations.renewAccessToken(bearerToken: token, server: .demo)
        }
    }

    @Test func aBearerTokenIsOneHeaderValue() throws {
        let request = try Operations.me(bearerToken: "a b: c, d=\"e\"", server: .demo)
        #expect(request.request.path == "/v1/auth/me")
        #expect(request.request.headerFields.count == 2)
        #expect(request.request.headerFields[.authorization] == "Bearer a b: c, d=\"e\"")
    }
}
