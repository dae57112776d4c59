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

/// A value decoded as generated code holds it, and how its rules are checked on it.
struct Decoded {
    /// Whether the value is `nil`: absent, or null where its Swift type is optional.
    let isNil: Bool
    /// Checks rules on the value (`context.check(value, at: key, rule)`), on each of its elements
    /// (`check(each:)`) and on each of its dictionary values (`check(eachValue:)`), as generated code's
    /// call resolves for the value's Swift type.
    let check:
        (_ rules: [RuntimeRule], _ elements: [RuntimeRule], _ values: [RuntimeRule], inout ValidationContext)
            throws -> Void
    /// The checks of the generated types the value is or holds (`context.validate(value, at: key)`).
    let nested: [Checks]

    static func of<T: Equatable & Sendable>(_ value: T?) -> Decoded {
        Decoded(
            isNil: value == nil,
            check: { rules, elements, values, context in
                for rule in rules { try Rules.apply(rule, to: value, in: &context) }
                for rule in elements { try Rules.applyEach(rule, to: value, in: &context) }
                for rule in values { try Rules.applyEachValue(rule, to: value, in: &context) }
            },
            nested: (value as? any ValidatesNested)?.nestedChecks ?? []
        )
    }

    /// The same value, its checks run with the listed values of a generated string enum in scope.
    func listing(_ enumValues: [String]?) -> Decoded {
        guard let enumValues else { return self }
        let check = self.check
        return Decoded(
            isNil: isNil,
            check: { rules, elements, values, context in
                try DynamicEnum.$values.withValue(enumValues) { try check(rules, elements, values, &context) }
            },
            nested: nested
        )
    }
}

/// A generated type, or an array, dictionary or optional of them, whose own checks `context.validate` runs.
protocol ValidatesNested {
    var nestedChecks: [Checks] { get }
}

extension Array: ValidatesNested {
    var nestedChecks: [Checks] { flatMap { ($0 as? any ValidatesNested)?.nestedChecks ?? [] } }
}

extension Dictionary: ValidatesNested {
    var nestedChecks: [Checks] { values.flatMap { ($0 as? any ValidatesNested)?.nestedChecks ?? [] } }
}

extension Optional: ValidatesNested {
    var nestedChecks: [Checks] { self.flatMap { ($0 as? any ValidatesNested)?.nestedChecks } ?? [] }
}

/// Where a value is decoded from: a property of an object, or a whole value (a case of a union).
enum ValueSource {
    case property(KeyedDecodingContainer<DynamicKey>, DynamicKey)
    case whole(any Decoder)

    /// The value as `T`, `nil` when `optional` and it is absent or null; as synthesized `Codable` decodes a
    /// property (`decodeIfPresent` for an optional one) and a union its case (a single-value container).
    func decode<T: Decodable>(_ type: T.Type, optional: Bool) throws -> T? {
        switch self {
        case .property(let container, let key):
            return optional
                ? try container.decodeIfPresent(T.self, forKey: key) : try container.decode(T.self, forKey: key)
        case .whole(let decoder):
            let container = try decoder.singleValueContainer()
            if optional, container.decodeNil() { return nil }
            return try container.decode(T.self)
        }
    }
}

struct DynamicKey: CodingKey {
    let stringValue: String
    init(stringValue: String) { self.stringValue = stringValue }
    var intValue: Int? { nil }
    init?(intValue: Int) { nil }
}

/// What a Swift type is made of: `[[Double]]` is an array of an array of `Double`.
indirect enum SwiftType {
    case named(String)
    case array(SwiftType)
    case dictionary(SwiftType)
    case optional(SwiftType)

    init(_ text: String) {
        if text.hasSuffix("?") {
            self = .optional(SwiftType(String(text.dropLast())))
        } else if text.hasPrefix("[String: "), text.hasSuffix("]") {
            self = .dictionary(SwiftType(String(text.dropFirst("[String: ".count).dropLast())))
        } else if text.hasPrefix("["), text.hasSuffix("]") {
            self = .array(SwiftType(String(text.dropFirst().dropLast())))
        } else {
            self = .named(text)
        }
    }
}

/// Something to do with a Swift type known only at run time: `visit` is called with it.
protocol TypeVisitor {
    func visit<T: Decodable & Equatable & Sendable>(_ type: T.Type) throws -> Decoded
}

