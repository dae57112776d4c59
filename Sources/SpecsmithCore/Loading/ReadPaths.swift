import SpecsmithDiagnostics
import SpecsmithYAML

extension LoadSession {
    // MARK: Paths and path items

    func readPaths(_ node: YAMLNode, file: String) -> (OrderedMap<PathItem>, Extensions) {
        var paths = OrderedMap<PathItem>()
        var extensions = Extensions()
        var operationIDs: [CodePointKey: SourceLocation] = [:]
        let pathEntries = entries(node, key: "paths") ?? []
        operationIDs.reserveCapacity(pathEntries.count)
        paths.reserveCapacity(pathEntries.count)
        var reads = readConcurrently(pathEntries.count) { worker, index in
            let (path, _, value) = pathEntries[index]
            return path.isExtensionKey
                ? nil
                : worker.readPathItemOrRef(
                    value.withOwnStorage(), file: Self.privateCopy(file), path: path, isWebhook: false)
        }
        for (index, (path, keyNode, value)) in pathEntries.enumerated() {
            if path.isExtensionKey {
                extensions[path] = value
                continue
            }
            if !path.hasPrefix("/") {
                report(.pathMustStartWithSlash(path, at: keyNode.location))
            }
            let item: PathItem?
            // Taken out of the array, not copied: a copy would retain every part of the item, and the
            // array's copy would be released after.
            if case let (adopted, read)? = reads?[index].take(), adopt(read) {
                item = adopted
            } else {
                item = readPathItemOrRef(value, file: file, path: path, isWebhook: false)
            }
            guard let item else { continue }
            // By position: iterating would copy each operation whole.
            for index in item.operations.indices {
                guard let id = item.operations[index].operationId else { continue }
                let location = item.operations[index].location
                // One hash: the first location stays, and comes back when the id is written again.
                if let first = operationIDs.updateValue(location, forKey: CodePointKey(id)) {
                    operationIDs[CodePointKey(id)] = first
                    report(.duplicateOperationID(id, first: first, at: location))
                }
            }
            paths.set(item, forKey: path)
        }
        return (paths, extensions)
    }

    func readPathItemOrRef(_ node: YAMLNode, file: String, path: String, isWebhook: Bool) -> PathItem? {
        let read = { (node: YAMLNode, file: String) in
            self.readPathItem(node, file: file, path: path, isWebhook: isWebhook)
        }
        // Destructured, so that the path item is moved out of the result rather than copied.
        guard case (var item, _, let description)? = referable(node, file: file, object: "Path Item", read: read) else {
            return nil
        }
        // A referenced path item may be shared by several paths: give its operations this path.
        if item.path != path {
            item.path = path
            for index in item.operations.indices { item.operations[index].path = path }
        }
        if let description { item.description = description }
        return item
    }

    func readPathItem(_ node: YAMLNode, file: String, path: String, isWebhook: Bool) -> PathItem? {
        guard var o = ObjectReader(self, node, file: file, object: "Path Item", key: path) else { return nil }
        var item = PathItem(
            path: path,
            summary: o.string("summary"),
            description: o.text("description"),
            location: node.location
        )
        item.servers = readServers(&o, file: file)
        item.parameters = readParameterList(&o, file: file)
        // `query` is a fixed field from 3.2 on; a 3.1 document that writes it is told it is not read.
        for method in version >= .v32 ? HTTPMethod.fixedFields : HTTPMethod.fixedFields.filter({ $0 != .query }) {
            guard let operationNode = o.value(method.rawValue) else { continue }
            if let operation = readOperation(
                operationNode,
                file: file,
                method: method,
                item: item,
                isWebhook: isWebhook
            ) {
                item.operations.append(operation)
            }
        }
        if version >= .v32 {
            for (name, keyNode, operationNode) in o.entries("additionalOperations") {
                guard let method = additionalMethod(name, at: keyNode.location) else { continue }
                if let operation = readOperation(
                    operationNode, file: file, method: method, item: item, isWebhook: isWebhook)
                {
                    item.operations.append(operation)
                }
            }
        } else if version == .v31 && o.mapping.entry("query") != nil {
            o.unsupported("query", feature: .queryMethod)
        }
        // Keep document order of the operations, not the order of the fixed fields; `additionalOperations` in
        // its place, its own in their order.
        if item.operations.count > 1 {
            // Each key's position found by the reader, from the keys' bytes: no `String` is made of every key.
            var positions: [(key: Int, offset: Int)] = []
            positions.reserveCapacity(item.operations.count)
            for offset in item.operations.indices {  // by position: iterating would copy each operation
                let method = item.operations[offset].method
                let key = method.isAdditional ? "additionalOperations" : method.rawValue
                positions.append((key: o.index(of: key) ?? 0, offset: offset))
            }
            item.operations = positions.sorted { ($0.key, $0.offset) < ($1.key, $1.offset) }.map {
                item.operations[$0.offset]
            }
        }
        item.extensions = o.finish()
        return item
    }

