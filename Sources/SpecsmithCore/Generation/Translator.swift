import SpecsmithDiagnostics
import SpecsmithYAML

/// Stage 3: turns a loaded document into a ``GenerationModel``, deciding every name and type.
/// Problems that make generation impossible are errors; features not generated yet are warnings
/// that name them.
struct Translator {
    let job: GenerationJob
    /// Whether the operations of a document with many are translated on every core.
    var concurrency: LoadConcurrency = .automatic
    /// How deep `allOf`, `anyOf` and `oneOf` may nest, the schemas their references lead to counted
    /// (see ``CompositionDepth``): the loader's ``LoadLimits/maxDepth``.
    var maxDepth = LoadLimits().maxDepth

    /// Top-level names the generated code declares itself or imports from SpecsmithRuntime (every
    /// public type there, so that none is ever shadowed): a schema with one of these names gets a
    /// numbered name instead. `CodingKeys`, which a struct declares inside itself, would hide a
    /// top-level type of that name from the struct's properties.
    static let reservedNames: Set<String> = [
        "Server", "Operations", "CodingKeys",
        // SpecsmithRuntime's public types.
        "BasicCredentials", "BearerTokenMiddleware", "ClientCore", "ClientMiddleware", "ClientOperation",
        "ClientRedaction", "CookieStyle", "DateTime", "ExactDecimal", "FormEncoding", "HTTPTransport",
        "HeaderFieldValue", "Indirect", "ItemsRule", "JSONCoding", "JSONTypes", "JSONValue", "ListedRule", "LoggingMiddleware",
        "MultipartEncoding", "NumberRule", "OneOfDecoding", "OpenEnum", "PathStyle", "Pattern", "PreparedRequest",
        "PropertiesRule", "QueryStyle", "ReceivedResponse", "Redacted", "ReportedFailure", "RequestBuilder",
        "RequestError", "RequestPath", "RetryMiddleware", "SecretRedacting", "ServerURL", "StringRule", "TypeRule",
        "URLSessionTransport", "UndeclaredProperties", "UnexpectedResponse", "Validatable", "ValidationContext",
        "ValidationError", "ValidationKey", "ValueRule", "Violation",
        // HTTPTypes' request, which the runtime's API hands out.
        "HTTPRequest",
    ]

    /// ``reservedNames`` hashed once a process, for the schema translator's table of top-level names.
    static let hashedReservedNames = Set(reservedNames.map(HashedName.init))

    /// The arguments of a request builder or client method besides its parameters'.
    static let otherArgumentNames: Set<String> = ["body", "server", "bearerToken", "basicCredentials"]

    /// Names a parameter's argument may not take inside a request builder or the client method that
    /// passes it on: their other arguments, and the names their code binds (`request`, the validation
    /// `context`, the client's `operation`, `response`, `core` and, where it passes one, bearer `token`),
    /// which the argument would shadow.
    static let takenArgumentNames = otherArgumentNames.union(boundNames)

    /// The names a request builder or client method binds, which an argument would shadow.
    static let boundNames: Set<String> = ["request", "context", "operation", "response", "core", "token"]
    /// ``boundNames`` where no bearer `token` is passed: made once, not subtracted for every operation.
    static let boundNamesWithoutToken = boundNames.subtracting(["token"])

    func translate(_ document: OpenAPIDocument) -> (model: GenerationModel, diagnostics: [Diagnostic]) {
        // Parts nested deeper than the limit would take the translator's recursion past its stack.
        let tooDeep = CompositionDepth.check(document, maxDepth: maxDepth)
        guard tooDeep.isEmpty else {
            let model = GenerationModel(
                spec: job.spec, title: document.info.title, module: job.module, access: job.access, types: [],
                servers: [], defaultServer: nil, operations: [])
            return (model, tooDeep)
        }
        let assertFormats =
            job.assertFormats || (document.extensions["x-specsmith-assert-formats"].flatMap { try? $0.bool() } ?? false)
        var schemas = SchemaTranslator(
            document: document, reservedNames: Self.hashedReservedNames, assertFormats: assertFormats)
        schemas.declareComponents(concurrency: concurrency)
        var diagnostics: [Diagnostic] = []
        // Every server a request can go to, gathered once for the declarations, the operations' defaults
        // and the warnings.
        let allServers = Self.allServers(document)
        let servers = translateServers(allServers)
        let documentOperations = DocumentOperations(document)
        var operations: [OperationDeclaration] = []
        operations.reserveCapacity(documentOperations.count)
        // By index, and by the fields the name is made of: an operation passed whole, even read by index, is
        // copied (its every field retained, then released).
        let operationNames = SwiftNames.uniqued(
            documentOperations.indices.map { index in
                Self.operationName(
                    id: documentOperations[index].operationId, method: documentOperations[index].method,
                    path: documentOperations[index].path)
            })
        var componentTypes = Self.declareComponentBodies(documentOperations, schemas: &schemas)
        Self.declareComponentHeaders(documentOperations, types: &componentTypes, schemas: &schemas)
        var translated = translateConcurrently(
            documentOperations, names: operationNames, document: document, componentTypes: componentTypes,
            schemas: schemas)
        // By index, each worker's translation taken out of its slot: neither it nor the operation is copied.
        for index in documentOperations.indices {
            // A worker's translation where it holds, else the operation translated again, in its turn.
            if let worker = translated?[index].take(), schemas.adopt(worker.schemas) {
                diagnostics += worker.diagnostics
                if let declaration = worker.declaration.take() { operations.append(declaration) }
            } else if let declaration = translate(
                documentOperations[index], named: operationNames[index], document: document,
                componentTypes: componentTypes, schemas: &schemas, &diagnostics)
            {
                operations.append(declaration)
            }
        }
        Self.documentLinks(
            of: documentOperations, names: operationNames, version: document.version, in: &operations, &diagnostics)
        let ownServers = Self.operationServers(document, all: allServers, declared: servers)
        if !ownServers.isEmpty {
            for index in operations.indices {
                let key = Self.operationKey(method: operations[index].method, path: operations[index].path)
                operations[index].server = ownServers[key]
            }
        }
        schemas.breakAliasCycles()
        var aliases: [String: String] = [:]
        for case .alias(let alias) in schemas.declarations { aliases[alias.name] = alias.type }
        let elements = Self.aliasElements(aliases)
        // Taken out of the translator, which keeps no second reference to them.
        var declarations = schemas.takeDeclarations()
        if !aliases.isEmpty { Self.findAliasedMembers(&declarations, elements: elements) }
        let manyTypes = concurrency.minimumItems.map { declarations.count >= $0 } ?? false
        let (types, validating) = Self.markValidationAndRecursion(consume declarations, concurrently: manyTypes)
        // Each type looked up by name, on every core when there are many operations.
        let manyOperations = concurrency.minimumItems.map { operations.count >= $0 } ?? false
        Concurrently.update(&operations, concurrently: manyOperations) { _, operation in
            if let type = operation.body?.type {
                operation.body!.validatesNested = validating.contains(Self.elementType(type, elements: elements))
            }
            // By index: a parameter read while its array is iterated would make each write copy the array.
            for position in operation.parameters.indices {
                let type = operation.parameters[position].type
                operation.parameters[position].validatesNested = validating.contains(
                    Self.elementType(type, elements: elements))
            }
        }
        let model = GenerationModel(
            spec: job.spec, title: document.info.title, module: job.module, access: job.access, types: types, servers: servers,
            defaultServer: document.servers.isEmpty ? nil : servers.first?.defaultValue, operations: operations,
            aliases: aliases)
        let all = schemas.diagnostics + diagnostics + Self.serverWarnings(allServers) + Self.securityWarnings(document)
        return (model, Self.distinct(all))
    }

    /// A warning for each server URL that is relative: OpenAPI reads it against where the document is
    /// served, which generated code cannot know.
    static func serverWarnings(_ servers: [Server]) -> [Diagnostic] {
        servers.filter { !defaultURL($0).contains("://") }.map { server in
            .warning(
                "server URL \"\(server.url)\" is relative to where the document is served, which generated code "
                    + "cannot know; requests to it throw RequestError.invalidServerURL unless given server: .custom(URL)",
                at: server.location)
        }
    }

    /// Each diagnostic once, in order: a schema or parameter used in several places is reported where it
    /// is written, once.
    static func distinct(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        guard diagnostics.count > 1 else { return diagnostics }
        var seen: Set<Diagnostic> = []
        return diagnostics.filter { seen.insert($0).inserted }
    }

    /// A server's URL with each variable's default in its place: `{scheme}://{host}` can be absolute.
    static func defaultURL(_ server: Server) -> String {
        guard !server.variables.isEmpty else { return server.url }
        var url = server.url
        for entry in server.variables { url = replacing("{\(entry.key)}", with: entry.value.default, in: url) }
        return url
    }

    /// `text` with every occurrence of `target` replaced by `replacement`, left to right. ASCII text is
    /// searched byte by byte here: Foundation's `replacingOccurrences(of:with:)` set up its string machinery
    /// on its first call, over a million instructions on the one thread between the concurrent sections.
    /// Any other text is left to Foundation, which compares characters by canonical equivalence.
    private static func replacing(_ target: String, with replacement: String, in text: String) -> String {
        guard text.utf8.allSatisfy({ $0 < 0x80 }), target.utf8.allSatisfy({ $0 < 0x80 }), !target.isEmpty else {
            return text.replacingOccurrences(of: target, with: replacement)
        }
        let (bytes, pattern) = (Array(text.utf8), Array(target.utf8))
        var replaced: [UInt8] = []
        replaced.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes.count - index >= pattern.count, bytes[index..<index + pattern.count].elementsEqual(pattern) {
                replaced += replacement.utf8
                index += pattern.count
            } else {
                replaced.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: replaced, as: UTF8.self)
    }

