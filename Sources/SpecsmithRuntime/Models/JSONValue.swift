/// Any JSON value: the Swift type of a free-form object (`type: object` with no properties) or of a
/// schema that does not pin a type down.
///
/// An object is a dictionary: ``PropertiesRule`` checks its property count and required names.
/// Encoded with ``JSONCoding/encode(_:)``, its objects have sorted keys.
///
/// Values are equal as JSON Schema defines it (for `enum`, `const` and `uniqueItems`): numbers by value
/// (`.integer(1) == .number(1.0)`), strings by code points (`"é"` and `"e\u{301}"` differ), arrays item by
/// item, objects by their keys and values in any order.
public enum JSONValue: Codable, Hashable, Sendable, ExpressibleByNilLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number without a fraction or exponent that fits in 64 bits.
    case integer(Int64)
    /// Any other number.
    case number(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object.
    case object([String: JSONValue])

    /// `nil` is `null`.
    public init(nilLiteral: ()) { self = .null }

    /// A Boolean literal is a `bool`.
    public init(booleanLiteral value: Bool) { self = .bool(value) }

    /// An integer literal is an `integer`.
    public init(integerLiteral value: Int64) { self = .integer(value) }

    /// A floating-point literal is a `number`.
    public init(floatLiteral value: Double) { self = .number(value) }

    /// A string literal is a `string`.
    public init(stringLiteral value: String) { self = .string(value) }

    /// An array literal is an `array`.
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }

    /// A dictionary literal is an `object`; a repeated key keeps its last value.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    /// Decodes whichever JSON value is there.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// Encodes the value as it is.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

extension JSONValue {
    /// Equal as JSON values: numbers by value, strings by code points, objects in any key order.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.integer(let a), .integer(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.integer(let a), .number(let b)), (.number(let b), .integer(let a)): Self.isExact(b, equalTo: a)
        case (.string(let a), .string(let b)): a.isSchemaEqual(to: b)
        case (.array(let a), .array(let b)): a.isSchemaEqual(to: b)
        case (.object(let a), .object(let b)): a.isSchemaEqual(to: b)
        default: false
        }
    }

    /// Hashes consistently with ``==(_:_:)``: a whole number hashes alike as `integer` or `number`.
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null:
            hasher.combine(0)
        case .bool(let value):
            hasher.combine(1)
            hasher.combine(value)
        case .integer(let value):
            hasher.combine(2)
            hasher.combine(value)
        case .number(let value):
            if let whole = Int64(exactly: value) {
                hasher.combine(2)
                hasher.combine(whole)
            } else {
                hasher.combine(3)
                hasher.combine(value)
            }
        case .string(let value):
            hasher.combine(4)
            value.schemaHash(into: &hasher)
        case .array(let value):
            hasher.combine(5)
            value.schemaHash(into: &hasher)
        case .object(let value):
            hasher.combine(6)
            value.schemaHash(into: &hasher)
        }
    }

    /// Whether the `Double` is exactly the integer (`2^63` as a `Double` is not `Int64.max`).
    private static func isExact(_ double: Double, equalTo integer: Int64) -> Bool {
        Int64(exactly: double) == integer
    }
}
