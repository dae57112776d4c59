import Foundation
import SpecsmithDiagnostics
import SpecsmithYAML

/// The state of one load: files read, references followed, schemas resolved and diagnostics
/// collected. Used by one thread, for one call of ``DocumentLoader``; parts of a large document are read
/// by worker sessions on other threads (``readConcurrently(_:_:)``).
final class LoadSession {
    let limits: LoadLimits
    /// How the document may be read on several cores.
    let concurrency: LoadConcurrency
    /// For a worker session, the session of the load it reads for: read, never changed, while workers
    /// run. `nil` for the session of a load.
    let shared: LoadSession?
    /// Set when a worker met something that only the shared session may do (read a file, or fill a
    /// cache); what it read is then thrown away, and the shared session reads it again.
    var needsSharedSession = false
    private(set) var diagnostics: [Diagnostic] = []
    var sources: [String: String] = [:]
    /// Texts for ``sources`` still being decoded on other threads, taken over when the load ends.
    var decodingSources: [(file: String, text: DecodedText)] = []

    /// The root file's path as given.
    var rootFile = ""
    /// The version family of the root document; referenced files are read the same way.
    var version: OpenAPIVersion = .v31
    /// Parsed files by path (`nil` for a file with YAML errors).
    var files: [String: YAMLNode?] = [:]
    /// The spelling each file was first read under, by its absolute path, and by each other spelling
    /// met since (see ``parseReference(_:from:)``).
    var spellings: [String: String] = [:]
    /// Files named by `$ref`s that could not be read, with the reason.
    var unreadableFiles: [String: FileReadFailure] = [:]
    /// How many files besides the root have been read, against ``LoadLimits/maxExternalFiles``.
    var externalFilesRead = 0
    /// Text files read for `description: {$ref: ...}`.
    var textFiles: [String: String] = [:]
    /// Descriptions given as `$ref` to files that cannot be read: the `$ref` and where it is.
    var missingTextFiles: [(String, SourceLocation)] = []
    /// Resolved schemas by canonical id, in the order they were first reached.
    var schemas = OrderedMap<Schema>()
    /// Schemas entered into ``schemas`` whose nodes are still to be read.
    var pendingSchemas: [LocatedNode] = []
    /// The canonical id of each schema `$ref` text parsed so far, by referring file: most documents
    /// repeat a few hundred references thousands of times. The texts compare by code points, as keys do.
    var schemaReferenceIDs: [String: [CodePointKey: String]] = [:]
    /// Non-schema objects reached through `$ref` (or read as components), by object name and id.
    var objectCache: [String: Any] = [:]
    /// For each entry of ``objectCache`` reached through a reference to a reference (`Chained: {$ref:
    /// '#/components/responses/Shared'}`), the id of the object at the chain's end: the component the value
    /// is, whichever reference reaches it.
    var objectChainEnds: [String: String] = [:]
    var referencesInProgress: Set<String> = []
    /// How many references ``referable(_:file:object:read:)`` is following, one inside the other.
    var referencesFollowed = 0
    /// References that were reached through more than ``LoadLimits/maxRefChain`` others (reported).
    var tooDeepReferences: Set<String> = []
    /// The URI of each file that has one, by path: its `$self` (3.2), or the URI it was reached through from a
    /// file that has one. References in the file are resolved against it.
    var documentURIs: [String: URIReference] = [:]
    /// The file of each URI in ``documentURIs``, the first one given it: a reference to the URI reads that file.
    var documentFiles: [URIReference: String] = [:]
    /// Security scheme names of the root document, for checking requirements.
    var securitySchemeNames: Set<String> = []
    /// The root document's component schemas, each name with the id it is entered under in ``schemas``: the
    /// document's `components.schemas` is filled from the table once every schema is read.
    var componentSchemaIDs: [(name: String, id: String)] = []

    /// The JSON Schema dialect OpenAPI 3.1 uses by default, the only one Specsmith reads.
    static let baseDialect = "https://spec.openapis.org/oas/3.1/dialect/base"
    /// The default dialect of OpenAPI 3.2: the same JSON Schema 2020-12 and OpenAPI keywords, under its own id.
    static let baseDialect32 = "https://spec.openapis.org/oas/3.2/dialect/2025-09-17"

    init(limits: LoadLimits, concurrency: LoadConcurrency = .automatic) {
        self.limits = limits
        self.concurrency = concurrency
        self.shared = nil
    }

