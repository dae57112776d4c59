import Foundation

extension ReceivedResponse {
    /// The key of a response's `content` that the response's `Content-Type` selects, for a response the spec
    /// documents in several media types: the most specific key that matches it, as OpenAPI resolves media type
    /// ranges (`text/plain` before `text/*` before `*/*`; `application/*+json` before `application/*`), the first
    /// listed among equally specific ones; the first key when the response has no `Content-Type`.
    ///
    /// Keys compare without their parameters and case (`application/json; charset=utf-8` matches
    /// `Application/JSON`).
    ///
    /// - Parameter keys: the media types the spec documents for the status, as it writes them, the one to read
    ///   without `Content-Type` first.
    /// - Returns: the key that matched, as given.
    /// - Throws: ``UnexpectedResponse`` when no key matches the response's `Content-Type`.
    public func mediaType(among keys: [String], operation: String) throws(UnexpectedResponse) -> String {
        guard let mediaType else {
            guard let first = keys.first else {
                throw UnexpectedResponse(operation: operation, reason: .unexpectedContentType(nil), response: self)
            }
            return first
        }
        var best: (key: String, specificity: Int)?
        for key in keys {
            guard let specificity = Self.specificity(of: key, for: mediaType), specificity > best?.specificity ?? 0
            else { continue }
            best = (key, specificity)
        }
        guard let best else {
            throw UnexpectedResponse(operation: operation, reason: .unexpectedContentType(mediaType), response: self)
        }
        return best.key
    }

    /// How specifically `key` names `mediaType` (lowercased, without parameters): 4 for the same media
    /// type, 3 for a range of a structured syntax (`application/*+json` for `application/problem+json`),
    /// 2 for a range of its type (`text/*`), 1 for `*/*`; `nil` when it does not name it.
    private static func specificity(of key: String, for mediaType: String) -> Int? {
        let base = key.split(separator: ";", maxSplits: 1).first ?? ""
        let range = base.trimmingCharacters(in: .whitespaces).lowercased()
        if range == mediaType { return 4 }
        if range == "*/*" { return 1 }
        guard let slash = range.firstIndex(of: "/"), let typeEnd = mediaType.firstIndex(of: "/"),
            range[..<slash] == mediaType[..<typeEnd]
        else { return nil }
        let subtype = range[range.index(after: slash)...]
        if subtype == "*" { return 2 }
        // `*+json`: any subtype with that suffix.
        guard subtype.hasPrefix("*+") else { return nil }
        let suffix = subtype.dropFirst()
        let actual = mediaType[mediaType.index(after: typeEnd)...]
        return actual.hasSuffix(suffix) && actual.count > suffix.count ? 3 : nil
    }
}
