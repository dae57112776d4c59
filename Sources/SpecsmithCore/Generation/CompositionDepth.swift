import SpecsmithDiagnostics

/// How deep `allOf`, `anyOf` and `oneOf` nest, counting the schemas their `$ref`s lead to (and those
/// that references beside other keywords lead to): the
/// translator follows a part's reference into its target's parts (to merge an `allOf`, to see what a
/// value is), so a chain of references (`S0: {allOf: [{$ref: S1}]}`, `S1: {allOf: [{$ref: S2}]}`, ...)
/// nests as deep as parts written inside each other, which ``LoadLimits/maxDepth`` bounds in one file.
/// Measured before anything is translated, without recursion, each schema that a reference leads to
/// once; a chain deeper than the limit is an error at the schema that starts it, and nothing is
/// translated.
enum CompositionDepth {
    /// An error for each schema that a `$ref` can point at (components first) from which parts nest
    /// deeper than `maxDepth` and that no other such schema has among its parts: each chain is reported
    /// once, at its start. On a cycle, a reference back to a schema already counted adds nothing, so the
    /// cycle starts at its schema met first.
    static func check(_ document: OpenAPIDocument, maxDepth: Int) -> [Diagnostic] {
        // Most schemas nest nothing and refer to nothing: a level of their own, 1 deep, within any limit of 1 or
        // more. Their depth is left out of the table (each would cost two hashes of its id) and read as 1.
        let skipsFlat = maxDepth >= 1
        var depths: [String: Int] = [:]
        for entry in document.schemas {
            guard !(skipsFlat && isFlat(entry.value)), depths[entry.key] == nil else { continue }
            measure(entry.key, entry.value, in: document, depths: &depths)
        }
        // Nearly always none is too deep: the depths are looked at without looking up each schema's.
        guard depths.values.contains(where: { $0 > maxDepth }) else { return [] }
        let deep = document.schemas.filter { (depths[$0.key] ?? 1) > maxDepth }
        var inner: Set<String> = []
        for entry in deep {
            for target in targets(of: entry.value) where target != entry.key && (depths[target] ?? 1) > maxDepth {
                inner.insert(target)
            }
        }
        return deep.filter { !inner.contains($0.key) }.map { entry in
            .error(
                "allOf, anyOf, oneOf and $ref nest \(depths[entry.key]!) levels deep from this schema, counting the "
                    + "schemas their $refs lead to, more than the limit of \(maxDepth) (maxDepth)",
                at: entry.value.location,
                note: "refer to fewer schemas in a row, or raise maxDepth in the limits of specsmith.yaml")
        }
    }

    /// Whether a schema nests no `allOf`, `anyOf` or `oneOf` and refers to nothing: one level deep.
    private static func isFlat(_ schema: Schema) -> Bool {
        schema.ref == nil && schema.allOf.isEmpty && schema.anyOf.isEmpty && schema.oneOf.isEmpty
    }

    /// The ids of the schemas that the parts of `schema` refer to, inline parts' parts included (or its
    /// target, when it is only a reference).
    private static func targets(of schema: Schema) -> [String] {
        var found: [String] = []
        var pending = [schema]
        while let next = pending.popLast() {
            for child in Frame(next, id: nil).children {
                switch child {
                case .inline(let part): pending.append(part)
                case .target(let id): found.append(id)
                }
            }
        }
        return found
    }

    /// What a schema's parts nest into: an inline schema, or the schema a `$ref` points at.
    private enum Child {
        case inline(Schema)
        case target(String)
    }

    /// One schema being measured: what is nested in it still to look at, and the deepest of what was.
    private struct Frame {
        /// The canonical id of a schema that a reference points at, whose depth is remembered.
        var id: String?
        var children: [Child]
        var next = 0
        var deepest = 0
        /// Whether the schema is a level of its own: one that is only a `$ref` is its target's level.
        var counts: Bool

        init(_ schema: Schema, id: String?) {
            self.id = id
            // A schema that is only a reference is its target, as the translator sees through it; a part
            // that refers to a schema leads into that schema's parts. A reference beside other keywords
            // (`{$ref: A0, description: ...}`) is a level of its own that leads into its target, whose
            // constraints the translator gathers too.
            if let ref = schema.ref, schema.isPureReference {
                children = [.target(ref.id)]
                counts = false
            } else {
                children = (schema.ref.map { [.target($0.id)] } ?? [])
                    + (schema.allOf + schema.anyOf + schema.oneOf).map { part in
                        part.ref.map { .target($0.id) } ?? .inline(part)
                    }
                counts = true
            }
        }
    }

    /// Sets `depths[id]` (`schema` is the schema of `id`), and that of every schema that a reference from it
    /// leads to: the most schemas on one path down its parts, itself included. A reference back to a schema on
    /// the path adds nothing.
    private static func measure(
        _ id: String, _ schema: Schema, in document: OpenAPIDocument, depths: inout [String: Int]
    ) {
        // A flat schema is a level of its own, with no walk to set up.
        if isFlat(schema) {
            depths[id] = 1
            return
        }
        var onPath: Set<String> = [id]
        var stack = [Frame(schema, id: id)]
        while let top = stack.indices.last {
            guard stack[top].next < stack[top].children.count else {
                let done = stack.removeLast()
                let depth = done.deepest + (done.counts ? 1 : 0)
                if let id = done.id {
                    depths[id] = depth
                    onPath.remove(id)
                }
                if let parent = stack.indices.last { stack[parent].deepest = max(stack[parent].deepest, depth) }
                continue
            }
            let child = stack[top].children[stack[top].next]
            stack[top].next += 1
            switch child {
            case .inline(let schema):
                stack.append(Frame(schema, id: nil))
            case .target(let target):
                if let known = depths[target] {
                    stack[top].deepest = max(stack[top].deepest, known)
                } else if let schema = document.schemas[target], onPath.insert(target).inserted {
                    stack.append(Frame(schema, id: target))
                }
            }
        }
    }
}
