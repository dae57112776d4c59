import SpecsmithDiagnostics
import SpecsmithYAML

/// A plain, typed description of the code to write for one document: every name, type, doc-comment
/// line and order is decided here, so templates only lay text out.
struct GenerationModel: Sendable, Hashable {
    /// The spec's path as the job names it; it goes into every file's header.
    var spec: String
    /// The API's title (`info.title`).
    var title: String
    var module: String
    var access: AccessLevel
    /// Named types in document order: component schemas first, then types named after operations.
    var types: [TypeDeclaration]
    var servers: [ServerDeclaration]
    /// Where requests go unless their operation or path names servers of its own: the first of the
    /// document's servers (`.live`); `nil` when the document names none, since OpenAPI's default `/` is
    /// relative (a path's servers are not the other paths').
    var defaultServer: String?
    var operations: [OperationDeclaration]
    /// The type each top-level type alias stands for (`Position` → `[Double]`), for checks that must
    /// see through it.
    var aliases: [String: String] = [:]
}

/// A Swift type the generated code declares.
indirect enum TypeDeclaration: Sendable, Hashable {
    case structure(StructDeclaration)
    case enumeration(EnumDeclaration)
    /// A named schema that is a plain Swift type (`typealias PetID = String`).
    case alias(AliasDeclaration)
    /// `oneOf`/`anyOf`: an enum with a case per schema, holding its value.
    case union(UnionDeclaration)

    var name: String {
        switch self {
        case .structure(let s): s.name
        case .enumeration(let e): e.name
        case .alias(let a): a.name
        case .union(let u): u.name
        }
    }
}

/// A `struct` for an object schema.
struct StructDeclaration: Sendable, Hashable {
    var name: String
    var doc: [String]
    var deprecated: Bool
    var properties: [PropertyDeclaration]
    /// Types declared inside this one (inline object schemas and enums of its properties).
    var nested: [TypeDeclaration]
    /// What the struct keeps of the properties its schema does not declare, when it says
    /// (`additionalProperties` beside `properties`).
    var extras: ExtraProperties? = nil
    /// `not` on the object: for each, what the object must not meet.
    var negations: [ObjectSubschema] = []
    /// `if`, `then` and `else` on the object, and its `dependentSchemas` (`then` when the property is present).
    var conditionals: [ObjectConditional] = []
    /// `dependentRequired` on the object, for properties that may be absent.
    var dependentRequired: [DependentRequirement] = []
    /// `oneOf` and `anyOf` on the object whose subschemas only check properties it declares.
    var choices: [ObjectChoice] = []
    /// `patternProperties` beside `properties`, on the declared properties whose names a pattern matches (the
    /// undeclared ones are ``ExtraProperties/patternRule``'s).
    var patternChecks: [ObjectPatternCheck] = []

    /// Whether any property holds a secret, so the type needs a redacting mirror.
    var hasSecrets: Bool { properties.contains(where: \.isSecret) }

    /// Whether the object has checks of its own besides its properties'.
    var hasObjectChecks: Bool {
        !negations.isEmpty || !conditionals.isEmpty || !dependentRequired.isEmpty || extras?.kind == .forbidden
            || extras?.rules.isEmpty == false || extras?.patternRule != nil || !choices.isEmpty
            || !patternChecks.isEmpty
    }
}

/// What a subschema applied to a generated struct (`not`, `if`, `then`, `else`, a `dependentSchemas`
/// subschema, or one of `oneOf` or `anyOf`) says of it, as checks of the properties it names.
struct ObjectSubschema: Sendable, Hashable {
    /// A property the subschema names, and what it says of it.
    struct Check: Sendable, Hashable {
        var wireName: String
        /// The Swift name the constants of its rules start with (`postalCode` for `postalCodeThenPattern`).
        var name: String
        /// How the struct reads it (`name`, `additionalProperties["name"]`).
        var reader: String
        /// The Swift type of the value as the struct declares it, which decides how the rules are written.
        var type: String
        /// The rules of the property's subschema in `properties`, for the value's type.
        var rules: [ValidationRule] = []
        /// Whether `required` lists it and the struct may lack it.
        var mustBePresent = false
    }

