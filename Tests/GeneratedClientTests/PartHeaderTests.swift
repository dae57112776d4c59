import Foundation
import HTTPTypes
import SpecsmithRuntime
import Testing

/// `uploadAlbum` sends a multipart body whose Encoding Objects document part headers: each is an argument of the
/// client method, checked as a parameter is, and sent on every part of its property.
@Suite struct PartHeaderTests {
    /// Answers every request with `204` and keeps the last one.
    final class RecordingTransport: HTTPTransport, @unchecked Sendable {
        private let lock = NSLock()
        private var last: PreparedRequest?

        var request: PreparedRequest? { lock.withLock { last } }

        func send(_ request: PreparedRequest) async throws -> ReceivedResponse {
            lock.withLock { last = request }
            return ReceivedResponse(status: .noContent)
        }
    }

    let album = UploadAlbumRequest(names: ["Ana", "Bo"], cover: Data("PNG".utf8))

    /// The body as text with its random boundary written `B`.
    func body(of request: PreparedRequest) throws -> String {
        let contentType = try #require(request.request.headerFields[.contentType])
        let boundary = try #require(contentType.split(separator: "boundary=").last)
        let text = String(decoding: try #require(request.body), as: UTF8.self)
        return text.replacingOccurrences(of: String(boundary), with: "B")
    }

    @Test func eachPartCarriesItsPropertysHeaders() async throws {
        let transport = RecordingTransport()
        let outcome = try await DecodingClient(transport: transport).uploadAlbum(
            album, namesXNameLocale: "fr", namesXNameOrder: .familyFirst, coverXUploadToken: "s3cr3t")
        #expect(outcome == .noContent)
        let expected =
            "--B\r\nContent-Disposition: form-data; name=\"names\"\r\n"
            + "x-name-locale: fr\r\nX-Name-Order: family-first\r\n\r\nAna\r\n"
            + "--B\r\nContent-Disposition: form-data; name=\"names\"\r\n"
            + "x-name-locale: fr\r\nX-Name-Order: family-first\r\n\r\nBo\r\n"
            + "--B\r\nContent-Disposition: form-data; name=\"cover\"; filename=\"cover\"\r\n"
            + "Content-Type: image/png\r\nX-Upload-Token: s3cr3t\r\n\r\nPNG\r\n--B--\r\n"
        let request = try #require(transport.request)
        #expect(try body(of: request) == expected)
        #expect(request.request.headerFields[HTTPField.Name("x-name-locale")!] == nil)
    }

    @Test func anOptionalHeaderLeftOutIsNotSent() async throws {
        let transport = RecordingTransport()
        _ = try await DecodingClient(transport: transport).uploadAlbum(
            UploadAlbumRequest(names: ["Ana"]), namesXNameOrder: .givenFirst)
        #expect(
            try body(of: try #require(transport.request))
                == "--B\r\nContent-Disposition: form-data; name=\"names\"\r\nX-Name-Order: given-first\r\n\r\nAna\r\n"
                + "--B--\r\n")
    }

    /// A value that breaks the header's schema, or that would end its line and start a part of its own, throws
    /// before anything is sent.
    @Test func aBadValueIsRefusedBeforeSending() async throws {
        let transport = RecordingTransport()
        let client = DecodingClient(transport: transport)
        let error = try await #require(throws: ValidationError.self) {
            try await client.uploadAlbum(
                album, namesXNameLocale: String(repeating: "a", count: 36), namesXNameOrder: .unknown("random"))
        }
        #expect(error.violations.map(\.path) == ["names.x-name-locale", "names.X-Name-Order"])
        await #expect(throws: RequestError.invalidHeaderValue(name: "x-name-locale")) {
            try await client.uploadAlbum(
                album, namesXNameLocale: "fr\r\n\r\n--B\r\nX-Admin: 1", namesXNameOrder: .givenFirst)
        }
        #expect(transport.request == nil)
    }

    /// Logs show a multipart body by its size, so a secret part header never reaches them.
    @Test func aSecretPartHeaderNeverReachesTheLogs() async throws {
        let lines = LockedLines()
        let client = DecodingClient(
            transport: RecordingTransport(), middlewares: [LoggingMiddleware(includeBodies: true) { lines.append($0) }])
        _ = try await client.uploadAlbum(album, namesXNameOrder: .givenFirst, coverXUploadToken: "s3cr3t")
        #expect(!lines.all.isEmpty)
        #expect(!lines.all.contains { $0.contains("s3cr3t") })
    }

    final class LockedLines: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        func append(_ line: String) { lock.withLock { lines.append(line) } }
        var all: [String] { lock.withLock { lines } }
    }
}
