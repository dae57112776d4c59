public import SpecsmithDiagnostics

/// One operation: a method on a path.
public struct Operation: Sendable, Hashable {
    /// `method`, as in the specification.
    public var method: HTTPMethod
    /// The path template the operation is under (or the webhook's name).
    public var path: String
    /// `operationId`, as in the specification.
    public var operationId: String?
    /// `summary`: a short description.
    public var summary: String?
    /// `description`, with a `$ref` to a text file replaced by the file's text.
    public var description: String?
    /// `tags`, in document order.
    public var tags: [String]
    /// `deprecated`; false when not given.
    public var deprecated: Bool
    /// The effective parameters: the path item's `parameters` merged with the operation's own, an
    /// operation parameter replacing a path-level one with the same name and location. Path-level
    /// parameters come first, in their order, then the operation's new ones.
    public var parameters: [Parameter]
    /// `requestBody`, as in the specification.
    public var requestBody: RequestBody?
    /// `responses`, as in the specification.
    public var responses: Responses
    /// `security` of the operation; `nil` when not given (the document's ``OpenAPIDocument/security``
    /// applies), empty when given as `[]` (no security).
    public var security: [SecurityRequirement]?
    /// `servers`, in document order.
    public var servers: [Server]
    /// `externalDocs`.
    public var externalDocs: ExternalDocumentation?
    /// The `x-` keys, in document order, with their values as written.
    public var extensions: Extensions
    /// Where the object starts in its file.
    public var location: SourceLocation

    /// Creates the value; every part but the required ones has a default.
    public init(
        method: HTTPMethod,
        path: String,
        operationId: String? = nil,
        summary: String? = nil,
        description: String? = nil,
        tags: [String] = [],
        deprecated: Bool = false,
        parameters: [Parameter] = [],
        requestBody: RequestBody? = nil,
        responses: Responses = Responses(),
        security: [SecurityRequirement]? = nil,
        servers: [Server] = [],
        externalDocs: ExternalDocumentation? = nil,
        extensions: Extensions = Extensions(),
        location: SourceLocation
    ) {
        self.method = method
        self.path = path
        self.operationId = operationId
        self.summary = summary
        self.description = description
        self.tags = tags
        self.deprecated = deprecated
        self.parameters = parameters
        self.requestBody = requestBody
        self.responses = responses
        self.security = security
        self.servers = servers
        self.externalDocs = externalDocs
        self.extensions = extensions
        self.location = location
    }
}

/// A request body (`requestBody`), with any `$ref` replaced by its target.
public struct RequestBody: Sendable, Hashable {
    /// `description`, with a `$ref` to a text file replaced by the file's text.
    public var description: String?
    /// Media types such as `application/json` to their content, in document order.
    public var content: OrderedMap<MediaType>
    /// `required`; false when not given.
    public var required: Bool
    /// The canonical id of the component this came from through `$ref`, if any.
    public var referenceID: String?
    /// The `x-` keys, in document order, with their values as written.
    public var extensions: Extensions
    /// Where the object starts in its file.
    public var location: SourceLocation

    /// Creates the value; every part but the required ones has a default.
    public init(
        description: String? = nil,
        content: OrderedMap<MediaType> = OrderedMap(),
        required: Bool = false,
        referenceID: String? = nil,
        extensions: Extensions = Extensions(),
        location: SourceLocation
    ) {
        self.description = description
        self.content = content
        self.required = required
        self.referenceID = referenceID
        self.extensions = extensions
        self.location = location
    }
}

/// The content of one media type in a request body, response, parameter or header.
public struct MediaType: Sendable, Hashable {
    /// `schema`.
    public var schema: Schema?
    /// `itemSchema` (3.2): the schema of each item of a sequential media type (`application/jsonl`).
    public var itemSchema: Schema?
    /// `example`: one example value.
    public var example: JSONValue?
    /// `examples`, in document order, with any `$ref` replaced by its target.
    public var examples: OrderedMap<Example>
    /// `encoding`, for `multipart` and `application/x-www-form-urlencoded` bodies.
    public var encoding: OrderedMap<Encoding>
    /// The `x-` keys, in document order, with their values as written.
    public var extensions: Extensions
    /// Where the object starts in its file.
    public var location: SourceLocation

    /// Creates the value; every part but the required ones has a default.
    public init(
        schema: Schema? = nil,
        example: JSONValue? = nil,
        examples: OrderedMap<Example> = OrderedMap(),
        encoding: OrderedMap<Encoding> = OrderedMap(),
        extensions: Extensions = Extensions(),
        location: SourceLocation
    ) {
        self.schema = schema
        self.example = example
        self.examples = examples
        self.encoding = encoding
        self.extensions = extensions
        self.location = location
    }
}

/// An `encoding` entry of a media type.
public struct Encoding: Sendable, Hashable {
    /// `contentType`, as in the specification.
    public var contentType: String?
    /// `headers`, in document order, with any `$ref` replaced by its target.
    public var headers: OrderedMap<Header>
    /// `style` as written, or `nil`.
    public var style: ParameterStyle?
    /// `explode` as written, or `nil`.
    public var explode: Bool?
    /// `allowReserved`; false when not given.
    public var allowReserved: Bool
    /// The `x-` keys, in document order, with their values as written.
    public var extensions: Extensions
    /// Where the object starts in its file.
    public var location: SourceLocation

    /// Creates the value; every part but the required ones has a default.
    public init(
        contentType: String? = nil,
        headers: OrderedMap<Header> = OrderedMap(),
        style: ParameterStyle? = nil,
        explode: Bool? = nil,
        allowReserved: Bool = false,
        extensions: Extensions = Extensions(),
        location: SourceLocation
    ) {
        self.contentType = contentType
        self.headers = headers
        self.style = style
        self.explode = explode
        self.allowReserved = allowReserved
        self.extensions = extensions
        self.location = location
    }
}

/// An Example object (`examples` of a media type, parameter or header).
public struct Example: Sendable, Hashable {
    /// `summary`: a short description.
    public var summary: String?
    /// `description`, with a `$ref` to a text file replaced by the file's text.
    public var description: String?
    /// `value`, as in the specification.
    public var value: JSONValue?
    /// `dataValue` (3.2): the example as data, before it is serialized.
    public var dataValue: JSONValue?
    /// `serializedValue` (3.2): the example as it is sent, encoded and escaped.
    public var serializedValue: String?
    /// `externalValue`, as in the specification.
    public var externalValue: String?
    /// The `x-` keys, in document order, with their values as written.
    public var extensions: Extensions
    /// Where the object starts in its file.
    public var location: SourceLocation

    /// Creates the value; every part but the required ones has a default.
    public init(
        summary: String? = nil,
        description: String? = nil,
        value: JSONValue? = nil,
        externalValue: String? = nil,
        extensions: Extensions = Extensions(),
        location: SourceLocation
    ) {
        self.summary = summary
        self.description = description
        self.value = value
        self.externalValue = externalValue
        self.extensions = extensions
        self.location = location
    }
}
