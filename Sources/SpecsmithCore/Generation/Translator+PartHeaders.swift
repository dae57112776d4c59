import SpecsmithDiagnostics

extension Translator {
    /// The header fields that the parts of a multipart body carry, as its Encoding Objects' `headers` document
    /// them (OpenAPI 3.1: "A map allowing additional information to be provided as headers", ignored outside
    /// `multipart`): each an argument of the request builder and client method, named after the property and the
    /// header (`namesXNameLocale` for `x-name-locale` of `names`) and typed, checked and written in `simple` style
    /// as a header parameter is; as its JSON text where its `content` is JSON, and as the text it is where that is
    /// text (`text/plain` of an integer is an `Int`). Required when the Header Object says so; else optional, and
    /// `nil` sends no field. Declared after `taken` (the builder's other arguments), whose names they are kept
    /// apart from, in the order of the encoding.
    ///
    /// `Content-Type` is ignored as OpenAPI says (the loader leaves it out), a name that is no HTTP token is
    /// left out (the loader warns that no part can carry it), and what no part header can send is warned about:
    /// `Content-Disposition` and `Content-Transfer-Encoding`, which the part writes from its name and schema, a
    /// header whose `content` is neither JSON nor text, and values no style writes (bytes, arrays of objects). A
    /// header of no type (which the loader warns about) is a `String`.
    static func partHeaders(
        of content: MediaType, typeBase: String, componentTypes: [String: String], taken: Set<String>,
        schemas: inout SchemaTranslator, _ diagnostics: inout [Diagnostic]
    ) -> [ParameterDeclaration] {
        let properties = content.schema.map { schemas.bodyProperties($0) } ?? OrderedMap()
        // Each sendable header with the schema of its value and whether it is written as JSON text.
        var sent: [(property: String, name: String, header: Header, schema: Schema, isJSON: Bool)] = []
        for encoding in content.encoding {
            let property = encoding.key
            for entry in encoding.value.headers where Header.isFieldName(entry.key) {
                let (name, header) = (entry.key, entry.value)
                switch partHeaderValue(header, named: name, of: property, schemas: schemas) {
                case .success(let value):
                    if let warning = value.warning { diagnostics.append(warning) }
                    // As in a header parameter, `simple` style spells no member that is an object or an array.
                    if !value.isJSON, schemas.shape(of: value.schema) == .object,
                        let nested = schemas.unspelledMembers(of: value.schema)
                    {
                        diagnostics.append(
                            .warning(
                                "style simple cannot spell the objects and arrays that part header \(name) of body "
                                    + "property '\(property)' holds (\(nested)); each is written as its JSON text",
                                at: header.location))
                    }
                    sent.append((property, name, header, value.schema, value.isJSON))
                case .failure(let unsent):
                    diagnostics.append(
                        .warning(
                            "body property '\(property)': its part header \(name) \(unsent.why)", at: header.location))
                }
            }
        }
        let names = SwiftNames.uniqued(
            sent.map { SwiftNames.member($0.property + " " + $0.name) }, taken: taken.union(boundNames))
        return zip(sent, names).map { entry, swiftName in
            let type =
                entry.header.referenceID.flatMap { componentTypes[$0] }
                ?? schemas.topLevelType(
                    for: entry.schema, suggestedName: typeBase + " " + entry.property + " " + entry.name)
            // A name is shown in a doc comment, which a line break would end.
            let shown = entry.property.split(whereSeparator: \.isNewline).joined(separator: " ")
            let isArray = properties[entry.property].map { schemas.shape(of: $0) == .array } ?? false
            var doc = SchemaTranslator.documentation(entry.header.description)
            if doc.isEmpty {
                doc = ["The `\(entry.name)` header of \(isArray ? "each" : "the") `\(shown)` part."]
            }
            if entry.header.deprecated { doc[0] = "Deprecated. " + doc[0] }
            var declaration = ParameterDeclaration(
                label: swiftName, name: swiftName, wireName: entry.name, location: .header, type: type,
                schema: entry.schema, style: ParameterStyle.simple.rawValue, isOptional: !entry.header.required,
                doc: doc, explode: entry.header.explode ?? false, isJSON: entry.isJSON, schemas: &schemas)
            declaration.part = entry.property
            return declaration
        }
    }

    /// `encodings` with an entry for each property whose parts carry `headers` and have none yet, so that the
    /// builder passes the headers on: in the order of the body's `encoding`, as the others are.
    static func encodings(
        _ encodings: [PropertyEncoding], carrying headers: [ParameterDeclaration], of content: MediaType
    ) -> [PropertyEncoding] {
        let carried = Set(headers.compactMap(\.part))
        guard carried.contains(where: { name in !encodings.contains { $0.property == name } }) else {
            return encodings
        }
        let names = content.encoding.keys + encodings.map(\.property).filter { content.encoding[$0] == nil }
        return names.compactMap { name in
            encodings.first { $0.property == name }
                ?? (carried.contains(name)
                    ? PropertyEncoding(property: name, kind: .part(contentType: nil, transferEncoding: nil)) : nil)
        }
    }

    /// Why a part header is not sent, for a warning that names it and its property.
    private struct UnsentPartHeader: Error {
        var why: String
    }

    /// The schema of a part header's value of `property`'s parts, whether it is written as JSON text (its `content`
    /// is JSON) and a warning about what its text content does not carry; or why it is not sent: a name the part
    /// writes itself, `content` neither JSON nor text, a value no style writes.
    private static func partHeaderValue(
        _ header: Header, named name: String, of property: String, schemas: SchemaTranslator
    ) -> Result<(schema: Schema, isJSON: Bool, warning: Diagnostic?), UnsentPartHeader> {
        switch name.lowercased() {
        case "content-disposition":
            return .failure(.init(why: "is not sent: the part's own names the property (form-data; name=...)"))
        case "content-transfer-encoding":
            return .failure(.init(why: "is not sent: the part's own comes from its schema's contentEncoding"))
        default: break
        }
        guard let schema = header.schema else {
            // A header of no type (which the loader warns about) is text, as a response's is read.
            guard let media = header.content.entries.first else {
                var text = Schema(location: header.location)
                text.types = [.string]
                return .success((text, false, nil))
            }
            if isJSON(media.key) {
                return .success((media.value.schema ?? Schema(location: media.value.location), true, nil))
            }
            guard isText(media.key) else {
                let types = header.content.keys.joined(separator: ", ")
                return .failure(
                    .init(why: "has content of type \(types), which is not sent yet (only JSON and text are)"))
            }
            // Text is written as it is: the value its schema describes (a string, number, date or enum), else
            // the text given, as a header parameter with text content is.
            let text = schemas.textValue(
                of: media.value, mediaType: media.key, subject: "body property '\(property)': its part header \(name)")
            return .success((text.schema, false, text.warning))
        }
        let shape = schemas.shape(of: schema)
        if shape != .object, let problem = schemas.unwritableParameter(schema, shape: shape) {
            return .failure(.init(why: "holds \(problem), which no header style writes; it is not sent"))
        }
        return .success((schema, false, nil))
    }
}