    /// A worker session for `shared`, which starts empty and looks up what `shared` knows.
    init(workerFor shared: LoadSession) {
        self.limits = shared.limits
        self.concurrency = .sequential
        self.shared = shared
        self.rootFile = Self.privateCopy(shared.rootFile)
        self.version = shared.version
        self.securitySchemeNames = shared.securitySchemeNames
    }

    /// A copy of a string in storage of its own. The paths of files are handed to nearly every call
    /// that reads a node: worker sessions on different threads must not all count references on one
    /// string's storage.
    static func privateCopy(_ text: String) -> String {
        String(decoding: Array(text.utf8), as: UTF8.self)
    }

    func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    func run(rootFile: String, bytes: [UInt8]?) -> LoadResult {
        // One spelling of the root's path, so that references back into it find the same ids.
        self.rootFile = ReferenceParsing.normalise(rootFile)
        let document = loadRoot(bytes: bytes)
        if let (first, location) = missingTextFiles.first {
            report(.missingTextFiles(first: first, count: missingTextFiles.count, at: location))
        }
        for (file, text) in decodingSources { sources[file] = text.value }
        decodingSources = []
        // Sorted first: uniqued then compares each diagnostic only with those at its location.
        return LoadResult(
            document: document, diagnostics: diagnostics.sortedByLocation().uniqued(), sources: sources,
            workings: Retained(self))
    }

    private func loadRoot(bytes: [UInt8]?) -> OpenAPIDocument? {
        var input = bytes
        if input == nil {
            switch readFile(rootFile) {
            case .success(let data): input = data
            case .failure(let failure):
                report(.cannotReadFile(rootFile, failure))
                return nil
            }
        }
        guard let input, let root = parse(input, file: rootFile) else { return nil }
        files[rootFile] = root
        addSpelling(of: rootFile)
        guard let mapping = root.mapping else {
            report(.notAMapping(found: root))
            return nil
        }
        guard let versionEntry = mapping.entry("openapi") else {
            if let swagger = mapping.entry("swagger") {
                report(.swagger2(at: swagger.key.location))
            } else {
                report(.missingVersion(at: root.location))
            }
            return nil
        }
        let versionText = versionEntry.value.scalar?.text ?? ""
        guard let family = Self.versionFamily(versionText) else {
            report(.unsupportedVersion(versionText, at: versionEntry.value.location))
            return nil
        }
        version = family
        return readDocument(root, versionText: versionText)
    }

    /// The family of an `openapi` version: `3.0.`, `3.1.` or `3.2.` and a patch number. The specification says
    /// tools must not tell patch versions apart (3.1.2 is read as 3.1.0 is); `nil` for any other text.
    static func versionFamily(_ text: String) -> OpenAPIVersion? {
        let family: OpenAPIVersion
        switch text.prefix(4) {
        case "3.0.": family = .v30
        case "3.1.": family = .v31
        case "3.2.": family = .v32
        default: return nil
        }
        let patch = text.utf8.dropFirst(4)
        let isNumber = !patch.isEmpty && patch.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        return isNumber ? family : nil
    }

    private func readDocument(_ root: YAMLNode, versionText: String) -> OpenAPIDocument? {
        guard var o = ObjectReader(self, root, file: rootFile, object: "OpenAPI") else { return nil }
        o.accept("openapi")
        // The document's own URI (3.2), read before any reference is resolved against it.
        if version >= .v32, let node = o.value("$self") { readSelf(node, file: rootFile) }
        let file = rootFile

        var info = Info(title: "", version: "", location: root.location)
        if let infoNode = o.value("info") {
            info = readInfo(infoNode, file: file) ?? info
        } else {
            report(.missingKey("info", in: "OpenAPI", at: root.location))
        }
        if version >= .v31, let dialect = o.string("jsonSchemaDialect"), dialect != Self.baseDialect,
            version < .v32 || dialect != Self.baseDialect32
        {
            report(.unsupported(.jsonSchemaDialect(dialect), at: o.keyLocation("jsonSchemaDialect")))
        }
        let servers = readServers(&o, file: file)

        var components = Components()
        if let componentsNode = o.value("components") {
            components = readComponents(componentsNode, file: file)
        }

        let security = o.value("security").map { readSecurity($0, file: file) }

        var paths = OrderedMap<PathItem>()
        var pathsExtensions = Extensions()
        if let pathsNode = o.value("paths") {
            (paths, pathsExtensions) = readPaths(pathsNode, file: file)
        } else if version == .v30 {
            report(.missingKey("paths", in: "OpenAPI", at: root.location))
        }
        var webhooks = OrderedMap<PathItem>()
        if version >= .v31 {
            for (name, _, value) in o.entries("webhooks") {
                if let item = readPathItemOrRef(value, file: file, path: name, isWebhook: true) {
                    webhooks[name] = item
                }
            }
        }

        var tags: [Tag] = []
        for tagNode in o.list("tags") ?? YAMLSequence() {
            if let tag = readTag(tagNode, file: file) { tags.append(tag) }
        }
        let externalDocs = o.value("externalDocs").flatMap { readExternalDocs($0, file: file) }
        let extensions = o.finish()

        readPendingSchemas()
        checkSchemaReferenceChains()
        // By the ids the components were entered under, not made again from their names.
        components.schemas.reserveCapacity(componentSchemaIDs.count)
        for (name, id) in componentSchemaIDs {
            if let schema = schemas[id] { components.schemas.set(schema, forKey: name) }
        }

        return OpenAPIDocument(
            file: file,
            versionText: versionText,
            version: version,
            info: info,
            servers: servers,
            paths: paths,
            pathsExtensions: pathsExtensions,
            webhooks: webhooks,
            components: components,
            security: security,
            tags: tags,
            externalDocs: externalDocs,
            extensions: extensions,
            location: root.location,
            schemas: schemas
        )
    }

