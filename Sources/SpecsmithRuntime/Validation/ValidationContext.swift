/// Where a checked value is, relative to the value being validated: a property's name on the wire,
/// written as a string literal (`"grant_type"`), ``here`` for the value itself, or a header of a multipart
/// body's part (``part(_:header:)``).
public struct ValidationKey: Sendable, ExpressibleByStringLiteral {
    /// The name, or `nil` for the value itself.
    let name: StaticString?
    /// A name within ``name``: the header of a part.
    let member: StaticString?

    /// A property's name on the wire.
    public init(stringLiteral name: StaticString) {
        self.name = name
        self.member = nil
    }

    private init(name: StaticString?, member: StaticString?) {
        self.name = name
        self.member = member
    }

    private init() {
        self.init(name: nil, member: nil)
    }

    /// A header of the parts of a multipart body's property (an argument of the request builder): reported
    /// as the property's name and the header's, `names.x-name-locale`.
    public static func part(_ property: StaticString, header: StaticString) -> ValidationKey {
        ValidationKey(name: property, member: header)
    }

    /// The value being validated itself, such as the value of a `oneOf` case: a violation is reported at
    /// the value's own path.
    public static let here = ValidationKey()
}

/// Collects the violations found while validating a value.
///
/// Checking a valid value allocates nothing per check: keys are static strings, rules are plain values,
/// and a path is only spelled out when a violation is recorded.
/// `nil` values pass every check; `required` is enforced by the Swift types.
public struct ValidationContext: Sendable {
    enum Component: Sendable {
        case key(ValidationKey)
        case name(String)
        case index(Int)
    }

    /// The path of the value being validated.
    var components: [Component] = []
    private var violations: [Violation] = []

    private init() {}

    /// Runs `checks` on a new context, and throws every violation they record.
    ///
    /// Operations validate their parameters this way:
    /// ```swift
    /// try ValidationContext.validate { context in
    ///     context.check(id, at: "id", .maxLength(36))
    /// }
    /// ```
    public static func validate(_ checks: (inout ValidationContext) -> Void) throws(ValidationError) {
        var context = ValidationContext()
        checks(&context)
        if !context.violations.isEmpty {
            throw ValidationError(violations: context.violations)
        }
    }

    // MARK: Keyword checks

    /// Checks a string against `maxLength`, `minLength` or `pattern`.
    public mutating func check(_ value: String?, at key: ValidationKey, _ rule: StringRule) {
        guard let value, let failure = rule.failure(value) else { return }
        record(failure, at: .key(key))
    }

    /// Checks every string of an array against `maxLength`, `minLength` or `pattern`.
    public mutating func check(each values: [String]?, at key: ValidationKey, _ rule: StringRule) {
        guard let values else { return }
        for (index, value) in values.enumerated() {
            guard let failure = rule.failure(value) else { continue }
            record(failure, at: .key(key), .index(index))
        }
    }

    /// Checks an integer against `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum` or `multipleOf`.
    public mutating func check<Integer: BinaryInteger>(_ value: Integer?, at key: ValidationKey, _ rule: NumberRule) {
        guard let value, let failure = rule.failure(ExactDecimal(exactly: value)) else { return }
        record(failure, at: .key(key))
    }

    /// Checks every integer of an array against a numeric rule.
    public mutating func check<Integer: BinaryInteger>(
        each values: [Integer]?,
        at key: ValidationKey,
        _ rule: NumberRule
    ) {
        guard let values else { return }
        for (index, value) in values.enumerated() {
            guard let failure = rule.failure(ExactDecimal(exactly: value)) else { continue }
            record(failure, at: .key(key), .index(index))
        }
    }

    /// Checks a floating-point number, through its shortest decimal form, against a numeric rule.
    public mutating func check(_ value: Double?, at key: ValidationKey, _ rule: NumberRule) {
        guard let value, let failure = rule.failure(ExactDecimal(value)) else { return }
        record(failure, at: .key(key))
    }

    /// Checks every floating-point number of an array against a numeric rule.
    public mutating func check(each values: [Double]?, at key: ValidationKey, _ rule: NumberRule) {
        guard let values else { return }
        for (index, value) in values.enumerated() {
            guard let failure = rule.failure(ExactDecimal(value)) else { continue }
            record(failure, at: .key(key), .index(index))
        }
    }

