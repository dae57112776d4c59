public import SpecsmithDiagnostics

/// A Link Object: how a value of a response can be given to another operation, which generated code states in the
/// doc comment of the response's outcome case.
public struct Link: Sendable, Hashable {
    /// `operationId`: the operation the link leads to, by its id.
    public var operationId: String?
    /// `operationRef`: the operation the link leads to, by a reference to it (`#/paths/~1users~1{id}/get`).
    public var operationRef: String?
    /// `parameters`: the target's parameters by name (`id`, or `path.id` where names repeat), each a runtime
    /// expression (`$response.body#/id`) or a constant.
    public var parameters: OrderedMap<JSONValue>
    /// `requestBody`: a runtime expression or a constant for the target's body.
    public var requestBody: JSONValue?
    /// `description`.
    public var description: String?
    /// The `x-` keys, in document order, with their values as written.
    public var extensions: Extensions
    /// Where the object starts in its file.
    public var location: SourceLocation

    /// Creates the value; every part but the required ones has a default.
    public init(
        operationId: String? = nil,
        operationRef: String? = nil,
        parameters: OrderedMap<JSONValue> = OrderedMap(),
        requestBody: JSONValue? = nil,
        description: String? = nil,
        extensions: Extensions = Extensions(),
        location: SourceLocation
    ) {
        self.operationId = operationId
        self.operationRef = operationRef
        self.parameters = parameters
        self.requestBody = requestBody
        self.description = description
        self.extensions = extensions
        self.location = location
    }
}
