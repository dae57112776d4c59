import Foundation
import HTTPTypes
import SpecsmithRuntime
import Testing

/// Documented response headers as generated clients read them: `header` and `requiredHeader`, each value from
/// its text in OpenAPI's `simple` style.
@Suite struct ResponseHeaderValueTests {
    private func response(_ fields: [(String, String)]) -> ReceivedResponse {
        var headerFields = HTTPFields()
        for (name, value) in fields { headerFields.append(HTTPField(name: HTTPField.Name(name)!, value: value)) }
        return ReceivedResponse(status: .ok, headerFields: headerFields)
    }

    @Test func scalarsAreReadFromTheirText() throws {
        let response = response([
            ("Count", "-3"), ("Big", "9007199254740993"), ("Ratio", "2.5e1"), ("Small", "1.5"), ("On", "false"),
            ("At", "2024-05-01T14:30:00.250+02:00"), ("Name", "  spaced out\t"),
        ])
        #expect(try response.header("count", as: Int.self, operation: "op") == -3)
        #expect(try response.header("Big", as: Int64.self, operation: "op") == 9_007_199_254_740_993)
        #expect(try response.header("Ratio", as: Double.self, operation: "op") == 25)
        #expect(try response.header("Small", as: Float.self, operation: "op") == 1.5)
        #expect(try response.header("On", as: Bool.self, operation: "op") == false)
        #expect(try response.header("At", as: Date.self, operation: "op") == Date(timeIntervalSince1970: 1_714_566_600.25))
        #expect(try response.header("Name", as: String.self, operation: "op") == "spaced out")
        #expect(try response.header("Absent", as: Int.self, operation: "op") == nil)
    }

    @Test func aValueOutsideItsTypeIsUndecodable() {
        let response = response([("Count", "2147483648"), ("Flag", "True"), ("At", "Wed, 31 Apr 2024 12:30:00 GMT")])
        #expect(throws: UnexpectedResponse(operation: "op", reason: .undecodableHeader("Count", expected: "Int32"), response: response)) {
            try response.header("Count", as: Int32.self, operation: "op")
        }
        #expect(throws: UnexpectedResponse(operation: "op", reason: .undecodableHeader("Flag", expected: "Bool"), response: response)) {
            try response.header("Flag", as: Bool.self, operation: "op")
        }
        // April has 30 days.
        #expect(throws: UnexpectedResponse(operation: "op", reason: .undecodableHeader("At", expected: "Date"), response: response)) {
            try response.header("At", as: Date.self, operation: "op")
        }
    }

    /// Servers send `Last-Modified`, `Expires` and `Date` in HTTP's own formats (RFC 9110, 5.6.7): a
    /// `date-time` header reads them as well as RFC 3339.
    @Test func datesInHTTPsOwnFormats() throws {
        let response = response([
            ("Fixdate", "Sun, 06 Nov 1994 08:49:37 GMT"), ("RFC850", "Sunday, 06-Nov-94 08:49:37 GMT"),
            ("Asctime", "Sun Nov  6 08:49:37 1994"), ("Leap", "Thu, 29 Feb 2024 23:59:59 GMT"),
            ("Dates", "Sun, 06 Nov 1994 08:49:37 GMT, 2024-05-01T12:00:00Z"),
            ("Local", "Sun, 06 Nov 1994 08:49:37 CET"), ("NoLeap", "Thu, 29 Feb 2023 23:59:59 GMT"),
            ("Month", "Sun, 06 Noe 1994 08:49:37 GMT"),
        ])
        let expected = Date(timeIntervalSince1970: 784_111_777)
        #expect(try response.header("Fixdate", as: Date.self, operation: "op") == expected)
        #expect(try response.header("RFC850", as: Date.self, operation: "op") == expected)
        #expect(try response.header("Asctime", as: Date.self, operation: "op") == expected)
        #expect(try response.header("Leap", as: Date.self, operation: "op") == Date(timeIntervalSince1970: 1_709_251_199))
        #expect(
            try response.header("Dates", as: [Date].self, operation: "op")
                == [expected, Date(timeIntervalSince1970: 1_714_564_800)])
        for name in ["Local", "NoLeap", "Month"] {
            #expect(throws: UnexpectedResponse.self) { try response.header(name, as: Date.self, operation: "op") }
        }
    }

    @Test func arraysAreTheCommaSeparatedValuesOfEveryField() throws {
        let response = response([("Ids", "1, 2"), ("ids", " ,3 "), ("Empty", "")])
        #expect(try response.header("IDS", as: [Int].self, operation: "op") == [1, 2, 3])
        #expect(try response.header("Empty", as: [String].self, operation: "op") == [])
        #expect(throws: UnexpectedResponse(operation: "op", reason: .undecodableHeader("Ids", expected: "[Bool]"), response: response)) {
            try response.header("Ids", as: [Bool].self, operation: "op")
        }
    }

    @Test func aRequiredHeaderThatIsAbsentIsMissing() throws {
        let response = response([("Count", "1")])
        #expect(try response.requiredHeader("count", as: Int.self, operation: "op") == 1)
        let missing = UnexpectedResponse(operation: "op", reason: .missingHeader("X-Limit"), response: response)
        #expect(throws: missing) { try response.requiredHeader("X-Limit", as: Int.self, operation: "op") }
        #expect(missing.description == "op: status 200 without the required header X-Limit [Count: 1] body (empty)")
    }

    private struct Paging: Decodable, Equatable {
        var next: String?
        var size: Int
        var at: Date?
    }

    /// A header whose `content` is JSON is decoded from its text as a JSON body is: dates in RFC 3339, and the
    /// fields of a name joined by `, ` first.
    @Test func aJSONHeaderIsDecodedFromItsText() throws {
        let response = response([
            ("X-Paging", #" {"next": "/p?page=2", "size": 20, "at": "2024-05-01T12:30:00Z"} "#),
            ("X-Ids", "[1"), ("x-ids", "2]"), ("X-Name", #""Zoë""#),
        ])
        #expect(
            try response.header("x-paging", json: Paging.self, operation: "op")
                == Paging(next: "/p?page=2", size: 20, at: Date(timeIntervalSince1970: 1_714_566_600)))
        #expect(try response.header("X-Ids", json: [Int].self, operation: "op") == [1, 2])
        #expect(try response.requiredHeader("X-Name", json: String.self, operation: "op") == "Zoë")
        #expect(try response.header("Absent", json: Paging.self, operation: "op") == nil)
    }

    /// JSON of another type, or text that is no JSON, throws a reason that names the type, not the value, which
    /// may be a secret; a required JSON header that is absent is missing.
    @Test func aJSONHeaderThatDoesNotDecodeThrowsWithoutItsValue() throws {
        let response = response([("X-Paging", #"{"next": "s3cr3t"}"#), ("X-Name", "s3cr3t")])
        let paging = UnexpectedResponse(
            operation: "op", reason: .undecodableHeader("X-Paging", expected: "Paging in JSON"), response: response)
        #expect(throws: paging) { try response.header("X-Paging", json: Paging.self, operation: "op") }
        let name = UnexpectedResponse(
            operation: "op", reason: .undecodableHeader("X-Name", expected: "String in JSON"), response: response)
        #expect(throws: name) { try response.requiredHeader("X-Name", json: String.self, operation: "op") }
        #expect(name.description.contains("with a header X-Name that is not String in JSON"))
        let missing = UnexpectedResponse(operation: "op", reason: .missingHeader("X-Limit"), response: response)
        #expect(throws: missing) { try response.requiredHeader("X-Limit", json: Int.self, operation: "op") }
    }
}
