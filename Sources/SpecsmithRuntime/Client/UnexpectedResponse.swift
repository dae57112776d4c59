import Foundation
import HTTPTypes

/// A response the operation does not document, or whose body or headers do not decode as documented.
///
/// It keeps everything that arrived (status, header fields and the raw body), so that a caller can
/// look further; printing it shows the body with secret values redacted (see ``ClientRedaction``) and
/// never the value of `Authorization`, `Set-Cookie` or a header named like a secret.
public struct UnexpectedResponse: Error, Sendable, Hashable {
    /// Why the response was not what the operation documents.
    public enum Reason: Sendable, Hashable {
        /// The status code is not among the operation's responses.
        case undocumentedStatus
        /// The body is not in a media type the operation documents for this status (the media type
        /// that arrived, or `nil` without `Content-Type`).
        case unexpectedContentType(String?)
        /// The body does not decode as the documented type; the decoder's explanation, which names
        /// the JSON path but not the value (except a union's discriminator value that selects no case:
        /// `pets[1]: petType 'wolf' selects none of the schemas the spec lists`).
        case undecodableBody(String)
        /// A header the spec documents as required is absent: its name as the spec writes it.
        case missingHeader(String)
        /// A header's value is not of the type the spec documents: its name as the spec writes it, and the
        /// Swift type expected (`Int`, `[Int]`, or `CodeError in JSON` for a header whose `content` is JSON).
        /// Not the value, which may be a secret.
        case undecodableHeader(String, expected: String)
    }

    /// The operation's Swift name (`me`).
    public let operation: String
    /// Why it is unexpected.
    public let reason: Reason
    /// The response as it arrived.
    public let response: ReceivedResponse

    /// The status code.
    public var status: Int { response.status.code }
    /// The header fields as they arrived.
    public var headerFields: HTTPFields { response.headerFields }
    /// The raw body bytes.
    public var body: Data { response.body }

    /// An unexpected response of `operation`.
    public init(operation: String, reason: Reason, response: ReceivedResponse) {
        self.operation = operation
        self.reason = reason
        self.response = response
    }
}

extension UnexpectedResponse: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// `me: undocumented status 401 [Content-Type: application/json] body {"errorText":"..."}`.
    public var description: String {
        let what =
            switch reason {
            case .undocumentedStatus: "undocumented status \(status)"
            case .unexpectedContentType(let type): "status \(status) with unexpected content type \(type ?? "(none)")"
            case .undecodableBody(let explanation): "status \(status) with a body that does not decode: \(explanation)"
            case .missingHeader(let name): "status \(status) without the required header \(name)"
            case .undecodableHeader(let name, let expected):
                "status \(status) with a header \(name) that is not \(expected)"
            }
        return "\(operation): \(what) [\(ClientRedaction.headers(headerFields))] body \(ClientRedaction.body(body))"
    }

    /// The same as ``description``.
    public var debugDescription: String { description }

    /// The operation, reason, status, header names and the redacted body, never a raw value.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "operation": operation, "reason": reason, "status": status,
                "headers": ClientRedaction.headers(headerFields), "body": ClientRedaction.body(body),
            ],
            displayStyle: .struct
        )
    }
}

extension ReceivedResponse {
    /// Decodes the body as `type` with ``JSONCoding/makeDecoder()`` when its `Content-Type` is JSON
    /// (`application/json`, `…+json`) or absent.
    ///
    /// - Throws: ``UnexpectedResponse`` for another media type or a body that does not decode.
    public func decodeJSON<Body: Decodable>(_ type: Body.Type, operation: String) throws(UnexpectedResponse) -> Body {
        if let mediaType, mediaType != "application/json", !mediaType.hasSuffix("+json") {
            throw UnexpectedResponse(operation: operation, reason: .unexpectedContentType(mediaType), response: self)
        }
        do {
            return try JSONCoding.makeDecoder().decode(type, from: body)
        } catch {
            throw UnexpectedResponse(
                operation: operation,
                reason: .undecodableBody(Self.explain(error, body: body)),
                response: self
            )
        }
    }

    /// Decodes a body of a sequential JSON media type, which an OpenAPI 3.2 `itemSchema` describes item by item, as
    /// the array of its values, each decoded as `type` with ``JSONCoding/makeDecoder()``, when its `Content-Type`
    /// is one (or absent): JSON Lines (`application/jsonl`) and NDJSON (`application/x-ndjson`), a value per line
    /// (blank lines and a line's `\r` aside), or JSON text sequences (`application/json-seq`, `…+json-seq`; RFC
    /// 7464), each value after a record separator (0x1E), which JSON text never holds.
    ///
    /// - Throws: ``UnexpectedResponse`` for another media type, or a value that does not decode, named by its
    ///   position (`[2]: missing key level`).
    public func decodeJSONSequence<Item: Decodable>(
        _ type: Item.Type, operation: String
    ) throws(UnexpectedResponse) -> [Item] {
        if let mediaType, !Self.isSequentialJSON(mediaType) {
            throw UnexpectedResponse(operation: operation, reason: .unexpectedContentType(mediaType), response: self)
        }
        let separator: UInt8 = body.contains(0x1E) ? 0x1E : UInt8(ascii: "\n")
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        let decoder = JSONCoding.makeDecoder()
        var items: [Item] = []
        for record in body.split(separator: separator, omittingEmptySubsequences: true) {
            guard let first = record.firstIndex(where: { !isSpace($0) }),
                let last = record.lastIndex(where: { !isSpace($0) })
            else { continue }
            let value = Data(record[first...last])
            do {
                items.append(try decoder.decode(type, from: value))
            } catch {
                let reason = Self.placed(Self.explain(error, body: value), at: items.count)
                throw UnexpectedResponse(operation: operation, reason: .undecodableBody(reason), response: self)
            }
        }
        return items
    }

