import Foundation
import SpecsmithDiagnostics
import SpecsmithRuntime

@testable import SpecsmithCore

/// Something the harness cannot run the way generated code would: a failure of the harness, not a skip.
struct HarnessError: Error, CustomStringConvertible {
    let description: String
}

/// A string enum like a generated ``OpenEnum``, whose listed values are those of the schema being run.
enum DynamicEnum: OpenEnum {
    case listed(Int)
    case unknown(String)

    /// The raw values the spec lists, in order.
    @TaskLocal static var values: [String] = []

    static var allCases: [DynamicEnum] { values.indices.map { .listed($0) } }

    var rawValue: String {
        switch self {
        case .listed(let index): Self.values[index]
        case .unknown(let rawValue): rawValue
        }
    }
}

/// The checks a decoded value runs, as its generated `validate(into:)` would.
typealias Checks = (inout ValidationContext) throws -> Void

/// A generated struct, decoded as its synthesized `Codable` conformance decodes it: each property by its
/// Swift type, `decodeIfPresent` for an optional one.
struct DynamicStruct: Decodable {
    struct Plan: Sendable {
        let declaration: StructDeclaration
        /// The declarations its property types may name.
        let scope: [TypeDeclaration]
    }

    @TaskLocal static var plan: Plan?

    struct Key: CodingKey {
        let stringValue: String
        init(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    /// One check per property, in declaration order.
    let checks: [Checks]

    init(from decoder: any Decoder) throws {
        guard let plan = Self.plan else { throw HarnessError(description: "no struct plan") }
        // Checks of the object besides its properties' would be left out: a case must fail, not pass.
        guard !plan.declaration.hasObjectChecks else {
            throw HarnessError(description: "an object's checks besides its properties' are not run by the harness")
        }
        let container = try decoder.container(keyedBy: Key.self)
        let scope = plan.scope + plan.declaration.nested
        checks = try plan.declaration.properties.map { property in
            try Self.decode(property, type: property.type, from: container, scope: scope)
        }
    }

    static func decode(
        _ property: PropertyDeclaration,
        type: String,
        from container: KeyedDecodingContainer<Key>,
        scope: [TypeDeclaration]
    ) throws -> Checks {
        let key = Key(stringValue: property.wireName)
        func value<T: Decodable>(_: T.Type) throws -> T? {
            property.isOptional
                ? try container.decodeIfPresent(T.self, forKey: key) : try container.decode(T.self, forKey: key)
        }
        func checks<T: Decodable & Equatable & Sendable>(_ type: T.Type) throws -> Checks {
            let decoded = try value(T.self)
            return { context in try Rules.apply(property, to: decoded, in: &context) }
        }
        switch type {
        case "String": return try checks(String.self)
        case "Int": return try checks(Int.self)
        case "Int32": return try checks(Int32.self)
        case "Int64": return try checks(Int64.self)
        case "Double": return try checks(Double.self)
        case "Float": return try checks(Float.self)
        case "Bool": return try checks(Bool.self)
        case "Date": return try checks(Date.self)
        case "JSONValue": return try checks(SpecsmithRuntime.JSONValue.self)
        case "[JSONValue]": return try checks([SpecsmithRuntime.JSONValue].self)
        case "[String: JSONValue]": return try checks([String: SpecsmithRuntime.JSONValue].self)
        case "[String]": return try checks([String].self)
        case "[Int]": return try checks([Int].self)
        case "[Double]": return try checks([Double].self)
        case "[Bool]": return try checks([Bool].self)
        default: break
        }
        let isArray = type.hasPrefix("[") && type.hasSuffix("]") && !type.contains(":")
        let name = isArray ? String(type.dropFirst().dropLast()) : type
        guard let declaration = scope.first(where: { $0.name == name }) else {
            throw HarnessError(description: "no declaration for type \(type)")
        }
        switch declaration {
        case .enumeration(let enumeration) where enumeration.rawType == "String":
            let values = try enumeration.cases.map { try SwiftStringLiteral.value(of: $0.literal) }
            return try DynamicEnum.$values.withValue(values) {
                if isArray {
                    let decoded = try value([DynamicEnum].self)
                    return { context in
                        try DynamicEnum.$values.withValue(values) {
                            try Rules.apply(property, to: decoded, in: &context)
                        }
                    }
                }
                let decoded = try value(DynamicEnum.self)
                return { context in
                    try DynamicEnum.$values.withValue(values) { try Rules.apply(property, to: decoded, in: &context) }
                }
            }
        case .structure(let structure) where !isArray:
            let plan = Plan(declaration: structure, scope: scope)
            let decoded = try DynamicStruct.$plan.withValue(plan) { try value(DynamicStruct.self) }
            guard property.rules.isEmpty, property.elementRules.isEmpty else {
                throw HarnessError(description: "rules on a struct-typed property")
            }
            return { context in
                // `context.validate(value, at:)` when the struct has checks of its own.
                if property.validatesNested, let decoded {
                    for check in decoded.checks { try check(&context) }
                }
            }
        default:
            throw HarnessError(description: "type \(type) is not run by the harness")
        }
    }
}

/// Applies rules through the runtime's public check API, choosing the overload generated code's call
/// `context.check(value, at: key, rule)` resolves to for the value's Swift type.
enum Rules {
    static func apply<T: Equatable & Sendable>(
        _ property: PropertyDeclaration,
        to value: T?,
        in context: inout ValidationContext
    )
        throws
    {
        for rule in property.rules {
            try apply(RuntimeRule.make(rule, type: property.ruleType), to: value, in: &context)
        }
        let elementType = String(property.ruleType.dropFirst().dropLast())
        for rule in property.elementRules {
            try applyEach(RuntimeRule.make(rule, type: elementType), to: value, in: &context)
        }
    }

