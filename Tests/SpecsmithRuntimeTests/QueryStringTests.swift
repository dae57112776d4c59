import Foundation
import HTTPTypes
import SpecsmithRuntime
import Testing

/// OpenAPI 3.2's `querystring` parameters: the whole query string as one value, written as its content says.
@Suite struct QueryStringTests {
    struct Filter: Encodable {
        var author: String?
        var tags: [String]?
        var pages: Pages?
    }

    struct Pages: Encodable {
        var min: Int
        var max: Int?
    }

    static let server = URL(string: "https://api.example.com")!

    func path(_ configure: (inout RequestBuilder) throws -> Void) throws -> String? {
        var builder = RequestBuilder(method: .get, server: Self.server, path: "/books")
        try configure(&builder)
        return try builder.build().request.path
    }

    /// Form content is the query a form body of the same value would be (OpenAPI 3.2's "A querystring parameter
    /// using regular form encoding"), its Encoding objects applied.
    @Test func formContentIsWrittenAsAFormBodyIs() throws {
        let filter = Filter(author: "a + b", tags: ["sf", "old"], pages: Pages(min: 100, max: nil))
        let query = try path { try $0.setQueryString(form: filter) }
        #expect(query == "/books?author=a%20%2B%20b&tags=sf&tags=old&pages=%7B%22min%22%3A100%7D")
        var body = RequestBuilder(method: .post, server: Self.server, path: "/books")
        try body.setFormBody(filter)
        let bodyText = String(decoding: try body.build().body ?? Data(), as: UTF8.self)
        #expect(query?.dropFirst("/books?".count) == bodyText[...])

        let styled = try path {
            try $0.setQueryString(
                form: filter, encodings: ["pages": .style(.deepObject, explode: true, allowReserved: false)])
        }
        #expect(styled == "/books?author=a%20%2B%20b&tags=sf&tags=old&pages%5Bmin%5D=100")
    }

    /// JSON content is the value's JSON text, percent-encoded so that it is one value (OpenAPI 3.2's "A querystring
    /// parameter that uses JSON for the entire string").
    @Test func jsonContentIsItsJSONTextPercentEncoded() throws {
        struct Selection: Encodable {
            var numbers: [Int]
            var flag: Bool?

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(numbers, forKey: .numbers)
                try container.encode(flag, forKey: .flag)
            }

            enum CodingKeys: String, CodingKey { case numbers, flag }
        }
        let query = try path { try $0.setQueryString(json: Selection(numbers: [1, 2], flag: nil)) }
        #expect(query == "/books?%7B%22numbers%22%3A%5B1%2C2%5D%2C%22flag%22%3Anull%7D")
    }

    /// Text content is the text, percent-encoded: `&`, `=` and `#` cannot split or end it.
    @Test func textContentIsTheTextPercentEncoded() throws {
        #expect(try path { $0.setQueryString("$.a.b[1:1]") } == "/books?%24.a.b%5B1%3A1%5D")
        #expect(try path { $0.setQueryString("a&b=c#d") } == "/books?a%26b%3Dc%23d")
    }

    /// An absent optional parameter leaves no query; an API key in the query follows the query string.
    @Test func nilLeavesNoQueryAndAnAPIKeyFollows() throws {
        #expect(try path { try $0.setQueryString(form: Filter?.none) } == "/books")
        #expect(try path { try $0.setQueryString(json: [Int]?.none) } == "/books")
        #expect(try path { $0.setQueryString(String?.none) } == "/books")
        let keyed = try path {
            try $0.setQueryString(form: Filter(author: "x"))
            $0.addQueryItem("api_key", "k")
        }
        #expect(keyed == "/books?author=x&api_key=k")
    }
}
