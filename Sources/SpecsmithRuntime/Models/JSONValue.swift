/// Any JSON value: the Swift type of a free-form object (`type: object` with no properties) or of a
/// schema that does not pin a type down.
///
/// An object is a dictionary: ``PropertiesRule`` checks its property count and required names.
/// Encoded with ``JSONCoding/encode(_:)``, its objects have sorted keys.
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
