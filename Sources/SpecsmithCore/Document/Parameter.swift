public import SpecsmithDiagnostics

/// Where a parameter goes: the `in` of a Parameter object.
public enum ParameterLocation: String, Sendable, Hashable, CaseIterable {
    case path, query, header, cookie
    /// The whole query string as one value, written as its `content` says (3.2).
    case querystring
}

/// How a parameter's value is serialised: the `style` of a Parameter, Header or Encoding object.
public enum ParameterStyle: String, Sendable, Hashable, CaseIterable {
    case matrix, label, form, simple, spaceDelimited, pipeDelimited, deepObject
    /// Cookie parameters as RFC 6265 writes them (3.2): `name=value` pairs joined by `; `, not percent-encoded.
    case cookie
}

/// A parameter of an operation or path item, with any `$ref` replaced by its target.
public struct Parameter: Sendable, Hashable {
    /// `name`.
    public var name: String
    /// `in`: path, query, header or cookie.
    public var `in`: ParameterLocation
    /// `description`, with a `$ref` to a text file replaced by the file's text.
    public var description: String?
    /// `required`; always true for a path parameter.
    public var required: Bool
    /// `deprecated`; false when not given.
    public var deprecated: Bool
    /// `allowEmptyValue`, as in the specification.
    public var allowEmptyValue: Bool
    /// `style` as written, or `nil`; see ``effectiveStyle``.
    public var style: ParameterStyle?
    /// `explode` as written, or `nil`; see ``effectiveExplode``.
    public var explode: Bool?
    /// `allowReserved`; false when not given.
    public var allowReserved: Bool
    /// `schema`, or `nil` when the parameter uses `content`.
    public var schema: Schema?
    /// `content` (one media type), or empty when the parameter uses `schema`.
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
        name: String,
        in: ParameterLocation,
        description: String? = nil,
        required: Bool = false,
        deprecated: Bool = false,
        allowEmptyValue: Bool = false,
        style: ParameterStyle? = nil,
        explode: Bool? = nil,
        allowReserved: Bool = false,
        schema: Schema? = nil,
        content: OrderedMap<MediaType> = OrderedMap(),
        example: JSONValue? = nil,
        examples: OrderedMap<Example> = OrderedMap(),
        referenceID: String? = nil,
        extensions: Extensions = Extensions(),
        location: SourceLocation
    ) {
        self.name = name
        self.in = `in`
        self.description = description
        self.required = required
        self.deprecated = deprecated
        self.allowEmptyValue = allowEmptyValue
        self.style = style
        self.explode = explode
        self.allowReserved = allowReserved
        self.schema = schema
        self.content = content
        self.example = example
        self.examples = examples
        self.referenceID = referenceID
        self.extensions = extensions
        self.location = location
    }

    /// The style that applies: the one written, else the default for its location (``defaultStyle(in:)``).
    public var effectiveStyle: ParameterStyle {
        style ?? Self.defaultStyle(in: self.in)
    }

    /// The style of a parameter that names none: `form` for query and cookie parameters and `simple` for path
    /// and header parameters. A querystring parameter has none: its content says how it is written.
    static func defaultStyle(in location: ParameterLocation) -> ParameterStyle {
        switch location {
        case .query, .cookie, .querystring: .form
        case .path, .header: .simple
        }
    }

    /// The `explode` that applies: the one written, else true for `form` and `cookie` style and false otherwise.
    public var effectiveExplode: Bool {
        explode ?? (effectiveStyle == .form || effectiveStyle == .cookie)
    }
}
