/// Writes the statements that check a value's rules: `context.check(name, at: "name", .maxLength(64))`;
/// for `not` a `checkNot` whose closure checks the subschema's rules on a context of its own; for `if` a
/// `checkIf` with a closure for each of `if`, `then` and `else`; for the members of an array or dictionary
/// that are arrays or dictionaries themselves, a `check(each:)` whose closure checks each member's rules.
struct CheckWriter {
    /// What a rule is checked on.
    enum Target {
        /// The value itself.
        case value
        /// Each element of an array (`check(each:)`).
        case elements
        /// Each value of a dictionary, at its name (`check(eachValue:)`).
        case values
        /// Each name of a dictionary or an object, at the name (`check(namesOf:)`).
        case names

        /// The argument label before the value.
        var label: String {
            switch self {
            case .value: ""
            case .elements: "each: "
            case .values: "eachValue: "
            case .names: "namesOf: "
            }
        }

        /// What a constant's name says of the members it checks: `namePattern`, `nameItemPattern`,
        /// `nameValueValues`.
        var constantInfix: String {
            switch self {
            case .value: ""
            case .elements: "Item"
            case .values: "Value"
            case .names: "Name"
            }
        }
    }

    /// Whether patterns and value lists are built once in `static let`s (in a type's `validate`), or
    /// written inline (in an operation, which has no type of its own).
    let hoists: Bool
    /// The type each type alias stands for, to see through it (`Position` → `[Double]`).
    let aliases: [String: String]
    /// The `static let`s the statements use: `declaration` and `value`.
    private(set) var constants: [TemplateContext] = []
    /// The names of the constants, each once: two patterns of one property (from two `allOf` parts) are
    /// `namePattern` and `namePattern2`.
    private var constantNames: Set<String> = []
    /// Where the next search for each numbered constant name starts (``SwiftNames/unique(_:numbers:isTaken:)``).
    private var constantNumbers: [String: Int] = [:]

    init(hoists: Bool, aliases: [String: String]) {
        self.hoists = hoists
        self.aliases = aliases
    }

    /// `type` without the `?` of an optional, and with aliases followed: `[Double]` for `Position?`.
    func resolved(_ type: String) -> String {
        var type = type.hasSuffix("?") ? String(type.dropLast()) : type
        for _ in 0..<aliases.count {
            guard let next = aliases[type] else { break }
            type = next.hasSuffix("?") ? String(next.dropLast()) : next
        }
        return type
    }

    /// The Swift type of what a rule sees in a value of type `type`: the value itself, or each of its
    /// members (`String` for `[String]`, `[String?]`, whose `nil`s no rule applies to, and `[String:
    /// String]`), aliases followed; `nil` when the value is no array or dictionary to have members.
    private func memberType(of type: String, _ target: Target) -> String? {
        let type = resolved(type)
        guard target != .value else { return type }
        if target == .names { return type.hasPrefix("[String: ") || type == "JSONValue" ? "String" : nil }
        guard type.hasPrefix("["), type.hasSuffix("]"), type.hasPrefix("[String: ") == (target == .values) else {
            return nil
        }
        let member = target == .values ? type.dropFirst("[String: ".count).dropLast() : type.dropFirst().dropLast()
        return resolved(String(member))
    }

    /// The statements that check a value's own rules, its elements' and its dictionary values', as
    /// ``statements(for:value:key:type:target:receiver:constantBase:)`` writes each; nothing, without
    /// working out a name, when there are none (most properties).
    mutating func statements(
        value rules: [ValidationRule],
        elements elementRules: [ValidationRule],
        values valueRules: [ValidationRule],
        of value: String,
        key: @autoclosure () -> String,
        type: String,
        constantBase: @autoclosure () -> String
    ) -> [String] {
        guard !rules.isEmpty || !elementRules.isEmpty || !valueRules.isEmpty else { return [] }
        let (key, base) = (key(), constantBase())
        var lines = statements(for: rules, value: value, key: key, type: type, constantBase: base)
        lines.append(
            taking: statements(
                for: elementRules, value: value, key: key, type: type, target: .elements, constantBase: base))
        lines.append(
            taking: statements(
                for: valueRules, value: value, key: key, type: type, target: .values, constantBase: base))
        return lines
    }

