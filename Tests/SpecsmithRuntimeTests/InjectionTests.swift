import Foundation
import HTTPTypes
import SpecsmithRuntime
import Testing

/// Values cannot reshape a request: whatever a path parameter, a query value, a header value or a body
/// holds, the request has exactly the method, path, query, headers and body that the operation
/// describes, with the value carried as data. Through the runtime's public API, as generated code calls it.
@Suite struct InjectionTests {
    static let server = URL(string: "https://api.example.com/v1")!

    /// The request path (with its query) for `GET /users/{id}/orders` with `id` set to `value`.
    func path(_ value: String) throws -> String? {
        let request = try RequestBuilder(method: .get, server: Self.server, path: "/users/\(value)/orders").build()
        return request.request.path
    }

    @Test(
        "a path parameter stays one segment, whatever it holds",
        arguments: [
            ("../admin", "/v1/users/..%2Fadmin/orders"),
            ("..", "/v1/users/%2E%2E/orders"),
            (".", "/v1/users/%2E/orders"),
            ("a/b", "/v1/users/a%2Fb/orders"),
            ("%2F", "/v1/users/%252F/orders"),
            ("?x=1", "/v1/users/%3Fx%3D1/orders"),
            ("#frag", "/v1/users/%23frag/orders"),
            ("a b+c", "/v1/users/a%20b%2Bc/orders"),
            ("é/😀", "/v1/users/%C3%A9%2F%F0%9F%98%80/orders"),
            ("\r\nHost: evil", "/v1/users/%0D%0AHost%3A%20evil/orders"),
            ("\\..\\", "/v1/users/%5C..%5C/orders"),
        ]
    )
    func pathParameter(value: String, expected: String) throws {
        #expect(try path(value) == expected)
        let url = try RequestBuilder(method: .get, server: Self.server, path: "/users/\(value)/orders").build().url
        // The URL parses back to the same path, with the value as one segment.
        #expect(url.host() == "api.example.com")
        #expect(url.query() == nil)
        #expect(url.fragment() == nil)
        let segments = url.path(percentEncoded: true).split(separator: "/", omittingEmptySubsequences: false)
        #expect(segments.count == 5)  // "", "v1", "users", the value, "orders"
        #expect(segments[3].removingPercentEncoding == value)
    }

    @Test func anEmptyPathParameterIsRefused() {
        #expect(throws: RequestError.emptyPathParameter) { try path("") }
    }

    @Test func anArrayPathParameterKeepsEachValueInItsSegment() throws {
        let values = ["a/b", "c,d", "../e"]
        let request = try RequestBuilder(method: .get, server: Self.server, path: "/items/\(values)").build()
        #expect(request.request.path == "/v1/items/a%2Fb,c%2Cd,..%2Fe")
    }

    @Test(
        "a query value is data: & = + # spaces and non-ASCII are encoded",
        arguments: [
            ("a&admin=true", "a%26admin%3Dtrue"),
            ("x=y", "x%3Dy"),
            ("1+1", "1%2B1"),
            ("a b", "a%20b"),
            ("#top", "%23top"),
            ("é 😀", "%C3%A9%20%F0%9F%98%80"),
            ("%26", "%2526"),
            ("line\r\nbreak", "line%0D%0Abreak"),
        ]
    )
    func queryValue(value: String, encoded: String) throws {
        var builder = RequestBuilder(method: .get, server: Self.server, path: "/search")
        builder.addQueryItem("q", value)
        builder.addQueryItem("page", 2)
        let request = try builder.build()
        #expect(request.request.path == "/v1/search?q=\(encoded)&page=2")
        // Parsed back, the query has exactly the two items, the value intact.
        let components = try #require(URLComponents(url: try request.url, resolvingAgainstBaseURL: false))
        let items = try #require(components.percentEncodedQueryItems)
        #expect(items.map(\.name) == ["q", "page"])
        #expect(items[0].value?.removingPercentEncoding == value)
        #expect(items[1].value == "2")
    }

    @Test func queryNamesAndArrayValuesAreEncodedToo() throws {
        var builder = RequestBuilder(method: .get, server: Self.server, path: "/search")
        builder.addQueryItem("a&b", "c")
        builder.addQueryItems("tag", ["x&y", "z=w"])
        builder.addQueryItems("ids", ["1,2", "3"], style: .form, explode: false)
        builder.addQueryItems("p", ["a|b", "c"], style: .pipeDelimited, explode: false)
        let request = try builder.build()
        #expect(request.request.path == "/v1/search?a%26b=c&tag=x%26y&tag=z%3Dw&ids=1%2C2,3&p=a%7Cb%7Cc")
    }

