extension SchemaTranslator {
    /// A sentence per check that a struct makes of its object as a whole, for its doc comment, as its
    /// properties' limits are in theirs: `if`/`then`/`else` and `dependentSchemas` (`If `country` is present
    /// and is always "US": `postalCode` matches `^[0-9]{5}$`. Otherwise: `postalCode` is present.`), `not`
    /// (`Not allowed: ...`), `dependentRequired` (`Has the key `billingAddress` when it has `creditCard`.`) and
    /// `oneOf` and `anyOf` (`Exactly one of: `email` is present; `phone` is present.`).
    static func objectCheckDocumentation(_ declaration: StructDeclaration) -> [String] {
        var sentences: [String] = []
        for conditional in declaration.conditionals {
            let then = conditional.then.flatMap(phrase)
            let otherwise = conditional.otherwise.flatMap(phrase)
            guard let condition = conditional.condition else {
                // Every object meets the condition: `then` always applies.
                if let then { sentences.append(capitalized(then) + ".") }
                continue
            }
            if condition.matchesNothing {
                if let otherwise { sentences.append(capitalized(otherwise) + ".") }
                continue
            }
            guard let when = phrase(condition) else { continue }
            if let then { sentences.append("If \(when): \(then).") }
            if let otherwise { sentences.append("\(then == nil ? "Unless \(when)" : "Otherwise"): \(otherwise).") }
        }
        for negation in declaration.negations where !negation.matchesNothing {
            if let what = phrase(negation) { sentences.append("Not allowed: \(what).") }
        }
        for requirement in declaration.dependentRequired where !requirement.dependents.isEmpty {
            let keys = requirement.dependents.map { "`\($0.wireName)`" }
            let list = keys.count > 1 ? keys.dropLast().joined(separator: ", ") + " and " + keys.last! : keys[0]
            let has = "Has the key\(keys.count > 1 ? "s" : "") \(list)"
            // A trigger the struct always has (a required property) requires them always.
            let trigger = "`\(requirement.triggerName)`"
            sentences.append(
                requirement.trigger == nil ? "\(has), as it always has \(trigger)." : "\(has) when it has \(trigger).")
        }
        for choice in declaration.choices {
            sentences.append(choiceSentence(choice))
        }
        sentences += patternSentences(declaration)
        return sentences.isEmpty ? [] : [sentences.joined(separator: " ")]
    }

    /// `patternProperties` beside `properties`: ``Declared names matching `^x-`: `x-id` is at most 8 Unicode
    /// scalars.``, ``Undeclared names matching `^x-`: of type string.``, and `additionalProperties` for the names
    /// that match no pattern (``Other undeclared names: ...``, ``No other undeclared names.``).
    private static func patternSentences(_ declaration: StructDeclaration) -> [String] {
        var sentences: [String] = []
        for check in declaration.patternChecks {
            guard let what = phrase(check.subschema) else { continue }
            sentences.append("Declared names matching `\(check.pattern)`: \(what).")
        }
        guard case .patternProperties(let patterns, let rules, let rest, let closed)? = declaration.extras?.patternRule
        else { return sentences }
        func phrases(_ rules: [ValidationRule]) -> String {
            limitSentences(rules).map { $0.prefix(1).lowercased() + $0.dropFirst().dropLast() }
                .joined(separator: " and ")
        }
        var described = false
        for (pattern, rules) in zip(patterns, rules) where !phrases(rules).isEmpty {
            sentences.append("Undeclared names matching `\(pattern)`: \(phrases(rules)).")
            described = true
        }
        if closed, !described, !patterns.isEmpty {
            // "No other" would follow nothing: the patterns that allow a name are named instead.
            let names = patterns.map { "`\($0)`" }.joined(separator: ", ")
            let allowed = patterns.count == 1 ? names : "one of " + names
            sentences.append("No undeclared names but those matching \(allowed).")
        } else if closed {
            sentences.append("No other undeclared names.")
        } else if !phrases(rest).isEmpty {
            sentences.append("Other undeclared names: \(phrases(rest)).")
        }
        return sentences
    }

    /// What a subschema says of the properties it names, joined by "and": `` `country` is present and is
    /// always "US" ``; `nil` when it says nothing a sentence can tell.
    private static func phrase(_ subschema: ObjectSubschema) -> String? {
        if subschema.matchesNothing { return "it is not allowed" }
        let phrases = subschema.checks.compactMap(phrase)
        return phrases.isEmpty ? nil : phrases.joined(separator: " and ")
    }

    /// `Exactly one of: `email` is present; `phone` is present.` for `oneOf`, `At least one of: ...` for `anyOf`; a
    /// subschema that no object meets never holds, and is left out.
    private static func choiceSentence(_ choice: ObjectChoice) -> String {
        let phrases = choice.subschemas.filter { !$0.matchesNothing }.map { choicePhrase($0) ?? "any object" }
        guard !phrases.isEmpty else { return "No object is allowed: no subschema of its oneOf or anyOf can hold." }
        return (choice.isExclusive ? "Exactly one of: " : "At least one of: ") + phrases.joined(separator: "; ") + "."
    }

    /// What a subschema of `oneOf` or `anyOf` says, its own `not` included: `` `email` is present and `phone` is
    /// absent ``, `` not (`kind` is always "pallet") ``.
    private static func choicePhrase(_ subschema: ObjectSubschema) -> String? {
        var phrases = subschema.checks.compactMap(phrase)
        for negation in subschema.negations {
            if negation.isPresenceOnly, negation.checks.count == 1 {
                phrases.append("`\(negation.checks[0].wireName)` is absent")
            } else if let negated = choicePhrase(negation) {
                phrases.append("not (\(negated))")
            }
        }
        return phrases.isEmpty ? nil : phrases.joined(separator: " and ")
    }

    /// What a subschema says of one property: `` `postalCode` matches `^[0-9]{5}$` ``, `` `size` is present
    /// and is at least 10 ``.
    private static func phrase(_ check: ObjectSubschema.Check) -> String? {
        let limits = limitSentences(check.rules).map { $0.prefix(1).lowercased() + $0.dropFirst().dropLast() }
        let name = "`\(check.wireName)`"
        // Limits that name a value or a quantity read after "is"; any other (`matches`, `items are unique`)
        // reads as it is, after a colon when several are joined.
        if limits.allSatisfy({ limit in predicatePrefixes.contains { limit.hasPrefix($0) } }) {
            let parts = (check.mustBePresent ? ["is present"] : []) + limits.map { "is " + $0 }
            return parts.isEmpty ? nil : "\(name) \(parts.joined(separator: " and "))"
        }
        if limits.count == 1, !check.mustBePresent { return "\(name) \(limits[0])" }
        let parts = (check.mustBePresent ? ["present"] : []) + limits
        return "\(name): \(parts.joined(separator: " and "))"
    }

    /// How the limit sentences that follow "is" begin.
    private static let predicatePrefixes = [
        "at least ", "at most ", "from ", "exactly ", "greater than ", "less than ", "a multiple of ", "one of ",
        "always ", "a valid ", "of type ",
    ]

    private static func capitalized(_ phrase: String) -> String {
        phrase.hasPrefix("`") ? phrase : phrase.prefix(1).uppercased() + phrase.dropFirst()
    }
}
