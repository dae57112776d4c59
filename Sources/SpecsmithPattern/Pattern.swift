import Foundation

/// A compiled `pattern`: an ECMA-262 regular expression, as JSON Schema asks, searched for anywhere in a
/// string (not implicitly anchored: `a` matches `xay`).
///
/// The expression is translated to ICU syntax and compiled by `NSRegularExpression`, keeping ECMA-262's
/// meaning where the two differ: `\d`, `\w` and `\b` are ASCII (`\d` does not match `٣`), `\s` is
/// ECMA-262's white space and line terminators, `$` is the end of the string only (not before a final
/// newline), `.` excludes only `\n`, `\r`, U+2028 and U+2029, `\v` is U+000B and `[^]` matches anything.
/// Escapes that mean something else in ICU (`\A`, `\Z`, `\Q`...) and ICU-only syntax (possessive
/// quantifiers) are refused: ``problem(in:)`` explains why.
///
/// Compiling is costly: generated code keeps each pattern in a `static let`.
public struct Pattern: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as the spec writes it.
    public let source: String
    private let expression: Expression

    /// Compiles a pattern; a pattern with a ``problem(in:)`` is a bug in the generator, and traps.
    public init(_ source: String) {
        self.source = source
        switch Self.compile(source) {
        case .success(let regex):
            self.expression = Expression(regex)
        case .failure(let problem):
            preconditionFailure("Pattern: '\(source)' is not a valid ECMA-262 regular expression: \(problem.text)")
        }
    }

    /// Why `source` is not an ECMA-262 regular expression this runtime can match, or `nil` when it is.
    /// The generator calls this for every `pattern` of a spec, so generated code never traps.
    ///
    /// Verdicts are remembered per source: Foundation leaks a little memory each time it fails to
    /// compile an expression, so a generator run over and over (a build step, a fuzzer) must not ask it
    /// twice about the same invalid pattern.
    public static func problem(in source: String) -> String? {
        if let known = verdicts.value(for: source) { return known.problem }
        verdicts.countCompilation()
        let problem: String? =
            switch compile(source) {
            case .success: nil
            case .failure(let problem): problem.text
            }
        verdicts.store(Verdict(problem: problem), for: source)
        return problem
    }

    private struct Verdict {
        var problem: String?
    }

    private static let verdicts = VerdictCache<Verdict>(capacity: 4096)

    /// How many times ``problem(in:)`` has compiled a pattern in this process (for tests).
    static var compilationsForProblems: Int { verdicts.compilations }

    /// The ICU expression that means what the ECMA-262 `source` means, or why there is none.
    static func translate(_ source: String) -> Result<String, Problem> {
        var translator = ECMATranslator(source)
        return translator.translate()
    }

    private static func compile(_ source: String) -> Result<NSRegularExpression, Problem> {
        translate(source).flatMap { icu in
            do {
                return .success(try NSRegularExpression(pattern: icu))
            } catch {
                return .failure(Problem(text: "not a valid regular expression"))
            }
        }
    }

    /// The pattern as the spec writes it.
    public var description: String { source }

    /// Patterns are equal when their sources are.
    public static func == (lhs: Pattern, rhs: Pattern) -> Bool { lhs.source == rhs.source }

    /// Hashes the source.
    public func hash(into hasher: inout Hasher) { hasher.combine(source) }

    /// Whether the pattern matches somewhere in `value`.
    public func matches(_ value: String) -> Bool {
        let range = NSRange(value.startIndex..., in: value)
        return expression.regex.firstMatch(in: value, options: [], range: range) != nil
    }

    /// Why a pattern cannot be used.
    struct Problem: Error {
        let text: String
    }
}

/// `NSRegularExpression` is immutable and documented as safe to share between threads.
private final class Expression: @unchecked Sendable {
    let regex: NSRegularExpression

    init(_ regex: NSRegularExpression) { self.regex = regex }
}

/// Rewrites an ECMA-262 pattern (with the `u` flag's reading of `\p{...}` and `\u{...}`) as ICU syntax.
private struct ECMATranslator {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var output = ""

