import SpecsmithDiagnostics
import struct SpecsmithPattern.Pattern

/// The subschemas that decide or add to what a value meets: `not`, `if`, `then` and `else`, and
/// `dependentSchemas`. On a value of a plain Swift type (a string, a number, an array or dictionary of
/// them, a JSONValue) a subschema is a list of rules; on a generated struct it is checks of the properties
/// it names (``ObjectSubschema``). What neither can say is warned about and left out, never guessed.
extension SchemaTranslator {
    /// What a subschema says of a value of one Swift type.
    enum SubschemaRules {
        /// A value meets the subschema when it meets every one of these rules (none: every value does).
        case rules([ValidationRule])
        /// No value of the type meets it: its `type` is another.
        case nothing
        /// The subschema says something the rules cannot check; a warning names it.
        case unsupported
    }

    /// What `not` makes of a value of Swift type `swiftType`.
    enum Negation {
        /// The value must not meet every rule of the subschema (none: the subschema matches every value).
        case rule(ValidationRule)
        /// No value of the type matches the subschema (its `type` is another), so `not` always holds.
        case alwaysSatisfied
        /// The subschema says something the rules cannot check; a warning names it.
        case unsupported
    }

    /// The `not` rule for `subschema` on a value of Swift type `swiftType` (see
    /// ``subschemaRules(_:keyword:swiftType:references:)``).
    mutating func notRule(_ subschema: Schema, swiftType: String, references: Set<String> = []) -> Negation {
        switch subschemaRules(subschema, keyword: "not", swiftType: swiftType, references: references) {
        case .rules(let rules): .rule(.not(rules))
        case .nothing: .alwaysSatisfied
        case .unsupported: .unsupported
        }
    }