    /// `reason`, an explanation of one value of a sequence, with the value's position before its path:
    /// `[2].level: missing key level`, `[2][0]: expected Int`, `[2]: not valid JSON`.
    private static func placed(_ reason: String, at index: Int) -> String {
        let place = "[\(index)]"
        if reason.hasPrefix("the body") { return place + reason.dropFirst("the body".count) }
        if reason.hasPrefix("[") { return place + reason }
        return reason.contains(": ") ? place + "." + reason : place + ": " + reason
    }

    /// Whether a media type (lowercased, without parameters) is one that ``decodeJSONSequence(_:operation:)`` reads.
    private static func isSequentialJSON(_ mediaType: String) -> Bool {
        ["application/jsonl", "application/x-jsonlines", "application/x-ndjson", "application/json-seq"]
            .contains(mediaType) || mediaType.hasSuffix("+json-seq")
    }

    /// The body as text, for a response documented as `text/…`, when its `Content-Type` is text or
    /// absent: in the charset the header names (UTF-8, US-ASCII, ISO-8859-1, windows-1252, UTF-16), else
    /// in UTF-8.
    ///
    /// - Throws: ``UnexpectedResponse`` for another media type or bytes that are not text in the charset.
    public func decodeText(operation: String) throws(UnexpectedResponse) -> String {
        if let mediaType, !mediaType.hasPrefix("text/") {
            throw UnexpectedResponse(operation: operation, reason: .unexpectedContentType(mediaType), response: self)
        }
        let charset = self.charset
        let encoding = charset.flatMap { Self.textEncodings[$0] } ?? .utf8
        guard let text = String(data: body, encoding: encoding) else {
            let name = encoding == .utf8 ? "UTF-8" : charset ?? ""
            throw UnexpectedResponse(operation: operation, reason: .undecodableBody("not \(name) text"), response: self)
        }
        return text
    }

    /// The `charset` parameter of `Content-Type`, lowercased and unquoted (`iso-8859-1`), if there is one.
    private var charset: String? {
        guard let value = headerFields[.contentType], value.contains(";") else { return nil }
        for parameter in value.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" else {
                continue
            }
            return pair[1].trimmingCharacters(in: .whitespaces.union(["\""])).lowercased()
        }
        return nil
    }

    /// The charsets text bodies are read in besides UTF-8, by their IANA names and common aliases.
    private static let textEncodings: [String: String.Encoding] = [
        "utf-8": .utf8, "utf8": .utf8, "us-ascii": .ascii, "ascii": .ascii, "iso-8859-1": .isoLatin1,
        "iso8859-1": .isoLatin1, "latin1": .isoLatin1, "windows-1252": .windowsCP1252, "cp1252": .windowsCP1252,
        "utf-16": .utf16, "utf-16le": .utf16LittleEndian, "utf-16be": .utf16BigEndian,
    ]

    /// The error for a status the operation does not document.
    public func undocumented(operation: String) -> UnexpectedResponse {
        UnexpectedResponse(operation: operation, reason: .undocumentedStatus, response: self)
    }

    /// The decoder's complaint with the coding path (`items[1].name`), without the value (which may be a
    /// secret). A body that is JSON but not a value of the type is told from one that is not JSON.
    private static func explain(_ error: any Error, body: Data) -> String {
        guard let error = error as? DecodingError else { return "not JSON" }
        func path(_ context: DecodingError.Context) -> String {
            var text = ""
            for key in context.codingPath {
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += text.isEmpty ? key.stringValue : "." + key.stringValue
                }
            }
            return text.isEmpty ? "the body" : text
        }
        switch error {
        case .typeMismatch(let type, let context): return "\(path(context)): expected \(type)"
        case .valueNotFound(let type, let context): return "\(path(context)): expected \(type), found null"
        case .keyNotFound(let key, let context): return "\(path(context)): missing key \(key.stringValue)"
        case .dataCorrupted(let context):
            // A union's discriminator value names a case, not a secret: it is said.
            if let unknown = context.underlyingError as? OneOfDecoding.UnknownDiscriminator {
                return "\(path(context)): \(unknown)"
            }
            // The decoder says the same of a body that is not JSON and of a top-level value it refuses
            // (a date, a union none of whose cases match).
            if context.codingPath.isEmpty,
                (try? JSONSerialization.jsonObject(with: body, options: .fragmentsAllowed)) == nil
            {
                return "not valid JSON"
            }
            return "\(path(context)): invalid value"
        @unknown default: return "does not decode"
        }
    }
}
