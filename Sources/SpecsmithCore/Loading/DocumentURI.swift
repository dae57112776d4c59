/// A URI reference without its fragment, taken apart as RFC 3986 (appendix B) does: what OpenAPI 3.2's `$self`
/// gives, and what a `$ref` resolved against it names. The parts are kept as written, percent-escapes included.
struct URIReference: Hashable {
    var scheme: String?
    var authority: String?
    var path: String
    var query: String?

    /// Splits `text`, which must have no fragment.
    init(_ text: String) {
        var rest = Substring(text)
        if let colon = rest.firstIndex(where: { ":/?".contains($0) }), rest[colon] == ":", colon != rest.startIndex {
            scheme = rest[..<colon].lowercased()
            rest = rest[rest.index(after: colon)...]
        }
        if rest.hasPrefix("//") {
            rest = rest.dropFirst(2)
            let end = rest.firstIndex(where: { "/?".contains($0) }) ?? rest.endIndex
            authority = rest[..<end].lowercased()
            rest = rest[end...]
        }
        if let mark = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: mark)...])
            rest = rest[..<mark]
        }
        path = String(rest)
    }

    private init(scheme: String?, authority: String?, path: String, query: String?) {
        self.scheme = scheme
        self.authority = authority
        self.path = path
        self.query = query
    }

    /// The `file:` URI of an absolute path: the base of a document that gives no absolute `$self`, and that
    /// a relative `$self` is resolved against (OpenAPI 3.2, "Establishing the Base URI": the retrieval URI).
    static func file(_ absolutePath: String) -> URIReference {
        var path = ""
        for byte in absolutePath.utf8 {
            if Self.isUnreserved(byte) || "/:@!$&'()*+,;=".utf8.contains(byte) {
                path.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                path.unicodeScalars.append("%")
                path.unicodeScalars.append(hex[Int(byte >> 4)])
                path.unicodeScalars.append(hex[Int(byte & 15)])
            }
        }
        return URIReference(scheme: "file", authority: "", path: path, query: nil)
    }

    /// Why `text` is no URI reference that may be a base (RFC 3986 section 4.1, without a fragment, as OpenAPI 3.2
    /// requires of `$self`), or `nil` when it is one.
    static func problem(with text: String) -> String? {
        if let hash = text.firstIndex(of: "#") {
            return "it has a fragment (\"\(text[hash...])\"), which a document's URI must not have"
        }
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "%" {
                guard index + 2 < scalars.count, scalars[index + 1].properties.isASCIIHexDigit,
                    scalars[index + 2].properties.isASCIIHexDigit
                else { return "\"%\" must start a percent-escape of two hexadecimal digits" }
                index += 3
                continue
            }
            guard scalar.isASCII,
                isUnreserved(UInt8(scalar.value)) || ":/?[]@!$&'()*+,;=".unicodeScalars.contains(scalar)
            else { return "\"\(scalar.escaped(asASCII: false))\" must be percent-encoded in a URI" }
            index += 1
        }
        let bytes = Array(text.utf8)
        // A colon before any slash or question mark ends a scheme, which starts with a letter.
        if let colon = bytes.firstIndex(where: { ":/?".utf8.contains($0) }), bytes[colon] == UInt8(ascii: ":") {
            let scheme = bytes[..<colon]
            let isScheme =
                scheme.first?.isLetter == true
                && scheme.allSatisfy { $0.isLetter || $0.isDigit || "+-.".utf8.contains($0) }
            if !isScheme {
                return "\"\(String(decoding: scheme, as: UTF8.self))\" before \":\" is no URI scheme"
            }
        }
        return nil
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        byte.isLetter || byte.isDigit || "-._~".utf8.contains(byte)
    }

    /// `reference` (without fragment) resolved against this base: RFC 3986 section 5.2.2.
    func resolving(_ reference: URIReference) -> URIReference {
        if reference.scheme != nil {
            return URIReference(
                scheme: reference.scheme, authority: reference.authority,
                path: Self.removingDotSegments(reference.path), query: reference.query)
        }
        if reference.authority != nil {
            return URIReference(
                scheme: scheme, authority: reference.authority, path: Self.removingDotSegments(reference.path),
                query: reference.query)
        }
        if reference.path.isEmpty {
            return URIReference(scheme: scheme, authority: authority, path: path, query: reference.query ?? query)
        }
        let merged: String
        if reference.path.hasPrefix("/") {
            merged = reference.path
        } else if authority != nil && path.isEmpty {
            merged = "/" + reference.path
        } else {
            merged = (path.lastIndex(of: "/").map { String(path[...$0]) } ?? "") + reference.path
        }
        return URIReference(
            scheme: scheme, authority: authority, path: Self.removingDotSegments(merged), query: reference.query)
    }

    /// RFC 3986 section 5.2.4: `.` and `..` segments removed, a `..` above the root dropped.
    static func removingDotSegments(_ path: String) -> String {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        var kept: [Substring] = []
        for (number, segment) in segments.enumerated() {
            let isLast = number == segments.count - 1
            switch segment {
            case ".":
                if isLast { kept.append("") }
            case "..":
                if kept.count > 1 || kept.count == 1 && !kept[0].isEmpty { kept.removeLast() }
                if isLast { kept.append("") }
            default:
                kept.append(segment)
            }
        }
        return kept.joined(separator: "/")
    }

    /// Where `target` lies relative to this URI: `""` for this URI itself, else the relative path (still
    /// percent-encoded) from this URI's folder to `target`, when both have the same scheme and authority and
    /// `target` has no query and names no folder; `nil` otherwise. A reference to a URI under a document's base
    /// so names the file at that relative path beside the document, as a relative reference does.
    func relativePath(to target: URIReference) -> String? {
        if target == self { return "" }
        guard target.scheme == scheme, target.authority == authority, target.query == nil,
            path.hasPrefix("/"), target.path.hasPrefix("/"), !target.path.hasSuffix("/")
        else { return nil }
        let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().dropLast()
        let goal = target.path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        var shared = 0
        for (mine, theirs) in zip(folder, goal.dropLast()) {
            guard mine == theirs else { break }
            shared += 1
        }
        let up = Array(repeating: "..", count: folder.count - shared)
        return (up + goal.dropFirst(shared).map(String.init)).joined(separator: "/")
    }
}

extension UInt8 {
    fileprivate var isLetter: Bool { (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self) }
    fileprivate var isDigit: Bool { (0x30...0x39).contains(self) }
}
