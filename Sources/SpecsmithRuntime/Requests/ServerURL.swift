import Foundation

/// Server URLs with variables, as OpenAPI writes them: `https://{region}.example.com/{version}`.
public enum ServerURL {
    /// The template with each `{name}` replaced by its value, percent-encoded (every character but RFC
    /// 3986's unreserved ones), so that a value cannot change the host, add a path segment or a query:
    /// `eu-west` stays as it is, `evil.com/x?` becomes `evil.com%2Fx%3F`.
    ///
    /// The values of `written` are put in as they are: those of a variable that stands for a piece of
    /// URL, as its default in the spec shows (`{baseUrl}` defaulting to `https://api.example.com`).
    ///
    /// A result that is not a URL, from a template that is not one, is `invalid:`, which a request
    /// builder refuses with ``RequestError/invalidServerURL``.
    public static func expand(
        _ template: String,
        _ variables: [String: String],
        asWritten written: [String: String] = [:]
    ) -> URL {
        var url = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            url += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            url += written[name] ?? variables[name].map(PercentEncoding.encode) ?? String(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        url += rest
        return URL(string: url) ?? URL(string: "invalid:")!
    }
}
