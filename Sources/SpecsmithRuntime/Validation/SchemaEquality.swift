/// Equality as JSON Schema defines it for `enum`, `const` and `uniqueItems`: strings are equal when their
/// code points are (`"é"` and `"e\u{301}"` differ, although Swift's `==` calls them equal), numbers when
/// their values are (`1` and `1.0`), arrays item by item, objects key by key in any order.
protocol SchemaEquatable {
    /// Whether `self` and `other` are the same JSON value.
    func isSchemaEqual(to other: Self) -> Bool
    /// Hashes what ``isSchemaEqual(to:)`` compares.
    func schemaHash(into hasher: inout Hasher)
}

extension SchemaEquatable {
    /// ``isSchemaEqual(to:)`` when `other` has the same type; `false` otherwise.
    func isSchemaEqual(toAny other: Any) -> Bool {
        guard let other = other as? Self else { return false }
        return isSchemaEqual(to: other)
    }
}

extension String: SchemaEquatable {
    /// Same code points: same UTF-8 bytes.
    func isSchemaEqual(to other: String) -> Bool {
        utf8.count == other.utf8.count && utf8.elementsEqual(other.utf8)
    }

    func schemaHash(into hasher: inout Hasher) {
        hasher.combine(utf8.count)
        for byte in utf8 { hasher.combine(byte) }
    }
}

extension Array: SchemaEquatable where Element: SchemaEquatable {
    func isSchemaEqual(to other: [Element]) -> Bool {
        count == other.count && zip(self, other).allSatisfy { $0.isSchemaEqual(to: $1) }
    }

    func schemaHash(into hasher: inout Hasher) {
        hasher.combine(count)
        for item in self { item.schemaHash(into: &hasher) }
    }
}

extension Dictionary: SchemaEquatable where Key == String, Value: SchemaEquatable {
    func isSchemaEqual(to other: [String: Value]) -> Bool {
        guard count == other.count else { return false }
        for (key, value) in self {
            // A Swift dictionary finds keys by canonical equivalence: the key found must have the same code points.
            guard let index = other.index(forKey: key), other[index].key.isSchemaEqual(to: key),
                other[index].value.isSchemaEqual(to: value)
            else { return false }
        }
        return true
    }

    func schemaHash(into hasher: inout Hasher) {
        // Order-independent: the sum of each entry's own hash.
        var sum = 0
        for (key, value) in self {
            var entry = Hasher()
            key.schemaHash(into: &entry)
            value.schemaHash(into: &entry)
            sum &+= entry.finalize()
        }
        hasher.combine(count)
        hasher.combine(sum)
    }
}

extension Optional: SchemaEquatable where Wrapped: SchemaEquatable {
    func isSchemaEqual(to other: Wrapped?) -> Bool {
        switch (self, other) {
        case (nil, nil): true
        case (let lhs?, let rhs?): lhs.isSchemaEqual(to: rhs)
        default: false
        }
    }

    func schemaHash(into hasher: inout Hasher) {
        hasher.combine(self == nil)
        if let self { self.schemaHash(into: &hasher) }
    }
}

extension JSONValue: SchemaEquatable {
    func isSchemaEqual(to other: JSONValue) -> Bool { self == other }
    func schemaHash(into hasher: inout Hasher) { hash(into: &hasher) }
}

/// JSON Schema equality for any value: ``SchemaEquatable`` where the type has it, `==` otherwise.
@inline(__always)
func isSchemaEqual<Value: Equatable>(_ lhs: Value, _ rhs: Value) -> Bool {
    if let lhs = lhs as? String, let rhs = rhs as? String { return lhs.isSchemaEqual(to: rhs) }
    if let lhs = lhs as? any SchemaEquatable { return lhs.isSchemaEqual(toAny: rhs) }
    return lhs == rhs
}

/// A value that hashes and compares as JSON Schema does, to find equal items of a long array.
struct SchemaKey<Value: Hashable>: Hashable {
    let value: Value

    static func == (lhs: SchemaKey, rhs: SchemaKey) -> Bool { isSchemaEqual(lhs.value, rhs.value) }

    func hash(into hasher: inout Hasher) {
        if let value = value as? any SchemaEquatable {
            value.schemaHash(into: &hasher)
        } else {
            value.hash(into: &hasher)
        }
    }
}
