extension StringRule {
    /// A `format` that generated code can assert: `.format(.dateTime)`, `.format(.uuid)`...
    ///
    /// Each check reads the string's UTF-8 bytes once and allocates nothing.
    public enum Format: String, Sendable, Hashable, CaseIterable {
        /// RFC 3339 `date-time`: `2024-05-01T12:30:00Z`, `2024-05-01t12:30:00.25+02:00`
        /// (`T` and `Z` in either case; a leap second only at 23:59:60 UTC).
        case dateTime = "date-time"
        /// RFC 3339 `full-date`: `2024-02-29` (a real day of a real month).
        case date
        /// RFC 3339 `full-time`, with its offset: `12:30:00Z`, `23:59:60.5-01:30`.
        case time
        /// RFC 9562 (4122) text form: `123e4567-e89b-12d3-a456-426614174000`, hexadecimal digits in either case.
        case uuid
        /// RFC 5321 mailbox: a dot-atom or quoted local part, `@`, and a host name or an address literal
        /// (`[192.0.2.1]`, `[IPv6:2001:db8::1]`).
        case email
        /// RFC 3986 absolute URI: a scheme, `:`, and only characters a URI may hold, `%` followed by two
        /// hexadecimal digits.
        case uri

        /// Whether `value` is in this format.
        public func matches(_ value: String) -> Bool {
            let bytes = value.utf8
            switch self {
            case .dateTime: return FormatScanner.isDateTime(bytes)
            case .date: return FormatScanner.isDate(bytes)
            case .time: return FormatScanner.isTime(bytes)
            case .uuid: return FormatScanner.isUUID(bytes)
            case .email: return FormatScanner.isEmail(bytes)
            case .uri: return FormatScanner.isURI(bytes)
            }
        }
    }
}

/// The checks behind ``StringRule/Format``, on UTF-8 bytes.
enum FormatScanner {
    typealias Bytes = String.UTF8View

    // MARK: Dates and times

    static func isDateTime(_ bytes: Bytes) -> Bool {
        guard let separator = bytes.firstIndex(where: { $0 == UInt8(ascii: "T") || $0 == UInt8(ascii: "t") }) else {
            return false
        }
        return isDate(bytes[..<separator]) && isTime(bytes[bytes.index(after: separator)...])
    }

    /// `YYYY-MM-DD` with a day that exists.
    static func isDate<C: Collection<UInt8>>(_ bytes: C) -> Bool {
        guard bytes.count == 10 else { return false }
        let b = Array10(bytes)
        guard b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
            let year = b.number(0, 4), let month = b.number(5, 2), let day = b.number(8, 2)
        else { return false }
        guard (1...12).contains(month), day >= 1 else { return false }
        let isLeap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }

    /// `hh:mm:ss[.fraction](Z|+hh:mm|-hh:mm)`; second 60 only when the time is 23:59 in UTC.
    static func isTime<C: Collection<UInt8>>(_ bytes: C) -> Bool {
        var rest = bytes[...]
        func take(_ count: Int) -> Int? {
            guard rest.count >= count else { return nil }
            var value = 0
            for _ in 0..<count {
                let byte = rest.removeFirst()
                guard isDigit(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        func expect(_ character: Unicode.Scalar) -> Bool {
            guard rest.first == UInt8(ascii: character) else { return false }
            rest.removeFirst()
            return true
        }
        guard let hour = take(2), expect(":"), let minute = take(2), expect(":"), let second = take(2) else {
            return false
        }
        guard hour <= 23, minute <= 59, second <= 60 else { return false }
        if rest.first == UInt8(ascii: ".") {
            rest.removeFirst()
            guard let first = rest.first, isDigit(first) else { return false }
            while let byte = rest.first, isDigit(byte) { rest.removeFirst() }
        }
        var offsetMinutes = 0
        if let marker = rest.first, marker == UInt8(ascii: "Z") || marker == UInt8(ascii: "z") {
            rest.removeFirst()
        } else if let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            rest.removeFirst()
            guard let offsetHour = take(2), expect(":"), let offsetMinute = take(2), offsetHour <= 23,
                offsetMinute <= 59
            else { return false }
            offsetMinutes = (offsetHour * 60 + offsetMinute) * (sign == UInt8(ascii: "+") ? 1 : -1)
        } else {
            return false
        }
        guard rest.isEmpty else { return false }
        if second == 60 {
            // A leap second is the last second of a UTC day.
            let utc = ((hour * 60 + minute - offsetMinutes) % 1440 + 1440) % 1440
            return utc == 23 * 60 + 59
        }
        return true
    }

    // MARK: UUID

    static func isUUID(_ bytes: Bytes) -> Bool {
        guard bytes.count == 36 else { return false }
        for (offset, byte) in bytes.enumerated() {
            if offset == 8 || offset == 13 || offset == 18 || offset == 23 {
                guard byte == UInt8(ascii: "-") else { return false }
            } else {
                guard isHexDigit(byte) else { return false }
            }
        }
        return true
    }

    // MARK: Email

    static func isEmail(_ bytes: Bytes) -> Bool {
        guard let at = bytes.lastIndex(of: UInt8(ascii: "@")) else { return false }
        let local = bytes[..<at]
        let domain = bytes[bytes.index(after: at)...]
        guard !local.isEmpty, local.count <= 64, !domain.isEmpty else { return false }
        let localIsValid: Bool
        if local.first == UInt8(ascii: "\"") {
            localIsValid = isQuotedString(local)
        } else {
            localIsValid = isDotAtom(local)
        }
        guard localIsValid else { return false }
        if domain.first == UInt8(ascii: "[") {
            guard domain.last == UInt8(ascii: "]"), domain.count >= 3 else { return false }
            let literal = domain.dropFirst().dropLast()
            let prefix = "IPv6:".utf8
            if literal.starts(with: prefix) {
                return isIPv6(literal.dropFirst(prefix.count))
            }
            return isIPv4(literal)
        }
        return isHostname(domain)
    }

    /// RFC 5322 `atext` runs separated by single dots.
    private static func isDotAtom(_ bytes: Substring.UTF8View.SubSequence) -> Bool {
        var previousWasDot = true
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                if previousWasDot { return false }
                previousWasDot = true
            } else {
                guard isAtext(byte) else { return false }
                previousWasDot = false
            }
        }
        return !previousWasDot
    }

