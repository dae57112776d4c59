import Foundation
public import SpecsmithDiagnostics

/// The templates one generation renders with: the defaults carried inside the binary (from
/// `Templates/` at build time), with any file of the same name in a user's folder taking its place.
///
/// Every template is rendered as plain text: Swift is not HTML, so nothing is ever escaped, in
/// partials too.
public struct TemplateSet: Sendable {
    /// Template names (file names without `.mustache`) and where each came from, for messages.
    public private(set) var origins: [String: String]
    let library: MustacheLibrary

    /// The default templates only.
    public static func defaults() throws(TemplateError) -> TemplateSet {
        try TemplateSet(overrides: nil)
    }

    /// The defaults, with every `*.mustache` file in `directory` replacing the default of the same
    /// name (or adding a partial). A template that does not parse is an error naming its file and line.
    public init(overrides directory: String?) throws(TemplateError) {
        var texts: [String: (text: String, origin: String)] = [:]
        for (file, text) in DefaultTemplates.files {
            texts[Self.name(of: file)] = (text, "Templates/\(file)")
        }
        if let directory {
            let url = URL(fileURLWithPath: directory)
            let entries: [String]
            do {
                entries = try FileManager.default.contentsOfDirectory(atPath: directory)
            } catch {
                throw TemplateError(.error("cannot read the templates folder \(directory)", at: nil))
            }
            for file in entries.sorted() where file.hasSuffix(".mustache") {
                let path = url.appendingPathComponent(file).path
                guard let data = FileManager.default.contents(atPath: path),
                    let text = String(data: data, encoding: .utf8)
                else {
                    throw TemplateError(.error("cannot read template \(path) as UTF-8", at: nil))
                }
                texts[Self.name(of: file)] = (text, path)
            }
        }
        var templates: [String: MustacheTemplate] = [:]
        var origins: [String: String] = [:]
        for (name, entry) in texts.sorted(by: { $0.key < $1.key }) {
            do {
                templates[name] = try MustacheTemplate(entry.text, file: entry.origin)
            } catch {
                throw TemplateError(error.diagnostic, sources: [entry.origin: entry.text])
            }
            origins[name] = entry.origin
        }
        for name in origins.keys.sorted() {
            for partial in templates[name]!.partials where templates[partial.name] == nil {
                throw TemplateError(
                    .error("no template named \(partial.name).mustache for this partial", at: partial.location),
                    sources: [origins[name]!: texts[name]!.text])
            }
        }
        self.library = MustacheLibrary(templates)
        self.origins = origins
    }

    /// Renders the template `name` with `context`, names it lacks looked up in `base`, and tidies the
    /// text: no trailing white space on any line, no run of blank lines, exactly one newline at the end.
    func render(_ name: String, _ context: TemplateContext, base: TemplateContext = [:]) throws(TemplateError) -> String {
        try library.render(name, base: base, context) { Self.tidy($0) }
    }

    /// Renders like ``render(_:_:base:)`` a text that is placed in one that is tidied as a whole (a type in a
    /// file of models, or nested in another type): without the newline at the end, and with every line that is
    /// not empty indented by `indent` spaces, but otherwise left to the tidying of the whole, which then gives
    /// what it gives for the text tidied first. Only the blank lines at the top and the white space at the end
    /// are taken off here. (Tidying decides each line, and each blank line, by the lines on either side of it,
    /// which are the same, indented or not; those at the ends are what is taken off.) Tidying every type's text
    /// once more for each type around it was 1 to 2% of rendering a document, and more with nested types.
    ///
    /// A text with a carriage return is tidied here as before: a line that ends with one is not blank, and
    /// tidying takes the one before the text's last newline off.
    ///
    /// The text is written into `texts`, not made a `String`: the templates' output is UTF-8 already, and making a
    /// `String` of it checked every byte again.
    func renderPlacedForTidying(
        _ name: String, _ context: TemplateContext, base: TemplateContext, indent: Int = 0, texts: inout PlacedTexts
    ) throws(TemplateError) -> TemplateValue {
        try library.render(name, base: base, context) { bytes in
            guard let base = bytes.baseAddress, memchr(base, Int32(UInt8(ascii: "\r")), bytes.count) == nil else {
                return .string(Self.tidy(bytes, indent: indent, finalNewline: false))
            }
            let trimmed = Self.trimmingBlankEnds(bytes)
            // At most one line for every two bytes (a character and a newline), and one.
            let room = trimmed.count + indent * (trimmed.count / 2 + 1)
            return texts.text(room: room) { Self.indenting(trimmed, by: indent, into: $0) }
        }
    }

