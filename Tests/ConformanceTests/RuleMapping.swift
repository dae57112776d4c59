import SpecsmithRuntime
import SpecsmithYAML

@testable import SpecsmithCore

/// The runtime rule that generated code holds for a ``ValidationRule``: one case per line, parallel to
/// `Renderer.expression(_:type:)`, which writes the same value as Swift text.
enum RuntimeRule {
    case type(TypeRule)
    case string(StringRule)
    case number(NumberRule)
    case items(ItemsRule)
    case properties(PropertiesRule)
    case listed(ListedRule)
    /// `.enum([...])`: each value as the Swift value of its literal for the property's type, values without
    /// a literal of that type left out (as `Renderer.literal` leaves them out).
    case enumeration([any Sendable])
    /// `.const(...)`: `nil` when the value has no literal of the type, where the renderer writes `nil`.
    case const((any Sendable)?)
    /// `checkNot`: the subschema's rules, checked on a context of their own.
    case not([RuntimeRule])
    /// `check(each:)` or `check(eachValue:)` with a closure: rules of members that are arrays or
    /// dictionaries themselves.
    case members([RuntimeRule])
    /// `check(namesOf:)`: the rules of `propertyNames`, on each name.
    case propertyNames([RuntimeRule])
    /// `check(positions:)` with a closure: a tuple's rules for each position, and `items`' after them.
    case prefixItems([[RuntimeRule]], rest: [RuntimeRule])
    /// `check(contains:)` with a closure: the rules of the `contains` subschema, and the counts.
    case contains([RuntimeRule], min: Int, max: Int?)
    /// `check(patternProperties:)` with a closure: each pattern's rules, the others', and `closed`.
    case patternProperties([String], [[RuntimeRule]], rest: [RuntimeRule], closed: Bool)
    /// `check(property:of:)` with a closure: the rules of the property's value.
    case property(String, [RuntimeRule])
    /// `checkIf` with a closure for each of `if`, `then` and `else`.
    case conditional([RuntimeRule], then: [RuntimeRule], else: [RuntimeRule])

    /// The name of the runtime case, as the generated expression starts: `maxLength` for `.maxLength(64)`.
    var caseName: String {
        switch self {
        case .type: "type"
        case .string(.maxLength): "maxLength"
        case .string(.minLength): "minLength"
        case .string(.pattern): "pattern"
        case .string(.format): "format"
        case .number(.minimum): "minimum"
        case .number(.maximum): "maximum"
        case .number(.exclusiveMinimum): "exclusiveMinimum"
        case .number(.exclusiveMaximum): "exclusiveMaximum"
        case .number(.multipleOf): "multipleOf"
        case .items(.minItems): "minItems"
        case .items(.maxItems): "maxItems"
        case .items(.uniqueItems): "uniqueItems"
        case .properties(.minProperties): "minProperties"
        case .properties(.maxProperties): "maxProperties"
        case .properties(.required): "required"
        case .properties(.dependentRequired): "dependentRequired"
        case .listed(.listed): "listed"
        case .listed(.enum): "enum"
        case .listed(.const): "const"
        case .listed(.maxLength): "maxLength"
        case .listed(.minLength): "minLength"
        case .listed(.pattern): "pattern"
        case .listed(.format): "format"
        case .enumeration: "enum"
        case .const: "const"
        case .not: "not"
        case .members: "members"
        case .propertyNames: "propertyNames"
        case .prefixItems: "prefixItems"
        case .contains: "contains"
        case .patternProperties: "patternProperties"
        case .conditional: "conditional"
        case .property: "property"
        }
    }

