/// Writes the statements that check a value's rules: `context.check(name, at: "name", .maxLength(64))`,
/// and for `not` a `checkNot` whose closure checks the subschema's rules on a context of its own.
struct CheckWriter {
    /// Whether patterns and value lists are built once in `static let`s (in a type's `validate`), or
    /// written inline (in an operation, which has no type of its own).
    let hoists: Bool
    /// The `static let`s the statements use: `declaration` and `value`.
    private(set) var constants: [TemplateContext] = []

    init(hoists: Bool) {
        self.hoists = hoists
    }

    /// The statements that check `rule` on `value` (each element when `each`) at `key`, a string
    /// literal; `receiver` is the context's name, and `constantBase` names the constants.
    mutating func statements(
        for rule: ValidationRule, value: String, key: String, type: String, each: Bool, receiver: String = "context",
        constantBase: String
    ) -> [String] {
        let target = (each ? "each: " : "") + value
        let expression: String
        switch rule {
        case .not(let rules):
            let opener = "\(receiver).checkNot(\(target), at: \(key))"
            // A `not` without rules is `false`: any value breaks it.
            guard !rules.isEmpty else { return [opener + " { _, _ in }"] }
            let elementType = each ? String(type.dropFirst().dropLast()) : type
            var lines = [opener + " { subschema, value in"]
            for inner in rules {
                lines += statements(
                    for: inner, value: "value", key: key, type: elementType, each: false, receiver: "subschema",
                    constantBase: constantBase + "Not"
                ).map { "    " + $0 }
            }
            return lines + ["}"]
        case .pattern(let source) where hoists:
            let name = constantBase + (each ? "ItemPattern" : "Pattern")
            constants.append(["declaration": .string(name), "value": .string("Pattern(\(SwiftLiteral.raw(source)))")])
            expression = ".pattern(Self.\(name))"
        case .enumeration where hoists:
            // Built once: a rule holding an array would otherwise allocate on every check.
            let name = constantBase + "Values"
            constants.append(
                ["declaration": .string("\(name): ValueRule<\(type)>"), "value": .string(Renderer.expression(rule, type: type))])
            expression = "Self.\(name)"
        default:
            expression = Renderer.expression(rule, type: each ? String(type.dropFirst().dropLast()) : type)
        }
        return ["\(receiver).check(\(target), at: \(key), \(expression))"]
    }
}
