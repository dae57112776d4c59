public import SpecsmithDiagnostics

/// `components` of the root document, each map in document order.
///
/// Component schemas are kept as written (a component that is itself a `$ref` keeps its
/// ``Schema/ref``); their canonical ids are ``OpenAPIDocument/componentSchemaID(_:)``.
/// The other maps hold resolved values.
public struct Components: Sendable, Hashable {
    public var schemas: OrderedMap<Schema>
    public var parameters: OrderedMap<Parameter>
    public var requestBodies: OrderedMap<RequestBody>
    public var responses: OrderedMap<Response>
    public var headers: OrderedMap<Header>
    public var securitySchemes: OrderedMap<SecurityScheme>
    public var examples: OrderedMap<Example>
    /// `pathItems` (3.1).
    public var pathItems: OrderedMap<PathItem>
    public var extensions: Extensions
    /// Where `components` starts, or `nil` when the document has none.
    public var location: SourceLocation?

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