    // MARK: Info, tags, external docs

    private func readInfo(_ node: YAMLNode, file: String) -> Info? {
        guard var o = ObjectReader(self, node, file: file, object: "Info", key: "info") else { return nil }
        var info = Info(
            title: o.requiredString("title") ?? "",
            version: o.requiredString("version") ?? "",
            location: node.location
        )
        if version >= .v31 { info.summary = o.string("summary") }
        info.description = o.text("description")
        info.termsOfService = o.string("termsOfService")
        if let contactNode = o.value("contact"),
            var c = ObjectReader(self, contactNode, file: file, object: "Contact", key: "contact")
        {
            info.contact = Contact(
                name: c.string("name"),
                url: c.string("url"),
                email: c.string("email"),
                location: contactNode.location
            )
            info.contact?.extensions = c.finish()
        }
        if let licenseNode = o.value("license"),
            var l = ObjectReader(self, licenseNode, file: file, object: "License", key: "license")
        {
            var license = License(name: l.requiredString("name") ?? "", location: licenseNode.location)
            if version >= .v31 { license.identifier = l.string("identifier") }
            license.url = l.string("url")
            license.extensions = l.finish()
            info.license = license
        }
        info.extensions = o.finish()
        return info
    }

    private func readTag(_ node: YAMLNode, file: String) -> Tag? {
        guard var o = ObjectReader(self, node, file: file, object: "Tag", key: "tags") else { return nil }
        let name = o.requiredString("name")
        var tag = Tag(name: name ?? "", description: o.text("description"), location: node.location)
        tag.externalDocs = o.value("externalDocs").flatMap { readExternalDocs($0, file: file) }
        if version >= .v32 {
            tag.summary = o.string("summary")
            tag.parent = o.string("parent")
            tag.kind = o.string("kind")
        }
        tag.extensions = o.finish()
        return name == nil ? nil : tag
    }

    func readExternalDocs(_ node: YAMLNode, file: String) -> ExternalDocumentation? {
        guard var o = ObjectReader(self, node, file: file, object: "External Documentation", key: "externalDocs") else {
            return nil
        }
        let url = o.requiredString("url")
        let description = o.text("description")
        let extensions = o.finish()
        return url.map {
            ExternalDocumentation(url: $0, description: description, extensions: extensions, location: node.location)
        }
    }

    // MARK: Servers

    func readServers(_ o: inout ObjectReader, file: String) -> [Server] {
        (o.list("servers") ?? YAMLSequence()).compactMap { readServer($0, file: file) }
    }

    private func readServer(_ node: YAMLNode, file: String) -> Server? {
        guard var o = ObjectReader(self, node, file: file, object: "Server", key: "servers") else { return nil }
        guard let url = o.requiredString("url") else {
            _ = o.finish()
            return nil
        }
        var server = Server(url: url, description: o.text("description"), location: node.location)
        if version >= .v32 { server.name = o.string("name") }
        for (name, _, value) in o.entries("variables") {
            guard var v = ObjectReader(self, value, file: file, object: "Server Variable", key: name) else { continue }
            let values = v.stringList("enum")
            let description = v.text("description")
            guard let defaultValue = v.requiredString("default") else {
                _ = v.finish()
                continue
            }
            if let values, !values.contains(defaultValue) {
                report(.defaultNotInEnum(defaultValue, at: v.keyLocation("default")))
            }
            server.variables[name] = ServerVariable(
                default: defaultValue,
                enum: values,
                description: description,
                extensions: v.finish(),
                location: value.location
            )
        }
        for name in Self.templateVariables(url) where !server.variables.contains(key: name) {
            report(.undefinedServerVariable(name, url: url, at: o.keyLocation("url")))
        }
        server.extensions = o.finish()
        return server
    }

