import Testing

@testable import SpecsmithCore

/// Which property names are taken for secrets: the names and endings the README lists, with case,
/// `_` and `-` ignored, by the fast ASCII path and by the Unicode path alike.
@Suite struct SecretNamesTests {
    @Test(arguments: [
        "password", "Passwd", "SECRET", "sec", "token", "api_key", "API-Key", "privateKey", "code_verifier",
        "client_secret", "accessToken", "refresh-token", "id_token", "newPassword", "x_api_secret",
        // A Kelvin sign lowercases to an ASCII k: the Unicode path must still find the token.
        "access_to\u{212A}en",
        // Separators alone around a whole name.
        "_sec_", "--Api_Key",
    ])
    func secret(_ name: String) {
        #expect(SchemaTranslator.isSecretName(name))
    }

    @Test(arguments: [
        "username", "token_type", "secretary", "tokens", "passwords", "section", "apikeys", "pin", "", "_-_",
        "café_token_id", "sécurité",
        // Names that are secrets only whole, at the end of a longer name.
        "my_sec", "old_passwd", "public_api_key", "myCodeVerifier", "sec2",
    ])
    func notSecret(_ name: String) {
        #expect(!SchemaTranslator.isSecretName(name))
    }
}
