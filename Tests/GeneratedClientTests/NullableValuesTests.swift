import Foundation
import SpecsmithRuntime
import Testing

/// Undeclared values beside properties whose schema allows null are optional: `Attributes` keeps
/// `[String: String?]`, `Catalog` keeps `[String: Attributes?]`. A null decodes as `nil`, is written back as
/// null, and the values' rules skip it.
@Suite struct NullableValuesTests {
    func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try JSONCoding.makeDecoder().decode(type, from: Data(json.utf8))
    }

    @Test func aNullUndeclaredValueDecodesAsNilAndIsWrittenBackAsNull() throws {
        let attributes = try decode(Attributes.self, #"{"id": "a1", "colour": null, "size": "XL"}"#)
        #expect(attributes.id == "a1")
        #expect(attributes.additionalProperties == ["colour": String?.none, "size": "XL"])
        let json = String(decoding: try JSONCoding.encode(attributes), as: UTF8.self)
        #expect(json == #"{"id":"a1","colour":null,"size":"XL"}"#)
    }

    @Test func theValuesRulesSkipNullsAndReportTheOthersAtTheirNames() throws {
        let attributes = try decode(Attributes.self, #"{"colour": null, "size": "XXXL"}"#)
        let error = #expect(throws: ValidationError.self) { try attributes.validate() }
        #expect(error?.violations.map(\.path) == ["size"])
        #expect(error?.violations.map(\.keyword) == [.maxLength])
    }

    @Test func undeclaredValuesOfAGeneratedTypeMayBeNullAndAreChecked() throws {
        let catalog = try decode(Catalog.self, #"{"name": "c", "none": null, "shirt": {"id": "s", "size": "XXXL"}}"#)
        #expect(catalog.additionalProperties["none"] == .some(nil))
        #expect(catalog.additionalProperties["shirt"]??.additionalProperties == ["size": "XXXL"])
        let error = #expect(throws: ValidationError.self) { try catalog.validate() }
        #expect(error?.violations.map(\.path) == ["shirt.size"])
        let json = String(decoding: try JSONCoding.encode(catalog), as: UTF8.self)
        #expect(json == #"{"name":"c","none":null,"shirt":{"id":"s","size":"XXXL"}}"#)
    }
}

/// A JSON response body's items that may be null are optional: `listScores` decodes `[Int?]`.
@Suite struct NullableBodyItemsTests {
    @Test func aNullItemOfABodyDecodesAsNil() async throws {
        let client = DecodingClient(status: 200, contentType: "application/json", body: "[1, null, 3]")
        #expect(try await client.listScores() == .ok([1, nil, 3]))
    }
}
