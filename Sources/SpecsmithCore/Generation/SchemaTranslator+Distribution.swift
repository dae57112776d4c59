import SpecsmithDiagnostics

/// An `allOf` that holds a `oneOf` or `anyOf` (a part that is one, a part's part, or one beside the `allOf`) as
/// the union it amounts to. JSON Schema lets `allOf` distribute over them: `allOf: [X, {oneOf: [A, B]}]` accepts
/// exactly the values that `oneOf: [{allOf: [X, A]}, {allOf: [X, B]}]` accepts (X holds, and exactly one of A and
/// B), and so for `anyOf`, for a `oneOf` beside the `allOf`, and for the object keywords beside them, which are one
/// more part. Each case is then an `allOf` of objects, merged into a struct as any other; several unions multiply.
extension SchemaTranslator {
    /// The most cases an `allOf` is distributed into: beyond, the value is a `JSONValue` (a warning).
    static let maximumDistributedCases = 16

    struct Distribution {
        /// The member a case chose of one union, and its position there (which names an inline member).
        struct Member {
            var schema: Schema
            var position: Int
        }

        /// One case of the union: the parts whose merged struct it holds.
        struct Case {
            /// What the case's struct merges besides the schema's own keywords: the parts every case shares and
            /// the member chosen of each union (of a member that distributes in turn, its parts).
            var parts: [Schema] = []
            /// The member chosen of each union, outermost first: what names the case.
            var members: [Member] = []
        }

        /// A `oneOf` or `anyOf` whose members the cases choose.
        struct Union {
            var keyword: String
            var members: [Schema]
            var discriminator: Discriminator?
        }

        var cases: [Case]
        /// Every union met, innermost first.
        var unions: [Union]
        /// The discriminators of the `allOf` parts beside the unions (a base schema's, which its `mapping`
        /// or the members' names make select a case).
        var baseDiscriminators: [Discriminator]
    }

    /// Why an `allOf` that holds a `oneOf` or `anyOf` is not generated as the union it amounts to.
    enum DistributionFailure: Error {
        /// A case refers back to a schema being distributed (`Child: {allOf: [$ref: Parent]}` where Parent is a
        /// `oneOf` of Child), named by the reference that comes back: distributing never ends.
        case refersBack(String)
        case tooManyCases
        /// A case that does not merge into an object (a string, null), at its member.
        case notAnObject(SourceLocation)

        /// The warning at the schema, which is then a `JSONValue`, written at `location`.
        func message(at location: SourceLocation) -> String {
            let problem =
                switch self {
                case .refersBack(let name):
                    "whose cases refer back to it (through \(name)) is not generated yet, as distributing the allOf "
                        + "over them never ends"
                case .tooManyCases:
                    "is not generated when distributing the allOf over them makes more than "
                        + "\(SchemaTranslator.maximumDistributedCases) cases"
                case .notAnObject(let member):
                    "is not generated yet where a case is not an object (line \(member.line), column \(member.column)"
                        + (member.file == location.file ? ")" : " of \(member.file))")
                }
            return "allOf with a oneOf or anyOf \(problem); the value is a JSONValue"
        }
    }

    /// What ``distribution(of:)`` finds: `nil` for a schema that distributes over nothing.
    typealias DistributionOutcome = Result<Distribution, DistributionFailure>?

    /// The canonical id of every schema that is a `oneOf` or `anyOf`, or holds one in its `allOf` (in a part or
    /// a part's part, through references): what ``distribution(of:)`` looks for, asked of a reference once.
    static func unionHolders(_ schemas: OrderedMap<Schema>) -> Set<String> {
        var answers: [String: Bool] = [:]
        func holds(_ schema: Schema) -> Bool {
            if !schema.oneOf.isEmpty || !schema.anyOf.isEmpty { return !choosesAmongOwnProperties(schema) }
            if schema.allOf.contains(where: holds) { return true }
            guard let ref = schema.ref else { return false }
            if let known = answers[ref.id] { return known }
            // A cycle of references holds nothing more on its way round.
            answers[ref.id] = false
            let answer = schemas[ref.id].map(holds) ?? false
            answers[ref.id] = answer
            return answer
        }
        var holders: Set<String> = []
        for entry in schemas {
            let schema = entry.value
            guard schema.ref != nil || !schema.allOf.isEmpty || !schema.oneOf.isEmpty || !schema.anyOf.isEmpty else {
                continue
            }
            if holds(schema) { holders.insert(entry.key) }
        }
        return holders
    }

    /// Whether a schema is, or holds in its `allOf`, a `oneOf` or `anyOf`.
    private func holdsUnion(_ schema: Schema) -> Bool {
        if !schema.oneOf.isEmpty || !schema.anyOf.isEmpty { return !Self.choosesAmongOwnProperties(schema) }
        if let ref = schema.ref, unionHolders.contains(ref.id) { return true }
        return schema.allOf.contains(where: holdsUnion)
    }

