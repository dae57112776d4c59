public import SpecsmithYAML

/// A JSON-like value from the document: what `enum`, `const`, `default` and `example` hold.
///
/// Numbers keep their exact decimal text (``YAMLNumber``) and objects keep their key order.
public indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(YAMLNumber)
    case string(String)
    case array([JSONValue])
    case object(OrderedMap<JSONValue>)

    /// A null, Boolean, number or string as JSON text (`null`, `true`, `1.5`, `"a"`), for messages and
    /// documentation; `nil` for an array or an object.
    public var scalarText: String? {
        switch self {
        case .null: "null"
        case .bool(let b): String(b)
        case .number(let n): n.text
        case .string(let s): "\"\(s)\""
        case .array, .object: nil
        }
    }

    /// The value as JSON text on one line, for documentation: `64`, `{"name": "$response.body#/name"}`.
    public var documentationText: String {
        switch self {
        case .array(let items): "[" + items.map(\.documentationText).joined(separator: ", ") + "]"
        case .object(let map):
            "{" + map.entries.map { "\"\($0.key)\": \($0.value.documentationText)" }.joined(separator: ", ") + "}"
        case .null, .bool, .number, .string: scalarText!
        }
    }

    /// The string, when this is a string.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The number, when this is a number.
    public var numberValue: YAMLNumber? {
        if case .number(let n) = self { return n }
        return nil
    }

    /// The Boolean, when this is a Boolean.
    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    /// Whether this is `null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}
