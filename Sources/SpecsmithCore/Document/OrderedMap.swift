public import SpecsmithYAML

/// A map that keeps its keys in the order the document wrote them.
///
/// Everything in the model whose order can reach generated code (properties, paths, components,
/// media types, extensions, ...) is an `OrderedMap`, never a `Dictionary`. Iterating yields
/// ``Entry`` values in insertion order; `map["name"]` looks a key up in constant time.
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
    private var index: [String: Int]

    /// An empty map.
    public init() {
        entries = []
        index = [:]
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

    /// The value for a key; setting a new key appends it, setting `nil` removes it.
    public subscript(key: String) -> Value? {
        get { index[key].map { entries[$0].value } }
        set {
            if let newValue {
                if let position = index[key] {
                    entries[position].value = newValue
                } else {
                    index[key] = entries.count
                    entries.append(Entry(key: key, value: newValue))
                }
            } else if let position = index.removeValue(forKey: key) {
                entries.remove(at: position)
                for (offset, entry) in entries.enumerated().dropFirst(position) { index[entry.key] = offset }
            }
        }
    }

    /// Whether the map has this key.
    public func contains(key: String) -> Bool { index[key] != nil }
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
