import Foundation
import HTTPTypes

extension ReceivedResponse {
    /// The value of the response header `name` (in any case) that holds an object in OpenAPI's `simple` style,
    /// as `type`, or `nil` when the response has none: its properties written `R=100,G=200` when `explode`,
    /// else `R,100,G,200`, each value read as a header's value of its property's type is
    /// (``HeaderFieldValue``). Several fields of the name are one value, joined by `, ` as HTTP combines them.
    /// A value cannot hold a comma, which separates the properties.
    ///
    /// - Throws: ``UnexpectedResponse`` (``UnexpectedResponse/Reason/undecodableHeader(_:expected:)``, which
    ///   never holds the value) when the text is not such an object of `type`: an odd number of items, an item
    ///   without `=` when exploded, a name given twice, or a value not of its property's type.
    public func header<Value: Decodable>(
        _ name: String,
        object type: Value.Type,
        explode: Bool,
        operation: String
    ) throws(UnexpectedResponse) -> Value? {
        guard let fieldName = HTTPField.Name(name), let text = headerFields[fieldName] else { return nil }
        guard let fields = HeaderObject.fields(Substring(text), explode: explode),
            let value = try? Value(from: HeaderObject.Decoder(fields: fields))
        else {
            throw UnexpectedResponse(
                operation: operation,
                reason: .undecodableHeader(name, expected: String(describing: type) + " in simple style"),
                response: self
            )
        }
        return value
    }

    /// The value of the response header `name` (in any case) that holds an object, as
    /// ``header(_:object:explode:operation:)`` reads it, for a header the spec documents as required.
    ///
    /// - Throws: ``UnexpectedResponse`` when the response has no such header
    ///   (``UnexpectedResponse/Reason/missingHeader(_:)``) or its text is not such an object of `type`.
    public func requiredHeader<Value: Decodable>(
        _ name: String,
        object type: Value.Type,
        explode: Bool,
        operation: String
    ) throws(UnexpectedResponse) -> Value {
        guard let value = try header(name, object: type, explode: explode, operation: operation) else {
            throw UnexpectedResponse(operation: operation, reason: .missingHeader(name), response: self)
        }
        return value
    }
}

/// Reading an object that a header holds in the `simple` style: its names and values, and a decoder that gives
/// a model's `init(from:)` each value as its property's type.
enum HeaderObject {
    /// The names and values of `text`: exploded `R=100,G=200`, else `R,100,G,200`, the spaces around each item
    /// left out; `nil` for an odd number of items, an exploded item without `=`, or a name given twice. An empty
    /// text is an object without properties.
    static func fields(_ text: Substring, explode: Bool) -> [String: Substring]? {
        let items = text.split(separator: ",", omittingEmptySubsequences: false).map(\.trimmingHeaderWhitespace)
        if items.count == 1, items[0].isEmpty { return [:] }
        var fields: [String: Substring] = [:]
        func add(_ name: Substring, _ value: Substring) -> Bool {
            fields.updateValue(value, forKey: String(name)) == nil
        }
        if explode {
            for item in items {
                guard let equals = item.firstIndex(of: "=") else { return nil }
                let value = item[item.index(after: equals)...]
                guard add(item[..<equals].trimmingHeaderWhitespace, value.trimmingHeaderWhitespace) else { return nil }
            }
        } else {
            guard items.count.isMultiple(of: 2) else { return nil }
            for index in stride(from: 0, to: items.count, by: 2) where !add(items[index], items[index + 1]) {
                return nil
            }
        }
        return fields
    }

    /// The failure of a missing property, a value not of its property's type, or a shape a header cannot hold.
    struct Mismatch: Error {}

    /// Gives a model's `init(from:)` the object's fields: each as the type its property asks for.
    struct Decoder: Swift.Decoder {
        let fields: [String: Substring]
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            KeyedDecodingContainer(Fields<Key>(fields: fields))
        }

        func unkeyedContainer() throws -> any UnkeyedDecodingContainer { throw Mismatch() }
        func singleValueContainer() throws -> any SingleValueDecodingContainer { throw Mismatch() }
    }

    /// The fields by the model's coding keys. No field is null: a header has no way to say so.
    struct Fields<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let fields: [String: Substring]
        var codingPath: [any CodingKey] { [] }
        var allKeys: [Key] { fields.keys.compactMap { Key(stringValue: $0) } }

        func contains(_ key: Key) -> Bool { fields[key.stringValue] != nil }
        func decodeNil(forKey key: Key) throws -> Bool { false }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            // Strings, numbers, Booleans, dates and string enums read themselves from a header's text.
            guard let text = fields[key.stringValue], let fieldType = T.self as? any HeaderFieldValue.Type,
                let value = fieldType.init(headerText: text)
            else { throw Mismatch() }
            return value as! T
        }

        func nestedContainer<NestedKey: CodingKey>(
            keyedBy type: NestedKey.Type,
            forKey key: Key
        ) throws -> KeyedDecodingContainer<NestedKey> { throw Mismatch() }
        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { throw Mismatch() }
        func superDecoder() throws -> any Swift.Decoder { throw Mismatch() }
        func superDecoder(forKey key: Key) throws -> any Swift.Decoder { throw Mismatch() }
    }
}
