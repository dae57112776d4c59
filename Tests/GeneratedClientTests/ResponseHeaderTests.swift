import Foundation
import SpecsmithRuntime
import Testing

/// `getLimits` documents headers: its outcome's cases carry them as a struct, each header read from its text
/// as its schema's type in OpenAPI's `simple` style, whatever the case of its name.
@Suite struct ResponseHeaderTests {
    typealias Headers = DecodingClient.GetLimitsOutcome.OkHeaders

    func headers(_ fields: [(String, String)]) async throws -> Headers {
        let outcome = try await DecodingClient(status: 200, fields: fields).getLimits()
        guard case .ok(let status, let headers) = outcome else { throw UnexpectedOutcome() }
        #expect(status == Status(up: true))
        return headers
    }

    func error(_ fields: [(String, String)]) async throws -> UnexpectedResponse {
        try await #require(throws: UnexpectedResponse.self) {
            try await DecodingClient(status: 200, fields: fields).getLimits()
        }
    }

    struct UnexpectedOutcome: Error {}

    @Test func presentHeadersAreReadAsTheirTypes() async throws {
        let headers = try await headers([
            ("X-Rate-Limit", "42"), ("x-next", "/limits?page=2"), ("X-Shards", "1,2, 3"), ("X-Policy", "burst"),
            ("X-Reset", "2024-05-01T12:30:00Z"), ("X-Cached", "true"), ("X-Session-Token", "s3cr3t"),
        ])
        #expect(
            headers
                == Headers(
                    xRateLimit: 42,
                    xNext: "/limits?page=2",
                    xShards: [1, 2, 3],
                    xPolicy: .burst,
                    xReset: Date(timeIntervalSince1970: 1_714_566_600),
                    xCached: true,
                    xSessionToken: "s3cr3t"
                )
        )
    }

    @Test func missingOptionalHeadersAreNil() async throws {
        let headers = try await headers([("X-Rate-Limit", "0")])
        #expect(headers == Headers(xRateLimit: 0))
        #expect(headers.xNext == nil && headers.xShards == nil && headers.xPolicy == nil && headers.xCached == nil)
    }

    @Test func aMissingRequiredHeaderThrows() async throws {
        let error = try await error([("x-next", "/limits?page=2")])
        #expect(error.reason == .missingHeader("X-Rate-Limit"))
        #expect(error.description.contains("status 200 without the required header X-Rate-Limit"))
    }

    @Test func aValueThatIsNotOfTheTypeThrows() async throws {
        let error = try await error([("X-Rate-Limit", "lots")])
        #expect(error.reason == .undecodableHeader("X-Rate-Limit", expected: "Int"))
        #expect(error.description.contains("status 200 with a header X-Rate-Limit that is not Int"))
        let element = try await self.error([("X-Rate-Limit", "1"), ("X-Shards", "1, two")])
        #expect(element.reason == .undecodableHeader("X-Shards", expected: "[Int]"))
        let flag = try await self.error([("X-Rate-Limit", "1"), ("X-Cached", "yes")])
        #expect(flag.reason == .undecodableHeader("X-Cached", expected: "Bool"))
    }

    /// A constraint the server broke (`maximum: 100`, `maxLength: 4`) does not stop decoding, as in bodies.
    @Test func constraintsAreNotChecked() async throws {
        let headers = try await headers([("X-Rate-Limit", "1000"), ("x-next", "/limits?page=2")])
        #expect(headers.xRateLimit == 1000 && headers.xNext == "/limits?page=2")
    }

    @Test func arraysAreCommaSeparatedAndRepeatedFieldsJoined() async throws {
        let headers = try await headers([
            ("X-Rate-Limit", "1"), ("X-Shards", " 4 ,5"), ("X-Shards", "6"), ("X-Shards", ""),
            ("X-Policies", "sustained, burst,, gentle"), ("x-next", "a"), ("X-Next", "b"),
        ])
        #expect(headers.xShards == [4, 5, 6])
        #expect(headers.xPolicies == [.sustained, .burst, .unknown("gentle")])
        // A string is the fields' values joined, as HTTP combines them.
        #expect(headers.xNext == "a, b")
    }

    @Test func enumsKeepUnlistedValues() async throws {
        let headers = try await headers([("X-Rate-Limit", "1"), ("X-Policy", "gentle")])
        #expect(headers.xPolicy == .unknown("gentle"))
    }

    @Test func namesAreCaseInsensitive() async throws {
        let headers = try await headers([("x-rate-limit", "7"), ("X-NEXT", "/p2"), ("x-policy", "sustained")])
        #expect(headers == Headers(xRateLimit: 7, xNext: "/p2", xPolicy: .sustained))
    }

    @Test func headersOfARangeOrDefaultComeAfterTheStatus() async throws {
        let outcome = try await DecodingClient(status: 503, fields: [("Retry-After", "30")], body: "").getLimits()
        #expect(outcome == .other(status: 503, headers: .init(retryAfter: 30)))
        let without = try await DecodingClient(status: 429, fields: [], body: "").getLimits()
        #expect(without == .other(status: 429, headers: .init()))
    }

    @Test func aSecretHeaderIsNeverPrinted() async throws {
        let headers = try await headers([("X-Rate-Limit", "3"), ("X-Session-Token", "s3cr3t")])
        for text in [String(describing: headers), String(reflecting: headers), "\(headers)"] {
            #expect(!text.contains("s3cr3t"))
            #expect(text.contains("xSessionToken: <redacted>") && text.contains("xRateLimit: 3"))
        }
        var dumped = ""
        dump(headers, to: &dumped)
        #expect(!dumped.contains("s3cr3t"))
    }

    /// A header whose `content` is JSON is its schema's type, decoded from the header's text as a JSON body is;
    /// one whose `content` is `text/plain` is the text, or the value its schema makes of it.
    @Test func contentHeadersAreReadAsTheirMediaTypeSays() async throws {
        let headers = try await headers([
            ("X-Rate-Limit", "1"), ("X-Usage", #"{"used": 7, "since": "2024-05-01T12:30:00Z"}"#),
            ("X-Note", " Back at noon, maybe. "), ("X-Window", "60"),
        ])
        #expect(headers.xUsage == Usage(used: 7, since: Date(timeIntervalSince1970: 1_714_566_600)))
        #expect(headers.xNote == "Back at noon, maybe.")
        #expect(headers.xWindow == 60)
        let absent = try await self.headers([("X-Rate-Limit", "1")])
        #expect(absent.xUsage == nil && absent.xNote == nil && absent.xWindow == nil)
    }

    @Test func aJSONHeaderThatDoesNotDecodeThrows() async throws {
        for value in [#"{"since": "2024-05-01T12:30:00Z"}"#, "used=7", #"{"used": "seven"}"#] {
            let error = try await error([("X-Rate-Limit", "1"), ("X-Usage", value)])
            #expect(error.reason == .undecodableHeader("X-Usage", expected: "Usage in JSON"))
        }
        let window = try await error([("X-Rate-Limit", "1"), ("X-Window", "an hour")])
        #expect(window.reason == .undecodableHeader("X-Window", expected: "Int"))
    }

    /// A header whose JSON content may be `null` is optional, also where it is required: `null` is `nil`, and only
    /// a missing required header or text of another type throws.
    @Test func aJSONHeaderThatMayBeNullReadsNullAsNil() async throws {
        let quota = try await headers([("X-Rate-Limit", "1"), ("X-Quota", #"{"used": 2}"#)])
        #expect(quota.xQuota == Usage(used: 2))
        let nullQuota = try await headers([("X-Rate-Limit", "1"), ("X-Quota", "null")])
        #expect(nullQuota.xQuota == nil)

        func accepted(_ fields: [(String, String)]) async throws -> DecodingClient.GetLimitsOutcome {
            try await DecodingClient(status: 202, fields: fields, body: "").getLimits()
        }
        #expect(try await accepted([("X-Count", "5")]) == .accepted(headers: .init(xCount: 5)))
        #expect(try await accepted([("X-Count", " null ")]) == .accepted(headers: .init(xCount: nil)))
        let missing = try await #require(throws: UnexpectedResponse.self) { try await accepted([]) }
        #expect(missing.reason == .missingHeader("X-Count"))
        let wrong = try await #require(throws: UnexpectedResponse.self) { try await accepted([("X-Count", "five")]) }
        #expect(wrong.reason == .undecodableHeader("X-Count", expected: "Int? in JSON"))
    }
}

/// A header whose schema is an object of single scalar values is read in OpenAPI's `simple` style: `R,100,G,200`,
/// or `from=...,seconds=...` where it is exploded, each value as its property's type.
@Suite struct ObjectResponseHeaderTests {
    func headers(_ fields: [(String, String)]) async throws -> ResponseHeaderTests.Headers {
        try await ResponseHeaderTests().headers([("X-Rate-Limit", "1")] + fields)
    }

    func error(_ fields: [(String, String)]) async throws -> UnexpectedResponse {
        try await ResponseHeaderTests().error([("X-Rate-Limit", "1")] + fields)
    }

    @Test func anObjectIsReadFromItsNamesAndValues() async throws {
        let headers = try await headers([
            ("X-Colour", "R, 100,G,200,mode,hsl"),
            ("X-Window-Span", "from=2024-05-01T12:30:00Z,seconds=90.5, rolling=true"),
        ])
        #expect(headers.xColour == GetLimitsOkXColour(r: 100, g: 200, mode: .hsl))
        #expect(
            headers.xWindowSpan == Span(from: Date(timeIntervalSince1970: 1_714_566_600), seconds: 90.5, rolling: true))
        let some = try await self.headers([("X-Colour", "R,5,mode,cmyk"), ("X-Window-Span", "")])
        #expect(some.xColour == GetLimitsOkXColour(r: 5, mode: .unknown("cmyk")))
        #expect(some.xWindowSpan == Span())
        let absent = try await self.headers([])
        #expect(absent.xColour == nil && absent.xWindowSpan == nil)
    }

    @Test func textThatIsNoSuchObjectThrows() async throws {
        let colours = [
            "R,100,G", "R=100", "G,200", "R,red", "R,1,R,2",
        ]
        for value in colours {
            let error = try await error([("X-Colour", value)])
            #expect(error.reason == .undecodableHeader("X-Colour", expected: "GetLimitsOkXColour in simple style"))
        }
        for value in ["from,2024-05-01T12:30:00Z", "seconds=soon", "rolling=yes"] {
            let error = try await error([("X-Window-Span", value)])
            #expect(error.reason == .undecodableHeader("X-Window-Span", expected: "Span in simple style"))
        }
    }
}