    private static let word = "a-zA-Z0-9_"
    /// ECMA-262 `WhiteSpace` and `LineTerminator`.
    private static let space =
        #"\t\n\x{0B}\f\r\x{20}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}"#
    private static let wordBoundary = "(?:(?<=[\(word)])(?![\(word)])|(?<![\(word)])(?=[\(word)]))"
    private static let notWordBoundary = "(?:(?<=[\(word)])(?=[\(word)])|(?<![\(word)])(?![\(word)]))"

    init(_ source: String) { self.scalars = Array(source.unicodeScalars) }

    mutating func translate() -> Result<String, Pattern.Problem> {
        var inClass = false
        // After `*`, `+` or `?` (1), after a lazy `?` that follows one (2): ICU reads `a*+` as possessive,
        // ECMA-262 refuses it.
        var quantifier = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if inClass {
                switch scalar {
                case "\\":
                    guard let piece = escape(inClass: true) else { return .failure(problem) }
                    output += piece
                case "]":
                    inClass = false
                    output += "]"
                case "[":
                    // A literal "[" in ECMA-262; a nested set in ICU.
                    output += #"\["#
                case ":":
                    // ICU reads "[:name:]" as a property; ECMA-262 as characters.
                    output += #"\:"#
                case "&", "-", "~":
                    // ICU reads "&&", "--" and "~~" as set operations; ECMA-262 as characters.
                    if scalar == "-" && !(index < scalars.count && scalars[index] == "-") {
                        output += "-"
                    } else {
                        output += "\\" + String(scalar)
                    }
                default:
                    output.unicodeScalars.append(scalar)
                }
            } else {
                let previous = quantifier
                quantifier = 0
                switch scalar {
                case "\\":
                    guard let piece = escape(inClass: false) else { return .failure(problem) }
                    output += piece
                case "[":
                    if peek("^]") {
                        index += 2
                        output += #"[\x{0}-\x{10FFFF}]"#
                    } else if peek("]") {
                        index += 1
                        output += "(?!)"
                    } else {
                        inClass = true
                        output += "["
                        if peek("^") {
                            index += 1
                            output += "^"
                        }
                        if peek("]") {
                            // ECMA-262: "[]" or "[^]" are handled above; a "]" here ends an empty set.
                            return .failure(Pattern.Problem(text: "an empty character class"))
                        }
                    }
                case "$":
                    output += #"\z"#
                case ".":
                    output += #"[^\n\r\x{2028}\x{2029}]"#
                case "*", "+", "?":
                    if scalar == "?", previous == 1 {
                        quantifier = 2
                    } else if previous != 0 {
                        return .failure(Pattern.Problem(text: "\(scalar) repeats a quantifier"))
                    } else {
                        quantifier = 1
                    }
                    output.unicodeScalars.append(scalar)
                case "(":
                    if peek("?") {
                        let next = index + 1 < scalars.count ? scalars[index + 1] : " "
                        // ECMA-262 groups: (?: (?= (?! (?<= (?<! (?<name>
                        guard ":=!<".unicodeScalars.contains(next) else {
                            return .failure(Pattern.Problem(text: "a group kind ECMA-262 does not have: (?\(next)"))
                        }
                    }
                    output += "("
                default:
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        guard !inClass else { return .failure(Pattern.Problem(text: "a character class without its closing ]")) }
        return .success(output)
    }

    private var problem = Pattern.Problem(text: "an escape ECMA-262 does not define")

    private func peek(_ text: String) -> Bool {
        var position = index
        for expected in text.unicodeScalars {
            guard position < scalars.count, scalars[position] == expected else { return false }
            position += 1
        }
        return true
    }

    /// The ICU spelling of the escape after a `\`, or `nil` when ECMA-262 does not define it.
    private mutating func escape(inClass: Bool) -> String? {
        guard index < scalars.count else {
            problem = Pattern.Problem(text: "a \\ at the end of the pattern")
            return nil
        }
        let scalar = scalars[index]
        index += 1
        switch scalar {
        case "d": return inClass ? "0-9" : "[0-9]"
        case "D": return inClass ? "[^0-9]" : "[^0-9]"
        case "w": return inClass ? Self.word : "[\(Self.word)]"
        case "W": return "[^\(Self.word)]"
        case "s": return inClass ? Self.space : "[\(Self.space)]"
        case "S": return "[^\(Self.space)]"
        case "b": return inClass ? #"\x{08}"# : Self.wordBoundary
        case "B":
            if inClass { break }
            return Self.notWordBoundary
        case "t", "n", "r", "f": return "\\" + String(scalar)
        case "v": return #"\x{0B}"#
        case "0":
            if index < scalars.count, ("0"..."9").contains(scalars[index]) { break }
            return #"\x{0}"#
        case "1"..."9":
            if inClass { break }
            var digits = String(scalar)
            while index < scalars.count, ("0"..."9").contains(scalars[index]) {
                digits.unicodeScalars.append(scalars[index])
                index += 1
            }
            return "\\" + digits
        case "c":
            guard index < scalars.count,
                scalars[index].properties.isASCIIHexDigit || ("A"..."Z").contains(scalars[index])
                    || ("a"..."z").contains(scalars[index])
            else { break }
            let letter = scalars[index]
            index += 1
            return String(format: #"\x{%X}"#, letter.value % 32)
        case "x":
            guard let value = hexDigits(count: 2) else { break }
            return String(format: #"\x{%X}"#, value)
        case "u":
            if peek("{") {
                index += 1
                var value: UInt32 = 0
                var count = 0
                while index < scalars.count,
                    let digit = scalars[index].properties.isASCIIHexDigit ? hexValue(scalars[index]) : nil
                {
                    value = value &* 16 &+ digit
                    count += 1
                    index += 1
                    if count > 6 { return nil }
                }
                guard count > 0, peek("}"), value <= 0x10FFFF else { break }
                index += 1
                return String(format: #"\x{%X}"#, value)
            }
            guard let value = hexDigits(count: 4) else { break }
            return String(format: #"\x{%X}"#, value)
        case "p", "P":
            guard peek("{"), let close = scalars[index...].firstIndex(of: "}") else { break }
            let name = String(String.UnicodeScalarView(scalars[(index + 1)..<close]))
            guard !name.isEmpty,
                name.unicodeScalars.allSatisfy({
                    $0.properties.isASCIIHexDigit || ("A"..."Z").contains($0) || ("a"..."z").contains($0) || $0 == "_"
                        || $0 == "="
                })
            else { break }
            index = close + 1
            return "\\\(scalar){\(name)}"
        case "k":
            guard !inClass, peek("<"), let close = scalars[index...].firstIndex(of: ">") else { break }
            let name = String(String.UnicodeScalarView(scalars[(index + 1)..<close]))
            index = close + 1
            return "\\k<\(name)>"
        case "-":
            // A "-" escape is valid in a class (u flag).
            if inClass { return #"\-"# }
        default:
            // Syntax characters escape to themselves.
            if "^$\\.*+?()[]{}|/".unicodeScalars.contains(scalar) {
                return scalar == "/" ? "/" : "\\" + String(scalar)
            }
        }
        problem = Pattern.Problem(text: "\\\(scalar) is not an escape ECMA-262 defines")
        return nil
    }

    private mutating func hexDigits(count: Int) -> UInt32? {
        guard index + count <= scalars.count else { return nil }
        var value: UInt32 = 0
        for offset in 0..<count {
            guard let digit = hexValue(scalars[index + offset]) else { return nil }
            value = value * 16 + digit
        }
        index += count
        return value
    }

    private func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "0"..."9": scalar.value - 0x30
        case "a"..."f": scalar.value - 0x61 + 10
        case "A"..."F": scalar.value - 0x41 + 10
        default: nil
        }
    }
}

/// A small thread-safe memo, emptied when it reaches its capacity.
private final class VerdictCache<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: Value] = [:]
    private let capacity: Int
    private var count = 0

    var compilations: Int { lock.withLock { count } }

    func countCompilation() {
        lock.withLock { count += 1 }
    }

    init(capacity: Int) {
        self.capacity = capacity
    }

    func value(for key: String) -> Value? {
        lock.withLock { entries[key] }
    }

    func store(_ value: Value, for key: String) {
        lock.withLock {
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = value
        }
    }
}
