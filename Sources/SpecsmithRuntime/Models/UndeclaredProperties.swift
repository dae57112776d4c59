/// The properties of an object that its schema does not declare (`additionalProperties`), for generated
/// structs that keep them beside their declared properties.
///
/// `Keys` is the struct's `CodingKeys`: the declared wire names.
/// ```swift
/// self.additionalProperties = try UndeclaredProperties.decode(Int.self, from: decoder, declared: CodingKeys.self)
/// ```
public enum UndeclaredProperties {
    /// Any key of a JSON object.
    struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }

        init(_ name: String) { stringValue = name }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// The members of the object whose names `Keys` does not declare, each decoded as `Value`.
    public static func decode<Value: Decodable, Keys: CodingKey & CaseIterable>(
        _ type: Value.Type,
        from decoder: any Decoder,
        declared: Keys.Type
    ) throws -> [String: Value] {
        let container = try decoder.container(keyedBy: Key.self)
        let declaredNames = Set(Keys.allCases.map(\.stringValue))
        var values: [String: Value] = [:]
        for key in container.allKeys where !declaredNames.contains(key.stringValue) {
            values[key.stringValue] = try container.decode(Value.self, forKey: key)
        }
        return values
    }

    /// The names of the object's members that `Keys` does not declare, sorted (for
    /// `additionalProperties: false`, which `ValidationContext.check(undeclaredKeys:)` reports).
    public static func keys<Keys: CodingKey & CaseIterable>(
        in decoder: any Decoder,
        declared: Keys.Type
    ) throws -> [String] {
        let container = try decoder.container(keyedBy: Key.self)
        let declaredNames = Set(Keys.allCases.map(\.stringValue))
        return container.allKeys.map(\.stringValue).filter { !declaredNames.contains($0) }.sorted()
    }

    /// Encodes `values` as members of the object, in sorted order, after its declared properties; a name
    /// that `Keys` declares is left out, so that no member is written twice.
    public static func encode<Value: Encodable, Keys: CodingKey & CaseIterable>(
        _ values: [String: Value],
        to encoder: any Encoder,
        declared: Keys.Type
    ) throws {
        guard !values.isEmpty else { return }
        var container = encoder.container(keyedBy: Key.self)
        let declaredNames = Set(Keys.allCases.map(\.stringValue))
        for (name, value) in values.sorted(by: { $0.key < $1.key }) where !declaredNames.contains(name) {
            try container.encode(value, forKey: Key(name))
        }
    }
}