struct ArrayOf<Inner: TypeVisitor>: TypeVisitor {
    let inner: Inner
    func visit<T: Decodable & Equatable & Sendable>(_ type: T.Type) throws -> Decoded { try inner.visit([T].self) }
}

struct DictionaryOf<Inner: TypeVisitor>: TypeVisitor {
    let inner: Inner
    func visit<T: Decodable & Equatable & Sendable>(_ type: T.Type) throws -> Decoded {
        try inner.visit([String: T].self)
    }
}

struct OptionalOf<Inner: TypeVisitor>: TypeVisitor {
    let inner: Inner
    func visit<T: Decodable & Equatable & Sendable>(_ type: T.Type) throws -> Decoded { try inner.visit(T?.self) }
}

/// Decodes the value as the type it is called with.
struct Decode: TypeVisitor {
    let source: ValueSource
    let optional: Bool
    func visit<T: Decodable & Equatable & Sendable>(_ type: T.Type) throws -> Decoded {
        .of(try source.decode(T.self, optional: optional))
    }
}

/// Decodes values of the Swift types generated code declares, the generated ones among `scope`.
struct Values {
    let scope: [TypeDeclaration]

    /// The value of Swift type `type` at `source`; `optional` as the property or case declares it.
    func decode(_ type: String, optional: Bool, from source: ValueSource) throws -> Decoded {
        var enumValues: [String]?
        let decoded = try visit(SwiftType(type), Decode(source: source, optional: optional), enumValues: &enumValues)
        return decoded.listing(enumValues)
    }

    private func visit<V: TypeVisitor>(_ type: SwiftType, _ visitor: V, enumValues: inout [String]?) throws -> Decoded {
        switch type {
        case .array(let element): return try visit(element, ArrayOf(inner: visitor), enumValues: &enumValues)
        case .dictionary(let value): return try visit(value, DictionaryOf(inner: visitor), enumValues: &enumValues)
        case .optional(let wrapped): return try visit(wrapped, OptionalOf(inner: visitor), enumValues: &enumValues)
        case .named(let name): return try named(name, visitor, enumValues: &enumValues)
        }
    }

    private func named<V: TypeVisitor>(_ name: String, _ visitor: V, enumValues: inout [String]?) throws -> Decoded {
        switch name {
        case "String": return try visitor.visit(String.self)
        case "Int": return try visitor.visit(Int.self)
        case "Int32": return try visitor.visit(Int32.self)
        case "Int64": return try visitor.visit(Int64.self)
        case "Double": return try visitor.visit(Double.self)
        case "Float": return try visitor.visit(Float.self)
        case "Bool": return try visitor.visit(Bool.self)
        case "Date": return try visitor.visit(Date.self)
        case "JSONValue": return try visitor.visit(SpecsmithRuntime.JSONValue.self)
        default: break
        }
        guard let declaration = scope.first(where: { $0.name == name }) else {
            throw HarnessError(description: "no declaration for type \(name)")
        }
        switch declaration {
        case .enumeration(let enumeration) where enumeration.rawType == "String":
            let values = try enumeration.cases.map { try SwiftStringLiteral.value(of: $0.literal) }
            enumValues = values
            return try DynamicEnum.$values.withValue(values) { try visitor.visit(DynamicEnum.self) }
        case .structure(let structure):
            let plan = DynamicStruct.Plan(declaration: structure, scope: scope)
            return try DynamicStruct.$plan.withValue(plan) { try visitor.visit(DynamicStruct.self) }
        case .union(let union):
            let plan = DynamicUnion.Plan(declaration: union, scope: scope)
            return try DynamicUnion.$plan.withValue(plan) { try visitor.visit(DynamicUnion.self) }
        case .alias(let alias):
            return try visit(SwiftType(alias.type), visitor, enumValues: &enumValues)
        default:
            throw HarnessError(description: "type \(name) is not run by the harness")
        }
    }
}

/// A generated struct, decoded as its `Codable` conformance decodes it: each property by its Swift type,
/// `decodeIfPresent` for an optional one, and the names it does not declare as its `extras` say. Its checks
/// are those its generated `validate(into:)` runs, in the same order.
struct DynamicStruct: Decodable, Hashable, @unchecked Sendable {
    struct Plan: Sendable {
        let declaration: StructDeclaration
        /// The declarations its property types may name.
        let scope: [TypeDeclaration]
    }

