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
    ///
    /// A pattern of plain syntax (``PlainSyntax``: most patterns specs write, such as `^\d{2}:\d{2}$`) is judged
    /// without compiling it: a process's first compilation sets ICU's regular expressions up, about 8M
    /// instructions (5% of a fresh `specsmith generate` of twilio-messaging-v1, 3% of discourse's).
    public static func problem(in source: String) -> String? {
        if let known = verdicts.value(for: source) { return known.problem }
        let problem: String?
        switch translate(source) {
        case .failure(let failure):
            problem = failure.text
        case .success where PlainSyntax.compilesSurely(source):
            problem = nil
        case .success(let icu):
            verdicts.countCompilation()
            problem = (try? NSRegularExpression(pattern: icu)) == nil ? invalid.text : nil
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
                return .failure(invalid)
            }
        }
    }

    private static let invalid = Problem(text: "not a valid regular expression")

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
                        // Matches nothing, and (unlike "(?!)") ICU lets it take a quantifier: "[]*" matches "".
                        index += 1
                        output += #"[^\x{0}-\x{10FFFF}]"#
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
        // ICU refuses an empty expression; the empty pattern matches every string.
        return .success(output.isEmpty ? "(?:)" : output)
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

/// Whether an ECMA-262 pattern uses only syntax whose ICU translation surely compiles: literal characters, `.`,
/// the escapes of single characters and of classes (`\d`, `\w`, `\s` and their negations), character classes of
/// such characters and of ranges in order, groups `(...)` and `(?:...)`, alternatives, the assertions `^`, `$`,
/// `\b` and `\B`, and quantifiers (`*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}` with counts in order, each may be lazy)
/// after something they can repeat. Anything else (lookaround, back references, named groups, `\p{...}`, counts
/// above 1,000, nesting deeper than 32, a pattern over 4,096 characters) is left to ICU to judge. Checked against
/// ICU itself by PlainSyntaxTests, on random patterns of this syntax and beyond.
struct PlainSyntax {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var depth = 0

    private init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    /// True only when ICU surely compiles the translation of `source`; false also for many patterns it compiles.
    static func compilesSurely(_ source: String) -> Bool {
        guard source.unicodeScalars.count <= 4096 else { return false }
        var syntax = PlainSyntax(Array(source.unicodeScalars))
        return syntax.disjunction() && syntax.index == syntax.scalars.count
    }

    private var next: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private func ahead(_ offset: Int) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    private mutating func take(_ scalar: Unicode.Scalar) -> Bool {
        guard next == scalar else { return false }
        index += 1
        return true
    }

    private mutating func disjunction() -> Bool {
        repeat {
            while let scalar = next, scalar != "|", scalar != ")" {
                guard term() else { return false }
            }
        } while take("|")
        return true
    }

    private mutating func term() -> Bool {
        if take("^") || take("$") { return !atQuantifier }
        if next == "\\", let letter = ahead(1), letter == "b" || letter == "B" {
            index += 2
            return !atQuantifier
        }
        return atom() && quantifier()
    }

    /// Whether a quantifier follows: after an assertion or another quantifier, ECMA-262 refuses it or ICU reads
    /// it otherwise (`a*+` is possessive).
    private var atQuantifier: Bool {
        guard let scalar = next else { return false }
        return scalar == "*" || scalar == "+" || scalar == "?" || scalar == "{"
    }

    private mutating func atom() -> Bool {
        guard let scalar = next else { return false }
        index += 1
        switch scalar {
        case "(":
            if take("?") && !take(":") { return false }
            depth += 1
            guard depth <= 32, disjunction(), take(")") else { return false }
            depth -= 1
            return true
        case "[":
            return characterClass()
        case "\\":
            return escape() != nil
        case ")", "]", "{", "}", "*", "+", "?", "|":
            return false
        default:
            return true
        }
    }

    private mutating func quantifier() -> Bool {
        if take("{") {
            guard let low = count() else { return false }
            if take(","), next != "}" {
                guard let high = count(), low <= high else { return false }
            }
            guard take("}") else { return false }
        } else if !(take("*") || take("+") || take("?")) {
            return true
        }
        _ = take("?")
        return !atQuantifier
    }

    /// A decimal count of at most 1,000.
    private mutating func count() -> Int? {
        var value = 0
        var digits = 0
        while let scalar = next, ("0"..."9").contains(scalar) {
            value = value * 10 + Int(scalar.value - 0x30)
            digits += 1
            index += 1
            guard value <= 1000 else { return nil }
        }
        return digits > 0 ? value : nil
    }

    /// After `[`: single characters, class escapes and ranges of single characters in order, up to `]`.
    private mutating func characterClass() -> Bool {
        _ = take("^")
        while let scalar = next, scalar != "]" {
            guard let low = classAtom() else { return false }
            if next == "-", let after = ahead(1), after != "]" {
                index += 1
                guard case .character(let from) = low, case .character(let to)? = classAtom(), from <= to else {
                    return false
                }
            }
        }
        return take("]")
    }

    private enum ClassAtom {
        case character(UInt32)
        case set
    }

    private mutating func classAtom() -> ClassAtom? {
        guard let scalar = next else { return nil }
        index += 1
        switch scalar {
        case "\\":
            return escape(inClass: true)
        case "-", "&", "~":
            // Characters, but never taken as a range's end here: doubled, ICU reads them as set operators.
            return .set
        default:
            return .character(scalar.value)
        }
    }

    /// After `\`: the escape's single character, `.set` for a class escape, nil for anything else.
    private mutating func escape(inClass: Bool = false) -> ClassAtom? {
        guard let scalar = next else { return nil }
        index += 1
        switch scalar {
        case "d", "D", "w", "W", "s", "S":
            return .set
        case "t": return .character(0x09)
        case "n": return .character(0x0A)
        case "v": return .character(0x0B)
        case "f": return .character(0x0C)
        case "r": return .character(0x0D)
        case "b" where inClass: return .character(0x08)
        case "-" where inClass: return .character(0x2D)
        case "0":
            if let digit = next, ("0"..."9").contains(digit) { return nil }
            return .character(0)
        case "c":
            guard let letter = next, ("A"..."Z").contains(letter) || ("a"..."z").contains(letter) else { return nil }
            index += 1
            return .character(letter.value % 32)
        case "x":
            return hex(digits: 2)
        case "u":
            if take("{") {
                var value: UInt32 = 0
                var digits = 0
                while let digit = next.flatMap(Self.hexValue) {
                    value = value * 16 + digit
                    digits += 1
                    index += 1
                    guard digits <= 6 else { return nil }
                }
                guard digits > 0, value <= 0x10FFFF, take("}") else { return nil }
                return .character(value)
            }
            return hex(digits: 4)
        default:
            return "^$\\.*+?()[]{}|/".unicodeScalars.contains(scalar) ? .character(scalar.value) : nil
        }
    }

    private mutating func hex(digits: Int) -> ClassAtom? {
        var value: UInt32 = 0
        for _ in 0..<digits {
            guard let digit = next.flatMap(Self.hexValue) else { return nil }
            value = value * 16 + digit
            index += 1
        }
        return .character(value)
    }

    private static func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
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