    /// What `subschema`, the subschema of `keyword`, says of a value of Swift type `swiftType`: its own
    /// rules that apply to the type (those that apply to other JSON types only are met by every value of
    /// it, as in JSON Schema), its `type` decided from the Swift type, its `allOf` parts', and its `not`,
    /// `if`/`then`/`else` and `dependentSchemas` in turn; on an object (a dictionary or a JSONValue) the
    /// rules of its named `properties`, and `required`, as keys. A `$ref` is followed, and the keywords beside
    /// it apply too. `additionalProperties`, `patternProperties`, `propertyNames`, keywords about array items,
    /// `oneOf` and `anyOf`, and rules of the value's JSON type that its Swift type cannot check (the
    /// `maxLength` of a `Date`) are warned about, and the subschema is left out rather than checked wrongly.
    /// `references` are those followed to get here: a subschema that refers back to one of them is a
    /// warning, not an endless descent.
    mutating func subschemaRules(
        _ subschema: Schema, keyword: String, swiftType: String, references: Set<String> = []
    ) -> SubschemaRules {
        func unsupported(_ what: String) -> SubschemaRules {
            warn("'\(keyword)' with \(what) is not checked yet", at: subschema.location)
            return .unsupported
        }
        if let ref = subschema.ref {
            // In 3.1 the keywords beside a `$ref` apply too: the value meets the reference and them.
            guard subschema.isPureReference else {
                var beside = subschema
                beside.ref = nil
                let reference = Schema(location: subschema.location, ref: ref)
                return Self.both(
                    subschemaRules(reference, keyword: keyword, swiftType: swiftType, references: references),
                    subschemaRules(beside, keyword: keyword, swiftType: swiftType, references: references))
            }
            var references = references
            guard references.insert(ref.id).inserted else {
                return unsupported("a reference to a schema it is part of")
            }
            let key = ref.id + "|" + swiftType
            if let known = subschemaCache[key] { return known }
            var target = dereferenced(referencedSchema(ref))
            // Worked out as the target itself, once: its own warnings are at its own location.
            if target.ref == nil, needsOwnType(target) {
                subschemaCache[key] = unsupported("a reference to a generated type")
            } else {
                target.location = subschema.location
                subschemaCache[key] = subschemaRules(
                    target, keyword: keyword, swiftType: swiftType, references: references)
            }
            return subschemaCache[key]!
        }
        let valueType = Self.jsonType(of: swiftType)
        guard valueType != nil || swiftType == "JSONValue" else {
            return unsupported("a value of generated type \(swiftType)")
        }
        // Keywords that say something of a value of the type and are not rules.
        let isObject = valueType == nil || valueType == .object
        let isArray = valueType == nil || valueType == .array
        let keywords: [(String, Bool)] = [
            ("additionalProperties", isObject && subschema.additionalProperties != nil),
            ("patternProperties", isObject && !subschema.patternProperties.isEmpty),
            ("propertyNames", isObject && subschema.propertyNames != nil),
            ("items", isArray && subschema.items != nil), ("prefixItems", isArray && !subschema.prefixItems.isEmpty),
            ("contains", isArray && subschema.contains != nil), ("oneOf", !subschema.oneOf.isEmpty),
            ("anyOf", !subschema.anyOf.isEmpty),
        ]
        if let keyword = keywords.first(where: \.1)?.0 { return unsupported(keyword) }
        let types = subschema.nonNullTypes
        // A JSONValue's type is a rule of the subschema like any other.
        let typeRule: ValidationRule? = valueType == nil && !types.isEmpty ? .type(subschema.types) : nil
        if !types.isEmpty, let valueType {
            if valueType == .number, types.contains(.integer), !types.contains(.number) {
                return unsupported("type integer, on a number")
            }
            if !types.contains(valueType), !(valueType == .integer && types.contains(.number)) { return .nothing }
        }
        var own = ownRules(subschema, enumAsValues: true)
        if let typeRule, !own.contains(typeRule) { own.insert(typeRule, at: 0) }
        checkPatterns(located(own, in: subschema))
        var rules: [ValidationRule] = []
        let target = RuleTarget(swiftType)
        for rule in own {
            if target.accepts(rule) {
                rules.append(rule)
            } else if let valueType, Self.keywordTypes(of: rule).map({ $0.contains(valueType) }) ?? true {
                return unsupported("\(Self.keyword(of: rule)), on a value of type \(swiftType)")
            }
        }
        if isObject, !subschema.properties.isEmpty {
            // `ownRules` leaves `required` and `dependentRequired` to a struct's properties: here they are keys.
            for name in subschema.required { rules.append(.required(name)) }
            for entry in subschema.dependentRequired {
                for name in entry.value { rules.append(.dependentRequired(name, by: entry.key)) }
            }
            // Each property's value, when the object has it (on a dictionary, of its values' type).
            let valueType = swiftType.hasPrefix("[String: ") ? String(swiftType.dropFirst(9).dropLast()) : "JSONValue"
            for entry in subschema.properties {
                switch subschemaRules(entry.value, keyword: keyword, swiftType: valueType, references: references) {
                case .rules(let inner): if !inner.isEmpty { rules.append(.property(entry.key, inner)) }
                case .nothing: rules.append(.property(entry.key, [.not([])]))
                case .unsupported: return .unsupported
                }
            }
        }
        for part in subschema.allOf {
            switch subschemaRules(part, keyword: keyword, swiftType: swiftType, references: references) {
            case .rules(let inner): rules += inner
            case .nothing: return .nothing
            case .unsupported: return .unsupported
            }
        }
        if let inner = subschema.not {
            switch notRule(inner, swiftType: swiftType, references: references) {
            case .rule(let rule): rules.append(rule)
            case .alwaysSatisfied: break
            case .unsupported: return .unsupported
            }
        }
        guard let conditions = conditionalRules(subschema, swiftType: swiftType, references: references) else {
            return .unsupported
        }
        rules += conditions
        // Subschemas that refer to shared ones (`if` and `then` each to the next) would nest their rules
        // a product of the document deep: the generated checks stay as small as a hand-written schema's.
        guard Self.ruleCount(rules) <= Self.maxSubschemaRules else {
            return unsupported("more than \(Self.maxSubschemaRules) rules, counting those of its subschemas")
        }
        return .rules(rules)
    }

