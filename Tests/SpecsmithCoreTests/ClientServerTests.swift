import Foundation
import SpecsmithCore
import Testing

/// Which server the client and the request builders send to when the document names none of its own.
@Suite struct ClientServerTests {
    /// The generated `Client.swift` and `Operations.swift` of `spec`.
    func generate(_ spec: String) throws -> (client: String, operations: String) {
        let folder = try TemporaryFolder("specsmith-client-servers")
        let path = folder.path + "/spec.yaml"
        try spec.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try withExtendedLifetime(folder) {
            Pipeline(templates: try TemplateSet.defaults()).generate(
                GenerationJob(spec: path, output: folder.path + "/out", module: "T"))
        }
        let files = try #require(result.files)
        let client = try #require(files.first { $0.name == "Client.swift" }).contents
        let operations = try #require(files.first { $0.name == "Operations.swift" }).contents
        return (client, operations)
    }

    /// OpenAPI's default server, `/`, is relative: an operation without servers of its own does not go to
    /// those another path names.
    @Test func anOperationWithoutServersDoesNotTakeAnotherPathsServer() throws {
        let (client, operations) = try generate(
            """
            openapi: 3.0.3
            info: {title: t, version: "1"}
            paths:
              /a:
                servers: [{url: 'https://a.example.com'}]
                get:
                  operationId: a
                  responses: {'200': {description: ok}}
              /b:
                get:
                  operationId: b
                  responses: {'200': {description: ok}}
            """)
        #expect(client.contains("        server: Server,\n"))
        #expect(operations.contains("func a(server: Server = .server1)"))
        #expect(operations.contains("func b(server: Server)"))
    }

    /// Where every operation has servers of its own, the client's server is never used, and has a default.
    @Test func aClientWhoseOperationsAllHaveServersOfTheirOwnNeedsNone() throws {
        let (client, _) = try generate(
            """
            openapi: 3.0.3
            info: {title: t, version: "1"}
            paths:
              /a:
                servers: [{url: 'https://a.example.com'}]
                get:
                  operationId: a
                  responses: {'200': {description: ok}}
            """)
        #expect(client.contains("        server: Server = .server1,\n"))
    }
}
