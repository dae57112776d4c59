import Foundation

/// Encodes a value as JSON whose object keys keep the order they are encoded in: a model's
/// `CodingKeys` order. A `[String: Value]` dictionary, which has no order, is written with sorted keys.
/// Request bodies are thus the same bytes on every run and platform.
///
/// `Date` is RFC 3339 (``DateTime``), `Data` base64, `URL` its absolute string; `/` is not escaped.
enum OrderedJSONEncoder {
    /// The value as a tree, for encodings built on the JSON shape (form and multipart bodies).
    static func tree(_ value: some Encodable) throws -> JSONNode {
        let root = JSONNode()
        try root.encode(value, codingPath: [])
        return root
    }

    static func encode(_ value: some Encodable) throws -> Data {
        let root = JSONNode()
        try root.encode(value, codingPath: [])
        var output: [UInt8] = []
        root.write(to: &output)
        return Data(output)
    }
}

/// A JSON value being built; containers share nodes, so the tree is made of references.
final class JSONNode {
    private enum Kind {
        case empty, literal, object, array
    }

    private var kind = Kind.empty
    /// The JSON text of a literal: `"text"`, `12`, `true`, `null`.
    private var literal = ""
    /// For a string literal, its text unquoted; for `Data`, its bytes (form and multipart bodies need them).
    private var rawString: String?
    private var rawData: Data?
    private var keys: [String] = []
    private var members: [String: JSONNode] = [:]
    private var items: [JSONNode] = []

    func encode(_ value: some Encodable, codingPath: [any CodingKey]) throws {
        switch value {
        case let date as Date:
            setString(DateTime.string(from: date))
        case let data as Data:
            setString(data.base64EncodedString())
            rawData = data
        case let url as URL:
            setString(url.absoluteString)
        case let decimal as Decimal:
            setLiteral(decimal.description)
        case let dictionary as any SortedKeysEncodable:
            try dictionary.encodeEntries(into: self, codingPath: codingPath)
        default:
            try value.encode(to: NodeEncoder(node: self, codingPath: codingPath))
        }
    }

    func setLiteral(_ text: String) {
        kind = .literal
        literal = text
        rawString = nil
        rawData = nil
    }

    func setString(_ text: String) {
        var quoted: [UInt8] = []
        Self.writeString(text, to: &quoted)
        setLiteral(String(decoding: quoted, as: UTF8.self))
        rawString = text
    }

    /// A form field's value: the text of a string, the JSON text of a number or Boolean; `nil` for
    /// `null` and containers.
    var formValue: String? {
        guard kind == .literal, literal != "null" else { return nil }
        return rawString ?? literal
    }

    /// The members of an object, in order (empty for anything else).
    var orderedMembers: [(key: String, node: JSONNode)] {
        kind == .object ? keys.compactMap { key in members[key].map { (key, $0) } } : []
    }

    /// The node's JSON text: `{"a":1}`, `"text"`.
    var jsonText: String {
        var json: [UInt8] = []
        write(to: &json)
        return String(decoding: json, as: UTF8.self)
    }

    var isNull: Bool { kind == .literal && literal == "null" }
    var isObject: Bool { kind == .object }
    var isArray: Bool { kind == .array }
    var arrayItems: [JSONNode] { kind == .array ? items : [] }
    var bytes: Data? { rawData }

    /// The node as the `name=value` pairs of an object query parameter (or a form body's property in
    /// `deepObject` style): nested objects as `a[b]=c` (as Stripe and Rails read them), arrays of values as the
    /// same name repeated, arrays of objects with their index (`a[0][b]=c`). `null` members are left out.
    func formPairs(prefix: String? = nil) -> [(name: String, value: String)] {
        switch kind {
        case .object:
            return orderedMembers.flatMap { key, node in node.formPairs(prefix: prefix.map { "\($0)[\(key)]" } ?? key) }
        case .array:
            guard let prefix else { return [] }
            return items.enumerated().flatMap { index, item in
                item.kind == .literal ? item.formPairs(prefix: prefix) : item.formPairs(prefix: "\(prefix)[\(index)]")
            }
        case .literal:
            guard let prefix, let value = formValue else { return [] }
            return [(prefix, value)]
        case .empty:
            return []
        }
    }

