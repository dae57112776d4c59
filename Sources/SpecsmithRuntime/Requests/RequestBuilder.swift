import Foundation
import HTTPTypes

/// Builds a ``PreparedRequest`` from a server URL, a path with its parameters, query items, headers
/// and a body. Generated operations use it like this:
/// ```swift
/// var request = RequestBuilder(method: .get, server: server.url, path: "/users/\(userId)")
/// request.addQueryItem("expand", expand)
/// try request.setBearerToken(bearerToken)
/// request.acceptJSON()
/// return try request.build()
/// ```
public struct RequestBuilder: Sendable {
    private let method: HTTPRequest.Method
    private let server: URL
    private let path: RequestPath
    /// Encoded `name=value` pairs, in the order they were added.
    private var queryItems: [String] = []
    private var headerFields = HTTPFields()
    /// Encoded `name=value` cookie pairs, in the order they were added; sent as one `Cookie` field.
    private var cookies: [String] = []
    private var body: Data?

    /// Starts a request to `path`, which is appended to the path of `server`
    /// (`https://live.tradovateapi.com/v1` and `/auth/me` make `https://live.tradovateapi.com/v1/auth/me`).
    public init(method: HTTPRequest.Method, server: URL, path: RequestPath) {
        self.method = method
        self.server = server
        self.path = path
    }

    /// Adds a query item unless `value` is `nil`. Names and values are percent-encoded
    /// (a space as `%20`, `+` as `%2B`, `&`, `=`, `#` and non-ASCII characters too). With `allowReserved`
    /// (OpenAPI's), the value keeps the reserved characters a query can hold as data (`:/?@!$'()*,;`) and
    /// percent-encoded triples (`%2F`); `#[]&=+` are still encoded, so the value stays one value.
    public mutating func addQueryItem(
        _ name: String, _ value: (some LosslessStringConvertible)?, allowReserved: Bool = false
    ) {
        guard let value else { return }
        queryItems.append(PercentEncoding.encode(name) + "=" + Self.encode(value.description, allowReserved))
    }

    /// Adds one query item per value, all with the same name (`form` style, exploded): `id=1&id=2`.
    public mutating func addQueryItems(
        _ name: String, _ values: [some LosslessStringConvertible]?, allowReserved: Bool = false
    ) {
        for value in values ?? [] {
            addQueryItem(name, value, allowReserved: allowReserved)
        }
    }

    /// Adds an array query parameter in a given style: `form` exploded repeats the name (`id=1&id=2`);
    /// not exploded it joins with commas (`id=1,2`); `spaceDelimited` and `pipeDelimited` join with
    /// `%20` and `|` (each value percent-encoded first, as ``addQueryItem(_:_:allowReserved:)`` says).
    public mutating func addQueryItems(
        _ name: String, _ values: [some LosslessStringConvertible]?, style: QueryStyle, explode: Bool,
        allowReserved: Bool = false
    ) {
        guard let values else { return }
        queryItems += Self.pairs(
            name, .array(values.map(\.description)), style: style, explode: explode, allowReserved: allowReserved)
    }

    /// Adds an object query parameter: `deepObject` as `name[key]=value` for each property (`name[a][b]`
    /// deeper); `form` exploded as `key=value` for each property; not exploded as `name=key,value,key,value`,
    /// joined with `%20` in `spaceDelimited` style and `%7C` in `pipeDelimited` (as arrays are). In those
    /// styles a property that is itself an object or an array is its JSON text (`range=%7B%22min%22%3A1%7D`).
    /// Absent properties are left out, and an object without properties adds nothing (RFC 6570 §2.3).
    /// A value that encodes as a string, number or Boolean (a `oneOf` of them) is `name=value`, one that
    /// encodes as an array is written as ``addQueryItems(_:_:style:explode:allowReserved:)`` writes it, and
    /// `null` adds nothing. `allowReserved` applies to the values, never to names.
    public mutating func addQueryObject(
        _ name: String, _ value: (some Encodable)?, style: QueryStyle, explode: Bool, allowReserved: Bool = false
    ) throws {
        guard let value else { return }
        // deepObject names are built inside `name` from the object itself (`name[a][b]`): split back out of
        // the flat `a[b]`, a property named `a[b` would become `name[a][b`. No other style spells a member
        // that is an object or an array: it is its JSON text, as in a form body.
        let shape = try ParameterValue(formProperty: OrderedJSONEncoder.tree(value), name: name, style: style)
        queryItems += Self.pairs(name, shape, style: style, explode: explode, allowReserved: allowReserved)
    }