    /// The `{name}` variables of a URL or path template, in order. Read as UTF-8: braces are ASCII
    /// and never part of another character's bytes, so each name is whole text between them.
    static func templateVariables(_ template: String) -> [String] {
        // The bytes in place: a generic walk of the `UTF8View` costs some thirty instructions a byte.
        var template = template
        return template.withUTF8 { bytes in
            var names: [String] = []
            var start: Int?
            for index in bytes.indices {
                switch bytes[index] {
                case UInt8(ascii: "{"): start = index + 1
                case UInt8(ascii: "}"):
                    if let first = start {
                        let name = UnsafeBufferPointer(rebasing: bytes[first..<index])
                        names.append(String(decoding: name, as: UTF8.self))
                    }
                    start = nil
                default: break
                }
            }
            return names
        }
    }

    // MARK: Security

    func readSecurity(_ node: YAMLNode, file: String) -> [SecurityRequirement] {
        guard let items = node.sequence else {
            report(.expected("a list of security requirements", for: "security", found: node))
            return []
        }
        var requirements: [SecurityRequirement] = []
        for item in items {
            guard let entries = entries(item, key: "security") else {
                if item.isNullNode { requirements.append(SecurityRequirement(location: item.location)) }
                continue
            }
            var requirement = SecurityRequirement(location: item.location)
            for (name, keyNode, scopes) in entries {
                if !securitySchemeNames.contains(name) {
                    report(.unknownSecurityScheme(name, at: keyNode.location))
                }
                requirement.schemes[name] = stringList(scopes, key: name) ?? []
            }
            requirements.append(requirement)
        }
        return requirements
    }

    private func readSecurityScheme(_ node: YAMLNode, file: String) -> SecurityScheme? {
        guard var o = ObjectReader(self, node, file: file, object: "Security Scheme") else { return nil }
        guard let typeText = o.requiredString("type") else {
            _ = o.finish()
            return nil
        }
        guard let type = SecuritySchemeType(rawValue: typeText) else {
            report(
                .invalidValue(
                    typeText,
                    for: "type",
                    allowed: SecuritySchemeType.allCases.map(\.rawValue),
                    at: o.keyLocation("type")
                )
            )
            _ = o.finish()
            return nil
        }
        var scheme = SecurityScheme(type: type, description: o.text("description"), location: node.location)
        if version >= .v32 { scheme.deprecated = o.bool("deprecated") ?? false }
        switch type {
        case .apiKey:
            scheme.name = o.requiredString("name")
            if let place = o.requiredString("in") {
                let allowed: [ParameterLocation] = [.query, .header, .cookie]
                if let value = ParameterLocation(rawValue: place), allowed.contains(value) {
                    scheme.in = value
                    if value == .header, let name = scheme.name {
                        checkHeaderName(
                            name, at: o.keyLocation("name"),
                            consequence: "a request that sends the key throws RequestError.invalidHeaderName")
                    }
                } else {
                    report(.invalidValue(place, for: "in", allowed: allowed.map(\.rawValue), at: o.keyLocation("in")))
                }
            }
        case .http:
            scheme.scheme = o.requiredString("scheme")
            scheme.bearerFormat = o.string("bearerFormat")
        case .oauth2:
            if version >= .v32 { scheme.oauth2MetadataUrl = o.string("oauth2MetadataUrl") }
            if let flows = o.value("flows") {
                scheme.flows = readFlows(flows, file: file)
            } else {
                report(.missingKey("flows", in: "Security Scheme", at: node.location))
            }
        case .openIdConnect:
            scheme.openIdConnectUrl = o.requiredString("openIdConnectUrl")
        case .mutualTLS:
            if version == .v30 { report(.onlyIn31("mutualTLS", at: o.keyLocation("type"))) }
        }
        scheme.extensions = o.finish()
        return scheme
    }

