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
