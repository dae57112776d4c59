import Foundation
import SpecsmithRuntime
import Testing

/// Shaped like a generated open enum.
private enum Color: OpenEnum {
    case red
    case darkBlue
    case unknown(String)

    static let allCases: [Self] = [.red, .darkBlue]

    var rawValue: String {
        switch self {
        case .red: "Red"
        case .darkBlue: "DARK_BLUE"
        case .unknown(let rawValue): rawValue
        }
    }
}

/// Shaped like a generated model with secrets.
private struct Credentials: Codable, Hashable, Sendable, SecretRedacting {
    let user: String
    let password: String
    let apiKey: String?
    let note: String?
    let nested: [Credentials]?

    var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "user": user as Any,
                "password": Redacted(password),
                "apiKey": Redacted(apiKey),
                "note": note as Any,
                "nested": nested as Any,
            ],
            displayStyle: .struct
        )
    }
}

@Suite("Open enums")
struct OpenEnumTests {
    @Test func knownValuesDecodeToTheirCaseAndOthersToUnknown() throws {
        let json = Data(#"["Red","DARK_BLUE","Green","red"]"#.utf8)
        let colors = try JSONCoding.makeDecoder().decode([Color].self, from: json)
        #expect(colors == [.red, .darkBlue, .unknown("Green"), .unknown("red")])
    }

    @Test func everyValueEncodesAsItsRawValue() throws {
        let data = try JSONCoding.encode([Color.red, .darkBlue, .unknown("Green")])
        #expect(String(decoding: data, as: UTF8.self) == #"["Red","DARK_BLUE","Green"]"#)
    }

    @Test func rawValueInitialiserNeverFails() {
        #expect(Color(rawValue: "Red") == .red)
        #expect(Color(rawValue: "Purple") == .unknown("Purple"))
        #expect(Color("DARK_BLUE") == .darkBlue)
        #expect(Color.darkBlue.description == "DARK_BLUE")
        #expect("\(Color.unknown("Teal"))" == "Teal")
    }

    @Test func aNonStringIsStillADecodingError() {
        #expect(throws: DecodingError.self) {
            try JSONCoding.makeDecoder().decode([Color].self, from: Data("[1]".utf8))
        }
    }
}

@Suite("Redaction")
struct RedactionTests {
    private let credentials = Credentials(
        user: "ada", password: "PASSWORD-1", apiKey: "APIKEY-2", note: "hello",
        nested: [
            Credentials(user: "bob", password: "PASSWORD-3", apiKey: nil, note: nil, nested: nil)
        ])

    private var renderings: [String] {
        var dumped = ""
        dump(credentials, to: &dumped)
        var printed = ""
        print(credentials, to: &printed)
        return [
            printed, dumped, String(describing: credentials), String(reflecting: credentials), "\(credentials)",
            credentials.description, credentials.debugDescription,
            "\(Mirror(reflecting: credentials).children.map(\.value))",
        ]
    }

    @Test func noRenderingShowsASecret() {
        for text in renderings {
            for secret in ["PASSWORD-1", "APIKEY-2", "PASSWORD-3"] {
                #expect(!text.contains(secret), "\(text)")
            }
            #expect(text.contains("<redacted>"))
            #expect(text.contains("ada"))
        }
    }

    @Test func descriptionShowsPublicValuesAndAbsentSecrets() {
        #expect(
            credentials.description == """
                Credentials(user: "ada", password: <redacted>, apiKey: <redacted>, note: "hello", \
                nested: [Credentials(user: "bob", password: <redacted>, apiKey: nil, note: nil, nested: nil)])
                """)
    }

    @Test func redactedHasNoChildren() {
        #expect(Mirror(reflecting: Redacted("secret")).children.isEmpty)
        #expect(Redacted(String?.none).description == "nil")
    }
}

@Suite("Date-time coding")
struct DateTimeTests {
    private struct Event: Codable, Equatable {
        let at: Date
    }