    /// In the order the subschema names them (`properties`, then `required`).
    var checks: [Check] = []
    /// Its own `not`, what the object must not meet besides: only in a subschema of `oneOf` or `anyOf`.
    var negations: [ObjectSubschema] = []
    /// Whether no object meets it: the schema `false`, or a `type` that is not `object`.
    var matchesNothing = false

    /// Whether it only says that properties are present: `if: {required: [country]}`, a `dependentSchemas`
    /// trigger.
    var isPresenceOnly: Bool {
        !matchesNothing && !checks.isEmpty && negations.isEmpty
            && checks.allSatisfy { $0.rules.isEmpty && $0.mustBePresent }
    }
}

/// A pattern of `patternProperties` beside `properties`, and what its schema says of the declared properties
/// whose names it matches (decided when generating, as the names are known).
struct ObjectPatternCheck: Sendable, Hashable {
    var pattern: String
    var subschema: ObjectSubschema
}

/// `oneOf` or `anyOf` on a generated struct whose subschemas only check properties it declares (`oneOf:
/// [{required: [email]}, {required: [phone]}]`): the object meets exactly one of them, or at least one.
struct ObjectChoice: Sendable, Hashable {
    /// `oneOf`: exactly one subschema holds; else `anyOf`: at least one does.
    var isExclusive: Bool
    /// In the spec's order, each as checks of the properties it names.
    var subschemas: [ObjectSubschema]
}

/// `if`, `then` and `else` on a generated struct: when the object meets ``condition`` it is checked against
/// ``then``, else against ``otherwise``. A `dependentSchemas` subschema is one whose condition is that its
/// property is present.
struct ObjectConditional: Sendable, Hashable {
    /// `nil` when every object meets it: ``then`` always applies.
    var condition: ObjectSubschema?
    var then: ObjectSubschema?
    var otherwise: ObjectSubschema?
}

/// `dependentRequired` of an object: when `trigger` is present, so is each of `dependents`.
struct DependentRequirement: Sendable, Hashable {
    /// A property that may be absent: its wire name, and how the struct reads it (`name`,
    /// `additionalProperties["name"]`), as an optional.
    struct Member: Sendable, Hashable {
        var wireName: String
        var reader: String
    }

    /// `nil` when the property is always present (a required one).
    var trigger: Member?
    var triggerName: String
    var dependents: [Member]
}

/// The properties of an object that its schema does not declare, as a struct keeps them.
struct ExtraProperties: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// `additionalProperties` with a schema (or `true`): a dictionary of them, each value of this
        /// Swift type, decoded from the undeclared keys and encoded back.
        case kept(valueType: String)
        /// `additionalProperties: false`: the undeclared names a value arrived with, which `validate()` reports.
        case forbidden
    }

    var kind: Kind
    /// The Swift property: `additionalProperties` or `undeclaredKeys`, numbered if a declared property
    /// has the name.
    var name: String
    /// The qualified name of the generated struct each value is, if any.
    var valueStruct: String?
    /// Whether each value is a generated type with checks of its own.
    var validatesNested = false
    /// Constraints on each value, when the values are strings or numbers.
    var rules: [ValidationRule] = []
    /// `patternProperties` beside `properties`: the kept values checked by their names
    /// (``ValidationRule/patternProperties(patterns:rules:rest:closed:)``), `additionalProperties` included.
    var patternRule: ValidationRule?
}