    private func readFlows(_ node: YAMLNode, file: String) -> OAuthFlows? {
        guard var o = ObjectReader(self, node, file: file, object: "OAuth Flows", key: "flows") else { return nil }
        var flows = OAuthFlows(location: node.location)
        func flow(
            _ key: String, authorization: Bool, token: Bool, device: Bool = false, _ o: inout ObjectReader
        ) -> OAuthFlow? {
            guard let flowNode = o.value(key),
                var f = ObjectReader(self, flowNode, file: file, object: "OAuth Flow", key: key)
            else {
                return nil
            }
            var result = OAuthFlow(location: flowNode.location)
            result.authorizationUrl =
                authorization ? f.requiredString("authorizationUrl") : f.string("authorizationUrl")
            if device { result.deviceAuthorizationUrl = f.requiredString("deviceAuthorizationUrl") }
            result.tokenUrl = token ? f.requiredString("tokenUrl") : f.string("tokenUrl")
            result.refreshUrl = f.string("refreshUrl")
            if f.value("scopes") == nil {
                report(.missingKey("scopes", in: "OAuth Flow", at: flowNode.location))
            }
            for (name, _, value) in f.entries("scopes") {
                result.scopes[name] = stringValue(value, key: name) ?? ""
            }
            result.extensions = f.finish()
            return result
        }
        flows.implicit = flow("implicit", authorization: true, token: false, &o)
        flows.password = flow("password", authorization: false, token: true, &o)
        flows.clientCredentials = flow("clientCredentials", authorization: false, token: true, &o)
        flows.authorizationCode = flow("authorizationCode", authorization: true, token: true, &o)
        if version >= .v32 {
            flows.deviceAuthorization = flow("deviceAuthorization", authorization: false, token: true, device: true, &o)
        }
        flows.extensions = o.finish()
        return flows
    }

    // MARK: Components

    private func readComponents(_ node: YAMLNode, file: String) -> Components {
        var components = Components(location: node.location)
        guard var o = ObjectReader(self, node, file: file, object: "Components", key: "components") else {
            return components
        }

        // Security scheme names first: requirements anywhere are checked against them.
        if let schemes = o.mapping["securitySchemes"]?.mapping {
            securitySchemeNames = Set(schemes.compactMap(\.keyText))
        }
        for (name, keyNode, value) in o.entries("schemas") {
            let id = componentID("schemas", name)
            _ = schemaReference(to: LocatedNode(node: value, file: file, id: id), written: id, at: keyNode.location)
            // The schema is read later, with every other: `components.schemas` is filled then.
            componentSchemaIDs.append((name, id))
        }
        for (name, _, value) in o.entries("parameters") {
            if let p = component(value, kind: "parameters", name: name, object: "Parameter", read: readParameter) {
                components.parameters[name] = p.value
            }
        }
        for (name, _, value) in o.entries("requestBodies") {
            if let b = component(
                value,
                kind: "requestBodies",
                name: name,
                object: "Request Body",
                read: readRequestBody
            ) {
                components.requestBodies[name] = b.value
            }
        }
        for (name, _, value) in o.entries("responses") {
            if let r = component(value, kind: "responses", name: name, object: "Response", read: readResponse) {
                components.responses[name] = r.value
            }
        }
        for (name, _, value) in o.entries("headers") {
            if let h = component(value, kind: "headers", name: name, object: "Header", read: readHeader) {
                components.headers[name] = h.value
            }
        }
        for (name, _, value) in o.entries("securitySchemes") {
            if let s = component(
                value,
                kind: "securitySchemes",
                name: name,
                object: "Security Scheme",
                read: readSecurityScheme
            ) {
                components.securitySchemes[name] = s.value
            }
        }
        for (name, _, value) in o.entries("examples") {
            if let e = component(value, kind: "examples", name: name, object: "Example", read: readExample) {
                components.examples[name] = e.value
            }
        }
        if version >= .v31 {
            for (name, _, value) in o.entries("pathItems") {
                let read = { (node: YAMLNode, file: String) in
                    self.readPathItem(node, file: file, path: name, isWebhook: true)
                }
                if let item = component(value, kind: "pathItems", name: name, object: "Path Item", read: read) {
                    components.pathItems[name] = item.value
                }
            }
        }
        for (name, _, value) in o.entries("links") {
            if let link = component(value, kind: "links", name: name, object: "Link", read: readLink) {
                components.links[name] = link.value
            }
        }
        if version >= .v32 {
            for (name, _, value) in o.entries("mediaTypes") {
                let read = { (node: YAMLNode, file: String) in self.readMediaType(node, file: file, key: name) }
                if let media = component(value, kind: "mediaTypes", name: name, object: "Media Type", read: read) {
                    components.mediaTypes[name] = media.value
                }
            }
        }
        o.unsupported("callbacks", feature: .callbacks)
        components.extensions = o.finish()
        return components
    }
}