    func setNumber(_ value: Double, codingPath: [any CodingKey]) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(
                value, EncodingError.Context(codingPath: codingPath, debugDescription: "JSON has no \(value)"))
        }
        var text = value.description
        if text.hasSuffix(".0") {
            text.removeLast(2)
        }
        setLiteral(text)
    }

    func becomeObject() {
        if kind != .object {
            kind = .object
            keys = []
            members = [:]
        }
    }

    func becomeArray() {
        if kind != .array {
            kind = .array
            items = []
        }
    }

    /// The member for `key`, created at the end of the object if new; an existing key keeps its place.
    func member(_ key: String) -> JSONNode {
        becomeObject()
        if let existing = members[key] {
            existing.kind = .empty
            return existing
        }
        let node = JSONNode()
        keys.append(key)
        members[key] = node
        return node
    }

    func appendItem() -> JSONNode {
        becomeArray()
        let node = JSONNode()
        items.append(node)
        return node
    }

    var itemCount: Int { items.count }

    func write(to output: inout [UInt8]) {
        switch kind {
        case .empty:
            output += Array("{}".utf8)
        case .literal:
            output += Array(literal.utf8)
        case .object:
            output.append(UInt8(ascii: "{"))
            for (index, key) in keys.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                Self.writeString(key, to: &output)
                output.append(UInt8(ascii: ":"))
                members[key]?.write(to: &output)
            }
            output.append(UInt8(ascii: "}"))
        case .array:
            output.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                item.write(to: &output)
            }
            output.append(UInt8(ascii: "]"))
        }
    }

    private static func writeString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): output += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\n"): output += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): output += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case UInt8(ascii: "\t"): output += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x08: output += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x0C: output += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0x00..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                output += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}

/// A `[String: Value]` dictionary, encoded with its keys sorted.
private protocol SortedKeysEncodable {
    func encodeEntries(into node: JSONNode, codingPath: [any CodingKey]) throws
}

extension Dictionary: SortedKeysEncodable where Key == String, Value: Encodable {
    fileprivate func encodeEntries(into node: JSONNode, codingPath: [any CodingKey]) throws {
        node.becomeObject()
        for (key, value) in sorted(by: { $0.key < $1.key }) {
            try node.member(key).encode(value, codingPath: codingPath + [DictionaryKey(stringValue: key)])
        }
    }
}

private struct DictionaryKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }

    init(stringValue: String) { self.stringValue = stringValue }

    init?(intValue: Int) { nil }
}

