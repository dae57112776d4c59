import SpecsmithDiagnostics

/// The original bytes of a document, read the way libyaml reads them, to turn byte offsets into
/// lines and columns and to look at the character under an error. Only used on the error path.
///
/// Lines break where libyaml breaks them (``LineBreaks``); columns count characters (code points).
/// Both are 0-based here, like libyaml's marks.
struct SourceText {
    let bytes: [UInt8]

    /// The 0-based line and column of a byte offset.
    func position(ofByteOffset target: Int) -> (line: Int, column: Int) {
        var line = 0
        var column = 0
        var i = 0
        let end = min(target, bytes.count)
        while i < end {
            let width = breakWidth(at: i)
            if width > 0 {
                line += 1
                column = 0
                i += width
            } else {
                column += 1
                i += characterWidth(at: i)
            }
        }
        return (line, column)
    }

    /// The byte offset of a 0-based line and column, or `nil` when the document is shorter.
    func byteOffset(line: Int, column: Int) -> Int? {
        var currentLine = 0
        var currentColumn = 0
        var i = 0
        while i <= bytes.count {
            if currentLine == line && currentColumn == column { return i }
            if i == bytes.count || currentLine > line { return nil }
            let width = breakWidth(at: i)
            if width > 0 {
                if currentLine == line { return nil }
                currentLine += 1
                currentColumn = 0
                i += width
            } else {
                currentColumn += 1
                i += characterWidth(at: i)
            }
        }
        return nil
    }

    /// The character at a 0-based line and column, if there is a valid one.
    func character(line: Int, column: Int) -> Unicode.Scalar? {
        guard let offset = byteOffset(line: line, column: column), offset < bytes.count else { return nil }
        let width = characterWidth(at: offset)
        var decoder = UTF8()
        var iterator = bytes[offset..<min(offset + width, bytes.count)].makeIterator()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }

    /// The text from a 0-based line and column, up to `count` characters or the end of the line.
    func text(line: Int, column: Int, count: Int) -> String {
        guard let start = byteOffset(line: line, column: column) else { return "" }
        var i = start
        var taken = 0
        while i < bytes.count, taken < count, breakWidth(at: i) == 0 {
            i += characterWidth(at: i)
            taken += 1
        }
        return String(decoding: bytes[start..<min(i, bytes.count)], as: UTF8.self)
    }

    /// The number of bytes of the line break at `i`, or 0 when there is none.
    private func breakWidth(at i: Int) -> Int {
        bytes.withUnsafeBufferPointer { LineBreaks.width(in: $0, at: i) }
    }

    /// The number of bytes of the (possibly invalid) UTF-8 character at `i`: at least 1.
    private func characterWidth(at i: Int) -> Int {
        let lead = bytes[i]
        let width =
            switch lead {
            case 0xC0...0xDF: 2
            case 0xE0...0xEF: 3
            case 0xF0...0xF7: 4
            default: 1
            }
        var n = 1
        while n < width, i + n < bytes.count, bytes[i + n] & 0xC0 == 0x80 { n += 1 }
        return n
    }
}
