import Foundation
import SpecsmithCore
import SpecsmithDiagnostics
import Testing

/// Problems the generation stage itself reports, at the spec's locations.
@Suite struct GenerationDiagnosticsTests {
    func generate(_ spec: String) throws -> Pipeline.Result {
        let folder = try TemporaryFolder("specsmith-gen")
        let path = folder.path + "/spec.yaml"
        try spec.write(toFile: path, atomically: true, encoding: .utf8)
        return try withExtendedLifetime(folder) {
            Pipeline(templates: try TemplateSet.defaults()).generate(GenerationJob(spec: path, output: folder.path + "/out", module: "T"))
        }
    }

    @Test func aPatternTheRuntimeCannotCompileIsAnErrorAtItsValue() throws {
        let result = try generate(
            """
            openapi: 3.1.0
            info: {title: t, version: "1"}
            components:
              schemas:
                A:
                  type: object
                  properties:
                    x: {type: string, pattern: "a(b"}
            """)
        #expect(result.files == nil)
        let error = try #require(result.diagnostics.first { $0.isError })
        #expect(error.message == "pattern 'a(b' is not a regular expression the generated code can use")
        #expect(error.location?.line == 8)
        #expect(error.location?.column == 36)
    }

    /// A pattern an `allOf` part or a referenced schema brings is reported at that schema's `pattern`.
    @Test func aPatternFromAnotherSchemaIsAnErrorAtItsValue() throws {
        let result = try generate(
            """
            openapi: 3.1.0
            info: {title: t, version: "1"}
            components:
              schemas:
                Code:
                  type: string
                  pattern: "[a-"
                A:
                  type: object
                  properties:
                    x: {allOf: [{$ref: '#/components/schemas/Code'}], maxLength: 3}
            """)
        let errors = result.diagnostics.filter(\.isError)
        #expect(errors.map(\.message) == ["pattern '[a-' is not a regular expression the generated code can use"])
        #expect(errors.first?.location?.line == 7)
        #expect(errors.first?.location?.column == 16)
    }

