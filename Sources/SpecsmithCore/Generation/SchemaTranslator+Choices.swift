import SpecsmithDiagnostics

/// Object keywords beside a `oneOf` or `anyOf`, which JSON Schema applies with it: `{properties, required,
/// oneOf: [A, B]}` is the object keywords and exactly one of A and B (for `anyOf`, at least one). Where the
/// subschemas only constrain what the object declares (`oneOf: [{required: [email]}, {required: [phone]}]`), the
/// value is the object's struct, which checks them (``ObjectChoice``).
extension SchemaTranslator {
    /// Whether `schema` is an object with `properties` whose `oneOf` and `anyOf` subschemas only constrain the
    /// properties it declares: each is inline, of no type but `object`, declares no property of its own and holds
    /// no composition (`required`, rules of declared properties, `not`). The value is then the object's struct.
    static func choosesAmongOwnProperties(_ schema: Schema) -> Bool {
        guard !schema.oneOf.isEmpty || !schema.anyOf.isEmpty, schema.ref == nil, schema.allOf.isEmpty,
            !schema.properties.isEmpty
        else { return false }
        let types = schema.nonNullTypes
        guard types.isEmpty || types == [.object] else { return false }
        func constrainsOnly(_ member: Schema) -> Bool {
            let types = member.nonNullTypes
            return member.ref == nil && member.allOf.isEmpty && member.oneOf.isEmpty && member.anyOf.isEmpty
                && (types.isEmpty || types == [.object]) && !isNullSchema(member)
                && member.properties.keys.allSatisfy { schema.properties[$0] != nil }
        }
        return schema.oneOf.allSatisfy(constrainsOnly) && schema.anyOf.allSatisfy(constrainsOnly)
    }

    /// The `oneOf` and `anyOf` of a struct's schema and of each schema in `parts` (its `allOf` parts, which the
    /// struct merges), as checks of its properties; one whose subschemas the checks cannot tell is warned about
    /// (each problem at once) and left out.
    mutating func objectChoices(_ parts: [Schema], in scope: ObjectScope) -> [ObjectChoice] {
        var choices: [ObjectChoice] = []
        for part in parts {
            for (keyword, members) in [("oneOf", part.oneOf), ("anyOf", part.anyOf)] where !members.isEmpty {
                let subschemas = members.map { member in
                    objectSubschema(member, keyword: keyword, in: scope, isCondition: true, allowsNot: true)
                }
                guard subschemas.allSatisfy({ $0 != nil }) else { continue }
                choices.append(ObjectChoice(isExclusive: keyword == "oneOf", subschemas: subschemas.compactMap { $0 }))
            }
            if let discriminator = part.discriminator, !part.oneOf.isEmpty || !part.anyOf.isEmpty {
                warn(
                    "a discriminator beside a \(part.oneOf.isEmpty ? "anyOf" : "oneOf") whose subschemas only "
                        + "constrain the object's own properties selects nothing: the value is the object's struct",
                    at: discriminator.location)
            }
        }
        return choices
    }
}
