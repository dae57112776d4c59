/// Memory that a ``TextWriter`` copies template text into, shared by every value written there.
///
/// The values that refer to it (``TemplateValue/text(_:start:end:)``) keep it alive; it is freed with
/// the last of them. Bytes are written once, before the value that refers to them exists, and never
/// changed after: values may be read on any thread.
final class TextChunk: @unchecked Sendable {
    let bytes: UnsafeMutableBufferPointer<UInt8>

    init(capacity: Int) {
        bytes = .allocate(capacity: capacity)
    }

    deinit { bytes.deallocate() }

    /// The bytes from `start` to `end`.
    func text(start: Int32, end: Int32) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[Int(start)..<Int(end)])
    }
}

/// Writes the text of template values (``TemplateValue/text(_:start:end:)`` and
/// ``TemplateValue/textLines(_:start:end:)``) into chunks of memory, instead of a `String` each.
///
/// The renderer builds hundreds of thousands of short pieces of Swift per document (`self.name = name`,
/// `case name = "wire_name"`, a statement of `init(from:)`). As `String`s, each is an allocation, a copy
/// of its pieces, a check that they are UTF-8, and later a release and a free, about a thousand
/// instructions; here it is the copy alone, and the chunk's reference count.
///
/// Lines (``beginLines()``, ``appendLine(_:_:_:_:_:_:_:_:_:_:)``, ``endLines()``) are one value whose
/// text holds each line followed by a newline, so that a line must hold none of its own. They go to
/// chunks of their own, so that text values can be written while lines are (one value of lines at a
/// time).
struct TextWriter {
    private var texts = Stream()
    private var lines = Stream()
    /// Where the lines being written start in `lines`' chunk, while there are some.
    private var linesStart: Int?

    /// The size of a chunk: a few dozen values each.
    static let chunkSize = 4096

    /// A text value: the pieces one after the other.
    ///
    /// Inlined, as are ``appendLine(_:_:_:_:_:_:_:_:_:_:)`` and the copying they share: most calls give two to
    /// five pieces, and the pieces left out, literal empty strings, then cost nothing rather than a length and
    /// a check each.
    @inline(__always)
    mutating func text(
        _ p0: String, _ p1: String = "", _ p2: String = "", _ p3: String = "", _ p4: String = "",
        _ p5: String = "", _ p6: String = "", _ p7: String = "", _ p8: String = "", _ p9: String = ""
    ) -> TemplateValue {
        let length = texts.write(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, keeping: 0)
        return .text(texts.chunk, start: Int32(texts.count - length), end: Int32(texts.count))
    }

    /// Starts a value of lines, which ``endLines()`` ends.
    mutating func beginLines() {
        assert(linesStart == nil, "lines begun twice")
        linesStart = lines.count
    }

    /// Adds a line of the value begun: the pieces one after the other, which hold no newline.
    @inline(__always)
    mutating func appendLine(
        _ p0: String, _ p1: String = "", _ p2: String = "", _ p3: String = "", _ p4: String = "",
        _ p5: String = "", _ p6: String = "", _ p7: String = "", _ p8: String = "", _ p9: String = ""
    ) {
        guard let start = linesStart else { preconditionFailure("a line without lines begun") }
        assert(
            ![p0, p1, p2, p3, p4, p5, p6, p7, p8, p9].contains { $0.utf8.contains(UInt8(ascii: "\n")) },
            "a line that holds a newline")
        let kept = lines.count - start
        let length = lines.write(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, "\n", keeping: kept)
        linesStart = lines.count - length - kept
    }

    /// Adds each of `lines` as ``appendLine(_:_:_:_:_:_:_:_:_:_:)`` adds one.
    mutating func appendLines(_ lines: [String]) {
        for line in lines { appendLine(line) }
    }

    /// Whether the lines begun hold none yet.
    var hasNoLines: Bool { linesStart == lines.count }

