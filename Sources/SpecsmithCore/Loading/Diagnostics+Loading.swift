import SpecsmithDiagnostics
import SpecsmithYAML

/// Every diagnostic the loader reports, so the wording stays consistent. Object names are the
/// specification's (`Operation`, `Schema`, ...); keys and values are quoted with `"`.
extension Diagnostic {
    // MARK: Versions

    static func swagger2(at location: SourceLocation?) -> Diagnostic {
        .error(
            "Swagger 2.0 documents are not supported; Specsmith reads OpenAPI 3.0, 3.1 and 3.2",
            at: location,
            note:
                "convert the document to OpenAPI 3 first, for example with `npx swagger2openapi FILE` or https://converter.swagger.io"
        )
    }

    static func missingVersion(at location: SourceLocation?) -> Diagnostic {
        .error(
            "missing \"openapi\" version; an OpenAPI document starts with, for example, `openapi: 3.1.0`",
            at: location
        )
    }

    static func unsupportedVersion(_ text: String, at location: SourceLocation?) -> Diagnostic {
        .error(
            "unsupported OpenAPI version \"\(text)\"; Specsmith reads 3.0.x, 3.1.x and 3.2.x",
            at: location
        )
    }

    static func notAMapping(found node: YAMLNode) -> Diagnostic {
        .error("an OpenAPI document must be a mapping, found \(node.kindDescription)", at: node.location)
    }

    static func cannotReadFile(_ path: String, _ failure: FileReadFailure) -> Diagnostic {
        switch failure {
        case .missing: .error("cannot read \"\(path)\"", at: nil)
        case .notRegular: .error("cannot read \"\(path)\": it is not a regular file", at: nil)
        case .tooLarge(let bytes, let limit):
            .error(
                "the file is \(bytes) bytes, more than the limit of \(limit) bytes (maxInputBytes)",
                at: SourceLocation(file: path, line: 1, column: 1)
            )
        case .tooManyFiles: .error("cannot read \"\(path)\": \(failure.reason(path))", at: nil)
        }
    }

    // MARK: Shapes and keys

    static func expected(_ what: String, for key: String?, found node: YAMLNode) -> Diagnostic {
        let subject = key.map { " for \"\($0)\"" } ?? ""
        return .error("expected \(what)\(subject), found \(node.kindDescription)", at: node.location)
    }

    static func missingKey(_ key: String, in object: String, at location: SourceLocation) -> Diagnostic {
        .error("\(object) object is missing \"\(key)\"", at: location)
    }

    static func missingKeyWarning(_ key: String, in object: String, at location: SourceLocation) -> Diagnostic {
        .warning("\(object) object is missing \"\(key)\"", at: location)
    }

    static func unknownKey(_ key: String, in object: String, at location: SourceLocation) -> Diagnostic {
        .warning("unknown key \"\(key)\" in \(object) object; it is ignored", at: location)
    }

    static func nonScalarKey(at location: SourceLocation) -> Diagnostic {
        .error("keys must be strings, found a mapping or list key", at: location)
    }

    static func unsupported(_ feature: UnsupportedFeature, at location: SourceLocation) -> Diagnostic {
        .warning("\(feature.phrase) not supported; ignored", at: location)
    }

    static func invalidValue(_ value: String, for key: String, allowed: [String], at location: SourceLocation)
        -> Diagnostic
    {
        .error(
            "invalid \"\(key)\" value \"\(value)\"; expected one of: \(allowed.joined(separator: ", "))",
            at: location
        )
    }

    static func negative(_ key: String, at location: SourceLocation) -> Diagnostic {
        .error("\"\(key)\" must not be negative", at: location)
    }

    static func onlyIn31(_ key: String, at location: SourceLocation) -> Diagnostic {
        .warning("\"\(key)\" is OpenAPI 3.1; it is read anyway in this 3.0 document", at: location)
    }

    // MARK: References

    static func unresolvedReference(_ written: String, _ reason: String, at location: SourceLocation) -> Diagnostic {
        .error("cannot resolve $ref \"\(written)\": \(reason)", at: location)
    }

