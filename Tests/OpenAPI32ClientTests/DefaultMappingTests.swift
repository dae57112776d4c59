import Foundation
import SpecsmithRuntime
import Testing

/// OpenAPI 3.2's `discriminator.defaultMapping`: a value without the discriminating property, or whose value maps
/// to no schema, is of the schema it names.
@Suite struct DefaultMappingTests {
    func pets(_ body: String) async throws -> [Pet] {
        let transport = RecordingTransport(status: 200, contentType: "application/json", body: body)
        guard case .ok(let pets) = try await LibraryClient(transport: transport).listPets() else {
            throw UnexpectedOutcome()
        }
        return pets
    }

    func vehicles(_ body: String) async throws -> [Vehicle] {
        let transport = RecordingTransport(status: 200, contentType: "application/json", body: body)
        guard case .ok(let vehicles) = try await LibraryClient(transport: transport).listVehicles() else {
            throw UnexpectedOutcome()
        }
        return vehicles
    }

    @Test func aMappedValueSelectsItsCase() async throws {
        let pets = try await pets(#"[{"petType": "cat", "lives": 7}, {"petType": "dog", "barks": true}]"#)
        #expect(pets == [.cat(Cat(petType: "cat", lives: 7)), .dog(Dog(petType: "dog", barks: true))])
    }

    @Test func aMissingOrUnmappedValueIsTheDefaultMappingsCase() async throws {
        let pets = try await pets(
            #"[{"name": "Rex"}, {"petType": "ferret", "name": "Slink"}, {"petType": "OtherPet"}]"#)
        #expect(
            pets == [
                .otherPet(OtherPet(name: "Rex")), .otherPet(OtherPet(petType: "ferret", name: "Slink")),
                .otherPet(OtherPet(petType: "OtherPet")),
            ])
    }

    /// A parent that others extend with allOf: its defaultMapping names one of them, and the parent's own name
    /// selects its own struct.
    @Test func aParentsDefaultMappingNamesTheCaseOfAnUnknownKind() async throws {
        let vehicles = try await vehicles(
            #"[{"kind": "Truck", "load": 2.5}, {"kind": "bicycle"}, {"kind": "Vehicle"}, {"kind": "Car", "seats": 4}]"#)
        #expect(
            vehicles == [
                .truck(Truck(kind: "Truck", load: 2.5)), .car(Car(kind: "bicycle")),
                .vehicle(VehicleBase(kind: "Vehicle")), .car(Car(kind: "Car", seats: 4)),
            ])
    }
}
