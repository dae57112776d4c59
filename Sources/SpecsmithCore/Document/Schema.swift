import Foundation
public import SpecsmithDiagnostics
public import SpecsmithYAML

/// A JSON Schema type name, as in `type: string` or `type: [string, "null"]`.
public enum SchemaType: String, Sendable, Hashable, CaseIterable {
    case null, boolean, object, array, number, string, integer

    /// The type whose name has these UTF-8 bytes, as `init(rawValue:)` but without a `String` of the
    /// name and without comparing it with every case's in turn: the first letter picks the only candidate.
    /// Its name is a `StaticString`, whose bytes are constant: comparing them with `memcmp` costs a few
    /// dozen instructions, where `elementsEqual` over the raw value's UTF-8 took about a hundred.
    init?(utf8 name: UnsafeBufferPointer<UInt8>) {
        let candidate: SchemaType
        let expected: StaticString
        switch name.first {
        case UInt8(ascii: "n"): (candidate, expected) = name.count == 4 ? (.null, "null") : (.number, "number")
        case UInt8(ascii: "b"): (candidate, expected) = (.boolean, "boolean")
        case UInt8(ascii: "o"): (candidate, expected) = (.object, "object")
        case UInt8(ascii: "a"): (candidate, expected) = (.array, "array")
        case UInt8(ascii: "s"): (candidate, expected) = (.string, "string")
        case UInt8(ascii: "i"): (candidate, expected) = (.integer, "integer")
        default: return nil
        }
        guard name.count == expected.utf8CodeUnitCount,
            memcmp(expected.utf8Start, name.baseAddress!, name.count) == 0
        else { return nil }
        self = candidate
    }

    /// A list of this type alone, made once and shared: most schemas have one type, and a list of
    /// their own would be an allocation each.
    var alone: [SchemaType] {
        switch self {
        case .null: Self.aloneNull
        case .boolean: Self.aloneBoolean
        case .object: Self.aloneObject
        case .array: Self.aloneArray
        case .number: Self.aloneNumber
        case .string: Self.aloneString
        case .integer: Self.aloneInteger
        }
    }

    private static let aloneNull: [SchemaType] = [.null]
    private static let aloneBoolean: [SchemaType] = [.boolean]
    private static let aloneObject: [SchemaType] = [.object]
    private static let aloneArray: [SchemaType] = [.array]
    private static let aloneNumber: [SchemaType] = [.number]
    private static let aloneString: [SchemaType] = [.string]
    private static let aloneInteger: [SchemaType] = [.integer]
}

/// A reference from a schema to another schema: `$ref` kept as a reference so recursive types can
/// be represented. Look its target up with ``OpenAPIDocument/schema(for:)``.
public struct SchemaReference: Sendable, Hashable, CustomStringConvertible {
    /// The canonical id of the target: the target file's path (the root file as given to the loader,
    /// other files relative to it, normalised), `#`, and a JSON Pointer with `~0`/`~1` escapes, such as
    /// `api.yaml#/components/schemas/Pet`. Only `%` and non-ASCII characters are percent-encoded
    /// (``JSONPointer/idPointer(_:)``), so that ids compare by code points, as keys do.
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

    /// The JSON Pointer of the target inside its file (`/components/schemas/Pet`), escapes as in ``id``.
    public var pointer: String {
        guard let hash = id.firstIndex(of: "#") else { return "" }
        return String(id[id.index(after: hash)...])
    }

    /// The target's last pointer token, unescaped: `Pet` for `#/components/schemas/Pet`. A good base
    /// for a type name. For a reference to a whole file (`pet.yaml`), the file's name without its
    /// extension (`pet`).
    public var name: String {
        if let last = JSONPointer.idTokens(pointer).last { return last }
        let base = file.split(separator: "/").last.map(String.init) ?? file
        return base.firstIndex(of: ".").map { String(base[..<$0]) } ?? base
    }

