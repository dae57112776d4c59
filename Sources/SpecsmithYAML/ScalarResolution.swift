/// What a scalar means under the YAML 1.2 core schema.
///
/// Only plain, untagged scalars are resolved by their text; a quoted or block scalar is a string, and
/// a core tag (`!!int`, ...) decides for itself. Deliberately not YAML 1.1: `yes`, `no`, `on`, `off`
/// are strings, and `0777` is the decimal integer 777 (octal is written `0o777`).
@usableFromInline
enum ScalarKind: Equatable, Sendable {
    case null
    case bool(Bool)
    /// `[-+]?[0-9]+`, `0o[0-7]+` or `0x[0-9a-fA-F]+`.
    case int
    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?` that is not an integer.
    case float
    /// `.inf`, `-.inf`, `.nan` and their capitalised forms: floats that JSON cannot write.
    case specialFloat
    case string
}

/// The full names of the tags the loader accepts.
enum CoreTag {
    static let prefix = "tag:yaml.org,2002:"
    static let str = prefix + "str"
    static let int = prefix + "int"
    static let float = prefix + "float"
    static let bool = prefix + "bool"
    static let null = prefix + "null"
    static let map = prefix + "map"
    static let seq = prefix + "seq"
    /// The non-specific tag `!`: "not plain", so a string for a scalar.
    static let nonSpecific = "!"

    /// The tag as a reader wrote it: `!!str` for the core tags, `!foo` for local tags.
    static func shortForm(_ tag: String) -> String {
        if tag.hasPrefix(prefix) { return "!!" + tag.dropFirst(prefix.count) }
        if tag.hasPrefix("!") { return tag }
        return "!<\(tag)>"
    }
}

extension ScalarKind {
    /// A scalar's meaning: by its core tag when it has one, else by its text when plain, else string.
    /// (The loader refuses a tag whose text does not fit it, such as `!!int abc`; a scalar made outside
    /// a parse with one reads as a string.) Resolved once, when the node is made.
    init(text: String, style: YAMLScalar.Style, tag: String?) {
        var text = text
        self = text.withUTF8 { ScalarKind(utf8: $0, style: style, tag: tag) }
    }

    /// The meaning of a scalar whose text is these UTF-8 bytes: the loader resolves a scalar from
    /// libyaml's buffer, before (and without) reading its `String`.
    init(utf8 text: UnsafeBufferPointer<UInt8>, style: YAMLScalar.Style, tag: String?) {
        switch tag {
        case nil: self = Self.untagged(utf8: text, style: style)
        case CoreTag.str?, CoreTag.nonSpecific?: self = .string
        case CoreTag.null?: self = .null
        case CoreTag.bool?:
            let kind = YAMLScalar.resolvePlain(utf8: text)
            if case .bool = kind { self = kind } else { self = .string }
        case CoreTag.int?: self = YAMLScalar.resolvePlain(utf8: text) == .int ? .int : .string
        case CoreTag.float?:
            switch YAMLScalar.resolvePlain(utf8: text) {
            case .int, .float: self = .float
            case .specialFloat: self = .specialFloat
            default: self = .string
            }
        default: self = .string
        }
    }

    /// The kind of a scalar without a tag: the core schema resolves a plain one; a quoted one is a string.
    /// The tree builder asks this directly for the many untagged scalars, without the switch over tags.
    @inline(__always)
    static func untagged(utf8 text: UnsafeBufferPointer<UInt8>, style: YAMLScalar.Style) -> ScalarKind {
        style == .plain ? YAMLScalar.resolvePlain(utf8: text) : .string
    }
}

extension YAMLScalar {
    /// The core schema's resolution of a plain scalar's text.
    static func resolvePlain(_ text: String) -> ScalarKind {
        var text = text
        return text.withUTF8 { resolvePlain(utf8: $0) }
    }

    static func resolvePlain(utf8 s: UnsafeBufferPointer<UInt8>) -> ScalarKind {
        guard let first = s.first else { return .null }
        switch first {
        case UInt8(ascii: "~"):
            return s.count == 1 ? .null : .string
        case UInt8(ascii: "n"), UInt8(ascii: "N"):
            return equalsAny(s, "null", "Null", "NULL") ? .null : .string
        case UInt8(ascii: "t"), UInt8(ascii: "T"):
            return equalsAny(s, "true", "True", "TRUE") ? .bool(true) : .string
        case UInt8(ascii: "f"), UInt8(ascii: "F"):
            return equalsAny(s, "false", "False", "FALSE") ? .bool(false) : .string
        case UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return resolveNumber(s)
        default:
            return .string
        }
    }

    @inline(__always)
    private static func equalsAny(
        _ s: UnsafeBufferPointer<UInt8>,
        _ a: StaticString,
        _ b: StaticString,
        _ c: StaticString
    )
        -> Bool
    {
        equals(s, a) || equals(s, b) || equals(s, c)
    }

    @inline(__always)
    private static func equals(_ s: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        guard s.count == literal.utf8CodeUnitCount else { return false }
        // Byte by byte: the generic `elementsEqual` costs several times as much for these few bytes, and
        // keys such as `type` and `name` have the length of `true` and `null`.
        let l = literal.utf8Start
        for i in 0..<s.count where s[i] != l[i] { return false }
        return true
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    private static func resolveNumber(_ s: UnsafeBufferPointer<UInt8>) -> ScalarKind {
        let n = s.count
        // 0o and 0x integers (no sign in the core schema).
        if n > 2, s[0] == UInt8(ascii: "0") {
            if s[1] == UInt8(ascii: "o") {
                return s[2...].allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "7") } ? .int : .string
            }
            if s[1] == UInt8(ascii: "x") {
                return s[2...].allSatisfy { SurrogatePairRewrite.hexDigit($0) != nil } ? .int : .string
            }
        }
        var i = 0
        if s[0] == UInt8(ascii: "+") || s[0] == UInt8(ascii: "-") { i = 1 }
        // .inf / .nan
        if i < n, s[i] == UInt8(ascii: "."), n - i == 4 {
            let rest = UnsafeBufferPointer(rebasing: s[(i + 1)...])
            if equalsAny(rest, "inf", "Inf", "INF") { return .specialFloat }
            if i == 0, equalsAny(rest, "nan", "NaN", "NAN") { return .specialFloat }
        }
        let integerStart = i
        while i < n, isDigit(s[i]) { i += 1 }
        let integerDigits = i - integerStart
        if i == n { return integerDigits > 0 ? .int : .string }
        var fractionDigits = 0
        var hasDot = false
        if s[i] == UInt8(ascii: ".") {
            hasDot = true
            i += 1
            let fractionStart = i
            while i < n, isDigit(s[i]) { i += 1 }
            fractionDigits = i - fractionStart
        }
        // `.5` needs fraction digits; `5.` is allowed.
        guard integerDigits > 0 || (hasDot && fractionDigits > 0) else { return .string }
        if i < n, s[i] == UInt8(ascii: "e") || s[i] == UInt8(ascii: "E") {
            i += 1
            if i < n, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") { i += 1 }
            let exponentStart = i
            while i < n, isDigit(s[i]) { i += 1 }
            guard i > exponentStart else { return .string }
        }
        return i == n ? .float : .string
    }
}

/// Turning number text into JSON form, and integers into `Int`.
enum NumberText {
    /// The JSON form of a core-schema integer or float (which must be one): no `+`, no leading
    /// zeros, `0o`/`0x` converted to decimal, a bare `.` completed with a `0` on either side.
    static func json(_ text: String) -> YAMLNumber {
        let bytes = Array(text.utf8)
        if bytes.count > 2, bytes[0] == UInt8(ascii: "0"),
            bytes[1] == UInt8(ascii: "o") || bytes[1] == UInt8(ascii: "x")
        {
            let radix = bytes[1] == UInt8(ascii: "o") ? 8 : 16
            return YAMLNumber(text: decimal(digits: bytes[2...], radix: radix), isInteger: true)
        }
        var out = ""
        out.reserveCapacity(bytes.count + 2)
        var i = 0
        if bytes[0] == UInt8(ascii: "-") {
            out.append("-")
            i = 1
        } else if bytes[0] == UInt8(ascii: "+") {
            i = 1
        }
        // Integer part without leading zeros.
        let integerStart = i
        while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") { i += 1 }
        var integer = bytes[integerStart..<i].drop { $0 == UInt8(ascii: "0") }
        if integer.isEmpty { integer = [UInt8(ascii: "0")][...] }
        out += String(decoding: integer, as: UTF8.self)
        var isInteger = true
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            isInteger = false
            i += 1
            let fractionStart = i
            while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") { i += 1 }
            let fraction = bytes[fractionStart..<i]
            out += "." + (fraction.isEmpty ? "0" : String(decoding: fraction, as: UTF8.self))
        }
        if i < bytes.count {
            // The exponent, kept as written: JSON allows `e`, `E` and a sign.
            isInteger = false
            out += String(decoding: bytes[i...], as: UTF8.self)
        }
        return YAMLNumber(text: out, isInteger: isInteger)
    }

    /// The `Int` value of a core-schema integer, or `nil` when it does not fit.
    static func int(_ text: String) -> Int? {
        if text.hasPrefix("0o") { return Int(text.dropFirst(2), radix: 8) }
        if text.hasPrefix("0x") { return Int(text.dropFirst(2), radix: 16) }
        return Int(text)
    }

    /// Decimal text of digits in another radix, of any length.
    static func decimal(digits: ArraySlice<UInt8>, radix: Int) -> String {
        // Little-endian limbs of 10^9.
        var limbs: [UInt64] = [0]
        let base: UInt64 = 1_000_000_000
        for byte in digits {
            var carry = UInt64(SurrogatePairRewrite.hexDigit(byte) ?? 0)
            for k in limbs.indices {
                let value = limbs[k] * UInt64(radix) + carry
                limbs[k] = value % base
                carry = value / base
            }
            while carry > 0 {
                limbs.append(carry % base)
                carry /= base
            }
        }
        var out = String(limbs.last!)
        for limb in limbs.dropLast().reversed() {
            let part = String(limb)
            out += String(repeating: "0", count: 9 - part.count) + part
        }
        return out
    }
}
