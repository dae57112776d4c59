import Foundation
import SpecsmithRuntime
import Testing

/// Shaped like a generated struct whose schema does not declare the discriminator property.
private struct Meow: Codable, Hashable, Sendable {
    let loud: Bool?
}

/// Shaped like a generated struct that declares it.
private struct Bark: Codable, Hashable, Sendable {
    let petType: String
    let loud: Bool?
}

/// Shaped like the generated union `oneOf: [Meow, Bark]` with `discriminator: {propertyName: petType}`.
private enum Sound: Codable, Hashable, Sendable {
    case meow(Meow)
    case bark(Bark)

    init(from decoder: any Decoder) throws {
        guard let value = try OneOfDecoding.discriminator("petType", in: decoder) else {
            self = try Self(matching: decoder)
            return
        }
        switch value {
        case "Meow": self = .meow(try decoder.singleValueContainer().decode(Meow.self))
        case "Bark": self = .bark(try decoder.singleValueContainer().decode(Bark.self))
        default: throw OneOfDecoding.unknownDiscriminator(value, property: "petType", in: decoder)
        }
    }

    private init(matching decoder: any Decoder) throws {
        var errors: [any Error] = []
        do {
            self = .meow(try decoder.singleValueContainer().decode(Meow.self))
            return
        } catch {
            errors.append(error)
        }
        do {
            self = .bark(try decoder.singleValueContainer().decode(Bark.self))
            return
        } catch {
            errors.append(error)
        }
        throw OneOfDecoding.noMatch("Sound", in: decoder, errors: errors)
    }

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .meow(let value):
            try OneOfDecoding.encode(value, discriminator: "petType", value: "Meow", to: encoder)
        case .bark(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        }
    }
}

@Suite("Discriminated unions")
struct DiscriminatedUnionTests {
    /// A payload carries the discriminator whether or not the case's schema declares it, so what is
    /// encoded decodes as the same case again.
    @Test func aCaseWithoutTheDiscriminatorPropertyWritesIt() throws {
        let sounds: [Sound] = [.meow(Meow(loud: true)), .bark(Bark(petType: "Bark", loud: nil))]
        let ordered = try JSONCoding.encode(sounds)
        #expect(String(decoding: ordered, as: UTF8.self) == #"[{"loud":true,"petType":"Meow"},{"petType":"Bark"}]"#)
        #expect(try JSONCoding.makeDecoder().decode([Sound].self, from: ordered) == sounds)
        let plain = try JSONCoding.makeEncoder().encode(sounds)
        #expect(try JSONCoding.makeDecoder().decode([Sound].self, from: plain) == sounds)
    }
}