    /// The encoded `name=value` pairs of a query parameter (or of a form body's property written in a style).
    static func pairs(
        _ name: String, _ value: ParameterValue, style: QueryStyle, explode: Bool, allowReserved: Bool
    ) -> [String] {
        let encodedName = PercentEncoding.encode(name)
        switch value {
        case .absent:
            return []
        case .primitive(let text):
            return [encodedName + "=" + encode(text, allowReserved)]
        case .array(let items):
            guard !items.isEmpty else { return [] }
            if explode, style != .deepObject {
                return items.map { encodedName + "=" + encode($0, allowReserved) }
            }
            let encoded = items.map { encode($0, allowReserved) }
            return [encodedName + "=" + encoded.joined(separator: separator(style))]
        case .object(let properties):
            switch (style, explode) {
            case (.deepObject, _), (_, true):
                return properties.map { PercentEncoding.encode($0.name) + "=" + encode($0.value, allowReserved) }
            case (_, false):
                guard !properties.isEmpty else { return [] }
                let flat = properties.flatMap { [PercentEncoding.encode($0.name), encode($0.value, allowReserved)] }
                return [encodedName + "=" + flat.joined(separator: separator(style))]
            }
        }
    }

    /// A value percent-encoded for a query or form body, keeping reserved characters when `allowReserved`.
    private static func encode(_ value: String, _ allowReserved: Bool) -> String {
        allowReserved ? PercentEncoding.encodeAllowingReserved(value) : PercentEncoding.encode(value)
    }

    /// What joins the values of a query parameter that is not exploded: `%20` for `spaceDelimited`, `|`
    /// (encoded, `%7C`) for `pipeDelimited`, a comma otherwise.
    private static func separator(_ style: QueryStyle) -> String {
        switch style {
        case .spaceDelimited: "%20"
        case .pipeDelimited: "%7C"
        case .form, .deepObject: ","
        }
    }

    /// Adds a query item whose `content` is `application/json` unless `value` is `nil`: the value's JSON
    /// text, percent-encoded (`filter=%7B%22a%22%3A1%7D`).
    public mutating func addQueryItem(_ name: String, json value: (some Encodable)?) throws {
        guard let value else { return }
        addQueryItem(name, try SimpleStyle.json(value))
    }

    // MARK: Query string

    /// Sets the whole query string from an OpenAPI 3.2 `querystring` parameter whose content is
    /// `application/x-www-form-urlencoded`, unless `value` is `nil`: its properties as `name=value` pairs, written
    /// as ``setFormBody(_:encodings:)`` writes a form body (`text=dune&tags=a&tags=b`). It replaces the query items
    /// added before it (an operation with a querystring parameter has no query parameters); an API key sent in the
    /// query is added after it.
    public mutating func setQueryString(form value: (some Encodable)?, encodings: [String: FormEncoding] = [:]) throws {
        guard let value else { return }
        queryItems = try Self.formPairs(value, encodings: encodings)
    }

    /// Sets the whole query string from an OpenAPI 3.2 `querystring` parameter whose content is JSON, unless
    /// `value` is `nil`: the value's JSON text, percent-encoded (`?%7B%22text%22%3A%22dune%22%7D`).
    public mutating func setQueryString(json value: (some Encodable)?) throws {
        guard let value else { return }
        queryItems = [PercentEncoding.encode(try SimpleStyle.json(value))]
    }

