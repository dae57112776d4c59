import EvalAPI
import Foundation
import SpecsmithRuntime
import Testing

/// Every model of the eval API that holds a secret, formatted every way Swift formats a value: no
/// secret value appears in any of the texts, while the other values do (so the texts are real).
@Suite struct SecretRedactionTests {
    /// A secret value, long enough to break every `maxLength` of the spec (so validation reports it)
    /// and made of a marker that no formatting would produce by itself.
    static func secret(_ name: String, length: Int = 8_300) -> String {
        let marker = "SeCrEt-\(name)-"
        return String(repeating: marker, count: length / marker.count + 1)
    }

    static let marker = "SeCrEt-"

    /// Every way a value is turned into text: `print`, `debugPrint`, `String(describing:)`,
    /// `String(reflecting:)`, interpolation, `dump`, `Mirror` (each child, recursively), and inside an
    /// array and an optional.
    static func texts(_ value: Any) -> [String: String] {
        var texts: [String: String] = [:]
        var printed = ""
        print(value, to: &printed)
        texts["print"] = printed
        var debugPrinted = ""
        debugPrint(value, to: &debugPrinted)
        texts["debugPrint"] = debugPrinted
        texts["String(describing:)"] = String(describing: value)
        texts["String(reflecting:)"] = String(reflecting: value)
        texts["interpolation"] = "\(value)"
        var dumped = ""
        dump(value, to: &dumped)
        texts["dump"] = dumped
        texts["Mirror"] = mirrorText(value)
        texts["array"] = String(describing: [value])
        texts["optional"] = String(describing: Optional(value))
        return texts
    }

    static func mirrorText(_ value: Any, depth: Int = 0) -> String {
        guard depth < 6 else { return "" }
        return Mirror(reflecting: value).children.map { child in
            "\(child.label ?? "_")=\(String(describing: child.value)) \(String(reflecting: child.value)) "
                + mirrorText(child.value, depth: depth + 1)
        }.joined(separator: "\n")
    }

    /// Fails for each text that holds a secret, and for each visible value missing from the texts
    /// that show values (`print`, `dump`, the mirror).
    static func expectNoSecret(
        _ value: Any,
        visible: [String],
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let texts = texts(value)
        for (name, text) in texts.sorted(by: { $0.key < $1.key }) {
            #expect(!text.contains(marker), "\(name) shows a secret: \(text.prefix(300))", sourceLocation: sourceLocation)
        }
        for shown in visible {
            for name in ["print", "dump", "Mirror"] {
                #expect(texts[name]?.contains(shown) == true, "\(name) lacks \(shown)", sourceLocation: sourceLocation)
            }
        }
        #expect(texts["dump"]?.contains("<redacted>") == true, sourceLocation: sourceLocation)
    }

    /// The texts of a validation error: its description, reflection, localized description, dump and
    /// each violation; none may hold a secret, and the error must name the secret fields it reports.
    static func expectValidationHidesSecrets(
        _ validate: () throws -> Void,
        fields: [String],
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        do {
            try validate()
            Issue.record("expected a validation error", sourceLocation: sourceLocation)
        } catch {
            var dumped = ""
            dump(error, to: &dumped)
            var texts = [
                String(describing: error), String(reflecting: error), "\(error)", error.localizedDescription, dumped,
            ]
            if let validation = error as? ValidationError {
                texts += validation.violations.map { String(describing: $0) }
                texts += validation.violations.map { String(reflecting: $0) }
            }
            for text in texts {
                #expect(!text.contains(marker), "a validation message shows a secret: \(text.prefix(300))", sourceLocation: sourceLocation)
            }
            for field in fields {
                #expect(String(describing: error).contains(field), "the error lacks \(field)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func oAuthToken() {
        let token = OAuthToken(
            grantType: "authorization_code",
            code: Self.secret("code"),
            redirectUri: "https://visible.example/redirect",
            clientId: "visible-client",
            clientSecret: Self.secret("client_secret"),
            httpAuth: Self.secret("httpAuth"),
            refreshToken: Self.secret("refresh_token"),
            codeVerifier: Self.secret("code_verifier"),
            resource: "visible-resource",
            assertion: Self.secret("assertion")
        )
        Self.expectNoSecret(token, visible: ["authorization_code", "https://visible.example/redirect", "visible-client"])
        Self.expectValidationHidesSecrets(
            { try token.validate() },
            fields: ["code", "client_secret", "httpAuth", "refresh_token"]
        )
    }

    @Test func oAuthTokenResponse() {
        let response = OAuthTokenResponse(
            accessToken: Self.secret("access_token"),
            refreshToken: Self.secret("refresh_token"),
            tokenType: "Bearer",
            expiresIn: 4_800,
            refreshTokenExpiresIn: 86_400,
            error: "visible-error",
            errorDescription: "visible description",
            idToken: Self.secret("id_token")
        )
        Self.expectNoSecret(response, visible: ["Bearer", "4800", "visible-error", "visible description"])
        Self.expectValidationHidesSecrets(
            { try response.validate() },
            fields: ["access_token", "refresh_token", "id_token"]
        )
    }

    @Test func accessTokenRequest() {
        let request = AccessTokenRequest(
            name: "visible-user",
            password: Self.secret("password", length: 80),
            appId: "visible-app",
            appVersion: "1.0",
            deviceId: "visible-device",
            cid: "42",
            sec: Self.secret("sec")
        )
        Self.expectNoSecret(request, visible: ["visible-user", "visible-app", "visible-device"])
        Self.expectValidationHidesSecrets({ try request.validate() }, fields: ["password", "sec"])
    }

    @Test func accessTokenResponse() {
        let response = AccessTokenResponse(
            errorText: "visible-error",
            accessToken: Self.secret("accessToken"),
            expirationTime: Date(timeIntervalSince1970: 1_705_311_000),
            userStatus: .active,
            userId: 7,
            name: "visible-name",
            hasLive: true
        )
        Self.expectNoSecret(response, visible: ["visible-error", "visible-name", "7"])
    }

    @Test func preparedRequestsShowNeitherBodiesNorTokens() throws {
        let token = OAuthToken(grantType: "authorization_code", code: Self.secret("code", length: 40))
        let request = try Operations.oAuthToken(token, server: .demo)
        // The body does carry the secret: it is what the server needs.
        #expect(String(decoding: request.body ?? Data(), as: UTF8.self).contains(Self.marker))
        Self.expectNoSecretIn(request)

        let me = try Operations.me(bearerToken: Self.secret("bearer", length: 40), server: .demo)
        #expect(me.request.headerFields[.authorization]?.contains(Self.marker) == true)
        Self.expectNoSecretIn(me)

        let login = try Operations.accessTokenRequest(
            AccessTokenRequest(name: "user", password: Self.secret("password", length: 40))
        )
        Self.expectNoSecretIn(login)
    }

    static func expectNoSecretIn(_ request: PreparedRequest, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for (name, text) in texts(request) {
            #expect(!text.contains(marker), "\(name) shows a secret: \(text.prefix(300))", sourceLocation: sourceLocation)
        }
    }
}