/// A stored property of a generated struct.
struct PropertyDeclaration: Sendable, Hashable {
    /// The Swift name, escaped when it is a keyword (`` `default` ``).
    var name: String
    /// The name on the wire, exactly as the spec writes it.
    var wireName: String
    /// The Swift type without the optional mark, such as `String`, `[Pet]`, `Pet.Kind`.
    var type: String
    /// The type the rules see: ``type``, or for an alias the type it stands for (`Int` for `Priority`).
    var ruleType: String
    var isOptional: Bool
    /// Required and nullable: always on the wire, `null` when `nil` (absent and null differ here).
    var isExplicitNull: Bool
    /// `readOnly`: set by decoding only; not an initializer argument, so request bodies leave it out.
    var isReadOnly: Bool
    /// The schema's `default`, as the initializer argument's default (`"EUR"`, `.active`), if it has one.
    var defaultValue: String?
    var doc: [String]
    var deprecated: Bool
    var isSecret: Bool
    /// The schema's constraints on this property's value, in the order they are checked.
    var rules: [ValidationRule]
    /// Constraints on each element, when the value is an array of strings or numbers.
    var elementRules: [ValidationRule] = []
    /// Constraints on each value, when the value is a dictionary of strings or numbers.
    var valueRules: [ValidationRule] = []
    /// Whether the value (or each element of it) is a generated type with checks of its own.
    var validatesNested: Bool
    /// The qualified name of the generated struct the value (or each element) is, if any; used to
    /// decide ``validatesNested`` once every type is known.
    var valueStruct: String?
    /// Whether the value is stored out of line (`Indirect`), because the struct would otherwise
    /// contain itself (a recursive schema).
    var isIndirect = false

    /// Whether the stored property has another name (`_parent`) than the public one: a recursive value,
    /// or a deprecated one (reading a deprecated property warns, so generated code reads the storage).
    var isStoredAside: Bool { isIndirect || deprecated }

    /// How generated code in other files reads the value without a warning: a deprecated one from its
    /// storage (`_parent?.value` when out of line).
    var reader: String {
        guard deprecated else { return name }
        let storage = "_" + SwiftNames.unescaped(name)
        return isIndirect ? storage + (isOptional ? "?.value" : ".value") : storage
    }
}

/// An enum for `oneOf`/`anyOf`. With a discriminator, decoding picks the case by the property's
/// value; without one it tries each case in order and takes the first that decodes and passes its
/// checks, or failing that the first that decodes.
struct UnionDeclaration: Sendable, Hashable {
    struct Case: Sendable, Hashable {
        /// The Swift case name (`dog`, `string`).
        var name: String
        /// The Swift type of the case's value.
        var type: String
        /// Discriminator values that select this case (empty without a discriminator).
        var values: [String]
        /// Whether the value is a generated struct with checks of its own.
        var validates: Bool
        var valueStruct: String?
        /// Whether the case is `indirect`, because the enum would otherwise contain itself.
        var isIndirect = false
        /// The constraints of the case's schema on its value (`maxLength` of a string case), checked when
        /// the union holds this case.
        var rules: [ValidationRule] = []
        /// The type the rules see: ``type``, or for an alias the type it stands for.
        var ruleType: String = ""
        /// The discriminator value written beside the value when it is encoded, for a case whose struct
        /// does not declare the discriminator property (and so does not keep it): the first value that
        /// selects the case, so that what is encoded decodes as this case again.
        var tag: String?
    }

    var name: String
    var doc: [String]
    var cases: [Case]
    /// The discriminator's property name, if any.
    var discriminator: String?
    /// Whether a case holds the union again, directly or through other types (`Tree = [Tree] | Int`):
    /// decoding then takes the first case that decodes, so that a deep value is decoded once per level.
    var isRecursive = false
    /// Types declared inside this one (inline schemas of its cases).
    var nested: [TypeDeclaration]
    /// The name of the case that a value decodes as when it lacks the discriminator property or its value
    /// selects no other case: the parent's own struct in the union of the schemas that extend it with `allOf`
    /// (`pet(PetBase)`). Without it, such a value is matched against each case, or is an error.
    var fallback: String? = nil
}

