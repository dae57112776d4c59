internal import CYAML
import SpecsmithDiagnostics

/// Turns libyaml's positions (0-based marks in the text libyaml read, byte offsets for reader
/// errors) into 1-based ``SourceLocation``s in the file as written.
struct Marks {
    let file: SourceFile
    /// The file as written.
    let original: SourceText
    /// The escapes rewritten before parsing; columns after one on the same line are shifted back.
    let rewrite: SurrogatePairRewrite
    let hasRewrites: Bool
    /// Lines before the text libyaml reads, when it reads one piece of a document (see ``DocumentPieces``).
    let lineOffset: Int
    /// What to add to a column on the first line libyaml reads, when that line of a piece starts
    /// further along a line of the document.
    let firstLineColumnOffset: Int

    init(
        file: SourceFile,
        original: [UInt8],
        rewrite: SurrogatePairRewrite,
        lineOffset: Int = 0,
        firstLineColumnOffset: Int = 0
    ) {
        self.file = file
        self.original = SourceText(bytes: original)
        self.rewrite = rewrite
        self.hasRewrites = !rewrite.edits.isEmpty
        self.lineOffset = lineOffset
        self.firstLineColumnOffset = firstLineColumnOffset
    }

    /// The 1-based location of a libyaml mark. libyaml counts columns in characters already.
    @inline(__always)
    func location(_ mark: yaml_mark_t) -> SourceLocation {
        var column =
            hasRewrites ? rewrite.originalColumn(index: Int(mark.index), column: Int(mark.column)) : Int(mark.column)
        if mark.line == 0 { column += firstLineColumnOffset }
        return SourceLocation(file: file, line: Int(mark.line) + 1 + lineOffset, column: column + 1)
    }

    /// The 1-based location of a byte offset in the bytes libyaml read.
    func location(byteOffset: Int) -> SourceLocation {
        location(originalByteOffset: originalByteOffset(byteOffset))
    }

    /// The 1-based location of a byte offset in the file as written.
    func location(originalByteOffset offset: Int) -> SourceLocation {
        let (line, column) = original.position(ofByteOffset: offset)
        return SourceLocation(file: file, line: line + 1, column: column + 1)
    }

    /// The offset in the file as written of a byte offset in the bytes libyaml read.
    func originalByteOffset(_ byteOffset: Int) -> Int {
        hasRewrites ? rewrite.originalByteOffset(byteOffset) : byteOffset
    }

    /// The character at a 1-based location in the file as written.
    func character(at location: SourceLocation) -> Unicode.Scalar? {
        original.character(line: location.line - 1, column: location.column - 1)
    }

    /// True when only white space and line breaks follow a 1-based location.
    func isAtEnd(_ location: SourceLocation) -> Bool {
        guard let offset = original.byteOffset(line: location.line - 1, column: location.column - 1) else {
            return true
        }
        return original.bytes[offset...].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }

    /// Up to `count` characters from a 1-based location, not past the end of its line.
    func text(at location: SourceLocation, count: Int) -> String {
        original.text(line: location.line - 1, column: location.column - 1, count: count)
    }
}