    /// Sets the whole query string from an OpenAPI 3.2 `querystring` parameter whose content is text, unless
    /// `value` is `nil`: the text, percent-encoded, so that it is one value (`%24.a.b%5B1%3A1%5D` for the JSONPath
    /// `$.a.b[1:1]`).
    public mutating func setQueryString(_ value: (some LosslessStringConvertible)?) {
        guard let value else { return }
        queryItems = [PercentEncoding.encode(value.description)]
    }

    /// Sets a header unless `value` is `nil`.
    ///
    /// - Throws: ``RequestError`` if the name is not a valid header name, or the value contains CR, LF,
    ///   NUL or another character a header value cannot hold.
    public mutating func setHeader(_ name: String, _ value: (some LosslessStringConvertible)?) throws(RequestError) {
        guard let value else { return }
        let field = try SimpleStyle.field(name, value.description)
        headerFields[field.name] = field.value
    }

    /// Sets an array header (`simple` style) unless `values` is `nil` or empty: the values joined with
    /// commas (`X-Ids: 1,2`). An empty array sets nothing, as RFC 6570 §2.3 leaves it undefined.
    ///
    /// - Throws: ``RequestError`` if the name is not a valid header name, or a value contains CR, LF,
    ///   NUL or another character a header value cannot hold.
    public mutating func setHeader(_ name: String, _ values: [some LosslessStringConvertible]?) throws(RequestError) {
        guard let values else { return }
        try setHeader(name, SimpleStyle.text(values))
    }

    /// Sets an object header (`simple` style) unless `value` is `nil`: exploded `R=100,G=200`, not exploded
    /// `R,100,G,200`; the properties in `CodingKeys` order, absent ones left out. An object without
    /// properties sets nothing (RFC 6570 §2.3). A value that encodes as a string, number or Boolean (a
    /// `oneOf` of them) is that text, one that encodes as an array its items joined with commas, and `null`
    /// sets nothing.
    ///
    /// - Throws: ``RequestError`` if the name is not a valid header name or a value holds CR, LF or NUL, or
    ///   an error of the encoder.
    public mutating func setHeaderObject(_ name: String, _ value: (some Encodable)?, explode: Bool) throws {
        guard let value else { return }
        try setHeader(name, SimpleStyle.text(object: value, explode: explode))
    }

    /// Sets a header whose `content` is `application/json` unless `value` is `nil`: the value's JSON
    /// text, as it is (JSON escapes control characters, so the text is a valid field value).
    ///
    /// - Throws: ``RequestError`` if the name is not a valid header name, or an error of the encoder.
    public mutating func setHeader(_ name: String, json value: (some Encodable)?) throws {
        guard let value else { return }
        try setHeader(name, try SimpleStyle.json(value))
    }

    // MARK: Cookies

    /// Adds a cookie parameter (`form` style) unless `value` is `nil`: `name=value` in the `Cookie`
    /// field, name and value percent-encoded, so that `;`, `,`, spaces and quotes are data.
    public mutating func addCookie(_ name: String, _ value: (some LosslessStringConvertible)?) {
        guard let value else { return }
        cookies.append(PercentEncoding.encode(name) + "=" + PercentEncoding.encode(value.description))
    }

    /// Adds an array cookie parameter (`form` style): exploded, one `name=value` pair per value;
    /// not exploded, one pair with the values joined by commas (`name=a,b`). Nothing for `nil` or an
    /// empty array.
    public mutating func addCookie(_ name: String, _ values: [some LosslessStringConvertible]?, explode: Bool) {
        guard let values, !values.isEmpty else { return }
        if explode {
            for value in values { addCookie(name, value) }
        } else {
            cookies.append(
                PercentEncoding.encode(name) + "="
                    + values.map { PercentEncoding.encode($0.description) }.joined(separator: ","))
        }
    }

