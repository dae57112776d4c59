public import SpecsmithDiagnostics

/// Reading scalars with their YAML 1.2 core-schema meaning.
///
/// Plain scalars mean what the core schema says (`true`, `null`, `42`, `1.5`); quoted and block
/// scalars are always strings; a core tag (`!!str 42`) overrides both. Each accessor throws a
/// diagnostic at the node's location when the node holds something else, worded for the user, for
/// example `expected an integer, found a string`.
extension YAMLNode {
    /// True for a plain untagged `null`, `Null`, `NULL`, `~` or empty scalar, or a scalar tagged `!!null`.
    @inlinable
    public var isNull: Bool {
        let record = record
        return record.kind == .scalar && record.resolved == .null
    }

    /// How the node reads in a message: `a mapping`, `a sequence`, `null`, `a string`,
    /// `the boolean true`, `the integer 42`, `the number 1.5`, `the special number .inf`.
    public var kindDescription: String {
        let record = record
        switch record.kind {
        case .mapping: return "a mapping"
        case .sequence: return "a sequence"
        case .scalar:
            switch record.resolved {
            case .null: return "null"
            case .bool(let value): return "the boolean \(value)"
            case .int: return "the integer \(storage.text(record))"
            case .float: return "the number \(storage.text(record))"
            case .specialFloat: return "the special number \(storage.text(record))"
            case .string: return "a string"
            }
        }
    }

    /// The text of any scalar that is not null: `1.0` and `0777` read as a string give `"1.0"` and
    /// `"0777"`, so callers ask for the type they expect.
    @inlinable
    public func string() throws(Diagnostic) -> String {
        let record = record
        guard record.kind == .scalar, record.resolved != .null else { throw mismatch("a string") }
        return storage.text(record)
    }

    /// The value of an integer scalar: decimal (`0777` is 777), `0o17` octal or `0x1F` hex.
    public func int() throws(Diagnostic) -> Int {
        let record = record
        guard record.kind == .scalar, record.resolved == .int else { throw mismatch("an integer") }
        let text = storage.text(record)
        guard let value = NumberText.int(text) else {
            throw .error("the integer \(text) is too large; it must fit in 64 bits", at: location)
        }
        return value
    }

    /// The value of `true`/`True`/`TRUE` or `false`/`False`/`FALSE` (not `yes`, `no`, `on`, `off`).
    public func bool() throws(Diagnostic) -> Bool {
        guard let value = boolIfBoolean else { throw mismatch("a boolean") }
        return value
    }

    /// An integer or float scalar as exact decimal text in JSON form (`0.01` stays `0.01`, `0x1F`
    /// becomes `31`, `+5` becomes `5`, `.5` becomes `0.5`). `.inf` and `.nan` are refused.
    public func number() throws(Diagnostic) -> YAMLNumber {
        guard let number = numberIfNumeric else { throw mismatch("a number") }
        return number
    }

    /// The value of a `true`/`false` scalar, else `nil`: ``bool()`` without building an error.
    @inlinable
    public var boolIfBoolean: Bool? {
        let record = record
        guard record.kind == .scalar, case .bool(let value) = record.resolved else { return nil }
        return value
    }

    /// The number of an integer or float scalar, else `nil`: ``number()`` without building an error.
    public var numberIfNumeric: YAMLNumber? {
        let record = record
        guard record.kind == .scalar else { return nil }
        switch record.resolved {
        case .int, .float: return NumberText.json(storage.text(record))
        default: return nil
        }
    }

    @usableFromInline
    func mismatch(_ expected: String) -> Diagnostic {
        .error("expected \(expected), found \(kindDescription)", at: location)
    }
}
