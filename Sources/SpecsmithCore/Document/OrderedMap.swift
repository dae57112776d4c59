public import SpecsmithYAML

/// A map that keeps its keys in the order the document wrote them.
///
/// Everything in the model whose order can reach generated code (properties, paths, components,
/// media types, extensions, ...) is an `OrderedMap`, never a `Dictionary`. Iterating yields
/// ``Entry`` values in insertion order; `map["name"]` looks a key up in constant time. Keys compare
/// by code points, as a document's do: `"é"` (U+00E9) and `"e\u{301}"` are two keys.
public struct OrderedMap<Value>: RandomAccessCollection {
    /// One key and its value.
    public struct Entry {
        /// `key`, as in the specification.
        public var key: String
        /// `value`, as in the specification.
        public var value: Value

        /// Creates the value; every part but the required ones has a default.
        public init(key: String, value: Value) {
            self.key = key
            self.value = value
        }
    }

    /// The entries in document order.
    public private(set) var entries: [Entry]
    /// Each key's position, kept only while the map has more than ``linearLimit`` entries. Most maps
    /// (a schema's properties, a response's media types) are smaller, and searching a few keys in
    /// order is faster than hashing and allocates nothing.
    private var index: [CodePointKey: Int]
    private static var linearLimit: Int { 8 }

    /// An empty map.
    public init() {
        entries = []
        // Not `[:]`: a literal, even an empty one, goes through `init(dictionaryLiteral:)`, and every
        // schema makes several maps.
        index = Dictionary()
    }

    /// A map of these pairs in this order; a repeated key keeps its first position and takes the last value.
    public init(_ pairs: [(String, Value)]) {
        self.init()
        for (key, value) in pairs { self[key] = value }
    }

    /// The position of the first entry.
    public var startIndex: Int { entries.startIndex }
    /// The position after the last entry.
    public var endIndex: Int { entries.endIndex }
    /// The entry at a position.
    public subscript(position: Int) -> Entry { entries[position] }

    /// The keys in document order.
    public var keys: [String] { entries.map(\.key) }
    /// The values in document order.
    public var values: [Value] { entries.map(\.value) }

    /// The position of a key's entry, if the map has one.
    func position(of key: String) -> Int? {
        guard entries.count > Self.linearLimit else {
            let length = key.utf8.count
            return entries.firstIndex { $0.key.utf8.count == length && $0.key.hasSameCodePoints(as: key) }
        }
        return index[CodePointKey(key)]
    }

    /// The value for a key; setting a new key appends it, setting `nil` removes it.
    public subscript(key: String) -> Value? {
        get { position(of: key).map { entries[$0].value } }
        set {
            if let newValue {
                set(newValue, forKey: key)
            } else if let position = position(of: key) {
                entries.remove(at: position)
                index.removeValue(forKey: CodePointKey(key))
                reindex(from: position)
            }
        }
    }

    /// Brings ``index`` up to date from a position on (all of it when the map has just grown past
    /// ``linearLimit``), or drops it when the map is small again.
    private mutating func reindex(from start: Int) {
        guard entries.count > Self.linearLimit else {
            if !index.isEmpty { index = Dictionary() }
            return
        }
        let first = index.isEmpty ? 0 : start
        if first == 0 { index.reserveCapacity(entries.count * 2) }
        for offset in first..<entries.count { index[CodePointKey(entries[offset].key)] = offset }
    }

    /// The position in a slot of ``index``, read through an `inout` access so that a missing slot is
    /// made with its default.
    private static func position(in slot: inout Int) -> Int { slot }

    /// Whether the map has this key.
    public func contains(key: String) -> Bool { position(of: key) != nil }

    /// Whether `names` are keys of the map, all or some, in the map's order (compared by code points): each
    /// name matches the first key after the previous name's. One pass of comparisons, no hashing; `false`
    /// says only that the names do not follow the order, not that one is missing.
    func hasKeys(inOrder names: [String]) -> Bool {
        var next = 0
        for index in entries.indices where next < names.count {
            if names[next].hasSameCodePoints(as: entries[index].key) { next += 1 }
        }
        return next == names.count
    }

    /// Makes room for `count` entries, so that a map filled with a known number of them does not grow
    /// its arrays step by step.
    public mutating func reserveCapacity(_ count: Int) {
        entries.reserveCapacity(count)
        if count > Self.linearLimit { index.reserveCapacity(count) }
    }

    /// Sets a key's value as the subscript does (a new key is appended), taking the value over:
    /// assigning through the subscript copies a large value once to make it optional and again to
    /// unwrap it.
    public mutating func set(_ value: consuming Value, forKey key: String) {
        if entries.count > Self.linearLimit {
            // One hash whether the key is new or not: the key's slot is found, or made holding the next
            // position.
            let next = entries.count
            let position = Self.position(in: &index[CodePointKey(key), default: next])
            if position == next {
                entries.append(Entry(key: key, value: value))
            } else {
                entries[position].value = value
            }
        } else if let position = position(of: key) {
            entries[position].value = value
        } else {
            entries.append(Entry(key: key, value: value))
            reindex(from: entries.count - 1)
        }
    }
}

extension OrderedMap.Entry: Sendable where Value: Sendable {}
extension OrderedMap.Entry: Equatable where Value: Equatable {}
extension OrderedMap.Entry: Hashable where Value: Hashable {}
extension OrderedMap: Sendable where Value: Sendable {}

extension OrderedMap: Equatable where Value: Equatable {
    /// Whether the two hold the same values.
    public static func == (lhs: OrderedMap, rhs: OrderedMap) -> Bool { lhs.entries == rhs.entries }
}

extension OrderedMap: Hashable where Value: Hashable {
    /// Hashes the values.
    public func hash(into hasher: inout Hasher) { hasher.combine(entries) }
}

/// The `x-` keys of an object, in document order, with their values as written.
public typealias Extensions = OrderedMap<YAMLNode>