    /// Checks a `Float` (`format: float`), through its own shortest decimal form, against a numeric rule.
    public mutating func check(_ value: Float?, at key: ValidationKey, _ rule: NumberRule) {
        guard let value, let failure = rule.failure(ExactDecimal(value)) else { return }
        record(failure, at: .key(key))
    }

    /// Checks every `Float` of an array against a numeric rule.
    public mutating func check(each values: [Float]?, at key: ValidationKey, _ rule: NumberRule) {
        guard let values else { return }
        for (index, value) in values.enumerated() {
            guard let failure = rule.failure(ExactDecimal(value)) else { continue }
            record(failure, at: .key(key), .index(index))
        }
    }

    // MARK: Arrays whose items may be null

    /// Checks every string of an array whose items may be null; a null passes, as no string rule applies
    /// to it.
    public mutating func check(each values: [String?]?, at key: ValidationKey, _ rule: StringRule) {
        forEachPresent(values, at: key) { rule.failure($0) }
    }

    /// Checks every integer of an array whose items may be null against a numeric rule.
    public mutating func check<Integer: BinaryInteger>(each values: [Integer?]?, at key: ValidationKey, _ rule: NumberRule) {
        forEachPresent(values, at: key) { rule.failure(ExactDecimal(exactly: $0)) }
    }

    /// Checks every number of an array whose items may be null against a numeric rule.
    public mutating func check(each values: [Double?]?, at key: ValidationKey, _ rule: NumberRule) {
        forEachPresent(values, at: key) { rule.failure(ExactDecimal($0)) }
    }

    /// Checks every `Float` of an array whose items may be null against a numeric rule.
    public mutating func check(each values: [Float?]?, at key: ValidationKey, _ rule: NumberRule) {
        forEachPresent(values, at: key) { rule.failure(ExactDecimal($0)) }
    }

    /// Checks every item of an array whose items may be null against `enum` or `const`.
    public mutating func check<Value>(each values: [Value?]?, at key: ValidationKey, _ rule: ValueRule<Value>) {
        forEachPresent(values, at: key) { rule.failure($0) }
    }

    /// Checks every item of an array of a generated string enum whose items may be null: that it is listed,
    /// or a rule of its raw value.
    public mutating func check<Value: OpenEnum>(each values: [Value?]?, at key: ValidationKey, _ rule: ListedRule) {
        forEachPresent(values, at: key) { rule.failure($0) }
    }

    /// Records `failure` of each item that is not null, at its index.
    private mutating func forEachPresent<Value>(_ values: [Value?]?, at key: ValidationKey, _ failure: (Value) -> Failure?) {
        guard let values else { return }
        for (index, value) in values.enumerated() {
            guard let value, let failure = failure(value) else { continue }
            record(failure, at: .key(key), .index(index))
        }
    }

    /// Checks an array against `minItems`, `maxItems` or `uniqueItems`.
    public mutating func check<Element: Hashable>(_ value: [Element]?, at key: ValidationKey, _ rule: ItemsRule) {
        guard let value, let failure = rule.failure(value) else { return }
        record(failure, at: .key(key))
    }

    /// Checks an array of values that are not `Hashable` against `minItems` or `maxItems`;
    /// `uniqueItems` needs `Hashable` items, and passes here.
    public mutating func check<Element>(_ value: [Element]?, at key: ValidationKey, _ rule: ItemsRule) {
        guard let value, let failure = rule.countFailure(value.count) else { return }
        record(failure, at: .key(key))
    }

    /// Checks a dictionary against `minProperties`, `maxProperties` or `required`.
    public mutating func check<Value>(_ value: [String: Value]?, at key: ValidationKey, _ rule: PropertiesRule) {
        guard let value, let failure = rule.failure(value) else { return }
        record(failure, at: .key(key))
    }

    // MARK: Dictionary values

    /// Checks every string value of a dictionary (an object's `additionalProperties`), each at its name,
    /// in the order of the names.
    public mutating func check(eachValue values: [String: String]?, at key: ValidationKey, _ rule: StringRule) {
        forEachValue(values, at: key) { rule.failure($0) }
    }

    /// Checks every integer value of a dictionary against a numeric rule.
    public mutating func check<Integer: BinaryInteger>(
        eachValue values: [String: Integer]?,
        at key: ValidationKey,
        _ rule: NumberRule
    ) {
        forEachValue(values, at: key) { rule.failure(ExactDecimal(exactly: $0)) }
    }

