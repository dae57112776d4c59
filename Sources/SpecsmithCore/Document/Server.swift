public import SpecsmithDiagnostics

/// A `servers` entry: a URL template such as `https://{region}.example.com/v1` and its variables.
public struct Server: Sendable, Hashable {
    public var url: String
    public var description: String?
    /// `variables`, in document order.
    public var variables: OrderedMap<ServerVariable>
    public var extensions: Extensions
    public var location: SourceLocation

    public init(
        url: String,
        description: String? = nil,
        variables: OrderedMap<ServerVariable> = OrderedMap(),
        extensions: Extensions = Extensions(),
        location: SourceLocation
    ) {
        self.url = url
        self.description = description
        self.variables = variables
        self.extensions = extensions
        self.location = location
    }
}

/// One variable of a server URL template.
public struct ServerVariable: Sendable, Hashable {
    public var `default`: String
    /// `enum`: the allowed values, or `nil` when any value is allowed.
    public var `enum`: [String]?
    public var description: String?
    public var extensions: Extensions
    public var location: SourceLocation

    public init(
        `default`: String,
        `enum`: [String]? = nil,
        description: String? = nil,
        extensions: Extensions = Extensions(),
        location: SourceLocation
    ) {
        self.default = `default`
        self.enum = `enum`
        self.description = description
        self.extensions = extensions
        self.location = location
    }
}