    static func invalidSelf(_ value: String, _ problem: String, at location: SourceLocation) -> Diagnostic {
        .warning(
            "invalid \"$self\" \"\(value)\": \(problem); it is ignored, and references are resolved against the file",
            at: location)
    }

    static func sharedSelf(_ value: String, firstFile: String, at location: SourceLocation) -> Diagnostic {
        .warning(
            "\"$self\" \"\(value)\" is already the URI of \"\(firstFile)\": it is ignored, and references to it read "
                + "that file",
            at: location)
    }

    static func referenceCycle(_ written: String, at location: SourceLocation) -> Diagnostic {
        .error("$ref \"\(written)\" refers back to itself through a cycle of references", at: location)
    }

    static func referencesTooDeep(_ written: String, limit: Int, at location: SourceLocation) -> Diagnostic {
        .error(
            "$ref \"\(written)\" is reached through more than \(limit) references in a row (maxRefChain)",
            at: location,
            note: "refer to the final object directly, or raise maxRefChain in the limits of specsmith.yaml"
        )
    }

    static func schemaReferenceChainTooLong(_ written: String, length: Int, limit: Int, at location: SourceLocation)
        -> Diagnostic
    {
        .error(
            "$ref \"\(written)\" starts a chain of \(length) schemas that are each only a $ref, more than the limit of \(limit) (maxRefChain)",
            at: location,
            note: "refer to the final schema directly, or raise maxRefChain in the limits of specsmith.yaml"
        )
    }



    static func referenceSiblingsIgnored(_ keys: [String], version: OpenAPIVersion, at location: SourceLocation)
        -> Diagnostic
    {
        let list = keys.map { "\"\($0)\"" }.joined(separator: ", ")
        let why =
            version == .v30
            ? "OpenAPI 3.0 ignores keys next to $ref" : "only \"summary\" and \"description\" may be next to this $ref"
        return .warning("\(why); ignored: \(list)", at: location)
    }

    static func missingTextFiles(first path: String, count: Int, at location: SourceLocation) -> Diagnostic {
        let subject = "cannot read \"\(path)\", given as $ref for a description"
        if count == 1 { return .warning("\(subject); the description is left empty", at: location) }
        return .warning(
            "\(subject); this and \(count - 1) more descriptions given as $ref to missing files are left empty",
            at: location
        )
    }

    // MARK: Schemas

    static func unknownType(_ name: String, at location: SourceLocation) -> Diagnostic {
        .error(
            "unknown type \"\(name)\"; expected one of: \(SchemaType.allCases.map(\.rawValue).joined(separator: ", "))",
            at: location
        )
    }

    static func constraintDoesNotApply(
        _ keyword: String,
        appliesTo: String,
        types: [SchemaType],
        at location: SourceLocation
    ) -> Diagnostic {
        let typeText = types.count == 1 ? types[0].rawValue : "[" + types.map(\.rawValue).joined(separator: ", ") + "]"
        return .warning("\"\(keyword)\" applies to \(appliesTo); it has no effect on type \(typeText)", at: location)
    }

    static func valueDoesNotFitType(
        _ keyword: String,
        value: String,
        types: [SchemaType],
        at location: SourceLocation
    ) -> Diagnostic {
        let typeText = types.count == 1 ? types[0].rawValue : "[" + types.map(\.rawValue).joined(separator: ", ") + "]"
        return .warning("\"\(keyword)\" value \(value) is not of type \(typeText)", at: location)
    }

    static func nullRefusedByValues(_ keyword: String, at location: SourceLocation) -> Diagnostic {
        let values = keyword == "enum" ? "\"enum\" does not list null" : "\"const\" is not null"
        return .warning(
            "\"type\" allows null but \(values), and JSON Schema applies both: null is not valid here",
            at: location,
            note: keyword == "enum" ? "add null to the enum to allow it" : "use enum: [value, null] to allow null")
    }

    static func requiredNotInProperties(_ name: String, at location: SourceLocation) -> Diagnostic {
        .warning(
            "required property \"\(name)\" is not in \"properties\", and \"additionalProperties: false\" allows no other",
            at: location
        )
    }

