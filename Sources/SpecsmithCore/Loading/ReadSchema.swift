import SpecsmithDiagnostics
import SpecsmithYAML

extension LoadSession {
    /// Reads a schema (a mapping, or in 3.1 a Boolean). Never fails: a broken schema is reported and
    /// read as far as possible.
    func readSchema(_ node: YAMLNode, file: String, key: String? = nil) -> Schema {
        var schema = Schema(location: node.location)
        if let allowsAll = node.boolScalar, version >= .v31 {
            if !allowsAll { schema.not = Schema(location: node.location) }
            return schema
        }
        guard let o = SchemaReader(self, node, file: file, key: key) else { return schema }

        if let refNode = o.value(.ref) {
            schema.ref = schemaReference(refNode, from: file)
            if version == .v30 {
                if o.mapping.count > 1 { readReferenceSiblings(o, into: &schema) }
                return schema
            }
        }

        readTypes(o, into: &schema)
        // A keyword's field is set only when it gives a value: most are absent, the field holds its
        // default already, and each write of a schema's field first checks that its box is not shared.
        if let format = o.string(.format) { schema.format = format }
        if let title = o.string(.title) { schema.title = title }
        if let description = o.text(.description) { schema.description = description }

        let properties = o.entries(.properties)
        if !properties.isEmpty {
            // Room for all at once: grown a property at a time, the map's entries were copied and its index
            // resized, every key hashed again, several times over for a large object.
            schema.properties.reserveCapacity(properties.count)
        }
        for (name, _, value) in properties {
            schema.properties[name] = readSchema(value, file: file, key: name)
        }
        if let requiredNode = o.value(.required) {
            if requiredNode.sequence != nil {
                schema.required = stringList(requiredNode, key: "required") ?? []
            } else {
                report(.requiredNotAList(at: o.keyLocation(.required)))
            }
        }
        if let additional = o.value(.additionalProperties) {
            if let b = additional.boolScalar {
                schema.additionalProperties = .bool(b)
            } else {
                schema.additionalProperties = .schema(readSchema(additional, file: file, key: "additionalProperties"))
            }
        }
        if let count = o.count(.minProperties) { schema.minProperties = count }
        if let count = o.count(.maxProperties) { schema.maxProperties = count }
        for (name, _, value) in o.entries(.dependentRequired) {
            schema.dependentRequired[name] = stringList(value, key: "dependentRequired") ?? []
        }
        readDependentSchemas(o, into: &schema, file: file)
        for (pattern, _, value) in o.entries(.patternProperties) {
            schema.patternProperties[pattern] = readSchema(value, file: file, key: pattern)
        }
        if let names = o.value(.propertyNames) {
            schema.propertyNames = readSchema(names, file: file, key: "propertyNames")
        }
        if version == .v30, schema.propertyNames != nil || !schema.dependentRequired.isEmpty {
            for keyword in [SchemaKeyword.propertyNames, .dependentRequired] where o.value(keyword) != nil {
                report(.onlyIn31(keyword.rawValue, at: o.keyLocation(keyword)))
            }
        }

        if let items = o.value(.items) {
            if items.sequence != nil {
                report(.itemsList(at: o.keyLocation(.items)))
            } else {
                schema.items = readSchema(items, file: file, key: "items")
            }
        }
        if let prefix = o.list(.prefixItems) {
            if version == .v30 { report(.onlyIn31("prefixItems", at: o.keyLocation(.prefixItems))) }
            schema.prefixItems = prefix.map { readSchema($0, file: file) }
        }
        if let count = o.count(.minItems) { schema.minItems = count }
        if let count = o.count(.maxItems) { schema.maxItems = count }
        if let unique = o.bool(.uniqueItems) { schema.uniqueItems = unique }
        if let contains = o.value(.contains) {
            schema.contains = readSchema(contains, file: file, key: "contains")
            schema.minContains = o.count(.minContains)
            schema.maxContains = o.count(.maxContains)
        }

        if let parts = o.list(.allOf) { schema.allOf = parts.map { readSchema($0, file: file) } }
        if let parts = o.list(.oneOf) { schema.oneOf = parts.map { readSchema($0, file: file) } }
        if let parts = o.list(.anyOf) { schema.anyOf = parts.map { readSchema($0, file: file) } }
        // A oneOf or anyOf that allows only null (`anyOf: [{type: 'null'}]`, also nested) is `type: 'null'`: a
        // union would have no case, since null is none.
        let members = schema.oneOf.isEmpty ? schema.anyOf : schema.oneOf
        if schema.types.isEmpty, schema.oneOf.isEmpty || schema.anyOf.isEmpty, !members.isEmpty,
            members.allSatisfy(Self.allowsOnlyNull)
        {
            (schema.types, schema.isNullable) = ([.null], true)
            (schema.oneOf, schema.anyOf) = ([], [])
        }
        if let not = o.value(.not) { schema.not = readSchema(not, file: file, key: "not") }
        readConditional(o, into: &schema, file: file)
        if version >= .v31, schema.ref != nil { referenceAsPart(o, of: &schema) }
        readUnevaluated(o, into: &schema, file: file)
        if let discriminator = o.value(.discriminator) {
            schema.discriminator = readDiscriminator(discriminator, file: file)
        }

        if let values = o.value(.enum) {
            if let items = values.sequence {
                schema.enum = items.map(jsonValue)
            } else {
                report(.expected("a list", for: "enum", found: values))
            }
        }
        if let const = o.json(.const) { schema.const = const }
        if version >= .v31 { dropNullThatValuesRefuse(o, from: &schema) }
        if let value = o.json(.default) { schema.default = value }
        if let example = o.json(.example) { schema.example = example }
        if let examples = o.value(.examples) {
            if let items = examples.sequence {
                schema.examples = items.map(jsonValue)
            } else {
                report(.expected("a list of example values", for: "examples", found: examples))
            }
        }

        if let readOnly = o.bool(.readOnly) { schema.readOnly = readOnly }
        if let writeOnly = o.bool(.writeOnly) { schema.writeOnly = writeOnly }
        if let deprecated = o.bool(.deprecated) { schema.deprecated = deprecated }

        if let length = o.count(.maxLength) { schema.maxLength = length }
        if let length = o.count(.minLength) { schema.minLength = length }
        if let pattern = o.string(.pattern) {
            schema.pattern = pattern
            schema.patternLocation = o.raw(.pattern)?.location
        }
        if let mediaType = o.string(.contentMediaType) { schema.contentMediaType = mediaType }
        if let encoding = o.string(.contentEncoding) { schema.contentEncoding = encoding }
        if version == .v30 {
            for keyword in o.presentKeywords where keyword.isOnlyIn31 {
                report(.onlyIn31(keyword.rawValue, at: o.keyLocation(keyword)))
            }
        }

        let inclusiveMinimum = o.number(.minimum)
        let inclusiveMaximum = o.number(.maximum)
        let (minimum, exclusiveMinimum) =
            o.mayHave(.exclusiveMinimum)
            ? readExclusiveBound(o, .exclusiveMinimum, bound: "minimum", inclusive: inclusiveMinimum)
            : (inclusiveMinimum, nil)
        let (maximum, exclusiveMaximum) =
            o.mayHave(.exclusiveMaximum)
            ? readExclusiveBound(o, .exclusiveMaximum, bound: "maximum", inclusive: inclusiveMaximum)
            : (inclusiveMaximum, nil)
        if let minimum { schema.minimum = minimum }
        if let exclusiveMinimum { schema.exclusiveMinimum = exclusiveMinimum }
        if let maximum { schema.maximum = maximum }
        if let exclusiveMaximum { schema.exclusiveMaximum = exclusiveMaximum }
        if let multipleOf = o.number(.multipleOf) { schema.multipleOf = multipleOf }

        if let docs = o.value(.externalDocs) { schema.externalDocs = readExternalDocs(docs, file: file) }
        o.reportUnsupported()
        checkApplicability(schema, o)
        checkValues(schema, o)
        let extensions = o.finish()
        if !extensions.isEmpty { schema.extensions = extensions }
        return schema
    }

