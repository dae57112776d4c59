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
}