    /// What a value meets when it meets two subschemas.
    private static func both(_ first: SubschemaRules, _ second: SubschemaRules) -> SubschemaRules {
        switch (first, second) {
        case (.unsupported, _), (_, .unsupported): .unsupported
        case (.nothing, _), (_, .nothing): .nothing
        case (.rules(let first), .rules(let second)): .rules(first + second)
        }
    }

    /// The most rules a subschema may hold, counting those nested in it.
    static let maxSubschemaRules = 256

    /// How many rules `rules` hold, counting those nested in each.
    static func ruleCount(_ rules: [ValidationRule]) -> Int {
        var count = rules.count
        for rule in rules {
            switch rule {
            case .not(let inner), .members(let inner), .propertyNames(let inner), .contains(let inner, _, _),
                .property(_, let inner):
                count += ruleCount(inner)
            case .prefixItems(let lists, let rest), .patternProperties(_, let lists, let rest, _):
                count += lists.map(ruleCount).reduce(0, +) + ruleCount(rest)
            case .conditional(let condition, let then, let otherwise):
                count += ruleCount(condition) + ruleCount(then) + ruleCount(otherwise)
            default:
                break
            }
        }
        return count
    }

    /// The rules of a schema's `if`, `then` and `else`, and of its `dependentSchemas` (on a dictionary or a
    /// JSONValue: `then` when the object has the name), for a value of Swift type `swiftType`; `nil` when a
    /// subschema says something the rules cannot check (a warning names it). An `if` that every value of
    /// the type meets is its `then`, and one that none meets its `else`.
    mutating func conditionalRules(
        _ schema: Schema, swiftType: String, references: Set<String> = []
    ) -> [ValidationRule]? {
        var result: [ValidationRule] = []
        // What a value that `then` or `else` applies to must meet: `false` is `not: {}`.
        func asRules(_ meaning: SubschemaRules?) -> [ValidationRule] {
            switch meaning {
            case .rules(let rules)?: rules
            case .nothing?: [.not([])]
            case .unsupported?, nil: []
            }
        }
        if let ifSchema = schema.if {
            func meaning(_ subschema: Schema, _ keyword: String) -> SubschemaRules {
                subschemaRules(subschema, keyword: keyword, swiftType: swiftType, references: references)
            }
            let condition = meaning(ifSchema, "if")
            let then = schema.then.map { meaning($0, "then") }
            let otherwise = schema.else.map { meaning($0, "else") }
            for meaning in [condition, then, otherwise] {
                if case .unsupported? = meaning { return nil }
            }
            switch condition {
            case .nothing:
                result += asRules(otherwise)
            case .rules(let rules) where rules.isEmpty:
                result += asRules(then)
            case .rules(let rules) where rules == [.not([])]:
                // `if: false`.
                result += asRules(otherwise)
            case .rules(let rules):
                let (thenRules, elseRules) = (asRules(then), asRules(otherwise))
                if !thenRules.isEmpty || !elseRules.isEmpty {
                    result.append(.conditional(if: rules, then: thenRules, else: elseRules))
                }
            case .unsupported:
                return nil
            }
        }
        // Only an object has properties: another value meets every `dependentSchemas` subschema.
        guard swiftType == "JSONValue" || swiftType.hasPrefix("[String: ") else { return result }
        for entry in schema.dependentSchemas {
            let meaning = subschemaRules(
                entry.value, keyword: "dependentSchemas", swiftType: swiftType, references: references)
            if case .unsupported = meaning { return nil }
            let then = asRules(meaning)
            guard !then.isEmpty else { continue }
            let has: [ValidationRule] =
                swiftType == "JSONValue" ? [.type([.object]), .required(entry.key)] : [.required(entry.key)]
            result.append(.conditional(if: has, then: then, else: []))
        }
        return result
    }

    /// Whether a schema has an `if` (which the loader keeps only beside `then` or `else`) or
    /// `dependentSchemas` beyond `required`.
    static func hasConditions(_ schema: Schema) -> Bool {
        schema.if != nil || !schema.dependentSchemas.isEmpty
    }