    /// In 3.0, the keys next to a schema's `$ref` are ignored: warns about them, but keeps `x-` extensions.
    private func readReferenceSiblings(_ o: borrowing SchemaReader, into schema: inout Schema) {
        let siblings = o.mapping.compactMap(\.keyText).filter { $0 != "$ref" && !$0.isExtensionKey }
        if !siblings.isEmpty {
            let location = o.mapping.entry(siblings[0])?.key.location ?? o.location
            report(.referenceSiblingsIgnored(siblings, version: version, at: location))
        }
        for entry in o.mapping {
            if let key = entry.keyText, key.isExtensionKey { schema.extensions[key] = entry.value }
        }
    }

    private func readTypes(_ o: borrowing SchemaReader, into schema: inout Schema) {
        // Built here and stored once: appending to `schema.types` goes through its copy-on-write box each time.
        var types: [SchemaType] = []
        if let typeNode = o.raw(.type) {
            if let items = typeNode.sequence {
                if version == .v30 {
                    report(.typeListIn30(at: typeNode.location))
                }
                for item in items { addType(item, to: &types) }
            } else {
                addType(typeNode, to: &types)
            }
        }
        if let nullable = o.bool(.nullable) {
            if version >= .v31 {
                report(.nullableIn31(at: o.keyLocation(.nullable)))
            }
            if nullable {
                schema.isNullable = true
                if !types.isEmpty && !types.contains(.null) { types.append(.null) }
            }
        }
        if types.contains(.null) { schema.isNullable = true }
        if !types.isEmpty { schema.types = types }
    }

