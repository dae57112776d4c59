/// A string enum that keeps values the spec does not list, in its `unknown` case.
///
/// Make values from the cases or with `init(rawValue:)`: `.unknown("Active")` is not equal to `.active`.
/// A raw value matches a case when its code points are the case's (as JSON Schema compares strings).
///
/// A generated enum declares its cases, `allCases` (the listed ones) and `rawValue`;
/// `init(rawValue:)`, `Codable`, `description` and reading from a response header come from here:
/// ```swift
/// public enum UserStatus: OpenEnum {
///     case active
///     case closed
///     case unknown(String)
///
///     public static let allCases: [Self] = [.active, .closed]
///
///     public var rawValue: String {
///         switch self {
///         case .active: "Active"
///         case .closed: "Closed"
///         case .unknown(let rawValue): rawValue
///         }
///     }
/// }
/// ```
public protocol OpenEnum: RawRepresentable<String>, CaseIterable, Codable, Hashable, LosslessStringConvertible,
    HeaderFieldValue, Sendable
where AllCases == [Self] {
    /// A value the spec does not list.
    static func unknown(_ rawValue: String) -> Self
}

extension OpenEnum {
    /// The listed case with this raw value, or `unknown(rawValue)`.
    public init(rawValue: String) {
        self = Self.case(rawValue)
    }

    /// The case with this raw value, as ``init(rawValue:)``.
    public init(_ description: String) {
        self = Self.case(description)
    }

    /// Decodes any string: a listed value as its case, any other as `unknown`.
    public init(from decoder: any Decoder) throws {
        self = Self.case(try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the raw value.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The raw value.
    public var description: String { rawValue }

    /// Code points decide, not canonical equivalence: `"e\u{301}"` is not the case whose value is `"é"`.
    private static func `case`(_ rawValue: String) -> Self {
        allCases.first { $0.rawValue.isSchemaEqual(to: rawValue) } ?? .unknown(rawValue)
    }
}