    @TaskLocal static var plan: Plan?

    /// Tells decoded values apart: two structs are never equal (the harness fails `uniqueItems` on them).
    private let identity = UUID()
    /// The checks its `validate(into:)` runs.
    private(set) var checks: [Checks] = []
    /// Each declared property's value, by its wire name.
    private var values: [String: Decoded] = [:]
    /// The values of the names it does not declare, kept as `additionalProperties` says, by name.
    private var extras: [String: Decoded] = [:]

    static func == (lhs: DynamicStruct, rhs: DynamicStruct) -> Bool { lhs.identity == rhs.identity }
    func hash(into hasher: inout Hasher) { hasher.combine(identity) }

    init(from decoder: any Decoder) throws {
        guard let plan = Self.plan else { throw HarnessError(description: "no struct plan") }
        let declaration = plan.declaration
        let container = try decoder.container(keyedBy: DynamicKey.self)
        let types = Values(scope: plan.scope + declaration.nested)
        for property in declaration.properties {
            let key = DynamicKey(stringValue: property.wireName)
            let value = try types.decode(property.type, optional: property.isOptional, from: .property(container, key))
            values[property.wireName] = value
            if !property.rules.isEmpty || !property.elementRules.isEmpty || !property.valueRules.isEmpty {
                let rules = property.rules.map { RuntimeRule.make($0, type: property.ruleType) }
                let elements = property.elementRules.map {
                    RuntimeRule.make($0, type: Self.elementType(property.ruleType))
                }
                let dictionaryValues = property.valueRules.map {
                    RuntimeRule.make($0, type: RuntimeRule.valueType(property.ruleType))
                }
                checks.append { context in try value.check(rules, elements, dictionaryValues, &context) }
            }
            if property.validatesNested { checks += value.nested }
        }
        let declared = Set(declaration.properties.map(\.wireName))
        let undeclared = container.allKeys.map(\.stringValue).filter { !declared.contains($0) }.sorted()
        if case .kept(let valueType)? = declaration.extras?.kind {
            for name in undeclared {
                extras[name] = try types.decode(
                    valueType,
                    optional: false,
                    from: .property(container, DynamicKey(stringValue: name))
                )
            }
        }
        for negation in declaration.negations {
            if negation.checks.isEmpty {
                // A subschema that every object meets: any value breaks the `not`.
                checks.append { context in context.checkNot(0, at: .here) { _, _ in } }
            } else if Self.writes(negation) {
                checks.append { [self] context in
                    try Self.negate(context: &context) { subschema in try self.apply(negation, in: &subschema) }
                }
            }
        }
        for requirement in declaration.dependentRequired {
            checks.append { [self] context in
                if let trigger = requirement.trigger, self.member(trigger.wireName)?.isNil ?? true { return }
                for dependent in requirement.dependents {
                    let present: Int? = self.member(dependent.wireName)?.isNil == false ? 1 : nil
                    context.check(present: present, at: "value", requiredBy: requirement.triggerName)
                }
            }
        }
        for conditional in declaration.conditionals {
            checks.append { [self] context in try self.apply(conditional, in: &context) }
        }
        for choice in declaration.choices {
            checks.append { [self] context in
                var failure: (any Error)?
                let check: (inout ValidationContext, Int, Int) -> Void = { subschema, index, _ in
                    do { try self.apply(choice.subschemas[index], in: &subschema) } catch { failure = failure ?? error }
                }
                if choice.isExclusive {
                    context.checkOneOf(0, at: .here, subschemas: choice.subschemas.count, check)
                } else {
                    context.checkAnyOf(0, at: .here, subschemas: choice.subschemas.count, check)
                }
                if let failure { throw failure }
            }
        }
        for check in declaration.patternChecks {
            checks.append { [self] context in try self.apply(check.subschema, in: &context) }
        }
        if let extras = declaration.extras {
            switch extras.kind {
            case .forbidden:
                checks.append { context in context.check(undeclaredKeys: undeclared) }
            case .kept(let valueType):
                let rules = extras.rules.map { RuntimeRule.make($0, type: valueType) }
                let kept = self.extras
                if !rules.isEmpty {
                    checks.append { context in
                        for name in kept.keys.sorted() { try kept[name]!.check(rules, [], [], &context) }
                    }
                }
                if case .patternProperties(let patterns, let rules, let rest, let closed)? = extras.patternRule {
                    checks.append(Self.byName(kept, patterns, rules, rest: rest, closed: closed, valueType: valueType))
                }
                if extras.validatesNested { checks += kept.keys.sorted().flatMap { kept[$0]!.nested } }
            }
        }
    }