    /// The `charset` parameter of a media type, lowercased, or `nil`.
    static func charset(of mediaType: String) -> String? {
        for parameter in mediaType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            let unquoted = { (text: Substring) in String(text.filter { $0 != " " && $0 != "\"" }).lowercased() }
            guard pair.count == 2, unquoted(pair[0]) == "charset" else { continue }
            return unquoted(pair[1])
        }
        return nil
    }

    /// RFC 3986's unreserved characters, which percent-encoding leaves as they are.
    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    /// The document's operations in order, as ``OpenAPIDocument/operations`` lists them, each read in place in its
    /// path item: that array is a copy of every operation (each of its fields retained, and released when the
    /// translation ends), some 100K instructions for discourse's 93 on the one thread before the operations are
    /// shared out.
    struct DocumentOperations: RandomAccessCollection {
        private let items: [OrderedMap<PathItem>.Entry]
        /// The path item of each operation, and the operation's position in it.
        private let places: [(item: Int, operation: Int)]

        init(_ document: OpenAPIDocument) {
            items = document.paths.entries
            var places: [(item: Int, operation: Int)] = []
            for item in items.indices {
                for operation in items[item].value.operations.indices { places.append((item, operation)) }
            }
            self.places = places
        }

        var startIndex: Int { 0 }
        var endIndex: Int { places.count }

        subscript(position: Int) -> Operation {
            _read { yield items[places[position].item].value.operations[places[position].operation] }
        }
    }

    /// One operation translated by a worker copy of the schema translator. A class: the slots that hold the
    /// translations, and the loop that takes them over, then move a reference rather than the declaration (several
    /// hundred bytes) each time, on the one thread between the concurrent sections.
    private final class OperationTranslation {
        var declaration: OperationDeclaration?
        let schemas: SchemaTranslator.WorkerItem
        let diagnostics: [Diagnostic]

        init(declaration: OperationDeclaration?, schemas: SchemaTranslator.WorkerItem, diagnostics: [Diagnostic]) {
            (self.declaration, self.schemas, self.diagnostics) = (declaration, schemas, diagnostics)
        }
    }

    /// Each operation translated on every core by a worker copy of `schemas` (``SchemaTranslator/worker()``,
    /// one per run of operations), to be adopted in order; `nil` when there are too few to share out.
    private func translateConcurrently(
        _ operations: DocumentOperations, names: [String], document: OpenAPIDocument, componentTypes: [String: String],
        schemas: SchemaTranslator
    ) -> [OperationTranslation?]? {
        guard let minimum = concurrency.minimumItems, operations.count >= minimum else { return nil }
        return Concurrently.runs(operations.count) { items, store in
            var worker = schemas.worker()
            for index in items {
                var diagnostics: [Diagnostic] = []
                let declaration = translate(
                    operations[index], named: names[index], document: document, componentTypes: componentTypes,
                    schemas: &worker, &diagnostics)
                let translation = OperationTranslation(
                    declaration: declaration, schemas: worker.takeItem(), diagnostics: diagnostics)
                store(index, translation)
            }
        }
    }

    /// Gives each property, extra value and union case whose type is an alias of an array or dictionary
    /// of a top-level struct or union (`Rows = [RowsItem]`, its items declared inline) that struct as
    /// its `valueStruct`, as a reference to it would have: its values then validate.
    /// `elements` are ``aliasElements(_:)`` of the aliases.
    static func findAliasedMembers(_ types: inout [TypeDeclaration], elements: [String: String]) {
        // The types the aliases lead to, usually few, and those of them that are a top-level struct or union:
        // each declaration's name is looked up among the few rather than every name hashed into a set.
        let targets = Set(elements.values)
        var structs: Set<String> = []
        for type in types {
            switch type {
            case .structure(let s) where targets.contains(s.name): structs.insert(s.name)
            case .union(let u) where targets.contains(u.name): structs.insert(u.name)
            case .structure, .union, .enumeration, .alias: break
            }
        }
        // The aliases that lead to a struct or union, by name: usually few, often none.
        var aliasStructs: [String: String] = [:]
        for (name, element) in elements where structs.contains(element) {
            aliasStructs[name] = element
        }
        guard !aliasStructs.isEmpty else { return }
        // The name inside the brackets of an array or dictionary type: `Rows` for `[String: [Rows]]`.
        func member(_ type: String) -> String? { aliasStructs[innermost(type)] }
        func find(_ declarations: inout [TypeDeclaration]) {
            for index in declarations.indices {
                switch declarations[index] {
                case .structure(let found):
                    // Copied only when something changes: most structs hold no aliased member.
                    let members = found.properties.indices.compactMap { index in
                        found.properties[index].valueStruct == nil ? member(found.properties[index].type).map { (index, $0) } : nil
                    }
                    var extras: String?
                    if case .kept(let valueType)? = found.extras?.kind, found.extras?.valueStruct == nil {
                        extras = member(valueType)
                    }
                    guard !members.isEmpty || extras != nil || !found.nested.isEmpty else { continue }
                    var changed = found
                    for (property, name) in members { changed.properties[property].valueStruct = name }
                    if let extras { changed.extras?.valueStruct = extras }
                    find(&changed.nested)
                    declarations[index] = .structure(changed)
                case .union(let found):
                    let members = found.cases.indices.compactMap { index in
                        found.cases[index].valueStruct == nil ? member(found.cases[index].type).map { (index, $0) } : nil
                    }
                    guard !members.isEmpty || !found.nested.isEmpty else { continue }
                    var changed = found
                    for (item, name) in members { changed.cases[item].valueStruct = name }
                    find(&changed.nested)
                    declarations[index] = .union(changed)
                case .enumeration, .alias:
                    break
                }
            }
        }
        find(&types)
    }

    /// The type of a value, or of the innermost elements or values of its arrays and dictionaries, seen
    /// through aliases (`elements`, from ``aliasElements(_:)``): `Pet` for `Pet`, `[Pet]`, `[[Pet]]`,
    /// `[String: Pet]`, and `Pets` when `Pets = [Pet]`.
    static func elementType(_ type: String, elements: [String: String] = [:]) -> String {
        let element = innermost(type)
        return elements[element] ?? element
    }

    /// The innermost type of arrays and dictionaries: `Pet` for `[[String: Pet]]`. Its UTF-8 is cut, not its
    /// characters: a `Substring`'s `dropFirst` and `hasPrefix` step through grapheme breaks, some hundreds of
    /// instructions each, and every bracket and the `String: ` prefix are ASCII.
    private static func innermost(_ type: String) -> String {
        guard type.firstByte == UInt8(ascii: "[") else { return type }
        let prefix = "String: ".utf8
        var element = Substring(type).utf8
        while element.first == UInt8(ascii: "["), element.last == UInt8(ascii: "]") {
            element = element.dropFirst().dropLast()
            if element.starts(with: prefix) { element = element.dropFirst(prefix.count) }
        }
        return String(Substring(element))
    }

    /// For each alias (its name to the type it stands for), ``elementType(_:elements:)`` of its type: the
    /// innermost type through every alias on the way (`Grid = [Row]`, `Row = [Cell]`: `Cell` for both).
    /// Each chain of aliases is followed once, so a chain of thousands costs no more than as many aliases
    /// that are not chained. A cycle, which ``SchemaTranslator/breakAliasCycles()`` has already broken,
    /// ends where it comes back.
    static func aliasElements(_ aliases: [String: String]) -> [String: String] {
        var elements: [String: String] = [:]
        elements.reserveCapacity(aliases.count)
        for name in aliases.keys where elements[name] == nil {
            var path = [name]
            var onPath: Set<String> = [name]
            var element = innermost(aliases[name]!)
            while elements[element] == nil, let aliased = aliases[element], onPath.insert(element).inserted {
                path.append(element)
                element = innermost(aliased)
            }
            let end = elements[element] ?? element
            for alias in path { elements[alias] = end }
        }
        return elements
    }

    // MARK: - Servers

    /// The servers of a path item or operation that names its own, other than the document's: nil when
    /// it names none or the document's (Twilio repeats its one server on every path).
    private static func ownServers(_ servers: [Server], documentURLs: Set<String>) -> [Server]? {
        servers.isEmpty || Set(servers.map(\.url)) == documentURLs ? nil : servers
    }

    /// A server's identity among those declared: its URL, and its variables' defaults and values (two
    /// paths may name one URL template with other defaults).
    private static func serverKey(_ server: Server) -> String {
        server.variables.entries.reduce(server.url) { key, entry in
            let values = (entry.value.enum ?? []).joined(separator: ",")
            return String(concatenating: key, " ", entry.key, "=", entry.value.default, ":", values)
        }
    }

    /// Every server a request can go to: the document's, then those that only paths or operations name,
    /// each once, in document order.
    private static func allServers(_ document: OpenAPIDocument) -> [Server] {
        let documentURLs = Set(document.servers.map(\.url))
        var all = document.servers
        var keys = Set(all.map(serverKey))
        // By index: path items and operations are read in place, not copied.
        let items = document.paths.entries
        func add(_ servers: [Server]) {
            guard let own = ownServers(servers, documentURLs: documentURLs) else { return }
            for server in own where keys.insert(serverKey(server)).inserted { all.append(server) }
        }
        for itemIndex in items.indices {
            add(items[itemIndex].value.servers)
            let operations = items[itemIndex].value.operations
            for index in operations.indices { add(operations[index].servers) }
        }
        return all
    }

    /// For each operation that names servers of its own, or whose path does (`GET /files`), the server
    /// its requests go to unless told otherwise: the first it names, as a value of `Server`.
    /// `declared` holds the declarations of `all`, in its order.
    private static func operationServers(
        _ document: OpenAPIDocument, all: [Server], declared: [ServerDeclaration]
    ) -> [String: String] {
        let documentURLs = Set(document.servers.map(\.url))
        var byKey: [String: ServerDeclaration] = [:]
        for (server, declaration) in zip(all, declared) where byKey[serverKey(server)] == nil {
            byKey[serverKey(server)] = declaration
        }
        var defaults: [String: String] = [:]
        let items = document.paths.entries
        for itemIndex in items.indices {
            let pathServers = ownServers(items[itemIndex].value.servers, documentURLs: documentURLs)
            let operations = items[itemIndex].value.operations
            for index in operations.indices {
                // An operation's servers replace its path's, which replace the document's.
                let own =
                    operations[index].servers.isEmpty
                    ? pathServers : ownServers(operations[index].servers, documentURLs: documentURLs)
                guard let first = own?.first, let value = byKey[serverKey(first)]?.defaultValue else { continue }
                defaults[operationKey(method: operations[index].method.wireName, path: items[itemIndex].value.path)] = value
            }
        }
        return defaults
    }

    /// An operation's key among ``operationServers(_:all:declared:)``.
    private static func operationKey(method: String, path: String) -> String { method + " " + path }

    /// States each response's `links` in the doc comment of its outcome case: which client method each leads to
    /// and what it passes (`Its `userRepositories` link leads to `getRepositoriesByOwner`, with `username` =
    /// `$response.body#/username`.`). A link to an operation the document does not have is warned about.
    private static func documentLinks(
        of documentOperations: DocumentOperations, names: [String], version: OpenAPIVersion,
        in operations: inout [OperationDeclaration],
        _ diagnostics: inout [Diagnostic]
    ) {
        guard documentOperations.contains(where: { $0.responses.contains { !$0.response.links.isEmpty } }) else {
            return
        }
        var byID: [String: String] = [:]
        var byKey: [String: String] = [:]
        for (operation, name) in zip(documentOperations, names) {
            if let id = operation.operationId { byID[id] = name }
            byKey[operationKey(method: operation.method.wireName, path: operation.path)] = name
        }
        var positions: [String: Int] = [:]
        for (index, operation) in operations.enumerated() {
            positions[operationKey(method: operation.method, path: operation.path)] = index
        }
        for operation in documentOperations {
            guard let index = positions[operationKey(method: operation.method.wireName, path: operation.path)] else {
                continue
            }
            for entry in operation.responses.entries where !entry.response.links.isEmpty {
                var sentences: [String] = []
                for linkEntry in entry.response.links.entries {
                    let (name, link) = (linkEntry.key, linkEntry.value)
                    let target: String
                    if let id = link.operationId {
                        guard let method = byID[id] else {
                            diagnostics.append(
                                .warning(
                                    "link '\(name)' leads to operationId '\(id)', which no operation has",
                                    at: link.location))
                            continue
                        }
                        target = "`\(method)`"
                    } else if let reference = link.operationRef {
                        // A local reference (`#/paths/~1users~1{id}/get`, in 3.2 `.../additionalOperations/COPY`) names
                        // a client method; another is as written.
                        let tokens =
                            reference.hasPrefix("#/") ? JSONPointer.idTokens(String(reference.dropFirst())) : []
                        // `query` and `additionalOperations` are 3.2's.
                        let method: HTTPMethod? =
                            switch tokens.count {
                            case 3:
                                HTTPMethod(rawValue: tokens[2]).flatMap { $0 != .query || version >= .v32 ? $0 : nil }
                            case 4 where tokens[2] == "additionalOperations" && version >= .v32:
                                HTTPMethod(additional: tokens[3])
                            default: nil
                            }
                        if tokens.first == "paths", let method {
                            guard let swiftName = byKey[operationKey(method: method.wireName, path: tokens[1])] else {
                                diagnostics.append(
                                    .warning(
                                        "link '\(name)' leads to \(reference), which is no operation of the document",
                                        at: link.location))
                                continue
                            }
                            target = "`\(swiftName)`"
                        } else {
                            target = "the operation at `\(reference)`"
                        }
                    } else {
                        continue
                    }
                    var passes = link.parameters.entries.map { "`\($0.key)` = `\(linkValue($0.value))`" }
                    if let body = link.requestBody { passes.append("the body `\(linkValue(body))`") }
                    let with = passes.isEmpty ? "" : ", with " + passes.joined(separator: ", ")
                    let description =
                        link.description.map { " " + SchemaTranslator.documentation($0).joined(separator: " ") } ?? ""
                    sentences.append("Its `\(name)` link leads to \(target)\(with).\(description)")
                }
                let status = Self.status(entry.status)
                guard !sentences.isEmpty,
                    let position = operations[index].responses.firstIndex(where: { $0.status == status })
                else { continue }
                var doc = operations[index].responses[position].doc
                if !doc.isEmpty { doc.append("") }
                operations[index].responses[position].doc = doc + sentences
            }
        }
    }

    /// A link's parameter or body as its doc comment writes it: a runtime expression or a string as it is, any
    /// other constant as its JSON text.
    private static func linkValue(_ value: JSONValue) -> String {
        if case .string(let text) = value { return text }
        return value.documentationText
    }

    /// A response's documentation: its description, or where it has none (3.2 makes it optional), its summary.
    static func documentation(of response: Response) -> [String] {
        let description = SchemaTranslator.documentation(response.description)
        return description.isEmpty ? SchemaTranslator.documentation(response.summary) : description
    }

    /// The declaration's form of a document's response status.
    private static func status(_ status: ResponseStatus) -> ResponseDeclaration.Status {
        switch status {
        case .code(let code): .code(code)
        case .range(let digit): .range(digit)
        case .default: .default
        }
    }

    /// The declarations of ``allServers(_:)``'s servers, in its order.
    private func translateServers(_ servers: [Server]) -> [ServerDeclaration] {
        let names = servers.enumerated().map { index, server in
            if let node = server.extensions["x-specsmith-name"], let name = try? node.string() {
                return SwiftNames.member(name)
            }
            if let name = server.name { return SwiftNames.member(name) }
            return Self.serverName(description: server.description) ?? "server\(index + 1)"
        }
        var enumNames: Set<String> = ["Server"]
        return zip(servers, SwiftNames.uniqued(names, taken: ["custom", "url"])).map { server, name in
            let argumentNames = SwiftNames.uniqued(server.variables.keys.map(SwiftNames.member))
            var variables: [ServerVariableDeclaration] = []
            for (entry, argument) in zip(server.variables, argumentNames) {
                let variable = entry.value
                var declaration = ServerVariableDeclaration(
                    name: argument, wireName: entry.key, type: "String", defaultValue: SwiftLiteral.string(variable.default),
                    doc: SchemaTranslator.documentation(variable.description), enumeration: nil)
                if let values = variable.enum, !values.isEmpty {
                    let typeName = SwiftNames.uniqued(
                        [SwiftNames.type(SwiftNames.unescaped(name) + " " + entry.key)], taken: enumNames)[0]
                    enumNames.insert(typeName)
                    let caseNames = SwiftNames.uniqued(values.map(SwiftNames.member))
                    declaration.type = typeName
                    declaration.enumeration = EnumDeclaration(
                        name: typeName, doc: ["The values of the `\(entry.key)` variable of `Server.\(SwiftNames.unescaped(name))`."],
                        cases: zip(caseNames, values).map { EnumCase(name: $0, literal: SwiftLiteral.string($1)) },
                        rawType: "String")
                    // A default that is not listed (the loader warns) cannot be a value of the enum.
                    declaration.defaultValue = values.firstIndex(of: variable.default).map {
                        "." + SwiftNames.unescaped(caseNames[$0])
                    }
                }
                declaration.isWrittenAsIs = ([variable.default] + (variable.enum ?? [])).contains {
                    !$0.utf8.allSatisfy(Self.isUnreserved)
                }
                variables.append(declaration)
            }
            return ServerDeclaration(
                name: name, url: server.url, doc: SchemaTranslator.documentation(server.description ?? server.url),
                variables: variables)
        }
    }

    /// A name from a short server description: `Production server` -> `production`, `Sandbox
    /// environment` -> `sandbox`; `nil` for a description of more than two words besides those.
    static func serverName(description: String?) -> String? {
        guard let description else { return nil }
        let words = SwiftNames.words(description).filter {
            !["server", "servers", "environment", "env", "the", "api", "url"].contains($0.lowercased())
        }
        guard (1...2).contains(words.count), words.allSatisfy({ $0.count <= 20 }) else { return nil }
        return SwiftNames.member(words.joined(separator: " "))
    }

    // MARK: - Operations

    /// `operationId` in lower camel case, or, without one, the method and the path's words
    /// (`GET /pets/{id}` -> `getPetsId`).
    static func operationName(id: String?, method: HTTPMethod, path: String) -> String {
        if let id { return SwiftNames.member(id) }
        return SwiftNames.member(method.rawValue + " " + path)
    }

    /// `componentTypes`: the body types of request body and response components, by canonical id
    /// (``declareComponentBodies(_:schemas:)``), and the types of their headers
    /// (``declareComponentHeaders(_:types:schemas:)``).
    private func translate(
        _ operation: Operation, named name: String, document: OpenAPIDocument, componentTypes: [String: String],
        schemas: inout SchemaTranslator, _ diagnostics: inout [Diagnostic]
    ) -> OperationDeclaration? {
        let typeBase = SwiftNames.upperCamel(SwiftNames.unescaped(name))
        var body: BodyDeclaration?
        var multipartContent: MediaType?
        if let requestBody = operation.requestBody {
            for media in requestBody.content.entries {
                if let warning = Self.itemSchemaNotGenerated(media.value, mediaType: media.key, of: "a request body") {
                    diagnostics.append(warning)
                }
            }
            guard let choice = Self.chosenBody(of: requestBody, document: document) else {
                let types = requestBody.content.keys.joined(separator: ", ")
                diagnostics.append(
                    .warning(
                        "request bodies of type \(types) are not generated yet; operation '\(name)' is skipped",
                        at: requestBody.location))
                return nil
            }
            let type: String
            switch choice.encoding {
            case .json, .form, .multipart:
                // A request body component's type is the same whichever operation refers to it.
                type =
                    requestBody.referenceID.flatMap { componentTypes[$0] }
                    ?? choice.content.schema.map {
                        schemas.topLevelType(
                            for: $0, suggestedName: typeBase + "Request", nullableMembers: choice.encoding == .json)
                    }
                    ?? "JSONValue"
            case .text:
                type = "String"
            case .binary:
                type = "Data"
            }
            var encodings: [PropertyEncoding] = []
            if choice.encoding == .form || choice.encoding == .multipart, let bodySchema = choice.content.schema {
                let written = schemas.bodyEncodings(
                    choice.content.encoding, of: bodySchema, isForm: choice.encoding == .form)
                encodings = written.applied
                diagnostics += written.warnings
            }
            if choice.encoding == .multipart, let bodySchema = choice.content.schema {
                diagnostics += schemas.byteParts(of: bodySchema)
            }
            if choice.encoding == .multipart { multipartContent = choice.content }
            if choice.encoding == .text, let charset = Self.charset(of: choice.mediaType),
                !["utf-8", "utf8"].contains(charset)
            {
                diagnostics.append(
                    .warning(
                        "text bodies are sent as UTF-8; the charset \(charset) of \(choice.mediaType) is not applied yet",
                        at: choice.content.location))
            }
            let contentType = choice.encoding == .json ? Self.jsonWireMediaType(choice.mediaType) : choice.mediaType
            let ruleType = choice.content.schema.map { schemas.ruleType(of: $0, swiftType: type) } ?? type
            // A generated struct or union checks itself; a text, a number, a collection, a JSONValue or a
            // string enum (whose `unknown` case holds any text) is checked here.
            let isGenerated =
                !(ruleType.hasPrefix("[") || SchemaTranslator.scalarTypes.contains(ruleType) || ruleType == "JSONValue")
                && !(choice.content.schema.map { schemas.isOpenEnum($0) } ?? false)
            let bodySchema = choice.encoding == .binary || isGenerated ? nil : choice.content.schema
            body = BodyDeclaration(
                type: type, isOptional: !requestBody.required, contentType: contentType, encoding: choice.encoding,
                doc: SchemaTranslator.documentation(requestBody.description), validatesNested: false, ruleType: ruleType,
                rules: bodySchema.map { schemas.rules(for: $0, swiftType: ruleType) } ?? [],
                elementRules: bodySchema.map { schemas.elementRules(for: $0) } ?? [],
                valueRules: bodySchema.map { schemas.valueRules(for: $0, swiftType: ruleType) } ?? [],
                encodings: encodings)
        }
        var parameters: [ParameterDeclaration] = []
        // OpenAPI: header parameters named Accept, Content-Type or Authorization are ignored (the request
        // sets those from its responses, body and security).
        let declared = operation.parameters.filter { parameter in
            parameter.in != .header || !["accept", "content-type", "authorization"].contains(parameter.name.lowercased())
        }
        // Required parameters come first, so that a call reads in the order its arguments must be given. Most lists
        // have them first already (or have none), and are kept as they are rather than copied twice.
        let firstOptional = declared.firstIndex { !$0.required } ?? declared.endIndex
        let ordered =
            declared[firstOptional...].contains(where: \.required)
            ? declared.filter(\.required) + declared.filter { !$0.required } : declared
        let members = ordered.map { SwiftNames.member($0.name) }
        let (bearer, bearerIsOptional, basic, apiKeys) = security(operation, document: document)
        // Callers write the parameter's own name; inside, an argument that would shadow a name the code
        // binds goes by another (`context context2: String?`).
        // A body keyed by a media type range takes its `contentType` from the caller, and so do multipart parts
        // whose encoding lists several media types (`fileContentType`).
        // Joined only when there are API keys: `+` runs its general steps even for two empty arrays.
        let bodyArguments = body?.arguments.map(\.name) ?? []
        var keyNames = apiKeys.isEmpty ? bodyArguments : apiKeys.map(\.name) + bodyArguments
        // The header fields of a multipart body's parts come after the body's other arguments.
        var partHeaders: [ParameterDeclaration] = []
        if let content = multipartContent, let encodings = body?.encodings {
            partHeaders = Self.partHeaders(
                of: content, typeBase: typeBase, componentTypes: componentTypes,
                taken: Self.otherArgumentNames.union(keyNames), schemas: &schemas, &diagnostics)
            body?.encodings = Self.encodings(encodings, carrying: partHeaders, of: content)
            keyNames += partHeaders.map(\.name)
        }
        let parameterLabels = SwiftNames.uniqued(
            members, taken: keyNames.isEmpty ? Self.otherArgumentNames : Self.otherArgumentNames.union(keyNames))
        // The client binds the bearer `token` only where it passes one. Nearly always no label is a bound
        // name, and the names are the labels.
        let bound = bearer == nil ? Self.boundNamesWithoutToken : Self.boundNames
        let parameterNames =
            parameterLabels.contains { bound.contains(SwiftNames.unescaped($0)) }
            ? SwiftNames.uniqued(members, taken: Self.otherArgumentNames.union(bound).union(keyNames)) : parameterLabels
        for ((parameter, swiftName), label) in zip(zip(ordered, parameterNames), parameterLabels) {
            for media in parameter.content.entries {
                if let warning = Self.itemSchemaNotGenerated(media.value, mediaType: media.key, of: "a parameter") {
                    diagnostics.append(warning)
                }
            }
            if parameter.in == .querystring {
                guard
                    let declaration = Self.querystring(
                        parameter, label: label, name: swiftName, operation: name, typeBase: typeBase,
                        queryKeys: apiKeys.filter { $0.location == .query }, schemas: &schemas, &diagnostics)
                else { return nil }
                parameters.append(declaration)
                continue
            }
            // `content` instead of `schema`: JSON is written as its JSON text; text as it is, in the location's
            // default style, which writes a value (a string, or the scalar its schema describes) as its text.
            let schema: Schema
            let isJSON: Bool
            if let parameterSchema = parameter.schema {
                schema = parameterSchema
                isJSON = false
            } else if let content = parameter.content.entries.first, Self.isJSON(content.key) {
                schema = content.value.schema ?? Schema(location: content.value.location)
                isJSON = true
            } else if let content = parameter.content.entries.first, Self.isText(content.key) {
                isJSON = false
                let text = schemas.textValue(
                    of: content.value, mediaType: content.key, subject: "parameter '\(parameter.name)'")
                schema = text.schema
                if let warning = text.warning { diagnostics.append(warning) }
            } else if parameter.content.isEmpty {
                diagnostics.append(
                    .warning(
                        "parameter '\(parameter.name)' has neither a schema nor content, so it has no type; operation '\(name)' is skipped",
                        at: parameter.location))
                return nil
            } else {
                let types = parameter.content.keys.joined(separator: ", ")
                diagnostics.append(
                    .warning(
                        "parameter '\(parameter.name)' has content of type \(types), which is not generated yet (only "
                            + "JSON and text are); operation '\(name)' is skipped",
                        at: parameter.location))
                return nil
            }
            let type = schemas.topLevelType(for: schema, suggestedName: typeBase + " " + parameter.name)
            let shape = schemas.shape(of: schema)
            // `style` and `explode` are fields for use with `schema`.
            let style = parameter.schema == nil ? Parameter.defaultStyle(in: parameter.in) : parameter.effectiveStyle
            // What the runtime writes: any value as JSON text; simple, label and matrix paths; form
            // cookies; in a query, every style; simple headers.
            let supported =
                switch (parameter.in, shape) {
                case _ where isJSON: true
                case (.path, _): [.simple, .label, .matrix].contains(style)
                case (.cookie, _): style == .form || style == .cookie
                case (.query, .value): style != .label && style != .matrix
                case (.query, _): true
                case (.header, _): style == .simple
                case (.querystring, _): false
                }
            guard supported else {
                diagnostics.append(
                    .warning(
                        "\(parameter.in.rawValue) parameters in style \(style.rawValue) holding \(shape) values are not generated yet; operation '\(name)' is skipped",
                        at: parameter.location))
                return nil
            }
            // `allowReserved` is a field for use with `schema`: content's text is percent-encoded whole.
            if parameter.allowReserved, parameter.in == .query, parameter.schema == nil {
                diagnostics.append(
                    .warning(
                        "allowReserved applies to a parameter with a schema, not to content; the "
                            + "\(isJSON ? "JSON text" : "text") of '\(parameter.name)' is percent-encoded",
                        at: parameter.location))
            }
            // So are `style` and `explode`: content is written in its location's default style.
            if parameter.schema == nil, parameter.style != nil || parameter.explode != nil {
                let fields = [parameter.style.map { _ in "style" }, parameter.explode.map { _ in "explode" }]
                    .compactMap { $0 }
                diagnostics.append(
                    .warning(
                        "\(fields.joined(separator: " and ")) \(fields.count == 1 ? "applies" : "apply") to a "
                            + "parameter with a schema, not to content; '\(parameter.name)' is written as its "
                            + "location's default style writes it",
                        at: parameter.location))
            }
            // A string, number, Boolean or date, or an array of them, is written; anything else is asked about.
            let plain = shape == .array && type.hasPrefix("[") ? String(type.dropFirst().dropLast()) : type
            if !isJSON, shape != .object, !SchemaTranslator.scalarTypes.contains(plain), plain != "Date",
                let problem = schemas.unwritableParameter(schema, shape: shape)
            {
                diagnostics.append(
                    .warning(
                        "\(parameter.in.rawValue) parameters holding \(problem) are not generated yet; operation "
                            + "'\(name)' is skipped", at: parameter.location))
                return nil
            }
            // As in a form body, no style but deepObject spells a member that is itself an object or an array.
            if !isJSON, shape == .object, style != .deepObject, let nested = schemas.unspelledMembers(of: schema) {
                // JSON text, with its quotes and commas, is no cookie value as given.
                let consequence =
                    style == .cookie
                    ? "a request that holds one throws RequestError.invalidCookie" : "each is written as its JSON text"
                diagnostics.append(
                    .warning(
                        "style \(style.rawValue) cannot spell the objects and arrays that \(parameter.in.rawValue) "
                            + "parameter '\(parameter.name)' holds (\(nested)); \(consequence)",
                        at: parameter.location))
            }
            // OpenAPI 3.2: a cookie cannot hold the commas that join the values of a parameter not exploded.
            if style == .cookie, !parameter.effectiveExplode, shape != .value {
                diagnostics.append(
                    .warning(
                        "cookie parameter '\(parameter.name)' in style cookie cannot be sent with explode: false, "
                            + "whose commas no cookie holds; it is sent exploded, one name=value pair each",
                        at: parameter.location))
            }
            var declaration = ParameterDeclaration(
                label: label, name: swiftName, wireName: parameter.name,
                location: ParameterDeclaration.Location(rawValue: parameter.in.rawValue) ?? .query, type: type,
                schema: schema, style: style.rawValue, isOptional: !parameter.required,
                doc: Self.parameterDoc(parameter), explode: parameter.effectiveExplode, isJSON: isJSON,
                schemas: &schemas)
            declaration.allowReserved = parameter.allowReserved && parameter.in == .query && parameter.schema != nil
            parameters.append(declaration)
        }
        var responses: [ResponseDeclaration] = []
        // The positions of the responses, `default` last: the entries are not copied into a second array.
        let entries = operation.responses.entries
        let listed =
            entries.indices.filter { entries[$0].status != .default }
            + entries.indices.filter { entries[$0].status == .default }
        let responseNames = SwiftNames.uniqued(listed.map { Self.responseName(entries[$0].status) })
        for (position, responseName) in zip(listed, responseNames) {
            let entry = entries[position]
            let status: ResponseDeclaration.Status =
                switch entry.status {
                case .code(let code): .code(code)
                case .range(let digit): .range(digit)
                case .default: .default
                }
            // HTTP sends no content with some responses, whatever the spec declares: none is read.
            let mayHaveContent = Self.mayHaveContent(entry.status, method: operation.method)
            if !mayHaveContent, let content = entry.response.content.entries.first {
                diagnostics.append(
                    Self.contentNeverSent(entry.status, method: operation.method, at: content.value.location))
            }
            // Its media type is read in place, at its position in the response's content.
            let body = mayHaveContent ? Self.chosenBody(of: entry.response) : nil
            let contents = entry.response.content.entries
            // The first successful body is the operation's response (`MeResponse`); others say which.
            let isMain = Self.isSuccess(status) && !responses.contains { $0.type != nil && Self.isSuccess($0.status) }
            let typeName = typeBase + (isMain ? "" : " " + responseName)
            var type: String?
            if let body {
                switch body.kind {
                case .json:
                    if let schema = contents[body.index].value.schema {
                        type = Self.jsonType(
                            schema, id: entry.response.referenceID, suggestedName: typeName + "Response",
                            componentTypes: componentTypes, schemas: &schemas)
                    }
                case .jsonSequence:
                    type = Self.sequenceType(contents[body.index].value, suggestedName: typeName, schemas: &schemas)
                case .text: type = "String"
                case .binary: type = "Data"
                }
            }
            if mayHaveContent {
                for media in entry.response.content.entries where Self.responseBody(media) != .jsonSequence {
                    if let warning = Self.itemSchemaNotGenerated(media.value, mediaType: media.key, of: "a response") {
                        diagnostics.append(warning)
                    }
                }
            }
            var declaration = ResponseDeclaration(
                status: status, name: responseName, doc: Self.documentation(of: entry.response),
                contentType: type == nil ? nil : body.map { contents[$0.index].key },
                body: type == nil ? nil : body?.kind, type: type)
            // A response in several media types is read as the one its `Content-Type` selects; none is left out.
            if mayHaveContent, entry.response.content.entries.count > 1 {
                for (offset, media) in Self.mediaTypes(of: entry.response).enumerated() {
                    let mediaType = media.entry.key
                    let alternativeType: String =
                        switch media.kind {
                        case .json:
                            if offset == 0, let type {
                                type
                            } else if let schema = media.entry.value.schema {
                                Self.jsonType(
                                    schema, id: entry.response.referenceID.map { Self.alternativeID($0, mediaType) },
                                    suggestedName: typeName + " " + media.name + " Response",
                                    componentTypes: componentTypes,
                                    schemas: &schemas)
                            } else {
                                "JSONValue"
                            }
                        case .jsonSequence:
                            if offset == 0, let type {
                                type
                            } else {
                                Self.sequenceType(
                                    media.entry.value, suggestedName: typeName + " " + media.name, schemas: &schemas)
                            }
                        case .text: "String"
                        case .binary: "Data"
                        }
                    declaration.alternatives.append(
                        ResponseDeclaration.Alternative(
                            mediaType: mediaType, name: media.name, body: media.kind, type: alternativeType))
                }
                let first = declaration.alternatives[0]
                declaration.contentType = first.mediaType
                declaration.body = first.body
                declaration.type = first.type
            }
            if !entry.response.headers.isEmpty {
                declaration.headers = Self.responseHeaders(
                    of: entry.response, suggestedName: typeBase + " " + responseName, componentTypes: componentTypes,
                    schemas: &schemas, &diagnostics)
            }
            responses.append(declaration)
        }
        let main = responses.first { Self.isSuccess($0.status) && $0.type != nil }
        var doc = SchemaTranslator.documentation(operation.summary)
        let description = SchemaTranslator.documentation(operation.description)
        if !description.isEmpty {
            if !doc.isEmpty { doc.append("") }
            doc += description
        }
        return OperationDeclaration(
            name: name, method: operation.method.wireName, path: operation.path, doc: doc,
            deprecated: operation.deprecated, parameters: partHeaders + parameters, body: body, bearerAuth: bearer,
            bearerIsOptional: bearerIsOptional, apiKeys: apiKeys, basicAuth: basic,
            accept: Self.acceptedMediaTypes(responses), responseType: main?.type, responses: responses)
    }

    /// The type of a sequential JSON body (``ResponseDeclaration/Body/jsonSequence``): an array of its `itemSchema`'s
    /// type (`[LogEntry]`), an item that may be null optional.
    private static func sequenceType(
        _ media: MediaType, suggestedName: String, schemas: inout SchemaTranslator
    ) -> String {
        guard let item = media.itemSchema else { return "[JSONValue]" }
        let type = schemas.topLevelType(for: item, suggestedName: suggestedName + " Item")
        return "[" + (schemas.isNullable(item) && type != "JSONValue" ? type + "?" : type) + "]"
    }

    /// The type of a JSON response body of `schema`: a response component's (`id`) has one type, whichever
    /// operation refers to it; one that may be null decodes as an optional (a JSONValue holds null itself).
    /// A function rather than a closure: a closure that reads `schemas` copies the whole translator.
    private static func jsonType(
        _ schema: Schema, id: String?, suggestedName: String, componentTypes: [String: String],
        schemas: inout SchemaTranslator
    ) -> String {
        let type: String
        if let id, let known = componentTypes[id] {
            type = known
        } else {
            type = schemas.topLevelType(for: schema, suggestedName: suggestedName, nullableMembers: true)
        }
        return schemas.isNullable(schema) && type != "JSONValue" ? type + "?" : type
    }

    /// The media type a response's body is read as: JSON first, then text, then any other media type as bytes
    /// (the first of its kind), with its position in `response.content.entries`, where callers read it in place
    /// (an entry copied out retains every part of its media type, and an array of them allocates).
    static func chosenBody(of response: Response) -> (kind: ResponseDeclaration.Body, index: Int)? {
        let entries = response.content.entries
        var chosen: (kind: ResponseDeclaration.Body, index: Int)?
        for index in entries.indices {
            let kind = responseBody(entries[index])
            if chosen.map({ kind.rawValue < $0.kind.rawValue }) ?? true { chosen = (kind, index) }
        }
        return chosen
    }

    /// Every media type of a response, in the order ``chosenBody(of:)`` prefers them (JSON, then text, then
    /// bytes, each in document order), with how each is read and a Swift case name after it
    /// (``mediaTypeNames(_:)``).
    static func mediaTypes(
        of response: Response
    ) -> [(kind: ResponseDeclaration.Body, entry: OrderedMap<MediaType>.Entry, name: String)] {
        let entries = response.content.entries
        let names = mediaTypeNames(entries.map(\.key))
        let kinds = entries.map(responseBody)
        return entries.indices.sorted { (kinds[$0].rawValue, $0) < (kinds[$1].rawValue, $1) }
            .map { (kinds[$0], entries[$0], names[$0]) }
    }

    /// A Swift case name for each media type, after its subtype (`json`, `plain`, `problemJson`; `text` for
    /// `text/*`, `other` for `*/*`), or its type and subtype where subtypes give the same name (`textXml`,
    /// `applicationXml`).
    static func mediaTypeNames(_ mediaTypes: [String]) -> [String] {
        // For each media type, names from the shortest to the most precise: its subtype (its type for `type/*`,
        // `other` for `*/*`), then with its parameters (`json` and `jsonStreamWatch` for Kubernetes'
        // `application/json` and `application/json;stream=watch`), then with its type (`textXml`, `applicationXml`).
        // Each is made when asked for: nearly every name is the shortest, or the one with the parameters.
        let parts = mediaTypes.map { mediaType in
            let (essence, parameters) = splitOnce(mediaType[...], at: UInt8(ascii: ";"))
            let (type, subtype) = splitOnce(normalizedMediaType(essence ?? ""), at: UInt8(ascii: "/"))
            return (
                type: String(type ?? ""), subtype: String(subtype ?? ""),
                parameters: parameters.map { " " + normalizedMediaType($0) } ?? "")
        }
        func candidate(_ index: Int, level: Int) -> String {
            let (type, subtype, parameters) = parts[index]
            let short = subtype != "*" ? subtype : type == "*" ? "other" : type
            let name = level == 0 ? short : level == 1 ? short + parameters : type + " " + subtype + parameters
            return SwiftNames.member(name)
        }
        // Each name that two media types would share gives way to a more precise one, for both.
        var levels = [Int](repeating: 0, count: mediaTypes.count)
        var names = mediaTypes.indices.map { candidate($0, level: 0) }
        while true {
            let clashing = names.indices.filter { index in
                levels[index] < 2 && names.indices.contains { $0 != index && names[$0] == names[index] }
            }
            guard !clashing.isEmpty else { break }
            for index in clashing {
                levels[index] += 1
                names[index] = candidate(index, level: levels[index])
            }
        }
        return SwiftNames.uniqued(names)
    }

    /// `text.split(separator: separator, maxSplits: 1)`, by bytes rather than by `Character`s (which cost
    /// some thousands of instructions a media type): the first piece, without the separators before it, and
    /// what follows the separator after it; `nil` where `split` gives no such piece.
    private static func splitOnce(_ text: Substring, at separator: UInt8) -> (Substring?, Substring?) {
        let utf8 = text.utf8
        // Separators at the start end empty pieces, which `split` leaves out.
        guard let start = utf8.firstIndex(where: { $0 != separator }) else { return (nil, nil) }
        guard let end = utf8[start...].firstIndex(of: separator) else { return (text[start...], nil) }
        let rest = utf8.index(after: end)
        return (text[start..<end], rest == utf8.endIndex ? nil : text[rest...])
    }

    /// The key under which ``declareComponentBodies(_:schemas:)`` keeps the type of a response component's
    /// JSON body in `mediaType` other than the one it reads without `Content-Type` (that one's key is `id`).
    static func alternativeID(_ id: String, _ mediaType: String) -> String {
        id + "\u{0}" + mediaType
    }

    /// Whether a response may have content: RFC 9110 sends none in a response to `HEAD`, nor with a 1XX,
    /// 204, 205 or 304 status.
    static func mayHaveContent(_ status: ResponseStatus, method: HTTPMethod) -> Bool {
        guard method != .head else { return false }
        switch status {
        case .code(let code): return !(100..<200).contains(code) && ![204, 205, 304].contains(code)
        case .range(let digit): return digit != 1
        case .default: return true
        }
    }

    /// A warning at content declared for a response that HTTP sends without content, which is not read.
    static func contentNeverSent(
        _ status: ResponseStatus, method: HTTPMethod, at location: SourceLocation
    ) -> Diagnostic {
        let response = method == .head ? "a response to HEAD" : "a \(status) response"
        return .warning(
            "\(response) has no content in HTTP, so the content declared for it is not read", at: location)
    }

    /// The media type a request body is written as: the first of the most structured kind the generator
    /// writes (JSON, then forms, text and bytes), or `nil` when it writes none of them.
    static func chosenBody(
        of requestBody: RequestBody, document: OpenAPIDocument
    ) -> (encoding: BodyDeclaration.Encoding, mediaType: String, content: MediaType)? {
        let choices = requestBody.content.entries.compactMap { entry in
            bodyEncoding(entry.key, schema: entry.value.schema, document: document).map {
                (encoding: $0, mediaType: entry.key, content: entry.value)
            }
        }
        return choices.min(by: { $0.encoding.rawValue < $1.encoding.rawValue })
    }

    /// Declares the body type of each request body and response component that an operation refers to
    /// (`components/requestBodies/NewPet`, `components/responses/NotFound`), once, named after it
    /// (`NewPetRequest`, `NotFoundResponse`), before the operations' own types: every operation that refers to
    /// it sends or decodes that one type. Returns the types by the component's canonical id (a response's other
    /// JSON media types by ``alternativeID(_:_:)``).
    static func declareComponentBodies(
        _ operations: DocumentOperations, schemas: inout SchemaTranslator
    ) -> [String: String] {
        var types: [String: String] = [:]
        // The response components looked at, whether or not they have a type.
        var declared: Set<String> = []
        // By index: operations and their responses are read in place, not copied.
        for index in operations.indices {
            if let requestBody = operations[index].requestBody, let id = requestBody.referenceID, types[id] == nil,
                let name = componentName(id, kind: "requestBodies"),
                let body = chosenBody(of: requestBody, document: schemas.document),
                [.json, .form, .multipart].contains(body.encoding), let schema = body.content.schema
            {
                let type = SwiftNames.type(name)
                types[id] = schemas.topLevelType(
                    for: schema, suggestedName: type.hasSuffix("Request") ? type : type + " Request",
                    nullableMembers: body.encoding == .json)
            }
            let entries = operations[index].responses.entries
            for position in entries.indices {
                let response = entries[position].response
                guard let id = response.referenceID, !declared.contains(id),
                    let name = componentName(id, kind: "responses"),
                    mayHaveContent(entries[position].status, method: operations[index].method),
                    let body = chosenBody(of: response), body.kind == .json
                else { continue }
                declared.insert(id)
                let type = SwiftNames.type(name)
                let base = type.hasSuffix("Response") ? String(type.dropLast("Response".count)) : type
                if let schema = response.content.entries[body.index].value.schema {
                    types[id] = schemas.topLevelType(
                        for: schema, suggestedName: base + " Response", nullableMembers: true)
                }
                // The other JSON media types of a response in several, after the first.
                guard response.content.entries.count > 1 else { continue }
                for media in mediaTypes(of: response).dropFirst() where media.kind == .json {
                    guard let schema = media.entry.value.schema else { continue }
                    types[alternativeID(id, media.entry.key)] = schemas.topLevelType(
                        for: schema, suggestedName: base + " " + media.name + " Response", nullableMembers: true)
                }
            }
        }
        return types
    }

    /// Declares the type of each header of a header or response component that a response refers to
    /// (`components/headers/RateLimit`, a header of `components/responses/TooMany`), once, named after it
    /// (`RateLimit`, `TooManyPolicy`) where it needs a type of its own (a string enum), before the operations'
    /// own types: every response with that header reads it as that one type. Adds the types to `types` by
    /// ``headerTypeKey(_:named:in:)``.
    static func declareComponentHeaders(
        _ operations: DocumentOperations, types: inout [String: String], schemas: inout SchemaTranslator
    ) {
        for index in operations.indices {
            for entry in operations[index].responses.entries where !entry.response.headers.isEmpty {
                for header in exposedHeaders(of: entry.response) {
                    guard let key = headerTypeKey(header.value, named: header.key, in: entry.response),
                        types[key] == nil, let schema = headerReading(header.value, schemas: schemas).schema
                    else { continue }
                    let name =
                        header.value.referenceID.flatMap { componentName($0, kind: "headers") }
                        ?? entry.response.referenceID.flatMap { componentName($0, kind: "responses") }.map {
                            let type = SwiftNames.type($0)
                            let base = type.hasSuffix("Response") ? String(type.dropLast("Response".count)) : type
                            return base + " " + header.key
                        }
                    guard let name else { continue }
                    types[key] = schemas.topLevelType(for: schema, suggestedName: name)
                }
            }
        }
    }

    /// The key under which ``declareComponentHeaders(_:types:schemas:)`` keeps the type of a header: a header
    /// component's canonical id, else for a header of a response component that id and the header's name;
    /// `nil` for a header of neither.
    static func headerTypeKey(_ header: Header, named name: String, in response: Response) -> String? {
        header.referenceID ?? response.referenceID.map { $0 + "\u{0}header\u{0}" + name }
    }

    /// The headers a response documents and its outcome exposes (``exposedHeaders(of:)``), as the properties of
    /// its case's headers: each of the type its schema, or its JSON content's, gives (a component's as
    /// ``declareComponentHeaders(_:types:schemas:)`` declared it, an inline string enum's named after
    /// `suggestedName` and the header), or `String` for one whose text is its value (`text/plain`), and, with a
    /// warning, for one whose value the client cannot decode from text (``headerReading(_:schemas:)``).
    private static func responseHeaders(
        of response: Response, suggestedName: String, componentTypes: [String: String],
        schemas: inout SchemaTranslator, _ diagnostics: inout [Diagnostic]
    ) -> [ResponseHeaderDeclaration] {
        let entries = exposedHeaders(of: response)
        let names = SwiftNames.uniqued(
            entries.map { SwiftNames.member($0.key) }, taken: SchemaTranslator.reservedMemberNames)
        return zip(entries, names).map { entry, name in
            let (wireName, header) = (entry.key, entry.value)
            var doc = SchemaTranslator.documentation(header.description)
            if !doc.isEmpty { doc.append("") }
            let reading = headerReading(header, schemas: schemas)
            let type: String
            var isNullable = false
            var objectExplode: Bool?
            switch reading {
            case .schema(let schema), .json(let schema), .object(let schema, _):
                isNullable = reading.isJSON && schemas.isNullable(schema)
                type =
                    headerTypeKey(header, named: wireName, in: response).flatMap { componentTypes[$0] }
                    ?? schemas.topLevelType(
                        for: schema, suggestedName: suggestedName + " " + wireName)
                let how: String
                switch reading {
                case .json: how = ", decoded from its JSON text."
                case .object(_, let explode):
                    objectExplode = explode
                    let pair = explode ? "name=value" : "name,value"
                    how = String(concatenating: ", an object read from `", pair, ",...`.")
                default: how = "."
                }
                doc.append(String(concatenating: "The `", wireName, "` header", how))
            case .text(nil):
                type = "String"
                doc.append(String(concatenating: "The `", wireName, "` header."))
            case .text(let why?):
                diagnostics.append(
                    .warning(
                        "response header '\(wireName)' \(why.problem); its value is the text that arrived (String)",
                        at: header.schema?.location ?? header.content.first?.value.location ?? header.location))
                type = "String"
                doc.append(String(concatenating: "The `", wireName, "` header, as the text that arrived: ", why.doc))
            }
            // `x-specsmith-secret` on the header or its schema decides first, then HTTP's credentials, then the
            // rule of properties.
            let schema = header.schema ?? header.content.first?.value.schema
            let marked = (header.extensions["x-specsmith-secret"] ?? schema?.extensions["x-specsmith-secret"])
                .flatMap { try? $0.bool() }
            let isSecret =
                marked ?? (isCredentialHeader(wireName)
                    || schema.map { schemas.isSecret(wireName: wireName, schema: $0) }
                    ?? SchemaTranslator.isSecretName(wireName))
            return ResponseHeaderDeclaration(
                name: name, wireName: wireName, type: type, isRequired: header.required, deprecated: header.deprecated,
                isSecret: isSecret, isJSON: reading.isJSON, isNullable: isNullable, objectExplode: objectExplode,
                doc: doc)
        }
    }

    /// How the client reads a response header.
    enum HeaderReading {
        /// As a value of its schema: a string, number, Boolean, date or string enum, or an array of them, in
        /// OpenAPI's `simple` style (the only style headers have), also for `text/plain` content of such a value.
        case schema(Schema)
        /// As a value of its content's schema, decoded from the header's text as a JSON body is (`content` of
        /// `application/json` or `…+json`).
        case json(Schema)
        /// As an object in the `simple` style: its properties written `R=100,G=200` when `explode`, else
        /// `R,100,G,200`, each a single scalar value.
        case object(Schema, explode: Bool)
        /// As the text that arrived: a header whose value is its text (`text/plain` content of no single scalar
        /// type), a header of no type (which the loader warns about), or one whose value the client cannot decode
        /// from text, with why for a warning (`holds objects, which the client does not decode yet`) and for its
        /// doc comment.
        case text((problem: String, doc: String)?)

        /// The schema of the value, read as a value of its type.
        var schema: Schema? {
            switch self {
            case .schema(let schema), .json(let schema), .object(let schema, _): schema
            case .text: nil
            }
        }

        /// Whether the value is decoded from JSON text.
        var isJSON: Bool {
            if case .json = self { true } else { false }
        }
    }

    /// How the client reads `header`: objects, bytes and values of no single scalar type are read as text, and
    /// so is `content` of a media type that is neither JSON nor text (``isText(_:)``).
    static func headerReading(_ header: Header, schemas: SchemaTranslator) -> HeaderReading {
        guard let schema = header.schema else {
            guard let (mediaType, content) = header.content.entries.first.map({ ($0.key, $0.value) }) else {
                return .text(nil)
            }
            if isJSON(mediaType) { return .json(content.schema ?? Schema(location: content.location)) }
            guard isText(mediaType) else {
                return .text(
                    (
                        "has content of type \(mediaType), which the client does not decode",
                        String(concatenating: "its `", mediaType, "` content is not decoded.")
                    ))
            }
            switch schemas.textContent(content.schema) {
            case .value(let schema): return .schema(schema)
            case .text(unheld: nil): return .text(nil)
            case .text(unheld: let unheld?):
                return .text(
                    (
                        "has \(mediaType) content that holds \(unheld), which text has no agreed form for",
                        String(concatenating: unheld, " are not decoded from `", mediaType, "` text.")
                    ))
            }
        }
        let shape = schemas.shape(of: schema)
        if shape == .object {
            guard let problem = schemas.unreadableHeaderObject(schema) else {
                return .object(schema, explode: header.explode ?? false)
            }
            return .text(
                ("holds \(problem), which the client does not decode yet", problem + " are not decoded from a header."))
        }
        guard let problem = schemas.unwritableParameter(schema, shape: shape) else {
            return .schema(schema)
        }
        return .text(
            ("holds \(problem), which the client does not decode yet", problem + " are not decoded from a header."))
    }

    /// The headers of a response that its outcome exposes: all but CORS's (`Access-Control-Allow-Origin` and the
    /// like), which tell a browser what a page may read and mean nothing to a client that is no browser. Twilio
    /// documents five of them on every response, which would give each of its outcomes a struct of them.
    static func exposedHeaders(of response: Response) -> [OrderedMap<Header>.Entry] {
        response.headers.entries.filter { entry in
            let name = entry.key.utf8
            return !(name.count > 15 && String(entry.key.prefix(15)).lowercased() == "access-control-")
        }
    }

    /// Whether a header is one of HTTP's that carry credentials (`Authorization`, `Set-Cookie`), or an API key
    /// (`X-API-Key`): a secret whatever its name says to the rule of properties, as the client's logs hide them
    /// too.
    static func isCredentialHeader(_ wireName: String) -> Bool {
        let key = wireName.lowercased().filter { $0 != "-" && $0 != "_" }
        return ["authorization", "proxyauthorization", "cookie", "setcookie"].contains(key) || key.hasSuffix("apikey")
    }

    /// The name of a component of a kind (`responses`) from its canonical id (`NotFound` for
    /// `api.yaml#/components/responses/NotFound`), or `nil` for an object that is no such component.
    static func componentName(_ id: String, kind: String) -> String? {
        guard let hash = id.lastIndex(of: "#") else { return nil }
        let tokens = JSONPointer.idTokens(String(id[id.index(after: hash)...]))
        guard tokens.count == 3, tokens[0] == "components", tokens[1] == kind else { return nil }
        return tokens[2]
    }

    /// The media types an operation asks for in `Accept`: none when no successful response has a body; when
    /// the first that has one is JSON, every JSON media type the responses are read from, in order, each once
    /// (`application/vnd.api+json`, `application/problem+json`); otherwise that response's media type. The
    /// other media types that response is documented in follow at a lower preference (`text/plain;q=0.5`): its
    /// outcome reads them too, and a server that cannot send the first may send one of them.
    static func acceptedMediaTypes(_ responses: [ResponseDeclaration]) -> [String] {
        // The responses are read in place, by index: one bound to a name would be copied.
        guard let main = responses.firstIndex(where: { isSuccess($0.status) && $0.type != nil }),
            let mainType = responses[main].contentType
        else { return [] }
        let others = responses[main].alternatives.lazy.filter { $0.body != .json && $0.mediaType != mainType }
            .map { $0.mediaType + ";q=0.5" }
        guard responses[main].body == .json else { return [mainType] + others }
        var seen: [String] = []
        var accepted: [String] = []
        for index in responses.indices {
            guard responses[index].body == .json, let contentType = responses[index].contentType else { continue }
            // Nearly always plain `application/json`, which needs no normalizing.
            let mediaType = contentType == "application/json" ? contentType : jsonWireMediaType(contentType)
            let key = mediaType == "application/json" ? mediaType : normalizedMediaType(mediaType)
            guard !seen.contains(key) else { continue }
            seen.append(key)
            accepted.append(mediaType)
        }
        // Nearly always no other media type follows: the array is returned as it is, not copied into another.
        return responses[main].alternatives.isEmpty ? accepted : accepted + others
    }

    /// A media type in lower case without spaces, for comparing: most are already (`application/json`),
    /// and are returned as they are, without walking their characters.
    static func normalizedMediaType(_ mediaType: String) -> String {
        isNormalized(mediaType.utf8) ? mediaType : mediaType.lowercased().filter { $0 != " " }
    }

    /// ``normalizedMediaType(_:)`` of part of a media type, in place where it is plain.
    static func normalizedMediaType(_ mediaType: Substring) -> Substring {
        isNormalized(mediaType.utf8) ? mediaType : Substring(mediaType.lowercased().filter { $0 != " " })
    }

    /// Whether a media type's bytes hold no space and no capital: it is normalized already.
    private static func isNormalized(_ utf8: some Sequence<UInt8>) -> Bool {
        utf8.allSatisfy { byte in byte != UInt8(ascii: " ") && !(UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) }
    }

    /// A JSON media type as a request states it in `Content-Type` or `Accept`: as the spec writes it
    /// (`application/merge-patch+json`, `application/json; charset=utf-8`), except `application/json` in any
    /// case, and a range such as `application/*+json`, which name no one type: `application/json`.
    static func jsonWireMediaType(_ mediaType: String) -> String {
        if mediaType == "application/json" { return mediaType }
        let normalized = normalizedMediaType(mediaType)
        let namesNoOneType = normalized.utf8.contains(UInt8(ascii: "*"))
        return normalized == "application/json" || namesNoOneType ? "application/json" : mediaType
    }

    /// When the operation's security (or the document's) asks for an HTTP bearer token, the
    /// scheme's description lines; `nil` otherwise.
    /// What an operation's security (or the document's) asks its requests to carry, in one pass over its
    /// requirements: a bearer token and HTTP basic credentials (each scheme's description, for the
    /// argument's documentation), and the API keys, in the order named, each once, with argument names
    /// that no other argument has.
    private func security(
        _ operation: Operation, document: OpenAPIDocument
    ) -> (bearer: [String]?, bearerIsOptional: Bool, basic: [String]?, apiKeys: [APIKeyDeclaration]) {
        var bearer: [String]?
        var basic: [String]?
        var keys: [(scheme: String, definition: SecurityScheme)] = []
        // Whether some alternative asks for no bearer token.
        var withoutBearer = false
        for requirement in operation.security ?? document.security ?? [] {
            var asksForBearer = false
            // By index: the scheme names are read in place, not copied into an array.
            let schemes = requirement.schemes.entries
            for index in schemes.indices {
                let scheme = schemes[index].key
                guard let definition = document.components.securitySchemes[scheme] else { continue }
                if Self.sendsBearerToken(definition) {
                    asksForBearer = true
                    if bearer == nil { bearer = SchemaTranslator.documentation(definition.description) }
                } else if definition.type == .http, definition.scheme?.lowercased() == "basic" {
                    if basic == nil { basic = SchemaTranslator.documentation(definition.description) }
                } else if definition.type == .apiKey, definition.name != nil, definition.in != nil,
                    !keys.contains(where: { $0.scheme == scheme })
                {
                    keys.append((scheme, definition))
                }
            }
            withoutBearer = withoutBearer || !asksForBearer
        }
        let names = SwiftNames.uniqued(keys.map { SwiftNames.member($0.scheme) }, taken: Self.takenArgumentNames)
        let apiKeys = zip(keys, names).map { key, name in
            APIKeyDeclaration(
                name: name, location: ParameterDeclaration.Location(rawValue: key.definition.in!.rawValue) ?? .header,
                wireName: key.definition.name!, doc: SchemaTranslator.documentation(key.definition.description))
        }
        return (bearer, bearer != nil && withoutBearer, basic, apiKeys)
    }

    /// Whether requests under a security scheme carry `Authorization: Bearer <token>`: HTTP bearer, and
    /// the access tokens of OAuth 2 and OpenID Connect (RFC 6750).
    static func sendsBearerToken(_ scheme: SecurityScheme) -> Bool {
        switch scheme.type {
        case .http: scheme.scheme?.lowercased() == "bearer"
        case .oauth2, .openIdConnect: true
        case .apiKey, .mutualTLS: false
        }
    }

    /// A warning for each security scheme that some requirement names and that requests do not carry:
    /// HTTP schemes other than bearer and basic (digest), mutual TLS.
    static func securityWarnings(_ document: OpenAPIDocument) -> [Diagnostic] {
        let schemes = document.components.securitySchemes.entries
        func isGenerated(_ scheme: SecurityScheme) -> Bool {
            sendsBearerToken(scheme) || scheme.type == .apiKey
                || (scheme.type == .http && scheme.scheme?.lowercased() == "basic")
        }
        guard schemes.contains(where: { !isGenerated($0.value) }) else { return [] }
        var used: Set<String> = []
        for requirement in document.security ?? [] { used.formUnion(requirement.schemes.keys) }
        // By index: operations are read in place, not copied.
        let items = document.paths.entries
        for itemIndex in items.indices {
            let operations = items[itemIndex].value.operations
            for index in operations.indices {
                for requirement in operations[index].security ?? [] { used.formUnion(requirement.schemes.keys) }
            }
        }
        return schemes.compactMap { entry in
            guard used.contains(entry.key), !isGenerated(entry.value) else { return nil }
            let scheme = entry.value
            let kind = scheme.type == .http ? "HTTP \(scheme.scheme ?? "") authentication" : scheme.type.rawValue
            return .warning(
                "security scheme '\(entry.key)', \(kind), is not generated yet; requests do not carry it (a "
                    + "ClientMiddleware can add it)", at: scheme.location)
        }
    }

    /// A Swift name for a response status: the reason phrase in lower camel case (`ok`, `notFound`),
    /// `status418` for a code without a common phrase, `clientError` for `4XX`, `other` for `default`.
    static func responseName(_ status: ResponseStatus) -> String {
        switch status {
        case .code(let code): reasonNames[code] ?? "status\(code)"
        case .range(let digit):
            ["1": "informational", "2": "success", "3": "redirection", "4": "clientError", "5": "serverError"][
                String(digit)] ?? "status\(digit)XX"
        case .default: "other"
        }
    }

    /// ``reasonPhrases`` as member names (`ok`, `notFound`), made once rather than for every response.
    private static let reasonNames: [Int: String] = reasonPhrases.mapValues(SwiftNames.member)

    static let reasonPhrases: [Int: String] = [
        100: "Continue", 101: "Switching Protocols", 200: "OK", 201: "Created", 202: "Accepted",
        203: "Non-Authoritative Information", 204: "No Content", 205: "Reset Content", 206: "Partial Content",
        207: "Multi-Status", 300: "Multiple Choices", 301: "Moved Permanently", 302: "Found", 303: "See Other",
        304: "Not Modified", 307: "Temporary Redirect", 308: "Permanent Redirect", 400: "Bad Request",
        401: "Unauthorized", 402: "Payment Required", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed",
        406: "Not Acceptable", 408: "Request Timeout", 409: "Conflict", 410: "Gone", 411: "Length Required",
        412: "Precondition Failed", 413: "Content Too Large", 415: "Unsupported Media Type", 416: "Range Not Satisfiable",
        422: "Unprocessable Content", 423: "Locked", 425: "Too Early", 428: "Precondition Required",
        429: "Too Many Requests", 431: "Request Header Fields Too Large", 451: "Unavailable For Legal Reasons",
        500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway", 503: "Service Unavailable",
        504: "Gateway Timeout",
    ]

    /// How a body of this media type is written, or `nil` when the generator cannot write it.
    /// How a request body of `mediaType` with `schema` is sent. A range that admits JSON (`*/*`, `application/*`)
    /// with a schema of an object or an array (Kubernetes' `*/*` bodies of a `CronJob`) is sent as JSON, labelled
    /// `application/json`: the schema describes JSON, and the range accepts it. Without a schema, or with one
    /// of a string, it is bytes whose media type the caller gives.
    static func bodyEncoding(
        _ mediaType: String, schema: Schema?, document: OpenAPIDocument
    ) -> BodyDeclaration.Encoding? {
        let encoding = bodyEncoding(mediaType)
        guard encoding == .binary, let schema, isRangeAdmittingJSON(mediaType),
            describesStructure(schema, document: document)
        else { return encoding }
        return .json
    }

    /// `*/*` or `application/*`, parameters aside.
    private static func isRangeAdmittingJSON(_ mediaType: String) -> Bool {
        let base = baseMediaType(mediaType)
        return base == "*/*" || base == "application/*"
    }

    /// Whether a schema, through its references, describes an object or an array (by `type`, or by
    /// `properties`, `items` or a composition without a `type`).
    private static func describesStructure(_ schema: Schema, document: OpenAPIDocument) -> Bool {
        var current = schema
        var followed: Set<String> = []
        while let ref = current.ref, followed.insert(ref.id).inserted { current = document.schema(for: ref) }
        let types = current.nonNullTypes
        if !types.isEmpty { return types.contains(.object) || types.contains(.array) }
        return !current.properties.isEmpty || current.items != nil || !current.prefixItems.isEmpty
            || !current.allOf.isEmpty || !current.oneOf.isEmpty || !current.anyOf.isEmpty
    }

    static func bodyEncoding(_ mediaType: String) -> BodyDeclaration.Encoding? {
        let base = baseMediaType(mediaType)
        if base == "application/json" || base.hasSuffix("+json") { return .json }
        switch base {
        case "application/x-www-form-urlencoded": return .form
        case "multipart/form-data": return .multipart
        case _ where base.hasPrefix("text/"): return .text
        case "application/octet-stream", "*/*", "application/*", "application/pdf", "application/zip": return .binary
        case _ where base.hasPrefix("image/") || base.hasPrefix("audio/") || base.hasPrefix("video/"): return .binary
        default: return nil
        }
    }

    /// How a response body of this media type is read: JSON (`application/json`, `…+json`), text
    /// (`text/…`), or bytes (anything else).
    static func responseBody(_ entry: OrderedMap<MediaType>.Entry) -> ResponseDeclaration.Body {
        let mediaType = entry.key
        if isJSON(mediaType) { return .json }
        if entry.value.itemSchema != nil, isSequentialJSON(mediaType) { return .jsonSequence }
        return isTextType(mediaType) ? .text : .binary
    }

    /// Whether a media type starts with `text/` in any case, read in place: `lowercased()` would copy every media
    /// type of every response. No other character lowers to an ASCII letter of `text`.
    private static func isTextType(_ mediaType: String) -> Bool {
        mediaType.utf8.prefix(5).elementsEqual("text/".utf8) { byte, expected in
            // An ASCII capital is its small letter with bit 5 cleared (`T` for `t`); `/` has no capital.
            byte == expected || (expected != UInt8(ascii: "/") && byte == expected & ~0x20)
        }
    }

    /// Whether a media type is a sequence of JSON values that ``ResponseDeclaration/Body/jsonSequence`` reads: JSON
    /// Lines (`application/jsonl`, `application/x-jsonlines`), NDJSON (`application/x-ndjson`) and JSON text
    /// sequences (`application/json-seq`, `…+json-seq`, RFC 7464 and 8091), which OpenAPI 3.2 names.
    static func isSequentialJSON(_ mediaType: String) -> Bool {
        let base = baseMediaType(mediaType)
        return ["application/jsonl", "application/x-jsonlines", "application/x-ndjson", "application/json-seq"]
            .contains(base) || base.hasSuffix("+json-seq")
    }

    /// The warning for an `itemSchema` (3.2) where it is not generated yet: beside a media type that is no
    /// sequential JSON (`text/event-stream`, `multipart/mixed`), or outside a response. `what` is what the content
    /// then is, read or sent as without it.
    static func itemSchemaNotGenerated(_ media: MediaType, mediaType: String, of place: String) -> Diagnostic? {
        guard let itemSchema = media.itemSchema else { return nil }
        return .warning(
            "itemSchema of \(mediaType) in \(place) is not generated yet (only response bodies of JSON Lines, NDJSON "
                + "and JSON text sequences are); the content is read and sent as without it", at: itemSchema.location)
    }

    /// Whether a parameter's or header's `content` of this media type is text, sent and read as it is: `text/…`,
    /// and XML (`application/xml`, `…+xml`), which is text too (RFC 7303).
    static func isText(_ mediaType: String) -> Bool {
        let base = baseMediaType(mediaType)
        return base.hasPrefix("text/") || base == "application/xml" || base.hasSuffix("+xml")
    }

    static func isJSON(_ mediaType: String) -> Bool {
        let base = baseMediaType(mediaType)
        return base == "application/json" || base.hasSuffix("+json")
    }

    /// A media type without its parameters, lowercased and without spaces: `application/json` for
    /// `Application/JSON ; charset=utf-8`. In place, without a copy, where it is written so already, as media types
    /// nearly always are (`application/json;stream=watch`): a media type is asked about many times per operation.
    static func baseMediaType(_ mediaType: String) -> Substring {
        // `;` is looked for in the bytes, as a native string keeps them: `firstIndex(of:)` on the UTF-8 view steps
        // through its indices, some 500 instructions for `application/json`.
        let utf8 = mediaType.utf8
        let end: String.Index
        if let offset = utf8.withContiguousStorageIfAvailable({ $0.firstIndex(of: UInt8(ascii: ";")) ?? $0.count }) {
            end = utf8.index(utf8.startIndex, offsetBy: offset)
        } else {
            end = utf8.firstIndex(of: UInt8(ascii: ";")) ?? mediaType.endIndex
        }
        let base = mediaType[..<end]
        let isPlain = !mediaType.containsByte { $0 == UInt8(ascii: " ") || (0x41...0x5A).contains($0) }
        return isPlain ? base : Substring(base.lowercased().filter { $0 != " " })
    }

    static func isSuccess(_ status: ResponseDeclaration.Status) -> Bool {
        switch status {
        case .code(let code): (200..<300).contains(code)
        case .range(let digit): digit == 2
        case .default: false
        }
    }

    // MARK: - Nested validation and recursive types

    /// One top-level declaration's structs and unions, numbered from 0 in the order
    /// ``markValidationAndRecursion(_:concurrently:)`` walks them (each before its nested types), and what their
    /// members lead to. Each top-level declaration's piece is made on its own, on every core when there are many:
    /// what needs every piece (numbering the names, the graph's passes) is left to one thread.
    private struct GraphPiece {
        /// The qualified name of each struct or union, by number, hashed here rather than where they are numbered
        /// among all, on one thread; emptied once they are.
        var names: [HashedName] = []
        /// Whether each struct or union has a rule of its own.
        var hasRules: [Bool] = []
        /// The `valueStruct` of each member that has one, in the walk's order: each type's properties, then its
        /// extra values, or its union's cases, before its nested types'. Emptied once each is looked up.
        var memberNames: [String] = []
        /// Whether the type holds each of those members directly (not in an array or dictionary).
        var isDirect: [Bool] = []
        /// The member after each type's own.
        var memberEnds: [Int] = []
        /// Each type's subtree: the number after its nested types, and whether they hold a member with a target.
        var subtrees: [Subtree] = []
        /// Aliases of a struct or union (`CatAlias = Cat`, from `CatAlias: {$ref: Cat}`), by qualified name.
        var aliases: [Alias] = []
        /// The number among all pieces' of the struct or union each member leads to (-1 when its name is no
        /// struct or union here), looked up once, so that the marking asks nothing by name.
        var targets: [Int] = []

        /// Numbers `declaration`, whose qualified name's prefix is `prefix`, and its nested types.
        mutating func collect(_ declaration: TypeDeclaration, prefix: String?) {
            let qualified = prefix.map { String(concatenating: $0, ".", declaration.name) } ?? declaration.name
            switch declaration {
            case .structure(let s):
                let number = names.count
                names.append(HashedName(qualified))
                var hasRules = s.hasObjectChecks
                // By index: each property is read in place, not copied whole.
                for index in s.properties.indices {
                    hasRules =
                        hasRules || !s.properties[index].rules.isEmpty || !s.properties[index].elementRules.isEmpty
                        || !s.properties[index].valueRules.isEmpty
                    guard let valueStruct = s.properties[index].valueStruct else { continue }
                    memberNames.append(valueStruct)
                    // By the type the alias stands for: an alias of an array contains nothing directly.
                    isDirect.append(!s.properties[index].ruleType.hasPrefix("["))
                }
                if let valueStruct = s.extras?.valueStruct {
                    memberNames.append(valueStruct)
                    isDirect.append(false)
                }
                self.hasRules.append(hasRules)
                memberEnds.append(memberNames.count)
                subtrees.append(Subtree(end: number, hasTargets: false))
                for nested in s.nested { collect(nested, prefix: qualified) }
                close(number)
            case .union(let u):
                let number = names.count
                names.append(HashedName(qualified))
                var hasRules = false
                for index in u.cases.indices {
                    hasRules = hasRules || !u.cases[index].rules.isEmpty
                    guard let valueStruct = u.cases[index].valueStruct else { continue }
                    memberNames.append(valueStruct)
                    isDirect.append(!u.cases[index].ruleType.hasPrefix("["))
                }
                self.hasRules.append(hasRules)
                memberEnds.append(memberNames.count)
                subtrees.append(Subtree(end: number, hasTargets: false))
                for nested in u.nested { collect(nested, prefix: qualified) }
                close(number)
            case .alias(let a):
                if !a.type.hasPrefix("[") { aliases.append(Alias(name: qualified, type: a.type)) }
            case .enumeration:
                break
            }
        }

        /// Ends type `number`'s subtree after its nested types: whether it holds members from its own first to its
        /// last nested type's last.
        private mutating func close(_ number: Int) {
            let start = number == 0 ? 0 : memberEnds[number - 1]
            subtrees[number] = Subtree(end: names.count, hasTargets: memberEnds[names.count - 1] > start)
        }
    }

    /// The number after a type's nested types, and whether a member of the type or of its nested types has a
    /// `valueStruct` (the only members whose flags the marking may change).
    private struct Subtree {
        var end: Int
        var hasTargets: Bool
    }

    /// An alias (by qualified name) and the type it stands for.
    private struct Alias {
        let name: String
        let type: String
    }

    /// A top-level declaration and its piece of the graph, which the worker that marks the declaration frees.
    private struct GraphPart {
        var declaration: TypeDeclaration
        var piece = GraphPiece()
    }

    /// The qualified names of the structs and unions that validate (``markValidationAndRecursion(_:concurrently:)``),
    /// asked about by name: the table of numbers, not a set made of it.
    struct ValidatingTypes {
        fileprivate let numbers: [HashedName: Int]
        fileprivate let validating: [Bool]

        /// Whether the struct or union with this qualified name validates (false for any other name).
        func contains(_ name: String) -> Bool {
            numbers[HashedName(name)].map { validating[$0] } ?? false
        }
    }

    /// Marks what the generated code validates recursively (a value whose type has checks, or holds
    /// such a value, at any depth) and what it stores out of line (a value through which a type would
    /// contain itself). Returns the types and the qualified names of every type that validates.
    /// `concurrently`, each top-level declaration is numbered, and then marked, on every core: only the
    /// passes over the whole graph run on one thread, where the other cores would idle.
    static func markValidationAndRecursion(
        _ types: consuming [TypeDeclaration], concurrently: Bool
    ) -> ([TypeDeclaration], ValidatingTypes) {
        // Each declaration beside its piece, so that the worker that marks it frees the piece, and the declaration
        // it replaces: `types` is given up, holding none of them.
        var parts: [GraphPart] = []
        parts.reserveCapacity(types.count)
        for declaration in consume types { parts.append(GraphPart(declaration: declaration)) }
        Concurrently.update(&parts, concurrently: concurrently) { _, part in
            part.piece.collect(part.declaration, prefix: nil)
        }
        // Each piece's numbers follow the previous piece's: the numbers of one walk over every declaration.
        var firstNumbers: [Int] = []
        firstNumbers.reserveCapacity(parts.count)
        var count = 0
        for index in parts.indices {
            firstNumbers.append(count)
            count += parts[index].piece.names.count
        }
        var numbers: [HashedName: Int] = [:]
        numbers.reserveCapacity(count)
        var aliases: [Alias] = []
        count = 0
        for index in parts.indices {
            for name in parts[index].piece.names {
                numbers[name] = count
                count += 1
            }
            aliases += parts[index].piece.aliases
        }
        // A value whose type is an alias of a struct or union is that type's value: it validates, and
        // holds or contains what that type does, through a chain of aliases too. Each chain is followed
        // once: every alias on it takes the number found at its end (none when it ends elsewhere).
        if !aliases.isEmpty {
            var aliasTypes: [String: String] = [:]
            for alias in aliases { aliasTypes[alias.name] = alias.type }
            var settled: Set<String> = []
            for alias in aliases where !settled.contains(alias.name) {
                var chain: [String] = []
                var name = alias.name
                while numbers[HashedName(name)] == nil, !settled.contains(name), let type = aliasTypes[name] {
                    chain.append(name)
                    settled.insert(name)
                    name = type
                }
                guard let number = numbers[HashedName(name)] else { continue }
                for link in chain { numbers[HashedName(link)] = number }
            }
        }
        // Members whose names are no struct or union here lead nowhere. The names are freed by the workers.
        Concurrently.update(&parts, concurrently: concurrently) { _, part in
            part.piece.targets = part.piece.memberNames.map { numbers[HashedName($0)] ?? -1 }
            (part.piece.memberNames, part.piece.names, part.piece.aliases) = ([], [], [])
        }
        let graph = TypeGraph(parts, count: count)
        // Validating types: those with rules, and every type that holds one (walking edges backwards).
        var validating = graph.hasRules
        var queue = validating.indices.filter { validating[$0] }
        while let index = queue.popLast() {
            for holder in graph.heldBy[graph.heldByStarts[index]..<graph.heldByStarts[index + 1]]
            where !validating[holder] {
                validating[holder] = true
                queue.append(holder)
            }
        }
        let component = stronglyConnectedComponents(starts: graph.containStarts, successors: graph.contains)
        // What a declaration being marked holds meanwhile: one box for the whole translation, not one per declaration.
        // Not a `static let`: a global's box is never freed, and LeakSanitizer, which cannot read the enum's tagged
        // pointer, reports it as a leak.
        let placeholder = TypeDeclaration.alias(
            AliasDeclaration(name: "", doc: [], type: "", location: SourceLocation(file: "", line: 0, column: 0)))
        Concurrently.update(&parts, concurrently: concurrently) { index, part in
            var marking = Marking(
                targets: part.piece.targets, subtrees: part.piece.subtrees, first: firstNumbers[index],
                validating: validating, component: component, placeholder: placeholder)
            part.piece = GraphPiece()
            marking.mark(&part.declaration)
        }
        return (parts.map(\.declaration), ValidatingTypes(numbers: numbers, validating: validating))
    }

    /// Every struct and union of the pieces by its number among all: its rules, and the edges of what it holds,
    /// listed by holder, and of what it contains, listed by container (each type's edges in one run of a flat
    /// array, from its start to the next type's: no array per type to allocate and free).
    private struct TypeGraph {
        var hasRules: [Bool] = []
        /// The types that hold each type, from `heldByStarts[type]` to `heldByStarts[type + 1]`.
        var heldBy: [Int] = []
        var heldByStarts: [Int] = []
        /// The types each type contains directly (a cycle of these needs `Indirect`), from `containStarts[type]`.
        var contains: [Int] = []
        var containStarts: [Int] = []

        init(_ parts: borrowing [GraphPart], count: Int) {
            hasRules.reserveCapacity(count)
            containStarts.reserveCapacity(count + 1)
            containStarts.append(0)
            // Each edge of what a type holds: the holder, and the type held. At most one per member that leads
            // somewhere: room for them all is made first, rather than the arrays grown step by step.
            var (holders, held): ([Int], [Int]) = ([], [])
            var members = 0
            for index in parts.indices { members += parts[index].piece.targets.count }
            holders.reserveCapacity(members)
            held.reserveCapacity(members)
            contains.reserveCapacity(members)
            for index in parts.indices {
                let targets = parts[index].piece.targets
                let isDirect = parts[index].piece.isDirect
                var start = 0
                for end in parts[index].piece.memberEnds {
                    let holder = containStarts.count - 1
                    for member in start..<end where targets[member] >= 0 {
                        holders.append(holder)
                        held.append(targets[member])
                        if isDirect[member] { contains.append(targets[member]) }
                    }
                    containStarts.append(contains.count)
                    start = end
                }
                hasRules += parts[index].piece.hasRules
            }
            // Listed by the type held: counted, then each holder put in its type's run.
            heldByStarts = Array(repeating: 0, count: count + 1)
            for type in held { heldByStarts[type + 1] += 1 }
            for type in 0..<count { heldByStarts[type + 1] += heldByStarts[type] }
            var filled = heldByStarts
            heldBy = Array(repeating: 0, count: held.count)
            for (holder, type) in zip(holders, held) {
                heldBy[filled[type]] = holder
                filled[type] += 1
            }
        }
    }

    /// The marking of one top-level declaration: the same walk as ``GraphPiece/collect(_:prefix:)``'s, so the next
    /// struct or union met has the piece's next number, and the next member with a `valueStruct` the next of its
    /// targets. A flag is written only where it changes: the properties or cases bound from a declaration (an
    /// indirect enum's box) are still shared with it, and a first write copies them all, which most structs, none of
    /// whose flags change, are spared.
    private struct Marking {
        let targets: [Int]
        let subtrees: [Subtree]
        /// The piece's first number among all, which `validating` and `component` are indexed by.
        let first: Int
        let validating: [Bool]
        let component: [Int]
        /// What a declaration being marked holds meanwhile (see ``mark(_:)``).
        let placeholder: TypeDeclaration
        var next = 0
        var nextMember = 0

        init(
            targets: [Int], subtrees: [Subtree], first: Int, validating: [Bool], component: [Int],
            placeholder: TypeDeclaration
        ) {
            (self.targets, self.subtrees, self.first) = (targets, subtrees, first)
            (self.validating, self.component, self.placeholder) = (validating, component, placeholder)
        }

        /// What the next member leads to, and whether that is on a cycle with the piece's type `number`.
        private mutating func nextTarget(of number: Int) -> (validates: Bool, onCycle: Bool) {
            let target = targets[nextMember]
            nextMember += 1
            guard target >= 0 else { return (false, false) }
            return (validating[target], component[first + number] == component[target])
        }

        /// Sets the flags of `declaration` and of its nested types. A struct or union none of whose members, nor its
        /// nested types' members, has a `valueStruct` keeps every flag as the translator made it (false): it is left
        /// as it is, not taken out of its box and put into a new one (an allocation, and the old box freed). Most
        /// nested types are such leaves.
        mutating func mark(_ declaration: inout TypeDeclaration) {
            switch declaration {
            case .structure, .union:
                guard subtrees[next].hasTargets else {
                    next = subtrees[next].end
                    return
                }
            case .enumeration, .alias:
                return
            }
            // The payload is taken out and its box freed (the declaration holds a shared placeholder meanwhile), so
            // that the payload alone holds its arrays: a flag set in a member changes it in place, where changing it
            // while the box still held the array copied every member. Bound by `if case`, not by a `switch`, whose
            // copy of the value it switches on (and so of the box) lives to the end of the case.
            if case .structure(var s) = declaration {
                declaration = placeholder
                let number = next
                next += 1
                for index in s.properties.indices {
                    var (validatesNested, isIndirect) = (false, false)
                    if s.properties[index].valueStruct != nil {
                        let target = nextTarget(of: number)
                        validatesNested = target.validates
                        isIndirect = target.onCycle && !s.properties[index].ruleType.hasPrefix("[")
                    }
                    if s.properties[index].validatesNested != validatesNested {
                        s.properties[index].validatesNested = validatesNested
                    }
                    if s.properties[index].isIndirect != isIndirect { s.properties[index].isIndirect = isIndirect }
                }
                if s.extras != nil {
                    s.extras!.validatesNested = s.extras!.valueStruct != nil && nextTarget(of: number).validates
                }
                for index in s.nested.indices { mark(&s.nested[index]) }
                declaration = .structure(s)
            } else if case .union(var u) = declaration {
                declaration = placeholder
                let number = next
                next += 1
                for index in u.cases.indices {
                    var (validatesCase, isIndirect) = (false, false)
                    if u.cases[index].valueStruct != nil {
                        let target = nextTarget(of: number)
                        validatesCase = target.validates
                        isIndirect = target.onCycle && !u.cases[index].ruleType.hasPrefix("[")
                        if target.onCycle { u.isRecursive = true }
                    }
                    if u.cases[index].validates != validatesCase { u.cases[index].validates = validatesCase }
                    if u.cases[index].isIndirect != isIndirect { u.cases[index].isIndirect = isIndirect }
                }
                for index in u.nested.indices { mark(&u.nested[index]) }
                declaration = .union(u)
            }
        }
    }

    /// ``stronglyConnectedComponents(starts:successors:)`` of nodes numbered `0..<edges.count` with their successors.
    static func stronglyConnectedComponents(_ edges: [[Int]]) -> [Int] {
        var starts = [0]
        starts.reserveCapacity(edges.count + 1)
        for successors in edges { starts.append(starts[starts.count - 1] + successors.count) }
        return stronglyConnectedComponents(starts: starts, successors: Array(edges.joined()))
    }

    /// Tarjan's algorithm, iterative: each node's component number, for nodes numbered `0..<starts.count - 1`
    /// whose successors are `successors[starts[node]..<starts[node + 1]]`. A node with an edge to itself shares
    /// the component with itself, which is what a self-referencing struct needs.
    static func stronglyConnectedComponents(starts: [Int], successors: [Int]) -> [Int] {
        let count = starts.count - 1
        let unvisited = -1
        var index = Array(repeating: unvisited, count: count)
        var low = Array(repeating: 0, count: count)
        var onStack = Array(repeating: false, count: count)
        var stack: [Int] = []
        var component = Array(repeating: 0, count: count)
        var counter = 0
        var components = 0
        var work: [(node: Int, next: Int)] = []
        for root in 0..<count where index[root] == unvisited {
            // A node without successors is a component of its own, found without the walk. Most are.
            guard starts[root] < starts[root + 1] else {
                index[root] = counter
                counter += 1
                component[root] = components
                components += 1
                continue
            }
            work.append((root, starts[root]))
            index[root] = counter
            low[root] = counter
            counter += 1
            stack.append(root)
            onStack[root] = true
            while let (node, next) = work.last {
                if next < starts[node + 1] {
                    work[work.count - 1].next += 1
                    let successor = successors[next]
                    if index[successor] == unvisited {
                        index[successor] = counter
                        low[successor] = counter
                        counter += 1
                        stack.append(successor)
                        onStack[successor] = true
                        work.append((successor, starts[successor]))
                    } else if onStack[successor] {
                        low[node] = min(low[node], index[successor])
                    }
                } else {
                    work.removeLast()
                    if let parent = work.last?.node {
                        low[parent] = min(low[parent], low[node])
                    }
                    if low[node] == index[node] {
                        while let member = stack.popLast() {
                            onStack[member] = false
                            component[member] = components
                            if member == node { break }
                        }
                        components += 1
                    }
                }
            }
        }
        return component
    }
}

