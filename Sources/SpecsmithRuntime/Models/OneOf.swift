/// Decoding help for generated `oneOf`/`anyOf` enums.
public enum OneOfDecoding {
    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// The value of the discriminator property (`petType`) of the object being decoded; `nil` when the
    /// value has no such property (or it is null), or is no object.
    ///
    /// OpenAPI's discriminator only names the case a value is expected to match: it must not change
    /// which values are valid (OpenAPI 3.0.4 and 3.1.1, Discriminator Object). A value without the property
    /// is then matched against each case, as a union without a discriminator matches it.
    ///
    /// - Throws: `DecodingError` when the property's value is not a string.
    public static func discriminator(_ property: String, in decoder: any Decoder) throws -> String? {
        guard let container = try? decoder.container(keyedBy: Key.self) else { return nil }
        return try container.decodeIfPresent(String.self, forKey: Key(stringValue: property))
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

    /// A discriminator value that selects no case: the underlying error of ``unknownDiscriminator(_:property:in:)``,
    /// by which ``UnexpectedResponse`` tells it from other data the decoder refuses.
    public struct UnknownDiscriminator: Error, Sendable, Hashable, CustomStringConvertible {
        /// The discriminator's property (`petType`).
        public var property: String
        /// The value that arrived.
        public var value: String

        /// `petType 'wolf' selects none of the schemas the spec lists`.
        public var description: String { "\(property) '\(value)' selects none of the schemas the spec lists" }
    }

    /// The error for a discriminator value that selects no case.
    public static func unknownDiscriminator(_ value: String, property: String, in decoder: any Decoder) -> DecodingError {
        let unknown = UnknownDiscriminator(property: property, value: value)
        return DecodingError.dataCorrupted(
            DecodingError.Context(
                codingPath: decoder.codingPath, debugDescription: unknown.description, underlyingError: unknown))
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
