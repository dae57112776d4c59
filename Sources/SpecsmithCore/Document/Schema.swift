public import SpecsmithDiagnostics
public import SpecsmithYAML

/// A JSON Schema type name, as in `type: string` or `type: [string, "null"]`.
public enum SchemaType: String, Sendable, Hashable, CaseIterable {
    case null, boolean, object, array, number, string, integer
}

/// A reference from a schema to another schema: `$ref` kept as a reference so recursive types can
/// be represented. Look its target up with ``OpenAPIDocument/schema(for:)``.
public struct SchemaReference: Sendable, Hashable, CustomStringConvertible {
    /// The canonical id of the target: the target file's path (the root file as given to the loader,
    /// other files relative to it, normalised), `#`, and a JSON Pointer with `~0`/`~1` escapes and no
    /// percent-encoding, such as `api.yaml#/components/schemas/Pet`.
    public var id: String
    /// The `$ref` value as written, such as `#/components/schemas/Pet` or `common.yaml#/Pet`.
    public var written: String
    /// Where the `$ref` value is.
    public var location: SourceLocation

    /// Creates the value; every part but the required ones has a default.
    public init(id: String, written: String, location: SourceLocation) {
        self.id = id
        self.written = written
        self.location = location
    }

    /// The path of the file the target is in.
    public var file: String {
        String(id[..<(id.firstIndex(of: "#") ?? id.endIndex)])
    }

    /// The JSON Pointer of the target inside its file (`/components/schemas/Pet`), escapes as written.
    public var pointer: String {
        guard let hash = id.firstIndex(of: "#") else { return "" }
        return String(id[id.index(after: hash)...])
    }

    /// The target's last pointer token, unescaped: `Pet` for `#/components/schemas/Pet`. A good base
    /// for a type name. For a reference to a whole file (`pet.yaml`), the file's name without its
    /// extension (`pet`).
    public var name: String {
        if let last = JSONPointer.tokens(pointer).last { return last }
        let base = file.split(separator: "/").last.map(String.init) ?? file
        return base.firstIndex(of: ".").map { String(base[..<$0]) } ?? base
    }

    /// When the target is a component schema of its file (`#/components/schemas/Name`), its name.
    public var componentName: String? {
        let tokens = JSONPointer.tokens(pointer)
        return tokens.count == 3 && tokens[0] == "components" && tokens[1] == "schemas" ? tokens[2] : nil
    }

    /// `description`, with a `$ref` to a text file replaced by the file's text.
    public var description: String { id }
}

/// `additionalProperties`: a Boolean or a schema.
public indirect enum AdditionalProperties: Sendable, Hashable {
    case bool(Bool)
    case schema(Schema)
}

/// `discriminator` of a schema with `oneOf`/`anyOf`/`allOf`.
public struct Discriminator: Sendable, Hashable {
    /// `propertyName`, as in the specification.
    public var propertyName: String
    /// Values of the property to the schemas they select, in document order. Bare names in the
    /// document (`dog: Dog`) have become references to component schemas.
    public var mapping: OrderedMap<SchemaReference>
    /// The `x-` keys, in document order, with their values as written.
    public var extensions: Extensions
    /// Where the object starts in its file.
    public var location: SourceLocation

    /// Creates the value; every part but the required ones has a default.
    public init(
        propertyName: String,
        mapping: OrderedMap<SchemaReference> = OrderedMap(),
        extensions: Extensions = Extensions(),
        location: SourceLocation
    ) {
        self.propertyName = propertyName
        self.mapping = mapping
        self.extensions = extensions
        self.location = location
    }
}

/// Stores a value out of line so that a struct can contain itself (`items`, `not`).
@propertyWrapper
public struct Indirect<Value: Sendable & Hashable>: Sendable, Hashable {
    private final class Box: Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    private var box: Box

    /// Creates the value; every part but the required ones has a default.
    public init(wrappedValue: Value) {
        box = Box(wrappedValue)
    }

    /// The stored value.
    public var wrappedValue: Value {
        get { box.value }
        set { box = Box(newValue) }
    }

    /// Whether the two hold the same values.
    public static func == (lhs: Indirect, rhs: Indirect) -> Bool {
        lhs.box === rhs.box || lhs.box.value == rhs.box.value
    }

    /// Hashes the values.
    public func hash(into hasher: inout Hasher) { hasher.combine(box.value) }
}

