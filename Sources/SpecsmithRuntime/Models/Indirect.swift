/// Holds a value out of line, so that a generated struct can contain a value of its own type (a
/// recursive schema: a `Node` with a `parent: Node`). Generated code keeps it private and exposes the
/// value itself; on the wire it is the value, with no wrapping.
public final class Indirect<Value: Codable & Hashable & Sendable>: Codable, Hashable, Sendable {
    public let value: Value

    public init(_ value: Value) {
        self.value = value
    }

    public convenience init(from decoder: any Decoder) throws {
        self.init(try Value(from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try value.encode(to: encoder)
    }

    public static func == (lhs: Indirect, rhs: Indirect) -> Bool {
        lhs === rhs || lhs.value == rhs.value
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(value)
    }
}