    /// Checks every floating-point value of a dictionary against a numeric rule.
    public mutating func check(eachValue values: [String: Double]?, at key: ValidationKey, _ rule: NumberRule) {
        forEachValue(values, at: key) { rule.failure(ExactDecimal($0)) }
    }

    /// Checks every `Float` value of a dictionary against a numeric rule.
    public mutating func check(eachValue values: [String: Float]?, at key: ValidationKey, _ rule: NumberRule) {
        forEachValue(values, at: key) { rule.failure(ExactDecimal($0)) }
    }

    /// Checks every value of a dictionary of a generated string enum: that it is listed, or a rule of its
    /// raw value.
    public mutating func check<Value: OpenEnum>(
        eachValue values: [String: Value]?,
        at key: ValidationKey,
        _ rule: ListedRule
    ) {
        forEachValue(values, at: key) { rule.failure($0) }
    }

    // MARK: Dictionaries whose values may be null

    /// Checks every string value of a dictionary whose values may be null; a null passes, as no string
    /// rule applies to it.
    public mutating func check(eachValue values: [String: String?]?, at key: ValidationKey, _ rule: StringRule) {
        forEachValue(values?.compactMapValues { $0 }, at: key) { rule.failure($0) }
    }

    /// Checks every integer value of a dictionary whose values may be null against a numeric rule.
    public mutating func check<Integer: BinaryInteger>(
        eachValue values: [String: Integer?]?,
        at key: ValidationKey,
        _ rule: NumberRule
    ) {
        forEachValue(values?.compactMapValues { $0 }, at: key) { rule.failure(ExactDecimal(exactly: $0)) }
    }

    /// Checks every number value of a dictionary whose values may be null against a numeric rule.
    public mutating func check(eachValue values: [String: Double?]?, at key: ValidationKey, _ rule: NumberRule) {
        forEachValue(values?.compactMapValues { $0 }, at: key) { rule.failure(ExactDecimal($0)) }
    }

    /// Checks every `Float` value of a dictionary whose values may be null against a numeric rule.
    public mutating func check(eachValue values: [String: Float?]?, at key: ValidationKey, _ rule: NumberRule) {
        forEachValue(values?.compactMapValues { $0 }, at: key) { rule.failure(ExactDecimal($0)) }
    }

    /// Checks every value of a dictionary whose values may be null against `enum` or `const`.
    public mutating func check<Value>(eachValue values: [String: Value?]?, at key: ValidationKey, _ rule: ValueRule<Value>) {
        forEachValue(values?.compactMapValues { $0 }, at: key) { rule.failure($0) }
    }

    /// Checks every value of a dictionary of a generated string enum whose values may be null: that it is
    /// listed, or a rule of its raw value.
    public mutating func check<Value: OpenEnum>(
        eachValue values: [String: Value?]?,
        at key: ValidationKey,
        _ rule: ListedRule
    ) {
        forEachValue(values?.compactMapValues { $0 }, at: key) { rule.failure($0) }
    }

    private mutating func forEachValue<Value>(
        _ values: [String: Value]?,
        at key: ValidationKey,
        _ failure: (Value) -> Failure?
    ) {
        guard let values else { return }
        for name in values.keys.sorted() {
            guard let failure = failure(values[name]!) else { continue }
            record(failure, at: .key(key), .name(name))
        }
    }

    // MARK: Values of any JSON type

    /// Checks a value of a schema without a single `type` against `maxLength`, `minLength`, `pattern` or
    /// `format`: as in JSON Schema, the rule only says something about a string.
    public mutating func check(_ value: JSONValue?, at key: ValidationKey, _ rule: StringRule) {
        guard case .string(let string)? = value, let failure = rule.failure(string) else { return }
        record(failure, at: .key(key))
    }

    /// Checks a value of a schema without a single `type` against a numeric rule, which only says
    /// something about a number.
    public mutating func check(_ value: JSONValue?, at key: ValidationKey, _ rule: NumberRule) {
        let failure: Failure?
        switch value {
        case .integer(let integer)?: failure = rule.failure(ExactDecimal(exactly: integer))
        case .number(let number)?: failure = rule.failure(ExactDecimal(number))
        default: return
        }
        guard let failure else { return }
        record(failure, at: .key(key))
    }