struct AliasDeclaration: Sendable, Hashable {
    var name: String
    var doc: [String]
    var type: String
    /// Where the schema is, for diagnostics.
    var location: SourceLocation
}

/// A string enum (or integer enum) for a schema with `enum`.
struct EnumDeclaration: Sendable, Hashable {
    var name: String
    var doc: [String]
    var cases: [EnumCase]
    /// The Swift type of the raw values: `String` or `Int`.
    var rawType: String
}

struct EnumCase: Sendable, Hashable {
    /// The Swift case name, escaped when it is a keyword.
    var name: String
    /// The raw value as a Swift literal (`"Active"`, `3`).
    var literal: String
}

/// One constraint of a schema, checked by the runtime's validator.
enum ValidationRule: Sendable, Hashable {
    /// `type` of a value of several JSON types, or of `null` alone (a JSONValue): one of these.
    case type([SchemaType])
    case maxLength(Int)
    case minLength(Int)
    case pattern(String)
    case minimum(YAMLNumber)
    case maximum(YAMLNumber)
    case exclusiveMinimum(YAMLNumber)
    case exclusiveMaximum(YAMLNumber)
    case multipleOf(YAMLNumber)
    /// `enum` on a string, for a generated open enum: the value must not be `unknown`.
    case listed
    /// `enum` on any other type: one of these values.
    case enumeration([JSONValue])
    case const(JSONValue)
    /// `enum` written beside a generated open enum's own values (`{$ref: Status, enum: [active, paused]}`):
    /// its raw value is one of these.
    case rawEnumeration([String])
    /// `const` beside a generated open enum's own values: its raw value is this one.
    case rawConst(String)
    /// An asserted `format` of a string: `date`, `time`, `date-time`, `uuid`, `email` or `uri`.
    case format(String)
    case minItems(Int)
    case maxItems(Int)
    case uniqueItems
    case minProperties(Int)
    case maxProperties(Int)
    /// `required` of an object without properties (a dictionary or a JSONValue): a key it holds. A
    /// struct's required properties are its non-optional ones instead.
    case required(String)
    /// `dependentRequired` of an object without properties: the first key is there when the second is.
    case dependentRequired(String, by: String)
    /// `not`: the value must not meet every one of these rules (the `not` subschema's, for the value's
    /// type); with none, no value is allowed.
    indirect case not([ValidationRule])
    /// Rules that each item of an array, or each value of a dictionary, meets: for members that are
    /// arrays or dictionaries themselves (GeoJSON's positions, each of at least two numbers), whose
    /// constraints no check of the whole array reaches.
    indirect case members([ValidationRule])
    /// `prefixItems` of a tuple: the rules of each item at its position, and `rest`, those of `items`, for
    /// every item after them (`items: false` is `[.not([])]`: there are none).
    indirect case prefixItems([[ValidationRule]], rest: [ValidationRule])
    /// `contains` of an array: from `min` to `max` items (`minContains`, 1 when not given, and
    /// `maxContains`) meet every one of these rules (the `contains` subschema's, for the items' type).
    indirect case contains([ValidationRule], min: Int, max: Int?)
    /// `patternProperties` of a dictionary or a JSONValue: the rules of the values whose names match each
    /// pattern, and `rest`, those of `additionalProperties`, for the values whose names match none; when
    /// `closed` (`additionalProperties: false`) there must be none.
    indirect case patternProperties(patterns: [String], rules: [[ValidationRule]], rest: [ValidationRule], closed: Bool)
    /// `propertyNames` of a dictionary or a JSONValue: rules that each name meets (a string's, and its
    /// `enum` or `const` as values).
    indirect case propertyNames([ValidationRule])
    /// A property of a dictionary or a JSONValue that no generated struct declares (`properties` inside a
    /// subschema such as `not` or `if`): its value, when the object has it, meets these rules.
    indirect case property(String, [ValidationRule])
    /// `if`, `then` and `else`: when the value meets every rule of `if` (checked on a context of its own,
    /// never reported), it is checked against `then`, else against `else`. `if` has at least one rule.
    /// A `dependentSchemas` subschema of a dictionary or a JSONValue is one whose `if` requires its name.
    indirect case conditional(if: [ValidationRule], then: [ValidationRule], else: [ValidationRule])
}