    /// The statements that check `rules` on `value` (or each of its members, as `target` says) at `key`,
    /// a string literal or `.here`; `receiver` is the context's name, and `constantBase` names the
    /// constants. Members that are arrays or dictionaries are checked in one closure, which sees each
    /// member at `.here`.
    mutating func statements(
        for rules: [ValidationRule],
        value: String,
        key: String,
        type: String,
        target: Target = .value,
        receiver: String = "context",
        constantBase: String
    ) -> [String] {
        guard !rules.isEmpty, let memberType = memberType(of: type, target) else { return [] }
        // A JSONValue member is checked in the closure too, where each rule has an overload for it; and a
        // member with `if`, whose `checkIf` takes one value.
        guard target != .value,
            memberType.hasPrefix("[") || memberType == "JSONValue"
                || rules.contains(where: { $0.isAboutCollections || $0.isConditional })
        else {
            return rules.flatMap {
                statements(
                    for: $0,
                    value: value,
                    key: key,
                    memberType: memberType,
                    target: target,
                    receiver: receiver,
                    constantBase: constantBase
                )
            }
        }
        let member = target == .elements ? "item" : "value"
        var body: [String] = []
        for rule in rules {
            body += statements(
                for: rule,
                value: member,
                key: ".here",
                memberType: memberType,
                receiver: "context",
                constantBase: constantBase + target.constantInfix
            ).map { "    " + $0 }
        }
        guard !body.isEmpty else { return [] }
        return [
            String(
                concatenating: receiver,
                ".check(",
                target.label,
                value,
                ", at: ",
                key,
                ") { context, ",
                member,
                " in"
            )
        ]
            + body + ["}"]
    }