    /// The union an `allOf` that holds a `oneOf` or `anyOf` amounts to, or why it is not generated; `nil` for any
    /// other schema, and for an `allOf` of one part beside annotations, whose value is the part's type. Object
    /// keywords beside a `oneOf` or `anyOf` without an `allOf` are one more part (see
    /// ``saysOfAnObjectBesideUnion(_:)``).
    func distribution(of schema: Schema) -> DistributionOutcome {
        guard schema.ref == nil, !schema.allOf.isEmpty || Self.saysOfAnObjectBesideUnion(schema) else { return nil }
        let unionBeside = !schema.oneOf.isEmpty || !schema.anyOf.isEmpty
        guard unionBeside || schema.allOf.contains(where: holdsUnion) else { return nil }
        if let known = distributions[schema.location], known.schema == schema { return known.outcome }
        guard unionBeside || schema.allOf.count > 1 || !schema.properties.isEmpty || Self.saysMoreOfAnObject(schema)
        else { return nil }
        var expansion = Expansion()
        do throws(DistributionFailure) {
            let cases = try Self.product(factors(of: schema, in: &expansion))
            // A part that only may hold a union (`anyOf` beside null alone) distributes into nothing.
            guard !expansion.unions.isEmpty else { return nil }
            for distributed in cases where mergedAllOf(caseSchema(distributed, of: schema)) == nil {
                throw .notAnObject(distributed.members.last?.schema.location ?? schema.location)
            }
            let bases = schema.allOf.compactMap { part in
                holdsUnion(part) ? nil : (part.ref.map { dereferenced(referencedSchema($0)) } ?? part).discriminator
            }
            return .success(Distribution(cases: cases, unions: expansion.unions, baseDiscriminators: bases))
        } catch {
            return .failure(error)
        }
    }

    /// The schema of one case: `schema`'s own keywords (its `properties`, `required`, `not`...), with the case's
    /// parts as its `allOf`. Merged, it is the case's struct.
    func caseSchema(_ distributed: Distribution.Case, of schema: Schema) -> Schema {
        var (result, parts) = (schema, distributed.parts)
        // Properties beside a union alone come first, as those of a base part would.
        if schema.allOf.isEmpty { (result, parts) = Self.besideAsFirstPart(of: schema, before: parts) }
        (result.allOf, result.oneOf, result.anyOf, result.discriminator) = (parts, [], [], nil)
        (result.title, result.description) = (nil, nil)
        return result
    }

    /// What distributing carries along: the references being followed, to stop where one comes back, and the
    /// unions met.
    private struct Expansion {
        var path: [String] = []
        var unions: [Distribution.Union] = []
    }

    /// For each of what a schema holds besides its own keywords (its reference, each `allOf` part, its `oneOf`
    /// and its `anyOf`), the alternatives it allows.
    private func factors(of schema: Schema, in expansion: inout Expansion) throws(DistributionFailure)
        -> [[Distribution.Case]]
    {
        var factors: [[Distribution.Case]] = []
        if let ref = schema.ref {
            factors.append(try alternatives(of: Schema(location: schema.location, ref: ref), in: &expansion))
        }
        for part in schema.allOf { factors.append(try alternatives(of: part, in: &expansion)) }
        for (keyword, members) in [("oneOf", schema.oneOf), ("anyOf", schema.anyOf)] where !members.isEmpty {
            var cases: [Distribution.Case] = []
            for (position, member) in members.enumerated() {
                if Self.isNullSchema(member) { throw .notAnObject(member.location) }
                for var alternative in try alternatives(of: member, in: &expansion) {
                    alternative.members.insert(Distribution.Member(schema: member, position: position), at: 0)
                    cases.append(alternative)
                }
                guard cases.count <= Self.maximumDistributedCases else { throw .tooManyCases }
            }
            let union = Distribution.Union(keyword: keyword, members: members, discriminator: schema.discriminator)
            expansion.unions.append(union)
            factors.append(cases)
        }
        return factors
    }

    /// The alternatives an `allOf` part (or a union's member) allows: itself, unless it holds a union; then each
    /// combination of its own keywords, its parts and a member of each union it holds.
    private func alternatives(of part: Schema, in expansion: inout Expansion) throws(DistributionFailure)
        -> [Distribution.Case]
    {
        guard holdsUnion(part) else { return [Distribution.Case(parts: [part])] }
        var schema = part
        let followed = part.isPureReference ? part.ref : nil
        if let followed {
            guard !expansion.path.contains(followed.id) else { throw .refersBack(followed.name) }
            expansion.path.append(followed.id)
            schema = dereferenced(referencedSchema(followed))
        }
        defer { if followed != nil { expansion.path.removeLast() } }
        var own = schema
        (own.ref, own.allOf, own.oneOf, own.anyOf, own.discriminator) = (nil, [], [], [], nil)
        let ownFactor = Self.isAnnotationOnly(own) ? [] : [[Distribution.Case(parts: [own])]]
        return try Self.product(ownFactor + factors(of: schema, in: &expansion))
    }

    /// Every combination of one alternative of each factor, in order (the first factor's slowest).
    private static func product(_ factors: [[Distribution.Case]]) throws(DistributionFailure) -> [Distribution.Case] {
        var cases = [Distribution.Case()]
        for factor in factors {
            guard cases.count * factor.count <= maximumDistributedCases else { throw .tooManyCases }
            cases = cases.flatMap { left in
                factor.map { right in
                    Distribution.Case(parts: left.parts + right.parts, members: left.members + right.members)
                }
            }
        }
        return cases
    }
}
