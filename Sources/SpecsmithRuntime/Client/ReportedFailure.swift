/// Failures that an API reports inside a successful response: the eval API answers some failed requests
/// with `200 OK` and a non-empty `errorText` (or OAuth's `error` and `error_description`).
///
/// ```swift
/// guard case .ok(let token) = try await client.accessTokenRequest(credentials) else { return }
/// if let failure = ReportedFailure.message(in: token) { print("refused: \(failure)") }
/// ```
public enum ReportedFailure {
    /// The Swift property names looked at, in order.
    public static let propertyNames = ["errorText", "error", "errorDescription", "errorMessage"]

    /// The first of ``propertyNames`` that `body` has as a non-empty string (also when optional),
    /// or `nil` when the body reports no failure.
    public static func message(in body: Any) -> String? {
        let children = Mirror(reflecting: body).children
        for name in propertyNames {
            guard let child = children.first(where: { $0.label == name }) else { continue }
            if let text = unwrap(child.value), !text.isEmpty { return text }
        }
        return nil
    }

    private static func unwrap(_ value: Any) -> String? {
        if let text = value as? String { return text }
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional, let wrapped = mirror.children.first else { return nil }
        return unwrap(wrapped.value)
    }
}
