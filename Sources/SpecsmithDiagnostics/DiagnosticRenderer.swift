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
        var cache: [SourceLines] = []
        var out: [UInt8] = []
        render(diagnostic, into: &out, cache: &cache)
        return String(decoding: out, as: UTF8.self)
    }

    /// Renders every diagnostic, each followed by a newline. Each file is split into lines once.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        // The report is built as UTF-8 in one array and made a `String` once, not joined from a string
        // per diagnostic built from a string per part (about 5,000 instructions a diagnostic, on one
        // thread at the end of a run).
        var cache: [SourceLines] = []
        var out: [UInt8] = []
        // A header, a source line of at most 166 characters and its caret line: most reports fit.
        out.reserveCapacity(diagnostics.count * 512)
        for diagnostic in diagnostics {
            render(diagnostic, into: &out, cache: &cache)
            out.append(UInt8(ascii: "\n"))
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The widest part of a source line shown; longer lines (minified JSON) show a window around the column.
    static let maximumShownWidth = 160

    /// Appends one diagnostic to `out`. `cache` holds the files read so far: a report's diagnostics are in
    /// a few files, so a list looked along rather than a dictionary, whose type's set-up on first use in a
    /// process costs about 0.4M instructions (the runtime looks its key's `Hashable` conformance up).
    private func render(_ diagnostic: Diagnostic, into out: inout [UInt8], cache: inout [SourceLines]) {
        diagnostic.write(to: &out)
        if let location = diagnostic.location {
            var index = cache.firstIndex { $0.file == location.sourceFile }
            if index == nil, let text = source(location.file) {
                cache.append(SourceLines(location.sourceFile, text))
                index = cache.count - 1
            }
            if let index {
                out.append(UInt8(ascii: "\n"))
                let start = out.count
                if let column = cache[index].write(line: location.line, column: location.column, to: &out) {
                    out.append(UInt8(ascii: "\n"))
                    Self.writeCaret(under: column, in: start..<out.count - 1, to: &out)
                } else {
                    out.removeLast()
                }
            }
        }
        if let note = diagnostic.note {
            out += "\nnote: ".utf8
            out += note.utf8
        }
    }

    /// A file's text and where its lines are, each found once for all of its diagnostics, and only as
    /// far as the last line one of them shows. Lines break where libyaml breaks them (``LineBreaks``),
    /// so line N is the line libyaml's marks call N.
    private struct SourceLines {
        /// The text, its UTF-8 stored contiguously: read in place rather than copied into an array, as a
        /// document's first warning would copy the whole document (about 0.4M instructions for
        /// tradovate-2021, after the generation, on one thread).
        let file: SourceFile
        let text: String
        /// The lines found so far, from the first.
        var ranges: [Range<Int>] = []
        /// Where the line after the last one found starts; `nil` once the text's last line is found.
        var next: Int? = 0
        /// An index of each long line shown so far. Minified JSON is one line with a diagnostic every
        /// few hundred characters, and counting the characters of the whole line for each would be
        /// quadratic.
        var longLines: [Int: LongLine] = [:]

        init(_ file: SourceFile, _ text: String) {
            self.file = file
            var text = text
            text.makeContiguousUTF8()
            self.text = text
        }

        /// Calls `body` with the text's UTF-8, where it is stored.
        private func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
            text.utf8.withContiguousStorageIfAvailable(body)!
        }

        /// Appends to `out` what to show of line `number` (counted from 1, its break left out) for a
        /// diagnostic at `column`, and returns the column within it; `nil` past the end, with nothing appended.
        mutating func write(line number: Int, column: Int, to out: inout [UInt8]) -> Int? {
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
                    out += line
                    return column
                }
                if longLines[number] == nil { longLines[number] = LongLine(line) }
                return longLines[number]!.writeWindow(of: line, column: column, to: &out)
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
                // Sixteen bytes at a time up to the pair of words where the next checkpoint falls: 15 pairs
                // in 16 of ASCII text.
                if let base = line.baseAddress {
                    while offset + 16 <= line.count {
                        let first = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
                        let second = UnsafeRawPointer(base + offset + 8).loadUnaligned(as: UInt64.self)
                        let characters = 16 - Self.continuationBytes(first, second)
                        guard count + characters <= nextCheckpoint else { break }
                        count += characters
                        offset += 16
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

        /// How many bytes of two words continue a UTF-8 character, ASCII found with one test.
        private static func continuationBytes(_ first: UInt64, _ second: UInt64) -> Int {
            guard (first | second) & 0x8080_8080_8080_8080 != 0 else { return 0 }
            return continuationBytes(first) + continuationBytes(second)
        }

        /// The byte offset where character `index` (from 0; `count` for the end) starts.
        func offset(of index: Int, in line: UnsafeBufferPointer<UInt8>) -> Int {
            guard index < count else { return line.count }
            var offset = checkpoints[index / Self.spacing]
            // Characters to step over from the checkpoint's, and those stepped over so far: eight bytes at
            // a time while the word's are all to be stepped over, then byte by byte.
            let steps = index % Self.spacing
            var stepped = 0
            if let base = line.baseAddress {
                while offset + 8 <= line.count {
                    let word = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
                    let characters = 8 - Self.continuationBytes(word)
                    guard stepped + characters <= steps else { break }
                    stepped += characters
                    offset += 8
                }
            }
            while true {
                if line[offset] & 0xC0 != 0x80 {
                    if stepped == steps { return offset }
                    stepped += 1
                }
                offset += 1
            }
        }

        /// Appends the part of the line around `column` with `...` at the cut ends, and returns the column
        /// within it.
        func writeWindow(of line: UnsafeBufferPointer<UInt8>, column: Int, to out: inout [UInt8]) -> Int {
            let width = DiagnosticRenderer.maximumShownWidth
            guard count > width else {
                out += line
                return column
            }
            let start = max(0, min(column - 1 - width / 2, count - width))
            let end = min(count, start + width)
            var shownColumn = column - start
            if start > 0 {
                out += "...".utf8
                shownColumn += 3
            }
            out += UnsafeBufferPointer(rebasing: line[offset(of: start, in: line)..<offset(of: end, in: line)])
            if end < count { out += "...".utf8 }
            return shownColumn
        }
    }

    /// Appends a caret line for `column` of the line shown at `out[shown]`: its leading white space
    /// copies the line's tabs, so the caret lines up.
    static func writeCaret(under column: Int, in shown: Range<Int>, to out: inout [UInt8]) {
        let width = max(0, column - 1)
        let caret = out.count
        out += repeatElement(UInt8(ascii: " "), count: width)
        out.append(UInt8(ascii: "^"))
        // One space or tab for each character before the column: a tab where a byte that starts one is a tab.
        out.withUnsafeMutableBufferPointer { bytes in
            var characters = 0
            for i in shown where bytes[i] & 0xC0 != 0x80 {
                guard characters < width else { break }
                if bytes[i] == UInt8(ascii: "\t") { bytes[caret + characters] = UInt8(ascii: "\t") }
                characters += 1
            }
        }
    }
}
