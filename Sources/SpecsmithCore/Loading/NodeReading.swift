import Foundation
import SpecsmithDiagnostics
import SpecsmithYAML

extension YAMLNode {
    /// Whether the node is a null scalar (`~`, `null`, or nothing).
    var isNullNode: Bool { isNull }

    /// The Boolean value of a `true`/`false` scalar, else `nil`.
    var boolScalar: Bool? { boolIfBoolean }

    /// The number of an integer or float scalar, else `nil`.
    var numberScalar: YAMLNumber? { numberIfNumeric }
}

extension LoadSession {
    /// The text of a scalar that is not null; an error for a mapping or list. Numbers and Booleans
    /// are read as their text (`version: 1.0` is the string "1.0").
    func stringValue(_ node: YAMLNode, key: String?) -> String? {
        // `string()` first: it refuses null as well, and most values are strings.
        guard let text = try? node.string() else {
            if !node.isNull { report(.expected("a string", for: key, found: node)) }
            return nil
        }
        return text
    }

    func boolValue(_ node: YAMLNode, key: String?) -> Bool? {
        if node.isNull { return nil }
        guard let value = node.boolScalar else {
            report(.expected("true or false", for: key, found: node))
            return nil
        }
        return value
    }

    func numberValue(_ node: YAMLNode, key: String?) -> YAMLNumber? {
        if node.isNull { return nil }
        guard let value = node.numberScalar else {
            report(.expected("a number", for: key, found: node))
            return nil
        }
        return value
    }

    /// A non-negative integer such as `maxLength`.
    func countValue(_ node: YAMLNode, key: String) -> Int? {
        if node.isNull { return nil }
        let value: Int
        do {
            value = try node.int()
        } catch {
            // JSON Schema counts a number with a zero fraction (`2.0`, `1e1`) as an integer.
            if let number = node.numberScalar, !number.isInteger, let whole = Self.wholeNumber(number.text) {
                guard whole >= 0 else {
                    report(.negative(key, at: node.location))
                    return nil
                }
                return whole
            }
            if node.numberScalar?.isInteger == true {
                report(error)  // an integer too large for 64 bits
            } else {
                report(.expected("a non-negative integer", for: key, found: node))
            }
            return nil
        }
        if value < 0 {
            report(.negative(key, at: node.location))
            return nil
        }
        return value
    }

    /// The integer a number's text is, when it has no fractional part and fits in an `Int`.
    static func wholeNumber(_ text: String) -> Int? {
        guard let decimal = Decimal(string: text), decimal.isFinite else { return nil }
        var value = decimal
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 0, .plain)
        guard rounded == decimal, rounded.magnitude < Decimal(Int.max) else { return nil }
        return NSDecimalNumber(decimal: rounded).intValue
    }

    func stringList(_ node: YAMLNode, key: String) -> [String]? {
        if node.isNullNode { return nil }
        guard let items = node.sequence else {
            report(.expected("a list of strings", for: key, found: node))
            return nil
        }
        return items.compactMap { stringValue($0, key: nil) }
    }

    /// The items of a list, `nil` (after reporting an error) for anything else.
    func listValue(_ node: YAMLNode, key: String) -> YAMLSequence? {
        guard let items = node.sequence else {
            report(.expected("a list", for: key, found: node))
            return nil
        }
        return items
    }

    /// A node as a JSON-like value.
    func jsonValue(_ node: YAMLNode) -> JSONValue {
        switch node.content {
        case .scalar(let s):
            if node.isNull { return .null }
            if let b = node.boolScalar { return .bool(b) }
            if let n = node.numberScalar { return .number(n) }
            return .string(s.text)
        case .sequence(let items):
            return .array(items.map(jsonValue))
        case .mapping(let mapping):
            var object = OrderedMap<JSONValue>()
            for entry in mapping {
                guard let key = entry.keyText else {
                    report(.nonScalarKey(at: entry.key.location))
                    continue
                }
                object[key] = jsonValue(entry.value)
            }
            return .object(object)
        }
    }

    /// The entries of a mapping with string keys, reporting other keys; `nil` (with an error) when
    /// the node is no mapping, `nil` without one when it is null.
    func entries(_ node: YAMLNode, key: String?) -> [(key: String, keyNode: YAMLNode, value: YAMLNode)]? {
        if node.isNullNode { return nil }
        guard let mapping = node.mapping else {
            report(.expected("a mapping", for: key, found: node))
            return nil
        }
        var out: [(key: String, keyNode: YAMLNode, value: YAMLNode)] = []
        out.reserveCapacity(mapping.count)
        for entry in mapping {
            guard let text = entry.keyText else {
                report(.nonScalarKey(at: entry.key.location))
                continue
            }
            out.append((text, entry.key, entry.value))
        }
        return out
    }
}

/// Reads the keys of one specification object, remembering which were asked for so that the rest
/// can be reported as unknown, and collecting `x-` extensions.
///
/// Noncopyable: a reader is made for every object of a document, and a copy (which the compiler
/// makes, for example, when binding the failable initializer's result) retains all it holds.
struct ObjectReader: ~Copyable {
    let session: LoadSession
    let node: YAMLNode
    let mapping: YAMLMapping
    let file: String
    let objectName: String
    /// Which entries of the mapping were asked for, by position: the rest are reported as unknown.
    private var asked = PositionSet()
    /// One bit per key length (modulo 64): most keys asked for are absent, and a clear bit says so
    /// without comparing any text. (Schemas, asked for far more keywords, use ``SchemaReader``.)
    private let lengths: UInt64

