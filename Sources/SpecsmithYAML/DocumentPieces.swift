import Dispatch
import SpecsmithDiagnostics

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a large document can be cut into pieces that libyaml parses on their own, so that the pieces
/// can be parsed on several cores and joined into the tree one parse would build.
///
/// In block-style YAML, every piece after the first starts at a *cut*: a line that holds a key of a
/// block mapping, at that mapping's indentation. The piece holds a run of the mapping's entries, and
/// parsed alone it is a mapping at the same column, whose entries are appended to the mapping's
/// (``PieceJoiner``). Cuts are found from indentation alone, in one pass over the lines:
/// - the top-level keys, at column 0 (after an optional `---` line), plain or quoted;
/// - inside an entry larger than a piece, the keys of its value, when every line of the value is
///   indented further than the entry's key and its first line is a key; and so on, a few levels down.
///
/// Indentation can mislead: a line of a quoted scalar or flow collection that spans lines may look like
/// a key. Such a cut leaves a piece that libyaml rejects or that does not continue a block mapping of
/// the piece before it, and ``PieceJoiner`` then gives up, so that the document is parsed in one piece.
///
/// A JSON document (its first character a `{`) is cut by its structure instead: after a comma between
/// two members of an object that only objects enclose, a few levels down (``Flow``). JSON is scanned
/// strictly: anything but strings, numbers, `true`, `false`, `null`, brackets, commas, colons
/// and spaces, and the document is not cut.
///
/// A document whose lines break anywhere but at `\n` is not cut.
///
/// The lines of a large block YAML document are read on several threads, each a run of whole lines
/// (``lines(_:parts:)``): the cuts must be known before any piece is parsed, so this scan runs while
/// the other cores have nothing to do.
struct DocumentPieces {
    struct Piece: Sendable, Equatable {
        /// The piece's bytes in the document.
        var bytes: Range<Int>
        /// How many lines come before the piece.
        var line: Int
        /// The column (0-based) of the keys of the block mapping that the piece continues; for a JSON
        /// piece, the column (in characters) where its bytes start.
        var indent: Int
        /// For a piece of a JSON document, how it is parsed and joined; `nil` for block YAML.
        var flow: Flow?
    }

    /// How a piece of a JSON document is parsed: its members wrapped into an object, `{` before them
    /// (but for the first piece, which starts with the document's own) and a `}` after for each object
    /// still open where the piece ends. The piece's members are then appended to the object they are
    /// members of, the last object of its depth that the pieces before it opened.
    struct Flow: Sendable, Equatable {
        /// How many objects enclose the piece's first member: 1 for the root's members.
        var depth: Int
        /// Whether a `{` goes before the piece's bytes.
        var opens: Bool
        /// How many `}` go after them.
        var closes: Int

