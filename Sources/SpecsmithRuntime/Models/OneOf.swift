/// Decoding help for generated `oneOf`/`anyOf` enums.
public enum OneOfDecoding {
    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// The value of the discriminator property (`petType`) of the object being decoded.
    public static func discriminator(_ property: String, in decoder: any Decoder) throws -> String {
        let container = try decoder.container(keyedBy: Key.self)
        return try container.decode(String.self, forKey: Key(stringValue: property))
    }

    /// Encodes `value`, an object whose type does not declare the discriminator `property`, with
    /// `property` set to `tag` beside its own properties: the payload then carries the value that selects
    /// its case, as the Discriminator Object requires, and decodes as that case again.
    public static func encode(
        _ value: some Encodable, discriminator property: String, value tag: String, to encoder: any Encoder
    ) throws {
        try value.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(tag, forKey: Key(stringValue: property))
    }

    /// The error for a discriminator value that selects no case.
    public static func unknownDiscriminator(_ value: String, property: String, in decoder: any Decoder) -> DecodingError {
        DecodingError.dataCorrupted(
            DecodingError.Context(
                codingPath: decoder.codingPath,
                debugDescription: "\(property) '\(value)' selects none of the schemas the spec lists"))
    }

    /// The error when the value matches none of the cases, with why each one failed.
    public static func noMatch(_ type: String, in decoder: any Decoder, errors: [any Error]) -> DecodingError {
        DecodingError.dataCorrupted(
            DecodingError.Context(
                codingPath: decoder.codingPath,
                debugDescription: "the value matches none of the \(errors.count) schemas of \(type)",
                underlyingError: errors.last))
    }
}