    /// The method of an `additionalOperations` key (3.2), sent as written; `nil`, with an error, for a key that is
    /// no HTTP method name, or the method of a fixed field (`GET` is the `get` field's), which the specification
    /// says the map must not hold.
    private func additionalMethod(_ name: String, at location: SourceLocation) -> HTTPMethod? {
        // A method is a token (RFC 9110, 9.1), as a field name is.
        guard Header.isFieldName(name) else {
            report(
                .error(
                    "\"\(name)\" in additionalOperations is not an HTTP method name (a token: letters, digits and "
                        + "!#$%&'*+-.^_`|~)", at: location))
            return nil
        }
        if let field = HTTPMethod.fixedFields.first(where: { $0.wireName == name }) {
            report(
                .error(
                    "additionalOperations must not hold \(name): the path item's \"\(field.rawValue)\" field is for it",
                    at: location))
            return nil
        }
        if let field = HTTPMethod.fixedFields.first(where: { $0.wireName == name.uppercased() }) {
            report(
                .warning(
                    "additionalOperations key \"\(name)\" is sent as written, a method HTTP tells apart from "
                        + "\(field.wireName) (methods are case-sensitive); write \"\(field.rawValue)\" for "
                        + field.wireName,
                    at: location))
        }
        return HTTPMethod(additional: name)
    }

    private func readParameterList(_ o: inout ObjectReader, file: String) -> [Parameter] {
        var parameters: [Parameter] = []
        for node in o.list("parameters") ?? YAMLSequence() {
            guard let parameter = referableObject(node, file: file, object: "Parameter", read: readParameter) else { continue }
            if let first = parameters.firstIndex(where: { $0.isSameParameter(as: parameter) }) {
                report(
                    .duplicateParameter(
                        parameter.name,
                        in: parameter.in,
                        first: parameters[first].location,
                        at: node.location
                    )
                )
                continue
            }
            parameters.append(parameter)
        }
        return parameters
    }

    // MARK: Operations

    private func readOperation(_ node: YAMLNode, file: String, method: HTTPMethod, item: PathItem, isWebhook: Bool)
        -> Operation?
    {
        guard var o = ObjectReader(self, node, file: file, object: "Operation", key: method.rawValue) else {
            return nil
        }
        var operation = Operation(method: method, path: item.path, location: node.location)
        operation.operationId = o.string("operationId")
        operation.summary = o.string("summary")
        operation.description = o.text("description")
        operation.tags = o.stringList("tags") ?? []
        operation.deprecated = o.bool("deprecated") ?? false
        operation.servers = readServers(&o, file: file)
        operation.externalDocs = o.value("externalDocs").flatMap { readExternalDocs($0, file: file) }

        let own = readParameterList(&o, file: file)
        var merged = item.parameters
        for parameter in own {
            if let index = merged.firstIndex(where: { $0.isSameParameter(as: parameter) }) {
                merged[index] = parameter
            } else {
                merged.append(parameter)
            }
        }
        operation.parameters = merged
        if !isWebhook { checkPathParameters(operation) }
        checkQuerystring(operation)

        if let body = o.value("requestBody") {
            operation.requestBody = referableObject(body, file: file, object: "Request Body", read: readRequestBody)
        }
        if let responses = o.value("responses") {
            operation.responses = readResponses(responses, file: file)
            // Only when none is written: one that could not be read (a broken `$ref`) has its own error.
            let written = responses.mapping?.contains { !($0.keyText ?? "").isExtensionKey } ?? true
            if !written { report(.noResponses(at: o.keyLocation("responses"))) }
        } else if version == .v30 {
            report(.noResponses(at: node.location))
        }
        operation.security = o.value("security").map { readSecurity($0, file: file) }
        o.unsupported("callbacks", feature: .callbacks)
        operation.extensions = o.finish()
        return operation
    }

