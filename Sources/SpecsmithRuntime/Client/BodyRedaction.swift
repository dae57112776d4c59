import Foundation
import HTTPTypes

/// Text of bodies and headers for logs and error messages, with anything that may be a secret hidden.
public enum ClientRedaction {
    /// Whether a JSON key or header name names a secret. The rule of generated models (`password`,
    /// `secret`, `token`, `apikey`, names ending in `password`, `secret` or `token`, ignoring case, `_`
    /// and `-`), plus what the runtime cannot know from a spec: `code`, `httpauth`, `assertion`,
    /// `authorization`, `cookie`, `setcookie`, `sec` and names containing `key` or `token`.
    public static func isSecretName(_ name: String) -> Bool {
        let key = name.lowercased().filter { $0 != "_" && $0 != "-" }
        if exactSecretNames.contains(key) { return true }
        if key.hasSuffix("password") || key.hasSuffix("secret") || key.hasSuffix("token") { return true }
        return key.contains("token") || key.hasSuffix("key") || key.contains("apikey")
    }

    private static let exactSecretNames: Set<String> = [
        "password", "passwd", "secret", "sec", "token", "apikey", "privatekey", "codeverifier", "code", "httpauth",
        "assertion", "authorization", "proxyauthorization", "cookie", "setcookie", "pticket", "pcaptcha",
    ]

    /// A body for printing: JSON with every secret value replaced by `"<redacted>"` (keys sorted),
    /// an empty body as `(empty)`, and anything that is not JSON as its size only.
    public static func body(_ data: Data) -> String {
        if data.isEmpty { return "(empty)" }
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: data) else {
            return "(\(data.count) bytes, not JSON)"
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let redacted = try? encoder.encode(redact(value)) else { return "(\(data.count) bytes)" }
        return String(decoding: redacted, as: UTF8.self)
    }

    /// `Name: value` per field, a secret's value shown as `<redacted>`, separated by `, `: a field whose
    /// name looks secret, and the fields named in `secret` (an operation's API key headers, any case).
    public static func headers(_ fields: HTTPFields, secret: [String] = []) -> String {
        fields.map { field in
            let hidden =
                isSecretName(field.name.rawName)
                || secret.contains { $0.caseInsensitiveCompare(field.name.rawName) == .orderedSame }
            return "\(field.name.rawName): " + (hidden ? "<redacted>" : field.value)
        }.joined(separator: ", ")
    }

    static func redact(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members):
            var result: [String: JSONValue] = [:]
            for (key, member) in members {
                result[key] = isSecretName(key) && member != .null ? .string("<redacted>") : redact(member)
            }
            return .object(result)
        case .array(let items):
            return .array(items.map(redact))
        default:
            return value
        }
    }
}
