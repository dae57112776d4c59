/// JSON Pointer (RFC 6901) helpers, as used in `$ref` fragments.
public enum JSONPointer {
    /// Escapes one token: `~` becomes `~0`, `/` becomes `~1`.
    public static func escape(_ token: String) -> String {
        // Most tokens need nothing; `replacing` is costly even when it finds nothing.
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return token }
        return token.replacing("~", with: "~0").replacing("/", with: "~1")
    }

    /// Unescapes one token: `~1` becomes `/`, `~0` becomes `~`.
    public static func unescape(_ token: String) -> String {
        guard token.utf8.contains(UInt8(ascii: "~")) else { return token }
        return token.replacing("~1", with: "/").replacing("~0", with: "~")
    }

    /// The unescaped tokens of a pointer such as `/components/schemas/a~1b` (`[components, schemas, a/b]`).
    /// The empty pointer (the whole document) has no tokens.
    public static func tokens(_ pointer: String) -> [String] {
        guard !pointer.isEmpty else { return [] }
        var parts: [String]
        if pointer.isASCII {
            parts = pointer.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
                .map { String(decoding: $0, as: UTF8.self) }
        } else {
            parts = pointer.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        }
        if parts.first == "" { parts.removeFirst() }
        return parts.map(unescape)
    }

    /// A pointer from unescaped tokens.
    public static func pointer(_ tokens: [String]) -> String {
        var pointer = ""
        // Room for every token unescaped and its `/`: most need no escape, so the text grows once at most.
        pointer.reserveCapacity(tokens.reduce(tokens.count) { $0 + $1.utf8.count })
        for token in tokens {
            pointer += "/"
            pointer += escape(token)
        }
        return pointer
    }
}

extension String {
    /// Whether every character is ASCII. In ASCII text each `/` or `#` byte is a character of its
    /// own, so splitting or searching the bytes gives the same result as doing so by characters,
    /// without the cost of finding character boundaries.
    var isASCII: Bool { utf8.allSatisfy { $0 < 0x80 } }
}