    /// Adds the type a `type` value (null, or a name) stands for, once; reports a value that is no type. The
    /// name is matched on the scalar's bytes: a `String` is made of it only for a message.
    private func addType(_ node: YAMLNode, to types: inout [SchemaType]) {
        let type: SchemaType
        if node.isNullNode {
            type = .null
        } else if let named = node.withScalarBytes(SchemaType.init(utf8:)) ?? nil {
            type = named
        } else {
            // `stringValue` reports a value that is no scalar.
            if let name = stringValue(node, key: "type") { report(.unknownType(name, at: node.location)) }
            return
        }
        if type == .null && version == .v30 {
            report(.nullTypeIn30(at: node.location))
        }
        if types.isEmpty {
            types = type.alone
        } else if !types.contains(type) {
            types.append(type)
        }
    }

    /// Reads `exclusiveMinimum`/`exclusiveMaximum` in either form into the 3.1 one, returning the
    /// inclusive and exclusive bounds: a 3.0 `true` moves the inclusive bound into the exclusive one.
    private func readExclusiveBound(
        _ o: borrowing SchemaReader,
        _ keyword: SchemaKeyword,
        bound: String,
        inclusive: YAMLNumber?
    ) -> (inclusive: YAMLNumber?, exclusive: YAMLNumber?) {
        guard let node = o.value(keyword) else { return (inclusive, nil) }
        let key = keyword.rawValue
        if let isExclusive = node.boolScalar {
            if version >= .v31 {
                report(.booleanExclusiveBoundIn31(key, at: node.location))
            }
            guard isExclusive else { return (inclusive, nil) }
            guard let inclusive else {
                report(.exclusiveBoundWithoutBound(key, bound: bound, at: node.location))
                return (nil, nil)
            }
            return (nil, inclusive)
        } else if let n = node.numberScalar {
            if version == .v30 {
                report(.numericExclusiveBoundIn30(key, at: node.location))
            }
            return (inclusive, n)
        } else {
            report(.expected("a number or a Boolean", for: key, found: node))
            return (inclusive, nil)
        }
    }

    private func readDiscriminator(_ node: YAMLNode, file: String) -> Discriminator? {
        guard var o = ObjectReader(self, node, file: file, object: "Discriminator", key: "discriminator") else {
            return nil
        }
        let propertyName = o.requiredString("propertyName")
        // A schema's name under components/schemas, or a reference to a schema.
        func target(_ node: YAMLNode, key: String) -> SchemaReference? {
            guard let written = stringValue(node, key: key) else { return nil }
            let isReference =
                written.contains("#") || written.contains("/") || written.hasSuffix(".yaml")
                || written.hasSuffix(".yml") || written.hasSuffix(".json")
            let refText = isReference ? written : "#/components/schemas/" + JSONPointer.escape(written)
            let refNode = YAMLNode(YAMLScalar(refText), at: node.location)
            guard let reference = schemaReference(refNode, from: file) else { return nil }
            return SchemaReference(id: reference.id, written: written, location: reference.location)
        }
        var mapping = OrderedMap<SchemaReference>()
        for (value, _, node) in o.entries("mapping") {
            if let reference = target(node, key: value) { mapping[value] = reference }
        }
        let defaultMapping =
            version >= .v32 ? o.value("defaultMapping").flatMap { target($0, key: "defaultMapping") } : nil
        let extensions = o.finish()
        guard let propertyName else { return nil }
        var discriminator = Discriminator(
            propertyName: propertyName,
            mapping: mapping,
            extensions: extensions,
            location: node.location
        )
        discriminator.defaultMapping = defaultMapping
        return discriminator
    }

