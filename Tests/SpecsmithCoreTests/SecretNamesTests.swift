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

    /// The rule as the README states it, on names made of every secret word and its neighbours (in capitals,
    /// with separators, whole, as endings, with a letter more or less), so that each word's ending is tried.
    @Test func namesAgreeWithThePlainRule() {
        let names = ["password", "passwd", "secret", "sec", "token", "apikey", "privatekey", "codeverifier"]
        let endings = ["password", "secret", "token"]
        func plainRule(_ name: String) -> Bool {
            let key = String(name.lowercased().filter { $0 != "_" && $0 != "-" })
            return names.contains(key) || endings.contains { key.hasSuffix($0) }
        }
        var words = names + ["key", "api", "verifier", "word", "pass", "oken", "ecret", "id", "private"]
        words += words.map { $0.uppercased() } + words.map { String($0.dropFirst()) } + words.map { $0 + "s" }
        for first in ["", "my_", "Client-", "x", "_"] {
            for word in words {
                for last in ["", "_", "-", "2", "d"] {
                    let name = first + word + last
                    #expect(SchemaTranslator.isSecretName(name) == plainRule(name), "\(name)")
                }
            }
        }
    }
}
