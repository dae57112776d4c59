import Foundation
import SpecsmithRuntime
import Testing

/// `Pet` is `oneOf: [Cat, Dog]` with `discriminator: {propertyName: kind}`: the property selects the case;
/// without it, the value is matched against each case, as a union without a discriminator is.
@Suite struct DiscriminatorTests {
    func pets(_ body: String) async throws -> [Pet] {
        let outcome = try await DecodingClient(status: 200, contentType: "application/json", body: body).listPets()
        guard case .ok(let pets) = outcome else { throw UnexpectedOutcome() }
        return pets
    }

    struct UnexpectedOutcome: Error {}

    @Test func theDiscriminatorSelectsTheCase() async throws {
        let pets = try await pets(#"[{"kind": "cat", "lives": 7}, {"kind": "dog", "lives": 7}]"#)
        #expect(pets == [.cat(Cat(kind: "cat", lives: 7)), .dog(Dog(kind: "dog"))])
    }

    @Test func withoutTheDiscriminatorTheFirstMatchingCaseIsTaken() async throws {
        let pets = try await pets(#"[{"lives": 7}, {"barks": true}, {"lives": 12}, {"kind": null, "lives": 1}]"#)
        // 12 lives break Cat's maximum: the value is a Dog, whose schema allows any other property.
        #expect(pets == [.cat(Cat(lives: 7)), .dog(Dog(barks: true)), .dog(Dog()), .cat(Cat(lives: 1))])
    }

    @Test func aValueNoCaseMatchesIsUndecodable() async throws {
        let client = DecodingClient(status: 200, contentType: "application/json", body: #"[{"barks": "loud"}]"#)
        let error = try await #require(throws: UnexpectedResponse.self) { try await client.listPets() }
        #expect(error.reason == .undecodableBody("[0]: invalid value"))
    }

    @Test func aDiscriminatorValueThatSelectsNoCaseIsAnError() async throws {
        let body = #"[{"kind": "cat", "lives": 1}, {"kind": "wolf"}]"#
        let client = DecodingClient(status: 200, contentType: "application/json", body: body)
        let error = try await #require(throws: UnexpectedResponse.self) { try await client.listPets() }
        #expect(error.reason == .undecodableBody("[1]: kind 'wolf' selects none of the schemas the spec lists"))
    }
}
