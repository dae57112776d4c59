/// A constraint on a string: `maxLength`, `minLength`, `pattern` or an asserted `format`.
///
/// Lengths count Unicode scalars (JSON Schema's code points): `"👍🏽"` and `"e\u{301}"` have length 2.
public enum StringRule: Sendable, Hashable {
    /// At most this many Unicode scalars.
    case maxLength(Int)
    /// At least this many Unicode scalars.
    case minLength(Int)
    /// A match somewhere in the string (patterns are not implicitly anchored).
    case pattern(Pattern)
    /// The string is in this format. JSON Schema 2020-12 treats `format` as an annotation; this rule is
    /// for code generated with format assertion turned on.
    case format(Format)

    func failure(_ value: String) -> Failure? {
        switch self {
        case .maxLength(let limit):
            let length = value.unicodeScalars.count
            guard length > limit else { return nil }
            return Failure(.maxLength, limit: String(limit), message: "length \(length) exceeds maxLength \(limit)")
        case .minLength(let limit):
            let length = value.unicodeScalars.count
            guard length < limit else { return nil }
            return Failure(.minLength, limit: String(limit), message: "length \(length) is below minLength \(limit)")
        case .pattern(let pattern):
            guard !pattern.matches(value) else { return nil }
            return Failure(.pattern, limit: pattern.source, message: "does not match pattern \(pattern.source)")
        case .format(let format):
            guard !format.matches(value) else { return nil }
            return Failure(.format, limit: format.rawValue, message: "is not a valid \(format.rawValue) (format)")
        }
    }
}

/// A constraint on a number, with an exact limit (see ``ExactDecimal``).
public enum NumberRule: Sendable, Hashable {
    /// At least this value.
    case minimum(ExactDecimal)
    /// At most this value.
    case maximum(ExactDecimal)
    /// Greater than this value.
    case exclusiveMinimum(ExactDecimal)
    /// Less than this value.
    case exclusiveMaximum(ExactDecimal)
    /// An integer multiple of this value, which is greater than zero.
    case multipleOf(ExactDecimal)

    /// `value` is `nil` for a number that is not finite, which breaks every rule.
    func failure(_ value: ExactDecimal?) -> Failure? {
        switch self {
        case .minimum(let limit):
            if let value, value >= limit { return nil }
            return Failure(.minimum, limit: limit, message: "is below minimum \(limit)")
        case .maximum(let limit):
            if let value, value <= limit { return nil }
            return Failure(.maximum, limit: limit, message: "exceeds maximum \(limit)")
        case .exclusiveMinimum(let limit):
            if let value, value > limit { return nil }
            return Failure(.exclusiveMinimum, limit: limit, message: "is not above exclusiveMinimum \(limit)")
        case .exclusiveMaximum(let limit):
            if let value, value < limit { return nil }
            return Failure(.exclusiveMaximum, limit: limit, message: "is not below exclusiveMaximum \(limit)")
        case .multipleOf(let limit):
            if let value, value.isMultiple(of: limit) { return nil }
            return Failure(.multipleOf, limit: limit, message: "is not a multiple of \(limit) (multipleOf)")
        }
    }
}

/// A constraint on an array: `minItems`, `maxItems` or `uniqueItems`.
public enum ItemsRule: Sendable, Hashable {
    /// At least this many items.
    case minItems(Int)
    /// At most this many items.
    case maxItems(Int)
    /// No two items are equal.
    case uniqueItems

    func failure<Element: Hashable>(_ value: [Element]) -> Failure? {
        guard case .uniqueItems = self else { return countFailure(value.count) }
        guard let (first, second) = Self.jsonItems(of: value).map(Self.firstDuplicate) ?? Self.firstDuplicate(in: value)
        else { return nil }
        return Failure(.uniqueItems, limit: nil, message: "items \(first) and \(second) are equal (uniqueItems)")
    }

    /// The failure of `minItems` or `maxItems`; `uniqueItems` is not about the count, and passes.
    func countFailure(_ count: Int) -> Failure? {
        switch self {
        case .minItems(let limit):
            guard count < limit else { return nil }
            return Failure(.minItems, limit: String(limit), message: "count \(count) is below minItems \(limit)")
        case .maxItems(let limit):
            guard count > limit else { return nil }
            return Failure(.maxItems, limit: String(limit), message: "count \(count) exceeds maxItems \(limit)")
        case .uniqueItems:
            return nil
        }
    }

