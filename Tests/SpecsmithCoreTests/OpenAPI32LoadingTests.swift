import SpecsmithDiagnostics
import Testing

@testable import SpecsmithCore

@Suite("Loading: OpenAPI 3.2")
struct OpenAPI32LoadingTests {
    /// A document with the metadata fields 3.2 adds, in the given version.
    static func metadataDocument(version: String) -> String {
        """
        openapi: \(version)
        $self: https://example.com/openapi
        jsonSchemaDialect: https://spec.openapis.org/oas/3.2/dialect/2025-09-17
        info: {title: T, version: "1"}
        servers:
          - {url: https://api.example.com, name: production}
        tags:
          - {name: books, summary: Books, parent: shelf, kind: nav}
        paths:
          /books:
            get:
              responses:
                '200':
                  summary: The books.
                  content:
                    application/json:
                      examples:
                        one: {dataValue: [Dune], serializedValue: '["Dune"]'}
        components:
          securitySchemes:
            oauth:
              type: oauth2
              oauth2MetadataUrl: https://auth.example.com/.well-known/oauth-authorization-server
              deprecated: true
              flows:
                deviceAuthorization:
                  deviceAuthorizationUrl: https://auth.example.com/device
                  tokenUrl: https://auth.example.com/token
                  scopes: {}
        """
    }

    @Test("the metadata fields 3.2 adds are read without a warning, and a response needs no description")
    func metadataOf32IsRead() throws {
        let text = Self.metadataDocument(version: "3.2.0")
        let result = DocumentLoader().load(bytes: Array(text.utf8), file: "m.yaml")
        #expect(result.diagnostics.map(\.description) == [])
        let document = try #require(result.document)
        #expect(document.version == .v32)
        #expect(document.servers.first?.name == "production")
        let tag = try #require(document.tags.first)
        #expect(tag.summary == "Books" && tag.parent == "shelf" && tag.kind == "nav")
        let response = try #require(document.paths["/books"]?.operations.first?.responses.entries.first?.response)
        #expect(response.summary == "The books." && response.description == "")
        let example = try #require(response.content["application/json"]?.examples["one"])
        #expect(example.dataValue == .array([.string("Dune")]) && example.serializedValue == "[\"Dune\"]")
        let oauth = try #require(document.components.securitySchemes["oauth"])
        #expect(oauth.deprecated)
        #expect(oauth.oauth2MetadataUrl == "https://auth.example.com/.well-known/oauth-authorization-server")
        #expect(oauth.flows?.deviceAuthorization?.deviceAuthorizationUrl == "https://auth.example.com/device")
        #expect(oauth.flows?.deviceAuthorization?.tokenUrl == "https://auth.example.com/token")
    }