    /// Checks a value of a schema without a single `type` against `minItems`, `maxItems` or
    /// `uniqueItems`, which only say something about an array.
    public mutating func check(_ value: JSONValue?, at key: ValidationKey, _ rule: ItemsRule) {
        guard case .array(let items)? = value, let failure = rule.failure(items) else { return }
        record(failure, at: .key(key))
    }

    /// Checks a value of a schema without a single `type` against `minProperties`, `maxProperties` or
    /// `required`, which only say something about an object.
    public mutating func check(_ value: JSONValue?, at key: ValidationKey, _ rule: PropertiesRule) {
        guard case .object(let object)? = value, let failure = rule.failure(object) else { return }
        record(failure, at: .key(key))
    }

    // MARK: Names

    /// Checks each name of a dictionary against its schema's `propertyNames`, at the name.
    public mutating func check<Value>(namesOf values: [String: Value]?, at key: ValidationKey, _ rule: StringRule) {
        forEachName(values?.keys, at: key) { rule.failure($0) }
    }

    /// Checks each name of a dictionary against the `enum` or `const` of its schema's `propertyNames`.
    public mutating func check<Value>(
        namesOf values: [String: Value]?,
        at key: ValidationKey,
        _ rule: ValueRule<String>
    ) {
        forEachName(values?.keys, at: key) { rule.failure($0) }
    }

    /// Checks each name of a value that is an object against its schema's `propertyNames`.
    public mutating func check(namesOf value: JSONValue?, at key: ValidationKey, _ rule: StringRule) {
        guard case .object(let object)? = value else { return }
        forEachName(object.keys, at: key) { rule.failure($0) }
    }

    /// Checks each name of a value that is an object against the `enum` or `const` of its schema's
    /// `propertyNames`.
    public mutating func check(namesOf value: JSONValue?, at key: ValidationKey, _ rule: ValueRule<String>) {
        guard case .object(let object)? = value else { return }
        forEachName(object.keys, at: key) { rule.failure($0) }
    }

    /// Records the failure of each name, in name order, at the name: `length 5 exceeds maxLength 3`
    /// becomes `name length 5 exceeds maxLength 3`.
    private mutating func forEachName<Names: Collection<String>>(
        _ names: Names?,
        at key: ValidationKey,
        _ failure: (String) -> Failure?
    ) {
        guard let names else { return }
        for name in names.sorted() {
            guard let broken = failure(name) else { continue }
            let failure = Failure(broken.keyword, limit: broken.limit, message: "name " + broken.message)
            record(failure, at: .key(key), .name(name))
        }
    }

    /// Checks a value of a schema of several types, or of `null` alone, against its `type`.
    public mutating func check(_ value: JSONValue?, at key: ValidationKey, _ rule: TypeRule) {
        guard let value, let failure = rule.failure(value) else { return }
        record(failure, at: .key(key))
    }

    /// Checks a value against `enum` or `const`.
    public mutating func check<Value>(_ value: Value?, at key: ValidationKey, _ rule: ValueRule<Value>) {
        guard let value, let failure = rule.failure(value) else { return }
        record(failure, at: .key(key))
    }

    /// Checks every element of an array against its schema's `enum` or `const`.
    public mutating func check<Value>(each values: [Value]?, at key: ValidationKey, _ rule: ValueRule<Value>) {
        guard let values else { return }
        for (index, value) in values.enumerated() {
            guard let failure = rule.failure(value) else { continue }
            record(failure, at: .key(key), .index(index))
        }
    }

    /// Checks every value of a dictionary against its schema's `enum` or `const`, each at its name.
    public mutating func check<Value>(eachValue values: [String: Value]?, at key: ValidationKey, _ rule: ValueRule<Value>) {
        forEachValue(values, at: key) { rule.failure($0) }
    }

    /// Checks a value of a generated string enum: that it is one the spec lists (not `unknown`), or a rule
    /// of its raw value (`maxLength`, or an `enum` that narrows the list).
    public mutating func check<Value: OpenEnum>(_ value: Value?, at key: ValidationKey, _ rule: ListedRule) {
        guard let value, let failure = rule.failure(value) else { return }
        record(failure, at: .key(key))
    }

    /// Checks every value of an array of a generated string enum: that it is listed, or a rule of its raw
    /// value.
    public mutating func check<Value: OpenEnum>(each values: [Value]?, at key: ValidationKey, _ rule: ListedRule) {
        guard let values else { return }
        for (index, value) in values.enumerated() {
            guard let failure = rule.failure(value) else { continue }
            record(failure, at: .key(key), .index(index))
        }
    }

