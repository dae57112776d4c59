/// Stands in for a secret property's value in a mirror: prints `<redacted>`, or `nil` when the
/// property is absent. It does not hold the value, so nothing can reach it through reflection.
public struct Redacted: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    private let isPresent: Bool

    /// Records only whether `value` is present.
    public init<Value>(_ value: Value?) {
        isPresent = value != nil
    }

    /// `<redacted>`, or `nil` when the property is absent.
    public var description: String { isPresent ? "<redacted>" : "nil" }

    /// The same as ``description``.
    public var debugDescription: String { description }

    /// No children, so that `dump` stops here.
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}

/// A model with secret properties, printed from its `customMirror`, in which each secret is ``Redacted``.
///
/// `print`, `String(describing:)`, `String(reflecting:)`, `dump` and `Mirror(reflecting:)` then never
/// show a secret. Generated code lists every property, wrapping the secret ones:
/// ```swift
/// extension OAuthToken: SecretRedacting {
///     public var customMirror: Mirror {
///         Mirror(self, children: ["grantType": grantType, "code": Redacted(code)], displayStyle: .struct)
///     }
/// }
/// ```
public protocol SecretRedacting: CustomReflectable, CustomStringConvertible, CustomDebugStringConvertible {}

extension SecretRedacting {
    /// `OAuthToken(grantType: "authorization_code", code: <redacted>, redirectUri: nil)`.
    public var description: String {
        let mirror = customMirror
        let fields = mirror.children.map { child in
            "\(child.label ?? "_"): \(Self.describe(child.value))"
        }
        return "\(Self.self)(" + fields.joined(separator: ", ") + ")"
    }

    /// The same as ``description``.
    public var debugDescription: String { description }

    /// A child's debug description, with optionals unwrapped: `"text"`, `42`, `nil`, `<redacted>`.
    private static func describe(_ value: Any) -> String {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return String(reflecting: value) }
        guard let wrapped = mirror.children.first else { return "nil" }
        return describe(wrapped.value)
    }
}