extension Translator {
    /// A querystring parameter (3.2): the whole query string, one value written as its content says. Content of
    /// `application/x-www-form-urlencoded` is an object whose properties are the query's pairs, written as a form
    /// body's are (its Encoding objects too); JSON is the value's JSON text and text is the text, each
    /// percent-encoded. `nil`, with a warning that skips the operation, for content of another media type or form
    /// content that is no object. `queryKeys` are the API keys the operation sends in the query, which follow the
    /// query string after `&`: that is a form's next pair, and a warning for JSON or text.
    static func querystring(
        _ parameter: Parameter, label: String, name: String, operation: String, typeBase: String,
        queryKeys: [APIKeyDeclaration], schemas: inout SchemaTranslator, _ diagnostics: inout [Diagnostic]
    ) -> ParameterDeclaration? {
        // The loader has reported a querystring parameter with a schema, or no content.
        guard let content = parameter.content.entries.first else { return nil }
        let essence = baseMediaType(content.key)
        var schema = content.value.schema ?? Schema(location: content.value.location)
        let isForm = essence == "application/x-www-form-urlencoded"
        let isJSON = Self.isJSON(content.key)
        if isForm {
            guard content.value.schema.map({ schemas.shape(of: $0) }) == .object else {
                diagnostics.append(
                    .warning(
                        "querystring parameter '\(parameter.name)' has form content that is no object, whose "
                            + "properties would be the query's pairs; operation '\(operation)' is skipped",
                        at: content.value.schema?.location ?? content.value.location))
                return nil
            }
        } else if !isJSON {
            guard Self.isText(content.key) else {
                diagnostics.append(
                    .warning(
                        "querystring parameter '\(parameter.name)' has content of type \(content.key), which is not "
                            + "generated yet (only form, JSON and text are); operation '\(operation)' is skipped",
                        at: parameter.location))
                return nil
            }
            let text = schemas.textValue(
                of: content.value, mediaType: content.key, subject: "querystring parameter '\(parameter.name)'")
            schema = text.schema
            if let warning = text.warning { diagnostics.append(warning) }
        }
        if !isForm, let key = queryKeys.first {
            diagnostics.append(
                .warning(
                    "API key '\(key.wireName)' is added to the query after querystring parameter '\(parameter.name)', "
                        + "joined by '&', which its \(isJSON ? "JSON text" : "text") does not provide for",
                    at: parameter.location))
        }
        var encodings: [PropertyEncoding] = []
        if isForm {
            let written = schemas.bodyEncodings(content.value.encoding, of: schema, isForm: true)
            encodings = written.applied
            diagnostics += written.warnings
        }
        let type = schemas.topLevelType(for: schema, suggestedName: typeBase + " " + parameter.name)
        var declaration = ParameterDeclaration(
            label: label, name: name, wireName: parameter.name, location: .querystring, type: type, schema: schema,
            style: "form", isOptional: !parameter.required, doc: Self.parameterDoc(parameter), explode: true,
            isJSON: isJSON, schemas: &schemas)
        declaration.isForm = isForm
        declaration.encodings = encodings
        return declaration
    }