    /// The JSON types a rule says something about, or `nil` for every type.
    private static func keywordTypes(of rule: ValidationRule) -> [SchemaType]? {
        switch rule {
        case .maxLength, .minLength, .pattern, .format: [.string]
        case .minimum, .maximum, .exclusiveMinimum, .exclusiveMaximum, .multipleOf: [.integer, .number]
        case .minItems, .maxItems, .uniqueItems, .members, .prefixItems, .contains: [.array]
        case .minProperties, .maxProperties, .required, .dependentRequired, .patternProperties, .propertyNames,
            .property:
            [.object]
        case .type, .listed, .enumeration, .const, .rawEnumeration, .rawConst, .not, .conditional: nil
        }
    }

    /// The keyword a rule comes from, for a warning.
    private static func keyword(of rule: ValidationRule) -> String {
        switch rule {
        case .type: "type"
        case .maxLength: "maxLength"
        case .minLength: "minLength"
        case .pattern: "pattern"
        case .format: "format"
        case .minimum: "minimum"
        case .maximum: "maximum"
        case .exclusiveMinimum: "exclusiveMinimum"
        case .exclusiveMaximum: "exclusiveMaximum"
        case .multipleOf: "multipleOf"
        case .listed, .enumeration, .rawEnumeration: "enum"
        case .const, .rawConst: "const"
        case .minItems: "minItems"
        case .maxItems: "maxItems"
        case .uniqueItems: "uniqueItems"
        case .minProperties: "minProperties"
        case .maxProperties: "maxProperties"
        case .required: "required"
        case .dependentRequired: "dependentRequired"
        case .not: "not"
        case .members: "items"
        case .prefixItems: "prefixItems"
        case .contains: "contains"
        case .patternProperties: "patternProperties"
        case .propertyNames: "propertyNames"
        case .property: "properties"
        case .conditional: "if"
        }
    }
}

// MARK: - Subschemas of a generated struct

extension SchemaTranslator {
    /// The struct being declared, as the checks of a subschema applied to it read it.
    struct ObjectScope {
        /// The struct's schema (its `allOf` merged), which declares its properties.
        var schema: Schema
        var properties: [PropertyDeclaration]
        var extras: ExtraProperties?

        /// A property of the struct, as a check reads it.
        struct Member {
            var check: ObjectSubschema.Check
            /// The type its rules are worked out for (for an alias, the type it stands for).
            var ruleType: String
            /// Its schema, for a declared property.
            var declaration: Schema?
            /// Whether every value of the struct has it: a required property, also one that may be null.
            var isAlwaysPresent: Bool
            /// Whether `nil` may be null as well as absent, which a condition cannot tell apart.
            var nilMayBeNull: Bool
        }
    }

    /// The property `name` of the struct, declared or kept with the undeclared ones, or `nil` when the struct
    /// has no place for it (it is dropped when decoding, so nothing can tell whether a value had it).
    private func member(_ name: String, of scope: ObjectScope) -> ObjectScope.Member? {
        if let property = scope.properties.first(where: { $0.wireName == name }) {
            let declaration = scope.schema.properties[name]
            return ObjectScope.Member(
                check: ObjectSubschema.Check(
                    wireName: name, name: SwiftNames.unescaped(property.name), reader: property.reader,
                    type: property.type),
                ruleType: property.ruleType, declaration: declaration,
                isAlwaysPresent: !property.isOptional || property.isExplicitNull,
                nilMayBeNull: property.isOptional && declaration.map(isNullable) == true)
        }
        guard let extras = scope.extras, case .kept(let valueType) = extras.kind else { return nil }
        // A kept value that is null is `JSONValue.null`, not `nil`.
        return ObjectScope.Member(
            check: ObjectSubschema.Check(
                wireName: name, name: SwiftNames.unescaped(SwiftNames.member(name)),
                reader: "\(extras.name)[\(SwiftLiteral.string(name))]", type: valueType),
            ruleType: valueType, declaration: nil, isAlwaysPresent: false, nilMayBeNull: false)
    }

