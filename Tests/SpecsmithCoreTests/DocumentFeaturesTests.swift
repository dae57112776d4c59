import SpecsmithDiagnostics
import SpecsmithYAML
import Testing

@testable import SpecsmithCore

@Suite("Document model: what generation reads")
struct DocumentFeaturesTests {
    let result = LoadingFixtures.load("features-31.yaml")

    @Test("callbacks are reported as unsupported, not dropped silently")
    func unsupportedFeatureIsNamed() {
        #expect(
            LoadingFixtures.lines(result) == [
                "features-31.yaml:41:7: warning: callbacks are not supported; ignored"
            ]
        )
    }

    @Test("links: read inline and through components, with their parameters, body and description")
    func links() throws {
        let text = """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a:
                get:
                  operationId: getA
                  responses:
                    '200':
                      description: OK.
                      links:
                        next: {$ref: '#/components/links/Next'}
                        edit:
                          operationRef: '#/paths/~1a/get'
                          parameters: {id: $response.body#/id, size: 3}
                          requestBody: {name: x}
                          server: {url: https://b.example.com}
            components:
              links:
                Next: {operationId: getA, description: The next page.}
            """
        let result = DocumentLoader().load(bytes: Array(text.utf8), file: "t.yaml")
        #expect(result.diagnostics.isEmpty)
        let links = try #require(result.document?.paths["/a"]?.operation(.get)?.responses[.code(200)]?.links)
        #expect(links.keys == ["next", "edit"])
        #expect(links["next"]?.operationId == "getA" && links["next"]?.description == "The next page.")
        #expect(links["edit"]?.operationRef == "#/paths/~1a/get" && links["edit"]?.operationId == nil)
        #expect(links["edit"]?.parameters.keys == ["id", "size"])
        #expect(links["edit"]?.parameters["id"]?.stringValue == "$response.body#/id")
        #expect(links["edit"]?.requestBody?.documentationText == #"{"name": "x"}"#)
        #expect(result.document?.components.links.keys == ["Next"])
    }

    @Test("info, servers with variables and top-level security")
    func documentLevel() throws {
        let document = try LoadingFixtures.document(result)
        #expect(document.info.version == "2.0")
        #expect(document.info.extensions["x-audience"]?.scalar?.text == "internal")
        let server = try #require(document.servers.first)
        #expect(server.url == "https://{region}.example.com/{base}")
        #expect(server.variables.keys == ["region", "base"])
        #expect(server.variables["region"]?.enum == ["eu", "us"])
        #expect(server.variables["base"]?.default == "v2")
        let security = try #require(document.security)
        #expect(security.map(\.schemes.keys) == [["oauth"], []])
        #expect(security[0].schemes["oauth"] == ["read"])
        let oauth = try #require(document.components.securitySchemes["oauth"])
        #expect(oauth.type == .oauth2)
        #expect(oauth.flows?.clientCredentials?.tokenUrl == "https://example.com/token")
        #expect(oauth.flows?.clientCredentials?.scopes["read"] == "Read things.")
    }

    @Test("operation parameters override path-level ones; a 3.1 $ref's description overrides the target's")
    func parameters() throws {
        let document = try LoadingFixtures.document(result)
        let delete = try #require(document.paths["/pets/{id}"]?.operation(.delete))
        #expect(delete.operationId == "deletePet")
        #expect(delete.deprecated)
        #expect(delete.tags == ["pets"])
        #expect(delete.parameters.map(\.name) == ["id", "fields", "X-Trace"])
        #expect(delete.parameters.map(\.in) == [.path, .query, .header])
        let fields = delete.parameters[1]
        #expect(fields.style == .pipeDelimited)
        #expect(fields.effectiveExplode == false)
        #expect(fields.schema?.types == [.array])
        #expect(fields.schema?.items?.types == [.string])
        let trace = delete.parameters[2]
        #expect(trace.description == "Overrides the component's description.")
        #expect(trace.schema?.format == "uuid")
        #expect(document.components.parameters["Trace"]?.description == "The component's description.")
        #expect(delete.security == nil)
    }

    @Test("responses: ranges, default, header references, Content-Type header dropped, examples by reference")
    func responses() throws {
        let document = try LoadingFixtures.document(result)
        let delete = try #require(document.paths["/pets/{id}"]?.operation(.delete))
        #expect(delete.responses.map(\.status) == [.range(2), .default])
        let deleted = try #require(delete.responses[.range(2)])
        #expect(deleted.headers.keys == ["X-Rate-Limit"])
        #expect(deleted.headers["X-Rate-Limit"]?.description == "Requests left.")
        #expect(deleted.headers["X-Rate-Limit"]?.schema?.types == [.integer])
        let error = try #require(delete.responses[.default]?.content["application/json"])
        #expect(error.schema?.ref?.componentName == "Pet")
        guard case .object(let cat)? = error.examples["cat"]?.value else {
            Issue.record("example value is not an object")
            return
        }
        #expect(cat.keys == ["kind", "lives"])
        #expect(error.examples["cat"]?.summary == "A cat.")
    }

    @Test("schemas: oneOf with a discriminator whose bare names become references, const, prefixItems, items: false")
    func schemas() throws {
        let document = try LoadingFixtures.document(result)
        let pet = try #require(document.components.schemas["Pet"])
        #expect(pet.oneOf.compactMap(\.ref?.componentName) == ["Cat", "Dog"])
        let discriminator = try #require(pet.discriminator)
        #expect(discriminator.propertyName == "kind")
        #expect(discriminator.mapping.keys == ["cat", "dog"])
        #expect(discriminator.mapping["cat"]?.id == document.componentSchemaID("Cat"))
        #expect(discriminator.mapping["cat"]?.written == "Cat")
        #expect(discriminator.mapping["dog"]?.id == document.componentSchemaID("Dog"))

        let cat = try #require(document.components.schemas["Cat"])
        #expect(cat.properties["kind"]?.const == .string("cat"))
        #expect(cat.properties["lives"]?.default == .number(YAMLNumber(text: "9", isInteger: true)))
        #expect(cat.properties["lives"]?.minimum?.text == "1")

        let dog = try #require(document.components.schemas["Dog"])
        guard case .schema(let additional)? = dog.additionalProperties else {
            Issue.record("additionalProperties is not a schema")
            return
        }
        #expect(additional.types == [.string])
        let tags = try #require(dog.properties["tags"])
        #expect(tags.prefixItems.map(\.types) == [[.string]])
        #expect(tags.items?.not?.isEmpty == true)
        #expect(tags.uniqueItems)
    }

    @Test("webhooks are kept in the model")
    func webhooks() throws {
        let document = try LoadingFixtures.document(result)
        #expect(document.webhooks.keys == ["newPet"])
        let post = try #require(document.webhooks["newPet"]?.operation(.post))
        #expect(post.path == "newPet")
        #expect(post.requestBody?.content["application/json"]?.schema?.ref?.componentName == "Pet")
        #expect(document.operations.count == 1)
    }

    @Test("a referenced file with YAML errors reports them once, and each $ref into it")
    func brokenExternalFile() {
        let result = LoadingFixtures.load("external/uses-broken.yaml")
        #expect(
            LoadingFixtures.lines(result) == [
                "external/broken.yaml:3:1: error: expected ',' or ']' in the sequence that starts at line 2, column 9",
                "external/uses-broken.yaml:5:15: error: cannot resolve $ref \"broken.yaml#/Broken\": file \"external/broken.yaml\" has errors",
                "external/uses-broken.yaml:6:15: error: cannot resolve $ref \"broken.yaml#/Other\": file \"external/broken.yaml\" has errors",
            ]
        )
        #expect(result.sources.keys.contains(LoadingFixtures.path("external/broken.yaml")))
    }
}
