public import SpecsmithDiagnostics

/// The HTTP methods a path item can hold, in the order the specification lists them.
public enum HTTPMethod: String, Sendable, Hashable, CaseIterable {
    case get, put, post, delete, options, head, patch, trace

    /// The method as sent on the wire: `GET`, `POST`, ...
    public var wireName: String { rawValue.uppercased() }
}

/// A path item: the operations on one path template, and what they share.
///
/// A path item given as `$ref` has been replaced by its target.
public struct PathItem: Sendable, Hashable {
    /// The path template (the key under `paths`, such as `/pets/{id}`), or the webhook's name.
    public var path: String
    /// `summary`: a short description.
    public var summary: String?
    /// `description`, with a `$ref` to a text file replaced by the file's text.
    public var description: String?
    /// The operations, in document order.
    public var operations: [Operation]
    /// `parameters` shared by every operation of this path (each operation's own list already
    /// includes them; see ``Operation/parameters``).
    public var parameters: [Parameter]
    /// `servers`, in document order.
    public var servers: [Server]
    /// The `x-` keys, in document order, with their values as written.
    public var extensions: Extensions
    /// Where the object starts in its file.
    public var location: SourceLocation

    /// Creates the value; every part but the required ones has a default.
    public init(
        path: String,
        summary: String? = nil,
        description: String? = nil,
        operations: [Operation] = [],
        parameters: [Parameter] = [],
        servers: [Server] = [],
        extensions: Extensions = Extensions(),
        location: SourceLocation
    ) {
        self.path = path
        self.summary = summary
        self.description = description
        self.operations = operations
        self.parameters = parameters
        self.servers = servers
        self.extensions = extensions
        self.location = location
    }

    /// The operation for a method, if the path item has one.
    public func operation(_ method: HTTPMethod) -> Operation? {
        operations.first { $0.method == method }
    }
}