    /// What `subschema`, the subschema of `keyword` on the struct of `scope`, says of it: for each property it
    /// names, the rules of its `properties` subschema for the property's type and whether `required` lists
    /// it; `matchesNothing` for `false` or a `type` other than `object`. `nil`, with a warning, when it says
    /// something these checks cannot tell: a property the struct has no place for, one whose type is a
    /// generated struct, a reference to a generated type, keywords that count or close the object, nested
    /// compositions, and `required` of a property whose `nil` may be null or absent. A `condition` (of `if` or
    /// `not`) decides rather than reports, so in one rules of such a property are warned about too. With
    /// `allowsNot` (a subschema of `oneOf` or `anyOf`), its own `not` is checked too, as ``ObjectSubschema/negations``.
    mutating func objectSubschema(
        _ subschema: Schema, keyword: String, in scope: ObjectScope, isCondition: Bool, allowsNot: Bool = false
    ) -> ObjectSubschema? {
        func unsupported(_ reason: String) -> ObjectSubschema? {
            warn("'\(keyword)' on an object is not checked yet: \(reason)", at: subschema.location)
            return nil
        }
        var resolved = subschema
        if let ref = subschema.ref {
            var beside = subschema
            beside.ref = nil
            guard Self.isAnnotationOnly(beside) else { return unsupported("it has keywords beside its $ref") }
            resolved = dereferenced(referencedSchema(ref))
            if resolved.ref != nil { return unsupported("it refers to \(ref.name), a $ref with keywords beside it") }
            if needsOwnType(resolved) { return unsupported("it refers to a generated type (\(ref.name))") }
        }
        if Self.isFalseSchema(resolved) { return ObjectSubschema(matchesNothing: true) }
        let types = resolved.nonNullTypes
        if !types.isEmpty, !types.contains(.object) { return ObjectSubschema(matchesNothing: true) }
        let keywords: [(String, Bool)] = [
            ("additionalProperties", resolved.additionalProperties != nil),
            ("patternProperties", !resolved.patternProperties.isEmpty),
            ("propertyNames", resolved.propertyNames != nil),
            ("minProperties", resolved.minProperties != nil), ("maxProperties", resolved.maxProperties != nil),
            ("dependentRequired", !resolved.dependentRequired.isEmpty),
            ("dependentSchemas", !resolved.dependentSchemas.isEmpty), ("if", resolved.if != nil),
            ("not", resolved.not != nil && !allowsNot), ("allOf", !resolved.allOf.isEmpty),
            ("oneOf", !resolved.oneOf.isEmpty), ("anyOf", !resolved.anyOf.isEmpty), ("enum", resolved.enum != nil),
            ("const", resolved.const != nil),
        ]
        if let found = keywords.first(where: \.1)?.0 { return unsupported("it has \(found)") }
        var result = ObjectSubschema()
        for entry in resolved.properties {
            guard let member = member(entry.key, of: scope) else {
                return unsupported("it names '\(entry.key)', which the object neither declares nor keeps")
            }
            guard let rules = propertyRules(entry.value, keyword: keyword, of: member) else { return nil }
            guard !rules.isEmpty else { continue }
            if isCondition, member.nilMayBeNull {
                return unsupported("'\(entry.key)' may be null, which its nil does not tell from absent")
            }
            var check = member.check
            check.rules = rules
            result.checks.append(check)
        }
        for name in resolved.required {
            guard let member = member(name, of: scope) else {
                return unsupported("it requires '\(name)', which the object neither declares nor keeps")
            }
            if member.isAlwaysPresent { continue }
            // A null value would be reported missing (or, in a condition, taken for absent).
            if member.nilMayBeNull {
                return unsupported("'\(name)' may be null, which its nil does not tell from absent")
            }
            if let index = result.checks.firstIndex(where: { $0.wireName == name }) {
                result.checks[index].mustBePresent = true
            } else {
                var check = member.check
                check.mustBePresent = true
                result.checks.append(check)
            }
        }
        if allowsNot, let negated = resolved.not {
            guard
                let negation = objectSubschema(negated, keyword: keyword, in: scope, isCondition: true, allowsNot: true)
            else { return nil }
            // `not: false` says nothing; `not: {}` allows no object.
            if negation.checks.isEmpty, negation.negations.isEmpty, !negation.matchesNothing {
                return ObjectSubschema(matchesNothing: true)
            }
            if !negation.matchesNothing { result.negations.append(negation) }
        }
        return result
    }