/// A server the API is served from.
struct ServerDeclaration: Sendable, Hashable {
    var name: String
    /// The URL, or with variables the template (`https://{region}.example.com/{version}`).
    var url: String
    var doc: [String]
    /// The URL template's variables, in document order: the case's associated values.
    var variables: [ServerVariableDeclaration] = []

    /// The server as a value, such as `.production` or, with variables, `.production()`; `nil` when a
    /// variable has no default.
    var defaultValue: String? {
        if variables.isEmpty { return "." + SwiftNames.unescaped(name) }
        return variables.allSatisfy { $0.defaultValue != nil } ? "." + SwiftNames.unescaped(name) + "()" : nil
    }
}

/// A variable of a server's URL template.
struct ServerVariableDeclaration: Sendable, Hashable {
    /// The Swift argument name (`region`).
    var name: String
    /// The name in the template (`{region}`).
    var wireName: String
    /// `String`, or the enum of the values the spec lists (`ProductionRegion`).
    var type: String
    /// The default as a Swift expression (`"v1"`, `.us`); `nil` when the spec's default is not a listed value.
    var defaultValue: String?
    var doc: [String]
    /// The enum of the listed values, if the spec lists them.
    var enumeration: EnumDeclaration?
    /// Whether a value is put into the URL as written rather than percent-encoded: when the spec's own
    /// default or listed values hold characters that encoding would change, the variable stands for a
    /// piece of URL (`{baseUrl}` defaulting to `https://api.example.com`, `{host}` to `localhost:8080`).
    var isWrittenAsIs = false
}

/// One operation: a request builder.
struct OperationDeclaration: Sendable, Hashable {
    /// The Swift function name (`oAuthToken`).
    var name: String
    /// The HTTP method in capitals (`POST`).
    var method: String
    /// The path template as the spec writes it (`/pets/{petId}`).
    var path: String
    var doc: [String]
    var deprecated: Bool
    var parameters: [ParameterDeclaration]
    var body: BodyDeclaration?
    /// When the request carries `Authorization: Bearer <token>`: the security scheme's description
    /// (possibly empty) for the argument's documentation; `nil` when it carries none.
    var bearerAuth: [String]?
    /// Whether the bearer token is one way among others (an API key, basic credentials, or none at all):
    /// then it is optional in the request builder too, and a request without it is sent as it is.
    var bearerIsOptional = false
    /// The API keys the operation's security names, each an optional argument.
    var apiKeys: [APIKeyDeclaration] = []
    /// When the operation's security names HTTP basic authentication: the scheme's description
    /// (possibly empty), for the optional `basicCredentials` argument's documentation.
    var basicAuth: [String]?
    /// Where requests go unless told otherwise, when the operation or its path names servers of its own
    /// (`.upload`); `nil` for the document's first server.
    var server: String?
    /// The media types for `Accept`, in order; empty when no successful response has a body. A successful
    /// JSON response asks for every JSON media type the documented responses are read from
    /// (`application/vnd.api+json`, `application/problem+json`); another asks for its own.
    var accept: [String]
    /// The Swift type of the first successful response body, if any.
    var responseType: String?
    /// Every documented response, in document order (`default` last).
    var responses: [ResponseDeclaration]
}

/// One documented response of an operation.
struct ResponseDeclaration: Sendable, Hashable {
    enum Status: Sendable, Hashable {
        /// One status code, such as 200.
        case code(Int)
        /// A range such as `4XX`: the first digit.
        case range(Int)
        /// `default`: any status not listed.
        case `default`
    }

