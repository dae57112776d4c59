import Foundation
import SpecsmithRuntime
import Testing

/// `Animal` is `allOf: [Tagged, {oneOf: [Cat, Dog], discriminator: kind}]` and `Sighting` is `allOf: [Tagged]`
/// beside `anyOf: [Cat, Dog]`: each is a union whose cases merge the base with one member, so a value meets
/// the base's constraints and its member's.
@Suite struct DistributedUnionTests {
    func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try JSONCoding.makeDecoder().decode(type, from: Data(json.utf8))
    }

    @Test func theDiscriminatorSelectsTheMergedCase() throws {
        let cat = try decode(Animal.self, #"{"id": "a1", "kind": "cat", "lives": 7}"#)
        #expect(cat == .cat(AnimalCat(id: "a1", kind: "cat", lives: 7)))
        let dog = try decode(Animal.self, #"{"id": "a2", "kind": "dog", "lives": 7}"#)
        #expect(dog == .dog(AnimalDog(id: "a2", kind: "dog")))
    }

    @Test func theBasesRequiredPropertyIsRequiredInEveryCase() throws {
        #expect(throws: DecodingError.self) { try decode(Animal.self, #"{"kind": "cat", "lives": 7}"#) }
        #expect(throws: DecodingError.self) { try decode(Sighting.self, #"{"lives": 7}"#) }
    }

    @Test func withoutADiscriminatorTheFirstCaseWhoseConstraintsHoldIsTaken() throws {
        // 12 lives break Cat's maximum: the value is a Dog with the base's id.
        #expect(try decode(Sighting.self, #"{"id": "s1", "lives": 12}"#) == .dog(SightingDog(id: "s1")))
        #expect(try decode(Sighting.self, #"{"id": "s1", "lives": 9}"#) == .cat(SightingCat(id: "s1", lives: 9)))
        // The base's maxLength holds in every case: no case is met, so the first that decodes is kept.
        let long = try decode(Sighting.self, #"{"id": "too-long-id", "lives": 3}"#)
        #expect(long == .cat(SightingCat(id: "too-long-id", lives: 3)))
    }

    @Test func validationChecksTheBaseAndTheMember() throws {
        let error = #expect(throws: ValidationError.self) {
            try Animal.cat(AnimalCat(id: "too-long-id", kind: "cat", lives: 12)).validate()
        }
        #expect(error?.description == "id: length 11 exceeds maxLength 8\nlives: exceeds maximum 9")
        try Animal.dog(AnimalDog(id: "a2", barks: true)).validate()
    }

    @Test func aCaseEncodesAsOneObject() throws {
        let cat = Animal.cat(AnimalCat(id: "a1", kind: "cat", lives: 7))
        let encoded = try JSONCoding.makeEncoder().encode(cat)
        let object = try JSONSerialization.jsonObject(with: encoded) as? [String: Any]
        #expect(object?["id"] as? String == "a1")
        #expect(object?["kind"] as? String == "cat")
        #expect(object?["lives"] as? Int == 7)
        #expect(try decode(Animal.self, String(decoding: encoded, as: UTF8.self)) == cat)
    }
}
