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

    /// Cookies in style cookie are sent as given; one in form style is percent-encoded; a value a cookie cannot
    /// hold as given throws before anything is sent.
    @Test func cookieStyleCookiesAreSentAsGiven() async throws {
        let request = try await sent(status: 204) {
            _ = try await $0.openSession(session: "s%3B1", prefs: .init(theme: "dark"), greeting: "Hi, you")
        }
        #expect(request.request.headerFields[.cookie] == "session=s%3B1; theme=dark; greeting=Hi%2C%20you")
        let transport = RecordingTransport(status: 204)
        await #expect(throws: RequestError.invalidCookie(name: "session")) {
            _ = try await LibraryClient(transport: transport).openSession(session: "s;admin=1")
        }
        #expect(transport.requests.isEmpty)
    }
}