    /// When the target is a component schema of its file (`#/components/schemas/Name`), its name.
    public var componentName: String? {
        let tokens = JSONPointer.idTokens(pointer)
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
    /// `defaultMapping` (3.2): the schema of a value without the property, or whose value maps to no schema; a
    /// bare name has become a reference to a component schema, as in ``mapping``.
    public var defaultMapping: SchemaReference?
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
    /// The keywords, kept in one shared box: a schema is copied often (into maps, out of lookups, while
    /// translating), and copying the box is one reference count where copying forty fields was forty.
    /// Changing a copy first gives it a box of its own.
    private var storage: Storage

    private final class Storage: @unchecked Sendable {
        // Only changed while uniquely referenced (see `uniqueStorage()`), so sharing it is safe. The
        // fields are stored in the object itself (a schema is one allocation), and without run-time
        // exclusivity checks: each read or change of a class's stored property would cost one, and a
        // document reads keywords millions of times.
        @exclusivity(unchecked) var fields: Fields

        init(_ fields: Fields) {
            self.fields = fields
        }
    }

    private struct Fields: Sendable, Hashable {
        var location: SourceLocation
        var ref: SchemaReference?
        var types: [SchemaType] = []
        var isNullable: Bool = false
        var format: String?
        var title: String?
        var description: String?
        var properties: OrderedMap<Schema> = OrderedMap()
        var required: [String] = []
        var additionalProperties: AdditionalProperties?
        var additionalPropertiesAreUnevaluated: Bool = false
        var minProperties: Int?
        var maxProperties: Int?
        var propertyNames: Schema?
        var patternProperties: OrderedMap<Schema> = OrderedMap()
        var dependentRequired: OrderedMap<[String]> = OrderedMap()
        var items: Schema?
        var prefixItems: [Schema] = []
        var minItems: Int?
        var maxItems: Int?
        var uniqueItems: Bool = false
        var contains: Schema?
        var minContains: Int?
        var maxContains: Int?
        var allOf: [Schema] = []
        var oneOf: [Schema] = []
        var anyOf: [Schema] = []
        var not: Schema?
        var `if`: Schema?
        var then: Schema?
        var `else`: Schema?
        var dependentSchemas: OrderedMap<Schema> = OrderedMap()
        var discriminator: Discriminator?
        var `enum`: [JSONValue]?
        var const: JSONValue?
        var `default`: JSONValue?
        var example: JSONValue?
        var examples: [JSONValue] = []
        var readOnly: Bool = false
        var writeOnly: Bool = false
        var deprecated: Bool = false
        var maxLength: Int?
        var minLength: Int?
        var pattern: String?
        var patternLocation: SourceLocation?
        var contentMediaType: String?
        var contentEncoding: String?
        var minimum: YAMLNumber?
        var maximum: YAMLNumber?
        var exclusiveMinimum: YAMLNumber?
        var exclusiveMaximum: YAMLNumber?
        var multipleOf: YAMLNumber?
        var externalDocs: ExternalDocumentation?
        var extensions: Extensions = Extensions()
    }

    /// The box, copied first when another schema shares it. Setters use `_modify`, so that changing a
    /// keyword in place (`schema.properties[name] = ...`) does not copy its value first.
    private mutating func uniqueStorage() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
        return storage
    }

    /// Where the schema starts.
    public var location: SourceLocation {
        get { storage.fields.location }
        _modify { yield &uniqueStorage().fields.location }
    }

    /// `$ref`, resolved to a canonical target.
    public var ref: SchemaReference? {
        get { storage.fields.ref }
        _modify { yield &uniqueStorage().fields.ref }
    }

    /// `type`; empty when the schema does not restrict the type. `nullable: true` (3.0) adds `.null`.
    public var types: [SchemaType] {
        get { storage.fields.types }
        _modify { yield &uniqueStorage().fields.types }
    }