    // MARK: Members that are arrays or dictionaries

    /// Runs `checks` on every item of an array, each at its index: for items that are arrays or
    /// dictionaries themselves, whose constraints the checks above cannot reach. Inside, `.here` is the
    /// item.
    ///
    /// ```swift
    /// context.check(each: coordinates, at: "coordinates") { context, item in
    ///     context.check(item, at: .here, .minItems(2))
    ///     context.check(each: item, at: .here, .maximum(180))
    /// }
    /// ```
    public mutating func check<Element>(
        each values: [Element]?,
        at key: ValidationKey,
        _ checks: (inout ValidationContext, Element) -> Void
    ) {
        guard let values else { return }
        components.append(.key(key))
        for (index, value) in values.enumerated() {
            components.append(.index(index))
            checks(&self, value)
            components.removeLast()
        }
        components.removeLast()
    }

    /// Runs `checks` on every item of an array with its position, each at its index: for a tuple
    /// (`prefixItems`), whose items each have rules of their own. Inside, `.here` is the item.
    ///
    /// ```swift
    /// context.check(positions: point, at: "point") { context, position, item in
    ///     switch position {
    ///     case 0: context.check(item, at: .here, .maximum(180))
    ///     default: break
    ///     }
    /// }
    /// ```
    public mutating func check<Element>(
        positions values: [Element]?,
        at key: ValidationKey,
        _ checks: (inout ValidationContext, Int, Element) -> Void
    ) {
        guard let values else { return }
        components.append(.key(key))
        for (index, value) in values.enumerated() {
            components.append(.index(index))
            checks(&self, index, value)
            components.removeLast()
        }
        components.removeLast()
    }

    /// Runs `checks` on every item of a JSON array with its position, each at its index; a value of
    /// another type has no items to check.
    public mutating func check(
        positions value: JSONValue?,
        at key: ValidationKey,
        _ checks: (inout ValidationContext, Int, JSONValue) -> Void
    ) {
        guard case .array(let values)? = value else { return }
        check(positions: values, at: key, checks)
    }

    /// Runs `checks` on every value of a dictionary whose name a pattern matches (`patternProperties`),
    /// once for each such pattern with its index in `patterns`, and once with `patterns.count` for a value
    /// whose name none matches (`additionalProperties`); when `closed`, such a value is a violation
    /// instead (with no patterns, every value: `additionalProperties: false` alone). Each is checked at its
    /// name, in the order of the names; inside, `.here` is the value.
    ///
    /// ```swift
    /// context.check(patternProperties: labels, at: "labels", Self.labelsNamePatterns) { context, pattern, value in
    ///     switch pattern {
    ///     case 0: context.check(value, at: .here, .maxLength(64))
    ///     default: break
    ///     }
    /// }
    /// ```
    ///
    /// With no patterns and `closed`, every name is one too many (`additionalProperties: false` alone), and there
    /// is nothing to check inside: `context.check(patternProperties: labels, at: "labels", [], closed: true)`.
    public mutating func check<Value>(
        patternProperties values: [String: Value]?,
        at key: ValidationKey,
        _ patterns: [Pattern],
        closed: Bool = false,
        _ checks: (inout ValidationContext, Int, Value) -> Void = { _, _, _ in }
    ) {
        guard let values else { return }
        components.append(.key(key))
        for name in values.keys.sorted() {
            let value = values[name]!
            components.append(.name(name))
            var matched = false
            for (index, pattern) in patterns.enumerated() where pattern.matches(name) {
                matched = true
                checks(&self, index, value)
            }
            if !matched {
                if closed {
                    record(patterns.isEmpty ? Self.undeclaredFailure : Self.unmatchedFailure)
                } else {
                    checks(&self, patterns.count, value)
                }
            }
            components.removeLast()
        }
        components.removeLast()
    }

    /// Checks `patternProperties` on a JSON object; a value of another type has no properties to check.
    public mutating func check(
        patternProperties value: JSONValue?,
        at key: ValidationKey,
        _ patterns: [Pattern],
        closed: Bool = false,
        _ checks: (inout ValidationContext, Int, JSONValue) -> Void = { _, _, _ in }
    ) {
        guard case .object(let values)? = value else { return }
        check(patternProperties: values, at: key, patterns, closed: closed, checks)
    }

