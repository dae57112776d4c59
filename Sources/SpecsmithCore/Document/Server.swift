public import SpecsmithDiagnostics

/// A `servers` entry: a URL template such as `https://{region}.example.com/v1` and its variables.
public struct Server: Sendable, Hashable {
    /// `url`.
    public var url: String
    /// `description`, with a `$ref` to a text file replaced by the file's text.
    public var description: String?
    /// `name` (3.2): a unique name for the server, which names its case of the generated `Server`.
    public var name: String?
    /// `variables`, in document order.
    public var variables: OrderedMap<ServerVariable>
    /// The `x-` keys, in document order, with their values as written.
    public var extensions: Extensions
    /// Where the object starts in its file.
    public var location: SourceLocation

    /// Creates the value; every part but the required ones has a default.
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
    /// `default`, as in the specification.
    public var `default`: String
    /// `enum`: the allowed values, or `nil` when any value is allowed.
    public var `enum`: [String]?
    /// `description`, with a `$ref` to a text file replaced by the file's text.
    public var description: String?
    /// The `x-` keys, in document order, with their values as written.
    public var extensions: Extensions
    /// Where the object starts in its file.
    public var location: SourceLocation

    /// Creates the value; every part but the required ones has a default.
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
