import Foundation
import SpecsmithRuntime
import Testing

@Suite("Server URL templates")
struct ServerURLTests {
    private let template = "https://{region}.api.example.com/{version}"

    @Test func variablesAreSubstituted() {
        let url = ServerURL.expand(template, ["region": "eu-west", "version": "v2"])
        #expect(url.absoluteString == "https://eu-west.api.example.com/v2")
    }

    @Test func aValueCannotChangeTheHostOrAddAPathOrQuery() throws {
        let url = ServerURL.expand(template, ["region": "evil.com/x?", "version": "v2/../admin#"])
        #expect(url.absoluteString == "https://evil.com%2Fx%3F.api.example.com/v2%2F..%2Fadmin%23")
        #expect(url.path.hasPrefix("/v2"))
        #expect(url.query == nil && url.fragment == nil)
    }

    /// A variable that stands for a piece of URL (its default in the spec is one) goes in as written;
    /// the others are still encoded.
    @Test func valuesAsWrittenAreNotEncoded() throws {
        let url = ServerURL.expand("{base}/{version}", ["version": "v/2"], asWritten: ["base": "http://localhost:8080"])
        #expect(url.absoluteString == "http://localhost:8080/v%2F2")
        let request = try RequestBuilder(method: .get, server: url, path: "/ping").build().request
        #expect(request.authority == "localhost:8080")
        #expect(request.path == "/v%2F2/ping")
    }

    @Test func requestsGoToTheExpandedServer() throws {
        let server = ServerURL.expand("https://api.example.com:{port}/{base}", ["port": "8443", "base": "v1"])
        let request = try RequestBuilder(method: .get, server: server, path: "/ping").build().request
        #expect(request.authority == "api.example.com:8443")
        #expect(request.path == "/v1/ping")
    }

    @Test func aTemplateThatIsNotAURLIsRefusedWhenTheRequestIsBuilt() {
        let server = ServerURL.expand("not a url {x}", ["x": "1"])
        #expect(throws: RequestError.invalidServerURL) {
            try RequestBuilder(method: .get, server: server, path: "/ping").build()
        }
    }
}
