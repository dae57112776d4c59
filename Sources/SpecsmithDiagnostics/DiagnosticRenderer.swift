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
        var cache: [String: SourceLines] = [:]
        return render(diagnostic, cache: &cache)
    }

    /// Renders every diagnostic, each followed by a newline. Each file is split into lines once.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        var cache: [String: SourceLines] = [:]
        return diagnostics.map { render($0, cache: &cache) + "\n" }.joined()
    }

    /// The widest part of a source line shown; longer lines (minified JSON) show a window around the column.
    static let maximumShownWidth = 160

    private func render(_ diagnostic: Diagnostic, cache: inout [String: SourceLines]) -> String {
        var out = diagnostic.description
        if let location = diagnostic.location, let lines = lines(of: location.file, cache: &cache),
            let line = lines.line(location.line)
        {
            let (shown, column) = Self.window(line, column: location.column)
            out += "\n" + shown + "\n" + Self.caret(under: column, in: shown)
        }
        if let note = diagnostic.note {
            out += "\nnote: " + note
        }
        return out
    }

    private func lines(of file: String, cache: inout [String: SourceLines]) -> SourceLines? {
        if let cached = cache[file] { return cached }
        guard let text = source(file) else { return nil }
        let lines = SourceLines(text)
        cache[file] = lines
        return lines
    }

    /// A file's text and where its lines are, found once for all of its diagnostics. Lines break
    /// where libyaml breaks them (``LineBreaks``), so line N is the line libyaml's marks call N.
    private struct SourceLines {
        let utf8: [UInt8]
        let ranges: [Range<Int>]

        init(_ text: String) {
            utf8 = Array(text.utf8)
            ranges = utf8.withUnsafeBufferPointer(LineBreaks.lines)
        }

        /// Line `number`, counted from 1, without its break; `nil` past the end.
        func line(_ number: Int) -> String? {
            guard number >= 1, number <= ranges.count else { return nil }
            return String(decoding: utf8[ranges[number - 1]], as: UTF8.self)
        }
    }

    /// The line, or for a very long one the part around `column` with `...` at the cut ends, and the
    /// column within what is shown.
    static func window(_ line: String, column: Int) -> (String, Int) {
        let scalars = Array(line.unicodeScalars)
        guard scalars.count > maximumShownWidth else { return (line, column) }
        let half = maximumShownWidth / 2
        let start = max(0, min(column - 1 - half, scalars.count - maximumShownWidth))
        let end = min(scalars.count, start + maximumShownWidth)
        var shown = String(String.UnicodeScalarView(scalars[start..<end]))
        var shownColumn = column - start
        if start > 0 {
            shown = "..." + shown
            shownColumn += 3
        }
        if end < scalars.count { shown += "..." }
        return (shown, shownColumn)
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