    private func decode(_ text: String) throws -> Date {
        try JSONCoding.makeDecoder().decode(Event.self, from: Data(#"{"at":"\#(text)"}"#.utf8)).at
    }

    @Test func decodesWithAndWithoutFractionalSecondsAndOffsets() throws {
        let whole = Date(timeIntervalSince1970: 1_714_566_600)  // 2024-05-01T12:30:00Z
        #expect(try decode("2024-05-01T12:30:00Z") == whole)
        #expect(try decode("2024-05-01T12:30:00.250Z") == whole.addingTimeInterval(0.25))
        #expect(try decode("2024-05-01T14:30:00+02:00") == whole)
        #expect(try decode("2024-05-01T12:30:00.5+00:00") == whole.addingTimeInterval(0.5))
    }

    @Test func rejectsTextThatIsNotADateTime() {
        for text in ["2024-05-01", "yesterday", "2024-05-01 12:30:00", ""] {
            #expect(throws: DecodingError.self) { try decode(text) }
        }
    }

    @Test func encodesUTCWithMillisecondsOnlyWhenNeeded() throws {
        let whole = Date(timeIntervalSince1970: 1_714_566_600)
        #expect(
            String(decoding: try JSONCoding.encode(Event(at: whole)), as: UTF8.self)
                == #"{"at":"2024-05-01T12:30:00Z"}"#)
        #expect(
            String(decoding: try JSONCoding.encode(Event(at: whole.addingTimeInterval(0.25))), as: UTF8.self)
                == #"{"at":"2024-05-01T12:30:00.250Z"}"#)
        let viaJSONEncoder = try JSONCoding.makeEncoder().encode(Event(at: whole))
        #expect(String(decoding: viaJSONEncoder, as: UTF8.self) == #"{"at":"2024-05-01T12:30:00Z"}"#)
    }

    @Test func roundTripsThroughTheCoders() throws {
        let event = Event(at: Date(timeIntervalSince1970: 1_700_000_000.125))
        #expect(try JSONCoding.makeDecoder().decode(Event.self, from: JSONCoding.encode(event)) == event)
    }
}

@Suite("JSON encoding")
struct JSONEncodingTests {
    @Test func escapesStringsAndWritesNumbers() throws {
        let value: [String: [String]] = ["k": ["quote \" backslash \\ newline \n tab \t bell \u{7} slash / é"]]
        #expect(
            String(decoding: try JSONCoding.encode(value), as: UTF8.self)
                == #"{"k":["quote \" backslash \\ newline \n tab \t bell \u0007 slash / é"]}"#)
        #expect(
            String(decoding: try JSONCoding.encode([1.0, 0.1, -2.5e-7, 1e21]), as: UTF8.self)
                == "[1,0.1,-2.5e-07,1e+21]")
        #expect(throws: EncodingError.self) { try JSONCoding.encode([Double.nan]) }
    }

    @Test func dictionariesAreWrittenWithSortedKeys() throws {
        let value: [String: [String: Int]] = ["zulu": ["b": 2, "a": 1], "alpha": [:], "mike": ["x": 0]]
        for _ in 0..<5 {
            #expect(
                String(decoding: try JSONCoding.encode(value), as: UTF8.self)
                    == #"{"alpha":{},"mike":{"x":0},"zulu":{"a":1,"b":2}}"#)
        }
    }

    @Test func encodedOutputIsValidJSON() throws {
        struct Nested: Codable, Equatable {
            var a: Int?
            var b: [[String: Bool]]
            var c: Float
        }
        let value = Nested(a: nil, b: [["x": true], [:]], c: 0.1)
        let data = try JSONCoding.encode(value)
        #expect(String(decoding: data, as: UTF8.self) == #"{"b":[{"x":true},{}],"c":0.1}"#)
        #expect(try JSONDecoder().decode(Nested.self, from: data) == value)
    }
}

@Suite("Free-form JSON values")
struct JSONValueTests {
    @Test func decodesEveryKindOfValue() throws {
        let json = #"{"n":null,"b":true,"i":9007199254740993,"d":1.5,"s":"x","a":[1,"two"],"o":{"k":false}}"#
        let value = try JSONCoding.makeDecoder().decode(JSONValue.self, from: Data(json.utf8))
        #expect(
            value
                == .object([
                    "n": .null, "b": .bool(true), "i": .integer(9_007_199_254_740_993), "d": .number(1.5),
                    "s": .string("x"), "a": .array([.integer(1), .string("two")]), "o": .object(["k": .bool(false)]),
                ]))
    }

    @Test func encodesWithSortedObjectKeys() throws {
        let value = JSONValue.object(["z": .array([.null, .number(0.5)]), "a": .integer(-3), "m": .string("é")])
        #expect(String(decoding: try JSONCoding.encode(value), as: UTF8.self) == #"{"a":-3,"m":"é","z":[null,0.5]}"#)
    }

    @Test func literalsBuildValues() {
        let value: JSONValue = ["a": [1, 2.5, "x", true, nil]]
        #expect(value == .object(["a": .array([.integer(1), .number(2.5), .string("x"), .bool(true), .null])]))
    }

    @Test func objectsTakePropertyRules() {
        let object: [String: JSONValue] = ["a": .null]
        let error = #expect(throws: ValidationError.self) {
            try ValidationContext.validate { $0.check(object, at: "extra", .required("id")) }
        }
        #expect(error?.description == "extra: misses required property id")
    }
}
