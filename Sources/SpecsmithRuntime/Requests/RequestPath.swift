import Foundation

/// How a path parameter is written: OpenAPI's `style` for `in: path` (RFC 6570 expansions).
///
/// With `color` = `blue`, `[blue, black]` and `{R: 100, G: 200}`, not exploded / exploded:
///
/// | style | value | array | object |
/// | --- | --- | --- | --- |
/// | `simple` | `blue` | `blue,black` | `R,100,G,200` / `R=100,G=200` |
/// | `label` | `.blue` | `.blue,black` / `.blue.black` | `.R,100,G,200` / `.R=100.G=200` |
/// | `matrix` | `;color=blue` | `;color=blue,black` / `;color=blue;color=black` | `;color=R,100,G,200` / `;R=100;G=200` |
public struct PathStyle: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case simple, label
        case matrix(String)
    }

    let kind: Kind

    /// `simple`: the value as it is; arrays and objects joined with commas.
    public static let simple = PathStyle(kind: .simple)
    /// `label`: the value after a `.`; exploded arrays and objects separated by `.`.
    public static let label = PathStyle(kind: .label)

    /// `matrix`: `;name=value`; exploded arrays repeat `;name=`, exploded objects are `;key=value` each.
    public static func matrix(_ name: String) -> PathStyle {
        PathStyle(kind: .matrix(name))
    }
}

/// An operation's path, with its parameters interpolated: `"/users/\(userId)/orders/\(orderId)"`.
///
/// The literal text is kept as written; each interpolated value is percent-encoded as a single path
/// segment, so that no value can add, remove or leave a segment: `../admin` becomes `..%2Fadmin`,
/// `%2F` becomes `%252F`, `..` becomes `%2E%2E`. In the `label` and `matrix` styles every character but
/// RFC 3986's unreserved ones is encoded in names and values, and in `label` style `.` too, since it
/// separates values there.
public struct RequestPath: Sendable, Hashable, ExpressibleByStringInterpolation {
    /// The percent-encoded path.
    public let encoded: String
    /// Whether a parameter value was empty, which would leave an empty segment.
    let hasEmptyParameter: Bool
    /// Whether an object or JSON parameter could not be encoded.
    let hasUnencodableParameter: Bool

    /// A path without parameters.
    public init(stringLiteral value: String) {
        encoded = value
        hasEmptyParameter = false
        hasUnencodableParameter = false
    }

    /// A path with parameters.
    public init(stringInterpolation: StringInterpolation) {
        encoded = stringInterpolation.encoded
        hasEmptyParameter = stringInterpolation.hasEmptyParameter
        hasUnencodableParameter = stringInterpolation.hasUnencodableParameter
    }

    /// Builds a path from literal text and encoded parameter values.
    public struct StringInterpolation: StringInterpolationProtocol {
        var encoded = ""
        var hasEmptyParameter = false
        var hasUnencodableParameter = false

        /// Starts an empty path.
        public init(literalCapacity: Int, interpolationCount: Int) {
            encoded.reserveCapacity(literalCapacity + 16 * interpolationCount)
        }

        /// Appends a literal part of the path template, unchanged.
        public mutating func appendLiteral(_ literal: String) {
            encoded += literal
        }

        /// Appends a path parameter, percent-encoded as one segment.
        public mutating func appendInterpolation(_ value: some LosslessStringConvertible) {
            let text = value.description
            hasEmptyParameter = hasEmptyParameter || text.isEmpty
            encoded += PercentEncoding.encodeSegment(text)
        }

        /// Appends an array path parameter in `simple` style: the values, each percent-encoded, joined
        /// with commas, within one segment.
        public mutating func appendInterpolation(_ values: [some LosslessStringConvertible]) {
            hasEmptyParameter = hasEmptyParameter || values.isEmpty
            encoded += values.map { PercentEncoding.encodeSegment($0.description) }.joined(separator: ",")
        }

