import Foundation
import SpecsmithRuntime
import Testing

/// Object keywords beside a `oneOf` or `anyOf` hold with it. `Pair` and `Reachable` declare properties whose
/// `oneOf` and `anyOf` only constrain them: each is a struct whose `validate()` checks that exactly one (at least
/// one) subschema holds. `Shape`'s subschemas declare properties of their own: it is a union of structs that
/// merge the object's keywords with each.
@Suite struct BesideUnionTests {
    func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try JSONCoding.makeDecoder().decode(type, from: Data(json.utf8))
    }

    /// Whether a value decoded from `json` meets its schema.
    func isValid<T: Decodable & Validatable>(_ type: T.Type, _ json: String) throws -> Bool {
        (try? decode(type, json).validate()) != nil
    }

    /// The JSON Schema Test Suite's "oneOf with required" (draft 2020-12 oneOf.json), on an object that declares
    /// the properties: exactly one of the two sets of keys.
    @Test func exactlyOneSubschemaOfTheOneOfHolds() throws {
        #expect(try !isValid(Pair.self, #"{"bar": 2}"#))
        #expect(try isValid(Pair.self, #"{"foo": 1, "bar": 2}"#))
        #expect(try isValid(Pair.self, #"{"foo": 1, "baz": 3}"#))
        #expect(try !isValid(Pair.self, #"{"foo": 1, "bar": 2, "baz": 3}"#))
    }

    @Test func aValueThatMeetsNoSubschemaIsReportedWithWhatEachFound() throws {
        let error = #expect(throws: ValidationError.self) { try Pair(bar: 2).validate() }
        #expect(
            error?.description
                == "matches no subschema of oneOf: 1) misses required property foo; 2) misses required property foo, "
                + "misses required property baz")
        #expect(error?.violations.map(\.keyword) == [.oneOf])
    }

    @Test func aValueThatMeetsSeveralSubschemasOfAOneOfIsReportedWithTheirNumbers() throws {
        let error = #expect(throws: ValidationError.self) { try Pair(foo: 1, bar: 2, baz: 3).validate() }
        #expect(error?.description == "matches subschemas 1 and 2 of oneOf, where exactly one must match")
    }

    @Test func atLeastOneSubschemaOfTheAnyOfHolds() throws {
        #expect(try isValid(Reachable.self, #"{"email": "a@example.com"}"#))
        #expect(try isValid(Reachable.self, #"{"phone": "+331234"}"#))
        #expect(try isValid(Reachable.self, #"{"email": "a@example.com", "phone": "+331234"}"#))
        // A phone that breaks the subschema's pattern does not meet it; the email meets the other.
        #expect(try isValid(Reachable.self, #"{"email": "a@example.com", "phone": "0612"}"#))
        #expect(try !isValid(Reachable.self, #"{"phone": "0612"}"#))
        #expect(try !isValid(Reachable.self, #"{}"#))
    }

    @Test func theCheckIsReportedAtTheObjectsPath() throws {
        let card = try decode(Card.self, #"{"contact": {"phone": "0612"}}"#)
        let error = #expect(throws: ValidationError.self) { try card.validate() }
        #expect(
            error?.description
                == "contact: matches no subschema of anyOf: 1) misses required property email; 2) phone: does not "
                + "match pattern ^\\+[0-9]+$")
    }

    @Test func eachCaseOfADistributedUnionHoldsTheObjectsPropertiesAndItsMembers() throws {
        #expect(try decode(Shape.self, #"{"id": "s1", "radius": 2}"#) == .circle(ShapeCircle(id: "s1", radius: 2)))
        #expect(try decode(Shape.self, #"{"id": "s2", "side": 3}"#) == .square(ShapeSquare(id: "s2", side: 3)))
        // The object's required id is required in every case.
        #expect(throws: DecodingError.self) { try decode(Shape.self, #"{"radius": 2}"#) }
    }

    @Test func aCaseChecksTheObjectsConstraintsAndItsMembers() throws {
        let error = #expect(throws: ValidationError.self) {
            try Shape.circle(ShapeCircle(id: "too-long-id", radius: 0)).validate()
        }
        #expect(error?.description == "id: length 11 exceeds maxLength 8\nradius: is not above exclusiveMinimum 0")
    }
}
