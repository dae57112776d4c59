import HTTPTypes

/// The value of a parameter generated as an object, by the shape it encodes to. A `oneOf`/`anyOf` union
/// may encode as a single string, number or Boolean, or as an array, rather than an object: each is then
/// written as a parameter of that shape would be.
enum ParameterValue {
    /// `null`: the parameter is absent.
    case absent
    /// A string, number or Boolean: its text (a string unquoted, a number or Boolean as JSON writes it).
    case primitive(String)
    /// An array of primitives, `null` items left out.
    case array([String])
    /// An object's properties as `name=value` pairs, absent ones left out: nested ones as `a[b]` in
    /// `deepObject`, as their JSON text in other styles.
    case object([(name: String, value: String)])

    /// The shape `value` encodes to. With a `prefix`, an object's names are within it (`color[R]`,
    /// `color[a][b]`), built from the object's structure, so that a name holding `[` stays one name.
    ///
    /// - Throws: an error of the encoder, or ``RequestError/unencodableParameter`` for an array holding
    ///   objects or arrays, which no parameter style can write.
    init(encoding value: some Encodable, prefix: String? = nil) throws {
        try self.init(node: OrderedJSONEncoder.tree(value), prefix: prefix)
    }

    /// The shape of a form body's property `name` written in `style`: in `deepObject` an object's names are
    /// within `name` (`name[a][b]`).
    init(formProperty node: JSONNode, name: String, style: QueryStyle) throws {
        try self.init(node: node, prefix: style == .deepObject ? name : nil)
    }

    /// The shape of an encoded value, as ``init(encoding:prefix:)`` says. Only `deepObject` (a `prefix`)
    /// spells an object's member that is itself an object or an array; in every other style such a member's
    /// value is its JSON text (`meta=a,%7B%22b%22%3A1%7D`), as a form writes a value that no style writes.
    init(node: JSONNode, prefix: String? = nil) throws {
        if node.isObject {
            guard let prefix else {
                self = .object(
                    node.orderedMembers.compactMap { key, member in
                        member.isObject || member.isArray ? (key, member.jsonText) : member.formValue.map { (key, $0) }
                    })
                return
            }
            self = .object(node.formPairs(prefix: prefix))
        } else if node.isArray {
            let items = try node.arrayItems.compactMap { item in
                guard !item.isObject, !item.isArray else { throw RequestError.unencodableParameter }
                return item.formValue
            }
            self = .array(items)
        } else if let text = node.formValue {
            self = .primitive(text)
        } else {
            self = .absent
        }
    }
}

/// The text of a header's value in OpenAPI's `simple` style (the only style headers have), as a header parameter
/// and a multipart part's header are written; `nil` when no field is sent.
enum SimpleStyle {
    /// The values joined with commas (`1,2`); `nil` for none, as RFC 6570 §2.3 leaves an empty list undefined.
    static func text(_ values: [some LosslessStringConvertible]) -> String? {
        values.isEmpty ? nil : values.map(\.description).joined(separator: ",")
    }

    /// An object's properties in `CodingKeys` order, absent ones left out: exploded `R=100,G=200`, not exploded
    /// `R,100,G,200`; `nil` for an object without properties (RFC 6570 §2.3). A value that encodes as a string,
    /// number or Boolean (a `oneOf` of them) is that text, one that encodes as an array its items joined with
    /// commas, and `null` is `nil`.
    ///
    /// - Throws: an error of the encoder.
    static func text(object value: some Encodable, explode: Bool) throws -> String? {
        switch try ParameterValue(encoding: value) {
        case .absent: return nil
        case .primitive(let text): return text
        case .array(let items): return text(items)
        case .object(let pairs):
            guard !pairs.isEmpty else { return nil }
            return explode
                ? pairs.map { $0.name + "=" + $0.value }.joined(separator: ",")
                : pairs.flatMap { [$0.name, $0.value] }.joined(separator: ",")
        }
    }

    /// The JSON text of a value whose `content` is `application/json`: a valid field value as it is, since JSON
    /// escapes control characters.
    static func json(_ value: some Encodable) throws -> String {
        String(decoding: try JSONCoding.encode(value), as: UTF8.self)
    }

    /// The field `name: value`, checked as HTTP asks of a field.
    ///
    /// - Throws: ``RequestError/invalidHeaderName(_:)`` if `name` is not a token,
    ///   ``RequestError/invalidHeaderValue(name:)`` if `value` holds CR, LF, NUL or another character a field
    ///   value cannot hold (so that it cannot end its line and add a field, or a part to a multipart body).
    static func field(_ name: String, _ value: String) throws(RequestError) -> HTTPField {
        guard let fieldName = HTTPField.Name(name) else { throw .invalidHeaderName(name) }
        guard HTTPField.isValidValue(value.utf8) else { throw .invalidHeaderValue(name: fieldName.rawName) }
        return HTTPField(name: fieldName, value: value)
    }
}
