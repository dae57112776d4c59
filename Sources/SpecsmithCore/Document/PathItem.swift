public import SpecsmithDiagnostics

/// The method of an operation: a fixed field of its path item (`get` to `trace`, and in 3.2 `query`), or in 3.2 a
/// key of its `additionalOperations` (`COPY`), which is the method as it is sent.
public struct HTTPMethod: Sendable, Hashable, CustomStringConvertible {
    /// The key the operation is written under: a fixed field (`get`), or an `additionalOperations` key as written.
    public let rawValue: String
    /// Whether the operation is one of `additionalOperations` (3.2), not a fixed field.
    public let isAdditional: Bool

    private init(field: String) {
        rawValue = field
        isAdditional = false
    }

    /// The fixed field `rawValue` (`get`), or `nil` for any other text.
    public init?(rawValue: String) {
        guard let field = Self.fixedFields.first(where: { $0.rawValue == rawValue }) else { return nil }
        self = field
    }

    /// The method of an `additionalOperations` entry (3.2): its key, sent as written.
    public init(additional name: String) {
        rawValue = name
        isAdditional = true
    }

    public static let get = HTTPMethod(field: "get")
    public static let put = HTTPMethod(field: "put")
    public static let post = HTTPMethod(field: "post")
    public static let delete = HTTPMethod(field: "delete")
    public static let options = HTTPMethod(field: "options")
    public static let head = HTTPMethod(field: "head")
    public static let patch = HTTPMethod(field: "patch")
    public static let trace = HTTPMethod(field: "trace")
    /// `QUERY` (3.2, RFC 10008): a safe, idempotent request that carries its query in the body.
    public static let query = HTTPMethod(field: "query")

    /// The fixed fields of a path item, in the order the specification lists them (`query` is 3.2's).
    public static let fixedFields: [HTTPMethod] = [.get, .put, .post, .delete, .options, .head, .patch, .trace, .query]

    /// The method as sent on the wire: `GET`, `POST`, ..., and an `additionalOperations` key as written.
    public var wireName: String { isAdditional ? rawValue : rawValue.uppercased() }

    public var description: String { wireName }
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
