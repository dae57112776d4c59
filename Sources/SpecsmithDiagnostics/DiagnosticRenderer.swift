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
        if let location = diagnostic.location {
            if cache[location.file] == nil, let text = source(location.file) {
                cache[location.file] = SourceLines(text)
            }
            if let (shown, column) = cache[location.file]?.shown(line: location.line, column: location.column) {
                out += "\n" + shown + "\n" + Self.caret(under: column, in: shown)
            }
        }
        if let note = diagnostic.note {
            out += "\nnote: " + note
        }
        return out
    }

    /// A file's text and where its lines are, found once for all of its diagnostics. Lines break
    /// where libyaml breaks them (``LineBreaks``), so line N is the line libyaml's marks call N.
    private struct SourceLines {
        let utf8: [UInt8]
        let ranges: [Range<Int>]
        /// The characters of each long line shown so far. Minified JSON is one line with a diagnostic
        /// every few hundred characters, and decoding the whole line for each would be quadratic.
        var longLines: [Int: [Unicode.Scalar]] = [:]

        init(_ text: String) {
            utf8 = Array(text.utf8)
            ranges = utf8.withUnsafeBufferPointer(LineBreaks.lines)
        }

        /// What to show of line `number` (counted from 1, its break left out) for a diagnostic at
        /// `column`, and the column within it; `nil` past the end.
        mutating func shown(line number: Int, column: Int) -> (String, Int)? {
            guard number >= 1, number <= ranges.count else { return nil }
            let bytes = utf8[ranges[number - 1]]
            // A line has no more characters than bytes.
            guard bytes.count > DiagnosticRenderer.maximumShownWidth else {
                return (String(decoding: bytes, as: UTF8.self), column)
            }
            if longLines[number] == nil {
                var scalars: [Unicode.Scalar] = []
                scalars.reserveCapacity(bytes.count)
                for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars { scalars.append(scalar) }
                longLines[number] = scalars
            }
            return DiagnosticRenderer.window(longLines[number]!, column: column)
        }
    }

    /// The line, or for a very long one the part around `column` with `...` at the cut ends, and the
    /// column within what is shown.
    static func window(_ scalars: [Unicode.Scalar], column: Int) -> (String, Int) {
        guard scalars.count > maximumShownWidth else { return (text(scalars[...]), column) }
        let half = maximumShownWidth / 2
        let start = max(0, min(column - 1 - half, scalars.count - maximumShownWidth))
        let end = min(scalars.count, start + maximumShownWidth)
        var shown = text(scalars[start..<end])
        var shownColumn = column - start
        if start > 0 {
            shown = "..." + shown
            shownColumn += 3
        }
        if end < scalars.count { shown += "..." }
        return (shown, shownColumn)
    }

    /// The text of `scalars`, encoded straight to UTF-8 (a `UnicodeScalarView` appends them one by
    /// one through generic code, several hundred instructions each).
    private static func text(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count * 4)
        for scalar in scalars { UTF8.encode(scalar) { bytes.append($0) } }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A caret line whose leading white space copies the source line's tabs, so the caret lines up.
    static func caret(under column: Int, in line: String) -> String {
        let width = max(0, column - 1)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(width + 1)
        // One space or tab for each character before the column: for each byte that starts one.
        for byte in line.utf8 where byte & 0xC0 != 0x80 {
            guard bytes.count < width else { break }
            bytes.append(byte == UInt8(ascii: "\t") ? byte : UInt8(ascii: " "))
        }
        bytes += repeatElement(UInt8(ascii: " "), count: width - bytes.count)
        bytes.append(UInt8(ascii: "^"))
        return String(decoding: bytes, as: UTF8.self)
    }
}