    static func typeListIn30(at location: SourceLocation) -> Diagnostic {
        .warning("a list of types is OpenAPI 3.1; in 3.0 write one type and \"nullable: true\"", at: location)
    }

    static func nullTypeIn30(at location: SourceLocation) -> Diagnostic {
        .warning("type \"null\" is OpenAPI 3.1; in 3.0 write \"nullable: true\"", at: location)
    }

    static func nullableIn31(at location: SourceLocation) -> Diagnostic {
        .warning("\"nullable\" is OpenAPI 3.0; in 3.1 add \"null\" to \"type\" (read as such here)", at: location)
    }

    static func booleanExclusiveBoundIn31(_ key: String, at location: SourceLocation) -> Diagnostic {
        .warning("a Boolean \"\(key)\" is OpenAPI 3.0; in 3.1 it is a number (read as in 3.0 here)", at: location)
    }

    static func numericExclusiveBoundIn30(_ key: String, at location: SourceLocation) -> Diagnostic {
        .warning("a numeric \"\(key)\" is OpenAPI 3.1; in 3.0 it is a Boolean (read as in 3.1 here)", at: location)
    }

    static func itemsList(at location: SourceLocation) -> Diagnostic {
        .unsupported(.itemsList, at: location)
    }

    static func exclusiveBoundWithoutBound(_ keyword: String, bound: String, at location: SourceLocation) -> Diagnostic
    {
        .warning("\"\(keyword): true\" has no \"\(bound)\" to make exclusive; it is ignored", at: location)
    }

    static func requiredNotAList(at location: SourceLocation) -> Diagnostic {
        .warning(
            "\"required\" in a schema must be a list of property names (a Boolean \"required\" belongs on parameters); ignored",
            at: location
        )
    }

    // MARK: Paths, operations, parameters

    static func pathMustStartWithSlash(_ path: String, at location: SourceLocation) -> Diagnostic {
        .error("path \"\(path)\" must start with \"/\"", at: location)
    }

    static func duplicateOperationID(_ id: String, first: SourceLocation, at location: SourceLocation) -> Diagnostic {
        .error("duplicate operationId \"\(id)\" (first at line \(first.line))", at: location)
    }

    static func duplicateParameter(
        _ name: String,
        in place: ParameterLocation,
        first: SourceLocation,
        at location: SourceLocation
    ) -> Diagnostic {
        .error("duplicate \(place.rawValue) parameter \"\(name)\" (first at line \(first.line))", at: location)
    }

    static func undeclaredPathParameter(_ name: String, path: String, at location: SourceLocation) -> Diagnostic {
        .error(
            "path \"\(path)\" has a parameter \"{\(name)}\" that the operation does not declare (in: path)",
            at: location
        )
    }

    static func pathParameterNotInPath(_ name: String, path: String, at location: SourceLocation) -> Diagnostic {
        .warning("path parameter \"\(name)\" does not appear in path \"\(path)\"", at: location)
    }

    static func pathParameterNotRequired(_ name: String, at location: SourceLocation) -> Diagnostic {
        .warning("path parameter \"\(name)\" must have \"required: true\"; it is treated as required", at: location)
    }

    static func styleNotAllowed(_ style: ParameterStyle, for place: String, at location: SourceLocation) -> Diagnostic {
        .error("style \"\(style.rawValue)\" is not allowed for \(place)", at: location)
    }

    static func notForQuerystring(_ key: String, at location: SourceLocation) -> Diagnostic {
        .error("\"\(key)\" is not allowed for querystring parameters, which \"content\" describes", at: location)
    }

    static func secondQuerystring(_ name: String, first: SourceLocation, at location: SourceLocation) -> Diagnostic {
        .error(
            "querystring parameter \"\(name)\" is a second one (first at line \(first.line)); an operation has one "
                + "query string", at: location)
    }

    static func querystringBesideQuery(_ name: String, queries: [Parameter], at location: SourceLocation)
        -> Diagnostic
    {
        let list = queries.map { "\"\($0.name)\" (line \($0.location.line))" }.joined(separator: ", ")
        return .error(
            "querystring parameter \"\(name)\" is the whole query string; the operation must not have query "
                + "parameters too: \(list)", at: location)
    }

