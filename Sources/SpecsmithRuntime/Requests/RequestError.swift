/// A request that cannot be built. Messages name the field, never its value.
public enum RequestError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The server URL has no scheme or host, or carries a query or fragment.
    case invalidServerURL
    /// A path parameter is empty, which would change the path.
    case emptyPathParameter
    /// An object or JSON parameter could not be encoded (a number that is not finite, say).
    case unencodableParameter
    /// A header name is not an HTTP token.
    case invalidHeaderName(String)
    /// A header value contains CR, LF, NUL or another character a field value cannot hold.
    case invalidHeaderValue(name: String)
    /// The content type given for a body that the spec keys by a media type range (`image/*`) is not one
    /// media type (`image/png`) within that range.
    case contentTypeOutsideRange(String)
    /// The content type given for a multipart part whose Encoding Object lists several media types or a range
    /// (`image/png, image/jpeg`) is not one media type within them.
    case partContentTypeOutsideRange(part: String, range: String)
    /// A header given for the parts of a multipart property is one that the part writes itself from its name
    /// and encoding: `Content-Disposition`, `Content-Type` or `Content-Transfer-Encoding`.
    case reservedPartHeader(part: String, name: String)
    /// A cookie parameter in OpenAPI 3.2's `cookie` style, which is sent as given, has a name that is not a token,
    /// or a value with a character RFC 6265 does not allow in one (a space, `"`, `,`, `;`, `\`, a control character
    /// or one beyond ASCII), which would need escaping.
    case invalidCookie(name: String)

    /// What is wrong, naming a header but never showing a value.
    public var description: String {
        switch self {
        case .invalidServerURL: "the server URL needs a scheme and a host, and no query or fragment"
        case .emptyPathParameter: "a path parameter is empty"
        case .unencodableParameter: "a parameter value cannot be encoded"
        case .invalidHeaderName(let name): "'\(name)' is not a valid header name"
        case .invalidHeaderValue(let name): "the value of header \(name) contains a character not allowed in a header"
        case .contentTypeOutsideRange(let range): "the body's content type is not one media type within \(range)"
        case .partContentTypeOutsideRange(let part, let range):
            "the content type of part '\(part)' is not one media type within \(range)"
        case .reservedPartHeader(let part, let name):
            "part '\(part)' writes its own \(name); it cannot be given as a header"
        case .invalidCookie(let name):
            "cookie '\(name)' has a character a cookie cannot hold unescaped"
        }
    }
}