    /// `check(patternProperties: additionalProperties, at: .here, ...)` on the kept values: the runtime matches
    /// the names (a dictionary of them stands for the values), and each value's rules are run on it.
    private static func byName(
        _ kept: [String: Decoded], _ patterns: [String], _ rules: [[ValidationRule]], rest: [ValidationRule],
        closed: Bool, valueType: String
    ) -> Checks {
        let byPattern = rules.map { $0.map { RuntimeRule.make($0, type: valueType) } }
        let others = rest.map { RuntimeRule.make($0, type: valueType) }
        let names = Dictionary(uniqueKeysWithValues: kept.keys.map { ($0, $0) })
        let compiled = patterns.map { Pattern($0) }
        return { context in
            var failure: (any Error)?
            context.check(patternProperties: names, at: .here, compiled, closed: closed) { context, index, name in
                do {
                    try kept[name]!.check(index < byPattern.count ? byPattern[index] : others, [], [], &context)
                } catch {
                    failure = failure ?? error
                }
            }
            if let failure { throw failure }
        }
    }

    /// The value the struct holds for the property `name`: a declared one, or one it keeps of the others.
    private func member(_ name: String) -> Decoded? {
        values[name] ?? extras[name]
    }

    /// The element type of an array type (`String` for `[String]`).
    static func elementType(_ type: String) -> String {
        type.hasPrefix("[") && !type.hasPrefix("[String: ") ? String(type.dropFirst().dropLast()) : type
    }

    /// Whether the renderer writes any statement for the subschema's checks (it leaves out a `not` or an `if`
    /// whose checks write nothing).
    static func writes(_ subschema: ObjectSubschema) -> Bool {
        subschema.matchesNothing || subschema.checks.contains { !$0.rules.isEmpty || $0.mustBePresent }
            || subschema.negations.contains(where: writes)
    }

    /// `context.checkNot(self, at: .here) { subschema, value in ... }`.
    private static func negate(context: inout ValidationContext, _ body: (inout ValidationContext) throws -> Void)
        throws
    {
        var failure: (any Error)?
        context.checkNot(0, at: .here) { subschema, _ in
            do { try body(&subschema) } catch { failure = failure ?? error }
        }
        if let failure { throw failure }
    }

    /// The checks of a subschema on the struct's properties, as the renderer's `objectStatements` writes them.
    private func apply(_ subschema: ObjectSubschema, in context: inout ValidationContext) throws {
        if subschema.matchesNothing {
            context.checkNot(0, at: .here) { _, _ in }
            return
        }
        for check in subschema.checks {
            guard let value = member(check.wireName) else {
                throw HarnessError(description: "a subschema names \(check.wireName), which the struct does not hold")
            }
            let type = check.type.hasSuffix("?") ? String(check.type.dropLast()) : check.type
            try value.check(check.rules.map { RuntimeRule.make($0, type: type) }, [], [], &context)
            if check.mustBePresent { context.check(present: value.isNil ? nil : 1, at: "value") }
        }
        for negation in subschema.negations where Self.writes(negation) {
            try Self.negate(context: &context) { inner in try self.apply(negation, in: &inner) }
        }
    }

    /// `if`, `then` and `else` (or a `dependentSchemas` subschema), as the renderer's `conditionalStatements`.
    private func apply(_ conditional: ObjectConditional, in context: inout ValidationContext) throws {
        guard let condition = conditional.condition else {
            if let then = conditional.then { try apply(then, in: &context) }
            return
        }
        if condition.isPresenceOnly {
            let holds = condition.checks.allSatisfy { member($0.wireName)?.isNil == false }
            if holds, let then = conditional.then { try apply(then, in: &context) }
            if !holds, let otherwise = conditional.otherwise { try apply(otherwise, in: &context) }
            return
        }
        guard Self.writes(condition) else { return }
        var failure: (any Error)?
        func run(_ subschema: ObjectSubschema?, _ context: inout ValidationContext) {
            guard let subschema else { return }
            do { try apply(subschema, in: &context) } catch { failure = failure ?? error }
        }
        context.checkIf(0) { subschema, _ in
            run(condition, &subschema)
        } then: { context, _ in
            run(conditional.then, &context)
        } else: { context, _ in
            run(conditional.otherwise, &context)
        }
        if let failure { throw failure }
    }
}

