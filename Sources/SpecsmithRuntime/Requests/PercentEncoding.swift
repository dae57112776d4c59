/// Percent-encoding for the parts of a URL that carry parameter values.
enum PercentEncoding {
    /// Encodes every byte except RFC 3986's unreserved characters (`A-Z a-z 0-9 - . _ ~`),
    /// so that `/`, `?`, `#`, `%`, `&`, `=`, `+` and spaces are data, never syntax.
    static func encode(_ value: String) -> String {
        encoded(Array(value.utf8)) { bytes, index in isUnreserved(bytes[index]) }
    }

    /// Encodes a value that OpenAPI's `allowReserved` lets keep RFC 3986's reserved characters, as RFC 6570's
    /// reserved expansion does: `:/?@!$'()*,;` and percent-encoded triples (`%2F`) go as they are. Still encoded
    /// are `#`, `[` and `]`, which a query cannot hold, and `&`, `=` and `+`, which delimit form pairs and stand
    /// for a space there (OpenAPI 3.1.2, "URL Percent-Encoding" and Appendix C), as is a `%` that starts no triple
    /// and every other byte that is neither unreserved nor reserved.
    static func encodeAllowingReserved(_ value: String) -> String {
        encoded(Array(value.utf8)) { bytes, index in
            let byte = bytes[index]
            return isUnreserved(byte) || isPassingReserved(byte)
                || (byte == UInt8(ascii: "%") && index + 2 < bytes.count && isHexDigit(bytes[index + 1])
                    && isHexDigit(bytes[index + 2]))
        }
    }

    /// `bytes` as text, each byte that `passes` (given the bytes and its index) as it is and every other
    /// percent-encoded.
    private static func encoded(_ bytes: [UInt8], passes: ([UInt8], Int) -> Bool) -> String {
        var encoded = ""
        encoded.reserveCapacity(bytes.count)
        for index in bytes.indices {
            let byte = bytes[index]
            if passes(bytes, index) {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                encoded += "%"
                encoded.unicodeScalars.append(hexDigit(byte >> 4))
                encoded.unicodeScalars.append(hexDigit(byte & 0x0F))
            }
        }
        return encoded
    }

    /// Encodes a path parameter as one segment: also `.` and `..`, which would otherwise move up the path.
    static func encodeSegment(_ value: String) -> String {
        switch value {
        case ".": "%2E"
        case "..": "%2E%2E"
        default: encode(value)
        }
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    /// The reserved characters that reserved expansion lets through into a query: all but `#[]&=+`.
    private static func isPassingReserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ":"), UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "@"), UInt8(ascii: "!"),
            UInt8(ascii: "$"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"),
            UInt8(ascii: ","), UInt8(ascii: ";"):
            true
        default:
            false
        }
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "F"),
            UInt8(ascii: "a")...UInt8(ascii: "f"):
            true
        default:
            false
        }
    }

    private static func hexDigit(_ nibble: UInt8) -> Unicode.Scalar {
        Unicode.Scalar(nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "A") + nibble - 10)
    }
}
