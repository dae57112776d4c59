import EvalAPI
import Foundation
import HTTPTypes
import SpecsmithRuntime
import Testing

@Suite("Operations")
struct OperationTests {
    private let token = OAuthToken(
        grantType: "authorization_code",
        code: "CODE-SECRET",
        redirectUri: "https://app.example.com/callback",
        clientId: "client-1",
        clientSecret: "CLIENT-SECRET",
        codeVerifier: "VERIFIER-SECRET"
    )

    private func jsonObject(_ body: Data?) throws -> [String: Any] {
        let data = try #require(body)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func oAuthTokenPostsTheBodyToTheLiveServer() throws {
        let prepared = try Operations.oAuthToken(token)
        #expect(prepared.request.method == .post)
        #expect(try prepared.url.absoluteString == "https://live.tradovateapi.com/v1/auth/oauthtoken")
        #expect(prepared.request.headerFields[.contentType] == "application/json")
        #expect(prepared.request.headerFields[.accept] == "application/json")

        let object = try jsonObject(prepared.body)
        #expect(
            Set(object.keys) == [
                "grant_type", "code", "redirect_uri", "client_id", "client_secret", "code_verifier",
            ])
        #expect(object["grant_type"] as? String == "authorization_code")
        #expect(object["code"] as? String == "CODE-SECRET")
        #expect(object["redirect_uri"] as? String == "https://app.example.com/callback")
        #expect(object["client_id"] as? String == "client-1")
        #expect(object["client_secret"] as? String == "CLIENT-SECRET")
        #expect(object["code_verifier"] as? String == "VERIFIER-SECRET")
    }

    @Test func bodyKeysFollowTheSpecOrder() throws {
        let full = OAuthToken(
            grantType: "g", code: "c", redirectUri: "r", clientId: "i", clientSecret: "s", httpAuth: "h",
            refreshToken: "t", codeVerifier: "v", resource: "u", assertion: "a")
        let body = try #require(try Operations.oAuthToken(full).body)
        #expect(
            String(decoding: body, as: UTF8.self) == """
                {"grant_type":"g","code":"c","redirect_uri":"r","client_id":"i","client_secret":"s","httpAuth":"h",\
                "refresh_token":"t","code_verifier":"v","resource":"u","assertion":"a"}
                """)
    }

    @Test func theDemoServerAndACustomServerAreUsed() throws {
        let demo = try Operations.oAuthToken(token, server: .demo)
        #expect(try demo.url.absoluteString == "https://demo-d.tradovateapi.com/v1/auth/oauthtoken")
        let mock = try Operations.me(bearerToken: "t", server: .custom(URL(string: "http://localhost:8080/mock/v1")!))
        #expect(try mock.url.absoluteString == "http://localhost:8080/mock/v1/auth/me")
    }

    @Test func accessTokenRequestPostsCredentialsWithoutAuthorization() throws {
        let request = AccessTokenRequest(name: "trader", password: "PASSWORD", appId: "Sample App", cid: "0")
        let prepared = try Operations.accessTokenRequest(request)
        #expect(try prepared.url.absoluteString == "https://live.tradovateapi.com/v1/auth/accesstokenrequest")
        #expect(prepared.request.headerFields[.authorization] == nil)
        let object = try jsonObject(prepared.body)
        #expect(Set(object.keys) == ["name", "password", "appId", "cid"])
        #expect(object["cid"] as? String == "0")
    }

    @Test func oAuthTokenCarriesNoAuthorization() throws {
        #expect(try Operations.oAuthToken(token).request.headerFields[.authorization] == nil)
    }

    @Test func meAndRenewAccessTokenCarryTheBearerToken() throws {
        let me = try Operations.me(bearerToken: "ACCESS-TOKEN")
        #expect(me.request.method == .get)
        #expect(try me.url.absoluteString == "https://live.tradovateapi.com/v1/auth/me")
        #expect(me.request.headerFields[.authorization] == "Bearer ACCESS-TOKEN")
        #expect(me.body == nil)

        let renew = try Operations.renewAccessToken(bearerToken: "ACCESS-TOKEN", server: .demo)
        #expect(renew.request.method == .get)
        #expect(try renew.url.absoluteString == "https://demo-d.tradovateapi.com/v1/auth/renewaccesstoken")
        #expect(renew.request.headerFields[.authorization] == "Bearer ACCESS-TOKEN")
        #expect(try renew.urlRequest.value(forHTTPHeaderField: "Authorization") == "Bearer ACCESS-TOKEN")
    }

    @Test func aBearerTokenWithANewlineIsRefused() {
        #expect(throws: RequestError.self) { try Operations.me(bearerToken: "token\r\nX-Evil: 1") }
    }
}

@Suite("Validation of eval models")
struct EvalValidationTests {
    @Test func grantTypeOf64CharactersPassesAnd65Fail() throws {
        _ = try Operations.oAuthToken(OAuthToken(grantType: String(repeating: "g", count: 64)))
        let error = #expect(throws: ValidationError.self) {
            try Operations.oAuthToken(OAuthToken(grantType: String(repeating: "g", count: 65)))
        }
        #expect(error?.violations.map(\.path) == ["grant_type"])
        #expect(error?.description == "grant_type: length 65 exceeds maxLength 64")
    }

    @Test func lengthsCountCodePoints() throws {
        // "👍🏽" is one Character but two Unicode scalars.
        _ = try Operations.oAuthToken(OAuthToken(grantType: String(repeating: "👍🏽", count: 32)))
        let error = #expect(throws: ValidationError.self) {
            try Operations.oAuthToken(OAuthToken(grantType: String(repeating: "👍🏽", count: 64)))
        }
        #expect(error?.description == "grant_type: length 128 exceeds maxLength 64")
    }

    @Test func everyOverlongFieldIsReported() {
        let request = AccessTokenRequest(
            name: String(repeating: "n", count: 65), password: String(repeating: "p", count: 70),
            sec: String(repeating: "s", count: 8193))
        let error = #expect(throws: ValidationError.self) { try Operations.accessTokenRequest(request) }
        #expect(
            error?.violations.map(\.description) == [
                "name: length 65 exceeds maxLength 64",
                "password: length 70 exceeds maxLength 64",
                "sec: length 8193 exceeds maxLength 8192",
            ])
    }

    @Test func anOverlongClientSecretIsReportedWithoutItsValue() {
        let secret = "S3CR3T-" + String(repeating: "x", count: 8200)
        let error = #expect(throws: ValidationError.self) {
            try Operations.oAuthToken(OAuthToken(grantType: "refresh_token", clientSecret: secret))
        }
        #expect(error?.description == "client_secret: length 8207 exceeds maxLength 8192")
        #expect(error.map { "\($0)" }?.contains("S3CR3T") == false)
        #expect(error.map { String(reflecting: $0) }?.contains("S3CR3T") == false)
    }

    @Test func responseConstraintsCanBeChecked() throws {
        try AccessTokenResponse(userId: 1).validate()
        let error = #expect(throws: ValidationError.self) { try AccessTokenResponse(userId: 0).validate() }
        #expect(error?.description == "userId: is not above exclusiveMinimum 0")
    }
}
