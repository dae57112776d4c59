import SpecsmithDiagnostics
import Testing

@testable import SpecsmithCore

@Suite("Loading: diagnostics")
struct LoadingDiagnosticsTests {
    @Test(
        "unknown keys, constraints that cannot apply, unsupported keywords and ill-typed values are warnings; a number with a zero fraction is an integer"
    )
    func warnings() throws {
        let result = LoadingFixtures.load("warnings.yaml")
        #expect(
            LoadingFixtures.lines(result) == [
                "warnings.yaml:7:7: warning: unknown key \"colour\" in Operation object; it is ignored",
                "warnings.yaml:14:13: warning: \"maxLength\" applies to strings; it has no effect on type integer",
                "warnings.yaml:22:17: warning: schema keyword \"contentSchema\" is not supported; ignored",
                "warnings.yaml:25:48: warning: \"enum\" value \"two\" is not of type integer",
                "warnings.yaml:25:63: warning: \"default\" value 1.5 is not of type integer",
            ]
        )
        #expect(!result.hasErrors)
        let operation = try #require(try LoadingFixtures.document(result).paths["/things/{id}"]?.operation(.get))
        #expect(operation.parameters.first?.schema?.maxLength == 5)
    }

    @Test("every problem of a run is reported, sorted by location")
    func allErrorsInOneRun() throws {
        let result = LoadingFixtures.load("errors.yaml")
        #expect(
            LoadingFixtures.lines(result) == [
                "errors.yaml:3:3: error: Info object is missing \"title\"",
                "errors.yaml:7:7: error: path \"/things/{id}\" has a parameter \"{id}\" that the operation does not declare (in: path)",
                "errors.yaml:11:7: error: duplicate operationId \"same\" (first at line 7)",
                "errors.yaml:18:11: error: invalid \"in\" value \"body\"; expected one of: path, query, header, cookie",
                "errors.yaml:21:11: error: security requirement names \"nobody\", which is not in components.securitySchemes",
            ]
        )
        #expect(result.document != nil)
    }

    @Test("template variables: each {name} of a path or server URL, next to text of any script")
    func templateVariables() {
        let text = """
            openapi: 3.1.0
            info: {title: T, version: "1"}
            servers:
              - url: https://{région}.example.com/{version}
                variables:
                  région: {default: eu}
            paths:
              /données/{a}/{b}{c}:
                get:
                  parameters:
                    - {name: a, in: path, required: true, schema: {type: string}}
                    - {name: c, in: path, required: true, schema: {type: string}}
                    - {name: d, in: path, required: true, schema: {type: string}}
                  responses:
                    "204": {description: Done.}
            """
        let result = DocumentLoader().load(bytes: Array(text.utf8), file: "t.yaml")
        #expect(
            result.diagnostics.map(\.description) == [
                "t.yaml:4:5: error: server URL \"https://{région}.example.com/{version}\" uses \"{version}\", which is not in \"variables\"",
                "t.yaml:10:7: error: path \"/données/{a}/{b}{c}\" has a parameter \"{b}\" that the operation does not declare (in: path)",
                "t.yaml:13:11: warning: path parameter \"d\" does not appear in path \"/données/{a}/{b}{c}\"",
            ]
        )
    }

    @Test("status keys: unquoted integers, quoted codes, ranges and default; others are errors")
    func statusCodes() throws {
        let result = LoadingFixtures.load("status-codes.yaml")
        #expect(
            LoadingFixtures.lines(result) == [
                "status-codes.yaml:15:9: error: invalid response status \"600\"; expected a code such as 200, a range such as 2XX, or default"
            ]
        )
        let responses = try #require(try LoadingFixtures.document(result).paths["/things"]?.operation(.get)?.responses)
        #expect(responses.map(\.status) == [.code(200), .code(404), .range(5), .default])
        #expect(responses.map(\.status.description) == ["200", "404", "5XX", "default"])
        #expect(responses[.code(200)]?.description == "Plain integer key.")
        #expect(responses[.range(5)]?.description == "A range.")
        #expect(ResponseStatus.range(5).matches(503))
        #expect(!ResponseStatus.range(5).matches(404))
    }

    @Test("a status key is three ASCII characters: a digit 1 to 5, then two digits or two Xs in either case")
    func statusKeyEdges() throws {
        let keys = ["'100'", "'599'", "'1xx'", "'5Xx'", "'0200'", "'20'", "'6XX'", "'2X0'", "'X00'", "'٢00'", "'2٠٠'"]
        let text = """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a:
                get:
                  responses:
            \(keys.map { "        \($0): {description: d}" }.joined(separator: "\n"))
            """
        let result = DocumentLoader().load(bytes: Array(text.utf8), file: "t.yaml")
        let invalid = result.diagnostics.map(\.message).compactMap { message in
            message.firstMatch(of: /invalid response status "([^"]*)"/).map { String($0.1) }
        }
        #expect(invalid == ["0200", "20", "6XX", "2X0", "X00", "٢00", "2٠٠"])
        let responses = try #require(result.document?.paths["/a"]?.operation(.get)?.responses)
        #expect(responses.map(\.status) == [.code(100), .code(599), .range(1), .range(5)])
    }

    @Test("a header name HTTP does not allow is warned about where it is written: parameter, response, API key")
    func headerNamesThatAreNoTokens() {
        let text = """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a:
                get:
                  parameters:
                    - {name: X Trace, in: header, schema: {type: string}}
                    - {name: 'X-Trace', in: header, schema: {type: string}}
                    - {name: 'a b', in: query, schema: {type: string}}
                  responses:
                    '200':
                      description: OK.
                      headers:
                        'Rate:Limit': {schema: {type: integer}}
                        X-Rate_Limit.v2: {schema: {type: integer}}
            components:
              securitySchemes:
                key: {type: apiKey, in: header, name: 'Api Key'}
                query: {type: apiKey, in: query, name: 'api key'}
            """
        let result = DocumentLoader().load(bytes: Array(text.utf8), file: "t.yaml")
        let allowed = "(letters, digits and !#$%&'*+-.^_`|~ only)"
        #expect(
            result.diagnostics.map(\.description) == [
                "t.yaml:7:12: warning: \"X Trace\" is not an HTTP header name \(allowed): a request given it throws "
                    + "RequestError.invalidHeaderName",
                "t.yaml:14:13: warning: \"Rate:Limit\" is not an HTTP header name \(allowed): no response can carry it",
                "t.yaml:18:37: warning: \"Api Key\" is not an HTTP header name \(allowed): a request that sends the "
                    + "key throws RequestError.invalidHeaderName",
            ]
        )
    }

    @Test("an operation without responses is warned about; one whose responses cannot be read is not")
    func noResponses() {
        let text = """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a:
                get:
                  responses: {x-note: none}
              /b:
                get:
                  responses:
                    '200': {$ref: '#/components/responses/Missing'}
                    '600': {description: bad}
            """
        let result = DocumentLoader().load(bytes: Array(text.utf8), file: "t.yaml")
        #expect(
            result.diagnostics.map(\.description) == [
                "t.yaml:6:7: warning: operation has no responses",
                "t.yaml:10:23: error: cannot resolve $ref \"#/components/responses/Missing\": the document has no "
                    + "\"components\"",
                "t.yaml:11:9: error: invalid response status \"600\"; expected a code such as 200, a range such as "
                    + "2XX, or default",
            ]
        )
    }

    @Test("lint prints diagnostics that the renderer can show with their source lines")
    func sourcesForRenderer() throws {
        let result = LoadingFixtures.load("warnings.yaml")
        let sources = result.sources
        let rendered = DiagnosticRenderer { sources[$0] }.render(result.diagnostics[0])
        #expect(
            rendered.hasSuffix(
                "warnings.yaml:7:7: warning: unknown key \"colour\" in Operation object; it is ignored\n      colour: blue\n      ^"
            )
        )
        #expect(result.diagnostics.summary == "0 errors, 5 warnings")
    }

    @Test("a 3.0 form in a 3.1 document, or the reverse, is read anyway with a warning")
    func versionFormsOutOfPlace() throws {
        let text31 = """
            openapi: 3.1.0
            info: {title: T, version: "1"}
            components:
              schemas:
                A: {type: integer, nullable: true, minimum: 0, exclusiveMinimum: true}
            """
        let result31 = DocumentLoader().load(bytes: Array(text31.utf8), file: "forms.yaml")
        #expect(
            result31.diagnostics.map(\.description) == [
                "forms.yaml:5:24: warning: \"nullable\" is OpenAPI 3.0; in 3.1 add \"null\" to \"type\" (read as such here)",
                "forms.yaml:5:70: warning: a Boolean \"exclusiveMinimum\" is OpenAPI 3.0; in 3.1 it is a number (read as in 3.0 here)",
            ]
        )
        let a = try #require(result31.document?.components.schemas["A"])
        #expect(a.types == [.integer, .null])
        #expect(a.exclusiveMinimum?.text == "0")
        #expect(a.minimum == nil)

        let text30 = """
            openapi: 3.0.3
            info: {title: T, version: "1"}
            paths: {}
            components:
              schemas:
                B: {type: [string, "null"], exclusiveMaximum: 5}
            """
        let result30 = DocumentLoader().load(bytes: Array(text30.utf8), file: "forms.yaml")
        #expect(
            result30.diagnostics.map(\.description) == [
                "forms.yaml:6:15: warning: a list of types is OpenAPI 3.1; in 3.0 write one type and \"nullable: true\"",
                "forms.yaml:6:24: warning: type \"null\" is OpenAPI 3.1; in 3.0 write \"nullable: true\"",
                "forms.yaml:6:33: warning: \"exclusiveMaximum\" applies to numbers; it has no effect on type string",
                "forms.yaml:6:51: warning: a numeric \"exclusiveMaximum\" is OpenAPI 3.1; in 3.0 it is a Boolean (read as in 3.1 here)",
            ]
        )
        let b = try #require(result30.document?.components.schemas["B"])
        #expect(b.types == [.string, .null])
        #expect(b.exclusiveMaximum?.text == "5")
    }

    @Test("propertyNames and dependentRequired are read, in 3.0 with a warning; each applies to objects")
    func objectKeywordsOf31() throws {
        let text = """
            openapi: 3.0.3
            info: {title: T, version: "1"}
            paths: {}
            components:
              schemas:
                A:
                  type: object
                  propertyNames: {maxLength: 3}
                  dependentRequired: {a: [b, c]}
                B: {type: string, dependentRequired: {a: [b]}}
            """
        let result = DocumentLoader().load(bytes: Array(text.utf8), file: "keys.yaml")
        #expect(
            result.diagnostics.map(\.description) == [
                "keys.yaml:8:7: warning: \"propertyNames\" is OpenAPI 3.1; it is read anyway in this 3.0 document",
                "keys.yaml:9:7: warning: \"dependentRequired\" is OpenAPI 3.1; it is read anyway in this 3.0 document",
                "keys.yaml:10:23: warning: \"dependentRequired\" is OpenAPI 3.1; it is read anyway in this 3.0 document",
                "keys.yaml:10:23: warning: \"dependentRequired\" applies to objects; it has no effect on type string",
            ]
        )
        let a = try #require(result.document?.components.schemas["A"])
        #expect(a.propertyNames?.maxLength == 3)
        #expect(a.dependentRequired["a"] == ["b", "c"])
    }

    /// `const`, `examples`, `$defs`, `contentEncoding` and `contentMediaType` are 3.1 keywords, which a
    /// 3.0 reader ignores: each use is warned about at its keyword, once, and still read.
    @Test func valueKeywordsOf31() throws {
        let text = """
            openapi: 3.0.3
            info: {title: T, version: "1"}
            paths: {}
            components:
              schemas:
                A:
                  type: string
                  const: x
                  examples: [x]
                  contentEncoding: base64
                  contentMediaType: text/plain
                  $defs: {B: {type: string}}
                C: {$ref: '#/components/schemas/A/$defs/B'}
                D: {$ref: '#/components/schemas/A'}
            """
        let result = DocumentLoader().load(bytes: Array(text.utf8), file: "keys.yaml")
        let warning = "is OpenAPI 3.1; it is read anyway in this 3.0 document"
        #expect(
            result.diagnostics.map(\.description) == [
                "keys.yaml:8:7: warning: \"const\" \(warning)",
                "keys.yaml:9:7: warning: \"examples\" \(warning)",
                "keys.yaml:10:7: warning: \"contentEncoding\" \(warning)",
                "keys.yaml:11:7: warning: \"contentMediaType\" \(warning)",
                "keys.yaml:12:7: warning: \"$defs\" \(warning)",
            ]
        )
        let a = try #require(result.document?.components.schemas["A"])
        #expect(a.const == .string("x"))
        #expect(a.contentEncoding == "base64")
    }
}