    private static let unmatchedFailure = Failure(
        .additionalProperties,
        limit: nil,
        message: "is a name that no pattern of patternProperties matches (additionalProperties: false)"
    )

    /// Runs `checks` on every value of a dictionary, each at its name, in the order of the names; inside,
    /// `.here` is the value.
    public mutating func check<Value>(
        eachValue values: [String: Value]?,
        at key: ValidationKey,
        _ checks: (inout ValidationContext, Value) -> Void
    ) {
        guard let values else { return }
        components.append(.key(key))
        for name in values.keys.sorted() {
            components.append(.name(name))
            checks(&self, values[name]!)
            components.removeLast()
        }
        components.removeLast()
    }

    /// Runs `checks` on the value of the property `name` of a dictionary, when it has one, at its name:
    /// `properties` of an object that no generated struct declares, in a subschema (`not`, `if`, ...).
    ///
    /// ```swift
    /// context.check(property: "kind", of: metadata, at: "metadata") { context, value in
    ///     context.check(value, at: .here, .maxLength(16))
    /// }
    /// ```
    public mutating func check<Value>(
        property name: String,
        of values: [String: Value]?,
        at key: ValidationKey,
        _ checks: (inout ValidationContext, Value) -> Void
    ) {
        guard let value = values?[name] else { return }
        components.append(.key(key))
        components.append(.name(name))
        checks(&self, value)
        components.removeLast(2)
    }

    /// Runs `checks` on the value of the property `name` of a JSON object, when it has one; a value of
    /// another type has no properties.
    public mutating func check(
        property name: String,
        of value: JSONValue?,
        at key: ValidationKey,
        _ checks: (inout ValidationContext, JSONValue) -> Void
    ) {
        guard case .object(let values)? = value else { return }
        check(property: name, of: values, at: key, checks)
    }

    // MARK: Presence

    /// Checks `required` for a property of a generated struct, as a `not: {required: [...]}` subschema
    /// does: a `nil` value is missing, reported at the object.
    public mutating func check<Value>(present value: Value?, at key: ValidationKey) {
        guard value == nil else { return }
        let name = key.name?.description ?? ""
        record(Failure(.required, limit: name, message: "misses required property \(name)"))
    }

    /// Checks `dependentRequired` for a property of a generated struct, when the property `trigger`
    /// is present: a `nil` value is missing, reported at the object.
    public mutating func check<Value>(present value: Value?, at key: ValidationKey, requiredBy trigger: String) {
        guard value == nil else { return }
        record(PropertiesRule.dependentFailure(key.name?.description ?? "", by: trigger))
    }

    // MARK: Undeclared properties

    /// Checks `additionalProperties: false`: records a violation at each key the value arrived with that
    /// its schema does not declare (a generated struct keeps them from decoding).
    public mutating func check(undeclaredKeys keys: [String]) {
        for key in keys {
            record(Self.undeclaredFailure, at: .name(key))
        }
    }

    private static let undeclaredFailure = Failure(
        .additionalProperties,
        limit: nil,
        message: "is not a property the schema declares (additionalProperties: false)"
    )

    // MARK: Negation

    /// Checks `not`: records a violation at `key` when `value` meets every constraint of the `not`
    /// subschema, which `subschema` checks on a context of its own (whose violations are dropped).
    ///
    /// ```swift
    /// context.checkNot(nickname, at: "nickname") { subschema, value in
    ///     subschema.check(value, at: "nickname", .maxLength(0))
    /// }
    /// ```
    public mutating func checkNot<Value>(
        _ value: Value?,
        at key: ValidationKey,
        _ subschema: (inout ValidationContext, Value) -> Void
    ) {
        guard let value, Self.matches(value, subschema) else { return }
        record(Self.notFailure, at: .key(key))
    }

    /// Checks `not` on every element of an array.
    public mutating func checkNot<Value>(
        each values: [Value]?,
        at key: ValidationKey,
        _ subschema: (inout ValidationContext, Value) -> Void
    ) {
        guard let values else { return }
        for (index, value) in values.enumerated() where Self.matches(value, subschema) {
            record(Self.notFailure, at: .key(key), .index(index))
        }
    }