    /// In 3.1 a schema is JSON Schema, which applies every keyword: `type: [string, 'null']` beside an `enum`
    /// that does not list null, or a `const` that is not null, allows no null. The type list then loses
    /// `null`, which leaves the schema meaning what it meant, so null is refused where a value of it is
    /// required. A warning says so: the author most likely meant null to be allowed. (In 3.0, `nullable:
    /// true` beside such an `enum` is read as allowing null, as most 3.0 documents mean it.)
    private func dropNullThatValuesRefuse(_ o: borrowing SchemaReader, from schema: inout Schema) {
        guard schema.types.count > 1, schema.types.contains(.null) else { return }
        let keyword: SchemaKeyword
        if let values = schema.enum, !values.contains(.null) {
            keyword = .enum
        } else if let value = schema.const, value != .null {
            keyword = .const
        } else {
            return
        }
        schema.types.removeAll { $0 == .null }
        schema.isNullable = false
        report(.nullRefusedByValues(keyword.rawValue, at: o.keyLocation(keyword)))
    }

    /// Warns about `enum`, `const` and `default` values that the schema's own `type` refuses, and
    /// `required` names missing from `properties` of a closed object.
    private func checkValues(_ schema: Schema, _ o: borrowing SchemaReader) {
        // The reader's test first: each check needs its keyword, and most schemas have none of them.
        if o.mayHave(.enum) || o.mayHave(.const) || o.mayHave(.default), !schema.types.isEmpty {
            func check(_ value: JSONValue, _ keyword: String, at location: SourceLocation) {
                if !Self.value(value, fits: schema.types) {
                    report(
                        .valueDoesNotFitType(keyword, value: Self.describe(value), types: schema.types, at: location)
                    )
                }
            }
            if let values = schema.enum, let node = o.raw(.enum)?.sequence {
                for (value, item) in zip(values, node) { check(value, "enum", at: item.location) }
            }
            if let value = schema.const, let node = o.raw(.const) { check(value, "const", at: node.location) }
            if let value = schema.default, let node = o.raw(.default) {
                check(value, "default", at: node.location)
            }
        }
        if o.mayHave(.required), schema.additionalProperties == .bool(false), !schema.properties.isEmpty,
            schema.allOf.isEmpty && schema.anyOf.isEmpty && schema.oneOf.isEmpty
        {
            // Most lists name properties in their order, which one pass of comparisons tells: then each name
            // is a property, and none is looked up (a hash each, in a map of more than eight).
            guard !schema.properties.hasKeys(inOrder: schema.required) else { return }
            for name in schema.required where !schema.properties.contains(key: name) {
                report(.requiredNotInProperties(name, at: o.keyLocation(.required)))
            }
        }
    }

    /// `if`, `then` and `else` (3.1). `then` and `else` without `if`, and `if` without either, say nothing
    /// (JSON Schema ignores them): a warning says so, since the author most likely meant something.
    private func readConditional(_ o: borrowing SchemaReader, into schema: inout Schema, file: String) {
        let condition = o.value(.if)
        let then = o.value(.then)
        let otherwise = o.value(.else)
        guard condition != nil || then != nil || otherwise != nil else { return }
        guard let condition, then != nil || otherwise != nil else {
            let keyword: SchemaKeyword = condition != nil ? .if : then != nil ? .then : .else
            let missing = keyword == .if ? "\"then\" or \"else\"" : "\"if\""
            let message = "\"\(keyword.rawValue)\" without \(missing) says nothing; ignored"
            report(.warning(message, at: o.keyLocation(keyword)))
            return
        }
        schema.if = readSchema(condition, file: file, key: "if")
        schema.then = then.map { readSchema($0, file: file, key: "then") }
        schema.else = otherwise.map { readSchema($0, file: file, key: "else") }
    }

