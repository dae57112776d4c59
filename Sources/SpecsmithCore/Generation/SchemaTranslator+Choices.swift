import SpecsmithDiagnostics

/// Object keywords beside a `oneOf` or `anyOf`, which JSON Schema applies with it: `{properties, required,
/// oneOf: [A, B]}` is the object keywords and exactly one of A and B (for `anyOf`, at least one). Where the
/// subschemas only constrain what the object declares (`oneOf: [{required: [email]}, {required: [phone]}]`), the
/// value is the object's struct, which checks them (``ObjectChoice``); where they declare properties of their own,
/// the keywords beside are one more `allOf` part, distributed over the union as for an `allOf` (see
/// ``distribution(of:)``).
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

    /// Whether `schema` says what an object holds beside a `oneOf` or `anyOf` of subschemas that do more than
    /// constrain its properties, without an `allOf`: its `properties`, or what ``saysMoreOfAnObject(_:)`` counts.
    /// These keywords are one more `allOf` part, which the union distributes over.
    static func saysOfAnObjectBesideUnion(_ schema: Schema) -> Bool {
        guard !schema.oneOf.isEmpty || !schema.anyOf.isEmpty, schema.ref == nil, schema.allOf.isEmpty else {
            return false
        }
        let types = schema.nonNullTypes
        guard types.isEmpty || types == [.object], !schema.properties.isEmpty || saysMoreOfAnObject(schema) else {
            return false
        }
        return !choosesAmongOwnProperties(schema)
    }

    /// The object keywords beside a `oneOf` or `anyOf` as the first part of one of its cases, ahead of the
    /// member it chose, so that the merged struct declares the object's properties first (`ShapeOption1`: `id`,
    /// then `radius`). Its other keywords stay beside the parts, as those beside an `allOf` do.
    static func besideAsFirstPart(of schema: Schema, before parts: [Schema]) -> (schema: Schema, parts: [Schema]) {
        var base = Schema(location: schema.location)
        (base.properties, base.required, base.types) = (schema.properties, schema.required, [.object])
        var rest = schema
        (rest.properties, rest.required) = (OrderedMap(), [])
        return (rest, [base] + parts)
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

    /// A warning for the object keywords beside a `oneOf` or `anyOf` that could not be distributed over it
    /// (``saysOfAnObjectBesideUnion(_:)``): the union is generated with a case per member alone, without them.
    /// (`if` and `dependentSchemas` there have a warning of their own.)
    mutating func warnAboutKeywordsBesideUnion(_ schema: Schema, _ outcome: DistributionOutcome) {
        guard case .failure(let failure)? = outcome, Self.saysOfAnObjectBesideUnion(schema) else { return }
        let keywords = [
            ("properties", !schema.properties.isEmpty), ("required", !schema.required.isEmpty),
            ("additionalProperties", schema.additionalProperties != nil),
            ("patternProperties", !schema.patternProperties.isEmpty),
            ("minProperties", schema.minProperties != nil), ("maxProperties", schema.maxProperties != nil),
            ("dependentRequired", !schema.dependentRequired.isEmpty), ("propertyNames", schema.propertyNames != nil),
        ].filter(\.1).map(\.0)
        guard let last = keywords.last else { return }
        let list = keywords.count > 1 ? keywords.dropLast().joined(separator: ", ") + " and " + last : last
        let reason =
            switch failure {
            case .refersBack(let name):
                "merging them with members that refer back to the schema (through \(name)) never ends"
            case .tooManyCases:
                "merging them with its members into more than \(Self.maximumDistributedCases) cases is not generated"
            case .notAnObject(let member):
                "merging them with a member that makes no object (line \(member.line), column \(member.column)"
                    + (member.file == schema.location.file ? ")" : " of \(member.file))") + " is not generated yet"
            }
        warn(
            "\(schema.oneOf.isEmpty ? "anyOf" : "oneOf") beside \(list) is a union of its members alone, without "
                + "them: \(reason)", at: schema.location)
    }
}
