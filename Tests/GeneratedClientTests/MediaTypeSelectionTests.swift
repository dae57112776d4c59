import Foundation
import SpecsmithRuntime
import Testing

/// A response that the spec documents in several media types is read as the one its `Content-Type`
/// selects, and the outcome says which arrived.
@Suite struct MediaTypeSelectionTests {
    @Test func eachMediaTypeIsReadAsItsOwnCase() async throws {
        let json = DecodingClient(status: 200, contentType: "application/json", body: #"{"up":true}"#)
        #expect(try await json.getStatus() == .ok(.json(Status(up: true))))
        let text = DecodingClient(status: 200, contentType: "text/plain", body: "up")
        #expect(try await text.getStatus() == .ok(.plain("up")))
        let xml = DecodingClient(status: 200, contentType: "application/xml", body: "<status up='true'/>")
        #expect(try await xml.getStatus() == .ok(.xml(Data("<status up='true'/>".utf8))))
    }

    @Test func parametersAndCaseDoNotMatter() async throws {
        let text = DecodingClient(status: 200, contentType: "Text/Plain; charset=ISO-8859-1", body: "up")
        #expect(try await text.getStatus() == .ok(.plain("up")))
        let json = DecodingClient(status: 200, contentType: "APPLICATION/JSON;charset=utf-8", body: #"{"up":false}"#)
        #expect(try await json.getStatus() == .ok(.json(Status(up: false))))
    }

    @Test func withoutContentTypeTheJSONMediaTypeIsRead() async throws {
        let client = DecodingClient(status: 200, contentType: nil, body: #"{"up":true}"#)
        #expect(try await client.getStatus() == .ok(.json(Status(up: true))))
    }

    @Test func aMediaTypeTheSpecDoesNotListIsUnexpected() async throws {
        let client = DecodingClient(status: 200, contentType: "text/html", body: "<p>up</p>")
        let error = try await #require(throws: UnexpectedResponse.self) { try await client.getStatus() }
        #expect(error.reason == .unexpectedContentType("text/html"))
        #expect(error.body == Data("<p>up</p>".utf8))
    }

    @Test func theMostSpecificMediaTypeRangeWins() async throws {
        func outcome(_ contentType: String, _ body: String) async throws -> DecodingClient.GetStatusOutcome {
            try await DecodingClient(status: 503, contentType: contentType, body: body).getStatus()
        }
        #expect(try await outcome("text/html", "<p>down</p>") == .serverError(status: 503, body: .html("<p>down</p>")))
        #expect(try await outcome("text/csv", "up\nfalse") == .serverError(status: 503, body: .text("up\nfalse")))
        #expect(try await outcome("image/png", "PNG") == .serverError(status: 503, body: .other(Data("PNG".utf8))))
        let problem = try await outcome("application/problem+json", #"{"up":false}"#)
        #expect(problem == .serverError(status: 503, body: .json(Status(up: false))))
        // `application/*+json` names no plain `application/json`, which `*/*` then takes.
        let json = try await outcome("application/json", #"{"up":false}"#)
        #expect(json == .serverError(status: 503, body: .other(Data(#"{"up":false}"#.utf8))))
    }

    @Test func aResponseInOneMediaTypeIsReadAsBefore() async throws {
        let client = DecodingClient(status: 404, contentType: "application/json", body: #"{"up":false}"#)
        #expect(try await client.getStatus() == .notFound(Status(up: false)))
        let text = DecodingClient(status: 404, contentType: "text/plain", body: "gone")
        let error = try await #require(throws: UnexpectedResponse.self) { try await text.getStatus() }
        #expect(error.reason == .unexpectedContentType("text/plain"))
    }

    @Test func aBodyThatDoesNotDecodeAsTheSelectedMediaTypeIsUndecodable() async throws {
        let client = DecodingClient(status: 200, contentType: "application/json", body: "up")
        let error = try await #require(throws: UnexpectedResponse.self) { try await client.getStatus() }
        #expect(error.reason == .undecodableBody("not valid JSON"))
    }
}
