import Foundation

/// A compiled `pattern`, searched for anywhere in a string (not implicitly anchored, as in ECMA-262).
///
/// Compiling is costly: generated code keeps each pattern in a `static let`.
/// The expression is compiled by `NSRegularExpression` (ICU syntax), which accepts the ECMA-262
/// patterns specs commonly use.
public struct Pattern: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as the spec writes it.
    public let source: String
    private let expression: Expression

    /// Compiles a pattern; a pattern that does not compile is a bug in the generator, and traps.
    public init(_ source: String) {
        do {
            self.source = source
            self.expression = Expression(try NSRegularExpression(pattern: source))
        } catch {
            preconditionFailure("Pattern: '\(source)' is not a valid regular expression: \(error)")
        }
    }

    /// The pattern as the spec writes it.
    public var description: String { source }

    /// Patterns are equal when their sources are.
    public static func == (lhs: Pattern, rhs: Pattern) -> Bool { lhs.source == rhs.source }

    /// Hashes the source.
    public func hash(into hasher: inout Hasher) { hasher.combine(source) }

    /// Whether the pattern matches somewhere in `value`.
    func matches(_ value: String) -> Bool {
        let range = NSRange(value.startIndex..., in: value)
        return expression.regex.firstMatch(in: value, options: [], range: range) != nil
    }
}

/// `NSRegularExpression` is immutable and documented as safe to share between threads.
private final class Expression: @unchecked Sendable {
    let regex: NSRegularExpression

    init(_ regex: NSRegularExpression) { self.regex = regex }
}