    /// OpenAPI 3.2: a querystring parameter is the whole query, so an operation has at most one, and no query
    /// parameter beside it (its own or its path item's). Each is an error at the querystring parameter.
    private func checkQuerystring(_ operation: Operation) {
        let querystrings = operation.parameters.filter { $0.in == .querystring }
        guard let first = querystrings.first else { return }
        for other in querystrings.dropFirst() {
            report(.secondQuerystring(other.name, first: first.location, at: other.location))
        }
        let queries = operation.parameters.filter { $0.in == .query }
        if !queries.isEmpty {
            report(.querystringBesideQuery(first.name, queries: queries, at: first.location))
        }
    }

    private func checkPathParameters(_ operation: Operation) {
        let names = Self.templateVariables(operation.path)
        let pathParameters = operation.parameters.filter { $0.in == .path }
        for name in names where !pathParameters.contains(where: { $0.name.hasSameCodePoints(as: name) }) {
            report(.undeclaredPathParameter(name, path: operation.path, at: operation.location))
        }
        for parameter in pathParameters where !names.contains(where: { $0.hasSameCodePoints(as: parameter.name) }) {
            report(.pathParameterNotInPath(parameter.name, path: operation.path, at: parameter.location))
        }
    }

    // MARK: Parameters and headers

    func readParameter(_ node: YAMLNode, file: String) -> Parameter? {
        guard var o = ObjectReader(self, node, file: file, object: "Parameter") else { return nil }
        let name = o.requiredString("name")
        let placeText = o.requiredString("in")
        var place: ParameterLocation?
        if let placeText {
            // `querystring` (the last case) is 3.2's. The list of the others is made only for a message.
            place = ParameterLocation(rawValue: placeText).flatMap { $0 != .querystring || version >= .v32 ? $0 : nil }
            if place == nil {
                let allowed = version >= .v32 ? ParameterLocation.allCases : ParameterLocation.allCases.dropLast()
                report(
                    .invalidValue(
                        placeText,
                        for: "in",
                        allowed: allowed.map(\.rawValue),
                        at: o.keyLocation("in")
                    )
                )
            }
        }
        var parameter = Parameter(name: name ?? "", in: place ?? .query, location: node.location)
        parameter.description = o.text("description")
        parameter.required = o.bool("required") ?? false
        if place == .path && !parameter.required {
            report(
                .pathParameterNotRequired(
                    parameter.name,
                    at: o.raw("required") == nil ? node.location : o.keyLocation("required")
                )
            )
            parameter.required = true
        }
        parameter.deprecated = o.bool("deprecated") ?? false
        parameter.allowEmptyValue = o.bool("allowEmptyValue") ?? false
        parameter.style = readStyle(
            &o,
            allowed: place.map(Self.allowedStyles) ?? ParameterStyle.allCases,
            for: "\(placeText ?? "") parameters"
        )
        parameter.explode = o.bool("explode")
        parameter.allowReserved = o.bool("allowReserved") ?? false
        (parameter.schema, parameter.content) = readSchemaOrContent(&o, file: file)
        if place == .querystring {
            // OpenAPI 3.2: the whole query string is described by `content`; the fields for use with `schema` are
            // not allowed (`style` is refused above, as no style is allowed).
            for key in ["schema", "explode", "allowReserved"] where o.has(key) {
                report(.notForQuerystring(key, at: o.keyLocation(key)))
            }
        }
        parameter.example = o.json("example")
        parameter.examples = readExamples(&o, file: file)
        parameter.extensions = o.finish()
        guard let name, place != nil else { return nil }
        if place == .header {
            checkHeaderName(
                name, at: o.keyLocation("name"),
                consequence: "a request given it throws RequestError.invalidHeaderName")
        }
        return parameter
    }

