import Testing

@testable import SpecsmithCore

@Suite struct SwiftNamesTests {
    @Test(arguments: [
        ("grant_type", "grantType"),
        ("o-auth-token", "oAuthToken"),
        ("httpAuth", "httpAuth"),
        ("HTTPAuth", "httpAuth"),
        ("URL", "url"),
        ("currentMDSubs", "currentMDSubs"),
        ("ACCESS_TOKEN", "accessToken"),
        ("user id", "userId"),
        ("200", "_200"),
        ("2fa-code", "_2faCode"),
        ("données_été", "donneesEte"),
        ("名前", "_u540D_524D"),
        ("a.b/c", "aBC"),
    ])
    func lowerCamel(_ input: String, _ expected: String) {
        #expect(SwiftNames.lowerCamel(input) == expected)
    }

    /// ASCII names take a fast path. A combining accent at the end sends the same name down the
    /// general path (the accent is dropped), which must agree.
    @Test(arguments: [
        "grant_type", "HTTPAuth", "URL", "ID2", "ACCESS_TOKEN", "X-Rate-Limit", "a", "A", "__a__b", "9lives",
        "2FA_CODE", "getHTTPResponseCode", "user.ID", "Ab", "aB", "AB", "ABc", "AbC_DEF", "x1_Y2-z3", "self",
    ])
    func asciiNamesAgreeWithTheGeneralPath(_ name: String) {
        #expect(SwiftNames.lowerCamel(name) == SwiftNames.lowerCamel(name + "\u{301}"))
        #expect(SwiftNames.upperCamel(name) == SwiftNames.upperCamel(name + "\u{301}"))
    }

    /// The fast path on many names of every shape: words of capitals, lowercase letters and digits between
    /// separators, results on both sides of the 15 bytes a small string holds. Made by a fixed generator, so
    /// that a failure repeats.
    @Test func randomASCIINamesAgreeWithTheGeneralPath() {
        let alphabet = Array("aZbYc09_-. xXQ")
        var state: UInt64 = 0x5DEE_CE66
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<3000 {
            let name = String((0..<next(26)).map { _ in alphabet[next(alphabet.count)] })
            // A name without a word is spelled from its code points, the accent's among them.
            guard name.contains(where: { $0.isLetter || $0.isNumber }) else { continue }
            #expect(SwiftNames.lowerCamel(name) == SwiftNames.lowerCamel(name + "\u{301}"), "\(name)")
            #expect(SwiftNames.upperCamel(name) == SwiftNames.upperCamel(name + "\u{301}"), "\(name)")
        }
    }

    @Test(arguments: [
        ("o-auth-token", "OAuthToken"),
        ("OAuthToken", "OAuthToken"),
        ("user_status", "UserStatus"),
        ("pet", "Pet"),
        ("Error", "ErrorModel"),
        ("Type", "TypeModel"),
        ("2XX", "_2XX"),
        ("Mirror", "MirrorModel"),
        ("CaseIterable", "CaseIterableModel"),
        ("👍", "_U1F44D"),
    ])
    func typeNames(_ input: String, _ expected: String) {
        #expect(SwiftNames.type(input) == expected)
    }

    @Test func keywordsAreEscapedOrSuffixed() {
        #expect(SwiftNames.member("default") == "`default`")
        #expect(SwiftNames.member("class") == "`class`")
        #expect(SwiftNames.member("self") == "_self")
        #expect(SwiftNames.member("Type") == "type")
        #expect(SwiftNames.member("init") == "_init")
        // An expression keyword since Swift 6.2: `unsafe as Any` would not parse.
        #expect(SwiftNames.member("unsafe") == "`unsafe`")
    }

    /// Every keyword is escaped and every unescapable name suffixed, whatever its length and ends; a name that
    /// shares a keyword's length and first or last letter, or both, is left alone.
    @Test func everyKeywordIsEscapedAndNoOtherName() {
        for keyword in SwiftNames.keywords.subtracting(SwiftNames.unescapable) {
            #expect(SwiftNames.escapedIfKeyword(keyword) == "`\(keyword)`")
        }
        for name in SwiftNames.unescapable {
            #expect(SwiftNames.escapedIfKeyword(name) == "_" + name)
        }
        for name in ["cases", "clas", "classes", "dx", "fr", "inn", "ass", "Anyx", "selfish", "_x", "x_", "", "Typo"] {
            #expect(SwiftNames.escapedIfKeyword(name) == name)
        }
    }

    @Test func namesWithoutUsableCharactersAreSpelledFromCodePoints() {
        #expect(SwiftNames.lowerCamel("👍") == "_u1F44D")
        #expect(SwiftNames.lowerCamel("") == "_empty")
        #expect(SwiftNames.lowerCamel("+") == "_u2B")
    }

    @Test func collisionsAreNumberedInOrder() {
        #expect(SwiftNames.uniqued(["userId", "userId", "name", "userId"]) == ["userId", "userId2", "name", "userId3"])
        #expect(SwiftNames.uniqued(["value"], taken: ["value"]) == ["value2"])
        #expect(SwiftNames.uniqued(["`default`", "`default`"]) == ["`default`", "default2"])
        // Short lists are compared pair by pair, long ones through a set: both number alike.
        let many = (1...20).map { "field\($0)" }
        #expect(SwiftNames.uniqued(many) == many)
        // `field12` is taken by then, so the second `field1` counts on to `field110`.
        #expect(SwiftNames.uniqued(many + ["field3", "field1"]) == many + ["field32", "field110"])
        #expect(SwiftNames.uniqued(["a", "b", "a2", "a"]) == ["a", "b", "a2", "a3"])
    }

    /// A long list of ASCII names is told free of repeats through a table of its bytes; a taken name, a name in
    /// backticks or one whose bytes are not ASCII sends it the way of a set, where names equal as strings (an
    /// `é` composed or not) are one name.
    @Test func longListsNumberAsTheSetDoes() {
        let many = (1...40).map { "p\($0)x" }
        #expect(SwiftNames.uniqued(many, taken: ["customMirror", "hashValue"]) == many)
        #expect(SwiftNames.uniqued(many, taken: ["p7x"])[6] == "p7x2")
        #expect(SwiftNames.uniqued(many + ["p40x"]).last == "p40x2")
        #expect(SwiftNames.uniqued(many + ["`default`", "default"]).suffix(2) == ["`default`", "default2"])
        let accents = ["caf\u{E9}", "cafe\u{301}"]
        #expect(Array(SwiftNames.uniqued(many + accents).suffix(2)) == SwiftNames.uniqued(accents))
        #expect(SwiftNames.uniqued(accents) != accents)
    }
}

@Suite struct ServerNameTests {
    @Test(arguments: [
        ("Production server", "production"),
        ("Sandbox environment", "sandbox"),
        ("EU west", "euWest"),
        ("The main server of the whole company", nil),
        (nil, nil),
    ] as [(String?, String?)])
    func serverNamesComeFromShortDescriptions(_ description: String?, _ expected: String?) {
        #expect(Translator.serverName(description: description) == expected)
    }
}
