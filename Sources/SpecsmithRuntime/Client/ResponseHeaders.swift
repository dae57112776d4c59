import Foundation
import HTTPTypes

/// A type of value that a documented response header holds, read from the field's text in OpenAPI's `simple`
/// style, the only style a header has: strings, integers, numbers, Booleans (`true`, `false`), string enums
/// (an ``OpenEnum`` keeps a value the spec does not list), dates (RFC 3339, as in bodies, or HTTP's own formats)
/// and arrays of them (comma-separated).
public protocol HeaderFieldValue: Sendable {
    /// The value `text` holds (without the spaces around it), or `nil` when it is none of this type.
    init?(headerText text: Substring)
}

extension String: HeaderFieldValue {
    /// The text itself.
    public init?(headerText text: Substring) { self.init(text) }
}

extension Int: HeaderFieldValue {
    /// A decimal integer (`42`, `-1`).
    public init?(headerText text: Substring) { self.init(text) }
}

extension Int32: HeaderFieldValue {
    /// A decimal integer within `Int32`.
    public init?(headerText text: Substring) { self.init(text) }
}

extension Int64: HeaderFieldValue {
    /// A decimal integer within `Int64`.
    public init?(headerText text: Substring) { self.init(text) }
}

extension Double: HeaderFieldValue {
    /// A number (`1.5`, `2e3`).
    public init?(headerText text: Substring) { self.init(text) }
}

extension Float: HeaderFieldValue {
    /// A number (`1.5`, `2e3`).
    public init?(headerText text: Substring) { self.init(text) }
}

extension Bool: HeaderFieldValue {
    /// `true` or `false`.
    public init?(headerText text: Substring) {
        switch text {
        case "true": self = true
        case "false": self = false
        default: return nil
        }
    }
}

extension Date: HeaderFieldValue {
    /// An RFC 3339 date-time, as JSON bodies hold it (`2024-05-01T12:00:00Z`), or a date in HTTP's own formats,
    /// as servers send `Last-Modified` or `Expires` (`Wed, 01 May 2024 12:00:00 GMT`, RFC 9110's IMF-fixdate, and
    /// the obsolete RFC 850 and asctime formats that a recipient must accept too).
    public init?(headerText text: Substring) {
        guard let date = DateTime.date(from: String(text)) ?? HTTPDate.date(from: text) else { return nil }
        self = date
    }
}

extension OpenEnum {
    /// The listed case with this raw value, or `unknown` with it.
    public init?(headerText text: Substring) { self.init(rawValue: String(text)) }
}

extension Array: HeaderFieldValue where Element: HeaderFieldValue {
    /// The comma-separated elements, each without the spaces around it; empty elements (`a, , b`) are
    /// left out, as HTTP's lists allow them. An element that is none of `Element` is read with the piece after
    /// it, for an element with a comma of its own (an HTTP date: `Wed, 01 May 2024 12:00:00 GMT`).
    public init?(headerText text: Substring) {
        var elements: [Element] = []
        let pieces = text.split(separator: ",", omittingEmptySubsequences: false)
        var index = 0
        while index < pieces.count {
            let element = pieces[index].trimmingHeaderWhitespace
            index += 1
            guard !element.isEmpty else { continue }
            if let value = Element(headerText: element) {
                elements.append(value)
            } else if index < pieces.count,
                let value = Element(
                    headerText: text[element.startIndex..<pieces[index].endIndex].trimmingHeaderWhitespace)
            {
                elements.append(value)
                index += 1
            } else {
                return nil
            }
        }
        self = elements
    }
}

extension ReceivedResponse {
    /// The value of the response header `name` (in any case) as `type`, or `nil` when the response has none.
    /// Several fields of the name are one value, joined by `, ` as HTTP combines them.
    ///
    /// - Throws: ``UnexpectedResponse`` (``UnexpectedResponse/Reason/undecodableHeader(_:expected:)``) when the
    ///   value is not one of `type`.
    public func header<Value: HeaderFieldValue>(
        _ name: String,
        as type: Value.Type,
        operation: String
    ) throws(UnexpectedResponse) -> Value? {
        guard let fieldName = HTTPField.Name(name), let text = headerFields[fieldName] else { return nil }
        guard let value = Value(headerText: Substring(text).trimmingHeaderWhitespace) else {
            throw UnexpectedResponse(
                operation: operation,
                reason: .undecodableHeader(name, expected: Self.typeName(type)),
                response: self
            )
        }
        return value
    }