    /// Checks `not` on every value of a dictionary, each at its name.
    public mutating func checkNot<Value>(
        eachValue values: [String: Value]?,
        at key: ValidationKey,
        _ subschema: (inout ValidationContext, Value) -> Void
    ) {
        forEachValue(values, at: key) { Self.matches($0, subschema) ? Self.notFailure : nil }
    }

    private static let notFailure = Failure(.not, limit: nil, message: "matches the schema it must not match (not)")

    // MARK: Conditions

    /// Checks `if`, `then` and `else`: when `value` meets every constraint of the `if` subschema, which
    /// `condition` checks on a context of its own (whose violations are dropped), `then` checks it, else
    /// `otherwise` does, each recording what the value breaks at its own path. `if` itself never reports,
    /// and a `nil` value is checked by neither.
    ///
    /// ```swift
    /// context.checkIf(self) { subschema, value in
    ///     subschema.check(value.country, at: "country", .const("US"))
    ///     subschema.check(present: value.country, at: "country")
    /// } then: { context, value in
    ///     context.check(value.postalCode, at: "postalCode", .pattern(Self.postalCodeThenPattern))
    /// } else: { context, value in
    ///     context.check(present: value.postalCode, at: "postalCode")
    /// }
    /// ```
    public mutating func checkIf<Value>(
        _ value: Value?,
        _ condition: (inout ValidationContext, Value) -> Void,
        then: (inout ValidationContext, Value) -> Void = { _, _ in },
        else otherwise: (inout ValidationContext, Value) -> Void = { _, _ in }
    ) {
        guard let value else { return }
        if Self.matches(value, condition) {
            then(&self, value)
        } else {
            otherwise(&self, value)
        }
    }

    // MARK: Choices

    /// Checks `oneOf`: `value` must meet exactly one of `count` subschemas, which `subschema` checks by
    /// index, each on a context of its own. A value that meets none is reported at `key` with what each
    /// subschema found (`matches no subschema of oneOf: 1) misses required property email; 2) misses required
    /// property phone`), one that meets several with their numbers, counted from 1; a `nil` value is not
    /// checked.
    ///
    /// ```swift
    /// context.checkOneOf(self, at: .here, subschemas: 2) { subschema, index, value in
    ///     switch index {
    ///     case 0:
    ///         subschema.check(present: value.email, at: "email")
    ///     case 1:
    ///         subschema.check(present: value.phone, at: "phone")
    ///     default:
    ///         break
    ///     }
    /// }
    /// ```
    public mutating func checkOneOf<Value>(
        _ value: Value?,
        at key: ValidationKey,
        subschemas count: Int,
        _ subschema: (inout ValidationContext, Int, Value) -> Void
    ) {
        guard let value else { return }
        var matches = 0
        for index in 0..<count where Self.matches(value, { subschema(&$0, index, $1) }) { matches += 1 }
        guard matches != 1 else { return }
        // Broken: what each subschema finds, worked out again only now.
        let found = (0..<count).map { index in Self.violations(of: value) { subschema(&$0, index, $1) } }
        guard matches > 1 else {
            record(Self.noMatchFailure(.oneOf, found), at: .key(key))
            return
        }
        let numbers = found.indices.filter { found[$0].isEmpty }.map { String($0 + 1) }
        let list = numbers.dropLast().joined(separator: ", ") + " and " + numbers[numbers.count - 1]
        let message = "matches subschemas \(list) of oneOf, where exactly one must match"
        record(Failure(.oneOf, limit: nil, message: message), at: .key(key))
    }

    /// Checks `anyOf`: `value` must meet at least one of `count` subschemas, which `subschema` checks by
    /// index, each on a context of its own. A value that meets none is reported at `key` with what each
    /// subschema found, as for ``checkOneOf(_:at:subschemas:_:)``; a `nil` value is not checked.
    public mutating func checkAnyOf<Value>(
        _ value: Value?,
        at key: ValidationKey,
        subschemas count: Int,
        _ subschema: (inout ValidationContext, Int, Value) -> Void
    ) {
        guard let value else { return }
        for index in 0..<count where Self.matches(value, { subschema(&$0, index, $1) }) { return }
        let found = (0..<count).map { index in Self.violations(of: value) { subschema(&$0, index, $1) } }
        record(Self.noMatchFailure(.anyOf, found), at: .key(key))
    }

