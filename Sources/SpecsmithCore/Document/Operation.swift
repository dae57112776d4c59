public import SpecsmithDiagnostics

/// One operation: a method on a path.
public struct Operation: Sendable, Hashable {
    public var method: HTTPMethod
    /// The path template the operation is under (or the webhook's name).
    public var path: String
    public var operationId: String?
    public var summary: String?
    public var description: String?
    public var tags: [String]
    public var deprecated: Bool
    /// The effective parameters: the path item's `parameters` merged with the operation's own, an
    /// operation parameter replacing a path-level one with the same name and location. Path-level
    /// parameters come first, in their order, then the operation's new ones.
    public var parameters: [Parameter]
    public var requestBody: RequestBody?
    public var responses: Responses
    /// `security` of the operation; `nil` when not given (the document's ``OpenAPIDocument/security``
    /// applies), empty when given as `[]` (no security).
    public var security: [SecurityRequirement]?
    public var servers: [Server]
    public var externalDocs: ExternalDocumentation?
    public var extensions: Extensions
    public var location: SourceLocation

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
    public var description: String?
    /// Media types such as `application/json` to their content, in document order.
    public var content: OrderedMap<MediaType>
    public var required: Bool
    /// The canonical id of the component this came from through `$ref`, if any.
    public var referenceID: String?
    public var extensions: Extensions
    public var location: SourceLocation

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
    public var schema: Schema?
    public var example: JSONValue?
    public var examples: OrderedMap<Example>
    /// `encoding`, for `multipart` and `application/x-www-form-urlencoded` bodies.
    public var encoding: OrderedMap<Encoding>
    public var extensions: Extensions
    public var location: SourceLocation

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
    public var contentType: String?
    public var headers: OrderedMap<Header>
    public var style: ParameterStyle?
    public var explode: Bool?
    public var allowReserved: Bool
    public var extensions: Extensions
    public var location: SourceLocation

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
    public var summary: String?
    public var description: String?
    public var value: JSONValue?
    public var externalValue: String?
    public var extensions: Extensions
    public var location: SourceLocation

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