    /// The value of the response header `name` (in any case) as `type`, for a header the spec documents as
    /// required. Several fields of the name are one value, joined by `, ` as HTTP combines them.
    ///
    /// - Throws: ``UnexpectedResponse`` when the response has no such header
    ///   (``UnexpectedResponse/Reason/missingHeader(_:)``) or its value is not one of `type`.
    public func requiredHeader<Value: HeaderFieldValue>(
        _ name: String,
        as type: Value.Type,
        operation: String
    ) throws(UnexpectedResponse) -> Value {
        guard let value = try header(name, as: type, operation: operation) else {
            throw UnexpectedResponse(operation: operation, reason: .missingHeader(name), response: self)
        }
        return value
    }

    /// The value of the response header `name` (in any case) whose `content` is JSON (`application/json`,
    /// `…+json`) as `type`, decoded from its text with ``JSONCoding/makeDecoder()`` as a JSON body is, or `nil`
    /// when the response has none. Several fields of the name are one value, joined by `, ` as HTTP combines them.
    ///
    /// - Throws: ``UnexpectedResponse`` (``UnexpectedResponse/Reason/undecodableHeader(_:expected:)``, which
    ///   never holds the value) when the text is not JSON of `type`.
    public func header<Value: Decodable>(
        _ name: String,
        json type: Value.Type,
        operation: String
    ) throws(UnexpectedResponse) -> Value? {
        try jsonHeader(name, as: type, operation: operation)
    }

    /// The value of the response header `name` (in any case) whose `content` is JSON that may be `null`, as
    /// ``header(_:json:operation:)`` reads it: `nil` when the response has no such header or its text is `null`.
    ///
    /// - Throws: ``UnexpectedResponse`` (``UnexpectedResponse/Reason/undecodableHeader(_:expected:)``) when the
    ///   text is neither `null` nor JSON of `Wrapped`.
    public func header<Wrapped: Decodable>(
        _ name: String,
        json type: Wrapped?.Type,
        operation: String
    ) throws(UnexpectedResponse) -> Wrapped? {
        try jsonHeader(name, as: type, operation: operation) ?? nil
    }

    /// The header's text decoded as JSON of `type`, or `nil` when the response has none.
    private func jsonHeader<Value: Decodable>(
        _ name: String,
        as type: Value.Type,
        operation: String
    ) throws(UnexpectedResponse) -> Value? {
        guard let fieldName = HTTPField.Name(name), let text = headerFields[fieldName] else { return nil }
        do {
            return try JSONCoding.makeDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw UnexpectedResponse(
                operation: operation,
                reason: .undecodableHeader(name, expected: Self.typeName(type) + " in JSON"),
                response: self
            )
        }
    }

    /// The value of the response header `name` (in any case) whose `content` is JSON as `type`, as
    /// ``header(_:json:operation:)`` reads it, for a header the spec documents as required.
    ///
    /// - Throws: ``UnexpectedResponse`` when the response has no such header
    ///   (``UnexpectedResponse/Reason/missingHeader(_:)``) or its text is not JSON of `type`.
    public func requiredHeader<Value: Decodable>(
        _ name: String,
        json type: Value.Type,
        operation: String
    ) throws(UnexpectedResponse) -> Value {
        guard let value = try jsonHeader(name, as: type, operation: operation) else {
            throw UnexpectedResponse(operation: operation, reason: .missingHeader(name), response: self)
        }
        return value
    }

    /// A type's name as Swift code writes it: `Int`, `[Int]` (not `Array<Int>`), `Int?` (not `Optional<Int>`).
    private static func typeName(_ type: Any.Type) -> String {
        typeName(String(describing: type)[...])
    }

    private static func typeName(_ name: Substring) -> String {
        guard name.hasSuffix(">") else { return String(name) }
        if name.hasPrefix("Array<") { return "[" + typeName(name.dropFirst("Array<".count).dropLast()) + "]" }
        if name.hasPrefix("Optional<") { return typeName(name.dropFirst("Optional<".count).dropLast()) + "?" }
        return String(name)
    }
}

extension Substring {
    /// Without the spaces and tabs around it, which HTTP allows around a field's value and a list's elements.
    var trimmingHeaderWhitespace: Substring {
        let isWhitespace = { (character: Character) in character == " " || character == "\t" }
        guard let first = firstIndex(where: { !isWhitespace($0) }), let last = lastIndex(where: { !isWhitespace($0) })
        else { return self[endIndex...] }
        return self[first...last]
    }
}
