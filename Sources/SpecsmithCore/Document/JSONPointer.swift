/// JSON Pointer (RFC 6901) helpers, as used in `$ref` fragments.
public enum JSONPointer {
    /// Escapes one token: `~` becomes `~0`, `/` becomes `~1`.
    public static func escape(_ token: String) -> String {
        // Most tokens need nothing; `replacing` is costly even when it finds nothing.
        guard token.containsByte(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return token }
        return replacingBytes(in: token) { byte in
            byte == UInt8(ascii: "~") ? "~0" : byte == UInt8(ascii: "/") ? "~1" : nil
        }
    }

    /// Unescapes one token: `~1` becomes `/`, `~0` becomes `~`.
    public static func unescape(_ token: String) -> String {
        guard token.containsByte(where: { $0 == UInt8(ascii: "~") }) else { return token }
        return unescaped(token.utf8)
    }

    /// The text of a token's UTF-8 bytes with `~1` and `~0` unescaped.
    private static func unescaped(_ token: some Collection<UInt8>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(token.count)
        var afterTilde = false
        for byte in token {
            if afterTilde, byte == UInt8(ascii: "0") || byte == UInt8(ascii: "1") {
                bytes[bytes.count - 1] = byte == UInt8(ascii: "0") ? UInt8(ascii: "~") : UInt8(ascii: "/")
                afterTilde = false
                continue
            }
            afterTilde = byte == UInt8(ascii: "~")
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The text with each byte that `replacement` gives text for replaced by it. Works on the UTF-8
    /// bytes, not characters: a `~` or `/` followed by a combining mark is a character of its own,
    /// that `replacing` would leave alone.
    private static func replacingBytes(in text: String, _ replacement: (UInt8) -> String?) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 4)
        for byte in text.utf8 {
            if let replaced = replacement(byte) { bytes.append(contentsOf: replaced.utf8) } else { bytes.append(byte) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The unescaped tokens of a pointer such as `/components/schemas/a~1b` (`[components, schemas, a/b]`).
    /// The empty pointer (the whole document) has no tokens. The pointer is split at its `/` bytes: in
    /// UTF-8 no other character has one, and a `/` that a combining mark follows still separates.
    public static func tokens(_ pointer: String) -> [String] {
        guard !pointer.isEmpty else { return [] }
        // The bytes are read in place: a generic walk of the `UTF8View` costs some thirty instructions a
        // byte, and every `$ref` is taken apart.
        var pointer = pointer
        return pointer.withUTF8 { bytes in
            var tokens: [String] = []
            var start = 0
            func token(_ range: Range<Int>) -> String {
                let token = UnsafeBufferPointer(rebasing: bytes[range])
                guard token.contains(UInt8(ascii: "~")) else { return String(decoding: token, as: UTF8.self) }
                return unescaped(token)
            }
            for i in bytes.indices where bytes[i] == UInt8(ascii: "/") {
                // The empty text before a leading `/` is no token.
                if i > 0 { tokens.append(token(start..<i)) }
                start = i + 1
            }
            tokens.append(token(start..<bytes.count))
            return tokens
        }
    }

    /// A pointer for a canonical id (see ``SchemaReference/id``): ``pointer(_:)``, with `%` and every
    /// byte of a non-ASCII character percent-encoded, as in a URI fragment. The text is ASCII, so that
    /// two ids are equal as Swift strings exactly when their tokens are the same code points: `==`
    /// takes the names `"é"` (U+00E9) and `"e\u{301}"` for one. ``idTokens(_:)`` reads it back.
    public static func idPointer(_ tokens: [String]) -> String {
        let written = pointer(tokens)
        guard written.containsByte(where: { $0 >= 0x80 || $0 == UInt8(ascii: "%") }) else { return written }
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(written.utf8.count * 2)
        for byte in written.utf8 {
            if byte >= 0x80 || byte == UInt8(ascii: "%") {
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The canonical id of component `name` of `kind` (`schemas`, `responses`...) in `file`: `file#` and what
    /// ``idPointer(_:)`` makes of `["components", kind, name]`. Written at once when the tokens need no escape,
    /// as nearly all names do; `idPointer` takes about 3,300 instructions a name.
    static func componentID(file: String, kind: String, name: String) -> String {
        guard isVerbatimInID(kind), isVerbatimInID(name) else {
            return file + "#" + idPointer(["components", kind, name])
        }
        var id = file
        id.reserveCapacity(file.utf8.count + 14 + kind.utf8.count + name.utf8.count)
        id += "#/components/"
        id += kind
        id += "/"
        id += name
        return id
    }

    /// Whether ``idPointer(_:)`` writes `token` as it is: ASCII without `~`, `/` or `%`.
    static func isVerbatimInID(_ token: String) -> Bool {
        !token.containsByte {
            $0 >= 0x80 || $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "%")
        }
    }

    /// The unescaped tokens of a pointer that ``idPointer(_:)`` wrote.
    public static func idTokens(_ pointer: String) -> [String] {
        guard pointer.utf8.contains(UInt8(ascii: "%")) else { return tokens(pointer) }
        var bytes: [UInt8] = []
        var iterator = pointer.utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
                let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return tokens(String(decoding: bytes, as: UTF8.self))
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
    /// Whether any byte of the UTF-8 meets `predicate`, read in place: the generic walk of a `UTF8View`
    /// costs some thirty instructions a byte, and ids and pointers are read thousands of times.
    func containsByte(where predicate: (UInt8) -> Bool) -> Bool {
        if let found = utf8.withContiguousStorageIfAvailable({ $0.contains(where: predicate) }) { return found }
        return utf8.contains(where: predicate)
    }

    /// Whether every character is ASCII. In ASCII text each `/` or `#` byte is a character of its
    /// own, so splitting or searching the bytes gives the same result as doing so by characters,
    /// without the cost of finding character boundaries.
    var isASCII: Bool { !containsByte { $0 >= 0x80 } }
}