    /// The lines added since ``beginLines()``, as one value.
    mutating func endLines() -> TemplateValue {
        guard let start = linesStart else { preconditionFailure("lines ended without being begun") }
        linesStart = nil
        return .textLines(lines.chunk, start: Int32(start), end: Int32(lines.count))
    }

    /// A chunk being written, and how much of it is.
    private struct Stream {
        var chunk = TextChunk(capacity: TextWriter.chunkSize)
        var count = 0

        /// Copies the pieces after what is written, and returns their length. When the chunk has no room,
        /// they go to a new one, after the last `kept` bytes of this one, which move with them.
        @inline(__always)
        mutating func write(
            _ p0: String, _ p1: String, _ p2: String, _ p3: String, _ p4: String, _ p5: String, _ p6: String,
            _ p7: String, _ p8: String, _ p9: String, _ p10: String = "", keeping kept: Int
        ) -> Int {
            let length =
                p0.utf8.count + p1.utf8.count + p2.utf8.count + p3.utf8.count + p4.utf8.count + p5.utf8.count
                + p6.utf8.count + p7.utf8.count + p8.utf8.count + p9.utf8.count + p10.utf8.count
            if count + length > chunk.bytes.count { moveToNewChunk(room: length, keeping: kept) }
            // Pieces left out are empty, and cost a check each.
            copy(p0)
            if !p1.isEmpty { copy(p1) }
            if !p2.isEmpty { copy(p2) }
            if !p3.isEmpty { copy(p3) }
            if !p4.isEmpty { copy(p4) }
            if !p5.isEmpty { copy(p5) }
            if !p6.isEmpty { copy(p6) }
            if !p7.isEmpty { copy(p7) }
            if !p8.isEmpty { copy(p8) }
            if !p9.isEmpty { copy(p9) }
            if !p10.isEmpty { copy(p10) }
            return length
        }

        /// Goes on in a new chunk with room for `room` bytes after the last `kept` bytes of this one, which
        /// move with them. Rare (once a chunk), and kept out of the inlined ``write``.
        @inline(never)
        private mutating func moveToNewChunk(room: Int, keeping kept: Int) {
            let new = TextChunk(capacity: max(TextWriter.chunkSize, kept + room))
            if kept > 0 {
                new.bytes.baseAddress!.initialize(from: chunk.bytes.baseAddress! + (count - kept), count: kept)
            }
            chunk = new
            count = kept
        }

        /// Copies the UTF-8 of `piece` after what is written, which has room for it.
        private mutating func copy(_ piece: String) {
            String.copy(piece, into: chunk.bytes, at: &count)
        }
    }
}

/// Writes the rendered texts of types, which other texts place (a type in a file of models, or nested in another
/// type), into chunks of their own: each is a ``TemplateValue/text(_:start:end:)`` rather than a `String`.
///
/// A `String` made from a rendering's bytes is an allocation, a copy and a check that the bytes are UTF-8, a
/// pass over every byte of every type, and a nested type's text was that again with its indentation. The
/// templates' output is UTF-8 already (their texts and the values they write were): here it is copied once,
/// into a chunk that many such texts share. The chunks are their own, not a ``TextWriter``'s: texts of types live
/// until their file is rendered, while the texts of a type's context are freed with it.
struct PlacedTexts {
    private var chunk = TextChunk(capacity: PlacedTexts.chunkSize)
    private var count = 0

    /// The size of a chunk: a few dozen types' texts.
    static let chunkSize = 65_536

    /// A text value of at most `room` bytes, which `body` writes at the pointer it is given and returns the
    /// length of.
    mutating func text(room: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) -> TemplateValue {
        if count + room > chunk.bytes.count {
            chunk = TextChunk(capacity: max(Self.chunkSize, room))
            count = 0
        }
        let start = count
        count += body(chunk.bytes.baseAddress! + start)
        return .text(chunk, start: Int32(start), end: Int32(count))
    }
}