    /// The statements that check `rule` on `value`, or each of its members of Swift type `memberType`.
    private mutating func statements(
        for rule: ValidationRule,
        value: String,
        key: String,
        memberType: String,
        target: Target = .value,
        receiver: String,
        constantBase: String
    ) -> [String] {
        let argument = target == .value ? value : String(concatenating: target.label, value)
        // The rule's expression in pieces (``Renderer/expressionPieces(_:type:)``), for the statement's one
        // concatenation.
        let expression: (String, String, String)
        switch rule {
        case .members(let rules):
            // The value is an array or a dictionary (else, a JSONValue, its members are not checked).
            guard target == .value, memberType.hasPrefix("[") else { return [] }
            return statements(
                for: rules,
                value: value,
                key: key,
                type: memberType,
                target: memberType.hasPrefix("[String: ") ? .values : .elements,
                receiver: receiver,
                constantBase: constantBase
            )
        case .prefixItems(let positions, let rest):
            // The value is an array, or a JSONValue holding one; each item is checked by its position.
            let isArray = memberType.hasPrefix("[") && !memberType.hasPrefix("[String: ")
            guard target == .value, isArray || memberType == "JSONValue" else { return [] }
            let itemType = isArray ? resolved(String(memberType.dropFirst().dropLast())) : "JSONValue"
            func body(_ rules: [ValidationRule], _ name: String) -> [String] {
                let lines = statements(
                    for: rules, value: "item", key: ".here", type: itemType, constantBase: constantBase + name)
                return lines.isEmpty ? ["    break"] : lines.map { "    " + $0 }
            }
            // Without positions (`items` on a JSONValue), every item meets the rules of `items`.
            if positions.isEmpty {
                let lines = statements(
                    for: rest, value: "item", key: ".here", type: itemType, constantBase: constantBase + "Item")
                guard !lines.isEmpty else { return [] }
                let opener = String(
                    concatenating: receiver, ".check(positions: ", value, ", at: ", key, ") { context, _, item in")
                return [opener] + lines.map { "    " + $0 } + ["}"]
            }
            // Positions after the last with rules share `default` when no rule of `items` applies to them.
            let restLines = body(rest, "Rest")
            let last = restLines == ["    break"] ? positions.lastIndex { !$0.isEmpty } ?? -1 : positions.count - 1
            var lines = [String(concatenating: receiver, ".check(positions: ", value, ", at: ", key, ") { context, position, item in")]
            lines.append("    switch position {")
            for index in 0..<(last + 1) {
                lines.append("    case \(index):")
                lines += body(positions[index], "Item\(index)").map { "    " + $0 }
            }
            lines += ["    default:"] + restLines.map { "    " + $0 } + ["    }", "}"]
            return lines
        case .contains(let rules, let min, let max):
            let isArray = memberType.hasPrefix("[") && !memberType.hasPrefix("[String: ")
            guard target == .value, isArray || memberType == "JSONValue" else { return [] }
            let itemType = isArray ? resolved(String(memberType.dropFirst().dropLast())) : "JSONValue"
            let counts = max.map { ", min: \(min), max: \($0)" } ?? ", min: \(min)"
            let opener = String(concatenating: receiver, ".check(contains: ", value, ", at: ", key, counts, ")")
            let inner = statements(
                for: rules, value: "item", key: ".here", type: itemType, receiver: "subschema",
                constantBase: constantBase + "Contains")
            // A subschema without rules matches every item; `false` (`not: {}`) none.
            guard !inner.isEmpty else { return [opener + " { _, _ in }"] }
            return [opener + " { subschema, item in"] + inner.map { "    " + $0 } + ["}"]
        case .patternProperties(let patterns, let rules, let rest, let closed):
            let isDictionary = memberType.hasPrefix("[String: ")
            guard target == .value, isDictionary || memberType == "JSONValue" else { return [] }
            let valueType = isDictionary ? resolved(String(memberType.dropFirst("[String: ".count).dropLast())) : "JSONValue"
            // `additionalProperties: false` alone: every name is one too many.
            if patterns.isEmpty, closed {
                return [
                    String(
                        concatenating: receiver, ".check(patternProperties: ", value, ", at: ", key,
                        ", [], closed: true)")
                ]
            }
            // `additionalProperties` alone (on a JSONValue): every value meets its rules.
            if patterns.isEmpty {
                let inner = statements(
                    for: rest, value: "value", key: ".here", type: valueType, constantBase: constantBase + "Value")
                guard !inner.isEmpty else { return [] }
                let opener = String(
                    concatenating: receiver, ".check(patternProperties: ", value, ", at: ", key,
                    ", []) { context, _, value in")
                return [opener] + inner.map { "    " + $0 } + ["}"]
            }
            func body(_ rules: [ValidationRule], _ name: String) -> [String] {
                statements(for: rules, value: "value", key: ".here", type: valueType, constantBase: constantBase + name)
                    .map { "        " + $0 }
            }
            // The list of patterns is declared before the constants of the checks inside.
            let mark = constants.count
            let bodies = rules.indices.map { body(rules[$0], "Pattern\($0 + 1)") }
            let restBody = body(rest, "Other")
            let checksValues = !restBody.isEmpty || bodies.contains { !$0.isEmpty }
            // Patterns whose schemas only say what decoding already enforces check nothing: unless they close
            // the object, there is no statement at all.
            guard checksValues || closed else { return [] }
            let list = "[" + patterns.map { "Pattern(\(SwiftLiteral.raw($0)))" }.joined(separator: ", ") + "]"
            let argument: String
            if hoists {
                let name = constantName(String(concatenating: constantBase, "NamePatterns"))
                constants.insert([.declaration: .string(name), .value: .string(list)], at: mark)
                argument = "Self." + name
            } else {
                argument = list
            }
            let call = String(
                concatenating: receiver, ".check(patternProperties: ", value, ", at: ", key, ", ", argument,
                closed ? ", closed: true" : "", ")")
            guard checksValues else { return [call] }
            var lines = [call + " { context, pattern, value in", "    switch pattern {"]
            // A pattern without checks falls to `default`, unless the names no pattern matches have checks.
            for (index, caseLines) in bodies.enumerated() where !caseLines.isEmpty || !restBody.isEmpty {
                lines.append("    case \(index):")
                lines += caseLines.isEmpty ? ["        break"] : caseLines
            }
            lines += ["    default:"] + (restBody.isEmpty ? ["        break"] : restBody) + ["    }", "}"]
            return lines
        case .property(let name, let rules):
            let isDictionary = memberType.hasPrefix("[String: ")
            guard target == .value, isDictionary || memberType == "JSONValue" else { return [] }
            let valueType =
                isDictionary ? resolved(String(memberType.dropFirst("[String: ".count).dropLast())) : "JSONValue"
            let inner = statements(
                for: rules, value: "value", key: ".here", type: valueType,
                constantBase: constantBase + SwiftNames.type(name))
            guard !inner.isEmpty else { return [] }
            let opener = String(
                concatenating: receiver, ".check(property: ", SwiftLiteral.string(name), ", of: ", value, ", at: ", key,
                ") { context, value in")
            return [opener] + inner.map { "    " + $0 } + ["}"]
        case .propertyNames(let rules):
            guard target == .value, let nameType = self.memberType(of: memberType, .names) else { return [] }
            return rules.flatMap {
                statements(
                    for: $0,
                    value: value,
                    key: key,
                    memberType: nameType,
                    target: .names,
                    receiver: receiver,
                    constantBase: constantBase
                )
            }
        case .not(let rules):
            let opener = "\(receiver).checkNot(\(argument), at: \(key))"
            // A `not` without rules is `false`: any value breaks it.
            guard !rules.isEmpty else { return [opener + " { _, _ in }"] }
            let inner = statements(
                for: rules,
                value: "value",
                key: key,
                type: memberType,
                receiver: "subschema",
                constantBase: constantBase + "Not"
            )
            return [opener + " { subschema, value in"] + inner.map { "    " + $0 } + ["}"]
        case .conditional(let condition, let then, let otherwise):
            // Each member is checked in a closure of its own (see above), where this is its value.
            guard target == .value else { return [] }
            func body(_ rules: [ValidationRule], _ receiver: String, _ name: String) -> [String] {
                statements(
                    for: rules, value: "value", key: key, type: memberType, receiver: receiver,
                    constantBase: constantBase + name
                ).map { "    " + $0 }
            }
            var lines = ["\(receiver).checkIf(\(value)) { subschema, value in"] + body(condition, "subschema", "If")
            if !then.isEmpty { lines += ["} then: { context, value in"] + body(then, "context", "Then") }
            if !otherwise.isEmpty { lines += ["} else: { context, value in"] + body(otherwise, "context", "Else") }
            return lines + ["}"]
        case .pattern(let source) where hoists:
            let name = constantName(String(concatenating: constantBase, target.constantInfix, "Pattern"))
            let pattern = String(concatenating: "Pattern(", SwiftLiteral.raw(source), ")")
            constants.append([.declaration: .string(name), .value: .string(pattern)])
            expression = (".pattern(Self.", name, ")")
        case .enumeration where hoists, .rawEnumeration where hoists:
            // Built once: a rule holding an array would otherwise allocate on every check. A string enum's
            // raw values are a ListedRule.
            let name = constantName(String(concatenating: constantBase, target.constantInfix, "Values"))
            let ruleType = if case .rawEnumeration = rule { "ListedRule" } else { "ValueRule<\(memberType)>" }
            constants.append(
                [
                    .declaration: .string("\(name): \(ruleType)"),
                    .value: .string(Renderer.expression(rule, type: memberType)),
                ])
            expression = ("Self.", name, "")
        default:
            expression = Renderer.expressionPieces(rule, type: memberType)
        }
        let (head, middle, tail) = expression
        return [String(concatenating: receiver, ".check(", argument, ", at: ", key, ", ", head, middle, tail, ")")]
    }
}

