import EvalAPI
import Foundation
import SpecsmithRuntime
import Testing

@Suite("Eval models")
struct ModelTests {
    /// The 200 example of POST /auth/accesstokenrequest on partner.ninjatrader.com.
    private let documentedExample = """
        {
          "errorText": "string",
          "hibpHint": "EmailAndPasswordCompromised",
          "accessToken": "string",
          "expirationTime": "2024-01-15T09:30:00Z",
          "passwordExpirationTime": "2024-01-15T09:30:00Z",
          "userStatus": "Active",
          "userId": 1,
          "name": "string",
          "hasLive": true,
          "hasSimPlus": true
        }
        """

    private func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try JSONCoding.makeDecoder().decode(type, from: Data(json.utf8))
    }

    @Test func accessTokenResponseDecodesTheDocumentedExample() throws {
        let response = try decode(AccessTokenResponse.self, documentedExample)
        let expiration = Date(timeIntervalSince1970: 1_705_311_000)  // 2024-01-15T09:30:00Z
        #expect(
            response
                == AccessTokenResponse(
                    errorText: "string",
                    accessToken: "string",
                    expirationTime: expiration,
                    passwordExpirationTime: expiration,
                    userStatus: .active,
                    userId: 1,
                    name: "string",
                    hasLive: true,
                    hibpHint: .emailAndPasswordCompromised,
                    hasSimPlus: true
                ))
    }

    @Test func unknownEnumValuesFractionalSecondsAndExtraKeysDecode() throws {
        let response = try decode(
            AccessTokenResponse.self,
            """
            {"accessToken": "eyJ", "mdAccessToken": "eyK", "expirationTime": "2024-01-01T12:00:00.000Z",
             "userStatus": "Suspended", "hibpHint": "SomethingNew", "userId": 9007199254740993}
            """)
        #expect(response.userStatus == .unknown("Suspended"))
        #expect(response.userStatus?.rawValue == "Suspended")
        #expect(response.hibpHint == .unknown("SomethingNew"))
        #expect(response.expirationTime == Date(timeIntervalSince1970: 1_704_110_400))
        #expect(response.userId == 9_007_199_254_740_993)
        #expect(response.passwordExpirationTime == nil)
    }

    @Test func unknownEnumValuesEncodeBackUnchanged() throws {
        let response = AccessTokenResponse(userStatus: .unknown("Suspended"), hibpHint: .passwordCompromised)
        let json = String(decoding: try JSONCoding.encode(response), as: UTF8.self)
        #expect(json == #"{"userStatus":"Suspended","hibpHint":"PasswordCompromised"}"#)
        #expect(
            AccessTokenResponse.UserStatus.allCases.map(\.rawValue) == [
                "Active", "Closed", "Initiated", "TemporaryLocked", "UnconfirmedEmail",
            ])
    }

    @Test func oAuthTokenResponseUsesSnakeCaseKeys() throws {
        let response = try decode(
            OAuthTokenResponse.self,
            """
            {"access_token": "AT", "refresh_token": "RT", "token_type": "Bearer", "expires_in": 5400,
             "refresh_token_expires_in": 86400, "id_token": "IT"}
            """)
        #expect(response.accessToken == "AT")
        #expect(response.tokenType == "Bearer")
        #expect(response.expiresIn == 5400)
        #expect(response.refreshTokenExpiresIn == 86400)
        #expect(response.idToken == "IT")
    }

    @Test func oAuthMeResponseDecodesArraysAndDoubles() throws {
        let me = try decode(
            OAuthMeResponse.self,
            """
            {"userId": 42, "name": "trader", "email": "t@example.com", "emailVerified": true,
             "currentMDSubs": ["CME"], "currentBalance": 1234.5, "activePlugins": []}
            """)
        #expect(me.userId == 42)
        #expect(me.currentMDSubs == ["CME"])
        #expect(me.currentBalance == 1234.5)
        #expect(me.activePlugins == [])
        #expect(me.isTrial == nil)
    }

    @Test func aMissingRequiredPropertyFailsToDecode() {
        #expect(throws: DecodingError.self) { try decode(AccessTokenRequest.self, #"{"name": "trader"}"#) }
    }
}

@Suite("Secrets are never printed")
struct SecretTests {
    private static let secrets = [
        "CODE-1", "CLIENT-SECRET-2", "HTTP-AUTH-3", "REFRESH-4", "VERIFIER-5", "ASSERTION-6", "PASSWORD-7",
        "SEC-8", "ACCESS-9", "REFRESH-10", "ID-TOKEN-11", "ACCESS-12",
    ]

    private static let values: [any Sendable] = [
        OAuthToken(
            grantType: "authorization_code", code: "CODE-1", redirectUri: "https://app.example.com/cb",
            clientId: "client", clientSecret: "CLIENT-SECRET-2", httpAuth: "HTTP-AUTH-3", refreshToken: "REFRESH-4",
            codeVerifier: "VERIFIER-5", resource: "https://api.example.com", assertion: "ASSERTION-6"),
        AccessTokenRequest(name: "trader", password: "PASSWORD-7", appId: "app", sec: "SEC-8"),
        OAuthTokenResponse(
            accessToken: "ACCESS-9", refreshToken: "REFRESH-10", tokenType: "Bearer", expiresIn: 5400,
            idToken: "ID-TOKEN-11"),
        AccessTokenResponse(accessToken: "ACCESS-12", userStatus: .active, userId: 7, name: "trader"),
    ]

    private static func renderings(_ value: Any) -> [String] {
        var printed = ""
        print(value, to: &printed)
        var debugPrinted = ""
        debugPrint(value, to: &debugPrinted)
        var dumped = ""
        dump(value, to: &dumped)
        let mirrored = Mirror(reflecting: value).children.map { "\($0.label ?? ""): \($0.value)" }.joined()
        return [
            printed, debugPrinted, dumped, mirrored, String(describing: value), String(reflecting: value), "\(value)",
            String(describing: [value]),
        ]
    }

    @Test(arguments: 0..<values.count)
    func noRenderingContainsASecret(index: Int) {
        for text in Self.renderings(Self.values[index]) {
            #expect(text.contains("<redacted>"))
            for secret in Self.secrets {
                #expect(!text.contains(secret), "\(text)")
            }
        }
    }

    @Test func publicValuesAreStillShown() {
        let token = Self.values[0] as? OAuthToken
        let prefix = #"OAuthToken(grantType: "authorization_code", code: <redacted>, "#
        #expect(token?.description.hasPrefix(prefix) == true)
        #expect(token?.description.contains(#"resource: "https://api.example.com""#) == true)
        let response = Self.values[3] as? AccessTokenResponse
        #expect(response?.description.contains("userStatus: Active") == true)
        #expect(response?.description.contains("userId: 7") == true)
    }
}
