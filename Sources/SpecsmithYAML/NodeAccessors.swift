public import SpecsmithDiagnostics

/// Reading scalars with their YAML 1.2 core-schema meaning.
///
/// Plain scalars mean what the core schema says (`true`, `null`, `42`, `1.5`); quoted and block
/// scalars are always strings; a core tag (`!!str 42`) overrides both. Each accessor throws a
/// diagnostic at the node's location when the node holds something else, worded for the user, for
/// example `expected an integer, found a string`.
extension YAMLNode {
    /// True for a plain untagged `null`, `Null`, `NULL`, `~` or empty scalar, or a scalar tagged `!!null`.
    public var isNull: Bool {
        guard case .scalar(let s) = content else { return false }
        return s.kind == .null
    }

    /// How the node reads in a message: `a mapping`, `a sequence`, `null`, `a string`,
    /// `the boolean true`, `the integer 42`, `the number 1.5`, `the special number .inf`.
    public var kindDescription: String {
        switch content {
        case .mapping: return "a mapping"
        case .sequence: return "a sequence"
        case .scalar(let s):
            switch s.kind {
            case .null: return "null"
            case .bool(let value): return "the boolean \(value)"
            case .int: return "the integer \(s.text)"
            case .float: return "the number \(s.text)"
            case .specialFloat: return "the special number \(s.text)"
            case .string: return "a string"
            }
        }
    }

    /// The text of any scalar that is not null: `1.0` and `0777` read as a string give `"1.0"` and
    /// `"0777"`, so callers ask for the type they expect.
    public func string() throws(Diagnostic) -> String {
        guard case .scalar(let s) = content, s.kind != .null else { throw mismatch("a string") }
        return s.text
    }

    /// The value of an integer scalar: decimal (`0777` is 777), `0o17` octal or `0x1F` hex.
    public func int() throws(Diagnostic) -> Int {
        guard case .scalar(let s) = content, s.kind == .int else { throw mismatch("an integer") }
        guard let value = NumberText.int(s.text) else {
            throw .error("the integer \(s.text) is too large; it must fit in 64 bits", at: location)
        }
        return value
    }

    /// The value of `true`/`True`/`TRUE` or `false`/`False`/`FALSE` (not `yes`, `no`, `on`, `off`).
    public func bool() throws(Diagnostic) -> Bool {
        guard case .scalar(let s) = content, case .bool(let value) = s.kind else { throw mismatch("a boolean") }
        return value
    }

    /// An integer or float scalar as exact decimal text in JSON form (`0.01` stays `0.01`, `0x1F`
    /// becomes `31`, `+5` becomes `5`, `.5` becomes `0.5`). `.inf` and `.nan` are refused.
    public func number() throws(Diagnostic) -> YAMLNumber {
        guard case .scalar(let s) = content else { throw mismatch("a number") }
        switch s.kind {
        case .int, .float: return NumberText.json(s.text)
        default: throw mismatch("a number")
        }
    }

    /// The value of a `true`/`false` scalar, else `nil`: ``bool()`` without building an error.
    public var boolIfBoolean: Bool? {
        guard case .scalar(let s) = content, case .bool(let value) = s.kind else { return nil }
        return value
    }

    /// The number of an integer or float scalar, else `nil`: ``number()`` without building an error.
    public var numberIfNumeric: YAMLNumber? {
        guard case .scalar(let s) = content else { return nil }
        switch s.kind {
        case .int, .float: return NumberText.json(s.text)
        default: return nil
        }
    }

    func mismatch(_ expected: String) -> Diagnostic {
        .error("expected \(expected), found \(kindDescription)", at: location)
    }
}