    private static func isAtext(_ byte: UInt8) -> Bool {
        if isAlphanumeric(byte) { return true }
        return "!#$%&'*+-/=?^_`{|}~".utf8.contains(byte)
    }

    /// `"..."` of printable ASCII, where `\` escapes any printable character.
    private static func isQuotedString(_ bytes: Substring.UTF8View.SubSequence) -> Bool {
        guard bytes.count >= 2, bytes.last == UInt8(ascii: "\"") else { return false }
        var escaped = false
        for byte in bytes.dropFirst().dropLast() {
            guard (0x20...0x7E).contains(byte) else { return false }
            if escaped {
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == UInt8(ascii: "\"") {
                return false
            }
        }
        return !escaped
    }

    /// Labels of letters, digits and `-` (not at either end), 1 to 63 bytes each, 253 in all.
    static func isHostname<C: Collection<UInt8>>(_ bytes: C) -> Bool {
        guard !bytes.isEmpty, bytes.count <= 253 else { return false }
        var labelLength = 0
        var previous: UInt8 = UInt8(ascii: ".")
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                guard labelLength > 0, previous != UInt8(ascii: "-") else { return false }
                labelLength = 0
            } else {
                guard isAlphanumeric(byte) || byte == UInt8(ascii: "-") else { return false }
                if labelLength == 0, byte == UInt8(ascii: "-") { return false }
                labelLength += 1
                guard labelLength <= 63 else { return false }
            }
            previous = byte
        }
        return labelLength > 0 && previous != UInt8(ascii: "-")
    }

    /// Four decimal numbers from 0 to 255 without leading zeros, separated by dots.
    static func isIPv4<C: Collection<UInt8>>(_ bytes: C) -> Bool {
        var parts = 0
        var value = 0
        var digits = 0
        var leadingZero = false
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                guard digits > 0 else { return false }
                parts += 1
                value = 0
                digits = 0
                leadingZero = false
            } else {
                guard isDigit(byte), !leadingZero else { return false }
                if digits == 0, byte == UInt8(ascii: "0") { leadingZero = true }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
                guard value <= 255 else { return false }
            }
        }
        return digits > 0 && parts == 3
    }

    /// Up to eight groups of 1 to 4 hexadecimal digits, with at most one `::`, optionally ending in IPv4.
    static func isIPv6<C: Collection<UInt8>>(_ bytes: C) -> Bool {
        var groups = 0
        var sawDoubleColon = false
        var rest = bytes[...]
        if rest.starts(with: "::".utf8) {
            sawDoubleColon = true
            rest = rest.dropFirst(2)
            if rest.isEmpty { return true }
        } else if rest.first == UInt8(ascii: ":") {
            return false
        }
        while !rest.isEmpty {
            let group = rest.prefix { $0 != UInt8(ascii: ":") }
            rest = rest.dropFirst(group.count)
            if rest.isEmpty, group.contains(UInt8(ascii: ".")) {
                guard isIPv4(group) else { return false }
                groups += 2
                break
            }
            guard (1...4).contains(group.count), group.allSatisfy(isHexDigit) else { return false }
            groups += 1
            if rest.isEmpty { break }
            rest = rest.dropFirst()  // ":"
            if rest.first == UInt8(ascii: ":") {
                guard !sawDoubleColon else { return false }
                sawDoubleColon = true
                rest = rest.dropFirst()
                if rest.isEmpty { break }
            } else if rest.isEmpty {
                return false
            }
        }
        return sawDoubleColon ? groups <= 7 : groups == 8
    }

    // MARK: URI

    /// `scheme ":" hier-part [ "?" query ] [ "#" fragment ]`, characters as RFC 3986 allows them.
    static func isURI(_ bytes: Bytes) -> Bool {
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return false }
        let scheme = bytes[..<colon]
        guard let first = scheme.first, isLetter(first),
            scheme.allSatisfy({
                isAlphanumeric($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".")
            })
        else { return false }
        var rest = bytes[bytes.index(after: colon)...]
        var sawFragment = false
        var sawQuery = false
        var index = rest.startIndex
        // Characters: unreserved, sub-delims, ":", "@", "/", "?", one "#", "%" HEXDIG HEXDIG;
        // "[" and "]" only around an IPv6 host.
        while index < rest.endIndex {
            let byte = rest[index]
            if byte == UInt8(ascii: "%") {
                let first = rest.index(after: index)
                guard first < rest.endIndex, isHexDigit(rest[first]) else { return false }
                let second = rest.index(after: first)
                guard second < rest.endIndex, isHexDigit(rest[second]) else { return false }
                index = rest.index(after: second)
                continue
            }
            if byte == UInt8(ascii: "#") {
                guard !sawFragment else { return false }
                sawFragment = true
            } else if byte == UInt8(ascii: "?") {
                sawQuery = true
            } else if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]") {
                // Only in the authority, as an IP literal.
                guard !sawQuery, !sawFragment else { return false }
            } else if !isURICharacter(byte) {
                return false
            }
            index = rest.index(after: index)
        }
        if rest.starts(with: "//".utf8) {
            rest = rest.dropFirst(2)
            let authority = rest.prefix {
                $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: "#")
            }
            return isAuthority(authority)
        }
        return !rest.contains(UInt8(ascii: "[")) && !rest.contains(UInt8(ascii: "]"))
    }

    /// `[userinfo "@"] host [":" port]`, where host is a name, an IPv4 address or `[IPv6]`.
    private static func isAuthority(_ bytes: Substring.UTF8View.SubSequence) -> Bool {
        var hostAndPort = bytes
        if let at = bytes.lastIndex(of: UInt8(ascii: "@")) {
            let userinfo = bytes[..<at]
            guard !userinfo.contains(UInt8(ascii: "[")), !userinfo.contains(UInt8(ascii: "]")) else { return false }
            hostAndPort = bytes[bytes.index(after: at)...]
        }
        var port = hostAndPort[hostAndPort.endIndex...]
        var host = hostAndPort
        if hostAndPort.first == UInt8(ascii: "[") {
            guard let close = hostAndPort.firstIndex(of: UInt8(ascii: "]")) else { return false }
            let literal = hostAndPort[hostAndPort.index(after: hostAndPort.startIndex)..<close]
            guard isIPv6(literal) || (literal.first == UInt8(ascii: "v") || literal.first == UInt8(ascii: "V")) else {
                return false
            }
            let after = hostAndPort[hostAndPort.index(after: close)...]
            if let colon = after.first {
                guard colon == UInt8(ascii: ":") else { return false }
                port = after.dropFirst()
            }
            host = hostAndPort[..<hostAndPort.index(after: close)]
        } else if let colon = hostAndPort.lastIndex(of: UInt8(ascii: ":")) {
            host = hostAndPort[..<colon]
            port = hostAndPort[hostAndPort.index(after: colon)...]
        }
        guard port.allSatisfy(isDigit) else { return false }
        if host.first != UInt8(ascii: "[") {
            guard !host.contains(UInt8(ascii: "[")), !host.contains(UInt8(ascii: "]")) else { return false }
        }
        return true
    }

    /// `unreserved / sub-delims / ":" / "@" / "/"`.
    private static func isURICharacter(_ byte: UInt8) -> Bool {
        if isAlphanumeric(byte) { return true }
        return "-._~!$&'()*+,;=:@/".utf8.contains(byte)
    }

    // MARK: Characters

    static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool { isLetter(byte) || isDigit(byte) }

    static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }
}

/// The first ten bytes of a collection, without allocating.
private struct Array10 {
    private var bytes: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0
    )

    init<C: Collection<UInt8>>(_ source: C) {
        withUnsafeMutableBytes(of: &bytes) { buffer in
            for (offset, byte) in source.prefix(10).enumerated() { buffer[offset] = byte }
        }
    }

    subscript(_ offset: Int) -> UInt8 {
        withUnsafeBytes(of: bytes) { $0[offset] }
    }

    /// The decimal number of `count` digits at `offset`, or `nil` if one is not a digit.
    func number(_ offset: Int, _ count: Int) -> Int? {
        var value = 0
        for position in offset..<(offset + count) {
            let byte = self[position]
            guard FormatScanner.isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