    /// `matches no subschema of oneOf: 1) misses required property email; 2) ...`: what each subschema
    /// found, by its number, its violations' paths relative to the value.
    private static func noMatchFailure(_ keyword: Violation.Keyword, _ found: [[Violation]]) -> Failure {
        var message = "matches no subschema of \(keyword.rawValue)"
        for (index, violations) in found.enumerated() {
            message += (index == 0 ? ": " : "; ") + "\(index + 1)) "
            message += violations.map(\.description).joined(separator: ", ")
        }
        return Failure(keyword, limit: nil, message: message)
    }

    /// Checks `contains`: at least `min` items of an array, and at most `max`, match the schema whose
    /// rules `subschema` checks (`minContains` and `maxContains`, 1 and none when not given). A
    /// violation is reported at the array, as `minContains` or `maxContains`.
    ///
    /// ```swift
    /// context.check(contains: tags, at: "tags", min: 1) { subschema, item in
    ///     subschema.check(item, at: .here, .pattern(Self.tagsContainsPattern))
    /// }
    /// ```
    public mutating func check<Element>(
        contains values: [Element]?,
        at key: ValidationKey,
        min: Int,
        max: Int? = nil,
        _ subschema: (inout ValidationContext, Element) -> Void
    ) {
        guard let values else { return }
        var count = 0
        for value in values where Self.matches(value, subschema) { count += 1 }
        if count < min {
            let message =
                count == 0 && min == 1
                ? "has no item that matches contains"
                : "count \(count) of items that match contains is below minContains \(min)"
            record(Failure(.minContains, limit: String(min), message: message), at: .key(key))
        }
        if let max, count > max {
            let message = "count \(count) of items that match contains exceeds maxContains \(max)"
            record(Failure(.maxContains, limit: String(max), message: message), at: .key(key))
        }
    }

    /// Checks `contains` on a JSON array; a value of another type meets it.
    public mutating func check(
        contains value: JSONValue?,
        at key: ValidationKey,
        min: Int,
        max: Int? = nil,
        _ subschema: (inout ValidationContext, JSONValue) -> Void
    ) {
        guard case .array(let values)? = value else { return }
        check(contains: values, at: key, min: min, max: max, subschema)
    }

    private static func matches<Value>(_ value: Value, _ subschema: (inout ValidationContext, Value) -> Void) -> Bool {
        var inner = ValidationContext()
        subschema(&inner, value)
        return inner.violations.isEmpty
    }

    /// What `subschema` finds in `value`, checked on a context of its own: paths are relative to the value.
    private static func violations<Value>(
        of value: Value,
        _ subschema: (inout ValidationContext, Value) -> Void
    ) -> [Violation] {
        var inner = ValidationContext()
        subschema(&inner, value)
        return inner.violations
    }

    // MARK: Nested values

    /// Validates a nested value (a model, or an array or dictionary of models) at `key`.
    public mutating func validate(_ value: (some Validatable)?, at key: ValidationKey) {
        guard let value else { return }
        components.append(.key(key))
        value.validate(into: &self)
        components.removeLast()
    }

    // MARK: Recording

    private mutating func record(_ failure: Failure, at last: Component...) {
        let path = Self.path(components + last)
        let violation = Violation(path: path, keyword: failure.keyword, limit: failure.limit, message: failure.message)
        violations.append(violation)
    }

    /// `items[2].name`; a key that is not a plain identifier is quoted: `tags["a.b"]`.
    private static func path(_ components: [Component]) -> String {
        var path = ""
        for component in components {
            switch component {
            case .index(let index):
                path += "[\(index)]"
            case .key(let key):
                if let name = key.name { append(name.description, to: &path) }
                if let member = key.member { append(member.description, to: &path) }
            case .name(let name):
                append(name, to: &path)
            }
        }
        return path
    }

    private static func append(_ name: String, to path: inout String) {
        let isPlain = !name.isEmpty && name.utf8.allSatisfy(isPlainKeyByte)
        if !isPlain {
            var quoted = "[\""
            for character in name {
                if character == "\"" || character == "\\" { quoted.append("\\") }
                quoted.append(character)
            }
            path += quoted + "\"]"
        } else if path.isEmpty {
            path = name
        } else {
            path += "." + name
        }
    }

    /// `A-Z a-z 0-9 _ - $`: a key made of these is written without quotes.
    private static func isPlainKeyByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "$"):
            true
        default:
            false
        }
    }
}