    /// The items of an array of generated models as JSON values, which compare as JSON Schema says
    /// (strings inside by code points, where Swift's `==` of the model would call `"é"` and `"e\u{301}"`
    /// equal); `nil` for arrays of strings, numbers and JSON values, which compare so already, and for
    /// items that do not encode.
    static func jsonItems<Element>(of value: [Element]) -> [JSONValue]? {
        guard !(Element.self is any SchemaEquatable.Type), !(Element.self is any Numeric.Type),
            Element.self != Bool.self, let items = value as? [any Encodable]
        else { return nil }
        let decoder = JSONCoding.makeDecoder()
        var values: [JSONValue] = []
        values.reserveCapacity(items.count)
        for item in items {
            guard let data = try? JSONCoding.encode(item), let json = try? decoder.decode(JSONValue.self, from: data)
            else { return nil }
            values.append(json)
        }
        return values
    }

    /// The indices of the first pair of equal items, equal as JSON Schema says (strings by code points,
    /// `1` and `1.0` alike); pairwise (without allocating) for short arrays.
    static func firstDuplicate<Element: Hashable>(in value: [Element]) -> (Int, Int)? {
        if value.count <= 32 {
            for second in value.indices {
                for first in 0..<second where isSchemaEqual(value[first], value[second]) {
                    return (first, second)
                }
            }
            return nil
        }
        var seen: [SchemaKey<Element>: Int] = [:]
        for (index, item) in value.enumerated() {
            if let first = seen.updateValue(index, forKey: SchemaKey(value: item)) {
                return (first, index)
            }
        }
        return nil
    }
}

/// A constraint on a JSON object held as a dictionary: `minProperties`, `maxProperties` or `required`.
public enum PropertiesRule: Sendable, Hashable {
    /// At least this many properties.
    case minProperties(Int)
    /// At most this many properties.
    case maxProperties(Int)
    /// A property with this name is present.
    case required(String)
    /// `dependentRequired`: a property with the first name is present when one with the second is.
    case dependentRequired(String, by: String)

    func failure<Value>(_ value: [String: Value]) -> Failure? {
        switch self {
        case .minProperties(let limit):
            guard value.count < limit else { return nil }
            return Failure(
                .minProperties,
                limit: String(limit),
                message: "count \(value.count) is below minProperties \(limit)"
            )
        case .maxProperties(let limit):
            guard value.count > limit else { return nil }
            return Failure(
                .maxProperties,
                limit: String(limit),
                message: "count \(value.count) exceeds maxProperties \(limit)"
            )
        case .required(let name):
            guard value[name] == nil else { return nil }
            return Failure(.required, limit: name, message: "misses required property \(name)")
        case .dependentRequired(let name, let trigger):
            guard value[trigger] != nil, value[name] == nil else { return nil }
            return Self.dependentFailure(name, by: trigger)
        }
    }

    /// The failure of a property that `dependentRequired` asks for, missing.
    static func dependentFailure(_ name: String, by trigger: String) -> Failure {
        Failure(
            .dependentRequired, limit: name,
            message: "misses property \(name), which \(trigger) requires (dependentRequired)")
    }
}

/// `enum` or `const` for a value that a Swift type cannot restrict by itself, such as an integer enum.
///
/// Values compare as JSON Schema says: strings by code points (`"é"` is not `"e\u{301}"`), ``JSONValue``s
/// by value (`1` is `1.0`, objects in any key order).
/// Store an `.enum` rule in a `static let` so that its array is built once.
public enum ValueRule<Value: Equatable & Sendable>: Sendable {
    /// One of these values.
    case `enum`([Value])
    /// Exactly this value.
    case const(Value)

    func failure(_ value: Value) -> Failure? {
        switch self {
        case .enum(let allowed):
            guard !allowed.contains(where: { isSchemaEqual($0, value) }) else { return nil }
            return Failure(.enum, limit: nil, message: "is not one of the \(allowed.count) allowed values (enum)")
        case .const(let expected):
            guard !isSchemaEqual(value, expected) else { return nil }
            return Failure(.const, limit: nil, message: "differs from the const value")
        }
    }
}

