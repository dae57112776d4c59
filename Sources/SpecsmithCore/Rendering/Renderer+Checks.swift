/// Writes the statements that check a value's rules: `context.check(name, at: "name", .maxLength(64))`,
/// and for `not` a `checkNot` whose closure checks the subschema's rules on a context of its own.
struct CheckWriter {
    /// What a rule is checked on.
    enum Target {
        /// The value itself.
        case value
        /// Each element of an array (`check(each:)`).
        case elements
        /// Each value of a dictionary, at its name (`check(eachValue:)`).
        case values

        /// The argument label before the value.
        var label: String {
            switch self {
            case .value: ""
            case .elements: "each: "
            case .values: "eachValue: "
            }
        }

        /// What a constant's name says of the members it checks: `namePattern`, `nameItemPattern`,
        /// `nameValueValues`.
        var constantInfix: String {
            switch self {
            case .value: ""
            case .elements: "Item"
            case .values: "Value"
            }
        }

        /// The Swift type a rule sees, from the type of the value: `String` for `[String]`, `[String?]` (whose
        /// `nil`s no rule applies to) and `[String: String]`.
        func memberType(of type: String) -> String {
            let member =
                switch self {
                case .value: Substring(type)
                case .elements: type.dropFirst().dropLast()
                case .values: type.dropFirst("[String: ".count).dropLast()
                }
            return String(self != .value && member.hasSuffix("?") ? member.dropLast() : member)
        }
    }

    /// Whether patterns and value lists are built once in `static let`s (in a type's `validate`), or
    /// written inline (in an operation, which has no type of its own).
    let hoists: Bool
    /// The `static let`s the statements use: `declaration` and `value`.
    private(set) var constants: [TemplateContext] = []

    init(hoists: Bool) {
        self.hoists = hoists
    }

    /// The statements that check `rule` on `value` (or each of its members, as `target` says) at `key`,
    /// a string literal or `.here`; `receiver` is the context's name, and `constantBase` names the constants.
    mutating func statements(
        for rule: ValidationRule, value: String, key: String, type: String, target: Target = .value,
        receiver: String = "context", constantBase: String
    ) -> [String] {
        let argument = target == .value ? value : String(concatenating: target.label, value)
        let memberType = target.memberType(of: type)
        let expression: String
        switch rule {
        case .not(let rules):
            let opener = "\(receiver).checkNot(\(argument), at: \(key))"
            // A `not` without rules is `false`: any value breaks it.
            guard !rules.isEmpty else { return [opener + " { _, _ in }"] }
            var lines = [opener + " { subschema, value in"]
            for inner in rules {
                lines += statements(
                    for: inner, value: "value", key: key, type: memberType, receiver: "subschema",
                    constantBase: constantBase + "Not"
                ).map { "    " + $0 }
            }
            return lines + ["}"]
        case .pattern(let source) where hoists:
            let name = String(concatenating: constantBase, target.constantInfix, "Pattern")
            constants.append(["declaration": .string(name), "value": .string("Pattern(\(SwiftLiteral.raw(source)))")])
            expression = ".pattern(Self.\(name))"
        case .enumeration where hoists:
            // Built once: a rule holding an array would otherwise allocate on every check.
            let name = String(concatenating: constantBase, target.constantInfix, "Values")
            constants.append(
                [
                    "declaration": .string("\(name): ValueRule<\(memberType)>"),
                    "value": .string(Renderer.expression(rule, type: memberType)),
                ])
            expression = "Self.\(name)"
        default:
            expression = Renderer.expression(rule, type: memberType)
        }
        return [String(concatenating: receiver, ".check(", argument, ", at: ", key, ", ", expression, ")")]
    }
}