    static func schemaAndContent(at location: SourceLocation) -> Diagnostic {
        .error("a parameter or header has either \"schema\" or \"content\", not both", at: location)
    }

    static func neitherSchemaNorContent(at location: SourceLocation) -> Diagnostic {
        .warning(
            "a parameter or header without \"schema\" or \"content\" has no type; it is read as any value",
            at: location
        )
    }

    static func contentNeedsOneEntry(at location: SourceLocation) -> Diagnostic {
        .error("\"content\" of a parameter or header must have exactly one media type", at: location)
    }

    static func invalidStatus(_ key: String, at location: SourceLocation) -> Diagnostic {
        .error(
            "invalid response status \"\(key)\"; expected a code such as 200, a range such as 2XX, or default",
            at: location
        )
    }

    static func noResponses(at location: SourceLocation) -> Diagnostic {
        .warning("operation has no responses", at: location)
    }

    // MARK: Servers and security

    static func undefinedServerVariable(_ name: String, url: String, at location: SourceLocation) -> Diagnostic {
        .error("server URL \"\(url)\" uses \"{\(name)}\", which is not in \"variables\"", at: location)
    }

    static func defaultNotInEnum(_ value: String, at location: SourceLocation) -> Diagnostic {
        .warning("default \"\(value)\" is not one of the variable's \"enum\" values", at: location)
    }

    static func unknownSecurityScheme(_ name: String, at location: SourceLocation) -> Diagnostic {
        .error("security requirement names \"\(name)\", which is not in components.securitySchemes", at: location)
    }
}

/// Why a file could not be read.
enum FileReadFailure: Error {
    case missing
    /// A device, a named pipe or a folder: reading it could hang or never end.
    case notRegular
    case tooLarge(bytes: Int, limit: Int)
    /// Reading it would pass ``LoadLimits/maxExternalFiles``.
    case tooManyFiles(limit: Int)

    /// The reason as the end of a `cannot resolve $ref` message.
    func reason(_ path: String) -> String {
        switch self {
        case .missing: "cannot read file \"\(path)\""
        case .notRegular: "\"\(path)\" is not a regular file"
        case .tooLarge(let bytes, let limit):
            "file \"\(path)\" is \(bytes) bytes, more than the limit of \(limit) bytes (maxInputBytes)"
        case .tooManyFiles(let limit):
            "reading \"\(path)\" would make more than \(limit) files besides the document (maxExternalFiles)"
        }
    }
}

/// A feature the loader reads past, named in its warning.
enum UnsupportedFeature {
    case callbacks
    case queryMethod
    case itemsList
    case schemaKeyword(String)
    /// `unevaluatedProperties` or `unevaluatedItems` beside a keyword whose subschemas evaluate some
    /// properties or items, which no generated type can tell apart.
    case unevaluated(String, beside: String)
    case jsonSchemaDialect(String)
    /// `prefixEncoding` or `itemEncoding` of a Media Type object (3.2): multipart parts by position.
    case positionalEncoding(String)
    /// `encoding`, `prefixEncoding` or `itemEncoding` of an Encoding object (3.2): a part that is multipart.
    case nestedEncoding(String)

    /// The subject of the warning, with its verb: `callbacks are`, `schema keyword "if" is`.
    var phrase: String {
        switch self {
        case .callbacks: "callbacks are"
        case .queryMethod: "the \"query\" method is"
        case .itemsList: "\"items\" as a list (tuple validation; in 3.1 use \"prefixItems\") is"
        case .schemaKeyword(let keyword): "schema keyword \"\(keyword)\" is"
        case .unevaluated(let keyword, let other): "\"\(keyword)\" beside \"\(other)\" is"
        case .jsonSchemaDialect(let dialect): "jsonSchemaDialect \"\(dialect)\" is"
        case .positionalEncoding(let key): "\"\(key)\" (multipart parts by position) is"
        case .nestedEncoding(let key): "\"\(key)\" of an encoding (a part that is multipart itself) is"
        }
    }
}
