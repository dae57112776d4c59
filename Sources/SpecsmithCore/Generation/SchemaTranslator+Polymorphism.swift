import SpecsmithDiagnostics

/// OpenAPI's polymorphism through `allOf`: a parent schema with a `discriminator` beside no `oneOf` or `anyOf`
/// (`Pet`) that other component schemas extend with `allOf` (`Cat: {allOf: [$ref: Pet, ...]}`). OpenAPI 3.1.1's
/// Discriminator Object lets "all schemas building on the parent schema via an `allOf` construct" stand where the
/// parent is expected, selected by the `mapping`, else by their component names. A value of the parent is then a
/// union (`Pet`) with a case per schema that extends it (`cat(Cat)`), and one for the parent's own struct
/// (`pet(PetBase)`), which a value decodes as when its discriminating value names the parent, or no schema the spec
/// maps, or is missing: a kind that the server adds later still decodes. A schema that extends the parent and is
/// extended in turn (`Reptile`, which `Lizard` extends) is such a union too, by the discriminator it inherits, and
/// the parent's case holds that union (`reptile(Reptile)`), selected by the values of every schema in it, as
/// Swift code would model the hierarchy. Each struct merges the properties of the schemas it extends, as any
/// `allOf` of objects, and never holds the union.
extension SchemaTranslator {
    /// A parent schema and the schemas that extend it with `allOf`, at any depth.
    struct Family {
        /// A schema that extends the parent into a struct.
        struct Member {
            var id: String
            /// Its component name, the discriminating value that selects it unless the `mapping` says otherwise.
            var name: String
        }

        /// The parent's canonical id, and its component name, the value that names it.
        var id: String
        var name: String
        /// The parent's own discriminator, or else the nearest one among the schemas it extends (Reptile's is Pet's).
        var discriminator: Discriminator
        /// Whether ``discriminator`` is the parent's own: only then is what it says warned about here.
        var ownsDiscriminator: Bool
        /// The name of the parent's own struct (`PetBase`); `nil` when no schema extends the parent into a struct,
        /// which leaves the parent a struct.
        var baseName: String?
        /// Every schema that extends the parent into a struct, in document order.
        var members: [Member] = []
        /// The union's cases besides the parent's own: the members that extend the parent through no other member
        /// (or only through members that are no family of their own, as in another file), in document order.
        var cases: [Member] = []
        /// The names of the schemas that extend the parent and are unions, which are no case of it.
        var unions: [String] = []
        /// The `mapping` values whose schema does not extend the parent.
        var strays: [String] = []
    }

    /// Whether a schema's discriminator is a parent's: beside no `oneOf` or `anyOf`, whose members it would select.
    private static func hasParentDiscriminator(_ schema: Schema) -> Bool {
        schema.discriminator != nil && schema.oneOf.isEmpty && schema.anyOf.isEmpty && schema.ref == nil
    }

    /// Finds the ``Family`` of each component schema of the root document that is a struct, has a discriminator of
    /// its own or inherits one through its `allOf`, and that other component schemas extend with `allOf`; and names
    /// the parents' structs (`PetBase`) before any type is declared. A document without a parent's discriminator
    /// costs a look at each schema. Each schema is asked once whether it is a struct, and each walk keeps the
    /// schemas it has met, so that an `allOf` cycle ends it.
    mutating func findFamilies() {
        guard document.schemas.contains(where: { Self.hasParentDiscriminator($0.value) }) else { return }
        // The component schemas that extend each schema with allOf, by canonical id, in document order.
        var children: [String: [String]] = [:]
        var positions: [String: (position: Int, name: String)] = [:]
        for (position, entry) in document.schemas.enumerated() where !entry.value.allOf.isEmpty {
            let reference = SchemaReference(id: entry.key, written: "", location: entry.value.location)
            guard let name = reference.componentName else { continue }
            positions[entry.key] = (position, name)
            for part in entry.value.allOf {
                guard let ref = part.ref else { continue }
                let parent = referenceEnd(ofID: ref.id)
                if children[parent]?.last != entry.key { children[parent, default: []].append(entry.key) }
            }
        }
        var structs: [String: Bool] = [:]
        // What each reference merges to, shared by every schema asked about: a chain of schemas that extend each
        // other is merged once, not once per schema on it.
        var merged: [String: Schema] = [:]
        func isStruct(_ id: String) -> Bool {
            if let known = structs[id] { return known }
            let answer = document.schemas[id].map { isDeclaredStruct($0, merged: &merged) } ?? false
            structs[id] = answer
            return answer
        }
        var found: [(location: SourceLocation, family: Family)] = []
        for (entry, id) in zip(document.components.schemas, componentSchemaIDs) {
            let parent = entry.value
            guard let direct = children[id], isStruct(id) else { continue }
            var followed: Set<String> = [id]
            let owns = Self.hasParentDiscriminator(parent)
            guard let discriminator = owns ? parent.discriminator : inheritedDiscriminator(parent, followed: &followed)
            else { continue }
            var family = Family(id: id, name: entry.key, discriminator: discriminator, ownsDiscriminator: owns)
            // Every schema that extends the parent, each once, however many ways lead to it.
            var descendants: Set<String> = [id]
            var queue = direct
            var next = 0
            while next < queue.count {
                let child = queue[next]
                next += 1
                guard descendants.insert(child).inserted, let schema = document.schemas[child],
                    let name = positions[child]?.name
                else { continue }
                queue += children[child] ?? []
                if isStruct(child) {
                    family.members.append(Family.Member(id: child, name: name))
                } else if isUnion(schema) || !schema.oneOf.isEmpty || !schema.anyOf.isEmpty {
                    family.unions.append(name)
                }
            }
            family.members.sort { positions[$0.id]!.position < positions[$1.id]!.position }
            if owns {
                family.strays = discriminator.mapping.entries.filter { mapping in
                    !descendants.contains(referenceEnd(ofID: mapping.value.id))
                }.map(\.key)
            }
            guard !family.members.isEmpty || owns && !family.unions.isEmpty else { continue }
            found.append((parent.location, family))
        }
        // The parents that are unions, so that a case is the union of a member that is one.
        let parents = Set(found.lazy.filter { !$0.family.members.isEmpty }.map(\.family.id))
        for (location, var family) in found {
            if !family.members.isEmpty, let number = number(ofID: family.id), let name = names[number] {
                family.baseName = reserve(SwiftNames.type(SwiftNames.unescaped(name) + " Base"))
            }
            family.cases = topMembers(of: family, children: children, parents: parents, isStruct: isStruct)
            families[location] = family
        }
    }