    /// Whether `null` is allowed explicitly: `.null` is in ``types``, or 3.0 `nullable: true` was
    /// given (also on a schema without `type`, such as `allOf` with one reference).
    public var isNullable: Bool {
        get { storage.fields.isNullable }
        _modify { yield &uniqueStorage().fields.isNullable }
    }

    /// `format`, such as `int64`, `date-time` or `uuid`.
    public var format: String? {
        get { storage.fields.format }
        _modify { yield &uniqueStorage().fields.format }
    }

    /// `title`.
    public var title: String? {
        get { storage.fields.title }
        _modify { yield &uniqueStorage().fields.title }
    }

    /// `description`, with a `$ref` to a text file replaced by the file's text.
    public var description: String? {
        get { storage.fields.description }
        _modify { yield &uniqueStorage().fields.description }
    }

    /// `properties`, in document order.
    public var properties: OrderedMap<Schema> {
        get { storage.fields.properties }
        _modify { yield &uniqueStorage().fields.properties }
    }

    /// `required` property names, in document order.
    public var required: [String] {
        get { storage.fields.required }
        _modify { yield &uniqueStorage().fields.required }
    }

    /// `additionalProperties`, as in the specification.
    public var additionalProperties: AdditionalProperties? {
        get { storage.fields.additionalProperties }
        _modify { yield &uniqueStorage().fields.additionalProperties }
    }

    /// Whether ``additionalProperties`` was read from `unevaluatedProperties` (3.1) beside an `allOf`: it
    /// then applies to what no part evaluates, and says nothing when a part's own `additionalProperties` or
    /// `patternProperties` evaluates the properties its `properties` do not declare.
    public var additionalPropertiesAreUnevaluated: Bool {
        get { storage.fields.additionalPropertiesAreUnevaluated }
        _modify { yield &uniqueStorage().fields.additionalPropertiesAreUnevaluated }
    }

    /// `minProperties`, as in the specification.
    public var minProperties: Int? {
        get { storage.fields.minProperties }
        _modify { yield &uniqueStorage().fields.minProperties }
    }

    /// `maxProperties`, as in the specification.
    public var maxProperties: Int? {
        get { storage.fields.maxProperties }
        _modify { yield &uniqueStorage().fields.maxProperties }
    }

    /// `items`: the schema of every array element (after ``prefixItems``).
    public var items: Schema? {
        get { storage.fields.items }
        _modify { yield &uniqueStorage().fields.items }
    }

    /// `prefixItems` (3.1): schemas of the first elements of a tuple.
    public var prefixItems: [Schema] {
        get { storage.fields.prefixItems }
        _modify { yield &uniqueStorage().fields.prefixItems }
    }

    /// `minItems`, as in the specification.
    public var minItems: Int? {
        get { storage.fields.minItems }
        _modify { yield &uniqueStorage().fields.minItems }
    }

    /// `maxItems`, as in the specification.
    public var maxItems: Int? {
        get { storage.fields.maxItems }
        _modify { yield &uniqueStorage().fields.maxItems }
    }

    /// `uniqueItems`, as in the specification.
    public var uniqueItems: Bool {
        get { storage.fields.uniqueItems }
        _modify { yield &uniqueStorage().fields.uniqueItems }
    }

    /// `allOf`, as in the specification.
    public var allOf: [Schema] {
        get { storage.fields.allOf }
        _modify { yield &uniqueStorage().fields.allOf }
    }

    /// `oneOf`, as in the specification.
    public var oneOf: [Schema] {
        get { storage.fields.oneOf }
        _modify { yield &uniqueStorage().fields.oneOf }
    }

    /// `anyOf`, as in the specification.
    public var anyOf: [Schema] {
        get { storage.fields.anyOf }
        _modify { yield &uniqueStorage().fields.anyOf }
    }

    /// `contains` (3.1): the schema that some items of an array meet, as many as ``minContains`` (1 when
    /// not given) and ``maxContains`` say; `minContains` and `maxContains` are read only beside it.
    public var contains: Schema? {
        get { storage.fields.contains }
        _modify { yield &uniqueStorage().fields.contains }
    }

