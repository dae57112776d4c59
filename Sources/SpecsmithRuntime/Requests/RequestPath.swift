/// An operation's path, with its parameters interpolated: `"/users/\(userId)/orders/\(orderId)"`.
///
/// The literal text is kept as written; each interpolated value is percent-encoded as a single path
/// segment, so that no value can add, remove or leave a segment: `../admin` becomes `..%2Fadmin`,
/// `%2F` becomes `%252F`, `..` becomes `%2E%2E`.
public struct RequestPath: Sendable, Hashable, ExpressibleByStringInterpolation {
    /// The percent-encoded path.
    public let encoded: String
    /// Whether a parameter value was empty, which would leave an empty segment.
    let hasEmptyParameter: Bool

    /// A path without parameters.
    public init(stringLiteral value: String) {
        encoded = value
        hasEmptyParameter = false
    }

    /// A path with parameters.
    public init(stringInterpolation: StringInterpolation) {
        encoded = stringInterpolation.encoded
        hasEmptyParameter = stringInterpolation.hasEmptyParameter
    }

    /// Builds a path from literal text and encoded parameter values.
    public struct StringInterpolation: StringInterpolationProtocol {
        var encoded = ""
        var hasEmptyParameter = false

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
    }
}
