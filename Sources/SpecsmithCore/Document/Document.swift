public import SpecsmithDiagnostics

/// The OpenAPI version a document declares, reduced to the feature sets Specsmith reads. Ordered: 3.2 reads
/// everything 3.1 does (`version >= .v31` is true of both).
public enum OpenAPIVersion: String, Sendable, Hashable, Comparable {
    /// OpenAPI 3.0.x: JSON Schema draft-05 subset, `nullable`, boolean exclusive bounds.
    case v30 = "3.0"
    /// OpenAPI 3.1.x: JSON Schema 2020-12, `type` arrays, numeric exclusive bounds.
    case v31 = "3.1"
    /// OpenAPI 3.2.x: 3.1 and its schemas, with the `query` method, `additionalOperations`, `querystring`
    /// parameters, `style: cookie`, `discriminator.defaultMapping`, `itemSchema` and more metadata.
    case v32 = "3.2"

    public static func < (lhs: Self, rhs: Self) -> Bool {
        lhs.rank < rhs.rank
    }

    private var rank: Int {
        switch self {
        case .v30: 0
        case .v31: 1
        case .v32: 2
        }
    }
}

/// A typed OpenAPI 3.0, 3.1 or 3.2 document with every reference resolved.
///
/// 3.0, 3.1 and 3.2 documents are read into this one shape. Schema references stay references
/// (``SchemaReference``), so recursive types can be represented; their targets are in ``schemas``,
/// keyed by canonical id. Every other kind of reference (parameters, responses, request bodies,
/// headers, path items) has been replaced by its target.
public struct OpenAPIDocument: Sendable, Hashable {
    /// The path of the root file, as given to the loader.
    public var file: String
    /// The `openapi` value as written, such as `3.0.3`.
    public var versionText: String
    /// The version family: 3.0, 3.1 or 3.2.
    public var version: OpenAPIVersion
    /// `info`, as in the specification.
    public var info: Info
    /// `servers`, in document order (empty when the document gives none).
    public var servers: [Server]
    /// `paths`: path templates such as `/pets/{id}` to their path items, in document order.
    public var paths: OrderedMap<PathItem>
    /// The `x-` keys of the Paths object.
    public var pathsExtensions: Extensions
    /// `webhooks` (3.1): kept in the model, not generated yet.
    public var webhooks: OrderedMap<PathItem>
    /// `components`, as in the specification.
    public var components: Components
    /// Top-level `security`; `nil` when not given, empty when given as `[]`.
    public var security: [SecurityRequirement]?
    /// `tags`, in document order.
    public var tags: [Tag]
    /// `externalDocs`.
    public var externalDocs: ExternalDocumentation?
    /// The `x-` keys, in document order, with their values as written.
    public var extensions: Extensions
    /// Where the object starts in its file.
    public var location: SourceLocation

    /// Every schema a ``SchemaReference`` can point at, keyed by canonical id
    /// (`file#/json/pointer`), in the order they were first resolved. Component schemas of the root
    /// document are always present, referenced or not.
    public var schemas: OrderedMap<Schema>

    /// Creates the value; every part but the required ones has a default.
    public init(
        file: String,
        versionText: String,
        version: OpenAPIVersion,
        info: Info,
        servers: [Server] = [],
        paths: OrderedMap<PathItem> = OrderedMap(),
        pathsExtensions: Extensions = Extensions(),
        webhooks: OrderedMap<PathItem> = OrderedMap(),
        components: Components,
        security: [SecurityRequirement]? = nil,
        tags: [Tag] = [],
        externalDocs: ExternalDocumentation? = nil,
        extensions: Extensions = Extensions(),
        location: SourceLocation,
        schemas: OrderedMap<Schema> = OrderedMap()
    ) {
        self.file = file
        self.versionText = versionText
        self.version = version
        self.info = info
        self.servers = servers
        self.paths = paths
        self.pathsExtensions = pathsExtensions
        self.webhooks = webhooks
        self.components = components
        self.security = security
        self.tags = tags
        self.externalDocs = externalDocs
        self.extensions = extensions
        self.location = location
        self.schemas = schemas
    }

    /// The schema a reference points at. Every reference found in this document resolves; a
    /// reference from elsewhere is a programming error.
    public func schema(for reference: SchemaReference) -> Schema {
        guard let schema = schemas[reference.id] else {
            preconditionFailure("no schema \(reference.id) in this document")
        }
        return schema
    }

    /// Follows a chain of pure references (`A` is `{$ref: B}`) to the first schema that says more
    /// than a reference, stopping at cycles. Returns the schema itself when it is no reference.
    public func dereferenced(_ schema: Schema) -> Schema {
        var current = schema
        var seen: Set<String> = []
        while let ref = current.ref, current.isPureReference, seen.insert(ref.id).inserted {
            current = self.schema(for: ref)
        }
        return current
    }

