public import SpecsmithDiagnostics

/// `components` of the root document, each map in document order.
///
/// Component schemas are kept as written (a component that is itself a `$ref` keeps its
/// ``Schema/ref``); their canonical ids are ``OpenAPIDocument/componentSchemaID(_:)``.
/// The other maps hold resolved values.
public struct Components: Sendable, Hashable {
    /// `schemas`, as in the specification.
    public var schemas: OrderedMap<Schema>
    /// `parameters`, as in the specification.
    public var parameters: OrderedMap<Parameter>
    /// `requestBodies`, as in the specification.
    public var requestBodies: OrderedMap<RequestBody>
    /// `responses`, as in the specification.
    public var responses: OrderedMap<Response>
    /// `headers`, in document order, with any `$ref` replaced by its target.
    public var headers: OrderedMap<Header>
    /// `securitySchemes`, as in the specification.
    public var securitySchemes: OrderedMap<SecurityScheme>
    /// `examples`, in document order, with any `$ref` replaced by its target.
    public var examples: OrderedMap<Example>
    /// `pathItems` (3.1).
    public var pathItems: OrderedMap<PathItem>
    /// `links`, in document order, with any `$ref` replaced by its target.
    public var links: OrderedMap<Link> = OrderedMap()
    /// `mediaTypes` (3.2), in document order, with any `$ref` replaced by its target.
    public var mediaTypes: OrderedMap<MediaType> = OrderedMap()
    /// The `x-` keys, in document order, with their values as written.
    public var extensions: Extensions
    /// Where `components` starts, or `nil` when the document has none.
    public var location: SourceLocation?

    /// Creates the value; every part but the required ones has a default.
    public init(
        schemas: OrderedMap<Schema> = OrderedMap(),
        parameters: OrderedMap<Parameter> = OrderedMap(),
        requestBodies: OrderedMap<RequestBody> = OrderedMap(),
        responses: OrderedMap<Response> = OrderedMap(),
        headers: OrderedMap<Header> = OrderedMap(),
        securitySchemes: OrderedMap<SecurityScheme> = OrderedMap(),
        examples: OrderedMap<Example> = OrderedMap(),
        pathItems: OrderedMap<PathItem> = OrderedMap(),
        extensions: Extensions = Extensions(),
        location: SourceLocation? = nil
    ) {
        self.schemas = schemas
        self.parameters = parameters
        self.requestBodies = requestBodies
        self.responses = responses
        self.headers = headers
        self.securitySchemes = securitySchemes
        self.examples = examples
        self.pathItems = pathItems
        self.extensions = extensions
        self.location = location
    }
}