    static func apply<T: Equatable & Sendable>(_ rule: RuntimeRule, to value: T?, in context: inout ValidationContext)
        throws
    {
        let any: Any? = value
        switch rule {
        case .type(let rule):
            guard T.self == SpecsmithRuntime.JSONValue.self else {
                throw HarnessError(description: "no check of \(T.self) against a TypeRule")
            }
            context.check(any as! SpecsmithRuntime.JSONValue?, at: "value", rule)
        case .string(let rule):
            if T.self == String.self {
                context.check(any as! String?, at: "value", rule)
            } else if T.self == SpecsmithRuntime.JSONValue.self {
                context.check(any as! SpecsmithRuntime.JSONValue?, at: "value", rule)
            } else {
                throw HarnessError(description: "no check of \(T.self) against a StringRule")
            }
        case .number(let rule):
            switch any {
            case nil: break
            case let v as Int: context.check(v, at: "value", rule)
            case let v as Int32: context.check(v, at: "value", rule)
            case let v as Int64: context.check(v, at: "value", rule)
            case let v as Double: context.check(v, at: "value", rule)
            case let v as SpecsmithRuntime.JSONValue: context.check(v, at: "value", rule)
            default: throw HarnessError(description: "no check of \(T.self) against a NumberRule")
            }
        case .items(let rule):
            switch any {
            case nil: break
            case let v as [SpecsmithRuntime.JSONValue]: context.check(v, at: "value", rule)
            case let v as [String]: context.check(v, at: "value", rule)
            case let v as [Int]: context.check(v, at: "value", rule)
            case let v as [Double]: context.check(v, at: "value", rule)
            case let v as [Bool]: context.check(v, at: "value", rule)
            case let v as [DynamicEnum]: context.check(v, at: "value", rule)
            case let v as SpecsmithRuntime.JSONValue: context.check(v, at: "value", rule)
            default: throw HarnessError(description: "no check of \(T.self) against an ItemsRule")
            }
        case .properties(let rule):
            switch any {
            case nil: break
            case let v as [String: SpecsmithRuntime.JSONValue]: context.check(v, at: "value", rule)
            case let v as SpecsmithRuntime.JSONValue: context.check(v, at: "value", rule)
            default: throw HarnessError(description: "no check of \(T.self) against a PropertiesRule")
            }
        case .listed(let rule):
            guard T.self == DynamicEnum.self else {
                throw HarnessError(description: "no check of \(T.self) against a ListedRule")
            }
            context.check(any as! DynamicEnum?, at: "value", rule)
        case .enumeration(let values):
            let typed = try values.map { value in
                guard let typed = value as? T else {
                    throw HarnessError(description: "enum literal is not a \(T.self)")
                }
                return typed
            }
            context.check(value, at: "value", ValueRule<T>.enum(typed))
        case .const(let expected?):
            guard let typed = expected as? T else {
                throw HarnessError(description: "const literal is not a \(T.self)")
            }
            context.check(value, at: "value", ValueRule<T>.const(typed))
        case .const(nil):
            // The renderer writes `.const(nil)`: a `ValueRule<T?>` that no present value meets.
            context.check(value, at: "value", ValueRule<T?>.const(nil))
        case .not(let rules):
            var failure: (any Error)?
            context.checkNot(value, at: "value") { subschema, value in
                do {
                    for rule in rules { try apply(rule, to: value, in: &subschema) }
                } catch {
                    failure = error
                }
            }
            if let failure { throw failure }
        case .members:
            // The suite's files for these keywords hold no arrays inside arrays.
            throw HarnessError(description: "members' rules (arrays inside arrays) are not run by the harness")
        case .prefixItems(let positions, let rest):
            var failure: (any Error)?
            func byPosition<Item: Equatable & Sendable>(_ items: [Item]) {
                context.check(positions: items, at: "value") { context, position, item in
                    do {
                        for rule in position < positions.count ? positions[position] : rest {
                            try apply(rule, to: item, in: &context)
                        }
                    } catch {
                        failure = error
                    }
                }
            }
            switch any {
            case nil: break
            case let v as [SpecsmithRuntime.JSONValue]: byPosition(v)
            case let v as SpecsmithRuntime.JSONValue:
                // Any other JSON value has no items.
                if case .array(let items) = v { byPosition(items) }
            case let v as [Bool]: byPosition(v)
            case let v as [Int]: byPosition(v)
            case let v as [Double]: byPosition(v)
            case let v as [String]: byPosition(v)
            default: throw HarnessError(description: "no check of \(T.self) by position")
            }
            if let failure { throw failure }
        case .conditional(let condition, let then, let otherwise):
            var failure: (any Error)?
            context.checkIf(value) { subschema, value in
                applyAll(condition, to: value, in: &subschema, failure: &failure)
            } then: { context, value in
                applyAll(then, to: value, in: &context, failure: &failure)
            } else: { context, value in
                applyAll(otherwise, to: value, in: &context, failure: &failure)
            }
            if let failure { throw failure }
        case .patternProperties(let patterns, let rules, let rest, let closed):
            var failure: (any Error)?
            let compiled = patterns.map { Pattern($0) }
            func byName<Value: Equatable & Sendable>(_ values: [String: Value]) {
                context.check(patternProperties: values, at: "value", compiled, closed: closed) {
                    context, index, value in
                    applyAll(index < rules.count ? rules[index] : rest, to: value, in: &context, failure: &failure)
                }
            }
            switch any {
            case nil: break
            case let v as [String: SpecsmithRuntime.JSONValue]: byName(v)
            case let v as SpecsmithRuntime.JSONValue:
                // Any other JSON value has no properties.
                if case .object(let values) = v { byName(values) }
            default: throw HarnessError(description: "no check of \(T.self) by pattern")
            }
            if let failure { throw failure }
        case .property(let name, let rules):
            var failure: (any Error)?
            switch any {
            case nil: break
            case let v as [String: SpecsmithRuntime.JSONValue]:
                context.check(property: name, of: v, at: "value") { context, value in
                    applyAll(rules, to: value, in: &context, failure: &failure)
                }
            case let v as SpecsmithRuntime.JSONValue:
                context.check(property: name, of: v, at: "value") { context, value in
                    applyAll(rules, to: value, in: &context, failure: &failure)
                }
            default: throw HarnessError(description: "no check of \(T.self) by property")
            }
            if let failure { throw failure }
        case .contains:
            // The suite's files for these keywords hold none.
            throw HarnessError(description: "\(rule.caseName) is not run by the harness")
        case .propertyNames:
            // The suite's files for these keywords hold no propertyNames.
            throw HarnessError(description: "propertyNames is not run by the harness")
        }
    }