    /// How a body is read, in order of preference when a response offers several media types.
    enum Body: Int, Sendable, Hashable {
        /// Decoded as ``ResponseDeclaration/type``.
        case json
        /// A sequential JSON media type with an `itemSchema` (3.2): JSON Lines, NDJSON or JSON text sequences,
        /// each value decoded as an item of ``ResponseDeclaration/type``, an array.
        case jsonSequence
        /// UTF-8 text, a `String`.
        case text
        /// The bytes as they are, `Data`.
        case binary
    }

    /// One of the media types of a response that the spec documents in several, read when the response's
    /// `Content-Type` selects it.
    struct Alternative: Sendable, Hashable {
        /// The media type as the spec writes it (`application/json`, `text/*`).
        var mediaType: String
        /// The case of the body's enum, after the media type (`json`, `plain`, `problemJson`).
        var name: String
        var body: Body
        /// The Swift type: the JSON type (`JSONValue` without a schema), `String` or `Data`.
        var type: String
    }

    var status: Status
    /// A Swift name for the outcome: `ok`, `created`, `notFound`, `status418`, `clientError`, `other`.
    var name: String
    var doc: [String]
    /// The media type of the body (`application/json`, `application/problem+json`, `text/csv`); of a
    /// response in several media types, the one read without `Content-Type`.
    var contentType: String?
    /// How the body is read; `nil` when the response has no body.
    var body: Body?
    /// The Swift type of the body: the JSON type, `String` or `Data`; `nil` when the response has no body.
    var type: String?
    /// Each media type of a response that the spec documents in several, the one read without
    /// `Content-Type` first (JSON, then text, then bytes, each in document order); empty for one or none.
    var alternatives: [Alternative] = []
    /// The headers the response documents, in document order; empty when it documents none.
    var headers: [ResponseHeaderDeclaration] = []
}

/// A header a response documents: a property of the struct of its outcome case's headers.
struct ResponseHeaderDeclaration: Sendable, Hashable {
    /// The property's Swift name (`xRateLimit` for `X-Rate-Limit`).
    var name: String
    /// The header's name as the spec writes it.
    var wireName: String
    /// The Swift type, never optional: a string, number or Boolean, a `Date`, a string enum, an array of
    /// those, an object of such properties, the type of its JSON content, or `String` for a header the client reads
    /// as its text (`text/plain` content, an object of other values).
    var type: String
    var isRequired: Bool
    var deprecated: Bool
    /// Whether the value is a secret, which the struct never prints.
    var isSecret: Bool
    /// `content` of `application/json` or `…+json` instead of a schema: the value is decoded from its JSON text.
    var isJSON = false
    /// JSON content whose schema allows null: the property is optional, also for a required header, and a literal
    /// `null` is `nil`.
    var isNullable = false
    /// An object read in the `simple` style: whether its properties are written `R=100,G=200` (exploded)
    /// rather than `R,100,G,200`; `nil` for a value of any other type.
    var objectExplode: Bool?
    /// The doc comment's lines: the description, the wire name and, for a header read as its text, why.
    var doc: [String]
}

struct ParameterDeclaration: Sendable, Hashable {
    enum Location: String, Sendable, Hashable {
        case path, query, header, cookie, querystring
    }

