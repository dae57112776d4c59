import Foundation
import Testing

@testable import SpecsmithCore

/// The generated client is named after its module: a trailing `API` (or `Api`) gives way to `Client`.
@Suite struct ClientNamingTests {
    @Test(arguments: [
        ("EvalAPI", "EvalClient"), ("PetstoreApi", "PetstoreClient"), ("Golden", "GoldenClient"), ("API", "APIClient"),
        ("RAPIDAPI", "RAPIDClient"),
    ])
    func clientNameDropsATrailingAPI(module: String, client: String) {
        #expect(Renderer.clientName(module: module) == client)
    }

    /// Doc comments name the API by its title, adding `API` only where the title does not say it already.
    @Test(arguments: [
        ("Redocly Museum API", "the Redocly Museum API"), ("Swagger Petstore", "the Swagger Petstore API"),
        ("Discourse API Documentation", "the Discourse API Documentation"), ("Petstore Api", "the Petstore Api"),
        ("OpenAPI Petstore", "the OpenAPI Petstore API"), ("Twilio - Messaging", "the Twilio - Messaging API"),
        ("  ", "this API"),
    ])
    func docCommentsNameTheAPIOnce(title: String, name: String) throws {
        let folder = try TemporaryFolder("specsmith-title")
        let path = folder.path + "/spec.yaml"
        try """
            openapi: 3.1.0
            info: {title: "\(title)", version: "1"}
            servers: [{url: "https://api.example.com"}]
            paths:
              /ping:
                get:
                  operationId: ping
                  responses: {'204': {description: ok}}
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let result = Pipeline(templates: try TemplateSet.defaults())
            .generate(GenerationJob(spec: path, output: folder.path + "/out", module: "T"))
        let files = try #require(result.files)
        func contents(_ name: String) throws -> String { try #require(files.first { $0.name == name }?.contents) }
        #expect(try contents("Client.swift").contains("/// A client of \(name): one method per operation"))
        #expect(try contents("Servers.swift").contains("/// A server of \(name).\n"))
        #expect(try contents("Operations.swift").contains("/// Builds the requests of \(name)'s operations.\n"))
    }
}