    /// The members of a family that extend its parent through no member that is a parent itself (whose union holds
    /// those beyond it), in document order.
    private func topMembers(
        of family: Family, children: [String: [String]], parents: Set<String>, isStruct: (String) -> Bool
    ) -> [Family.Member] {
        var met: Set<String> = [family.id]
        var queue = children[family.id] ?? []
        var next = 0
        var tops: Set<String> = []
        while next < queue.count {
            let child = queue[next]
            next += 1
            guard met.insert(child).inserted else { continue }
            if isStruct(child) { tops.insert(child) }
            if !parents.contains(child) { queue += children[child] ?? [] }
        }
        return family.members.filter { tops.contains($0.id) }
    }

    /// Whether a schema is declared as a struct: an object with properties, its `allOf` parts merged, that is no
    /// union. `merged` holds what each reference merges to (see ``mergedAllOf(_:seen:merged:)``).
    private func isDeclaredStruct(_ schema: Schema, merged: inout [String: Schema]) -> Bool {
        guard schema.ref == nil, schema.oneOf.isEmpty, schema.anyOf.isEmpty, distribution(of: schema) == nil else {
            return false
        }
        var seen: Set<String> = []
        return isObjectWithProperties(mergedAllOf(schema, seen: &seen, merged: &merged) ?? schema)
    }

    /// The nearest parent's discriminator among the schemas that `schema` extends with `allOf`, depth first in their
    /// order, each followed once.
    private func inheritedDiscriminator(_ schema: Schema, followed: inout Set<String>) -> Discriminator? {
        for part in schema.allOf {
            guard let ref = part.ref else { continue }
            let id = referenceEnd(ofID: ref.id)
            guard followed.insert(id).inserted, let parent = document.schemas[id] else { continue }
            if Self.hasParentDiscriminator(parent) { return parent.discriminator }
            if let found = inheritedDiscriminator(parent, followed: &followed) { return found }
        }
        return nil
    }

    /// What a parent's own discriminator cannot select, warned about at the discriminator: the schemas that extend
    /// the parent and are unions, and the `mapping` values whose schema does not extend it. A value of either
    /// decodes as the parent's own struct (the parent itself when nothing extends it into a struct).
    mutating func warnAboutExtensions(of family: Family, named name: String) {
        guard family.ownsDiscriminator else { return }
        let discriminator = family.discriminator
        let decodesAs = family.baseName ?? name
        if let last = family.unions.last {
            let one = family.unions.count == 1
            let list = one ? last : family.unions.dropLast().joined(separator: ", ") + " and " + last
            let (verb, kind, value) = one ? ("extends", "is a union", "it") : ("extend", "are unions", "one of them")
            warn(
                "\(list) \(verb) \(name) with allOf but \(kind), which no case of \(name) holds: where \(name) is "
                    + "expected, a value of \(value) decodes as \(decodesAs)", at: discriminator.location)
        }
        guard family.baseName != nil else { return }
        if let defaultMapping = discriminator.defaultMapping, defaultCase(of: family) == nil,
            referenceEnd(ofID: defaultMapping.id) != family.id
        {
            warn(
                "discriminator defaultMapping names \(defaultMapping.written), which does not extend \(name) with "
                    + "allOf directly: a value without \(discriminator.propertyName), or whose "
                    + "\(discriminator.propertyName) selects no schema, decodes as \(decodesAs)",
                at: defaultMapping.location)
        }
        for key in family.strays {
            guard let target = discriminator.mapping[key] else { continue }
            warn(
                "discriminator mapping '\(key)' names \(target.written), which does not extend \(name) with allOf: a "
                    + "value whose \(discriminator.propertyName) is '\(key)' decodes as \(decodesAs)",
                at: target.location)
        }
    }

