import SpecsmithDiagnostics
import SpecsmithYAML

extension LoadSession {
    /// JSON Schema keywords Specsmith does not model: each is reported where it is used.
    static let unsupportedSchemaKeywords: [String] = [
        "$id", "$anchor", "$dynamicRef", "$dynamicAnchor", "$recursiveRef", "$recursiveAnchor", "$vocabulary",
        "patternProperties", "propertyNames", "unevaluatedProperties", "unevaluatedItems", "contains", "minContains",
        "maxContains", "dependentRequired", "dependentSchemas", "dependencies", "if", "then", "else", "contentSchema",
        "additionalItems", "xml",
    ]

    /// Reads a schema (a mapping, or in 3.1 a Boolean). Never fails: a broken schema is reported and
    /// read as far as possible.
    func readSchema(_ node: YAMLNode, file: String, key: String? = nil) -> Schema {
        var schema = Schema(location: node.location)
        if let allowsAll = node.boolScalar, version == .v31 {
            if !allowsAll { schema.not = Schema(location: node.location) }
            return schema
        }
        guard var o = ObjectReader(self, node, file: file, object: "Schema", key: key) else { return schema }

        if let refNode = o.value("$ref") {
            schema.ref = schemaReference(refNode, from: file)
            if version == .v30 {
                let siblings = o.mapping.compactMap(\.keyText).filter { $0 != "$ref" && !$0.hasPrefix("x-") }
                if !siblings.isEmpty {
                    report(.referenceSiblingsIgnored(siblings, version: version, at: o.keyLocation(siblings[0])))
                }
                for entry in o.mapping {
                    if let key = entry.keyText, key.hasPrefix("x-") { schema.extensions[key] = entry.value }
                }
                return schema
            }
        }

        readTypes(&o, into: &schema)
        schema.format = o.string("format")
        schema.title = o.string("title")
        schema.description = o.text("description")

        for (name, _, value) in o.entries("properties") {
            schema.properties[name] = readSchema(value, file: file, key: name)
        }
        if let requiredNode = o.value("required") {
            if requiredNode.sequence != nil {
                schema.required = stringList(requiredNode, key: "required") ?? []
            } else {
                report(.requiredNotAList(at: o.keyLocation("required")))
            }
        }
        if let additional = o.value("additionalProperties") {
            if let b = additional.boolScalar {
                schema.additionalProperties = .bool(b)
            } else {
                schema.additionalProperties = .schema(readSchema(additional, file: file, key: "additionalProperties"))
            }
        }
        schema.minProperties = o.count("minProperties")
        schema.maxProperties = o.count("maxProperties")

        if let items = o.value("items") {
            if items.sequence != nil {
                report(.itemsList(at: o.keyLocation("items")))
            } else {
                schema.items = readSchema(items, file: file, key: "items")
            }
        }
        if let prefix = o.list("prefixItems") {
            if version == .v30 { report(.onlyIn31("prefixItems", at: o.keyLocation("prefixItems"))) }
            schema.prefixItems = prefix.map { readSchema($0, file: file) }
        }
        schema.minItems = o.count("minItems")
        schema.maxItems = o.count("maxItems")
        schema.uniqueItems = o.bool("uniqueItems") ?? false

        schema.allOf = o.list("allOf")?.map { readSchema($0, file: file) } ?? []
        schema.oneOf = o.list("oneOf")?.map { readSchema($0, file: file) } ?? []
        schema.anyOf = o.list("anyOf")?.map { readSchema($0, file: file) } ?? []
        if let not = o.value("not") { schema.not = readSchema(not, file: file, key: "not") }
        if let discriminator = o.value("discriminator") {
            schema.discriminator = readDiscriminator(discriminator, file: file)
        }

        if let values = o.value("enum") {
            if let items = values.sequence {
                schema.enum = items.map(jsonValue)
            } else {
                report(.expected("a list", for: "enum", found: values))
            }
        }
        schema.const = o.json("const")
        schema.default = o.json("default")
        schema.example = o.json("example")
        if let examples = o.value("examples") {
            if let items = examples.sequence {
                schema.examples = items.map(jsonValue)
            } else {
                report(.expected("a list of example values", for: "examples", found: examples))
            }
        }

        schema.readOnly = o.bool("readOnly") ?? false
        schema.writeOnly = o.bool("writeOnly") ?? false
        schema.deprecated = o.bool("deprecated") ?? false

        schema.maxLength = o.count("maxLength")
        schema.minLength = o.count("minLength")
        schema.pattern = o.string("pattern")
        schema.contentMediaType = o.string("contentMediaType")
        schema.contentEncoding = o.string("contentEncoding")

        schema.minimum = o.number("minimum")
        schema.maximum = o.number("maximum")
        readExclusiveBound(&o, "exclusiveMinimum", bound: "minimum", into: &schema, \.minimum, \.exclusiveMinimum)
        readExclusiveBound(&o, "exclusiveMaximum", bound: "maximum", into: &schema, \.maximum, \.exclusiveMaximum)
        schema.multipleOf = o.number("multipleOf")

        if let docs = o.value("externalDocs") { schema.externalDocs = readExternalDocs(docs, file: file) }
        o.accept("$schema", "$comment", "$defs", "definitions")
        for keyword in Self.unsupportedSchemaKeywords where o.has(keyword) {
            o.unsupported(keyword, feature: .schemaKeyword(keyword))
        }
        checkApplicability(schema, o)
        checkValues(schema, o)
        schema.extensions = o.finish()
        return schema
    }