    /// Warns about a header name that HTTP does not allow (``Header/isFieldName(_:)``). `consequence` says what
    /// the generated code does with it.
    func checkHeaderName(_ name: String, at location: SourceLocation, consequence: String) {
        guard !Header.isFieldName(name) else { return }
        report(
            .warning(
                "\"\(name)\" is not an HTTP header name (letters, digits and !#$%&'*+-.^_`|~ only): \(consequence)",
                at: location))
    }

    static func allowedStyles(_ place: ParameterLocation) -> [ParameterStyle] {
        switch place {
        case .path: [.matrix, .label, .simple]
        case .query: [.form, .spaceDelimited, .pipeDelimited, .deepObject]
        case .header: [.simple]
        case .cookie: [.form, .cookie]
        case .querystring: []
        }
    }

    /// `place` names what the style is of in a message, made only for one.
    private func readStyle(
        _ o: inout ObjectReader, allowed: [ParameterStyle], for place: @autoclosure () -> String
    ) -> ParameterStyle? {
        guard let text = o.string("style") else { return nil }
        // `cookie` is 3.2's.
        let styles = version >= .v32 ? ParameterStyle.allCases : ParameterStyle.allCases.filter { $0 != .cookie }
        guard let style = ParameterStyle(rawValue: text), styles.contains(style) else {
            report(
                .invalidValue(
                    text,
                    for: "style",
                    allowed: styles.map(\.rawValue),
                    at: o.keyLocation("style")
                )
            )
            return nil
        }
        if !allowed.contains(style) {
            report(.styleNotAllowed(style, for: place(), at: o.keyLocation("style")))
        }
        return style
    }

    private func readSchemaOrContent(_ o: inout ObjectReader, file: String) -> (Schema?, OrderedMap<MediaType>) {
        let schema = o.value("schema").map { readSchema($0, file: file, key: "schema") }
        let content = readContent(&o, file: file)
        if schema != nil && !content.isEmpty {
            report(.schemaAndContent(at: o.keyLocation("content")))
        } else if schema == nil && content.isEmpty {
            report(.neitherSchemaNorContent(at: o.location))
        } else if content.count > 1 {
            report(.contentNeedsOneEntry(at: o.keyLocation("content")))
        }
        return (schema, content)
    }

    func readHeader(_ node: YAMLNode, file: String) -> Header? {
        guard var o = ObjectReader(self, node, file: file, object: "Header") else { return nil }
        var header = Header(location: node.location)
        header.description = o.text("description")
        header.required = o.bool("required") ?? false
        header.deprecated = o.bool("deprecated") ?? false
        header.style = readStyle(&o, allowed: [.simple], for: "headers")
        header.explode = o.bool("explode")
        (header.schema, header.content) = readSchemaOrContent(&o, file: file)
        header.example = o.json("example")
        header.examples = readExamples(&o, file: file)
        header.extensions = o.finish()
        return header
    }

    /// `carrier` is what the headers come in (`response`, `part`), for the warning about a name HTTP does not allow.
    private func readHeaders(_ o: inout ObjectReader, file: String, carrier: String) -> OrderedMap<Header> {
        var headers = OrderedMap<Header>()
        for (name, keyNode, value) in o.entries("headers") {
            guard let header = referableObject(value, file: file, object: "Header", read: readHeader) else { continue }
            // The specification says a Content-Type header of a response or a part is ignored: the media type says it.
            if name.lowercased() == "content-type" { continue }
            checkHeaderName(name, at: keyNode.location, consequence: "no \(carrier) can carry it")
            headers.set(header, forKey: name)
        }
        return headers
    }