    /// `patternProperties` beside `properties`, on the properties the struct of `scope` declares: for each
    /// pattern that matches some of their names (ECMA-262, unanchored, as the generated code matches the
    /// undeclared ones), the rules its schema states for each of them, which JSON Schema applies besides
    /// `properties` (JSON Schema 2020-12). A pattern the runtime cannot use is an error at its schema
    /// (``patternRule(_:valueType:)``) and matches nothing here; rules that cannot be checked are warned about.
    mutating func declaredPatternChecks(_ patterns: OrderedMap<Schema>, in scope: ObjectScope) -> [ObjectPatternCheck] {
        var checks: [ObjectPatternCheck] = []
        for entry in patterns where Pattern.problem(in: entry.key) == nil {
            let pattern = Pattern(entry.key)
            var subschema = ObjectSubschema()
            for property in scope.properties where pattern.matches(property.wireName) {
                guard let member = member(property.wireName, of: scope),
                    let rules = propertyRules(entry.value, keyword: "patternProperties", of: member), !rules.isEmpty
                else { continue }
                var check = member.check
                check.rules = rules
                subschema.checks.append(check)
            }
            if !subschema.checks.isEmpty { checks.append(ObjectPatternCheck(pattern: entry.key, subschema: subschema)) }
        }
        return checks
    }

    /// The rules a property's subschema (in the `properties` of a subschema of the struct) states for the
    /// property's value; `nil` when they cannot be checked (a warning says why). `false` is that the property
    /// is absent; a string enum's value meets `enum`, `const` and a string's rules by its raw value.
    private mutating func propertyRules(
        _ subschema: Schema, keyword: String, of member: ObjectScope.Member
    ) -> [ValidationRule]? {
        let resolved = subschema.ref == nil ? subschema : dereferenced(subschema)
        if Self.isFalseSchema(resolved) { return [.not([])] }
        if resolved.ref == nil, Self.isAnnotationOnly(resolved) { return [] }
        if let declaration = member.declaration, openEnum(declaration) != nil {
            return rawValueRules(of: subschema, keyword: keyword, wireName: member.check.wireName)
        }
        if Self.jsonType(of: member.ruleType) == nil, member.ruleType != "JSONValue" {
            warn(
                "'\(keyword)' on an object is not checked yet: it has rules for '\(member.check.wireName)', a value "
                    + "of generated type \(member.ruleType)", at: subschema.location)
            return nil
        }
        switch subschemaRules(subschema, keyword: keyword, swiftType: member.ruleType) {
        case .rules(let rules): return rules
        case .nothing: return [.not([])]
        case .unsupported: return nil
        }
    }

    /// The rules a subschema states for a value of a generated string enum, on its raw value: `enum` and
    /// `const` as ``ValidationRule/rawEnumeration(_:)`` and ``ValidationRule/rawConst(_:)``, and a string's
    /// lengths, pattern and format. Any other keyword is warned about (`nil`).
    private mutating func rawValueRules(of subschema: Schema, keyword: String, wireName: String) -> [ValidationRule]? {
        let resolved = subschema.ref == nil ? subschema : dereferenced(subschema)
        var probe = resolved
        (probe.enum, probe.const, probe.maxLength, probe.minLength, probe.pattern, probe.patternLocation) =
            (nil, nil, nil, nil, nil, nil)
        (probe.format, probe.types, probe.isNullable) = (nil, [], false)
        guard probe.ref == nil, Self.isAnnotationOnly(probe) else {
            warn(
                "'\(keyword)' on an object is not checked yet: it says more of '\(wireName)', a string enum, than "
                    + "enum, const and a string's rules", at: subschema.location)
            return nil
        }
        if !resolved.nonNullTypes.isEmpty, !resolved.nonNullTypes.contains(.string) { return [.not([])] }
        let rules = ownRules(resolved, enumAsValues: true).compactMap { rule -> ValidationRule? in
            switch rule {
            case .enumeration(let values): .rawEnumeration(values.compactMap(\.stringValue))
            case .const(let value): value.stringValue.map(ValidationRule.rawConst) ?? .rawEnumeration([])
            case .maxLength, .minLength, .pattern, .format: rule
            default: nil
            }
        }
        checkPatterns(located(rules, in: resolved))
        return rules
    }