    /// A schema or parameter used in several places is warned about once, where it is written; and what
    /// the generated code does write as the spec asks draws no warning: a form body's default style, a
    /// multipart body's style (OpenAPI ignores it there), an allOf part whose additionalProperties is `{}`,
    /// and the charset spelled `utf8`.
    @Test func warningsComeOnceAndOnlyForWhatIsNotWritten() throws {
        let result = try generate(
            """
            openapi: 3.1.0
            info: {title: t, version: "1"}
            paths:
              /a:
                parameters:
                  - {name: q, in: query, allowReserved: true, content: {application/json: {schema: {type: object}}}}
                get:
                  operationId: a1
                  responses: {'204': {description: ok}}
                post:
                  operationId: a2
                  requestBody:
                    content:
                      application/x-www-form-urlencoded:
                        schema: {type: object, properties: {tags: {type: array, items: {type: string}}}}
                        encoding: {tags: {style: form, explode: true}}
                  responses: {'204': {description: ok}}
              /b:
                post:
                  operationId: b1
                  requestBody:
                    content:
                      multipart/form-data:
                        schema: {type: object, properties: {ids: {type: array, items: {type: integer}}}}
                        encoding: {ids: {explode: false}}
                  responses: {'204': {description: ok}}
                put:
                  operationId: b2
                  requestBody:
                    content:
                      text/plain; charset=utf8:
                        schema: {type: string}
                  responses: {'204': {description: ok}}
            components:
              schemas:
                Pair: {type: array, items: {type: integer}, const: [1, 2]}
                Open: {type: object, additionalProperties: {}, properties: {id: {type: string}}}
                Child: {allOf: [{$ref: '#/components/schemas/Open'}, {properties: {extra: {type: string}}}]}
                Uses:
                  type: object
                  properties:
                    first: {$ref: '#/components/schemas/Pair'}
                    second: {$ref: '#/components/schemas/Pair'}
            """)
        #expect(
            result.diagnostics.map { "\($0.location?.line ?? 0): \($0.message)" } == [
                "6: allowReserved applies to a parameter with a schema, not to content; the JSON text of 'q' is "
                    + "percent-encoded",
                "36: enum and const of an array or object are not checked yet",
            ]
        )
    }

    /// A form property's style cannot write an array of objects, as no query parameter's can: its encoding
    /// is not applied, with a warning at it, and the property is written as its type says.
    @Test func aFormStyleThatCannotWriteItsPropertyIsWarnedAbout() throws {
        let result = try generate(
            """
            openapi: 3.1.0
            info: {title: t, version: "1"}
            paths:
              /a:
                post:
                  operationId: a
                  requestBody:
                    content:
                      application/x-www-form-urlencoded:
                        schema:
                          type: object
                          properties:
                            lines: {type: array, items: {type: object, properties: {n: {type: integer}}}}
                        encoding:
                          lines: {style: pipeDelimited}
                  responses: {'204': {description: ok}}
            """)
        #expect(
            result.diagnostics.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0): \($0.message)" } == [
                "15:22: the encoding of body property 'lines' is not applied yet (style pipeDelimited, which cannot "
                    + "write arrays of objects, unions or arrays); it is written as its type says"
            ])
        let operations = try #require(result.files?.first { $0.name == "Operations.swift" })
        #expect(operations.contents.contains("try request.setFormBody(body)\n"))
    }

    /// What no style but `deepObject` spells, an object's values that are objects or arrays (here its additional
    /// properties), is warned about at the encoding; a multipart `contentType` list that is not one of media
    /// types is not applied, and its part takes no argument.
    @Test func encodingsThatCannotBeWrittenAsTheySayAreWarnedAbout() throws {
        let result = try generate(
            """
            openapi: 3.1.0
            info: {title: t, version: "1"}
            paths:
              /a:
                post:
                  operationId: a
                  requestBody:
                    content:
                      application/x-www-form-urlencoded:
                        schema:
                          type: object
                          properties:
                            limits: {type: object, additionalProperties: {type: array, items: {type: integer}}}
                        encoding:
                          limits: {style: pipeDelimited}
                  responses: {'204': {description: ok}}
              /b:
                post:
                  operationId: b
                  requestBody:
                    content:
                      multipart/form-data:
                        schema: {type: object, properties: {file: {type: string, format: binary}}}
                        encoding:
                          file: {contentType: 'image/png, png'}
                  responses: {'204': {description: ok}}
            """)
        #expect(
            result.diagnostics.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0): \($0.message)" } == [
                "15:23: style pipeDelimited cannot spell the objects and arrays that body property 'limits' holds "
                    + "(its additional properties); each is written as its JSON text",
                "25:21: the encoding of body property 'file' is not applied yet (contentType 'image/png, png', which "
                    + "names no one media type); it is written as its type says",
            ])
        let operations = try #require(result.files?.first { $0.name == "Operations.swift" })
        #expect(operations.contents.contains("try request.setMultipartBody(body)\n"))
    }

    /// A multipart part's documented header is an argument of the builder and client method, named after the
    /// property and the header, typed by its schema, required where the header is, and kept apart from the other
    /// arguments: a part's media type argument keeps its name, a parameter of the same name is numbered. In a form
    /// body the headers say nothing (OpenAPI ignores them there), without a warning.
    @Test func partHeadersAreArgumentsNamedAfterTheirPropertyApartFromTheOthers() throws {
        let result = try generate(
            """
            openapi: 3.1.0
            info: {title: t, version: "1"}
            servers: [{url: 'https://api.example.com'}]
            paths:
              /a:
                post:
                  operationId: a
                  parameters:
                    - {name: scanXLocale, in: query, schema: {type: string}}
                  requestBody:
                    content:
                      multipart/form-data:
                        schema:
                          type: object
                          properties:
                            scan: {type: string, format: binary}
                            scan-content: {type: string}
                        encoding:
                          scan:
                            contentType: 'image/png, image/jpeg'
                            headers:
                              X-Locale: {schema: {type: string}}
                              X-Pages: {required: true, schema: {type: integer}}
                          scan-content:
                            headers:
                              Type: {schema: {type: boolean}}
                  responses: {'204': {description: ok}}
              /b:
                post:
                  operationId: b
                  requestBody:
                    content:
                      application/x-www-form-urlencoded:
                        schema: {type: object, properties: {note: {type: string}}}
                        encoding:
                          note: {headers: {X-Locale: {schema: {type: string}}}}
                  responses: {'204': {description: ok}}
            """)
        #expect(result.diagnostics.isEmpty)
        let operations = try #require(result.files?.first { $0.name == "Operations.swift" }).contents
        #expect(
            operations.contains(
                """
                        _ body: ARequest? = nil,
                        scanContentType: String = "image/png",
                        scanXLocale: String? = nil,
                        scanXPages: Int,
                        scanContentType2: Bool? = nil,
                        scanXLocale2: String? = nil,
                """))
        #expect(operations.contains(#"request.addQueryItem("scanXLocale", scanXLocale2)"#))
        #expect(
            operations.contains(
                """
                                "scan": MultipartEncoding(
                                    contentType: scanContentType,
                                    within: "image/png, image/jpeg",
                                    headers: [.header("X-Locale", scanXLocale), .header("X-Pages", scanXPages)]
                                ),
                                "scan-content": MultipartEncoding(headers: [.header("Type", scanContentType2)]),
                """))
        #expect(operations.contains("try request.setFormBody(body)\n"))
        let client = try #require(result.files?.first { $0.name == "Client.swift" }).contents
        #expect(client.contains("scanXPages: scanXPages,"))
    }

    /// Each `allOf` level shares its parts twice (a chain of diamonds): every part is merged once, not
    /// once per path to it, which would be 2^60 merges here.
    @Test(.timeLimit(.minutes(1))) func aChainOfDiamondsMergesEachPartOnce() throws {
        var spec = """
            openapi: 3.1.0
            info: {title: t, version: "1"}
            paths: {}
            components:
              schemas:
                S0: {type: object, properties: {p0: {type: string}}}

            """
        for level in 1...60 {
            spec += "    S\(level): {allOf: [{$ref: '#/components/schemas/S\(level - 1)'}, "
            spec += "{$ref: '#/components/schemas/S\(level - 1)'}, {properties: {p\(level): {type: string}}}]}\n"
        }
        let result = try generate(spec)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let models = try #require(result.files).map(\.contents).joined()
        let top = try #require(models.range(of: "public struct S60:"))
        #expect(models[top.upperBound...].contains("public let p0: String?"))
        #expect(models[top.upperBound...].contains("public let p60: String?"))
    }

    /// A path's or an operation's own servers are cases of `Server`, and its requests go to the first
    /// unless told otherwise; the document's servers named again (Twilio repeats its one server on every
    /// path) change nothing.
    @Test func serversOfAPathOrOperationAreWhereItsRequestsGo() throws {
        let result = try generate(
            """
            openapi: 3.1.0
            info: {title: t, version: "1"}
            servers: [{url: "https://a.example.com"}, {url: "https://b.example.com"}]
            paths:
              /same:
                servers: [{url: "https://b.example.com"}, {url: "https://a.example.com"}]
                get:
                  operationId: same
                  responses: {'204': {description: ok}}
              /other:
                servers: [{url: "https://files.example.com"}]
                get:
                  operationId: files
                  responses: {'204': {description: ok}}
                post:
                  operationId: upload
                  servers: [{url: "https://upload.example.com", description: Upload server}]
                  responses: {'204': {description: ok}}
            """)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let files = try #require(result.files)
        let servers = try #require(files.first { $0.name == "Servers.swift" }?.contents)
        #expect(servers.contains("case server3\n"))
        #expect(servers.contains("case .server3: URL(string: \"https://files.example.com\")!"))
        #expect(servers.contains("case .upload: URL(string: \"https://upload.example.com\")!"))
        let operations = try #require(files.first { $0.name == "Operations.swift" }?.contents)
        #expect(operations.contains("func same(server: Server = .server1)"))
        #expect(operations.contains("func files(server: Server = .server3)"))
        #expect(operations.contains("func upload(server: Server = .upload)"))
        let client = try #require(files.first { $0.name == "Client.swift" }?.contents)
        #expect(client.contains("try Operations.same(server: server)"))
        #expect(client.contains("try Operations.upload()"))
    }

    /// One URL template that two operations name with other defaults is two servers, each operation
    /// defaulting to its own; named alike, it is one.
    @Test func oneServerTemplateWithOtherDefaultsIsTwoServers() throws {
        let server = "https://{region}.files.example.com"
        let result = try generate(
            """
            openapi: 3.1.0
            info: {title: t, version: "1"}
            servers: [{url: "https://api.example.com"}]
            paths:
              /a:
                get:
                  operationId: a
                  servers: [{url: '\(server)', variables: {region: {default: eu}}}]
                  responses: {'204': {description: ok}}
              /b:
                get:
                  operationId: b
                  servers: [{url: '\(server)', variables: {region: {default: us}}}]
                  responses: {'204': {description: ok}}
              /c:
                get:
                  operationId: c
                  servers: [{url: '\(server)', variables: {region: {default: eu}}}]
                  responses: {'204': {description: ok}}
            """)
        let files = try #require(result.files, "\(result.diagnostics)")
        let operations = try #require(files.first { $0.name == "Operations.swift" }?.contents)
        #expect(operations.contains("func a(server: Server = .server2())"))
        #expect(operations.contains("func b(server: Server = .server3())"))
        #expect(operations.contains("func c(server: Server = .server2())"))
        let servers = try #require(files.first { $0.name == "Servers.swift" }?.contents)
        #expect(servers.contains("case server3(region: String = \"us\")"))
        #expect(!servers.contains("case server4"))
    }

    /// A server URL is relative or absolute as its variables' defaults, each put in every place that names it,
    /// make it: `{scheme}:{slashes}{host}` is absolute, and so is a URL with other than ASCII in it whose default
    /// brings the `://`; `{base}/v1` with `base` a path is relative, and so is a URL whose one `://` is in the
    /// default of a variable that no place names.
    @Test func aServerURLIsRelativeAsItsDefaultsMakeIt() throws {
        let result = try generate(
            """
            openapi: 3.1.0
            info: {title: t, version: "1"}
            servers:
              - url: "{scheme}:{slashes}{host}/{host}"
                variables: {scheme: {default: https}, slashes: {default: //}, host: {default: example.com}}
              - url: "{base}/v1"
                variables: {base: {default: /api}}
              - url: "{adresse}/clés"
                variables: {adresse: {default: "https://exemple.fr"}}
              - url: "{nowhere}/v3"
                variables: {nowhere: {default: /x}, unused: {default: "https://"}}
            paths: {}
            """)
        let relative = result.diagnostics.filter { $0.message.contains("is relative to where") }.map(\.location?.line)
        #expect(relative == [6, 10])
    }

    @Test func aNotThatRefersBackToItsOwnSchemaIsAWarningAtItsLocation() throws {
        let result = try generate(
            """
            openapi: 3.1.0
            info: {title: t, version: "1"}
            components:
              schemas:
                Loop: {type: string, not: {$ref: '#/components/schemas/Loop'}}
                A:
                  type: object
                  properties:
                    x: {$ref: '#/components/schemas/Loop'}
            """)
        #expect(result.files != nil)
        let warning = try #require(result.diagnostics.first { $0.message.hasPrefix("'not'") })
        #expect(warning.message == "'not' with a reference to a schema it is part of is not checked yet")
        #expect(warning.location?.line == 5)
    }

    /// A mapping value must name one of the cases (directly or through an alias of its schema); another is
    /// reported at the value, once, whichever schemas use the union.
    @Test func aDiscriminatorMappingToNoCaseIsAWarningAtTheMappingValue() throws {
        let result = try generate(
            """
            openapi: 3.1.0
            info: {title: t, version: "1"}
            components:
              schemas:
                Cat: {type: object, properties: {kind: {type: string}}}
                Dog: {type: object, properties: {kind: {type: string}}}
                Wolf: {type: object, properties: {kind: {type: string}}}
                CatAlias: {$ref: '#/components/schemas/Cat'}
                Pet:
                  anyOf: [{$ref: '#/components/schemas/CatAlias'}, {$ref: '#/components/schemas/Dog'}]
                  discriminator:
                    propertyName: kind
                    mapping: {cat: Cat, wolf: '#/components/schemas/Wolf', dog: Dog}
                Home:
                  type: object
                  properties:
                    pet: {$ref: '#/components/schemas/Pet'}
                    pets: {type: array, items: {$ref: '#/components/schemas/Pet'}}
            """)
        #expect(result.files != nil)
        let warnings = result.diagnostics.filter { $0.message.hasPrefix("discriminator mapping") }
        #expect(
            warnings.map(\.message) == [
                "discriminator mapping 'wolf' names #/components/schemas/Wolf, which is none of the anyOf schemas: a "
                    + "value whose kind is 'wolf' does not decode"
            ])
        #expect(warnings.first?.location?.line == 13)
        #expect(warnings.first?.location?.column == 35)
    }

    @Test func aSubschemaWithWhatItsRulesCannotSayIsAWarningAndLeftOut() throws {
        let result = try generate(
            """
            openapi: 3.1.0
            info: {title: t, version: "1"}
            components:
              schemas:
                A:
                  type: object
                  properties:
                    tags: {type: array, items: {type: string}, not: {contains: {const: x}}}
                    when: {type: string, format: date-time, if: {maxLength: 20}, then: {minLength: 1}}
                    names: {type: array, items: {type: string}, not: {minItems: 1, maxItems: 3}}
            """)
        let files = try #require(result.files, "\(result.diagnostics)")
        #expect(
            result.diagnostics.map { "\($0.location?.line ?? 0): \($0.message)" } == [
                "8: 'not' with contains is not checked yet",
                "9: 'if' with maxLength, on a value of type Date is not checked yet",
                "9: 'then' with minLength, on a value of type Date is not checked yet",
            ]
        )
        // Neither is left as a `not` that no value meets, or an `if` with fewer rules than its subschema's.
        let validation = try #require(files.first { $0.name == "Validation.swift" }?.contents)
        #expect(!validation.contains("checkNot(tags"))
        #expect(!validation.contains("checkIf(when"))
        #expect(validation.contains("context.checkNot(names, at: \"names\") { subschema, value in"))
    }

    @Test func anObjectSubschemaThatRefersToMoreThanItsPropertiesSayIsAWarningAndLeftOut() throws {
        let result = try generate(
            """
            openapi: 3.1.0
            info: {title: t, version: "1"}
            components:
              schemas:
                RequiresA: {required: [a]}
                HasA: {type: object, properties: {a: {type: string}}, required: [a]}
                A:
                  type: object
                  properties:
                    a: {type: string}
                    b: {type: string}
                  if: {$ref: '#/components/schemas/RequiresA', not: {required: [b]}}
                  then: {required: [b]}
                  not: {$ref: '#/components/schemas/HasA'}
                B:
                  type: object
                  properties:
                    a: {type: string}
                    b: {type: string}
                  if: {$ref: '#/components/schemas/RequiresA'}
                  then: {required: [b]}
            """)
        let files = try #require(result.files, "\(result.diagnostics)")
        #expect(
            result.diagnostics.map { "\($0.location?.line ?? 0): \($0.message)" } == [
                "12: 'if' on an object is not checked yet: it has keywords beside its $ref",
                "14: 'not' on an object is not checked yet: it refers to a generated type (HasA)",
            ]
        )
        // A reference to a schema that only requires names is what it says.
        let validation = try #require(files.first { $0.name == "Validation.swift" }?.contents)
        #expect(!validation.contains("extension A: Validatable"))
        #expect(validation.contains("if a != nil {\n            context.check(present: b, at: \"b\")\n        }"))
    }

    @Test func constraintsThatCannotApplyToTheTypeAreNotChecked() throws {
        let result = try generate(
            """
            openapi: 3.1.0
            info: {title: t, version: "1"}
            components:
              schemas:
                A:
                  type: object
                  properties:
                    flag: {type: boolean, uniqueItems: true}
                    name: {type: string, minimum: 3, maxLength: 5}
            """)
        let validation = try #require(result.files?.first { $0.name == "Validation.swift" })
        #expect(validation.contents.contains(#"context.check(name, at: "name", .maxLength(5))"#))
        #expect(!validation.contents.contains("uniqueItems"))
        #expect(!validation.contents.contains(".minimum"))
    }

    @Test func aRequestBodyOfAnUnsupportedTypeSkipsTheOperationWithAWarning() throws {
        let result = try generate(
            """
            openapi: 3.1.0
            info: {title: t, version: "1"}
            paths:
              /upload:
                post:
                  operationId: upload
                  requestBody:
                    content:
                      application/xml: {schema: {type: object}}
                  responses:
                    '204': {description: done}
            """)
        let warning = try #require(result.diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("application/xml"))
        #expect(warning.location?.line == 8)
        #expect(result.files?.contains { $0.name == "Operations.swift" } == false)
    }

    /// Object keywords beside a `oneOf` are never dropped silently: where the members cannot merge with them, the
    /// union of its members alone is warned about at the schema, and a discriminator beside subschemas that only
    /// constrain the object's properties, which selects nothing, at the discriminator.
    @Test func objectKeywordsBesideAOneOfThatAreNotGeneratedAreWarnedAbout() throws {
        let result = try generate(
            """
            openapi: 3.1.0
            info: {title: t, version: "1"}
            components:
              schemas:
                Pet:
                  type: object
                  required: [kind]
                  properties: {kind: {type: string}}
                  oneOf: [{$ref: '#/components/schemas/Cat'}]
                Cat:
                  allOf: [{$ref: '#/components/schemas/Pet'}, {properties: {lives: {type: integer}}}]
                Contact:
                  type: object
                  properties: {email: {type: string}, phone: {type: string}}
                  discriminator: {propertyName: email}
                  oneOf: [{required: [email]}, {required: [phone]}]
            """)
        let messages = result.diagnostics.map { "\($0.location?.line ?? 0): \($0.message)" }
        #expect(
            messages.contains(
                "6: oneOf beside properties and required is a union of its members alone, without them: merging them "
                    + "with members that refer back to the schema (through Cat) never ends"))
        #expect(
            messages.contains(
                "15: a discriminator beside a oneOf whose subschemas only constrain the object's own properties "
                    + "selects nothing: the value is the object's struct"))
        let models = try #require(result.files?.first { $0.name == "Models.swift" }?.contents)
        #expect(models.contains("public enum Pet: Codable"))
        #expect(models.contains("public struct Contact: Codable"))
    }

    /// Parameters and response headers whose `content` is JSON (any `…+json`) or text (`text/…` with parameters,
    /// XML) are generated without a word; content of another media type is warned about at its parameter, which
    /// skips the operation, or at its header, which is the text that arrived.
    @Test func contentOfJSONAndTextMediaTypesIsGeneratedAndOtherContentIsWarnedAbout() throws {
        let result = try generate(
            """
            openapi: 3.1.0
            info: {title: t, version: "1"}
            servers: [{url: "https://api.example.com"}]
            paths:
              /a:
                get:
                  operationId: a
                  parameters:
                    - {name: f, in: query, content: {application/vnd.filter+json: {schema: {type: object}}}}
                    - {name: n, in: query, content: {"text/plain; charset=utf-8": {schema: {type: string}}}}
                    - {name: X-Doc, in: header, content: {application/soap+xml: {}}}
                  responses:
                    '200':
                      description: ok
                      headers:
                        X-Meta: {content: {application/problem+json: {schema: {type: object}}}}
                        X-Note: {content: {"Text/Plain": {schema: {type: string}}}}
                        X-Blob: {content: {image/png: {}}}
              /b:
                get:
                  operationId: b
                  parameters:
                    - {name: blob, in: query, content: {application/octet-stream: {}}}
                  responses: {'204': {description: ok}}
            """)
        let messages = result.diagnostics.map { "\($0.location?.line ?? 0): \($0.message)" }
        #expect(
            messages == [
                "18: response header 'X-Blob' has content of type image/png, which the client does not decode; its "
                    + "value is the text that arrived (String)",
                "23: parameter 'blob' has content of type application/octet-stream, which is not generated yet (only "
                    + "JSON and text are); operation 'b' is skipped",
            ])
        let files = try #require(result.files)
        let operations = try #require(files.first { $0.name == "Operations.swift" }?.contents)
        #expect(operations.contains("try request.addQueryItem(\"f\", json: f)"))
        #expect(operations.contains("request.addQueryItem(\"n\", n)"))
        #expect(operations.contains("try request.setHeader(\"X-Doc\", xDoc)"))
        #expect(!operations.contains("func b("))
        let client = try #require(files.first { $0.name == "Client.swift" }?.contents)
        #expect(client.contains("xMeta: response.header(\"X-Meta\", json: [String: JSONValue].self"))
        #expect(client.contains("xNote: response.header(\"X-Note\", as: String.self"))
        #expect(client.contains("xBlob: response.header(\"X-Blob\", as: String.self"))
    }

    /// The types that an `allOf` of parts that are not all objects cannot reconcile are named in the order met: the
    /// schema's own, then its parts', an object with properties as `object`, each once.
    @Test func conflictingAllOfTypesAreNamedInTheOrderMet() throws {
        let result = try generate(
            """
            openapi: 3.1.0
            info: {title: t, version: "1"}
            paths: {}
            components:
              schemas:
                Obj:
                  type: object
                  properties:
                    a: {type: string}
                Mixed:
                  type: string
                  allOf:
                    - {type: integer}
                    - $ref: '#/components/schemas/Obj'
                    - {type: [number, "null"]}
                    - {type: string}
            """)
        let warning = try #require(result.diagnostics.first { $0.message.hasPrefix("allOf parts") })
        #expect(
            warning.message
                == "allOf parts of types string and integer and object and number allow no value; "
                    + "the value is a JSONValue")
        #expect(warning.location?.line == 11)
    }
}