    /// Writes `bytes` at `output`, with `indent` spaces before each line that is not empty, and returns the
    /// length written.
    static func indenting(
        _ bytes: UnsafeBufferPointer<UInt8>, by indent: Int, into output: UnsafeMutablePointer<UInt8>
    ) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        if indent == 0 {
            output.initialize(from: base, count: bytes.count)
            return bytes.count
        }
        var count = 0
        var start = 0
        while start < bytes.count {
            let end =
                memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start)
                .map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) + 1 } ?? bytes.count
            if bytes[start] != UInt8(ascii: "\n") {
                Self.writeSpaces(indent, at: output + count)
                count += indent
            }
            (output + count).initialize(from: base + start, count: end - start)
            count += end - start
            start = end
        }
        return count
    }

    /// Writes `count` spaces at `target`. A nested type's lines are indented by 4, written as one word rather than
    /// by a call of `memset` (about 14 instructions a line).
    @inline(__always)
    static func writeSpaces(_ count: Int, at target: UnsafeMutablePointer<UInt8>) {
        guard count == 4 else { return target.initialize(repeating: UInt8(ascii: " "), count: count) }
        UnsafeMutableRawPointer(target).storeBytes(of: 0x2020_2020, as: UInt32.self)
    }

    /// `bytes` without the blank lines (of spaces and tabs) at the top and the spaces, tabs and newlines at the end.
    static func trimmingBlankEnds(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n")
        var start = 0
        var index = 0
        while index < bytes.count, bytes[index] == space || bytes[index] == tab || bytes[index] == newline {
            if bytes[index] == newline { start = index + 1 }
            index += 1
        }
        var end = bytes.count
        while end > start, bytes[end - 1] == space || bytes[end - 1] == tab || bytes[end - 1] == newline { end -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    static func name(of file: String) -> String {
        file.hasSuffix(".mustache") ? String(file.dropLast(".mustache".count)) : file
    }

    /// Tidies rendered text: no trailing spaces or tabs on any line; no blank line at the top, twice in
    /// a row, right after an opening brace, between a doc comment and what it documents, or before a
    /// closing brace; exactly one newline at the end, or with `finalNewline` false none (nor a carriage
    /// return before it: the two are one `Character`, which `String.removeLast()` would remove). Every
    /// line that is not empty is indented by `indent` spaces. One pass over the UTF-8 bytes, written
    /// straight into the string's storage.
    static func tidy(_ bytes: UnsafeBufferPointer<UInt8>, indent: Int = 0, finalNewline: Bool = true) -> String {
        // Tidying adds at most the final newline, and `indent` spaces on each line it indents. Such a
        // line holds a character and, unless it is the last, a newline: there are at most half as many
        // as bytes, and one. (Counting them would take a pass of its own.)
        let capacity = bytes.count + 1 + indent * (bytes.count / 2 + 1)
        return String(unsafeUninitializedCapacity: capacity) { output in
            var count = tidy(bytes, indent: indent, into: output)
            if !finalNewline {
                count -= 1
                if count > 0, output[count - 1] == UInt8(ascii: "\r") { count -= 1 }
            }
            return count
        }
    }

    /// Writes the tidy form of `bytes`, indented by `indent`, into `output`, which has room enough, and
    /// returns its length.
    private static func tidy(_ bytes: UnsafeBufferPointer<UInt8>, indent: Int, into output: UnsafeMutableBufferPointer<UInt8>) -> Int {
        let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n")
        guard let base = bytes.baseAddress, let target = output.baseAddress else {
            output[0] = newline
            return 1
        }
        let length = bytes.count
        var count = 0
        // Where the last line written starts in `output`; every line written ends with a newline.
        var lastLineStart = -1
        var blank = false
        // Where the line at `start` ends, when the run of plain lines before it found that already.
        var knownEnd = -1
        var start = 0
        while start <= length {
            // Most lines stay as they are: not blank, without white space at their end, ended by a newline, and not
            // after a blank line (which a closing brace removes). Each such line is only found here, and a run of
            // them copied at once: deciding each line alone, as those below, was about 60 instructions a line.
            if indent == 0, !blank, start < length {
                let runStart = start
                var lastStart = -1
                while start < length {
                    guard let found = memchr(base + start, Int32(newline), length - start) else {
                        knownEnd = length
                        break
                    }
                    let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    if end == start || base[end &- 1] == space || base[end &- 1] == tab {
                        knownEnd = end
                        break
                    }
                    lastStart = start
                    start = end &+ 1
                }
                if lastStart >= 0 {
                    (target + count).initialize(from: base + runStart, count: start &- runStart)
                    lastLineStart = count &+ (lastStart &- runStart)
                    count &+= start &- runStart
                }
            }
            var end = length
            if knownEnd >= 0 {
                end = knownEnd
                knownEnd = -1
            } else if start < length, let found = memchr(base + start, Int32(newline), length - start) {
                end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
            var trimmedEnd = end
            while trimmedEnd > start, bytes[trimmedEnd - 1] == space || bytes[trimmedEnd - 1] == tab { trimmedEnd -= 1 }
            defer { start = end + 1 }
            if trimmedEnd == start {
                if blank || lastLineStart < 0 { continue }
                let lastEnd = count - 1
                if lastEnd > lastLineStart, output[lastEnd - 1] == UInt8(ascii: "{") { continue }
                if isDocComment(UnsafeBufferPointer(rebasing: output[lastLineStart..<lastEnd])) { continue }
                blank = true
                lastLineStart = count
                output[count] = newline
                count += 1
                continue
            }
            if blank {
                var firstNonSpace = start
                while bytes[firstNonSpace] == space { firstNonSpace += 1 }
                if bytes[firstNonSpace] == UInt8(ascii: "}") { count -= 1 }
                blank = false
            }
            lastLineStart = count
            if indent > 0 {
                (target + count).initialize(repeating: space, count: indent)
                count += indent
            }
            (target + count).initialize(from: base + start, count: trimmedEnd - start)
            count += trimmedEnd - start
            output[count] = newline
            count += 1
        }
        while count >= 2, output[count - 1] == newline, output[count - 2] == newline { count -= 1 }
        if count == 0 {
            output[0] = newline
            count = 1
        }
        return count
    }

    /// Whether `line` is a doc-comment line: `///` after any spaces.
    private static func isDocComment(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        let slash = UInt8(ascii: "/")
        guard let index = line.firstIndex(where: { $0 != UInt8(ascii: " ") }) else { return false }
        return index + 3 <= line.count && line[index] == slash && line[index + 1] == slash && line[index + 2] == slash
    }
}

/// A template that cannot be loaded or rendered.
public struct TemplateError: Error, Sendable {
    public var diagnostic: Diagnostic
    /// The text of the template the diagnostic points into, by file, so that it can be printed with
    /// its source line and caret as a spec's diagnostics are; empty when it points into none.
    public var sources: [String: String]

    init(_ diagnostic: Diagnostic, sources: [String: String] = [:]) {
        self.diagnostic = diagnostic
        self.sources = sources
    }
}