    /// The argument label callers write.
    var label: String
    /// The argument's name inside the code: the label, unless that would shadow a name the code binds.
    var name: String
    /// The name on the wire.
    var wireName: String
    var location: Location
    var type: String
    /// The type the rules see (for an alias, the type it stands for).
    var ruleType: String
    /// Whether the value is one value, an array or an object, which decides how it is written.
    var shape: ValueShape
    /// OpenAPI's `style` (given or the default for the location).
    var style: String
    var isOptional: Bool
    var doc: [String]
    var rules: [ValidationRule]
    /// Constraints on each element, when the value is an array of strings or numbers.
    var elementRules: [ValidationRule] = []
    /// The rules each value of a dictionary parameter must meet.
    var valueRules: [ValidationRule] = []
    /// `form` with `explode: true` (the default for query): one `name=value` pair per array element.
    var explode: Bool
    /// `content: application/json` instead of `schema`: the value is sent as its JSON text.
    var isJSON = false
    /// A querystring parameter (3.2) whose content is `application/x-www-form-urlencoded`: the value's properties
    /// are the query's pairs, written as ``encodings`` say.
    var isForm = false
    /// How the properties of a form querystring parameter are written, as a form body's are.
    var encodings: [PropertyEncoding] = []
    /// OpenAPI's `allowReserved` on a query parameter with a schema: the value keeps reserved characters.
    var allowReserved = false
    /// Whether the value is a generated type with checks of its own.
    var validatesNested = false
    /// The multipart body property whose parts carry this header (an Encoding Object's `headers`), or `nil` for
    /// a parameter of the request.
    var part: String?

    /// Where a violation of the value's rules is reported, as Swift text: the wire name (`"X-Rate-Limit"`), or for
    /// a part's header the property and the header (`.part("names", header: "x-name-locale")`).
    var validationKey: String {
        guard let part else { return SwiftLiteral.string(wireName) }
        return String(
            concatenating: ".part(", SwiftLiteral.string(part), ", header: ", SwiftLiteral.string(wireName), ")")
    }

    /// What the argument is, for a parameter without a description: `The `id` path parameter.`, or for a
    /// querystring parameter `The query string, `filter`.`
    var defaultDoc: String {
        if location == .querystring { return String(concatenating: "The query string, `", wireName, "`.") }
        return String(concatenating: "The `", wireName, "` ", location.rawValue, " parameter.")
    }

    /// How the argument is declared: `name: Type`, or `label name: Type` when the two differ, with
    /// `= nil` when it may be left out.
    var argument: String {
        let declared = label == name ? name : String(concatenating: label, " ", name)
        return String(concatenating: declared, ": ", type, isOptional ? "? = nil" : "")
    }
}

/// An API key (a security scheme of type `apiKey`): an argument whose value goes in a header, a query
/// item or a cookie.
struct APIKeyDeclaration: Sendable, Hashable {
    /// The argument: the scheme's name in lower camel case (`apiKey` for `api_key`).
    var name: String
    var location: ParameterDeclaration.Location
    /// The header, query item or cookie name (`X-API-Key`).
    var wireName: String
    /// The scheme's description, for the argument's documentation.
    var doc: [String]

    /// How the argument is declared, in a request builder and a client method alike.
    var argument: String { String(concatenating: name, ": String? = nil") }

    /// The argument's line in a `- Parameters:` list.
    var documentation: String { String(concatenating: "  - ", SwiftNames.unescaped(name), ": ", argumentDoc) }

    /// The argument's documentation: the scheme's description, or where the key goes.
    private var argumentDoc: String {
        doc.first
            ?? String(
                concatenating: "The API key, sent as the `", wireName, "` ", location.rawValue,
                "; `nil` leaves it to a middleware.")
    }
}

/// How a parameter's value is shaped, as far as writing it on the wire cares.
enum ValueShape: String, Sendable, Hashable, CustomStringConvertible {
    case value, array, object

    var description: String { rawValue }
}

struct BodyDeclaration: Sendable, Hashable {
    /// How the body goes on the wire, in order of preference when a spec offers several.
    enum Encoding: Int, Sendable, Hashable {
        case json, form, multipart, text, binary
    }