    // MARK: Bodies, responses, media types

    func readRequestBody(_ node: YAMLNode, file: String) -> RequestBody? {
        guard var o = ObjectReader(self, node, file: file, object: "Request Body", key: "requestBody") else {
            return nil
        }
        var body = RequestBody(location: node.location)
        body.description = o.text("description")
        body.required = o.bool("required") ?? false
        if o.value("content") == nil { report(.missingKey("content", in: "Request Body", at: node.location)) }
        body.content = readContent(&o, file: file)
        body.extensions = o.finish()
        return body
    }

    private func readResponses(_ node: YAMLNode, file: String) -> Responses {
        var responses = Responses()
        for (key, keyNode, value) in entries(node, key: "responses") ?? [] {
            if key.isExtensionKey {
                responses.extensions[key] = value
                continue
            }
            guard let status = Self.responseStatus(key) else {
                report(.invalidStatus(key, at: keyNode.location))
                continue
            }
            guard let response = referableObject(value, file: file, object: "Response", read: readResponse) else { continue }
            responses.entries.append(Responses.Entry(status: status, response: response))
        }
        return responses
    }

    /// `200`, `2XX` (or `2xx`), `default`; `nil` for anything else.
    static func responseStatus(_ key: String) -> ResponseStatus? {
        if key == "default" { return .default }
        // Three ASCII characters, so their UTF-8 bytes tell: a first digit 1 to 5, then two digits or two Xs.
        let bytes = Array(key.utf8)
        guard bytes.count == 3, (UInt8(ascii: "1")...UInt8(ascii: "5")).contains(bytes[0]) else { return nil }
        let first = Int(bytes[0] - UInt8(ascii: "0"))
        if bytes[1...].allSatisfy({ $0 == UInt8(ascii: "X") || $0 == UInt8(ascii: "x") }) { return .range(first) }
        guard bytes[1...].allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
        return .code(first * 100 + Int(bytes[1] - UInt8(ascii: "0")) * 10 + Int(bytes[2] - UInt8(ascii: "0")))
    }

    func readResponse(_ node: YAMLNode, file: String) -> Response? {
        guard var o = ObjectReader(self, node, file: file, object: "Response") else { return nil }
        var response = Response(location: node.location)
        if let description = o.text("description") {
            response.description = description
        } else if o.raw("description") == nil, version < .v32 {
            // Required before 3.2, which makes it optional and adds `summary`.
            report(.missingKeyWarning("description", in: "Response", at: node.location))
        }
        if version >= .v32 { response.summary = o.string("summary") }
        response.headers = readHeaders(&o, file: file, carrier: "response")
        response.content = readContent(&o, file: file)
        for (name, _, value) in o.entries("links") {
            if let result = referable(value, file: file, object: "Link", read: readLink) {
                response.links[name] = result.value
            }
        }
        response.extensions = o.finish()
        return response
    }

    private func readContent(_ o: inout ObjectReader, file: String) -> OrderedMap<MediaType> {
        var content = OrderedMap<MediaType>()
        for (mediaType, _, value) in o.entries("content") {
            // In 3.2 a Media Type object may be a `$ref`, to `components/mediaTypes` or elsewhere.
            let media: MediaType?
            if version >= .v32 {
                let read = { (node: YAMLNode, file: String) in self.readMediaType(node, file: file, key: mediaType) }
                media = referable(value, file: file, object: "Media Type", read: read)?.value
            } else {
                media = readMediaType(value, file: file, key: mediaType)
            }
            if let media { content.set(media, forKey: mediaType) }
        }
        return content
    }