    /// Applies each rule in turn; the first harness error is kept in `failure`, for a closure that cannot throw.
    static func applyAll<T: Equatable & Sendable>(
        _ rules: [RuntimeRule], to value: T, in context: inout ValidationContext, failure: inout (any Error)?
    ) {
        do {
            for rule in rules { try apply(rule, to: value, in: &context) }
        } catch {
            failure = failure ?? error
        }
    }

    /// `context.check(each: value, at: key, rule)` for an element rule of an array.
    static func applyEach<T>(_ rule: RuntimeRule, to value: T?, in context: inout ValidationContext) throws {
        let any: Any? = value
        switch (rule, any) {
        case (_, nil): break
        case (.string(let rule), let v as [String]): context.check(each: v, at: "value", rule)
        case (.number(let rule), let v as [Int]): context.check(each: v, at: "value", rule)
        case (.number(let rule), let v as [Double]): context.check(each: v, at: "value", rule)
        case (.listed(let rule), let v as [DynamicEnum]): context.check(each: v, at: "value", rule)
        default: throw HarnessError(description: "no element check of \(T.self) against \(rule.caseName)")
        }
    }
}

/// The value of a string literal as `SwiftLiteral.string` writes it: `"a\\n\\u{0}"`.
enum SwiftStringLiteral {
    static func value(of literal: String) throws -> String {
        var scalars = Array(literal.unicodeScalars)
        guard scalars.count >= 2, scalars.first == "\"", scalars.last == "\"" else {
            throw HarnessError(description: "not a string literal: \(literal)")
        }
        scalars = Array(scalars.dropFirst().dropLast())
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            guard scalar == "\\" else {
                result.append(scalar)
                continue
            }
            guard index < scalars.count else { throw HarnessError(description: "dangling escape in \(literal)") }
            let escaped = scalars[index]
            index += 1
            switch escaped {
            case "n": result.append("\n")
            case "r": result.append("\r")
            case "t": result.append("\t")
            case "0": result.append("\0")
            case "\"", "\\", "'": result.append(escaped)
            case "u":
                guard let close = scalars[index...].firstIndex(of: "}"), scalars[index] == "{",
                    let value = UInt32(String(String.UnicodeScalarView(scalars[(index + 1)..<close])), radix: 16),
                    let decoded = Unicode.Scalar(value)
                else { throw HarnessError(description: "bad \\u escape in \(literal)") }
                result.append(decoded)
                index = close + 1
            default:
                throw HarnessError(description: "unknown escape in \(literal)")
            }
        }
        return String(result)
    }
}