    private func readTypes(_ o: inout ObjectReader, into schema: inout Schema) {
        if let typeNode = o.raw("type") {
            var names: [(String?, YAMLNode)] = []
            if let items = typeNode.sequence {
                if version == .v30 {
                    report(.typeListIn30(at: typeNode.location))
                }
                names = items.map { ($0.isNullNode ? "null" : stringValue($0, key: "type"), $0) }
            } else if typeNode.isNullNode {
                names = [("null", typeNode)]
            } else {
                names = [(stringValue(typeNode, key: "type"), typeNode)]
            }
            for case (let name?, let node) in names {
                guard let type = SchemaType(rawValue: name) else {
                    report(.unknownType(name, at: node.location))
                    continue
                }
                if type == .null && version == .v30 {
                    report(.nullTypeIn30(at: node.location))
                }
                if !schema.types.contains(type) { schema.types.append(type) }
            }
        }
        if let nullable = o.bool("nullable") {
            if version == .v31 {
                report(.nullableIn31(at: o.keyLocation("nullable")))
            }
            if nullable {
                schema.isNullable = true
                if !schema.types.isEmpty && !schema.types.contains(.null) { schema.types.append(.null) }
            }
        }
        if schema.types.contains(.null) { schema.isNullable = true }
    }

    /// Reads `exclusiveMinimum`/`exclusiveMaximum` in either form into the 3.1 one: a 3.0 `true`
    /// moves the bound into the exclusive field.
    private func readExclusiveBound(
        _ o: inout ObjectReader,
        _ key: String,
        bound: String,
        into schema: inout Schema,
        _ inclusive: WritableKeyPath<Schema, YAMLNumber?>,
        _ exclusive: WritableKeyPath<Schema, YAMLNumber?>
    ) {
        guard let node = o.value(key) else { return }
        if let isExclusive = node.boolScalar {
            if version == .v31 {
                report(.booleanExclusiveBoundIn31(key, at: node.location))
            }
            guard isExclusive else { return }
            if let value = schema[keyPath: inclusive] {
                schema[keyPath: exclusive] = value
                schema[keyPath: inclusive] = nil
            } else {
                report(.exclusiveBoundWithoutBound(key, bound: bound, at: node.location))
            }
        } else if let n = node.numberScalar {
            if version == .v30 {
                report(.numericExclusiveBoundIn30(key, at: node.location))
            }
            schema[keyPath: exclusive] = n
        } else {
            report(.expected("a number or a Boolean", for: key, found: node))
        }
    }