    /// A Media Type object; `key` is its media type, or for a component its name.
    func readMediaType(_ value: YAMLNode, file: String, key: String) -> MediaType? {
        guard var m = ObjectReader(self, value, file: file, object: "Media Type", key: key) else { return nil }
        var media = MediaType(location: value.location)
        media.schema = m.value("schema").map { readSchema($0, file: file, key: "schema") }
        media.example = m.json("example")
        media.examples = readExamples(&m, file: file)
        for (name, _, encodingNode) in m.entries("encoding") {
            if let encoding = readEncoding(encodingNode, file: file, key: name) { media.encoding[name] = encoding }
        }
        if version >= .v32 {
            media.itemSchema = m.value("itemSchema").map { readSchema($0, file: file, key: "itemSchema") }
            // Encoding by position (3.2), for multipart content that is an array: parts in order, not by name.
            m.unsupported("prefixEncoding", feature: .positionalEncoding("prefixEncoding"))
            m.unsupported("itemEncoding", feature: .positionalEncoding("itemEncoding"))
        }
        media.extensions = m.finish()
        return media
    }

    private func readEncoding(_ node: YAMLNode, file: String, key: String) -> Encoding? {
        guard var o = ObjectReader(self, node, file: file, object: "Encoding", key: key) else { return nil }
        var encoding = Encoding(location: node.location)
        encoding.contentType = o.string("contentType")
        encoding.headers = readHeaders(&o, file: file, carrier: "part")
        encoding.style = readStyle(&o, allowed: Self.allowedStyles(.query), for: "encodings")
        encoding.explode = o.bool("explode")
        encoding.allowReserved = o.bool("allowReserved") ?? false
        if version >= .v32 {
            // Encoding objects of a part that is itself multipart (3.2), which is not generated.
            for key in ["encoding", "prefixEncoding", "itemEncoding"] {
                o.unsupported(key, feature: .nestedEncoding(key))
            }
        }
        encoding.extensions = o.finish()
        return encoding
    }

    // MARK: Examples

    private func readExamples(_ o: inout ObjectReader, file: String) -> OrderedMap<Example> {
        var examples = OrderedMap<Example>()
        for (name, _, value) in o.entries("examples") {
            if let result = referable(value, file: file, object: "Example", read: readExample) {
                examples[name] = result.value
            }
        }
        return examples
    }

    func readLink(_ node: YAMLNode, file: String) -> Link? {
        guard var o = ObjectReader(self, node, file: file, object: "Link") else { return nil }
        var link = Link(location: node.location)
        link.operationRef = o.string("operationRef")
        link.operationId = o.string("operationId")
        // OpenAPI: "operationRef and operationId are mutually exclusive", and a link names its operation by one.
        if link.operationRef != nil, link.operationId != nil {
            report(
                .warning(
                    "a Link names its operation by operationRef or by operationId, not both; operationId is used",
                    at: o.keyLocation("operationRef")))
            link.operationRef = nil
        } else if link.operationRef == nil, link.operationId == nil {
            report(.warning("a Link names no operation (operationRef or operationId)", at: node.location))
        }
        for (name, _, value) in o.entries("parameters") { link.parameters[name] = jsonValue(value) }
        link.requestBody = o.json("requestBody")
        link.description = o.text("description")
        // A server for the target operation: the client sends each operation to its own servers.
        _ = o.raw("server")
        link.extensions = o.finish()
        return link
    }

    func readExample(_ node: YAMLNode, file: String) -> Example? {
        guard var o = ObjectReader(self, node, file: file, object: "Example") else { return nil }
        var example = Example(location: node.location)
        example.summary = o.string("summary")
        example.description = o.text("description")
        example.value = o.json("value")
        example.externalValue = o.string("externalValue")
        if version >= .v32 {
            example.dataValue = o.json("dataValue")
            example.serializedValue = o.string("serializedValue")
        }
        example.extensions = o.finish()
        return example
    }
}

extension Parameter {
    /// Whether the two are one parameter: the same location, and names of the same code points.
    func isSameParameter(as other: Parameter) -> Bool {
        self.in == other.in && name.hasSameCodePoints(as: other.name)
    }
}