    /// `dependentSchemas` (3.1) whose subschema only requires names (`{creditCard: {required:
    /// [billingAddress]}}`, its commonest use) says what `dependentRequired` does, and is read as it; a
    /// subschema that says more is kept as it is, and `true`, which says nothing, is left out.
    private func readDependentSchemas(_ o: borrowing SchemaReader, into schema: inout Schema, file: String) {
        for (name, _, value) in o.entries(.dependentSchemas) {
            if value.boolScalar == true, version >= .v31 { continue }
            guard let mapping = value.mapping, let required = mapping.entry("required")?.value,
                mapping.allSatisfy({ ["required", "description", "title", "$comment"].contains($0.keyText) })
            else {
                schema.dependentSchemas[name] = readSchema(value, file: file, key: name)
                continue
            }
            var names = schema.dependentRequired[name] ?? []
            for other in stringList(required, key: "required") ?? []
            where !names.contains(where: { $0.hasSameCodePoints(as: other) }) {
                names.append(other)
            }
            schema.dependentRequired[name] = names
        }
    }

    /// In 3.1 the keywords beside a `$ref` apply too, as if the reference were a part of an `allOf`: one
    /// beside it that says what an object holds (`{$ref: Base, required: [id]}`, `properties`,
    /// `additionalProperties`, `if`, `dependentSchemas`...) makes it one, so that the object is merged as a
    /// struct of its own (these keywords were dropped). Other keywords beside a reference (a string's, `enum`,
    /// a description) keep it a reference, whose value meets them too.
    private func referenceAsPart(_ o: borrowing SchemaReader, of schema: inout Schema) {
        let shapesAnObject =
            !schema.properties.isEmpty || !schema.required.isEmpty || schema.additionalProperties != nil
            || !schema.patternProperties.isEmpty || schema.minProperties != nil || schema.maxProperties != nil
            || !schema.dependentRequired.isEmpty || schema.propertyNames != nil || !schema.allOf.isEmpty
            || o.value(.unevaluatedProperties) != nil || !schema.dependentSchemas.isEmpty || schema.if != nil
        guard shapesAnObject, let node = o.value(.ref) else { return }
        var part = Schema(location: node.location)
        part.ref = schema.ref
        schema.ref = nil
        schema.allOf.insert(part, at: 0)
    }

    /// `unevaluatedProperties` and `unevaluatedItems` (3.1) where they say what `additionalProperties` and
    /// `items` would: beside `properties`, `patternProperties` and `allOf` (whose parts a generated struct
    /// merges, applying the result to what no part declares), or `prefixItems`. A schema that states
    /// `additionalProperties` or `items` evaluates everything, so there they say nothing. Beside `oneOf`,
    /// `anyOf`, a `$ref` or `contains`, and `if` (with `then` and `else`) or `dependentSchemas` whose subschemas
    /// evaluate properties or items (of the schema or of an inline `allOf` part), which evaluate some
    /// depending on the value, they are warned about and ignored.
    private func readUnevaluated(_ o: borrowing SchemaReader, into schema: inout Schema, file: String) {
        if let node = o.value(.unevaluatedProperties) {
            let beside =
                schema.ref != nil ? "$ref" : !schema.oneOf.isEmpty ? "oneOf" : !schema.anyOf.isEmpty ? "anyOf"
                : Self.conditionalKeyword(evaluating: Self.propertyKeywords, in: o.mapping)
            if let beside {
                let location = o.keyLocation(.unevaluatedProperties)
                report(.unsupported(.unevaluated("unevaluatedProperties", beside: beside), at: location))
            } else if schema.additionalProperties == nil {
                schema.additionalProperties =
                    node.boolScalar.map(AdditionalProperties.bool)
                    ?? .schema(readSchema(node, file: file, key: "unevaluatedProperties"))
                schema.additionalPropertiesAreUnevaluated = !schema.allOf.isEmpty
            }
        }
        if let node = o.value(.unevaluatedItems) {
            let beside =
                schema.ref != nil ? "$ref" : !schema.oneOf.isEmpty ? "oneOf" : !schema.anyOf.isEmpty ? "anyOf"
                : !schema.allOf.isEmpty ? "allOf" : schema.contains != nil ? "contains"
                : Self.conditionalKeyword(evaluating: Self.itemKeywords, in: o.mapping)
            if let beside {
                let location = o.keyLocation(.unevaluatedItems)
                report(.unsupported(.unevaluated("unevaluatedItems", beside: beside), at: location))
            } else if schema.items == nil {
                // A Boolean is a schema in 3.1; a 3.0 document (warned) is read alike.
                var items = Schema(location: node.location)
                if let allows = node.boolScalar {
                    if !allows { items.not = Schema(location: node.location) }
                } else {
                    items = readSchema(node, file: file, key: "unevaluatedItems")
                }
                schema.items = items
            }
        }
    }

