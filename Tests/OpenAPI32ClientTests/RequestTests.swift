import Foundation
import HTTPTypes
import SpecsmithRuntime
import Testing

/// What the generated client sends for what OpenAPI 3.2 adds: the QUERY method, a method of
/// `additionalOperations`, and querystring parameters.
@Suite struct RequestTests {
    func sent(
        status: Int = 200, body: String = "[]", _ call: (LibraryClient) async throws -> Void
    ) async throws -> PreparedRequest {
        let transport = RecordingTransport(status: status, contentType: "application/json", body: body)
        try await call(LibraryClient(transport: transport))
        return try #require(transport.requests.first)
    }

    @Test func theQueryMethodIsSentWithItsBody() async throws {
        let request = try await sent { _ = try await $0.searchBooks(SearchBooksRequest(text: "dune")) }
        #expect(request.request.method.rawValue == "QUERY")
        #expect(request.request.path == "/books")
        #expect(request.body == Data(#"{"text":"dune"}"#.utf8))
    }

    @Test func anAdditionalOperationsMethodIsSentAsWritten() async throws {
        let request = try await sent(status: 201) { _ = try await $0.copyBook(id: "b 1", destination: "/books/b2") }
        #expect(request.request.method.rawValue == "COPY")
        #expect(request.request.path == "/books/b%201")
        #expect(request.request.headerFields[HTTPField.Name("Destination")!] == "/books/b2")
    }

    @Test func aFormQuerystringIsTheWholeQuery() async throws {
        let filter = ListBooksFilter(author: "Le Guin", tags: ["sf", "classic"], pages: .init(min: 100))
        let request = try await sent { _ = try await $0.listBooks(filter: filter) }
        #expect(request.request.path == "/books?author=Le%20Guin&tags=sf&tags=classic&pages%5Bmin%5D=100")
        let absent = try await sent { _ = try await $0.listBooks() }
        #expect(absent.request.path == "/books")
    }

    @Test func aJSONQuerystringIsItsJSONText() async throws {
        let request = try await sent(status: 204) { _ = try await $0.selectBooks(selector: .init(ids: [1, 2])) }
        #expect(request.request.path == "/books/selected?%7B%22ids%22%3A%5B1%2C2%5D%7D")
    }
}
