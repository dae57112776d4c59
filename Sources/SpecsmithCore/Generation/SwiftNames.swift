import Foundation

/// Turns names from a document (schema names, property wire names, operation ids, enum values) into
/// valid, stable, readable Swift identifiers.
///
/// The rules, applied in order:
/// 1. Accents are dropped (`données` -> `donnees`), then the name is split into words at every
///    character that is not an ASCII letter or digit (`_`, `-`, `.`, spaces, punctuation, emoji,
///    other scripts), so identifiers are ASCII as `swift format` asks.
/// 2. Words are joined in camel case. A word written in capitals in a name that has separators
///    (`ACCESS_TOKEN`) is treated as an ordinary word (`accessToken`); otherwise a word keeps its own
///    capitals after the first letter (`currentMDSubs`, `OAuthToken`).
/// 3. A lower-camel name lowers its leading capitals (`HTTPAuth` -> `httpAuth`, `URL` -> `url`).
/// 4. A name that starts with a digit gets a leading `_` (`200` -> `_200`); a name with no usable
///    character is spelled from its code points (`👍` -> `_u1F44D`, or `_U1F44D` for a type).
/// 5. Swift keywords are escaped with backticks, except those that cannot be escaped everywhere
///    (`self`, `Self`, `Type`, `Protocol`, `init`, ...), which get a leading `_`.
enum SwiftNames {
    /// `o-auth-token` -> `oAuthToken`, `grant_type` -> `grantType`, `HTTPAuth` -> `httpAuth`.
    static func lowerCamel(_ name: String) -> String {
        if let camel = asciiCamel(name, upper: false) { return camel }
        let parts = words(name)
        guard let first = parts.first else { return fallback(name) }
        var result = lowerLeadingCapitals(first)
        for word in parts.dropFirst() {
            result += capitalized(word)
        }
        return prefixDigit(result)
    }

    /// `o-auth-token` -> `OAuthToken`, `user status` -> `UserStatus`.
    static func upperCamel(_ name: String) -> String {
        if let camel = asciiCamel(name, upper: true) { return camel }
        let parts = words(name)
        // `_U1F44D`: a type's name is capitalized after the underscore, as swift-format asks.
        guard !parts.isEmpty else { return "_" + String(fallback(name).dropFirst()).uppercasedFirst }
        return prefixDigit(parts.map(capitalized).joined())
    }

    /// A lower-camel name made safe to declare: keywords escaped or suffixed.
    static func member(_ name: String) -> String {
        escapedIfKeyword(lowerCamel(name))
    }

    /// An upper-camel name made safe to declare as a type.
    static func type(_ name: String) -> String {
        let base = upperCamel(name)
        // Not looked up (hashed) when longer than every unusable name.
        return base.utf8.count <= longestUnusableTypeName && unusableTypeNames.contains(base) ? base + "Model" : base
    }

    /// The identifier with backticks (or a trailing `_`) when it is a keyword.
    static func escapedIfKeyword(_ identifier: String) -> String {
        // One look-up (a hash of the name) in a table of both kinds, and none for a name longer than every
        // keyword, or whose first and last bytes no keyword of its length has (`name`, `status`, `createdAt`).
        let utf8 = identifier.utf8
        let count = utf8.count
        guard count <= keywordTable.longest, let first = identifier.firstByte, first < 0x80,
            keywordEnds.first[count &* 0x80 &+ Int(first)], let last = utf8.last, last < 0x80,
            keywordEnds.last[count &* 0x80 &+ Int(last)],
            let unescapable = keywordTable.escapes[identifier]
        else { return identifier }
        return unescapable ? "_" + identifier : "`\(identifier)`"
    }

    /// Whether some name of ``keywordTable`` of each length starts (`first`) or ends (`last`) with each ASCII
    /// byte, at `length * 128 + byte`. Every name there is ASCII, and no other text is canonically equivalent to
    /// one (which the table's `String` keys would match): a name whose ends are not both among them is none.
    private static let keywordEnds: (first: [Bool], last: [Bool]) = {
        var first = [Bool](repeating: false, count: (keywordTable.longest + 1) * 0x80)
        var last = first
        for name in keywordTable.escapes.keys {
            let bytes = Array(name.utf8)
            first[bytes.count * 0x80 + Int(bytes[0])] = true
            last[bytes.count * 0x80 + Int(bytes[bytes.count - 1])] = true
        }
        return (first, last)
    }()

    /// ``keywords`` and ``unescapable`` in one table, by name: true for a name that is unescapable (`deinit` and
    /// `subscript` are both), false for one that backticks escape; with the length of the longest name.
    private static let keywordTable: (escapes: [String: Bool], longest: Int) = {
        var escapes = Dictionary(uniqueKeysWithValues: keywords.map { ($0, false) })
        for name in unescapable { escapes[name] = true }
        return (escapes, escapes.keys.map(\.utf8.count).max() ?? 0)
    }()