    /// The rule generated code checks for `rule` on a value of Swift type `type`.
    static func make(_ rule: ValidationRule, type: String) -> RuntimeRule {
        // A string's rules on a value of a generated string enum are a ListedRule of its raw value.
        let isEnum = type != "JSONValue" && !type.hasPrefix("[") && !["String", "Int", "Double", "Bool"].contains(type)
        switch rule {
        case .maxLength(let n) where isEnum: return .listed(.maxLength(n))
        case .minLength(let n) where isEnum: return .listed(.minLength(n))
        case .pattern(let p) where isEnum: return .listed(.pattern(Pattern(p)))
        case .format(let name) where isEnum: return .listed(.format(StringRule.Format(rawValue: name)!))
        default: break
        }
        return switch rule {
        case .type(let types): .type(.type(JSONTypes(types.map(jsonTypes))))
        case .listed: .listed(.listed)
        case .rawEnumeration(let values): .listed(.enum(values))
        case .rawConst(let value): .listed(.const(value))
        case .enumeration(let values): .enumeration(values.compactMap { literal($0, type: type) })
        case .const(let value): .const(literal(value, type: type))
        case .maxLength(let n): .string(.maxLength(n))
        case .minLength(let n): .string(.minLength(n))
        case .pattern(let p): .string(.pattern(Pattern(p)))
        case .format(let name): .string(.format(StringRule.Format(rawValue: name)!))
        case .minimum(let n): .number(.minimum(decimal(n)))
        case .maximum(let n): .number(.maximum(decimal(n)))
        case .exclusiveMinimum(let n): .number(.exclusiveMinimum(decimal(n)))
        case .exclusiveMaximum(let n): .number(.exclusiveMaximum(decimal(n)))
        case .multipleOf(let n): .number(.multipleOf(decimal(n)))
        case .minItems(let n): .items(.minItems(n))
        case .maxItems(let n): .items(.maxItems(n))
        case .uniqueItems: .items(.uniqueItems)
        case .minProperties(let n): .properties(.minProperties(n))
        case .maxProperties(let n): .properties(.maxProperties(n))
        case .required(let name): .properties(.required(name))
        case .dependentRequired(let name, let trigger): .properties(.dependentRequired(name, by: trigger))
        case .not(let rules): .not(rules.map { make($0, type: type) })
        case .propertyNames(let rules): .propertyNames(rules.map { make($0, type: "String") })
        case .prefixItems(let positions, let rest):
            .prefixItems(
                positions.map { rules in rules.map { make($0, type: itemType(type)) } },
                rest: rest.map { make($0, type: itemType(type)) }
            )
        case .contains(let rules, let min, let max): .contains(rules.map { make($0, type: itemType(type)) }, min: min, max: max)
        case .patternProperties(let patterns, let rules, let rest, let closed):
            .patternProperties(
                patterns,
                rules.map { rules in rules.map { make($0, type: valueType(type)) } },
                rest: rest.map { make($0, type: valueType(type)) },
                closed: closed
            )
        case .property(let name, let rules): .property(name, rules.map { make($0, type: valueType(type)) })
        case .conditional(let condition, let then, let otherwise):
            .conditional(
                condition.map { make($0, type: type) }, then: then.map { make($0, type: type) },
                else: otherwise.map { make($0, type: type) })
        case .members(let rules):
            .members(
                rules.map { make($0, type: String(type.dropFirst(type.hasPrefix("[String: ") ? 9 : 1).dropLast())) }
            )
        }
    }

    /// The Swift type of an item of an array of Swift type `type`; a JSONValue's items are JSONValues.
    static func itemType(_ type: String) -> String {
        type == "JSONValue" ? type : String(type.dropFirst().dropLast())
    }

    /// The Swift type of a value of a dictionary of Swift type `type`; a JSONValue's values are JSONValues.
    static func valueType(_ type: String) -> String {
        type == "JSONValue" ? type : String(type.dropFirst("[String: ".count).dropLast())
    }

    /// The runtime's type for a schema's, as `Renderer.expression(_:type:)` spells it (`.integer`).
    static func jsonTypes(_ type: SchemaType) -> JSONTypes {
        switch type {
        case .null: .null
        case .boolean: .boolean
        case .object: .object
        case .array: .array
        case .number: .number
        case .string: .string
        case .integer: .integer
        }
    }

    /// The value of the literal `Renderer.literal(value, type:)` writes, or `nil` when it writes none.
    static func literal(_ value: SpecsmithCore.JSONValue, type: String) -> (any Sendable)? {
        guard let text = Renderer.literal(value, type: type) else { return nil }
        switch (value, type) {
        case (.string(let s), "String"): return s
        case (.number, "Int"): return Int(text)
        case (.number, "Int32"): return Int32(text)
        case (.number, "Int64"): return Int64(text)
        case (.number, "Double"): return Double(text)
        case (.bool(let b), "Bool"): return b
        case (_, "JSONValue"): return jsonLiteral(value)
        default: return nil
        }
    }

    /// The value of `Renderer.jsonLiteral(value)`: an integer literal is `.integer`, a floating-point
    /// literal (`-2.0`, `1e-08`) is `.number`, `nil` is `.null`.
    static func jsonLiteral(_ value: SpecsmithCore.JSONValue) -> SpecsmithRuntime.JSONValue {
        switch value {
        case .null: return nil
        case .bool(let b): return .bool(b)
        case .number(let n):
            if let integer = Int64(n.text) { return .integer(integer) }
            return .number(Double(n.text)!)
        case .string(let s): return .string(s)
        case .array(let items): return .array(items.map(jsonLiteral))
        case .object(let map):
            return .object(
                Dictionary(map.map { ($0.key, jsonLiteral($0.value)) }, uniquingKeysWith: { _, last in last })
            )
        }
    }

    /// `Renderer.decimal`: an integer literal when the number is an integer that fits in 64 bits, else the
    /// spec's text as a string literal.
    static func decimal(_ number: YAMLNumber) -> ExactDecimal {
        if number.isInteger, let integer = Int64(number.text) { return ExactDecimal(integerLiteral: integer) }
        return ExactDecimal(stringLiteral: number.text)
    }
}