    /// `minContains`, as in the specification.
    public var minContains: Int? {
        get { storage.fields.minContains }
        _modify { yield &uniqueStorage().fields.minContains }
    }

    /// `maxContains`, as in the specification.
    public var maxContains: Int? {
        get { storage.fields.maxContains }
        _modify { yield &uniqueStorage().fields.maxContains }
    }

    /// `patternProperties` (3.1): each pattern, and the schema of every property whose name it matches.
    public var patternProperties: OrderedMap<Schema> {
        get { storage.fields.patternProperties }
        _modify { yield &uniqueStorage().fields.patternProperties }
    }

    /// `propertyNames`: the schema every name of an object meets.
    public var propertyNames: Schema? {
        get { storage.fields.propertyNames }
        _modify { yield &uniqueStorage().fields.propertyNames }
    }

    /// `dependentRequired`: for a property's name, the names that must be present when it is.
    public var dependentRequired: OrderedMap<[String]> {
        get { storage.fields.dependentRequired }
        _modify { yield &uniqueStorage().fields.dependentRequired }
    }

    /// `not`, as in the specification.
    public var not: Schema? {
        get { storage.fields.not }
        _modify { yield &uniqueStorage().fields.not }
    }

    /// `if` (3.1): the subschema that decides whether ``then`` or ``else`` applies; read only beside one of them.
    public var `if`: Schema? {
        get { storage.fields.`if` }
        _modify { yield &uniqueStorage().fields.`if` }
    }

    /// `then` (3.1): what a value that meets ``if`` meets too; read only beside `if`.
    public var then: Schema? {
        get { storage.fields.then }
        _modify { yield &uniqueStorage().fields.then }
    }

    /// `else` (3.1): what a value that does not meet ``if`` meets instead; read only beside `if`.
    public var `else`: Schema? {
        get { storage.fields.`else` }
        _modify { yield &uniqueStorage().fields.`else` }
    }

    /// `dependentSchemas` (3.1): for a property's name, what an object that has it meets too. A subschema
    /// that only lists `required` names is in ``dependentRequired`` instead, and `true` is left out.
    public var dependentSchemas: OrderedMap<Schema> {
        get { storage.fields.dependentSchemas }
        _modify { yield &uniqueStorage().fields.dependentSchemas }
    }

    public var discriminator: Discriminator? {
        get { storage.fields.discriminator }
        _modify { yield &uniqueStorage().fields.discriminator }
    }

    /// `enum`: the allowed values, or `nil` when not given.
    public var `enum`: [JSONValue]? {
        get { storage.fields.`enum` }
        _modify { yield &uniqueStorage().fields.`enum` }
    }

    /// `const`, as in the specification.
    public var const: JSONValue? {
        get { storage.fields.const }
        _modify { yield &uniqueStorage().fields.const }
    }

    /// `default`, as in the specification.
    public var `default`: JSONValue? {
        get { storage.fields.`default` }
        _modify { yield &uniqueStorage().fields.`default` }
    }

    /// `example` (3.0, deprecated in 3.1).
    public var example: JSONValue? {
        get { storage.fields.example }
        _modify { yield &uniqueStorage().fields.example }
    }

    /// `examples` (3.1): a list of values.
    public var examples: [JSONValue] {
        get { storage.fields.examples }
        _modify { yield &uniqueStorage().fields.examples }
    }

    /// `readOnly`, as in the specification.
    public var readOnly: Bool {
        get { storage.fields.readOnly }
        _modify { yield &uniqueStorage().fields.readOnly }
    }

    /// `writeOnly`, as in the specification.
    public var writeOnly: Bool {
        get { storage.fields.writeOnly }
        _modify { yield &uniqueStorage().fields.writeOnly }
    }

    /// `deprecated`; false when not given.
    public var deprecated: Bool {
        get { storage.fields.deprecated }
        _modify { yield &uniqueStorage().fields.deprecated }
    }

