import Foundation
import SpecsmithCore
import SpecsmithDiagnostics
import Testing

/// What the generator makes of what OpenAPI 3.2 adds, through the pipeline as `specsmith generate` runs it.
@Suite struct OpenAPI32GenerationTests {
    func generate(_ spec: String) throws -> Pipeline.Result {
        let folder = try TemporaryFolder("specsmith-gen32")
        let path = folder.path + "/spec.yaml"
        try spec.write(toFile: path, atomically: true, encoding: .utf8)
        return try withExtendedLifetime(folder) {
            Pipeline(templates: try TemplateSet.defaults())
                .generate(GenerationJob(spec: path, output: folder.path + "/out", module: "T"))
        }
    }

    /// The diagnostics as `line:column: severity: message`, without the temporary file's path.
    func lines(_ result: Pipeline.Result) -> [String] {
        result.diagnostics.map { diagnostic in
            let place = diagnostic.location.map { "\($0.line):\($0.column): " } ?? ""
            return place + (diagnostic.isError ? "error: " : "warning: ") + diagnostic.message
        }
    }

    func operations(_ result: Pipeline.Result) throws -> String {
        let files = try #require(result.files)
        return try #require(files.first { $0.name == "Operations.swift" }).contents
    }

    @Test func aQuerystringParameterIsWrittenAsItsContentSays() throws {
        let result = try generate(
            """
            openapi: 3.2.0
            info: {title: t, version: "1"}
            servers: [{url: https://api.example.com}]
            paths:
              /form:
                get:
                  operationId: byForm
                  parameters:
                    - name: filter
                      in: querystring
                      content:
                        application/x-www-form-urlencoded:
                          schema: {type: object, properties: {author: {type: string}}}
                  responses: {'204': {description: Done.}}
              /json:
                get:
                  operationId: byJSON
                  security: [{key: []}]
                  parameters:
                    - {name: selector, in: querystring, content: {application/json: {schema: {type: object}}}}
                  responses: {'204': {description: Done.}}
              /scalar:
                get:
                  operationId: byScalar
                  parameters:
                    - name: value
                      in: querystring
                      content: {application/x-www-form-urlencoded: {schema: {type: string}}}
                  responses: {'204': {description: Done.}}
            components:
              securitySchemes:
                key: {type: apiKey, in: query, name: api_key}
            """)
        #expect(
            lines(result) == [
                "20:11: warning: API key 'api_key' is added to the query after querystring parameter 'selector', "
                    + "joined by '&', which its JSON text does not provide for",
                "28:65: warning: querystring parameter 'value' has form content that is no object, whose properties "
                    + "would be the query's pairs; operation 'byScalar' is skipped",
            ])
        let code = try operations(result)
        #expect(code.contains("try request.setQueryString(form: filter)"))
        #expect(code.contains("try request.setQueryString(json: selector)"))
        #expect(!code.contains("func byScalar"))
    }

    /// A defaultMapping that names no case says so where it is, and the union decodes as it would without it.
    @Test func aDefaultMappingThatNamesNoCaseIsWarnedAbout() throws {
        let result = try generate(
            """
            openapi: 3.2.0
            info: {title: t, version: "1"}
            components:
              schemas:
                Pet:
                  oneOf: [{$ref: '#/components/schemas/Cat'}]
                  discriminator: {propertyName: kind, defaultMapping: Stray}
                Vehicle:
                  type: object
                  properties: {kind: {type: string}}
                  discriminator: {propertyName: kind, defaultMapping: Stray}
                Car:
                  allOf: [{$ref: '#/components/schemas/Vehicle'}, {properties: {seats: {type: integer}}}]
                Cat: {type: object, properties: {kind: {type: string}}}
                Stray: {type: object}
            """)
        #expect(
            lines(result) == [
                "7:59: warning: discriminator defaultMapping names Stray, which is none of the oneOf schemas: a value "
                    + "without kind, or whose kind selects no schema, does not decode",
                "11:59: warning: discriminator defaultMapping names Stray, which does not extend Vehicle with allOf "
                    + "directly: a value without kind, or whose kind selects no schema, decodes as VehicleBase",
            ])
        let models = try #require(result.files?.first { $0.name == "Models.swift" }).contents
        #expect(models.contains("throw OneOfDecoding.unknownDiscriminator("))
        #expect(
            models.contains("default: self = .vehicle(try decoder.singleValueContainer().decode(VehicleBase.self))"))
    }

    /// An itemSchema is generated for the responses of sequential JSON media types; elsewhere it is warned about
    /// where it is written, and the content is what it is without it.
    @Test func anItemSchemaIsGeneratedForSequentialJSONResponsesOnly() throws {
        let result = try generate(
            """
            openapi: 3.2.0
            info: {title: t, version: "1"}
            paths:
              /events:
                get:
                  operationId: readEvents
                  responses:
                    '200':
                      description: The events.
                      content:
                        text/event-stream: {itemSchema: {type: object}}
                    '201':
                      description: The events stored.
                      content:
                        application/x-ndjson: {itemSchema: {type: integer}}
                put:
                  operationId: putEvents
                  requestBody:
                    content:
                      application/octet-stream: {itemSchema: {type: object}}
                  responses:
                    '204': {description: Stored.}
            """)
        #expect(
            lines(result) == [
                "11:45: warning: itemSchema of text/event-stream in a response is not generated yet (only response "
                    + "bodies of JSON Lines, NDJSON and JSON text sequences are); the content is read and sent as "
                    + "without it",
                "20:50: warning: itemSchema of application/octet-stream in a request body is not generated yet (only "
                    + "response bodies of JSON Lines, NDJSON and JSON text sequences are); the content is read and "
                    + "sent as without it",
            ])
        let client = try #require(result.files?.first { $0.name == "Client.swift" }).contents
        #expect(client.contains("case ok(String)"))
        #expect(client.contains("case created([Int])"))
        #expect(client.contains("try response.decodeJSONSequence(Int.self, operation: operation.name)"))
        #expect(try operations(result).contains("request.setBinaryBody(body)"))
    }

    /// A link's operationRef to a `query` operation leads to its client method in 3.2; in 3.1, which has no such
    /// operation, it is stated as written, as before.
    @Test func aLinkToAQueryOperationIsAClientMethodIn32Only() throws {
        func client(_ version: String) throws -> (String, [String]) {
            let result = try generate(
                """
                openapi: \(version)
                info: {title: t, version: "1"}
                paths:
                  /books:
                    get:
                      operationId: listBooks
                      responses:
                        '200':
                          description: The books.
                          links:
                            search: {operationRef: '#/paths/~1books/query'}
                    query:
                      operationId: searchBooks
                      responses: {'204': {description: Found.}}
                """)
            return (try #require(result.files?.first { $0.name == "Client.swift" }).contents, lines(result))
        }
        let (client32, lines32) = try client("3.2.0")
        #expect(lines32 == [])
        #expect(client32.contains("Its `search` link leads to `searchBooks`."))
        let (client31, lines31) = try client("3.1.0")
        #expect(lines31 == ["12:5: warning: the \"query\" method is not supported; ignored"])
        #expect(client31.contains("Its `search` link leads to the operation at `#/paths/~1books/query`."))
    }
}
