/// Lays out doc-comment text for a given indentation: every line wrapped at word boundaries to fit
/// the line width, with list items (`- ...`) continued under their text. Code blocks and table rows
/// are left as written.
enum DocComment {
    static let lineWidth = 120

    /// The lines to write after `/// ` at `indent` spaces (blank lines stay blank).
    static func lines(_ text: [String], indent: Int) -> [String] {
        let width = max(40, lineWidth - indent - 4)
        // Most text needs no wrapping: it is copied only from its first line that does.
        var result: [String]?
        var inCode = false
        for (index, line) in text.enumerated() {
            let start = Start(of: line)
            if start == .fence || start == .tildeFence { inCode.toggle() }
            // Most lines are short: `utf8.count` is free and never less than the character count.
            if inCode || start == .fence || start == .tableRow || line.utf8.count <= width || Self.width(of: line) <= width {
                result?.append(line)
                continue
            }
            if result == nil { result = Array(text[..<index]) }
            result! += wrap(line, width: width)
        }
        return result ?? text
    }

    /// What a line starts with after its spaces, where that decides how it is laid out.
    private enum Start {
        /// ```` ``` ````
        case fence
        /// `~~~`
        case tildeFence
        /// `|`
        case tableRow
        case other

        init(of line: String) {
            // Fences and table rows start with ASCII, so bytes tell.
            self = withUTF8(line) { bytes in
                guard let first = bytes.firstIndex(where: { $0 != UInt8(ascii: " ") }) else { return .other }
                let rest = bytes[first...]
                switch bytes[first] {
                case UInt8(ascii: "`"): return rest.starts(with: "```".utf8) ? .fence : .other
                case UInt8(ascii: "~"): return rest.starts(with: "~~~".utf8) ? .tildeFence : .other
                case UInt8(ascii: "|"): return .tableRow
                default: return .other
                }
            }
        }
    }

    /// The columns `text` takes, its characters: the UTF-8 length when it is ASCII, as nearly every line
    /// is, which is much cheaper to know than `String.count`.
    static func width(of text: String) -> Int {
        withUTF8(text) { bytes in bytes.allSatisfy { $0 < 0x80 } } ? text.utf8.count : text.count
    }

    /// `body` with the UTF-8 of `text`, in place when the string is stored contiguously (native strings).
    private static func withUTF8<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    private static func wrap(_ line: String, width: Int) -> [String] {
        if let lines = wrapASCII(line, width: width) { return lines }
        let leading = String(line.prefix(while: { $0 == " " }))
        let body = line.dropFirst(leading.count)
        let hanging = leading + (body.hasPrefix("- ") || body.hasPrefix("* ") ? "  " : "")
        var lines: [String] = []
        var current = leading
        // Characters in `current`, counted as it grows: `String.count` walks the whole string.
        var length = leading.count
        var currentIsEmpty = true
        for word in body.split(separator: " ", omittingEmptySubsequences: true) {
            let wordLength = word.count
            if !currentIsEmpty, length + 1 + wordLength > width {
                lines.append(current)
                current = hanging + word
                length = hanging.count + wordLength
            } else {
                current += (currentIsEmpty ? "" : " ") + word
                length += (currentIsEmpty ? 0 : 1) + wordLength
            }
            currentIsEmpty = false
        }
        lines.append(current)
        return lines
    }

    /// ``wrap(_:width:)`` over bytes for an ASCII line (most of them), where a byte is a character;
    /// `nil` for any other line. Reads the line's UTF-8 in place: each wrapped line is a run of the
    /// line's words, measured first and then copied once into a string of its final length.
    private static func wrapASCII(_ line: String, width: Int) -> [String]? {
        withUTF8(line) { bytes -> [String]? in
            let space = UInt8(ascii: " ")
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            let leading = bytes.prefix(while: { $0 == space }).count
            let body = bytes[leading...]
            let isItem = body.starts(with: "- ".utf8) || body.starts(with: "* ".utf8)
            let hanging = leading + (isItem ? 2 : 0)
            var lines: [String] = []
            // The line being laid out: its indentation, then the words in `bytes[start..<end]` (none
            // when `start == end`), one space apart: `length` bytes in all.
            var indent = leading
            var start = leading
            var end = leading
            var length = leading
            var index = leading
            while index < bytes.count {
                if bytes[index] == space {
                    index += 1
                    continue
                }
                var wordEnd = index
                while wordEnd < bytes.count, bytes[wordEnd] != space { wordEnd += 1 }
                if start == end {
                    start = index
                    length += wordEnd - index
                } else if length + 1 + (wordEnd - index) > width {
                    lines.append(Self.line(indent: indent, words: UnsafeBufferPointer(rebasing: bytes[start..<end]), length: length))
                    indent = hanging
                    start = index
                    length = hanging + wordEnd - index
                } else {
                    length += 1 + wordEnd - index
                }
                end = wordEnd
                index = wordEnd
            }
            lines.append(Self.line(indent: indent, words: UnsafeBufferPointer(rebasing: bytes[start..<end]), length: length))
            return lines
        }
    }

    /// `indent` spaces, then `words` with each run of spaces between them written as one space:
    /// `length` bytes.
    private static func line(indent: Int, words: UnsafeBufferPointer<UInt8>, length: Int) -> String {
        let space = UInt8(ascii: " ")
        return String(unsafeUninitializedCapacity: length) { output in
            var count = 0
            while count < indent {
                output[count] = space
                count += 1
            }
            // Words one space apart, as nearly always, are copied as they stand.
            if words.count == length - indent, let source = words.baseAddress {
                (output.baseAddress! + indent).initialize(from: source, count: words.count)
                return length
            }
            var afterSpace = false
            for byte in words where !(byte == space && afterSpace) {
                output[count] = byte
                count += 1
                afterSpace = byte == space
            }
            return count
        }
    }
}