    /// `nil`, after reporting an error, when the node is no mapping.
    init?(_ session: LoadSession, _ node: YAMLNode, file: String, object objectName: String, key: String? = nil) {
        guard let mapping = node.mapping else {
            session.report(.expected("a mapping (\(objectName) object)", for: key, found: node))
            return nil
        }
        self.session = session
        self.node = node
        self.mapping = mapping
        self.file = file
        self.objectName = objectName
        var lengths: UInt64 = 0
        for index in mapping.indices {
            if let length = mapping.keyLength(at: index) { lengths |= 1 << (length & 63) }
        }
        self.lengths = lengths
    }

    var location: SourceLocation { node.location }

    /// The position of the entry with this key. Inlined, with the accessors below, so that the length
    /// of a keyword written as a literal is known when compiling and an absent one costs one test.
    @inline(__always)
    func index(of key: String) -> Int? {
        assert(!key.isExtensionKey, "x- keys are read by finish(), not asked for")
        guard lengths & 1 << (key.utf8.count & 63) != 0 else { return nil }
        return search(key)
    }

    private func search(_ key: String) -> Int? {
        mapping.index(ofKey: key)
    }

    /// Whether the object has this key, without marking it as known.
    @inline(__always)
    func has(_ key: String) -> Bool {
        index(of: key) != nil
    }

    /// The value of a key, null values included; marks the key as known.
    @inline(__always)
    mutating func raw(_ key: String) -> YAMLNode? {
        guard let index = index(of: key) else { return nil }
        asked.insert(index)
        return mapping.value(at: index)
    }

    /// The value of a key, `nil` when absent or null; marks the key as known.
    @inline(__always)
    mutating func value(_ key: String) -> YAMLNode? {
        guard let node = raw(key), !node.isNullNode else { return nil }
        return node
    }

    /// Where a key is written (its key node), or the object's location.
    func keyLocation(_ key: String) -> SourceLocation {
        index(of: key).map { mapping[$0].key.location } ?? node.location
    }

    /// Marks keys as known without reading them.
    mutating func accept(_ keys: String...) {
        for key in keys {
            if let index = index(of: key) { asked.insert(index) }
        }
    }

    /// Marks a key as known and warns that its feature is not supported.
    mutating func unsupported(_ key: String, feature: UnsupportedFeature) {
        if let index = index(of: key) {
            asked.insert(index)
            session.report(.unsupported(feature, at: mapping[index].key.location))
        }
    }

    @inline(__always)
    mutating func string(_ key: String) -> String? {
        raw(key).flatMap { session.stringValue($0, key: key) }  // null reads as nil there
    }

    /// A required string: reports an error naming the object when absent.
    mutating func requiredString(_ key: String) -> String? {
        guard let node = value(key) else {
            session.report(.missingKey(key, in: objectName, at: location))
            return nil
        }
        return session.stringValue(node, key: key)
    }

    /// Text such as `description`, which may also be given as `{$ref: file.md}`.
    @inline(__always)
    mutating func text(_ key: String) -> String? {
        value(key).flatMap { session.textValue($0, file: file, key: key) }
    }

    @inline(__always)
    mutating func bool(_ key: String) -> Bool? {
        value(key).flatMap { session.boolValue($0, key: key) }
    }

    @inline(__always)
    mutating func number(_ key: String) -> YAMLNumber? {
        value(key).flatMap { session.numberValue($0, key: key) }
    }

    @inline(__always)
    mutating func count(_ key: String) -> Int? {
        value(key).flatMap { session.countValue($0, key: key) }
    }

    @inline(__always)
    mutating func stringList(_ key: String) -> [String]? {
        value(key).flatMap { session.stringList($0, key: key) }
    }

    @inline(__always)
    mutating func json(_ key: String) -> JSONValue? {
        raw(key).map { session.jsonValue($0) }
    }

    /// The entries of a mapping-valued key, `[]` when absent.
    @inline(__always)
    mutating func entries(_ key: String) -> [(key: String, keyNode: YAMLNode, value: YAMLNode)] {
        value(key).flatMap { session.entries($0, key: key) } ?? []
    }

    /// The items of a list-valued key, `nil` when absent.
    @inline(__always)
    mutating func list(_ key: String) -> YAMLSequence? {
        value(key).flatMap { session.listValue($0, key: key) }
    }

    /// Reports the keys not asked for (other than `x-` keys) and returns the extensions.
    func finish() -> Extensions {
        var extensions = Extensions()
        for index in mapping.indices {
            // A key asked for is one of the object's fixed fields (a scalar, and no `x-` key: see
            // ``index(of:)``), so its text need not be read.
            if asked.contains(index) { continue }
            guard let key = mapping.keyText(at: index) else {
                session.report(.nonScalarKey(at: mapping[index].key.location))
                continue
            }
            if key.isExtensionKey {
                extensions[key] = mapping.value(at: index)
            } else {
                session.report(.unknownKey(key, in: objectName, at: mapping[index].key.location))
            }
        }
        return extensions
    }
}

extension String {
    /// Whether a key names an extension (starts with the code points `x-`, even when a combining mark
    /// follows: `hasPrefix` compares characters, and `-` with a mark is another one).
    var isExtensionKey: Bool {
        // Two bytes compared by hand: `utf8.starts(with:)` is a generic walk that costs far more.
        var bytes = utf8.makeIterator()
        return bytes.next() == UInt8(ascii: "x") && bytes.next() == UInt8(ascii: "-")
    }
}

/// Positions in a mapping, kept without allocating for the first 64: most objects have a handful of keys.
struct PositionSet {
    private var first64: UInt64 = 0
    private var rest: Set<Int> = []

    mutating func insert(_ position: Int) {
        if position < 64 {
            first64 |= 1 << position
        } else {
            rest.insert(position)
        }
    }

    func contains(_ position: Int) -> Bool {
        position < 64 ? first64 & 1 << position != 0 : rest.contains(position)
    }
}