    /// The canonical id of a component schema of the root document, `file#/components/schemas/Name`.
    public func componentSchemaID(_ name: String) -> String {
        JSONPointer.componentID(file: file, kind: "schemas", name: name)
    }

    /// Every operation under `paths`, in document order, with its path template.
    public var operations: [Operation] {
        // By index, counted first: path items are read in place rather than copied into an array, and the
        // operations copied once into an array of the right size.
        let items = paths.entries
        var count = 0
        for index in items.indices { count += items[index].value.operations.count }
        var operations: [Operation] = []
        operations.reserveCapacity(count)
        for index in items.indices { operations += items[index].value.operations }
        return operations
    }
}

/// `info`: the API's title, version and descriptions.
public struct Info: Sendable, Hashable {
    /// `title`.
    public var title: String
    /// `version`, as in the specification.
    public var version: String
    /// `summary`: a short description.
    public var summary: String?
    /// `description`, with a `$ref` to a text file replaced by the file's text.
    public var description: String?
    /// `termsOfService`, as in the specification.
    public var termsOfService: String?
    /// `contact`, as in the specification.
    public var contact: Contact?
    /// `license`, as in the specification.
    public var license: License?
    /// The `x-` keys, in document order, with their values as written.
    public var extensions: Extensions
    /// Where the object starts in its file.
    public var location: SourceLocation

    /// Creates the value; every part but the required ones has a default.
    public init(
        title: String,
        version: String,
        summary: String? = nil,
        description: String? = nil,
        termsOfService: String? = nil,
        contact: Contact? = nil,
        license: License? = nil,
        extensions: Extensions = Extensions(),
        location: SourceLocation
    ) {
        self.title = title
        self.version = version
        self.summary = summary
        self.description = description
        self.termsOfService = termsOfService
        self.contact = contact
        self.license = license
        self.extensions = extensions
        self.location = location
    }
}

/// `info.contact`.
public struct Contact: Sendable, Hashable {
    /// `name`.
    public var name: String?
    /// `url`.
    public var url: String?
    /// `email`, as in the specification.
    public var email: String?
    /// The `x-` keys, in document order, with their values as written.
    public var extensions: Extensions
    /// Where the object starts in its file.
    public var location: SourceLocation

    /// Creates the value; every part but the required ones has a default.
    public init(
        name: String? = nil,
        url: String? = nil,
        email: String? = nil,
        extensions: Extensions = Extensions(),
        location: SourceLocation
    ) {
        self.name = name
        self.url = url
        self.email = email
        self.extensions = extensions
        self.location = location
    }
}

/// `info.license`.
public struct License: Sendable, Hashable {
    /// `name`.
    public var name: String
    /// `identifier` (3.1): an SPDX expression.
    public var identifier: String?
    /// `url`.
    public var url: String?
    /// The `x-` keys, in document order, with their values as written.
    public var extensions: Extensions
    /// Where the object starts in its file.
    public var location: SourceLocation

    /// Creates the value; every part but the required ones has a default.
    public init(
        name: String,
        identifier: String? = nil,
        url: String? = nil,
        extensions: Extensions = Extensions(),
        location: SourceLocation
    ) {
        self.name = name
        self.identifier = identifier
        self.url = url
        self.extensions = extensions
        self.location = location
    }
}

/// `externalDocs` on the document, an operation, a tag or a schema.
public struct ExternalDocumentation: Sendable, Hashable {
    /// `url`.
    public var url: String
    /// `description`, with a `$ref` to a text file replaced by the file's text.
    public var description: String?
    /// The `x-` keys, in document order, with their values as written.
    public var extensions: Extensions
    /// Where the object starts in its file.
    public var location: SourceLocation

    /// Creates the value; every part but the required ones has a default.
    public init(
        url: String,
        description: String? = nil,
        extensions: Extensions = Extensions(),
        location: SourceLocation
    ) {
        self.url = url
        self.description = description
        self.extensions = extensions
        self.location = location
    }
}

/// A top-level `tags` entry.
public struct Tag: Sendable, Hashable {
    /// `name`.
    public var name: String
    /// `summary` (3.2): a short name for display.
    public var summary: String?
    /// `description`, with a `$ref` to a text file replaced by the file's text.
    public var description: String?
    /// `externalDocs`.
    public var externalDocs: ExternalDocumentation?
    /// `parent` (3.2): the name of the tag this one is nested under.
    public var parent: String?
    /// `kind` (3.2): what sort of tag it is (`nav`, `badge`, `audience`).
    public var kind: String?
    /// The `x-` keys, in document order, with their values as written.
    public var extensions: Extensions
    /// Where the object starts in its file.
    public var location: SourceLocation

    /// Creates the value; every part but the required ones has a default.
    public init(
        name: String,
        description: String? = nil,
        externalDocs: ExternalDocumentation? = nil,
        extensions: Extensions = Extensions(),
        location: SourceLocation
    ) {
        self.name = name
        self.description = description
        self.externalDocs = externalDocs
        self.extensions = extensions
        self.location = location
    }
}