    /// The bare identifier, without backticks (for building other names from it).
    static func unescaped(_ identifier: String) -> String {
        isEscaped(identifier) ? String(identifier.dropFirst().dropLast()) : identifier
    }

    /// Whether the identifier is in backticks: its first byte, looked at in place.
    private static func isEscaped(_ identifier: String) -> Bool {
        identifier.firstByte == UInt8(ascii: "`")
    }

    /// `name`, or the first of `name2`, `name3`... that `isTaken` refuses (compared without backticks).
    /// For one name against a large set: nothing is copied. `numbers` remembers, for each name that
    /// was numbered, the number it got, so that the next search for that name starts there rather than
    /// at 2: the names of a thousand schemas that all make `Name` cost a thousand checks, not half a
    /// million. Pass the same `numbers` only while `isTaken` never frees a name it refused.
    static func unique(_ name: String, numbers: inout [String: Int], isTaken: (String) -> Bool) -> String {
        let bare = unescaped(name)
        if !isTaken(bare) { return name }
        // The number given last may still be free (the caller need not take it), so it is asked again.
        var n = numbers[bare] ?? 2
        while isTaken("\(bare)\(n)") { n += 1 }
        numbers[bare] = n
        return escapedIfKeyword("\(bare)\(n)")
    }

    /// Makes every name in `names` unique, keeping the first of each spelling and numbering the
    /// rest (`userId`, `userId2`), skipping any name in `taken`. Order decides, so results are stable.
    static func uniqued(_ names: [String], taken: Set<String> = []) -> [String] {
        // Nearly always a short list without repeats (a struct's properties, an enum's cases): comparing
        // each pair, and looking each name up in `taken`, is cheaper than copying `taken` into a set of
        // every name.
        if names.count <= 16 {
            // Names in backticks are few: the list itself is compared when it has none.
            let bare = names.contains(where: isEscaped) ? names.map(unescaped) : names
            // A few taken names (a struct's or an enum's two reserved members, the client's four argument
            // names) are compared rather than each name hashed to look it up.
            let fewTaken = taken.count <= 4
            func isTaken(_ name: String) -> Bool {
                fewTaken ? taken.contains { $0 == name } : taken.contains(name)
            }
            if !bare.indices.contains(where: { i in isTaken(bare[i]) || bare[..<i].contains(bare[i]) }) {
                return names
            }
        } else if taken.count <= 4, !names.contains(where: isEscaped), areDistinctASCII(names, taken: taken) {
            // A long list (a large object's properties), nearly always without repeats: told without a set.
            return names
        }
        var used = taken
        used.reserveCapacity(taken.count + names.count)
        // The next number to try for each spelling numbered so far: every smaller one is used.
        var next: [String: Int] = [:]
        return names.map { name in
            let bare = unescaped(name)
            if used.insert(bare).inserted { return name }
            var n = next[bare] ?? 2
            while !used.insert("\(bare)\(n)").inserted { n += 1 }
            next[bare] = n + 1
            return escapedIfKeyword("\(bare)\(n)")
        }
    }

    /// Whether `names` are all different and none is one of `taken`, for ASCII names: each name's bytes are
    /// hashed once with FNV-1a into a table of positions, where a `Set` hashes each name with SipHash (some 450
    /// instructions a name). ASCII names are equal exactly when their bytes are, so the bytes decide; `false`
    /// for a list or a taken name with other bytes, which the caller then numbers through its set.
    private static func areDistinctASCII(_ names: [String], taken: Set<String>) -> Bool {
        let others = Array(taken)
        var capacity = 64
        while capacity < (names.count + others.count) * 2 { capacity *= 2 }
        // Each slot holds the position of a name in `names`, or -2 - k for `others[k]`; -1 when empty.
        var slots = [Int32](repeating: -1, count: capacity)
        let mask = capacity - 1
        func name(at entry: Int32) -> String { entry >= 0 ? names[Int(entry)] : others[Int(-2 - entry)] }
        // Whether the name was new; false also for one that is not ASCII.
        func insert(_ entry: Int32) -> Bool {
            let text = name(at: entry)
            guard let hash = text.utf8.withContiguousStorageIfAvailable(asciiHash) ?? nil else { return false }
            var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
            while slots[slot] != -1 {
                if name(at: slots[slot]) == text { return false }
                slot = (slot + 1) & mask
            }
            slots[slot] = entry
            return true
        }
        for k in others.indices where !insert(-2 - Int32(k)) { return false }
        for index in names.indices where !insert(Int32(index)) { return false }
        return true
    }