    /// The documentation of a parent's own struct: the parent's, and which values are of it.
    func baseDocumentation(_ doc: [String], of family: Family, named name: String) -> [String] {
        let property = family.discriminator.propertyName
        let line =
            defaultCase(of: family) == nil
            ? "`\(name)`'s own properties: a `\(name)` whose `\(property)` selects no schema that extends it."
            : "`\(name)`'s own properties: a `\(name)` whose `\(property)` names \(name) itself."
        return doc.isEmpty ? [line] : doc + ["", line]
    }

    /// The case of a parent's union (by position in ``Family/cases``) that its discriminator's `defaultMapping`
    /// (3.2) names, which a value without the property, or whose value selects no schema, decodes as instead of the
    /// parent's own struct; `nil` when there is none, or it names the parent or no schema that extends it directly.
    func defaultCase(of family: Family) -> Int? {
        guard let defaultMapping = family.discriminator.defaultMapping else { return nil }
        let id = referenceEnd(ofID: defaultMapping.id)
        return family.cases.firstIndex { $0.id == id }
    }

    /// The union a parent's value is (see ``Family``): a case per member that extends it through no other parent, in
    /// document order, selected by the values that the discriminator's `mapping` gives its schema, else by its name,
    /// and for a member that is a parent too (whose union the case holds) by those of every member of its own; then
    /// the parent's own struct, `base`, which any other value, or one without the discriminator, decodes as.
    mutating func polymorphicUnion(
        named name: String, doc: [String], family: Family, base: StructDeclaration
    ) -> UnionDeclaration {
        let discriminator = family.discriminator
        let mapping = discriminator.mapping.entries
        func values(selecting id: String, named schemaName: String) -> [String] {
            let values = mapping.filter { referenceEnd(ofID: $0.value.id) == id }.map(\.key)
            // The implicit value, the schema's name, unless the mapping gives that value to a schema.
            return values.isEmpty && discriminator.mapping[schemaName] == nil ? [schemaName] : values
        }
        // Each case's own values first, then those of the members of the union it holds, each value once.
        var selected: Set<String> = []
        var caseValues = family.cases.map { member in
            values(selecting: member.id, named: member.name).filter { selected.insert($0).inserted }
        }
        var memberFamilies: [Family?] = []
        for (index, member) in family.cases.enumerated() {
            let memberFamily = document.schemas[member.id].flatMap { families[$0.location] }
            memberFamilies.append(memberFamily?.baseName == nil ? nil : memberFamily)
            for inner in memberFamilies[index]?.members ?? [] {
                let innerValues = values(selecting: inner.id, named: inner.name)
                caseValues[index] += innerValues.filter { selected.insert($0).inserted }
            }
        }
        var cases: [UnionDeclaration.Case] = []
        // The case of each member, by position.
        var memberCases: [Int: Int] = [:]
        for (index, member) in family.cases.enumerated() {
            guard let schema = document.schemas[member.id] else { continue }
            memberCases[index] = cases.count
            // A schema of another file is named, and declared, where first referred to.
            let type =
                number(ofID: member.id).flatMap { self.names[$0] }
                ?? referencedType(SchemaReference(id: member.id, written: member.name, location: schema.location)).name
            // A struct that neither declares the property nor keeps undeclared ones drops it when decoded; a union
            // writes the value of its own case.
            var tag: String?
            if memberFamilies[index] == nil, let object = mergedAllOf(schema),
                object.properties[discriminator.propertyName] == nil, object.additionalProperties == nil
            {
                tag = caseValues[index].first
            }
            cases.append(
                UnionDeclaration.Case(
                    name: Self.caseName(for: type), type: type, values: caseValues[index], validates: false,
                    valueStruct: type, ruleType: type, tag: tag))
        }
        // The parent's own values select no case: the fallback takes them with every other; unless the
        // `defaultMapping` (3.2) makes another case the fallback, and they select the parent's own.
        let keepsProperty =
            base.extras != nil || base.properties.contains { $0.wireName == discriminator.propertyName }
        let defaultCase = defaultCase(of: family).flatMap { memberCases[$0] }
        let ownValues = values(selecting: family.id, named: family.name)
        cases.append(
            UnionDeclaration.Case(
                name: Self.caseName(for: name), type: base.name,
                values: defaultCase == nil ? [] : ownValues.filter { !selected.contains($0) }, validates: false,
                valueStruct: base.name, ruleType: base.name, tag: keepsProperty ? nil : ownValues.first))
        let names = SwiftNames.uniqued(cases.map(\.name))
        for index in cases.indices { cases[index].name = names[index] }
        let fallback = cases[defaultCase ?? cases.count - 1]
        // The fallback takes its own values with every other.
        if let defaultCase { cases[defaultCase].values = [] }
        return UnionDeclaration(
            name: name,
            doc: defaultCase == nil
                ? doc : doc + Self.defaultMappingDocumentation(discriminator, fallback: fallback, after: doc),
            cases: cases, discriminator: discriminator.propertyName, nested: [], fallback: fallback.name)
    }
}