    private func readDiscriminator(_ node: YAMLNode, file: String) -> Discriminator? {
        guard var o = ObjectReader(self, node, file: file, object: "Discriminator", key: "discriminator") else {
            return nil
        }
        let propertyName = o.requiredString("propertyName")
        var mapping = OrderedMap<SchemaReference>()
        for (value, _, target) in o.entries("mapping") {
            guard let written = stringValue(target, key: value) else { continue }
            let isReference =
                written.contains("#") || written.contains("/") || written.hasSuffix(".yaml")
                || written.hasSuffix(".yml") || written.hasSuffix(".json")
            let refText = isReference ? written : "#/components/schemas/" + JSONPointer.escape(written)
            let refNode = YAMLNode(.scalar(YAMLScalar(refText)), at: target.location)
            if let reference = schemaReference(refNode, from: file) {
                mapping[value] = SchemaReference(id: reference.id, written: written, location: reference.location)
            }
        }
        let extensions = o.finish()
        guard let propertyName else { return nil }
        return Discriminator(
            propertyName: propertyName,
            mapping: mapping,
            extensions: extensions,
            location: node.location
        )
    }

    /// Warns about `enum`, `const` and `default` values that the schema's own `type` refuses, and
    /// `required` names missing from `properties` of a closed object.
    private func checkValues(_ schema: Schema, _ o: ObjectReader) {
        if !schema.types.isEmpty {
            func check(_ value: JSONValue, _ keyword: String, at location: SourceLocation) {
                if !Self.value(value, fits: schema.types) {
                    report(
                        .valueDoesNotFitType(keyword, value: Self.describe(value), types: schema.types, at: location)
                    )
                }
            }
            if let values = schema.enum, let node = o.mapping["enum"]?.sequence {
                for (value, item) in zip(values, node) { check(value, "enum", at: item.location) }
            }
            if let value = schema.const, let node = o.mapping["const"] { check(value, "const", at: node.location) }
            if let value = schema.default, let node = o.mapping["default"] {
                check(value, "default", at: node.location)
            }
        }
        if schema.additionalProperties == .bool(false), !schema.properties.isEmpty,
            schema.allOf.isEmpty && schema.anyOf.isEmpty && schema.oneOf.isEmpty
        {
            for name in schema.required where !schema.properties.contains(key: name) {
                report(.requiredNotInProperties(name, at: o.keyLocation("required")))
            }
        }
    }

    static func value(_ value: JSONValue, fits types: [SchemaType]) -> Bool {
        switch value {
        case .null: types.contains(.null)
        case .bool: types.contains(.boolean)
        case .number(let n): types.contains(.number) || (n.isInteger && types.contains(.integer))
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
    /// Keywords that constrain only some types, and those types.
    private static let applicabilityGroups: [(keywords: [String], appliesTo: String, types: [SchemaType])] = [
        (["maxLength", "minLength", "pattern"], "strings", [.string]),
        (["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"], "numbers", [.number, .integer]),
        (["items", "prefixItems", "minItems", "maxItems", "uniqueItems"], "arrays", [.array]),
        (["properties", "additionalProperties", "minProperties", "maxProperties"], "objects", [.object]),
    ]

    private func checkApplicability(_ schema: Schema, _ o: ObjectReader) {
        let types = schema.nonNullTypes
        guard !types.isEmpty else { return }
        for group in Self.applicabilityGroups where !types.contains(where: group.types.contains) {
            for keyword in group.keywords {
                if let index = o.index(of: keyword), case let entry = o.mapping[index], !entry.value.isNullNode {
                    report(
                        .constraintDoesNotApply(
                            keyword,
                            appliesTo: group.appliesTo,
                            types: types,
                            at: entry.key.location
                        )
                    )
                }
            }
        }
    }
}
