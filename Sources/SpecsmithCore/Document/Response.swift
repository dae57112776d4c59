public import SpecsmithDiagnostics

/// The key of a `responses` entry: an HTTP status code, a range such as `2XX`, or `default`.
public enum ResponseStatus: Sendable, Hashable, CustomStringConvertible {
    /// One status code, such as 200 (written `200` or `'200'`).
    case code(Int)
    /// A range `1XX` to `5XX`; the value is the first digit.
    case range(Int)
    /// `default`: every status not listed.
    case `default`

    /// The key as the specification writes it: `200`, `2XX`, `default`.
    public var description: String {
        switch self {
        case .code(let code): String(code)
        case .range(let digit): "\(digit)XX"
        case .default: "default"
        }
    }

    /// Whether a status code falls under this key.
    public func matches(_ status: Int) -> Bool {
        switch self {
        case .code(let code): status == code
        case .range(let digit): status / 100 == digit
        case .default: true
        }
    }
}

/// `responses` of an operation, in document order.
public struct Responses: Sendable, Hashable, RandomAccessCollection {
    /// One status key and its response.
    public struct Entry: Sendable, Hashable {
        /// `status`, as in the specification.
        public var status: ResponseStatus
        /// `response`, as in the specification.
        public var response: Response

        /// Creates the value; every part but the required ones has a default.
        public init(status: ResponseStatus, response: Response) {
            self.status = status
            self.response = response
        }
    }

    /// The entries, in document order.
    public var entries: [Entry]
    /// The `x-` keys, in document order, with their values as written.
    public var extensions: Extensions

    /// Creates the value; every part but the required ones has a default.
    public init(entries: [Entry] = [], extensions: Extensions = Extensions()) {
        self.entries = entries
        self.extensions = extensions
    }

    /// The position of the first entry.
    public var startIndex: Int { entries.startIndex }
    /// The position after the last entry.
    public var endIndex: Int { entries.endIndex }
    /// The entry at a position.
    public subscript(position: Int) -> Entry { entries[position] }

    /// The response for an exact key (`.code(200)`, `.range(2)`, `.default`).
    public subscript(status: ResponseStatus) -> Response? {
        entries.first { $0.status == status }?.response
    }
}

/// A response, with any `$ref` replaced by its target.
public struct Response: Sendable, Hashable {
    /// `summary` (3.2): a short summary of what the response means.
    public var summary: String?
    /// `description`, with a `$ref` to a text file replaced by the file's text; empty when not given (3.2 allows
    /// that).
    public var description: String
    /// `headers`, in document order (a `Content-Type` header is dropped, as the specification says).
    public var headers: OrderedMap<Header>
    /// `content`: media types such as `application/json` to their content, in document order.
    public var content: OrderedMap<MediaType>
    /// `links`, in document order, with any `$ref` replaced by its target.
    public var links: OrderedMap<Link> = OrderedMap()
    /// The canonical id of the component this came from through `$ref`, if any.
    public var referenceID: String?
    /// The `x-` keys, in document order, with their values as written.
    public var extensions: Extensions
    /// Where the object starts in its file.
    public var location: SourceLocation

    /// Creates the value; every part but the required ones has a default.
    public init(
        description: String = "",
        headers: OrderedMap<Header> = OrderedMap(),
        content: OrderedMap<MediaType> = OrderedMap(),
        referenceID: String? = nil,
        extensions: Extensions = Extensions(),
        location: SourceLocation
    ) {
        self.description = description
        self.headers = headers
        self.content = content
        self.referenceID = referenceID
        self.extensions = extensions
        self.location = location
    }
}

/// A header of a response or an encoding, with any `$ref` replaced by its target.
public struct Header: Sendable, Hashable {
    /// `description`, with a `$ref` to a text file replaced by the file's text.
    public var description: String?
    /// `required`; false when not given.
    public var required: Bool
    /// `deprecated`; false when not given.
    public var deprecated: Bool
    /// `style`; headers only allow `simple`.
    public var style: ParameterStyle?
    /// `explode` as written, or `nil`.
    public var explode: Bool?
    /// `schema`, or `nil` when the header uses `content`.
    public var schema: Schema?
    /// `content`: media types such as `application/json` to their content, in document order.
    public var content: OrderedMap<MediaType>
    /// `example`: one example value.
    public var example: JSONValue?
    /// `examples`, in document order, with any `$ref` replaced by its target.
    public var examples: OrderedMap<Example>
    /// The canonical id of the component this came from through `$ref`, if any.
    public var referenceID: String?
    /// The `x-` keys, in document order, with their values as written.
    public var extensions: Extensions
    /// Where the object starts in its file.
    public var location: SourceLocation

    /// Creates the value; every part but the required ones has a default.
    public init(
        description: String? = nil,
        required: Bool = false,
        deprecated: Bool = false,
        style: ParameterStyle? = nil,
        explode: Bool? = nil,
        schema: Schema? = nil,
        content: OrderedMap<MediaType> = OrderedMap(),
        example: JSONValue? = nil,
        examples: OrderedMap<Example> = OrderedMap(),
        referenceID: String? = nil,
        extensions: Extensions = Extensions(),
        location: SourceLocation
    ) {
        self.description = description
        self.required = required
        self.deprecated = deprecated
        self.style = style
        self.explode = explode
        self.schema = schema
        self.content = content
        self.example = example
        self.examples = examples
        self.referenceID = referenceID
        self.extensions = extensions
        self.location = location
    }
}

extension Header {
    /// Whether `name` can name an HTTP field: a token (RFC 9110, 5.1) of letters, digits and ``!#$%&'*+-.^_`|~``.
    static func isFieldName(_ name: String) -> Bool {
        !name.isEmpty
            && name.utf8.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"):
                    true
                default: Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
                }
            }
    }
}
