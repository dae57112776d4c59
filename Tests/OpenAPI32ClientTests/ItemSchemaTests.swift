import Foundation
import SpecsmithRuntime
import Testing

/// A response whose media types are sequential JSON with an `itemSchema` (OpenAPI 3.2) is the array of its items,
/// read as the `Content-Type` says.
@Suite struct ItemSchemaTests {
    func log(_ body: String, contentType: String?) async throws -> LibraryClient.ReadLogOutcome.OkBody {
        let transport = RecordingTransport(status: 200, contentType: contentType, body: body)
        guard case .ok(let log) = try await LibraryClient(transport: transport).readLog() else {
            throw UnexpectedOutcome()
        }
        let accept = transport.requests.first?.request.headerFields[.accept]
        #expect(accept == "application/jsonl, application/json-seq;q=0.5")
        return log
    }

    @Test func jsonLinesAreAnItemPerLine() async throws {
        let body = "{\"level\": 1, \"message\": \"up\"}\n{\"message\": \"ready\"}\n"
        let log = try await log(body, contentType: "application/jsonl")
        #expect(log == .jsonl([LogEntry(level: 1, message: "up"), LogEntry(message: "ready")]))
    }

    @Test func jsonTextSequencesAreAnItemPerRecord() async throws {
        let body = "\u{1E}{\"message\": \"up\"}\n\u{1E}{\n  \"level\": 3,\n  \"message\": \"down\"\n}\n"
        let log = try await log(body, contentType: "application/json-seq")
        #expect(log == .jsonSeq([LogEntry(message: "up"), LogEntry(level: 3, message: "down")]))
    }

    @Test func anItemThatDoesNotDecodeIsAnUnexpectedResponse() async throws {
        let transport = RecordingTransport(
            status: 200, contentType: "application/jsonl", body: "{\"message\": \"up\"}\n{\"level\": 2}\n")
        let error = try await #require(throws: UnexpectedResponse.self) {
            try await LibraryClient(transport: transport).readLog()
        }
        #expect(error.reason == .undecodableBody("[1]: missing key message"))
    }
}
