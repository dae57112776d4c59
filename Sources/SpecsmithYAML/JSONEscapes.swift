#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// JSON writes a character beyond U+FFFF as a UTF-16 surrogate pair of escapes (`"\uD83D\uDCA9"`),
/// which YAML 1.2 allows but libyaml refuses. Before parsing, each valid high+low pair is rewritten
/// into the one escape libyaml accepts (`\U0001F4A9`, two characters shorter), and the edits are
/// kept so that every column libyaml reports afterwards can be mapped back to the original text.
///
/// The scan does not know which bytes are inside double-quoted scalars. Outside them a backslash is
/// plain text, so the loader undoes the rewrite in any other kind of scalar that spans an edit
/// (``restore(_:from:to:)``). A lone surrogate is left alone, so libyaml reports it and the loader
/// explains it.
struct SurrogatePairRewrite: Sendable {
    struct Edit: Sendable {
        /// Where the escape starts in the rewritten bytes.
        var rewrittenByteOffset: Int
        /// Where the escape starts in the rewritten text, counted in characters, as libyaml's
        /// `mark.index` counts them.
        var rewrittenCharacterIndex: Int
        /// The escape as written, `\uD83D\uDCA9`.
        var original: String
        /// What libyaml reads instead, `\U0001F4A9`.
        var replacement: String
    }

    /// The bytes to hand to libyaml.
    var bytes: [UInt8]
    /// The edits, in document order; empty when the input needed none.
    var edits: [Edit]

    /// Each edit shortens the text by this many characters (12 → 10).
    static let shrink = 2

    init(_ input: [UInt8]) {
        let starts = Self.pairStarts(in: input)
        guard !starts.isEmpty else {
            self.bytes = input
            self.edits = []
            return
        }
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var edits: [Edit] = []
        edits.reserveCapacity(starts.count)
        var copiedUpTo = 0
        var characters = 0
        for start in starts {
            for byte in input[copiedUpTo..<start] where byte & 0xC0 != 0x80 {
                characters += 1
            }
            output.append(contentsOf: input[copiedUpTo..<start])
            let high = Self.hexValue(input, at: start + 2)!
            let low = Self.hexValue(input, at: start + 8)!
            let scalar = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            var hex = String(scalar, radix: 16, uppercase: true)
            hex = String(repeating: "0", count: 8 - hex.count) + hex
            let replacement = "\\U" + hex
            edits.append(
                Edit(
                    rewrittenByteOffset: output.count,
                    rewrittenCharacterIndex: characters,
                    original: String(decoding: input[start..<start + 12], as: UTF8.self),
                    replacement: replacement
                )
            )
            output.append(contentsOf: replacement.utf8)
            characters += 10
            copiedUpTo = start + 12
        }
        output.append(contentsOf: input[copiedUpTo...])
        self.bytes = output
        self.edits = edits
    }

    /// The offsets of every `\uHHHH\uHHHH` that is a high surrogate followed by a low one, skipping
    /// escaped backslashes (`\\uD83D` is a backslash and text).
    static func pairStarts(in input: [UInt8]) -> [Int] {
        var starts: [Int] = []
        input.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let count = buffer.count
            var i = 0
            while i < count {
                // memchr skips the (usually many) bytes before the next backslash quickly.
                guard let found = memchr(base + i, Int32(UInt8(ascii: "\\")), count - i) else { break }
                i = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                guard i + 1 < count else { break }
                let next = buffer[i + 1]
                if next == UInt8(ascii: "\\") {
                    i += 2
                    continue
                }
                if next == UInt8(ascii: "u"), i + 12 <= count, buffer[i + 6] == UInt8(ascii: "\\"),
                    buffer[i + 7] == UInt8(ascii: "u"),
                    let high = hexValue(buffer, at: i + 2), (0xD800...0xDBFF).contains(high),
                    let low = hexValue(buffer, at: i + 8), (0xDC00...0xDFFF).contains(low)
                {
                    starts.append(i)
                    i += 12
                    continue
                }
                i += 1
            }
        }
        return starts
    }

    /// The value of four hex digits at `offset`, or `nil`.
    static func hexValue<C: RandomAccessCollection<UInt8>>(_ bytes: C, at offset: C.Index) -> Int?
    where C.Index == Int {
        guard offset + 4 <= bytes.endIndex else { return nil }
        var value = 0
        for i in offset..<offset + 4 {
            guard let digit = hexDigit(bytes[i]) else { return nil }
            value = value << 4 | digit
        }
        return value
    }

    static func hexDigit(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// The original 0-based column of a libyaml mark (given as its character index and column in the
    /// rewritten text): each edit earlier on the same line moved it left by ``shrink``.
    func originalColumn(index: Int, column: Int) -> Int {
        let lineStart = index - column
        let from = firstEdit { $0.rewrittenCharacterIndex >= lineStart }
        let to = firstEdit { $0.rewrittenCharacterIndex >= index }
        return column + (to - from) * Self.shrink
    }

    /// The original byte offset of a byte offset in the rewritten bytes.
    func originalByteOffset(_ offset: Int) -> Int {
        offset + firstEdit { $0.rewrittenByteOffset >= offset } * Self.shrink
    }

    /// Undoes the rewrite inside a scalar that is not double-quoted and that spans the rewritten
    /// character indexes `start..<end`, where a backslash was text all along. One pass over the text,
    /// however many edits it holds.
    func restore(_ text: String, from start: Int, to end: Int) -> String {
        var i = firstEdit { $0.rewrittenCharacterIndex >= start }
        guard i < edits.count, edits[i].rewrittenCharacterIndex < end else { return text }
        var restored = ""
        restored.reserveCapacity(text.utf8.count + 2 * Self.shrink)
        var rest = text[...]
        while i < edits.count, edits[i].rewrittenCharacterIndex < end,
            let range = rest.firstRange(of: edits[i].replacement)
        {
            restored += rest[..<range.lowerBound]
            restored += edits[i].original
            rest = rest[range.upperBound...]
            i += 1
        }
        restored += rest
        return restored
    }

    /// The index of the first edit for which `isAtOrAfter` holds (edits are sorted).
    private func firstEdit(where isAtOrAfter: (Edit) -> Bool) -> Int {
        var low = 0
        var high = edits.count
        while low < high {
            let mid = (low + high) / 2
            if isAtOrAfter(edits[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
