/// One broken constraint: where, which keyword, its limit, and what was found.
///
/// Messages report lengths, counts and limits, never the value itself, so that a secret never
/// reaches a log through a validation error.
public struct Violation: Sendable, Hashable, CustomStringConvertible {
    /// The JSON Schema validation keywords.
    public enum Keyword: String, Sendable, Hashable {
        case maxLength, minLength, pattern, format
        case minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf
        case minItems, maxItems, uniqueItems, minContains, maxContains
        case minProperties, maxProperties, required, additionalProperties, dependentRequired
        case `enum`, const
        case not, oneOf, anyOf
        case type
    }

    /// The JSON path of the value, such as `grant_type` or `items[2].name`; empty for the root value.
    public let path: String
    /// The keyword whose constraint the value breaks.
    public let keyword: Keyword
    /// The constraint as the spec states it: `64`, `0.01`, a pattern, a format, a required property's name,
    /// the types allowed (`integer, string`);
    /// `nil` for `uniqueItems`, `enum`, `const`, `not`, `oneOf`, `anyOf` and `additionalProperties`.
    public let limit: String?
    /// What is wrong, without the path, such as `length 65 exceeds maxLength 64`.
    public let message: String

    /// The path and the message, such as `grant_type: length 65 exceeds maxLength 64`.
    public var description: String {
        path.isEmpty ? message : "\(path): \(message)"
    }
}

/// Every constraint a value breaks, in the order they were checked.
public struct ValidationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The broken constraints; never empty.
    public let violations: [Violation]

    /// One violation per line, such as `grant_type: length 65 exceeds maxLength 64`.
    public var description: String {
        violations.map(\.description).joined(separator: "\n")
    }
}