    /// A parameter's documentation: its description, or what it is; a deprecated one says so first, as
    /// Swift cannot deprecate an argument.
    static func parameterDoc(_ parameter: Parameter) -> [String] {
        let doc = SchemaTranslator.documentation(parameter.description)
        guard parameter.deprecated else { return doc }
        let first =
            doc.first ?? String(concatenating: "The `", parameter.name, "` ", parameter.in.rawValue, " parameter.")
        return ["Deprecated. " + first] + doc.dropFirst()
    }
}

extension ParameterDeclaration {
    /// A parameter of Swift type `type` whose values `schema` describes, with the rules of the value, of its items
    /// and of a dictionary's values, as generated code checks them before a request is built.
    init(
        label: String, name: String, wireName: String, location: Location, type: String, schema: Schema,
        style: String, isOptional: Bool, doc: [String], explode: Bool, isJSON: Bool,
        schemas: inout SchemaTranslator
    ) {
        let ruleType = schemas.ruleType(of: schema, swiftType: type)
        self.init(
            label: label, name: name, wireName: wireName, location: location, type: type, ruleType: ruleType,
            shape: schemas.shape(of: schema), style: style, isOptional: isOptional, doc: doc,
            rules: schemas.rules(for: schema, swiftType: ruleType), elementRules: schemas.elementRules(for: schema),
            valueRules: schemas.valueRules(for: schema, swiftType: ruleType), explode: explode, isJSON: isJSON)
    }
}