    /// The FNV-1a hash of an ASCII name's bytes; `nil` when some byte is not ASCII.
    private static func asciiHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        var all: UInt8 = 0
        for byte in bytes {
            all |= byte
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3
        }
        return all < 0x80 ? hash : nil
    }

    // MARK: - Words

    static func words(_ name: String) -> [String] {
        // Accents are dropped by decomposing and leaving the marks out; ASCII names (nearly all) skip
        // that. Only ASCII letters and digits make words, so any other scalar is a separator (a space).
        let bytes: [UInt8]
        if name.isASCII {
            bytes = Array(name.utf8)
        } else {
            bytes = name.decomposedStringWithCanonicalMapping.unicodeScalars
                .filter { $0.properties.generalCategory != .nonspacingMark }
                .map { $0.isASCII ? UInt8($0.value) : UInt8(ascii: " ") }
        }
        var parts: [String] = []
        var start: Int?
        for index in bytes.indices {
            if isIdentifierByte(bytes[index]) {
                if start == nil { start = index }
            } else if let first = start {
                parts.append(String(decoding: bytes[first..<index], as: UTF8.self))
                start = nil
            }
        }
        if let first = start { parts.append(String(decoding: bytes[first...], as: UTF8.self)) }
        let hasSeparators = parts.count > 1
        return parts.map { word in
            hasSeparators && word.utf8.count > 1 && !word.utf8.contains(where: isLowercase) ? word.lowercased() : word
        }
    }

    /// ``lowerCamel(_:)`` or ``upperCamel(_:)`` of an ASCII name with at least one word, in one pass over
    /// its bytes and the same rules as ``words(_:)``; `nil` for other names. Nearly every name is
    /// ASCII, and a generation camel-cases each of them several times: a name that is already one word
    /// with the right first letter (`userId`, `Pet`) is returned as it is, and any other is written
    /// straight into the new string's storage, made at the result's length: a capacity over 15 bytes allocates
    /// even for a result that a small string would hold.
    private static func asciiCamel(_ name: String, upper: Bool) -> String? {
        let camel = name.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            var wordCount = 0
            var letters = 0
            var inWord = false
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                let isWordByte = isIdentifierByte(byte)
                if isWordByte && !inWord { wordCount += 1 }
                if isWordByte { letters &+= 1 }
                inWord = isWordByte
            }
            guard wordCount > 0 else { return nil }
            if wordCount == 1, isIdentifierByte(bytes[0]), isIdentifierByte(bytes[bytes.count - 1]),
                upper ? isUppercase(bytes[0]) : isLowercase(bytes[0])
            {
                return name
            }
            let startsWithDigit =
                bytes.first(where: isIdentifierByte).map { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } ?? false
            return String(unsafeUninitializedCapacity: letters + (startsWithDigit ? 1 : 0)) { out in
                var length = 0
                if startsWithDigit {
                    out[0] = UInt8(ascii: "_")
                    length = 1
                }
                var index = 0
                var isFirstWord = true
                while index < bytes.count {
                    guard isIdentifierByte(bytes[index]) else {
                        index += 1
                        continue
                    }
                    var end = index
                    var hasLowercase = false
                    while end < bytes.count, isIdentifierByte(bytes[end]) {
                        hasLowercase = hasLowercase || isLowercase(bytes[end])
                        end += 1
                    }
                    // A word in capitals in a name with separators is an ordinary word: `ACCESS_TOKEN`.
                    let lowersWhole = wordCount > 1 && end - index > 1 && !hasLowercase
                    if isFirstWord && !upper {
                        // Leading capitals lowered, as lowerLeadingCapitals does: `HTTPAuth` -> `httpAuth`.
                        var upperRun = 0
                        while index + upperRun < end, isUppercase(bytes[index + upperRun]) { upperRun += 1 }
                        let lowerCount =
                            lowersWhole
                            ? end - index
                            : upperRun > 1 && index + upperRun < end && isLowercase(bytes[index + upperRun])
                                ? upperRun - 1 : upperRun
                        for position in index..<end {
                            let byte = bytes[position]
                            out[length] = position - index < lowerCount && isUppercase(byte) ? byte | 0x20 : byte
                            length += 1
                        }
                    } else {
                        out[length] = isLowercase(bytes[index]) ? bytes[index] & ~0x20 : bytes[index]
                        length += 1
                        for position in index + 1..<end {
                            let byte = bytes[position]
                            out[length] = lowersWhole && isUppercase(byte) ? byte | 0x20 : byte
                            length += 1
                        }
                    }
                    isFirstWord = false
                    index = end
                }
                return length
            }
        }
        return camel ?? nil
    }

    private static func isIdentifierByte(_ byte: UInt8) -> Bool {
        isLowercase(byte) || isUppercase(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    private static func capitalized(_ word: String) -> String {
        word.uppercasedFirst
    }

    /// `HTTPAuth` -> `httpAuth`, `URL` -> `url`, `OAuth` -> `oAuth`, `ID2` -> `id2`.
    private static func lowerLeadingCapitals(_ word: String) -> String {
        let bytes = Array(word.utf8)  // ASCII: a word from `words`
        var upperRun = 0
        while upperRun < bytes.count, isUppercase(bytes[upperRun]) { upperRun += 1 }
        if upperRun == 0 { return word }
        // In `HTTPAuth` the last capital starts the next word, so it stays.
        let lowerCount = upperRun > 1 && upperRun < bytes.count && isLowercase(bytes[upperRun]) ? upperRun - 1 : upperRun
        return String(decoding: bytes[..<lowerCount].map { $0 | 0x20 } + bytes[lowerCount...], as: UTF8.self)
    }

    private static func isUppercase(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
    private static func isLowercase(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }

    private static func prefixDigit(_ identifier: String) -> String {
        guard let first = identifier.unicodeScalars.first else { return "_" }
        let isDigit = first.isASCII ? (first >= "0" && first <= "9") : first.properties.numericType != nil
        return isDigit ? "_" + identifier : identifier
    }

    private static func fallback(_ name: String) -> String {
        guard !name.isEmpty else { return "_empty" }
        return "_u" + name.unicodeScalars.map { String($0.value, radix: 16, uppercase: true) }.joined(separator: "_")
    }

    // MARK: - Reserved words

    /// Keywords that may be used as identifiers when escaped with backticks.
    static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "inout",
        "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public", "rethrows",
        "static", "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue", "default",
        "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw", "switch",
        "where", "while", "as", "Any", "false", "is", "nil", "super", "throws", "true", "try", "await", "async",
        "consume", "borrowing", "consuming", "discard", "each", "macro", "package", "some", "any", "unsafe", "_",
    ]

    /// Names that backticks do not make usable in every position (members named `self`, a nested
    /// type named `Type`): they get a leading underscore instead.
    static let unescapable: Set<String> = ["self", "Self", "Type", "Protocol", "init", "deinit", "subscript"]

    /// Type names that would shadow a type the generated code or its users rely on: they get a
    /// `Model` suffix (`Error` -> `ErrorModel`).
    static let unusableTypeNames: Set<String> = [
        "Self", "Type", "Protocol", "Any", "AnyObject", "String", "Int", "Int32", "Int64", "Double", "Float",
        "Bool", "Array", "Dictionary", "Set", "Optional", "Result", "Error", "Never", "Data", "Date", "URL", "UUID",
        "Decimal", "Codable", "Decodable", "Encodable", "Hashable", "Sendable", "Equatable", "CodingKey",
        "Encoder", "Decoder", "Character", "Void", "CaseIterable", "Mirror",
    ]

    /// The length in bytes of the longest of ``unusableTypeNames``, beyond which ``type(_:)`` looks none up.
    private static let longestUnusableTypeName = unusableTypeNames.map(\.utf8.count).max() ?? 0
}

/// A name with its hash worked out once, for tables that one thread fills with names that workers made: the
/// translator's top-level names, which a worker hashes as it asks about them, and the qualified names that
/// ``Translator/markValidationAndRecursion(_:concurrently:)`` numbers. The thread that fills the table then hashes
/// only this number again, where it would hash every name's text (and compare texts where the table's slots
/// collide) while the other cores idle. Equal names have equal hashes, so two `HashedName`s are equal exactly when
/// their names are.
struct HashedName: Hashable, Sendable {
    let name: String
    /// The standard library's hash of the name, seeded for the process as every hash is.
    let hash: Int

    init(_ name: String) {
        self.name = name
        hash = name.hashValue
    }

    static func == (lhs: HashedName, rhs: HashedName) -> Bool {
        lhs.hash == rhs.hash && lhs.name == rhs.name
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(hash)
    }

    /// The hash a set or dictionary files the name under, from ``hash`` and the table's seed with a multiply,
    /// rather than through `Hasher` (about 200 instructions): ``hash`` is already a seeded hash of the name, and
    /// the table's seed, mixed in, still gives each table its own order.
    func _rawHashValue(seed: Int) -> Int {
        let mixed = UInt64(bitPattern: Int64(hash ^ seed)) &* 0x9E37_79B9_7F4A_7C15
        return Int(bitPattern: UInt(mixed ^ (mixed >> 32)))
    }
}

extension String {
    /// The first byte of the UTF-8, read in place: `utf8.first` is generic code the optimizer leaves out of line,
    /// some 60 instructions a call where this takes about 20, and the translator asks it of names and types
    /// thousands of times a generation.
    @inline(__always)
    var firstByte: UInt8? {
        let utf8 = self.utf8
        return utf8.isEmpty ? nil : utf8[utf8.startIndex]
    }

    var uppercasedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