extension CheckWriter {
    /// `lines`, to stand at `indent` spaces, laid out as swift-format lays out a line too long for the line width:
    /// a closure's parameters one per line, and a call's arguments one per line.
    ///
    /// ```swift
    /// context.check(patternProperties: scores, at: "scores", Self.scoresNamePatterns, closed: true) {
    ///     context,
    ///     pattern,
    ///     value in
    /// context.check(
    ///     customerProfileBundleSid,
    ///     at: "customer_profile_bundle_sid",
    ///     .pattern(Self.customerProfileBundleSidPattern)
    /// )
    /// ```
    static func laidOut(_ lines: [String], indent: Int) -> [String] {
        // No line whose bytes fit (nearly all) is too wide.
        let width = DocComment.lineWidth - indent
        guard lines.contains(where: { $0.utf8.count > width }) else { return lines }
        var result: [String] = []
        result.reserveCapacity(lines.count)
        for line in lines {
            guard indent + DocComment.width(of: line) > DocComment.lineWidth else {
                result.append(line)
                continue
            }
            let lineIndent = String(line.prefix { $0 == " " })
            if line.hasSuffix(" in"), let open = line.range(of: ") { ", options: .backwards),
                indent + DocComment.width(of: String(line[..<open.lowerBound])) + 3 > DocComment.lineWidth,
                let (head, arguments) = callParts(line[...open.lowerBound].dropFirst(lineIndent.count)),
                arguments.count > 1
            {
                // A call too wide before its trailing closure: one argument a line, then the closure's opening.
                result.append(lineIndent + head)
                for (index, argument) in arguments.enumerated() {
                    result.append(lineIndent + "    " + argument + (index == arguments.count - 1 ? "" : ","))
                }
                result.append(lineIndent + ")" + line[open.lowerBound...].dropFirst())
            } else if line.hasSuffix(" in"), let open = line.range(of: ") { ", options: .backwards) {
                let parameters = line[open.upperBound...].dropLast(" in".count).split(separator: ", ")
                result.append(String(line[..<open.lowerBound]) + ") {")
                for (index, parameter) in parameters.enumerated() {
                    result.append(lineIndent + "    " + parameter + (index == parameters.count - 1 ? " in" : ","))
                }
            } else if let (head, arguments) = callParts(line.dropFirst(lineIndent.count)), arguments.count > 1 {
                result.append(lineIndent + head)
                for (index, argument) in arguments.enumerated() {
                    result.append(lineIndent + "    " + argument + (index == arguments.count - 1 ? "" : ","))
                }
                result.append(lineIndent + ")")
            } else {
                result.append(line)
            }
        }
        return result
    }