private struct NodeEncoder: Encoder {
    let node: JSONNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.becomeObject()
        return KeyedEncodingContainer(KeyedContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.becomeArray()
        return UnkeyedContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueContainer(node: node, codingPath: codingPath)
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: JSONNode
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { set(key, "null") }
    mutating func encode(_ value: Bool, forKey key: Key) throws { set(key, "\(value)") }
    mutating func encode(_ value: String, forKey key: Key) throws { node.member(key.stringValue).setString(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        try node.member(key.stringValue).setNumber(value, codingPath: codingPath + [key])
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        try node.member(key.stringValue).setNumber(Double(value.description) ?? .nan, codingPath: codingPath + [key])
    }
    mutating func encode(_ value: Int, forKey key: Key) throws { set(key, "\(value)") }
    mutating func encode(_ value: Int8, forKey key: Key) throws { set(key, "\(value)") }
    mutating func encode(_ value: Int16, forKey key: Key) throws { set(key, "\(value)") }
    mutating func encode(_ value: Int32, forKey key: Key) throws { set(key, "\(value)") }
    mutating func encode(_ value: Int64, forKey key: Key) throws { set(key, "\(value)") }
    mutating func encode(_ value: UInt, forKey key: Key) throws { set(key, "\(value)") }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { set(key, "\(value)") }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { set(key, "\(value)") }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { set(key, "\(value)") }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { set(key, "\(value)") }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try node.member(key.stringValue).encode(value, codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let member = node.member(key.stringValue)
        member.becomeObject()
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(node: member, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let member = node.member(key.stringValue)
        member.becomeArray()
        return UnkeyedContainer(node: member, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder {
        NodeEncoder(node: node.member("super"), codingPath: codingPath)
    }

    private func set(_ key: Key, _ literal: String) {
        node.member(key.stringValue).setLiteral(literal)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        NodeEncoder(node: node.member(key.stringValue), codingPath: codingPath + [key])
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let node: JSONNode
    let codingPath: [any CodingKey]
    var count: Int { node.itemCount }

    mutating func encodeNil() throws { node.appendItem().setLiteral("null") }
    mutating func encode(_ value: Bool) throws { node.appendItem().setLiteral("\(value)") }
    mutating func encode(_ value: String) throws { node.appendItem().setString(value) }
    mutating func encode(_ value: Double) throws { try node.appendItem().setNumber(value, codingPath: codingPath) }
    mutating func encode(_ value: Float) throws {
        try node.appendItem().setNumber(Double(value.description) ?? .nan, codingPath: codingPath)
    }
    mutating func encode(_ value: Int) throws { node.appendItem().setLiteral("\(value)") }
    mutating func encode(_ value: Int8) throws { node.appendItem().setLiteral("\(value)") }
    mutating func encode(_ value: Int16) throws { node.appendItem().setLiteral("\(value)") }
    mutating func encode(_ value: Int32) throws { node.appendItem().setLiteral("\(value)") }
    mutating func encode(_ value: Int64) throws { node.appendItem().setLiteral("\(value)") }
    mutating func encode(_ value: UInt) throws { node.appendItem().setLiteral("\(value)") }
    mutating func encode(_ value: UInt8) throws { node.appendItem().setLiteral("\(value)") }
    mutating func encode(_ value: UInt16) throws { node.appendItem().setLiteral("\(value)") }
    mutating func encode(_ value: UInt32) throws { node.appendItem().setLiteral("\(value)") }
    mutating func encode(_ value: UInt64) throws { node.appendItem().setLiteral("\(value)") }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try node.appendItem().encode(value, codingPath: codingPath)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type
    ) -> KeyedEncodingContainer<NestedKey> {
        let item = node.appendItem()
        item.becomeObject()
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(node: item, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let item = node.appendItem()
        item.becomeArray()
        return UnkeyedContainer(node: item, codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder {
        NodeEncoder(node: node.appendItem(), codingPath: codingPath)
    }
}

private struct SingleValueContainer: SingleValueEncodingContainer {
    let node: JSONNode
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.setLiteral("null") }
    mutating func encode(_ value: Bool) throws { node.setLiteral("\(value)") }
    mutating func encode(_ value: String) throws { node.setString(value) }
    mutating func encode(_ value: Double) throws { try node.setNumber(value, codingPath: codingPath) }
    mutating func encode(_ value: Float) throws {
        try node.setNumber(Double(value.description) ?? .nan, codingPath: codingPath)
    }
    mutating func encode(_ value: Int) throws { node.setLiteral("\(value)") }
    mutating func encode(_ value: Int8) throws { node.setLiteral("\(value)") }
    mutating func encode(_ value: Int16) throws { node.setLiteral("\(value)") }
    mutating func encode(_ value: Int32) throws { node.setLiteral("\(value)") }
    mutating func encode(_ value: Int64) throws { node.setLiteral("\(value)") }
    mutating func encode(_ value: UInt) throws { node.setLiteral("\(value)") }
    mutating func encode(_ value: UInt8) throws { node.setLiteral("\(value)") }
    mutating func encode(_ value: UInt16) throws { node.setLiteral("\(value)") }
    mutating func encode(_ value: UInt32) throws { node.setLiteral("\(value)") }
    mutating func encode(_ value: UInt64) throws { node.setLiteral("\(value)") }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try node.encode(value, codingPath: codingPath)
    }
}