    /// The `not`, `if`/`then`/`else` and `dependentSchemas` of a struct's schema and of each schema in
    /// `parts` (its `allOf` parts, which the struct merges), as checks of the struct's properties. What the
    /// checks cannot tell is warned about and left out.
    mutating func objectChecks(_ parts: [Schema], in scope: ObjectScope)
        -> (negations: [ObjectSubschema], conditionals: [ObjectConditional])
    {
        var negations: [ObjectSubschema] = []
        var conditionals: [ObjectConditional] = []
        for part in parts {
            if let negated = part.not,
                let subschema = objectSubschema(negated, keyword: "not", in: scope, isCondition: true),
                !subschema.matchesNothing
            {
                negations.append(subschema)
            }
            if let ifSchema = part.if, let conditional = objectConditional(ifSchema, part.then, part.else, in: scope) {
                conditionals.append(conditional)
            }
            for entry in part.dependentSchemas {
                guard let trigger = member(entry.key, of: scope) else {
                    warn(
                        "dependentSchemas names \(entry.key), which the object neither declares nor keeps: not checked",
                        at: entry.value.location)
                    continue
                }
                let dependent = objectSubschema(entry.value, keyword: "dependentSchemas", in: scope, isCondition: false)
                guard let then = Self.saysSomething(dependent) else { continue }
                var present = trigger.check
                present.mustBePresent = true
                let condition = trigger.isAlwaysPresent ? nil : ObjectSubschema(checks: [present])
                conditionals.append(ObjectConditional(condition: condition, then: then))
            }
        }
        return (negations, conditionals)
    }

    /// `if`, `then` and `else` on the struct of `scope`; `nil` when one of them cannot be checked (a warning
    /// says why) or they say nothing. An `if` that every object meets is its `then`, one that none meets its
    /// `else`.
    private mutating func objectConditional(
        _ ifSchema: Schema, _ thenSchema: Schema?, _ elseSchema: Schema?, in scope: ObjectScope
    ) -> ObjectConditional? {
        // Each is worked out, so that every problem is reported at once.
        let condition = objectSubschema(ifSchema, keyword: "if", in: scope, isCondition: true)
        var then: ObjectSubschema?
        var otherwise: ObjectSubschema?
        var isCheckable = condition != nil
        if let thenSchema {
            then = objectSubschema(thenSchema, keyword: "then", in: scope, isCondition: false)
            isCheckable = isCheckable && then != nil
        }
        if let elseSchema {
            otherwise = objectSubschema(elseSchema, keyword: "else", in: scope, isCondition: false)
            isCheckable = isCheckable && otherwise != nil
        }
        guard let condition, isCheckable else { return nil }
        let conditional =
            if condition.matchesNothing {
                ObjectConditional(condition: nil, then: Self.saysSomething(otherwise))
            } else if condition.checks.isEmpty {
                ObjectConditional(condition: nil, then: Self.saysSomething(then))
            } else {
                ObjectConditional(
                    condition: condition, then: Self.saysSomething(then), otherwise: Self.saysSomething(otherwise))
            }
        return conditional.then == nil && conditional.otherwise == nil ? nil : conditional
    }

    /// A subschema that no object breaks says nothing (`nil`); one that none meets says `false`.
    private static func saysSomething(_ subschema: ObjectSubschema?) -> ObjectSubschema? {
        guard let subschema, subschema.matchesNothing || !subschema.checks.isEmpty else { return nil }
        return subschema
    }
}