    @Test(
        "a header value with CR, LF or NUL is refused",
        arguments: ["a\r\nX-Admin: true", "a\nb", "a\rb", "a\u{0}b", "\r\n"]
    )
    func headerValue(value: String) {
        var builder = RequestBuilder(method: .get, server: Self.server, path: "/me")
        #expect(throws: RequestError.invalidHeaderValue(name: "X-Request-Id")) {
            try builder.setHeader("X-Request-Id", value)
        }
        #expect(throws: RequestError.invalidHeaderValue(name: "Authorization")) {
            try builder.setBearerToken(value)
        }
        // Nothing was set.
        #expect((try? builder.build())?.request.headerFields.count == 0)
    }

    @Test func aRefusedHeaderErrorNeverShowsTheValue() {
        var builder = RequestBuilder(method: .get, server: Self.server, path: "/me")
        do {
            try builder.setBearerToken("s3cr3t\r\nX-Admin: true")
            Issue.record("expected an error")
        } catch {
            #expect(!String(describing: error).contains("s3cr3t"))
            #expect(!String(reflecting: error).contains("s3cr3t"))
        }
    }

    @Test func headerValuesWithOtherCharactersAreKeptExactly() throws {
        var builder = RequestBuilder(method: .get, server: Self.server, path: "/me")
        try builder.setHeader("X-Note", "a: b; c=d, \"e\" é")
        try builder.setBearerToken("abc.def-ghi")
        let fields = try builder.build().request.headerFields
        #expect(fields.count == 2)
        #expect(fields[HTTPField.Name("X-Note")!] == "a: b; c=d, \"e\" é")
        #expect(fields[.authorization] == "Bearer abc.def-ghi")
    }

    @Test func anInvalidHeaderNameIsRefused() {
        var builder = RequestBuilder(method: .get, server: Self.server, path: "/me")
        #expect(throws: RequestError.invalidHeaderName("X-A\r\nB")) { try builder.setHeader("X-A\r\nB", "v") }
        #expect(throws: RequestError.invalidHeaderName("X A")) { try builder.setHeader("X A", "v") }
    }

    struct Note: Codable, Equatable {
        var title: String
        var text: String
    }

    @Test func aJSONBodyCarriesQuotesAndControlCharactersAsData() throws {
        let note = Note(
            title: "\"}, \"admin\": true, \"x\": {\"",
            text: "line\nbreak\ttab\r\u{0}nul\u{1F}unit \\ back / slash \u{2028}é😀"
        )
        var builder = RequestBuilder(method: .post, server: Self.server, path: "/notes")
        try builder.setJSONBody(note)
        let request = try builder.build()
        let body = try #require(request.body)
        let text = String(decoding: body, as: UTF8.self)
        // Every quote and control character escaped: the body is one object with exactly two keys.
        #expect(text.hasPrefix("{\"title\":\"\\\"}, \\\"admin\\\": true, \\\"x\\\": {\\\"\",\"text\":\"line\\nbreak\\ttab\\r\\u0000nul\\u001funit"))
        #expect(!text.utf8.contains { $0 < 0x20 })
        let object = try #require(try JSONSerialization.jsonObject(with: body) as? [String: String])
        #expect(object.keys.sorted() == ["text", "title"])
        #expect(try JSONDecoder().decode(Note.self, from: body) == note)
        #expect(request.request.headerFields[.contentType] == "application/json")
        #expect(request.request.path == "/v1/notes")
    }

    @Test func aFormBodyEncodesSeparatorsInValues() throws {
        var builder = RequestBuilder(method: .post, server: Self.server, path: "/token")
        try builder.setFormBody(Note(title: "a&b=c", text: "x+y z"))
        let body = try #require(try builder.build().body)
        #expect(String(decoding: body, as: UTF8.self) == "title=a%26b%3Dc&text=x%2By%20z")
    }

    @Test func aMultipartPartNameCannotBreakOutOfItsHeader() throws {
        struct Upload: Encodable {
            var value: String
            enum CodingKeys: String, CodingKey { case value = "a\"\r\nX-Evil: 1" }
        }
        var builder = RequestBuilder(method: .post, server: Self.server, path: "/upload")
        try builder.setMultipartBody(Upload(value: "v"), boundary: "B")
        let body = String(decoding: try #require(try builder.build().body), as: UTF8.self)
        #expect(body == "--B\r\nContent-Disposition: form-data; name=\"a%22%0D%0AX-Evil: 1\"\r\n\r\nv\r\n--B--\r\n")
    }
}