    /// Whether a schema read allows only null and says nothing else of the value: `{type: 'null'}`, `{const:
    /// null}`, `{enum: [null]}`, perhaps with a description.
    private static func allowsOnlyNull(_ schema: Schema) -> Bool {
        var rest = schema
        (rest.title, rest.description, rest.example, rest.examples) = (nil, nil, nil, [])
        rest.isNullable = false
        if rest.types == [.null] {
            rest.types = []
        } else if rest.const == .null {
            rest.const = nil
        } else if rest.enum == [.null] {
            rest.enum = nil
        } else {
            return false
        }
        return rest.isEmpty
    }

    /// The keywords of a subschema that evaluate an object's properties, or may (an applicator, a reference).
    private static let propertyKeywords: Set<String> = [
        "properties", "patternProperties", "additionalProperties", "unevaluatedProperties", "dependentSchemas",
        "$ref", "$dynamicRef", "allOf", "anyOf", "oneOf", "if", "then", "else",
    ]

    /// The keywords of a subschema that evaluate an array's items, or may.
    private static let itemKeywords: Set<String> = [
        "prefixItems", "items", "contains", "unevaluatedItems", "$ref", "$dynamicRef", "allOf", "anyOf", "oneOf",
        "if", "then", "else",
    ]

    /// `if` or `dependentSchemas` of `mapping` (a schema), or of one of its inline `allOf` parts, when a subschema
    /// of it has one of `keywords`: JSON Schema's `unevaluatedProperties` and `unevaluatedItems` see what the
    /// subschemas that apply to the value evaluate (`if` itself when the value meets it, else `else`), which
    /// depends on the value. `if` alone, which a warning says nothing of, evaluates too.
    private static func conditionalKeyword(evaluating keywords: Set<String>, in mapping: YAMLMapping) -> String? {
        func evaluates(_ node: YAMLNode) -> Bool {
            guard let subschema = node.mapping else { return false }
            return subschema.indices.contains { subschema.keyText(at: $0).map(keywords.contains) ?? false }
        }
        if ["if", "then", "else"].contains(where: { mapping[$0].map(evaluates) ?? false }) { return "if" }
        if let dependent = mapping["dependentSchemas"]?.mapping,
            dependent.indices.contains(where: { evaluates(dependent[$0].value) })
        {
            return "dependentSchemas"
        }
        guard let parts = mapping["allOf"]?.sequence else { return nil }
        for part in parts {
            guard let inline = part.mapping, inline["$ref"] == nil else { continue }
            if let keyword = conditionalKeyword(evaluating: keywords, in: inline) { return keyword }
        }
        return nil
    }

    static func value(_ value: JSONValue, fits types: [SchemaType]) -> Bool {
        switch value {
        case .null: types.contains(.null)
        case .bool: types.contains(.boolean)
        // JSON Schema: a number with a zero fraction (`1.0`, `1e2`) is an integer.
        case .number(let n):
            types.contains(.number) || (types.contains(.integer) && (n.isInteger || wholeNumber(n.text) != nil))
        case .string: types.contains(.string)
        case .array: types.contains(.array)
        case .object: types.contains(.object)
        }
    }

    static func describe(_ value: JSONValue) -> String {
        if let text = value.scalarText { return text }
        if case .array = value { return "a list" }
        return "a mapping"
    }

    /// Warns about constraints that cannot apply to any of the schema's types.
    private func checkApplicability(_ schema: Schema, _ o: borrowing SchemaReader) {
        // No constraint applies to `null` alone, so the full list of types answers as well as the
        // non-null one, which is only built for a message.
        let types = schema.types
        guard types.contains(where: { $0 != .null }) else { return }
        for keyword in o.presentKeywords {
            guard let constrained = keyword.constrainedTypes, !types.contains(where: constrained.types.contains),
                o.value(keyword) != nil
            else { continue }
            report(
                .constraintDoesNotApply(
                    keyword.rawValue,
                    appliesTo: constrained.name,
                    types: schema.nonNullTypes,
                    at: o.keyLocation(keyword)
                )
            )
        }
    }
}