extension DynamicStruct: ValidatesNested {
    var nestedChecks: [Checks] { checks }
}

/// A generated `oneOf` or `anyOf` enum without a discriminator, decoded as its `init(from:)` decodes it: the
/// first case, in order, that decodes and whose checks pass; failing that, the first that decodes. Its
/// checks are those of the case it holds.
struct DynamicUnion: Decodable, Hashable, @unchecked Sendable {
    struct Plan: Sendable {
        let declaration: UnionDeclaration
        let scope: [TypeDeclaration]
    }

    @TaskLocal static var plan: Plan?
    /// How many cases the last union decoded matched (decoded, and passed their checks), outermost last.
    @TaskLocal static var matches: Matches?

    final class Matches: @unchecked Sendable {
        var counts: [Int] = []
    }

    private let identity = UUID()
    private(set) var checks: [Checks] = []

    static func == (lhs: DynamicUnion, rhs: DynamicUnion) -> Bool { lhs.identity == rhs.identity }
    func hash(into hasher: inout Hasher) { hasher.combine(identity) }

    init(from decoder: any Decoder) throws {
        guard let plan = Self.plan else { throw HarnessError(description: "no union plan") }
        let union = plan.declaration
        guard union.discriminator == nil else {
            throw HarnessError(description: "a union with a discriminator is not run by the harness")
        }
        let types = Values(scope: plan.scope + union.nested)
        let prefersValidCase =
            !union.isRecursive && union.cases.count > 1
            && union.cases.contains { $0.validates || !$0.rules.isEmpty }
        var first: [Checks]?
        var chosen: [Checks]?
        var matching = 0
        var errors: [any Error] = []
        for item in union.cases {
            let optional = item.type.hasSuffix("?")
            let type = optional ? String(item.type.dropLast()) : item.type
            let value: Decoded
            do {
                value = try types.decode(type, optional: optional, from: .whole(decoder))
            } catch let error as HarnessError {
                throw error
            } catch {
                errors.append(error)
                continue
            }
            let ruleType = item.ruleType.isEmpty ? type : item.ruleType
            let rules = item.rules.map {
                RuntimeRule.make($0, type: ruleType.hasSuffix("?") ? String(ruleType.dropLast()) : ruleType)
            }
            var checks: [Checks] = []
            if !rules.isEmpty { checks.append { context in try value.check(rules, [], [], &context) } }
            if item.validates { checks += value.nested }
            first = first ?? checks
            var valid = true
            try ValidationContext.validateHarnessed { context in
                for check in checks { try check(&context) }
            } onInvalid: {
                valid = false
            }
            if valid {
                matching += 1
                if chosen == nil, prefersValidCase { chosen = checks }
            }
        }
        Self.matches?.counts.append(matching)
        guard let checks = chosen ?? first else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "no case of \(union.name) decodes: \(errors)")
            )
        }
        self.checks = checks
    }
}

extension DynamicUnion: ValidatesNested {
    var nestedChecks: [Checks] { checks }
}

extension ValidationContext {
    /// Runs `checks` on a context of their own; `onInvalid` when they record a violation. A harness error
    /// thrown by the checks is thrown on.
    static func validateHarnessed(
        _ checks: (inout ValidationContext) throws -> Void,
        onInvalid: () -> Void
    ) throws {
        var harnessError: (any Error)?
        do {
            try ValidationContext.validate { context in
                do { try checks(&context) } catch { harnessError = error }
            }
        } catch {
            if let harnessError { throw harnessError }
            onInvalid()
        }
        if let harnessError { throw harnessError }
    }
}

