/// How a query parameter that holds an array or an object is written (OpenAPI's `style`); also a property of
/// a form body whose Encoding Object gives a style.
public enum QueryStyle: Sendable, Hashable {
    case form
    case spaceDelimited
    case pipeDelimited
    case deepObject
}

/// How a cookie parameter is written (OpenAPI's `style`).
public enum CookieStyle: Sendable, Hashable {
    /// `form`: names and values percent-encoded, so that any text can be sent (`greeting=Hello%2C%20world%21`).
    case form
    /// `cookie` (OpenAPI 3.2): `name=value` pairs as RFC 6265 writes them, names and values as given, without
    /// percent-encoding (`greeting=Hello%2C%20world!`): a value that needs escaping is given escaped.
    case cookie
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
    /// More header fields of each part, in order: the Encoding Object's `headers` (`X-Name-Locale: fr`).
    public var headers: [Header]

    public init(contentType: String? = nil, transferEncoding: String? = nil, headers: [Header] = []) {
        self.contentType = contentType
        self.transferEncoding = transferEncoding
        self.headers = headers
    }

    /// The parts carry `contentType`, which the caller chose within the media types the spec lists
    /// (`MultipartEncoding(contentType: "image/jpeg", within: "image/png, image/jpeg")`).
    public init(contentType: String, within range: String, transferEncoding: String? = nil, headers: [Header] = []) {
        self.contentType = contentType
        self.range = range
        self.transferEncoding = transferEncoding
        self.headers = headers
    }

    /// A header field of each part of a property, as an Encoding Object's `headers` documents it: its value
    /// written in OpenAPI's `simple` style, as a header parameter's is. `Content-Disposition`, `Content-Type` and
    /// `Content-Transfer-Encoding` are the part's own, from its name and its encoding: a header of one of those
    /// names throws ``RequestError/reservedPartHeader(part:name:)``.
    ///
    /// Printing it shows the value unless the name looks secret (``ClientRedaction/isSecretName(_:)``).
    public struct Header: Sendable, Hashable {
        /// The field's name (`X-Name-Locale`).
        public var name: String
        /// The field's value, or `nil` to send no field.
        public var value: String?

        /// A field of `value` as it is written, or none for `nil`; the static `header` functions write a typed
        /// value's text as a header parameter's is.
        public init(name: String, value: String?) {
            self.name = name
            self.value = value
        }

        /// A string, number, Boolean or string enum as its text; `nil` sends no field.
        public static func header(_ name: String, _ value: (some LosslessStringConvertible)?) -> Header {
            Header(name: name, value: value?.description)
        }

        /// An array as its values joined with commas (`fr,de`); `nil` or an empty array sends no field.
        public static func header(_ name: String, _ values: [some LosslessStringConvertible]?) -> Header {
            guard let values else { return Header(name: name, value: nil) }
            return Header(name: name, value: SimpleStyle.text(values))
        }

        /// An object as its properties, exploded `R=100,G=200`, not exploded `R,100,G,200`, as
        /// ``RequestBuilder/setHeaderObject(_:_:explode:)`` writes it; `nil` sends no field.
        ///
        /// - Throws: an error of the encoder.
        public static func header(_ name: String, object value: (some Encodable)?, explode: Bool) throws -> Header {
            guard let value else { return Header(name: name, value: nil) }
            return Header(name: name, value: try SimpleStyle.text(object: value, explode: explode))
        }

        /// A value whose `content` is `application/json` as its JSON text; `nil` sends no field.
        ///
        /// - Throws: an error of the encoder.
        public static func header(_ name: String, json value: (some Encodable)?) throws -> Header {
            guard let value else { return Header(name: name, value: nil) }
            return Header(name: name, value: try SimpleStyle.json(value))
        }
    }
}

extension MultipartEncoding.Header: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// `Name: value`, a secret-looking name's value as `<redacted>`; without a value, the name alone.
    public var description: String {
        guard let value else { return name }
        return name + ": " + (ClientRedaction.isSecretName(name) ? "<redacted>" : value)
    }

    /// The same as ``description``.
    public var debugDescription: String { description }

    /// The name and the value, a secret-looking name's value as `<redacted>`.
    public var customMirror: Mirror {
        let shown = value.map { ClientRedaction.isSecretName(name) ? "<redacted>" : $0 }
        return Mirror(self, children: ["name": name, "value": shown as Any], displayStyle: .struct)
    }
}
