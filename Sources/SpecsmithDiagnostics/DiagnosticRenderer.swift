/// Prints diagnostics the way a compiler does, so that Xcode and editors pick them up:
///
/// ```
/// specs/eval.yaml:12:5: error: duplicate key "code" (first at line 9)
///     code: abc
///     ^
/// ```
public struct DiagnosticRenderer: Sendable {
    /// Returns the text of a file, or `nil` when it cannot be shown (the source line is then omitted).
    public typealias SourceProvider = @Sendable (String) -> String?

    private let source: SourceProvider

    public init(source: @escaping SourceProvider) {
        self.source = source
    }

    /// Renders one diagnostic: its header line, then the source line and a caret under the column
    /// when the source is available, then its note.
    public func render(_ diagnostic: Diagnostic) -> String {
        var out = diagnostic.description
        if let location = diagnostic.location, let text = source(location.file),
            let line = Self.line(location.line, of: text)
        {
            out += "\n" + line + "\n" + Self.caret(under: location.column, in: line)
        }
        if let note = diagnostic.note {
            out += "\nnote: " + note
        }
        return out
    }

    /// Renders every diagnostic, each followed by a newline.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { render($0) + "\n" }.joined()
    }

    static func line(_ number: Int, of text: String) -> String? {
        guard number >= 1 else { return nil }
        var current = 1
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == number {
                return String(line.hasSuffix("\r") ? line.dropLast() : line)
            }
            current += 1
        }
        return nil
    }

    /// A caret line whose leading white space copies the source line's tabs, so the caret lines up.
    static func caret(under column: Int, in line: String) -> String {
        var prefix = ""
        for (index, scalar) in line.unicodeScalars.enumerated() where index < column - 1 {
            prefix.unicodeScalars.append(scalar == "\t" ? "\t" : " ")
        }
        if line.unicodeScalars.count < column - 1 {
            prefix += String(repeating: " ", count: column - 1 - line.unicodeScalars.count)
        }
        return prefix + "^"
    }
}