    /// `maxLength`, as in the specification.
    public var maxLength: Int? {
        get { storage.fields.maxLength }
        _modify { yield &uniqueStorage().fields.maxLength }
    }

    /// `minLength`, as in the specification.
    public var minLength: Int? {
        get { storage.fields.minLength }
        _modify { yield &uniqueStorage().fields.minLength }
    }

    /// `pattern`, as in the specification.
    public var pattern: String? {
        get { storage.fields.pattern }
        _modify { yield &uniqueStorage().fields.pattern }
    }

    /// Where the `pattern` value is written, for a diagnostic about it.
    public var patternLocation: SourceLocation? {
        get { storage.fields.patternLocation }
        _modify { yield &uniqueStorage().fields.patternLocation }
    }

    /// `contentMediaType` (3.1), such as `image/png`.
    public var contentMediaType: String? {
        get { storage.fields.contentMediaType }
        _modify { yield &uniqueStorage().fields.contentMediaType }
    }

    /// `contentEncoding` (3.1), such as `base64`.
    public var contentEncoding: String? {
        get { storage.fields.contentEncoding }
        _modify { yield &uniqueStorage().fields.contentEncoding }
    }

    /// The inclusive lower bound.
    public var minimum: YAMLNumber? {
        get { storage.fields.minimum }
        _modify { yield &uniqueStorage().fields.minimum }
    }

    /// The inclusive upper bound.
    public var maximum: YAMLNumber? {
        get { storage.fields.maximum }
        _modify { yield &uniqueStorage().fields.maximum }
    }

    /// The exclusive lower bound (3.1 number; 3.0 `minimum` with `exclusiveMinimum: true`).
    public var exclusiveMinimum: YAMLNumber? {
        get { storage.fields.exclusiveMinimum }
        _modify { yield &uniqueStorage().fields.exclusiveMinimum }
    }

    /// The exclusive upper bound (3.1 number; 3.0 `maximum` with `exclusiveMaximum: true`).
    public var exclusiveMaximum: YAMLNumber? {
        get { storage.fields.exclusiveMaximum }
        _modify { yield &uniqueStorage().fields.exclusiveMaximum }
    }

    /// `multipleOf`, as in the specification.
    public var multipleOf: YAMLNumber? {
        get { storage.fields.multipleOf }
        _modify { yield &uniqueStorage().fields.multipleOf }
    }

    /// `externalDocs`.
    public var externalDocs: ExternalDocumentation? {
        get { storage.fields.externalDocs }
        _modify { yield &uniqueStorage().fields.externalDocs }
    }

    /// The `x-` keys, in document order, with their values as written.
    public var extensions: Extensions {
        get { storage.fields.extensions }
        _modify { yield &uniqueStorage().fields.extensions }
    }

    /// An empty schema (it allows any value) at a location; set the keywords after.
    public init(location: SourceLocation, ref: SchemaReference? = nil) {
        storage = Storage(Fields(location: location, ref: ref))
    }

    /// Whether this is a `$ref` and nothing else.
    public var isPureReference: Bool {
        ref != nil && storage.fields == Fields(location: location, ref: ref)
    }

    /// Whether the schema says nothing at all (`{}` or `true`).
    public var isEmpty: Bool {
        storage.fields == Fields(location: location)
    }

    public static func == (lhs: Schema, rhs: Schema) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage.fields)
    }

    /// ``types`` without `.null`.
    /// Whether exactly one of `oneOf` and `anyOf` is given, read where they are stored (no copy of
    /// either list): the first question about a union, asked of every schema.
    var hasOneOfOrAnyOfAlone: Bool {
        storage.fields.oneOf.isEmpty != storage.fields.anyOf.isEmpty
    }

    public var nonNullTypes: [SchemaType] {
        // Nearly always there is no `null` to leave out: then the stored list, without a copy.
        types.contains(.null) ? types.filter { $0 != .null } : types
    }
}
