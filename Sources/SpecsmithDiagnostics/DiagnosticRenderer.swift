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

    /// A file's text and where its lines are, each found once for all of its diagnostics, and only as
    /// far as the last line one of them shows. Lines break where libyaml breaks them (``LineBreaks``),
    /// so line N is the line libyaml's marks call N.
    private struct SourceLines {
        /// The text, its UTF-8 stored contiguously: read in place rather than copied into an array, as a
        /// document's first warning would copy the whole document (about 0.4M instructions for
        /// tradovate-2021, after the generation, on one thread).
        let text: String
        /// The lines found so far, from the first.
        var ranges: [Range<Int>] = []
        /// Where the line after the last one found starts; `nil` once the text's last line is found.
        var next: Int? = 0
        /// An index of each long line shown so far. Minified JSON is one line with a diagnostic every
        /// few hundred characters, and counting the characters of the whole line for each would be
        /// quadratic.
        var longLines: [Int: LongLine] = [:]

        init(_ text: String) {
            var text = text
            text.makeContiguousUTF8()
            self.text = text
        }

        /// Calls `body` with the text's UTF-8, where it is stored.
        private func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
            text.utf8.withContiguousStorageIfAvailable(body)!
        }

        /// What to show of line `number` (counted from 1, its break left out) for a diagnostic at
        /// `column`, and the column within it; `nil` past the end.
        mutating func shown(line number: Int, column: Int) -> (String, Int)? {
            if ranges.count < number, next != nil {
                withUTF8 { bytes in
                    while ranges.count < number, let start = next {
                        let (line, following) = LineBreaks.line(in: bytes, from: start)
                        ranges.append(line)
                        next = following
                    }
                }
            }
            guard number >= 1, number <= ranges.count else { return nil }
            let range = ranges[number - 1]
            return withUTF8 { buffer in
                let line = UnsafeBufferPointer(rebasing: buffer[range])
                // A line has no more characters than bytes.
                guard range.count > DiagnosticRenderer.maximumShownWidth else {
                    return (String(decoding: line, as: UTF8.self), column)
                }
                if longLines[number] == nil { longLines[number] = LongLine(line) }
                return longLines[number]!.window(of: line, column: column)
            }
        }
    }

    /// A long line's character count, and where every ``spacing``-th character starts, so that the
    /// part around a column is found by stepping over at most ``spacing`` characters. (The text is
    /// UTF-8 from a `String`, so every byte but a continuation byte starts a character.)
    private struct LongLine {
        static let spacing = 256
        /// The byte offset of character `k * spacing`, for each k.
        let checkpoints: [Int]
        let count: Int

        init(_ line: UnsafeBufferPointer<UInt8>) {
            var checkpoints: [Int] = []
            checkpoints.reserveCapacity(line.count / Self.spacing + 1)
            var count = 0
            // The index of the character the next checkpoint is for.
            var nextCheckpoint = 0
            var offset = 0
            while offset < line.count {
                // Eight bytes at a time up to the word where the next checkpoint falls: 31 words in 32 of
                // ASCII text.
                if let base = line.baseAddress {
                    while offset + 8 <= line.count {
                        let word = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
                        let characters = 8 - Self.continuationBytes(word)
                        guard count + characters <= nextCheckpoint else { break }
                        count += characters
                        offset += 8
                    }
                }
                for _ in 0..<min(8, line.count - offset) {
                    if line[offset] & 0xC0 != 0x80 {
                        if count == nextCheckpoint {
                            checkpoints.append(offset)
                            nextCheckpoint += Self.spacing
                        }
                        count += 1
                    }
                    offset += 1
                }
            }
            self.checkpoints = checkpoints
            self.count = count
        }

        /// How many bytes of `word` continue a UTF-8 character (`10xxxxxx`): the bytes that start none.
        private static func continuationBytes(_ word: UInt64) -> Int {
            // ASCII first: counting bits is a dozen instructions where the processor has no instruction for it.
            guard word & 0x8080_8080_8080_8080 != 0 else { return 0 }
            return (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
        }

        /// The byte offset where character `index` (from 0; `count` for the end) starts.
        func offset(of index: Int, in line: UnsafeBufferPointer<UInt8>) -> Int {
            guard index < count else { return line.count }
            var offset = checkpoints[index / Self.spacing]
            for _ in 0..<index % Self.spacing {
                offset += 1
                while line[offset] & 0xC0 == 0x80 { offset += 1 }
            }
            return offset
        }

        /// The part of the line around `column` with `...` at the cut ends, and the column within it.
        func window(of line: UnsafeBufferPointer<UInt8>, column: Int) -> (String, Int) {
            let width = DiagnosticRenderer.maximumShownWidth
            guard count > width else { return (String(decoding: line, as: UTF8.self), column) }
            let start = max(0, min(column - 1 - width / 2, count - width))
            let end = min(count, start + width)
            var shown = String(decoding: line[offset(of: start, in: line)..<offset(of: end, in: line)], as: UTF8.self)
            var shownColumn = column - start
            if start > 0 {
                shown = "..." + shown
                shownColumn += 3
            }
            if end < count { shown += "..." }
            return (shown, shownColumn)
        }
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