    /// A statement that is one call, `callee(a, b: c)`, as its head through `(` and its arguments, split at the
    /// commas outside brackets and string literals (raw ones included); `nil` for any other statement.
    static func callParts(_ statement: Substring) -> (head: String, arguments: [String])? {
        let bytes = Array(statement.utf8)
        guard bytes.last == UInt8(ascii: ")"),
            let open = bytes.firstIndex(of: UInt8(ascii: "(")), open > 0,
            bytes[..<open].allSatisfy({ $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || (0x30...0x39).contains($0)
                || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) })
        else { return nil }
        var arguments: [String] = []
        var depth = 0
        var start = open + 1
        var index = open + 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "#") {
                // A string literal: `"…"` with escapes, or `#"…"#` (any number of #) taken as it is.
                var hashes = 0
                while index < bytes.count, bytes[index] == UInt8(ascii: "#") {
                    hashes += 1
                    index += 1
                }
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
                index += 1
                var closed = false
                while index < bytes.count {
                    if hashes == 0, bytes[index] == UInt8(ascii: "\\") {
                        index += 2
                        continue
                    }
                    if bytes[index] == UInt8(ascii: "\""),
                        index + hashes < bytes.count,
                        bytes[(index + 1)..<(index + 1 + hashes)].allSatisfy({ $0 == UInt8(ascii: "#") })
                    {
                        index += 1 + hashes
                        closed = true
                        break
                    }
                    index += 1
                }
                guard closed else { return nil }
                continue
            }
            switch byte {
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                if depth == 0 {
                    // The call's own closing parenthesis must end the statement.
                    guard index == bytes.count - 1 else { return nil }
                    arguments.append(String(decoding: bytes[start..<index], as: UTF8.self))
                    return (String(decoding: bytes[...open], as: UTF8.self), arguments)
                }
                depth -= 1
            case UInt8(ascii: ",") where depth == 0:
                arguments.append(String(decoding: bytes[start..<index], as: UTF8.self))
                start = index + 2
                guard start <= bytes.count, bytes[index + 1] == UInt8(ascii: " ") else { return nil }
                index += 1
            default: break
            }
            index += 1
        }
        return nil
    }

    /// `name`, or with the first number from 2 that makes it a name no other constant has.
    fileprivate mutating func constantName(_ name: String) -> String {
        var numbers = constantNumbers
        constantNumbers = [:]
        let unique = SwiftNames.unique(name, numbers: &numbers) { constantNames.contains($0) }
        constantNumbers = numbers
        constantNames.insert(unique)
        return unique
    }
}

extension ValidationRule {
    /// Whether the rule is about an array or a dictionary, which only a member's own check can reach
    /// when the array or dictionary is itself a member.
    var isAboutCollections: Bool {
        switch self {
        case .minItems, .maxItems, .uniqueItems, .minProperties, .maxProperties, .required, .dependentRequired,
            .members, .prefixItems, .contains, .patternProperties, .propertyNames, .property:
            true
        default: false
        }
    }

    /// Whether the rule is `if`, `then` and `else`.
    var isConditional: Bool {
        if case .conditional = self { true } else { false }
    }
}