    var type: String
    var isOptional: Bool
    /// The media type as the spec writes it; for JSON, as it goes in `Content-Type`
    /// (see ``Translator/jsonWireMediaType(_:)``).
    var contentType: String
    var encoding: Encoding
    var doc: [String]
    /// Whether the value is, or holds, a generated type with checks of its own.
    var validatesNested: Bool
    /// The type the rules see: ``type``, or for an alias the type it stands for.
    var ruleType: String
    /// The body schema's own constraints (`maxItems` of an array, `maxLength` of text).
    var rules: [ValidationRule] = []
    /// Constraints on each element, when the body is an array of strings or numbers.
    var elementRules: [ValidationRule] = []
    /// Constraints on each value, when the body is a dictionary of strings or numbers.
    var valueRules: [ValidationRule] = []
    /// The properties of a form or multipart body that are written otherwise than their types say, in
    /// the order the spec's `encoding` names them.
    var encodings: [PropertyEncoding] = []

    /// Whether the body is text or bytes that the spec keys by a media type range (`image/*`, `*/*`), which is
    /// no `Content-Type`: the caller names one within it.
    var isKeyedByRange: Bool { (encoding == .text || encoding == .binary) && contentType.contains("*") }

    /// The arguments of the request builder and client method that say more about the body than its value,
    /// after it: the media type of a body keyed by a range (`contentType`, defaulting where the range has an
    /// obvious one: `application/octet-stream` for `*/*` and `application/*`, UTF-8 `text/plain` for `text/*`),
    /// and of each multipart part whose Encoding Object lists several media types or a range
    /// (`fileContentType: String = "image/png"`).
    var arguments: [BodyArgument] {
        if isKeyedByRange {
            let range = Translator.normalizedMediaType(contentType)
            let defaultValue =
                range.hasPrefix("*/*") || range.hasPrefix("application/*") ? "application/octet-stream"
                : range.hasPrefix("text/*") ? "text/plain; charset=utf-8" : nil
            return [
                BodyArgument(
                    name: "contentType", type: "String", defaultValue: defaultValue,
                    documentation: "The body's media type, within the spec's `\(contentType)`.")
            ]
        }
        return encodings.compactMap { encoding in
            guard case .part(.chosen(let argument, _)?, _) = encoding.kind else { return nil }
            return argument
        }
    }

    /// Whether building a request checks anything about the body.
    var validates: Bool { validatesNested || !rules.isEmpty || !elementRules.isEmpty || !valueRules.isEmpty }
}

/// An argument of a request builder and its client method besides the operation's parameters.
struct BodyArgument: Sendable, Hashable {
    var name: String
    var type: String
    /// The default value as Swift text would state it unquoted (`image/png`), or `nil` for none.
    var defaultValue: String?
    /// The argument's line in a `- Parameters:` list, after its name.
    var documentation: String

    /// The argument as a signature declares it: `contentType: String = "application/octet-stream"`.
    var declaration: String {
        name + ": " + type + (defaultValue.map { " = " + SwiftLiteral.string($0) } ?? "")
    }

    /// The argument's line in a `- Parameters:` list.
    var documentationLine: String { "  - " + SwiftNames.unescaped(name) + ": " + documentation }
}

/// How one property of a form or multipart body is written, as its Encoding Object says.
struct PropertyEncoding: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// A form property written as a query parameter of this style (`form`, `deepObject`) is.
        case style(String, explode: Bool, allowReserved: Bool)
        /// A form property written as its JSON text.
        case json
        /// A multipart property whose parts have this `Content-Type` or `Content-Transfer-Encoding`.
        case part(contentType: PartContentType?, transferEncoding: String?)
    }

    /// The `Content-Type` of a multipart property's parts.
    enum PartContentType: Sendable, Hashable {
        /// The one the spec names (`image/png`).
        case fixed(String)
        /// The one the caller gives through `argument`, within the list or range the spec names
        /// (`image/png, image/jpeg`).
        case chosen(BodyArgument, range: String)
    }

    /// The property's name on the wire.
    var property: String
    var kind: Kind
}