/// A schema: JSON Schema 2020-12 as OpenAPI 3.1 uses it, and the 3.0 subset, in one shape.
///
/// 3.0 forms are normalised into the 3.1 ones:
/// - `nullable: true` adds ``SchemaType/null`` to ``types`` (and sets ``isNullable``);
/// - boolean `exclusiveMinimum: true` with `minimum: 0` becomes ``exclusiveMinimum`` 0 and no
///   ``minimum`` (the same for the maximum).
///
/// A `$ref` stays a reference (``ref``). In 3.1 the keywords next to `$ref` apply as well, so a
/// schema can have both a ``ref`` and, say, a ``description`` or ``maxLength``; in 3.0 they are
/// ignored (with a warning). A boolean schema `true` is an empty schema; `false` is `not: {}`.
public struct Schema: Sendable, Hashable {
    /// Where the schema starts.
    public var location: SourceLocation
    /// `$ref`, resolved to a canonical target.
    public var ref: SchemaReference?

    /// `type`; empty when the schema does not restrict the type. `nullable: true` (3.0) adds `.null`.
    public var types: [SchemaType] = []
    /// Whether `null` is allowed explicitly: `.null` is in ``types``, or 3.0 `nullable: true` was
    /// given (also on a schema without `type`, such as `allOf` with one reference).
    public var isNullable: Bool = false
    /// `format`, such as `int64`, `date-time` or `uuid`.
    public var format: String?
    /// `title`.
    public var title: String?
    /// `description`, with a `$ref` to a text file replaced by the file's text.
    public var description: String?

    /// `properties`, in document order.
    public var properties: OrderedMap<Schema> = OrderedMap()
    /// `required` property names, in document order.
    public var required: [String] = []
    /// `additionalProperties`, as in the specification.
    public var additionalProperties: AdditionalProperties?
    /// `minProperties`, as in the specification.
    public var minProperties: Int?
    /// `maxProperties`, as in the specification.
    public var maxProperties: Int?

    /// `items`: the schema of every array element (after ``prefixItems``).
    @Indirect public var items: Schema? = nil
    /// `prefixItems` (3.1): schemas of the first elements of a tuple.
    public var prefixItems: [Schema] = []
    /// `minItems`, as in the specification.
    public var minItems: Int?
    /// `maxItems`, as in the specification.
    public var maxItems: Int?
    /// `uniqueItems`, as in the specification.
    public var uniqueItems: Bool = false

    /// `allOf`, as in the specification.
    public var allOf: [Schema] = []
    /// `oneOf`, as in the specification.
    public var oneOf: [Schema] = []
    /// `anyOf`, as in the specification.
    public var anyOf: [Schema] = []
    /// `not`, as in the specification.
    @Indirect public var not: Schema? = nil
    public var discriminator: Discriminator?

    /// `enum`: the allowed values, or `nil` when not given.
    public var `enum`: [JSONValue]?
    /// `const`, as in the specification.
    public var const: JSONValue?
    /// `default`, as in the specification.
    public var `default`: JSONValue?
    /// `example` (3.0, deprecated in 3.1).
    public var example: JSONValue?
    /// `examples` (3.1): a list of values.
    public var examples: [JSONValue] = []

    /// `readOnly`, as in the specification.
    public var readOnly: Bool = false
    /// `writeOnly`, as in the specification.
    public var writeOnly: Bool = false
    /// `deprecated`; false when not given.
    public var deprecated: Bool = false

    /// `maxLength`, as in the specification.
    public var maxLength: Int?
    /// `minLength`, as in the specification.
    public var minLength: Int?
    /// `pattern`, as in the specification.
    public var pattern: String?
    /// `contentMediaType` (3.1), such as `image/png`.
    public var contentMediaType: String?
    /// `contentEncoding` (3.1), such as `base64`.
    public var contentEncoding: String?

    /// The inclusive lower bound.
    public var minimum: YAMLNumber?
    /// The inclusive upper bound.
    public var maximum: YAMLNumber?
    /// The exclusive lower bound (3.1 number; 3.0 `minimum` with `exclusiveMinimum: true`).
    public var exclusiveMinimum: YAMLNumber?
    /// The exclusive upper bound (3.1 number; 3.0 `maximum` with `exclusiveMaximum: true`).
    public var exclusiveMaximum: YAMLNumber?
    /// `multipleOf`, as in the specification.
    public var multipleOf: YAMLNumber?

    /// `externalDocs`.
    public var externalDocs: ExternalDocumentation?
    /// The `x-` keys, in document order, with their values as written.
    public var extensions: Extensions = Extensions()

    /// An empty schema (it allows any value) at a location; set the keywords after.
    public init(location: SourceLocation, ref: SchemaReference? = nil) {
        self.location = location
        self.ref = ref
    }

    /// Whether this is a `$ref` and nothing else.
    public var isPureReference: Bool {
        ref != nil && self == Schema(location: location, ref: ref)
    }

    /// Whether the schema says nothing at all (`{}` or `true`).
    public var isEmpty: Bool {
        self == Schema(location: location)
    }

    /// ``types`` without `.null`.
    public var nonNullTypes: [SchemaType] {
        types.filter { $0 != .null }
    }
}