    /// Adds an object cookie parameter (`form` style): exploded, one `key=value` pair per property;
    /// not exploded, `name=key,value,key,value`. Absent properties are left out. A value that encodes as a
    /// string, number or Boolean (a `oneOf` of them) is `name=value`, one that encodes as an array is
    /// written as ``addCookie(_:_:explode:)`` writes it, and `null` adds nothing.
    public mutating func addCookieObject(_ name: String, _ value: (some Encodable)?, explode: Bool) throws {
        guard let value else { return }
        let pairs: [(name: String, value: String)]
        switch try ParameterValue(encoding: value) {
        case .absent: return
        case .primitive(let text): return addCookie(name, text)
        case .array(let items): return addCookie(name, items, explode: explode)
        case .object(let properties): pairs = properties
        }
        if explode {
            cookies += pairs.map { PercentEncoding.encode($0.name) + "=" + PercentEncoding.encode($0.value) }
        } else if !pairs.isEmpty {
            let flat = pairs.flatMap { [PercentEncoding.encode($0.name), PercentEncoding.encode($0.value)] }
            cookies.append(PercentEncoding.encode(name) + "=" + flat.joined(separator: ","))
        }
    }

    /// Adds a cookie parameter in `style` unless `value` is `nil`: in `cookie` style (OpenAPI 3.2) `name=value` as
    /// given, in `form` style as ``addCookie(_:_:)`` writes it.
    ///
    /// - Throws: ``RequestError/invalidCookie(name:)``, in `cookie` style, if the name is not a token or the value
    ///   holds a character a cookie value cannot (a space, `"`, `,`, `;`, `\`, a control character or one beyond
    ///   ASCII): it would change the `Cookie` field, and the spec says values are given escaped.
    public mutating func addCookie(
        _ name: String, _ value: (some LosslessStringConvertible)?, style: CookieStyle
    ) throws(RequestError) {
        guard let value else { return }
        guard style == .cookie else { return addCookie(name, value) }
        cookies.append(try Self.cookiePair(name, value.description))
    }

    /// Adds an array cookie parameter in `style`, exploded (`cookie` style allows nothing else): in `cookie` style
    /// one `name=value` pair per value, as given (`color=blue; color=black`), in `form` style as
    /// ``addCookie(_:_:explode:)`` writes them. Nothing for `nil` or an empty array.
    ///
    /// - Throws: ``RequestError/invalidCookie(name:)`` for a name or value a cookie cannot hold as given, as for one
    ///   value.
    public mutating func addCookie(
        _ name: String, _ values: [some LosslessStringConvertible]?, style: CookieStyle
    ) throws(RequestError) {
        guard let values else { return }
        guard style == .cookie else { return addCookie(name, values, explode: true) }
        cookies += try values.map { (value) throws(RequestError) in try Self.cookiePair(name, value.description) }
    }

    /// Adds an object cookie parameter in `style`, exploded: in `cookie` style one `key=value` pair per property, as
    /// given (`R=100; G=200`), in `form` style as ``addCookieObject(_:_:explode:)`` writes them. A value that
    /// encodes as a string, number or Boolean is `name=value`, one that encodes as an array is written as an array
    /// cookie is, and `null` adds nothing.
    ///
    /// - Throws: ``RequestError/invalidCookie(name:)`` in `cookie` style for a name or value a cookie cannot hold as
    ///   given (a property that is an object or an array is its JSON text, which it cannot), or an error of the
    ///   encoder.
    public mutating func addCookieObject(_ name: String, _ value: (some Encodable)?, style: CookieStyle) throws {
        guard let value else { return }
        guard style == .cookie else { return try addCookieObject(name, value, explode: true) }
        switch try ParameterValue(encoding: value) {
        case .absent: return
        case .primitive(let text): try addCookie(name, text, style: .cookie)
        case .array(let items): try addCookie(name, items, style: .cookie)
        case .object(let properties):
            cookies += try properties.map { (property) throws(RequestError) in
                try Self.cookiePair(property.name, property.value)
            }
        }
    }