        /// The bytes libyaml parses for a piece.
        func text(_ piece: Range<Int>, of bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
            var text: [UInt8] = []
            text.reserveCapacity(piece.count + closes + 1)
            if opens { text.append(UInt8(ascii: "{")) }
            text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[piece]))
            text.append(contentsOf: repeatElement(UInt8(ascii: "}"), count: closes))
            return text
        }
    }

    private enum Kind: UInt8 {
        /// Spaces only, or a comment.
        case blank
        /// Starts with a character that may start a plain or quoted key.
        case key
        /// Starts with `- `.
        case sequenceItem
        /// Starts with any other indicator: a bracket, `?`, `&`, a tab...
        case other
    }

    private struct Line {
        var start: Int32
        /// The indentation in spaces; `Int32.max` for a blank line, which ends no entry (``findCuts``).
        var indent: Int32
        var kind: Kind
    }

    private struct Cut {
        var line: Int
        var indent: Int32
    }

    /// Levels of nested mappings that cuts are looked for in.
    private static let maxLevels = 6

    /// The least bytes of block YAML that a thread of the line scan reads: a smaller run saves less than
    /// handing it to another thread costs.
    static let minimumScanPartBytes = 64 << 10

    let pieces: [Piece]
    private let lines: [Line]
    private let count: Int

    /// The pieces of `bytes` of about `pieceBytes` bytes each, or `nil` when the document cannot be cut
    /// into at least two. The lines of block YAML are read in `scanParts` runs, on as many threads; by
    /// default one per core, each at least ``minimumScanPartBytes`` long. The pieces are the same either way.
    init?(_ bytes: UnsafeBufferPointer<UInt8>, pieceBytes: Int, scanParts: Int? = nil) {
        guard bytes.count <= Int(Int32.max) else { return nil }
        if let opening = bytes.firstIndex(where: { !Self.isJSONSpace($0) }), bytes[opening] == UInt8(ascii: "{") {
            guard !Self.hasOtherLineBreaks(bytes), let pieces = Self.jsonPieces(bytes, pieceBytes: pieceBytes) else {
                return nil
            }
            self.pieces = pieces
            self.lines = []
            self.count = bytes.count
            return
        }
        let parts = scanParts ?? min(ProcessorCount.active, bytes.count / Self.minimumScanPartBytes)
        guard let lines = Self.lines(bytes, parts: parts) else { return nil }
        self.lines = lines
        self.count = bytes.count
        var first = 0
        while first < lines.count, lines[first].kind == .blank { first += 1 }
        if first < lines.count,
            Self.isDocumentStart(bytes, line: lines[first], end: Self.end(of: first, in: lines, count: bytes.count))
        {
            first += 1
            while first < lines.count, lines[first].kind == .blank { first += 1 }
        }
        guard first < lines.count, lines[first].kind == .key, lines[first].indent == 0 else { return nil }
        var cuts: [Cut] = []
        lines.withUnsafeBufferPointer { lines in
            Self.findCuts(
                in: lines,
                first..<lines.count,
                indent: 0,
                endIsCut: true,
                level: 0,
                pieceBytes: pieceBytes,
                count: bytes.count,
                into: &cuts
            )
        }
        var pieces: [Piece] = []
        var start = 0
        var line = 0
        var indent: Int32 = 0
        for cut in cuts {
            let offset = Int(lines[cut.line].start)
            guard offset > start, cut.indent < indent || offset - start >= pieceBytes else { continue }
            pieces.append(Piece(bytes: start..<offset, line: line, indent: Int(indent)))
            start = offset
            line = cut.line
            indent = cut.indent
        }
        guard !pieces.isEmpty else { return nil }
        pieces.append(Piece(bytes: start..<bytes.count, line: line, indent: Int(indent)))
        self.pieces = pieces
    }

    // MARK: JSON

    /// Levels of nested objects that a JSON document is cut in.
    private static let maxJSONDepth = 4

    /// The pieces of a JSON document, or `nil` when it is not strict JSON or has too few members to cut.
    ///
    /// A piece starts after a comma between two members of an object that only objects enclose, at most
    /// ``maxJSONDepth`` deep. It ends at the next cut, or where its object closes: the closing brackets
    /// after that belong to objects that earlier pieces opened, and close nothing the piece holds.
    private static func jsonPieces(_ bytes: UnsafeBufferPointer<UInt8>, pieceBytes: Int) -> [Piece]? {
        // Where each piece after the first starts and how many objects enclose it; where the one
        // before it ends, and how many of its objects are still open there.
        var cuts: [(start: Int, depth: Int, end: Int, open: Int)] = []
        // Open containers, true for an object, and how many of them from the root on are objects.
        var objects: [Bool] = []
        var leadingObjects = 0
        var pieceStart = 0
        var pieceDepth = 0
        // Where the object the current piece started in closed, if it has.
        var containerEnd: Int?
        // Whether the last token allows a string next: `{`, `[`, `,`, `:` or the start.
        var stringMayStart = true
        var rootClosed = false
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            // Only spaces may follow the root object.
            guard !rootClosed || isJSONSpace(byte) else { return nil }
            switch byte {
            case UInt8(ascii: "\""):
                guard stringMayStart, let end = endOfString(bytes, from: i + 1) else { return nil }
                i = end
                stringMayStart = false
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let isObject = byte == UInt8(ascii: "{")
                if isObject, leadingObjects == objects.count { leadingObjects += 1 }
                objects.append(isObject)
                stringMayStart = true
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                guard let isObject = objects.popLast(), isObject == (byte == UInt8(ascii: "}")) else { return nil }
                leadingObjects = min(leadingObjects, objects.count)
                if objects.count == pieceDepth - 1, containerEnd == nil { containerEnd = i + 1 }
                rootClosed = objects.isEmpty
                stringMayStart = false
            case UInt8(ascii: ","):
                let depth = objects.count
                if depth >= 1, depth <= maxJSONDepth, leadingObjects >= depth,
                    containerEnd != nil || i - pieceStart >= pieceBytes
                {
                    let end = containerEnd ?? i
                    cuts.append((i + 1, depth, end, end == i ? depth : pieceDepth - 1))
                    pieceStart = i + 1
                    pieceDepth = depth
                    containerEnd = nil
                }
                stringMayStart = true
            case UInt8(ascii: ":"):
                stringMayStart = true
            case 0x20, 0x09, 0x0A, 0x0D:
                break
            case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"),
                UInt8(ascii: "0")...UInt8(ascii: "9"):
                stringMayStart = false
            case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
                guard let length = keywordLength(bytes, at: i) else { return nil }
                i += length
                stringMayStart = false
                continue
            default:
                return nil
            }
            i += 1
        }
        guard objects.isEmpty, !cuts.isEmpty, let lastEnd = containerEnd else { return nil }

        // Lines and columns where the pieces start, counted in one pass.
        guard let base = bytes.baseAddress else { return nil }
        var pieces: [Piece] = []
        var line = 0
        var column = 0
        var position = 0
        var start = 0
        var startDepth = 0
        for (index, cut) in cuts.enumerated() {
            let opens = index > 0
            pieces.append(
                Piece(
                    bytes: start..<cut.end,
                    line: line,
                    indent: column,
                    flow: Flow(depth: startDepth, opens: opens, closes: (opens ? 1 - startDepth : 0) + cut.open)
                )
            )
            start = cut.start
            startDepth = cut.depth
            advance(base, from: &position, to: start, line: &line, column: &column)
        }
        pieces.append(
            Piece(
                bytes: start..<lastEnd,
                line: line,
                indent: column,
                flow: Flow(depth: startDepth, opens: true, closes: 0)
            )
        )
        return pieces
    }

    /// Moves `position` on to `end`, counting the line breaks passed and the columns (UTF-8 characters) after
    /// the last one. The `\n`s are found with `memchr`, and the last line's characters counted four words at
    /// a time (a minified document is one line): eight bytes at a time, each word also tested for a `\n`,
    /// took about twice the instructions, as many as finding the cuts.
    private static func advance(
        _ base: UnsafePointer<UInt8>,
        from position: inout Int,
        to end: Int,
        line: inout Int,
        column: inout Int
    ) {
        while position < end, let found = memchr(base + position, 0x0A, end - position) {
            line += 1
            column = 0
            position = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
        }
        while position + 32 <= end {
            let words = UnsafeRawPointer(base + position)
            let first = words.loadUnaligned(as: UInt64.self)
            let second = words.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
            let third = words.loadUnaligned(fromByteOffset: 16, as: UInt64.self)
            let fourth = words.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
            column += 32
            if (first | second | third | fourth) & 0x8080_8080_8080_8080 != 0 {
                column -= continuationBytes(first) + continuationBytes(second)
                column -= continuationBytes(third) + continuationBytes(fourth)
            }
            position += 32
        }
        while position < end {
            if base[position] & 0xC0 != 0x80 { column += 1 }
            position += 1
        }
    }

    /// The position after the closing quote of a string whose contents start at `start`. The next quote
    /// and any backslash before it are found with `memchr`, 32 bytes at a time: strings are most of a JSON
    /// document, and eight bytes at a time took about as many instructions as all the rest of the scan.
    private static func endOfString(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var i = start
        // The first quote at or after `i`, once found: searched for again only when an escape passed it, so
        // that a long string of many escapes is read once.
        var quote = -1
        while i < bytes.count {
            if quote < i {
                guard let found = memchr(base + i, 0x22, bytes.count - i) else { return nil }
                quote = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
            guard let escape = memchr(base + i, 0x5C, quote - i) else { return quote + 1 }
            // The escaped byte, a quote or not, is passed over.
            i = base.distance(to: escape.assumingMemoryBound(to: UInt8.self)) + 2
        }
        return nil
    }

    /// How many bytes of `word` continue a UTF-8 character (`10xxxxxx`): the bytes that start no column.
    private static func continuationBytes(_ word: UInt64) -> Int {
        // ASCII first: counting bits is a dozen instructions where the processor has no instruction for it.
        guard word & 0x8080_8080_8080_8080 != 0 else { return 0 }
        return (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
    }

    /// The length of `true`, `false` or `null` at `i`.
    private static func keywordLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        for keyword in ["true", "false", "null"] {
            let utf8 = keyword.utf8
            if i + utf8.count <= bytes.count, zip(utf8, bytes[i..<i + utf8.count]).allSatisfy({ $0 == $1 }) {
                return utf8.count
            }
        }
        return nil
    }

    private static func isJSONSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    // MARK: Block YAML

    /// Whether a mapping located at a 1-based line and column is a block mapping: only spaces and
    /// the `-` or `?` of an item or key come before it on its line, and no `{` starts it. Anything else
    /// is refused, flow mappings and mappings with a flow key alike.
    func isBlockMapping(line: Int, column: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard line >= 1, line <= lines.count, column >= 1 else { return false }
        let start = Int(lines[line - 1].start)
        let offset = start + column - 1
        guard offset < count else { return false }
        for i in start..<offset where bytes[i] != 0x20 && bytes[i] != 0x2D && bytes[i] != 0x3F { return false }
        return bytes[offset] != 0x7B && bytes[offset] != 0x5B
    }

    /// Adds the cuts of the block mapping whose keys are the lines at `indent` in `range`: one before
    /// each entry after the first that starts with a key, and the cuts inside each entry larger than a
    /// piece.
    /// `endIsCut` tells whether the line after `range` is a cut (or the end of the document): a piece
    /// starting inside the mapping must end there, since the lines after are indented less.
    ///
    /// Returns false, adding no cut, when a line in `range` is indented less than `indent`: the lines are
    /// then not the entries of one mapping. So the value of an entry larger than a piece is looked into
    /// when its first line is a key indented further than the entry's key, and whether a later line is
    /// indented less is found while its entries are, rather than in a pass over its lines before.
    @discardableResult
    private static func findCuts(
        in lines: UnsafeBufferPointer<Line>,
        _ range: Range<Int>,
        indent: Int32,
        endIsCut: Bool,
        level: Int,
        pieceBytes: Int,
        count: Int,
        into cuts: inout [Cut]
    ) -> Bool {
        let found = cuts.count
        var entry = range.lowerBound
        while entry < range.upperBound {
            // Every entry after the first starts at a line that ended the one before: indented as much, or less.
            guard lines[entry].indent >= indent else {
                cuts.removeSubrange(found...)
                return false
            }
            // The entry runs to the next line at its key's indentation that is not a sequence item
            // (the items of a sequence written at its key's indentation belong to the key).
            // Blank lines are indented `Int32.max`, so that they pass the test at once.
            var next = entry + 1
            while next < range.upperBound {
                let line = lines[next]
                if line.indent < indent || (line.indent == indent && line.kind != .sequenceItem) { break }
                next += 1
            }
            // Not before the first entry: the mapping starts there, so it continues none before it.
            if entry > range.lowerBound, lines[entry].kind == .key { cuts.append(Cut(line: entry, indent: indent)) }
            let end = next < lines.count ? Int(lines[next].start) : count
            let nextIsCut = next == range.upperBound ? endIsCut : lines[next].kind == .key
            // The entry's value is looked at only when the entry is larger than a piece: most are not.
            if end - Int(lines[entry].start) > pieceBytes, level + 1 < maxLevels, nextIsCut,
                let first = (entry + 1..<next).first(where: { lines[$0].kind != .blank }),
                lines[first].indent > indent, lines[first].kind == .key
            {
                findCuts(
                    in: lines,
                    first..<next,
                    indent: lines[first].indent,
                    endIsCut: true,
                    level: level + 1,
                    pieceBytes: pieceBytes,
                    count: count,
                    into: &cuts
                )
            }
            entry = next
        }
        return true
    }

    /// One record per line, or `nil` when a line breaks at anything but `\n` (``hasOtherLineBreaks(_:)``).
    ///
    /// With more than one part, the document is read in that many runs of whole lines at once, run `k`
    /// from the first line that starts at or after `k / parts` of the bytes, and their records are put
    /// together. At about 130 instructions a line, the scan was most of what a large document's load ran
    /// on one thread before its pieces were parsed.
    private static func lines(_ bytes: UnsafeBufferPointer<UInt8>, parts: Int) -> [Line]? {
        guard parts > 1 else {
            return hasOtherLineBreaks(bytes) ? nil : lines(bytes, in: 0..<bytes.count, capacity: bytes.count / 24)
        }
        var starts = [0]
        for part in 1..<parts {
            let share = bytes.count * part / parts
            let start = share == 0 ? 0 : firstNewline(in: bytes, from: share - 1, to: bytes.count).map { $0 + 1 }
            starts.append(max(starts[part - 1], start ?? bytes.count))
        }
        starts.append(bytes.count)
        let scan = LineScan(bytes: bytes, starts: starts)
        DispatchQueue.concurrentPerform(iterations: parts) { scan.run($0) }
        // The first run's array has room for the whole document's records: only the others are copied.
        guard var lines = scan.lines[0].take() else { return nil }
        for run in scan.lines.dropFirst() {
            guard let run else { return nil }
            lines.append(contentsOf: run)
        }
        return lines
    }

    /// The runs of a line scan on several threads: each thread writes its own run's slot only.
    private final class LineScan: @unchecked Sendable {
        let bytes: UnsafeBufferPointer<UInt8>
        /// Where each run starts, and the end of the bytes.
        let starts: [Int]
        /// Each run's records, `nil` where the run has another line break.
        let lines: UnsafeMutableBufferPointer<[Line]?>

        init(bytes: UnsafeBufferPointer<UInt8>, starts: [Int]) {
            self.bytes = bytes
            self.starts = starts
            lines = .allocate(capacity: starts.count - 1)
            lines.initialize(repeating: [])
        }

        deinit {
            lines.deinitialize()
            lines.deallocate()
        }

        func run(_ index: Int) {
            let run = starts[index]..<starts[index + 1]
            let otherBreaks = DocumentPieces.hasOtherLineBreaks(UnsafeBufferPointer(rebasing: bytes[run]))
            let capacity = (index == 0 ? bytes.count : run.count) / 24
            lines[index] = otherBreaks ? nil : DocumentPieces.lines(bytes, in: run, capacity: capacity)
        }
    }

    /// One record per line of `run`, which starts where a line starts and ends after a `\n` or at the end:
    /// where the line starts, its indentation in spaces (`Int32.max` when blank), and what starts it.
    private static func lines(_ bytes: UnsafeBufferPointer<UInt8>, in run: Range<Int>, capacity: Int) -> [Line] {
        var lines: [Line] = []
        lines.reserveCapacity(capacity)
        var start = run.lowerBound
        let end = run.upperBound
        guard let base = bytes.baseAddress else { return [] }
        while start < end {
            var i = start
            // Indentation eight spaces at a time, then byte by byte.
            while i + 8 <= end {
                let spaces =
                    UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                    ^ 0x2020_2020_2020_2020
                if spaces != 0 {
                    i += spaces.trailingZeroBitCount / 8
                    break
                }
                i += 8
            }
            while i < end, bytes[i] == 0x20 { i += 1 }
            let kind: Kind
            if i == end || bytes[i] == 0x0A || bytes[i] == 0x23 {
                kind = .blank
            } else if bytes[i] == 0x2D, i + 1 == end || bytes[i + 1] == 0x20 || bytes[i + 1] == 0x0A {
                kind = .sequenceItem
            } else {
                kind = startsKey(bytes[i]) ? .key : .other
            }
            lines.append(Line(start: Int32(start), indent: kind == .blank ? .max : Int32(i - start), kind: kind))
            guard let newline = firstNewline(in: bytes, from: i, to: end) else { break }
            start = newline + 1
        }
        return lines
    }

    /// Whether a line that starts with this byte may be a key: a quote, or a character that may start
    /// a plain scalar (not another YAML indicator, a space or a control character). A line that only
    /// continues a quoted scalar may start with a quote too; a cut there ends its piece inside the
    /// scalar, which libyaml rejects.
    ///
    /// The ASCII bytes that cannot start a key are the set bits of two words, read with a shift (a
    /// `switch` over them was a call of about twelve instructions a line): 0x00 to 0x20 and
    /// `! # % & * , - : > ?` in the first; `@ [ ] { | }`, the backquote and 0x7F in the second.
    @inline(__always)
    private static func startsKey(_ byte: UInt8) -> Bool {
        let notKeys: UInt64 = byte < 64 ? 0xC400_346B_FFFF_FFFF : 0xB800_0001_2800_0001
        return byte >= 128 || notKeys >> (byte & 63) & 1 == 0
    }

    /// Whether the line is `---` alone (spaces after it allowed).
    private static func isDocumentStart(_ bytes: UnsafeBufferPointer<UInt8>, line: Line, end: Int) -> Bool {
        let start = Int(line.start)
        guard line.indent == 0, end - start >= 3 else { return false }
        guard bytes[start] == 0x2D, bytes[start + 1] == 0x2D, bytes[start + 2] == 0x2D else { return false }
        return (start + 3..<end).allSatisfy { bytes[$0] == 0x20 }
    }

    /// Where line `index` ends, its `\n` left out.
    private static func end(of index: Int, in lines: [Line], count: Int) -> Int {
        index + 1 < lines.count ? Int(lines[index + 1].start) - 1 : count
    }

    /// The position of the first `\n` in `start..<end`. `memchr` compares 32 bytes at a time, so a
    /// line costs a call and a dozen or so instructions; eight bytes at a time took about 46 a line.
    @inline(__always)
    private static func firstNewline(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        guard let base = bytes.baseAddress, start < end,
            let found = memchr(base + start, 0x0A, end - start)
        else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Whether any line breaks at `\r`, NEL, LS or PS, which libyaml counts as line breaks too: the
    /// pieces' first lines are counted in `\n`s.
    private static func hasOtherLineBreaks(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        if memchr(base, 0x0D, bytes.count) != nil { return true }
        for lead in [UInt8(0xC2), 0xE2] {
            var i = 0
            while i < bytes.count, let found = memchr(base + i, Int32(lead), bytes.count - i) {
                let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if LineBreaks.width(in: bytes, at: at) > 0 { return true }
                i = at + 1
            }
        }
        return false
    }
}