/// Applies rules through the runtime's public check API, choosing the overload generated code's call
/// `context.check(value, at: key, rule)` resolves to for the value's Swift type.
enum Rules {
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
        case .members(let rules):
            // The value is an array or a dictionary (a JSONValue's members are not checked).
            switch any {
            case nil, is SpecsmithRuntime.JSONValue: break
            case let v as any Members: try v.check(members: rules, in: &context)
            default: throw HarnessError(description: "no check of the members of \(T.self)")
            }
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
            case let v as SpecsmithRuntime.JSONValue:
                // Any other JSON value has no items.
                if case .array(let items) = v { byPosition(items) }
            case let v as any Members:
                try v.check(positions: positions, rest: rest, in: &context)
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
                    context,
                    index,
                    value in
                    applyAll(index < rules.count ? rules[index] : rest, to: value, in: &context, failure: &failure)
                }
            }
            switch any {
            case nil: break
            case let v as [String: SpecsmithRuntime.JSONValue]: byName(v)
            case let v as SpecsmithRuntime.JSONValue:
                // Any other JSON value has no properties.
                if case .object(let values) = v { byName(values) }
            case let v as [String: String]: byName(v)
            case let v as [String: Int]: byName(v)
            case let v as [String: Double]: byName(v)
            case let v as [String: Bool]: byName(v)
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
        case .contains(let rules, let min, let max):
            switch any {
            case nil: break
            case let v as SpecsmithRuntime.JSONValue:
                var failure: (any Error)?
                context.check(contains: v, at: "value", min: min, max: max) { subschema, item in
                    applyAll(rules, to: item, in: &subschema, failure: &failure)
                }
                if let failure { throw failure }
            case let v as any Members: try v.check(contains: rules, min: min, max: max, in: &context)
            default: throw HarnessError(description: "no check of \(T.self) against contains")
            }
        case .propertyNames(let rules):
            for rule in rules {
                switch (rule, any) {
                case (_, nil): break
                case (.string(let rule), let v as SpecsmithRuntime.JSONValue):
                    context.check(namesOf: v, at: "value", rule)
                case (.string(let rule), let v as any Names): v.check(names: rule, in: &context)
                case (.enumeration(let values), let v as SpecsmithRuntime.JSONValue):
                    context.check(namesOf: v, at: "value", ValueRule<String>.enum(values.map { $0 as! String }))
                case (.enumeration(let values), let v as any Names):
                    v.check(names: ValueRule<String>.enum(values.map { $0 as! String }), in: &context)
                case (.const(let value?), let v as SpecsmithRuntime.JSONValue):
                    context.check(namesOf: v, at: "value", ValueRule<String>.const(value as! String))
                case (.const(let value?), let v as any Names):
                    v.check(names: ValueRule<String>.const(value as! String), in: &context)
                default: throw HarnessError(description: "no check of the names of \(T.self) against \(rule.caseName)")
                }
            }
        }
    }

    /// Applies each rule in turn; the first harness error is kept in `failure`, for a closure that cannot throw.
    static func applyAll<T: Equatable & Sendable>(
        _ rules: [RuntimeRule],
        to value: T,
        in context: inout ValidationContext,
        failure: inout (any Error)?
    ) {
        do {
            for rule in rules { try apply(rule, to: value, in: &context) }
        } catch {
            failure = failure ?? error
        }
    }

    /// `context.check(each: value, at: key, rule)` for an element rule of an array; for rules about
    /// collections, and elements that are JSONValues, the closure `check(each:)` writes (see `CheckWriter`).
    static func applyEach<T>(_ rule: RuntimeRule, to value: T?, in context: inout ValidationContext) throws {
        let any: Any? = value
        switch (rule, any) {
        // The renderer writes no element check for a value that is no array (`CheckWriter.memberType`).
        case (_, nil), (_, is SpecsmithRuntime.JSONValue): break
        case (.string(let rule), let v as [String]): context.check(each: v, at: "value", rule)
        case (.number(let rule), let v as [Int]): context.check(each: v, at: "value", rule)
        case (.number(let rule), let v as [Double]): context.check(each: v, at: "value", rule)
        case (.listed(let rule), let v as [DynamicEnum]): context.check(each: v, at: "value", rule)
        case (_, let v as any Members): try v.check(members: [rule], in: &context)
        default: throw HarnessError(description: "no element check of \(T.self) against \(rule.caseName)")
        }
    }

    /// `context.check(eachValue: value, at: key, rule)` for a value rule of a dictionary; for rules about
    /// collections, and values that are JSONValues, the closure `check(eachValue:)` writes.
    static func applyEachValue<T>(_ rule: RuntimeRule, to value: T?, in context: inout ValidationContext) throws {
        let any: Any? = value
        switch (rule, any) {
        case (_, nil): break
        case (.string(let rule), let v as [String: String]): context.check(eachValue: v, at: "value", rule)
        case (.number(let rule), let v as [String: Int]): context.check(eachValue: v, at: "value", rule)
        case (.number(let rule), let v as [String: Double]): context.check(eachValue: v, at: "value", rule)
        case (.listed(let rule), let v as [String: DynamicEnum]): context.check(eachValue: v, at: "value", rule)
        case (_, let v as any Members): try v.check(members: [rule], in: &context)
        default: throw HarnessError(description: "no value check of \(T.self) against \(rule.caseName)")
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

/// A value of a Swift type that generated code's checks take: the harness checks the members of arrays and
/// dictionaries of these.
protocol HarnessValue: Equatable, Sendable {}

extension String: HarnessValue {}
extension Int: HarnessValue {}
extension Int32: HarnessValue {}
extension Int64: HarnessValue {}
extension Double: HarnessValue {}
extension Float: HarnessValue {}
extension Bool: HarnessValue {}
extension Date: HarnessValue {}
extension SpecsmithRuntime.JSONValue: HarnessValue {}
extension DynamicEnum: HarnessValue {}
extension DynamicStruct: HarnessValue {}
extension DynamicUnion: HarnessValue {}
extension Array: HarnessValue where Element: HarnessValue {}
extension Dictionary: HarnessValue where Key == String, Value: HarnessValue {}
extension Optional: HarnessValue where Wrapped: HarnessValue {}

/// An array or a dictionary, whose members' rules the closure forms of `check(each:)` and `check(eachValue:)`
/// check, and an array's by position (`check(positions:)`) and `contains`.
protocol Members {
    func check(members rules: [RuntimeRule], in context: inout ValidationContext) throws
    func check(positions: [[RuntimeRule]], rest: [RuntimeRule], in context: inout ValidationContext) throws
    func check(contains rules: [RuntimeRule], min: Int, max: Int?, in context: inout ValidationContext) throws
}

extension Array: Members where Element: HarnessValue {
    func check(members rules: [RuntimeRule], in context: inout ValidationContext) throws {
        var failure: (any Error)?
        context.check(each: self, at: "value") { context, item in
            Rules.applyAll(rules, to: item, in: &context, failure: &failure)
        }
        if let failure { throw failure }
    }

    func check(positions: [[RuntimeRule]], rest: [RuntimeRule], in context: inout ValidationContext) throws {
        var failure: (any Error)?
        context.check(positions: self, at: "value") { context, position, item in
            Rules.applyAll(
                position < positions.count ? positions[position] : rest,
                to: item,
                in: &context,
                failure: &failure
            )
        }
        if let failure { throw failure }
    }

    func check(contains rules: [RuntimeRule], min: Int, max: Int?, in context: inout ValidationContext) throws {
        var failure: (any Error)?
        context.check(contains: self, at: "value", min: min, max: max) { subschema, item in
            Rules.applyAll(rules, to: item, in: &subschema, failure: &failure)
        }
        if let failure { throw failure }
    }
}

extension Dictionary: Members where Key == String, Value: HarnessValue {
    func check(members rules: [RuntimeRule], in context: inout ValidationContext) throws {
        var failure: (any Error)?
        context.check(eachValue: self, at: "value") { context, value in
            Rules.applyAll(rules, to: value, in: &context, failure: &failure)
        }
        if let failure { throw failure }
    }

    func check(positions: [[RuntimeRule]], rest: [RuntimeRule], in context: inout ValidationContext) throws {
        throw HarnessError(description: "no check of a dictionary by position")
    }

    func check(contains rules: [RuntimeRule], min: Int, max: Int?, in context: inout ValidationContext) throws {
        throw HarnessError(description: "no check of a dictionary against contains")
    }
}

/// A dictionary, whose names `check(namesOf:)` checks.
protocol Names {
    func check(names rule: StringRule, in context: inout ValidationContext)
    func check(names rule: ValueRule<String>, in context: inout ValidationContext)
}

extension Dictionary: Names where Key == String {
    func check(names rule: StringRule, in context: inout ValidationContext) {
        context.check(namesOf: self, at: "value", rule)
    }

    func check(names rule: ValueRule<String>, in context: inout ValidationContext) {
        context.check(namesOf: self, at: "value", rule)
    }
}
