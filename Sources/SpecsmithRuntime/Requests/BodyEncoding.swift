/// How a query parameter that holds an array or an object is written (OpenAPI's `style`); also a property of
/// a form body whose Encoding Object gives a style.
public enum QueryStyle: Sendable, Hashable {
    case form
    case spaceDelimited
    case pipeDelimited
    case deepObject
}

/// How one property of an `application/x-www-form-urlencoded` body is written, where the spec's Encoding
/// Object says more than the property's type.
public enum FormEncoding: Sendable, Hashable {
    /// As a query parameter of this style is (`style`, `explode` and `allowReserved` of the Encoding Object):
    /// `tags=a,b` for `.style(.form, explode: false, allowReserved: false)`.
    case style(QueryStyle, explode: Bool, allowReserved: Bool)
    /// As its JSON text, percent-encoded (`contentType: application/json`): `meta=%7B%22a%22%3A1%7D`.
    case json
}

/// What the parts of one property of a `multipart/form-data` body carry, where the spec's Encoding Object
/// or the property's schema says more than its type.
public struct MultipartEncoding: Sendable, Hashable {
    /// The parts' `Content-Type` (`image/png`), instead of the default for the value's type.
    public var contentType: String?
    /// The media types the spec allows the parts, where its Encoding Object lists several or a range
    /// (`image/png, image/jpeg`, `image/*`): ``contentType`` must be one media type within them.
    public var range: String?
    /// The parts' `Content-Transfer-Encoding` (`base64`): the `contentEncoding` of a string property, whose
    /// value is already that encoding's text, as OpenAPI 3.1 says a multipart part states it.
    public var transferEncoding: String?

    public init(contentType: String? = nil, transferEncoding: String? = nil) {
        self.contentType = contentType
        self.transferEncoding = transferEncoding
    }

    /// The parts carry `contentType`, which the caller chose within the media types the spec lists
    /// (`MultipartEncoding(contentType: "image/jpeg", within: "image/png, image/jpeg")`).
    public init(contentType: String, within range: String, transferEncoding: String? = nil) {
        self.contentType = contentType
        self.range = range
        self.transferEncoding = transferEncoding
    }
}