    /// `name=value` as RFC 6265 writes a cookie, for the `cookie` style: a token, and a value of `cookie-octet`s
    /// (ASCII but controls, space, `"`, `,`, `;` and `\`).
    private static func cookiePair(_ name: String, _ value: String) throws(RequestError) -> String {
        let isOctet = { (byte: UInt8) in
            byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: ",")
                && byte != UInt8(ascii: ";") && byte != UInt8(ascii: "\\")
        }
        guard HTTPField.Name(name) != nil, value.utf8.allSatisfy(isOctet) else { throw .invalidCookie(name: name) }
        return name + "=" + value
    }

    /// Adds a cookie whose `content` is `application/json` unless `value` is `nil`: the value's JSON
    /// text, percent-encoded.
    public mutating func addCookie(_ name: String, json value: (some Encodable)?) throws {
        guard let value else { return }
        addCookie(name, try SimpleStyle.json(value))
    }

    /// Sets `Authorization: Bearer <token>`, kept out of HTTP/2 and HTTP/3 compression tables (never indexed).
    ///
    /// - Throws: ``RequestError/invalidHeaderValue(name:)`` if the token contains CR, LF or NUL.
    public mutating func setBearerToken(_ token: String) throws(RequestError) {
        let value = "Bearer " + token
        guard HTTPField.isValidValue(value.utf8) else { throw .invalidHeaderValue(name: "Authorization") }
        var field = HTTPField(name: .authorization, value: value)
        field.indexingStrategy = .disallow
        headerFields[fields: .authorization] = [field]
    }

    /// Sets `Authorization: Bearer <token>` when there is a token: for an operation whose security offers
    /// other ways too (an API key, basic credentials), `nil` sets nothing.
    public mutating func setBearerToken(_ token: String?) throws(RequestError) {
        guard let token else { return }
        try setBearerToken(token)
    }

    /// Sets `Authorization: Basic <base64 of name:password>`, never indexed, as ``setBearerToken(_:)`` does;
    /// `nil` sets nothing (a middleware may).
    ///
    /// - Throws: ``RequestError/invalidHeaderValue(name:)`` if the user name contains a colon, which would
    ///   make the server read the rest as the password.
    public mutating func setBasicCredentials(_ credentials: BasicCredentials?) throws(RequestError) {
        guard let credentials else { return }
        guard !credentials.username.utf8.contains(UInt8(ascii: ":")) else {
            throw .invalidHeaderValue(name: "Authorization")
        }
        let token = Data((credentials.username + ":" + credentials.password).utf8).base64EncodedString()
        var field = HTTPField(name: .authorization, value: "Basic " + token)
        field.indexingStrategy = .disallow
        headerFields[fields: .authorization] = [field]
    }

    /// Encodes `body` with ``JSONCoding/encode(_:)``, keys in `CodingKeys` order, and sets `Content-Type` to
    /// `contentType`: `application/json` unless the spec names another JSON media type
    /// (`application/merge-patch+json`, `application/vnd.api+json`). A `nil` body (an optional request body
    /// left out) sets nothing.
    public mutating func setJSONBody(_ body: (some Encodable)?, contentType: String = "application/json") throws {
        guard let body else { return }
        self.body = try JSONCoding.encode(body)
        headerFields[.contentType] = contentType
    }

    /// Encodes `body` as `application/x-www-form-urlencoded`, one property after another, names and values
    /// percent-encoded and `null` left out. A property that `encodings` does not name is written as OpenAPI
    /// writes one without an Encoding Object, by its default `contentType` (OpenAPI 3.1.1, "Encoding the
    /// `x-www-form-urlencoded` Media Type"): a string, number or Boolean as its text, an array of them as the
    /// name repeated (`expand=a&expand=b`), an object, or an array that holds objects or arrays, as its JSON
    /// text (`address=%7B%22city%22%3A%22Paris%22%7D`). A property that `encodings` names is written as its
    /// Encoding Object says: in a style, as a query parameter of that style is
    /// (``addQueryObject(_:_:style:explode:allowReserved:)``: `metadata[order]=1` in `deepObject`, `order=1` in
    /// `form`), or as its JSON text.
    public mutating func setFormBody(_ body: (some Encodable)?, encodings: [String: FormEncoding] = [:]) throws {
        guard let body else { return }
        self.body = Data(try Self.formPairs(body, encodings: encodings).joined(separator: "&").utf8)
        headerFields[.contentType] = "application/x-www-form-urlencoded"
    }

    /// The encoded `name=value` pairs of `value`'s properties in `application/x-www-form-urlencoded`, as
    /// ``setFormBody(_:encodings:)`` says.
    private static func formPairs(_ value: some Encodable, encodings: [String: FormEncoding]) throws -> [String] {
        var pairs: [String] = []
        for (name, node) in try OrderedJSONEncoder.tree(value).orderedMembers {
            switch encodings[name] {
            case nil:
                let values: [String]
                if node.isObject || node.arrayItems.contains(where: { $0.isObject || $0.isArray }) {
                    values = [node.jsonText]
                } else {
                    values = node.isArray ? node.arrayItems.compactMap(\.formValue) : node.formValue.map { [$0] } ?? []
                }
                pairs += values.map { PercentEncoding.encode(name) + "=" + PercentEncoding.encode($0) }
            case .style(let style, let explode, let allowReserved)?:
                let value = try ParameterValue(formProperty: node, name: name, style: style)
                pairs += Self.pairs(name, value, style: style, explode: explode, allowReserved: allowReserved)
            case .json?:
                guard !node.isNull else { continue }
                pairs.append(PercentEncoding.encode(name) + "=" + PercentEncoding.encode(node.jsonText))
            }
        }
        return pairs
    }

    /// Encodes `body` as `multipart/form-data`: one part per property, in order. Text and numbers are
    /// sent as they are, `Data` as `application/octet-stream`, objects and arrays as JSON; a `null`
    /// property or array item has no part. The parts of a property that `encodings` names carry what it
    /// says (their `Content-Type`, where a string, number or Boolean whose type is JSON is its JSON text, `"a"`;
    /// a `Content-Transfer-Encoding`; more header fields, after those). `boundary` is random unless given (tests
    /// give one).
    ///
    /// - Throws: ``RequestError/partContentTypeOutsideRange(part:range:)`` if the `contentType` of a part that
    ///   is sent is not one media type within its encoding's `range`; ``RequestError/invalidHeaderValue(name:)``
    ///   if a value in `encodings` holds CR, LF, NUL or another character a field value cannot hold;
    ///   ``RequestError/invalidHeaderName(_:)`` if a header's name is not a token;
    ///   ``RequestError/reservedPartHeader(part:name:)`` for a header the part writes itself
    ///   (`Content-Disposition`, `Content-Type`, `Content-Transfer-Encoding`); or an error of the encoder.
    public mutating func setMultipartBody(
        _ body: (some Encodable)?, encodings: [String: MultipartEncoding] = [:], boundary: String? = nil
    ) throws {
        guard let body else { return }
        let boundary = boundary ?? "specsmith-" + UUID().uuidString
        var data = Data()
        for (name, node) in try OrderedJSONEncoder.tree(body).orderedMembers {
            let encoding = encodings[name]
            if let contentType = encoding?.contentType {
                if let range = encoding?.range, !Self.mediaType(contentType, isWithinList: range) {
                    throw RequestError.partContentTypeOutsideRange(part: name, range: range)
                }
                guard HTTPField.isValidValue(contentType.utf8) else {
                    throw RequestError.invalidHeaderValue(name: "Content-Type")
                }
            }
            if let transferEncoding = encoding?.transferEncoding, !HTTPField.isValidValue(transferEncoding.utf8) {
                throw RequestError.invalidHeaderValue(name: "Content-Transfer-Encoding")
            }
            // Checked as a request's header fields are, so that no value can end its line and add a field or a part.
            var fields = ""
            for header in encoding?.headers ?? [] {
                guard let value = header.value else { continue }
                let field = try SimpleStyle.field(header.name, value)
                guard !Self.partOwnFields.contains(field.name) else {
                    throw RequestError.reservedPartHeader(part: name, name: field.name.rawName)
                }
                fields += "\r\n" + field.name.rawName + ": " + field.value
            }
            let parts: [JSONNode] = node.isArray ? node.arrayItems : [node]
            for part in parts {
                let escaped = name.replacingOccurrences(of: "\"", with: "%22").replacingOccurrences(of: "\r", with: "%0D")
                    .replacingOccurrences(of: "\n", with: "%0A")
                // The rest of the part's header, then its content; a `null` has neither, and no part.
                var header: String
                let content: Data
                var contentType: String?
                if let bytes = part.bytes {
                    header = "; filename=\"\(escaped)\""
                    contentType = "application/octet-stream"
                    content = bytes
                } else if let value = part.formValue, !(encoding?.contentType.map(Self.isJSON) ?? false) {
                    header = ""
                    content = Data(value.utf8)
                } else if part.isObject || part.isArray || part.formValue != nil {
                    var json: [UInt8] = []
                    part.write(to: &json)
                    header = ""
                    contentType = "application/json"
                    content = Data(json)
                } else {
                    continue
                }
                if let type = encoding?.contentType ?? contentType { header += "\r\nContent-Type: " + type }
                if let transferEncoding = encoding?.transferEncoding {
                    header += "\r\nContent-Transfer-Encoding: " + transferEncoding
                }
                header += fields
                let disposition = "Content-Disposition: form-data; name=\"\(escaped)\""
                data += Data("--\(boundary)\r\n\(disposition)\(header)\r\n\r\n".utf8)
                data += content + Data("\r\n".utf8)
            }
        }
        data += Data("--\(boundary)--\r\n".utf8)
        self.body = data
        headerFields[.contentType] = "multipart/form-data; boundary=\(boundary)"
    }

    /// The header fields of a multipart part that it writes from its name and encoding.
    private static let partOwnFields: [HTTPField.Name] = [
        .contentDisposition, .contentType, HTTPField.Name("Content-Transfer-Encoding")!,
    ]

    /// Whether a media type is JSON: `application/json` or `…+json`, with or without parameters.
    private static func isJSON(_ mediaType: String) -> Bool {
        let base = (mediaType.split(separator: ";").first ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        return base == "application/json" || base.hasSuffix("+json")
    }

    /// Sends `text` as the body, with `Content-Type: text/plain; charset=utf-8` unless another is given.
    public mutating func setTextBody(_ text: String?, contentType: String = "text/plain; charset=utf-8") {
        guard let text else { return }
        body = Data(text.utf8)
        headerFields[.contentType] = contentType
    }

    /// Sends `data` as the body, with the given content type (`application/octet-stream` by default).
    public mutating func setBinaryBody(_ data: Data?, contentType: String = "application/octet-stream") {
        guard let data else { return }
        body = data
        headerFields[.contentType] = contentType
    }

    /// Sends `text` as the body of an operation whose spec keys it by a media type range (`text/*`), with
    /// the media type the caller chose within it (`text/csv`) as `Content-Type`.
    ///
    /// - Throws: ``RequestError/contentTypeOutsideRange(_:)`` if `contentType` is not one media type within
    ///   `range` (`text/*` takes `text/csv; charset=utf-8`, not `text/*` or `image/png`), or holds CR, LF or NUL.
    public mutating func setTextBody(_ text: String?, contentType: String, within range: String) throws(RequestError) {
        guard let text else { return }
        try setBody(Data(text.utf8), contentType: contentType, within: range)
    }

    /// Sends `data` as the body of an operation whose spec keys it by a media type range (`image/*`, `*/*`),
    /// with the media type the caller chose within it (`image/png`) as `Content-Type`.
    ///
    /// - Throws: ``RequestError/contentTypeOutsideRange(_:)`` if `contentType` is not one media type within
    ///   `range` (`image/*` takes `image/png`, not `image/*` or `text/plain`), or holds CR, LF or NUL.
    public mutating func setBinaryBody(_ data: Data?, contentType: String, within range: String) throws(RequestError) {
        guard let data else { return }
        try setBody(data, contentType: contentType, within: range)
    }

    private mutating func setBody(_ data: Data, contentType: String, within range: String) throws(RequestError) {
        guard HTTPField.isValidValue(contentType.utf8), Self.mediaType(contentType, isWithin: range) else {
            throw .contentTypeOutsideRange(range)
        }
        body = data
        headerFields[.contentType] = contentType
    }

    /// Whether `mediaType` names one media type that `list` admits: a media type, a range, or a comma-separated
    /// list of both (`image/png, image/*`), as an Encoding Object's `contentType` is written.
    static func mediaType(_ mediaType: String, isWithinList list: String) -> Bool {
        list.split(separator: ",").contains { Self.mediaType(mediaType, isWithin: String($0)) }
    }

    /// Whether `mediaType` names one media type (`type/subtype`, parameters allowed) that `range` (`type/*`,
    /// `*/*` or a media type; its parameters, if any, are not compared) takes. Types compare without regard to
    /// case (RFC 9110).
    static func mediaType(_ mediaType: String, isWithin range: String) -> Bool {
        func typeAndSubtype(_ text: String) -> (type: Substring, subtype: Substring)? {
            let essence = (text.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
            let parts = essence.trimmingCharacters(in: .whitespaces).lowercased().split(
                separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
            return (parts[0], parts[1])
        }
        // RFC 6838's restricted names (lowercased): a `*` names no one type.
        func isName(_ part: Substring) -> Bool {
            part.utf8.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
                default: "!#$&-^_.+".utf8.contains(byte)
                }
            }
        }
        guard let given = typeAndSubtype(mediaType), isName(given.type), isName(given.subtype),
            let wanted = typeAndSubtype(range)
        else { return false }
        return (wanted.type == "*" || wanted.type == given.type)
            && (wanted.subtype == "*" || wanted.subtype == given.subtype)
    }

    /// Sets `Accept` for an operation that responds with JSON: `application/json` when no media type is
    /// given, else the given ones in order (`acceptJSON("application/vnd.api+json", "application/problem+json")`
    /// sends `Accept: application/vnd.api+json, application/problem+json`).
    public mutating func acceptJSON(_ mediaTypes: String...) {
        headerFields[.accept] = mediaTypes.isEmpty ? "application/json" : mediaTypes.joined(separator: ", ")
    }

    /// Sets `Accept` to the given media types, most wanted first, each as written with its parameters
    /// (`accept("application/json", "text/plain;q=0.5")` sends `Accept: application/json, text/plain;q=0.5`).
    public mutating func accept(_ mediaTypes: String...) {
        headerFields[.accept] = mediaTypes.joined(separator: ", ")
    }

    /// The finished request.
    ///
    /// - Throws: ``RequestError/invalidServerURL`` if the server URL has no scheme or host, or has a query,
    ///   fragment or user; ``RequestError/emptyPathParameter`` if a path parameter is empty;
    ///   ``RequestError/unencodableParameter`` if an object or JSON path parameter cannot be encoded.
    public func build() throws(RequestError) -> PreparedRequest {
        guard !path.hasEmptyParameter else { throw .emptyPathParameter }
        guard !path.hasUnencodableParameter else { throw .unencodableParameter }
        guard let components = URLComponents(url: server, resolvingAgainstBaseURL: true),
            let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = components.percentEncodedHost, !host.isEmpty,
            components.percentEncodedQuery == nil, components.percentEncodedFragment == nil,
            components.percentEncodedUser == nil, components.percentEncodedPassword == nil
        else {
            throw .invalidServerURL
        }
        let authority = components.port.map { "\(host):\($0)" } ?? host
        var basePath = components.percentEncodedPath
        while basePath.hasSuffix("/") {
            basePath.removeLast()
        }
        var fullPath = basePath + path.encoded
        if !queryItems.isEmpty {
            fullPath += "?" + queryItems.joined(separator: "&")
        }
        var fields = headerFields
        if !cookies.isEmpty {
            // Cookies may be credentials: kept out of HTTP/2 and HTTP/3 compression tables.
            var field = HTTPField(name: .cookie, value: cookies.joined(separator: "; "))
            field.indexingStrategy = .disallow
            fields.append(field)
        }
        let request = HTTPRequest(
            method: method, scheme: scheme, authority: authority, path: fullPath, headerFields: fields)
        return PreparedRequest(request: request, body: body)
    }
}