    @Test("in a 3.1 document the fields 3.2 adds are unknown keys, as they were")
    func metadataOf32IsUnknownIn31() {
        let text = Self.metadataDocument(version: "3.1.0")
        let result = DocumentLoader().load(bytes: Array(text.utf8), file: "m.yaml")
        #expect(
            result.diagnostics.map(\.description) == [
                "m.yaml:2:1: warning: unknown key \"$self\" in OpenAPI object; it is ignored",
                "m.yaml:3:1: warning: jsonSchemaDialect \"https://spec.openapis.org/oas/3.2/dialect/2025-09-17\" is "
                    + "not supported; ignored",
                "m.yaml:6:36: warning: unknown key \"name\" in Server object; it is ignored",
                "m.yaml:8:19: warning: unknown key \"summary\" in Tag object; it is ignored",
                "m.yaml:8:35: warning: unknown key \"parent\" in Tag object; it is ignored",
                "m.yaml:8:50: warning: unknown key \"kind\" in Tag object; it is ignored",
                "m.yaml:14:11: warning: Response object is missing \"description\"",
                "m.yaml:14:11: warning: unknown key \"summary\" in Response object; it is ignored",
                "m.yaml:18:23: warning: unknown key \"dataValue\" in Example object; it is ignored",
                "m.yaml:18:42: warning: unknown key \"serializedValue\" in Example object; it is ignored",
                "m.yaml:23:7: warning: unknown key \"oauth2MetadataUrl\" in Security Scheme object; it is ignored",
                "m.yaml:24:7: warning: unknown key \"deprecated\" in Security Scheme object; it is ignored",
                "m.yaml:26:9: warning: unknown key \"deviceAuthorization\" in OAuth Flows object; it is ignored",
            ])
    }

    @Test("a Media Type object may be a $ref to components/mediaTypes in 3.2, and not in 3.1")
    func mediaTypeReferences() throws {
        let text = """
            openapi: 3.2.0
            info: {title: T, version: "1"}
            paths:
              /books:
                post:
                  requestBody:
                    content:
                      application/json: {$ref: '#/components/mediaTypes/Book'}
                  responses:
                    '204': {description: Stored.}
            components:
              mediaTypes:
                Book:
                  schema: {type: object, properties: {title: {type: string}}}
                  prefixEncoding: [{contentType: text/plain}]
            """
        let result = DocumentLoader().load(bytes: Array(text.utf8), file: "r.yaml")
        #expect(
            result.diagnostics.map(\.description) == [
                "r.yaml:15:7: warning: \"prefixEncoding\" (multipart parts by position) is not supported; ignored"
            ])
        let document = try #require(result.document)
        let body = try #require(document.paths["/books"]?.operations.first?.requestBody?.content["application/json"])
        #expect(body.schema?.properties.keys == ["title"])
        #expect(document.components.mediaTypes["Book"] == body)

        let in31 = text.replacingOccurrences(of: "openapi: 3.2.0", with: "openapi: 3.1.0")
        let result31 = DocumentLoader().load(bytes: Array(in31.utf8), file: "r.yaml")
        #expect(
            result31.diagnostics.map(\.description) == [
                "r.yaml:8:30: warning: unknown key \"$ref\" in Media Type object; it is ignored",
                "r.yaml:12:3: warning: unknown key \"mediaTypes\" in Components object; it is ignored",
            ])
    }

    @Test("query and additionalOperations are operations in document order, sent as written")
    func queryAndAdditionalOperations() throws {
        let text = """
            openapi: 3.2.0
            info: {title: T, version: "1"}
            paths:
              /books:
                additionalOperations:
                  COPY: {responses: {'201': {description: Copied.}}}
                  LINK: {responses: {'204': {description: Linked.}}}
                query: {operationId: search, responses: {'200': {description: Found.}}}
                get: {responses: {'200': {description: All.}}}
            """
        let result = DocumentLoader().load(bytes: Array(text.utf8), file: "q.yaml")
        #expect(result.diagnostics.map(\.description) == [])
        let operations = try #require(result.document?.paths["/books"]?.operations)
        #expect(operations.map(\.method.wireName) == ["COPY", "LINK", "QUERY", "GET"])
        #expect(operations.map(\.method.isAdditional) == [true, true, false, false])
    }

    @Test("an additionalOperations key that is no method, or a fixed field's method, is an error at the key")
    func additionalOperationsKeysAreChecked() throws {
        let text = """
            openapi: 3.2.0
            info: {title: T, version: "1"}
            paths:
              /books:
                get: {responses: {'200': {description: All.}}}
                additionalOperations:
                  GET: {responses: {'200': {description: Again.}}}
                  QUERY: {responses: {'200': {description: Found.}}}
                  'NOT A METHOD': {responses: {'200': {description: No.}}}
                  post: {responses: {'200': {description: Lowercase.}}}
            """
        let result = DocumentLoader().load(bytes: Array(text.utf8), file: "k.yaml")
        #expect(
            result.diagnostics.map(\.description) == [
                "k.yaml:7:7: error: additionalOperations must not hold GET: the path item's \"get\" field is for it",
                "k.yaml:8:7: error: additionalOperations must not hold QUERY: the path item's \"query\" field is for "
                    + "it",
                "k.yaml:9:7: error: \"NOT A METHOD\" in additionalOperations is not an HTTP method name (a token: "
                    + "letters, digits and !#$%&'*+-.^_`|~)",
                "k.yaml:10:7: warning: additionalOperations key \"post\" is sent as written, a method HTTP tells apart "
                    + "from POST (methods are case-sensitive); write \"post\" for POST",
            ])
    }

    @Test("in 3.1 the query method is warned about and additionalOperations is an unknown key, as before")
    func queryAndAdditionalOperationsIn31() throws {
        let text = """
            openapi: 3.1.0
            info: {title: T, version: "1"}
            paths:
              /books:
                query: {responses: {'200': {description: Found.}}}
                additionalOperations:
                  COPY: {responses: {'201': {description: Copied.}}}
            """
        let result = DocumentLoader().load(bytes: Array(text.utf8), file: "o.yaml")
        #expect(
            result.diagnostics.map(\.description) == [
                "o.yaml:5:5: warning: the \"query\" method is not supported; ignored",
                "o.yaml:6:5: warning: unknown key \"additionalOperations\" in Path Item object; it is ignored",
            ])
        #expect(try #require(result.document?.paths["/books"]).operations.isEmpty)
    }

    @Test("a querystring parameter is 3.2's, described by content alone, one per operation and without query ones")
    func querystringParameters() throws {
        let text = """
            openapi: 3.2.0
            info: {title: T, version: "1"}
            paths:
              /books:
                parameters:
                  - {name: limit, in: query, schema: {type: integer}}
                get:
                  parameters:
                    - {name: q, in: querystring, content: {application/json: {schema: {type: object}}}}
                    - {name: r, in: querystring, content: {text/plain: {}}}
                  responses: {'204': {description: Done.}}
              /shelves:
                get:
                  parameters:
                    - name: q
                      in: querystring
                      style: form
                      explode: true
                      allowReserved: true
                      schema: {type: object}
                  responses: {'204': {description: Done.}}
            """
        let result = DocumentLoader().load(bytes: Array(text.utf8), file: "s.yaml")
        #expect(
            result.diagnostics.map(\.description) == [
                "s.yaml:9:11: error: querystring parameter \"q\" is the whole query string; the operation must not "
                    + "have query parameters too: \"limit\" (line 6)",
                "s.yaml:10:11: error: querystring parameter \"r\" is a second one (first at line 9); an operation has "
                    + "one query string",
                "s.yaml:17:11: error: style \"form\" is not allowed for querystring parameters",
                "s.yaml:18:11: error: \"explode\" is not allowed for querystring parameters, which \"content\" "
                    + "describes",
                "s.yaml:19:11: error: \"allowReserved\" is not allowed for querystring parameters, which \"content\" "
                    + "describes",
                "s.yaml:20:11: error: \"schema\" is not allowed for querystring parameters, which \"content\" "
                    + "describes",
            ])

        let in31 = """
            openapi: 3.1.0
            info: {title: T, version: "1"}
            paths:
              /books:
                get:
                  parameters:
                    - {name: q, in: querystring, content: {application/json: {schema: {type: object}}}}
                  responses: {'204': {description: Done.}}
            """
        let result31 = DocumentLoader().load(bytes: Array(in31.utf8), file: "s.yaml")
        #expect(
            result31.diagnostics.map(\.description) == [
                "s.yaml:7:21: error: invalid \"in\" value \"querystring\"; expected one of: path, query, header, cookie"
            ])
    }

    @Test("a discriminator's defaultMapping is read in 3.2, a schema's name or a reference, and unknown in 3.1")
    func defaultMapping() throws {
        let text = """
            openapi: 3.2.0
            info: {title: T, version: "1"}
            components:
              schemas:
                Pet:
                  oneOf: [{$ref: '#/components/schemas/Other'}]
                  discriminator: {propertyName: kind, defaultMapping: Other}
                Named:
                  oneOf: [{$ref: '#/components/schemas/Other'}]
                  discriminator: {propertyName: kind, defaultMapping: '#/components/schemas/Other'}
                Other: {type: object}
            """
        let result = DocumentLoader().load(bytes: Array(text.utf8), file: "d.yaml")
        #expect(result.diagnostics.map(\.description) == [])
        let schemas = try #require(result.document?.components.schemas)
        let id = "d.yaml#/components/schemas/Other"
        #expect(schemas["Pet"]?.discriminator?.defaultMapping?.id == id)
        #expect(schemas["Pet"]?.discriminator?.defaultMapping?.written == "Other")
        #expect(schemas["Named"]?.discriminator?.defaultMapping?.id == id)

        let in31 = text.replacingOccurrences(of: "openapi: 3.2.0", with: "openapi: 3.1.0")
        let result31 = DocumentLoader().load(bytes: Array(in31.utf8), file: "d.yaml")
        #expect(
            result31.diagnostics.map(\.description) == [
                "d.yaml:7:43: warning: unknown key \"defaultMapping\" in Discriminator object; it is ignored",
                "d.yaml:10:43: warning: unknown key \"defaultMapping\" in Discriminator object; it is ignored",
            ])
    }

    @Test("style cookie is 3.2's, for cookie parameters, and exploded unless told")
    func cookieStyle() throws {
        let text = """
            openapi: 3.2.0
            info: {title: T, version: "1"}
            paths:
              /session:
                get:
                  parameters:
                    - {name: a, in: cookie, style: cookie, schema: {type: array, items: {type: string}}}
                    - {name: b, in: query, style: cookie, schema: {type: string}}
                  responses: {'204': {description: Done.}}
            """
        let result = DocumentLoader().load(bytes: Array(text.utf8), file: "c.yaml")
        #expect(
            result.diagnostics.map(\.description) == [
                "c.yaml:8:32: error: style \"cookie\" is not allowed for query parameters"
            ])
        let cookie = try #require(result.document?.paths["/session"]?.operations.first?.parameters.first)
        #expect(cookie.effectiveStyle == .cookie && cookie.effectiveExplode)

        let in31 = text.replacingOccurrences(of: "openapi: 3.2.0", with: "openapi: 3.1.0")
        let result31 = DocumentLoader().load(bytes: Array(in31.utf8), file: "c.yaml")
        let styles = "matrix, label, form, simple, spaceDelimited, pipeDelimited, deepObject"
        #expect(
            result31.diagnostics.map(\.description) == [
                "c.yaml:7:33: error: invalid \"style\" value \"cookie\"; expected one of: \(styles)",
                "c.yaml:8:32: error: invalid \"style\" value \"cookie\"; expected one of: \(styles)",
            ])
    }

    @Test("a Media Type object's itemSchema is read in 3.2 and unknown in 3.1")
    func itemSchema() throws {
        let text = """
            openapi: 3.2.0
            info: {title: T, version: "1"}
            paths:
              /logs:
                get:
                  responses:
                    '200':
                      description: The log.
                      content:
                        application/jsonl: {itemSchema: {type: object, properties: {message: {type: string}}}}
            """
        let result = DocumentLoader().load(bytes: Array(text.utf8), file: "i.yaml")
        #expect(result.diagnostics.map(\.description) == [])
        let response = try #require(result.document?.paths["/logs"]?.operations.first?.responses.entries.first)
        #expect(response.response.content["application/jsonl"]?.itemSchema?.properties.keys == ["message"])

        let in31 = text.replacingOccurrences(of: "openapi: 3.2.0", with: "openapi: 3.1.0")
        let result31 = DocumentLoader().load(bytes: Array(in31.utf8), file: "i.yaml")
        #expect(
            result31.diagnostics.map(\.description) == [
                "i.yaml:10:33: warning: unknown key \"itemSchema\" in Media Type object; it is ignored"
            ])
    }
}