        /// Appends a path parameter in a given style: `.label` writes `.blue`, `.matrix("color")` writes
        /// `;color=blue` (and `;color` for an empty value); `.simple` is the plain interpolation.
        public mutating func appendInterpolation(_ value: some LosslessStringConvertible, style: PathStyle) {
            let text = value.description
            switch style.kind {
            case .simple:
                appendInterpolation(text)
            case .label:
                append("." + Self.encode(text, style: style))
            case .matrix(let name):
                append(";" + PercentEncoding.encode(name) + (text.isEmpty ? "" : "=" + Self.encode(text, style: style)))
            }
        }

        /// Appends an array path parameter in a given style (see ``PathStyle``); an empty array is refused
        /// when the request is built, as RFC 6570 leaves it undefined.
        public mutating func appendInterpolation(
            _ values: [some LosslessStringConvertible],
            style: PathStyle,
            explode: Bool
        ) {
            let items = values.map { Self.encode($0.description, style: style) }
            guard !items.isEmpty else {
                hasEmptyParameter = true
                return
            }
            switch style.kind {
            case .simple:
                append(items.joined(separator: ","))
            case .label:
                append("." + items.joined(separator: explode ? "." : ","))
            case .matrix(let name):
                let key = ";" + PercentEncoding.encode(name)
                let exploded = items.map { key + ($0.isEmpty ? "" : "=" + $0) }.joined()
                append(explode ? exploded : key + "=" + items.joined(separator: ","))
            }
        }

        /// Appends an object path parameter in a given style (see ``PathStyle``): its properties in
        /// `CodingKeys` order, a property that is an object or an array as its JSON text, absent ones left out.
        /// An object without properties is refused when the request is built. A value that encodes as a
        /// string, number or Boolean (a `oneOf` of them) is written as such a value, one that encodes as an
        /// array as an array; `null` is refused as an empty value.
        public mutating func appendInterpolation(object: some Encodable, style: PathStyle, explode: Bool) {
            let pairs: [(name: String, value: String)]
            switch try? ParameterValue(encoding: object) {
            case nil:
                hasUnencodableParameter = true
                return
            case .absent?:
                hasEmptyParameter = true
                return
            case .primitive(let text)?:
                return appendInterpolation(text, style: style)
            case .array(let items)?:
                return appendInterpolation(items, style: style, explode: explode)
            case .object(let properties)?:
                pairs = properties
            }
            guard !pairs.isEmpty else {
                hasEmptyParameter = true
                return
            }
            let encodedPairs = pairs.map {
                (name: Self.encode($0.name, style: style), value: Self.encode($0.value, style: style))
            }
            let assignments = encodedPairs.map { $0.name + "=" + $0.value }
            let flat = encodedPairs.flatMap { [$0.name, $0.value] }.joined(separator: ",")
            switch style.kind {
            case .simple:
                append(explode ? assignments.joined(separator: ",") : flat)
            case .label:
                append("." + (explode ? assignments.joined(separator: ".") : flat))
            case .matrix(let name):
                // RFC 6570 §3.2.7: a named expansion writes an empty value as the bare name (`;R=100;G`),
                // as it does a whole empty value (`;color`).
                let exploded = encodedPairs.map { ";" + $0.name + ($0.value.isEmpty ? "" : "=" + $0.value) }.joined()
                append(explode ? exploded : ";" + PercentEncoding.encode(name) + "=" + flat)
            }
        }

        /// Appends a parameter whose `content` is `application/json`: the value's JSON text,
        /// percent-encoded as one segment.
        public mutating func appendInterpolation(json value: some Encodable) {
            guard let data = try? JSONCoding.encode(value) else {
                hasUnencodableParameter = true
                return
            }
            appendInterpolation(String(decoding: data, as: UTF8.self))
        }

        /// Appends an expansion; one that is empty or only `.` would leave an empty or dot segment.
        private mutating func append(_ expansion: String) {
            hasEmptyParameter = hasEmptyParameter || expansion.isEmpty || expansion == "."
            encoded += expansion
        }

        /// A name or value within a `label` or `matrix` expansion: `.` is encoded in `label` style, where
        /// it separates values.
        private static func encode(_ text: String, style: PathStyle) -> String {
            switch style.kind {
            case .simple: PercentEncoding.encodeSegment(text)
            case .label: PercentEncoding.encode(text).replacingOccurrences(of: ".", with: "%2E")
            case .matrix: PercentEncoding.encode(text)
            }
        }
    }
}