/// A rule for a value of a generated ``OpenEnum``: that it is one of the cases the spec lists, and what the
/// schema says of its raw value beside the list. An `unknown` value, which decoding keeps rather than
/// refusing, is not listed.
///
/// ```swift
/// context.check(status, at: "status", .listed)
/// context.check(status, at: "status", Self.statusValues)  // enum: [active, paused] beside $ref: Status
/// context.check(level, at: "level", .maxLength(3))
/// ```
public enum ListedRule: Sendable, Hashable {
    /// One of the listed values.
    case listed
    /// The raw value is one of these: an `enum` written beside the type's own list (a property that
    /// narrows a shared enum). Store it in a `static let` so that its array is built once.
    case `enum`([String])
    /// The raw value is exactly this one: a `const` beside the type's list.
    case const(String)
    /// The raw value has at most this many Unicode scalars.
    case maxLength(Int)
    /// The raw value has at least this many Unicode scalars.
    case minLength(Int)
    /// The raw value matches this pattern somewhere.
    case pattern(Pattern)
    /// The raw value is in this format (for code generated with format assertion turned on).
    case format(StringRule.Format)

    func failure<Value: OpenEnum>(_ value: Value) -> Failure? {
        let raw = value.rawValue
        switch self {
        case .listed:
            // Code points, not canonical equivalence: "é" and "e\u0301" are different values in JSON Schema.
            guard !Value.allCases.contains(where: { $0.rawValue.isSchemaEqual(to: raw) }) else { return nil }
            return Failure(.enum, limit: nil, message: "is not one of the \(Value.allCases.count) listed values (enum)")
        case .enum(let allowed): return ValueRule.enum(allowed).failure(raw)
        case .const(let expected): return ValueRule.const(expected).failure(raw)
        case .maxLength(let limit): return StringRule.maxLength(limit).failure(raw)
        case .minLength(let limit): return StringRule.minLength(limit).failure(raw)
        case .pattern(let pattern): return StringRule.pattern(pattern).failure(raw)
        case .format(let format): return StringRule.format(format).failure(raw)
        }
    }
}

/// JSON's types, as a set: those `type` allows.
public struct JSONTypes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let null = JSONTypes(rawValue: 1 << 0)
    public static let boolean = JSONTypes(rawValue: 1 << 1)
    public static let object = JSONTypes(rawValue: 1 << 2)
    public static let array = JSONTypes(rawValue: 1 << 3)
    public static let number = JSONTypes(rawValue: 1 << 4)
    public static let string = JSONTypes(rawValue: 1 << 5)
    /// A number without a fractional part: `1.0` is one too.
    public static let integer = JSONTypes(rawValue: 1 << 6)

    /// The names of the types in the set, in JSON Schema's spelling and this order.
    var names: [String] {
        let all: [(JSONTypes, String)] = [
            (.null, "null"), (.boolean, "boolean"), (.object, "object"), (.array, "array"), (.number, "number"),
            (.string, "string"), (.integer, "integer"),
        ]
        return all.filter { contains($0.0) }.map(\.1)
    }
}

/// `type` for a value held as a ``JSONValue``, because its schema allows several types (or `null` alone):
/// the value is of one of them.
public enum TypeRule: Sendable, Hashable {
    /// Of one of these types.
    case type(JSONTypes)

    func failure(_ value: JSONValue) -> Failure? {
        switch self {
        case .type(let allowed):
            let found: JSONTypes
            switch value {
            case .null: found = .null
            case .bool: found = .boolean
            case .object: found = .object
            case .array: found = .array
            case .string: found = .string
            case .integer: found = allowed.contains(.number) ? .number : .integer
            case .number(let number):
                // JSON Schema: a number whose fractional part is zero is an integer.
                let isInteger = number.isFinite && number.rounded(.towardZero) == number
                found = isInteger && !allowed.contains(.number) ? .integer : .number
            }
            guard !allowed.contains(found) else { return nil }
            let names = allowed.names
            let expected =
                names.count > 1 ? names.dropLast().joined(separator: ", ") + " or " + names.last! : names.first ?? "nothing"
            return Failure(.type, limit: names.joined(separator: ", "), message: "is \(found.names[0]), not \(expected) (type)")
        }
    }
}

/// A broken rule before its path is known.
struct Failure {
    let keyword: Violation.Keyword
    let limit: String?
    let message: String

    init(_ keyword: Violation.Keyword, limit: String?, message: String) {
        self.keyword = keyword
        self.limit = limit
        self.message = message
    }

    init(_ keyword: Violation.Keyword, limit: ExactDecimal, message: String) {
        self.init(keyword, limit: limit.description, message: message)
    }
}
