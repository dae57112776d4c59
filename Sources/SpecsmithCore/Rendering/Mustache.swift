import SpecsmithDiagnostics

/// A parsed mustache template: text, `{{name}}` and `{{{name}}}` (the same here: output is Swift, not
/// HTML, so nothing is ever escaped), sections `{{#name}}…{{/name}}` and inverted sections
/// `{{^name}}…{{/name}}`, partials `{{> name}}`, comments `{{! … }}` and `{{=<% %>=}}` to change the
/// delimiters, with the mustache specification's rules for standalone lines and indented partials.
/// Pragmas (`{{% … }}`) are accepted and ignored. Lambdas and template inheritance are not supported.
struct MustacheTemplate: Sendable {
    indirect enum Node: Sendable {
        /// Text as UTF-8: rendering only ever copies it.
        case text([UInt8])
        /// Where a line of the template's own text begins: an indented partial's indentation goes here.
        case lineStart
        case variable(Name)
        case section(Name, [Node], inverted: Bool)
        /// A partial alone on its line starts on a line of its own, indented by the spaces before it.
        case partial(String, indent: [UInt8], standalone: Bool)
    }

    /// A dotted name split at its dots; `.` (the current value) is the empty list.
    struct Name: Sendable {
        /// `nil` for `.`.
        let first: String?
        let rest: [String]
    }

    let nodes: [Node]
    /// Every partial this template names, with where, so that a missing one is an error before rendering.
    let partials: [(name: String, location: SourceLocation)]

    /// Parses `text`; `file` names it in error locations.
    init(_ text: String, file: String) throws(TemplateError) {
        var parser = MustacheParser(bytes: Array(text.utf8), file: file)
        let tokens = MustacheParser.strippingStandaloneLines(try parser.tokens())
        (nodes, partials) = try MustacheParser.tree(tokens)
    }
}

/// The templates of one generation by name, rendered into text.
struct MustacheLibrary: Sendable {
    private var templates: [String: MustacheTemplate] = [:]

    /// The deepest nesting of partials rendering follows before it gives up (a partial that includes
    /// itself without end).
    static let maxPartialDepth = 64

    mutating func register(_ template: MustacheTemplate, named name: String) {
        templates[name] = template
    }

    func template(named name: String) -> MustacheTemplate? {
        templates[name]
    }

    /// Renders the template `name` with `stack` (outermost context first).
    func render(_ name: String, stack: [TemplateValue]) throws(TemplateError) -> String {
        String(decoding: try renderBytes(name, stack: stack), as: UTF8.self)
    }

    /// Renders the template `name` with `stack` (outermost context first) as UTF-8.
    func renderBytes(_ name: String, stack: [TemplateValue]) throws(TemplateError) -> [UInt8] {
        guard let template = templates[name] else {
            throw TemplateError(.error("no template named \(name).mustache", at: nil))
        }
        var state = RenderState(stack: stack)
        try render(template.nodes, indent: [], depth: 0, &state)
        return state.output
    }

    private struct RenderState {
        var stack: [TemplateValue]
        var output: [UInt8] = []
        /// A line of template text has begun and nothing is written on it yet: an indented partial's
        /// indentation goes before what comes next.
        var lineBegun = false

        init(stack: [TemplateValue]) {
            self.stack = stack
            output.reserveCapacity(8192)
        }

        mutating func write(_ bytes: UnsafeBufferPointer<UInt8>, indent: [UInt8]) {
            guard !bytes.isEmpty else { return }
            if lineBegun {
                lineBegun = false
                output.append(contentsOf: indent)
            }
            output.append(contentsOf: bytes)
        }

        mutating func write(_ bytes: [UInt8], indent: [UInt8]) {
            bytes.withUnsafeBufferPointer { write($0, indent: indent) }
        }

        /// Writes the text's UTF-8 where it is stored (any native or literal string), without copying it first.
        mutating func write(_ text: String, indent: [UInt8]) {
            if text.utf8.withContiguousStorageIfAvailable({ write($0, indent: indent) }) == nil {
                write(Array(text.utf8), indent: indent)
            }
        }
    }

    private func render(_ nodes: [MustacheTemplate.Node], indent: [UInt8], depth: Int, _ state: inout RenderState) throws(TemplateError) {
        for node in nodes {
            switch node {
            case .text(let bytes):
                state.write(bytes, indent: indent)
            case .lineStart:
                state.lineBegun = true
            case .variable(let name):
                switch Self.lookup(name, in: state.stack) {
                case .string(let text): state.write(text, indent: indent)
                case .bool(let flag): state.write(flag ? "true" : "false", indent: indent)
                case .list, .object, .lines, .objects, nil: break
                }
            case .section(let name, let children, let inverted):
                let value = Self.lookup(name, in: state.stack)
                if inverted {
                    if !Self.isTruthy(value) { try render(children, indent: indent, depth: depth, &state) }
                    continue
                }
                switch value {
                case nil, .bool(false): break
                case .list(let items):
                    for item in items {
                        state.stack.append(item)
                        try render(children, indent: indent, depth: depth, &state)
                        state.stack.removeLast()
                    }
                case .lines(let lines):
                    for line in lines {
                        state.stack.append(.string(line))
                        try render(children, indent: indent, depth: depth, &state)
                        state.stack.removeLast()
                    }
                case .objects(let objects):
                    for object in objects {
                        state.stack.append(.object(object))
                        try render(children, indent: indent, depth: depth, &state)
                        state.stack.removeLast()
                    }
                case let value?:
                    state.stack.append(value)
                    try render(children, indent: indent, depth: depth, &state)
                    state.stack.removeLast()
                }
            case .partial(let name, let extra, let standalone):
                // Parsing checked that every partial exists.
                guard let template = templates[name] else { continue }
                guard depth < Self.maxPartialDepth else {
                    throw TemplateError(
                        .error("partials nest more than \(Self.maxPartialDepth) deep (does \(name).mustache include itself?)", at: nil))
                }
                if standalone { state.lineBegun = true }
                try render(template.nodes, indent: indent + extra, depth: depth + 1, &state)
            }
        }
    }

    /// False, a missing value and an empty list are false; anything else is true.
    private static func isTruthy(_ value: TemplateValue?) -> Bool {
        switch value {
        case nil, .bool(false): false
        case .list(let items): !items.isEmpty
        case .lines(let lines): !lines.isEmpty
        case .objects(let objects): !objects.isEmpty
        default: true
        }
    }

    /// The value of `name`: its first key is looked up from the innermost context outwards, the rest
    /// inside what that found.
    private static func lookup(_ name: MustacheTemplate.Name, in stack: [TemplateValue]) -> TemplateValue? {
        guard let first = name.first else { return stack.last }
        // By index, from the innermost context: iterating would copy (retain) every context it passes.
        var index = stack.count - 1
        while index >= 0 {
            if var value = stack[index].member(first) {
                for key in name.rest {
                    guard let inner = value.member(key) else { return nil }
                    value = inner
                }
                return value
            }
            index -= 1
        }
        return nil
    }
}

/// Turns template text into tokens, then into a tree of ``MustacheTemplate/Node``s.
private struct MustacheParser {
    enum TagKind {
        case variable, section, inverted, close, comment, partial, delimiters, pragma

        /// Whether a line holding only this tag (and white space) disappears with its line break.
        var canStandAlone: Bool { self != .variable }
    }

    enum Token {
        /// Text that never holds a line break except as its last character.
        case text(String)
        case tag(TagKind, String, SourceLocation)
        /// A partial alone on its line, with the spaces before it.
        case standalonePartial(String, indent: [UInt8], SourceLocation)
        /// Where a standalone line was removed: the next token starts a line.
        case lineBreak
    }

    let bytes: [UInt8]
    let file: String
    var position = 0
    var line = 1
    var lineStart = 0
    var open: [UInt8] = Array("{{".utf8)
    var close: [UInt8] = Array("}}".utf8)

    init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    private func location(at offset: Int) -> SourceLocation {
        // Columns count characters, not bytes: skip UTF-8 continuation bytes.
        let column = bytes[lineStart..<offset].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        return SourceLocation(file: file, line: line, column: column)
    }

    private func matches(_ pattern: [UInt8], at offset: Int) -> Bool {
        guard offset + pattern.count <= bytes.count else { return false }
        for (index, byte) in pattern.enumerated() where bytes[offset + index] != byte { return false }
        return true
    }

    private func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    mutating func tokens() throws(TemplateError) -> [Token] {
        var tokens: [Token] = []
        var textStart = position
        while position < bytes.count {
            if bytes[position] == UInt8(ascii: "\n") {
                position += 1
                tokens.append(.text(text(textStart..<position)))
                line += 1
                lineStart = position
                textStart = position
                continue
            }
            guard matches(open, at: position) else {
                position += 1
                continue
            }
            if textStart < position { tokens.append(.text(text(textStart..<position))) }
            tokens.append(try tag())
            textStart = position
        }
        if textStart < position { tokens.append(.text(text(textStart..<position))) }
        return tokens
    }

    /// Reads the tag at `position`, which starts with the opening delimiter.
    private mutating func tag() throws(TemplateError) -> Token {
        let start = location(at: position)
        position += open.count
        var closing = close
        let triple = position < bytes.count && bytes[position] == UInt8(ascii: "{")
        if triple {
            position += 1
            closing = [UInt8(ascii: "}")] + close
        }
        let contentStart = position
        while position < bytes.count, !matches(closing, at: position) {
            if bytes[position] == UInt8(ascii: "\n") {
                line += 1
                lineStart = position + 1
            }
            position += 1
        }
        guard position < bytes.count else {
            throw TemplateError(.error("tag is not closed with \(String(decoding: closing, as: UTF8.self))", at: start))
        }
        let content = text(contentStart..<position)
        position += closing.count
        if triple { return .tag(.variable, try name(content, at: start), start) }

        let trimmed = content.trimmingSpaces
        let sigil = trimmed.first
        let rest = String(trimmed.dropFirst()).trimmingSpaces
        switch sigil {
        case "#": return .tag(.section, try name(rest, at: start), start)
        case "^": return .tag(.inverted, try name(rest, at: start), start)
        case "/": return .tag(.close, try name(rest, at: start), start)
        case "&": return .tag(.variable, try name(rest, at: start), start)
        case "!": return .tag(.comment, "", start)
        case "%": return .tag(.pragma, "", start)
        case ">":
            guard !rest.isEmpty else { throw TemplateError(.error("partial tag has no name", at: start)) }
            return .tag(.partial, rest, start)
        case "=":
            guard trimmed.count >= 2, trimmed.last == "=" else {
                throw TemplateError(.error("set-delimiter tag must end with '='", at: start))
            }
            let parts = trimmed.dropFirst().dropLast().split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
                throw TemplateError(.error("set-delimiter tag needs two delimiters without '=', as in {{=<% %>=}}", at: start))
            }
            open = Array(parts[0].utf8)
            close = Array(parts[1].utf8)
            return .tag(.delimiters, "", start)
        case "<", "$":
            throw TemplateError(.error("template inheritance ({{<parent}}, {{$block}}) is not supported", at: start))
        default:
            return .tag(.variable, try name(trimmed, at: start), start)
        }
    }

    private func name(_ text: String, at location: SourceLocation) throws(TemplateError) -> String {
        let name = text.trimmingSpaces
        guard !name.isEmpty else { throw TemplateError(.error("tag has no name", at: location)) }
        guard !name.contains(where: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "(" }) else {
            throw TemplateError(.error("\"\(name)\" is not a name (transforms and lambdas are not supported)", at: location))
        }
        return name
    }

    /// Drops every standalone line: a line whose only tag is a section, inverted section, closing,
    /// comment, partial, delimiter or pragma tag, with nothing but spaces or tabs around it. A partial
    /// standing alone keeps the spaces before it as the indentation of every line it renders.
    static func strippingStandaloneLines(_ tokens: [Token]) -> [Token] {
        var result: [Token] = []
        result.reserveCapacity(tokens.count)
        var lineStart = 0
        while lineStart < tokens.count {
            var lineEnd = lineStart
            while lineEnd < tokens.count {
                defer { lineEnd += 1 }
                if case .text(let text) = tokens[lineEnd], text.utf8.last == UInt8(ascii: "\n") { break }
            }
            let line = tokens[lineStart..<lineEnd]
            lineStart = lineEnd
            var tag: Token?
            var indent: [UInt8] = []
            var standalone = true
            for token in line {
                switch token {
                case .tag(let kind, _, _):
                    standalone = standalone && kind.canStandAlone && tag == nil
                    tag = token
                case .text(let text):
                    let blank = text.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
                    standalone = standalone && blank
                    if tag == nil { indent += text.utf8 }
                case .standalonePartial, .lineBreak:
                    break
                }
            }
            guard standalone, case .tag(let kind, let name, let location)? = tag else {
                result += line
                continue
            }
            result.append(kind == .partial ? .standalonePartial(name, indent: indent, location) : .tag(kind, name, location))
            result.append(.lineBreak)
        }
        return result
    }

    /// Builds the tree, matching sections with their closing tags.
    static func tree(_ tokens: [Token]) throws(TemplateError) -> (
        [MustacheTemplate.Node], [(name: String, location: SourceLocation)]
    ) {
        typealias Node = MustacheTemplate.Node
        var levels: [(name: String, inverted: Bool, location: SourceLocation, nodes: [Node])] = []
        var nodes: [Node] = []
        var partials: [(name: String, location: SourceLocation)] = []
        var atLineStart = false
        for token in tokens {
            if case .lineBreak = token {
                atLineStart = true
                continue
            }
            if atLineStart { nodes.append(.lineStart) }
            atLineStart = false
            switch token {
            case .lineBreak:
                break
            case .text(let text):
                nodes.append(.text(Array(text.utf8)))
                atLineStart = text.utf8.last == UInt8(ascii: "\n")
            case .standalonePartial(let name, let indent, let location):
                partials.append((name, location))
                nodes.append(.partial(name, indent: indent, standalone: true))
            case .tag(let kind, let name, let location):
                switch kind {
                case .variable:
                    nodes.append(.variable(Self.split(name)))
                case .section, .inverted:
                    levels.append((name, kind == .inverted, location, nodes))
                    nodes = []
                case .close:
                    guard let level = levels.popLast() else {
                        throw TemplateError(.error("{{/\(name)}} closes no section", at: location))
                    }
                    guard level.name == name else {
                        throw TemplateError(
                            .error("{{/\(name)}} does not close {{\(level.inverted ? "^" : "#")\(level.name)}}", at: location))
                    }
                    let section = Node.section(Self.split(name), nodes, inverted: level.inverted)
                    nodes = level.nodes
                    nodes.append(section)
                case .partial:
                    partials.append((name, location))
                    nodes.append(.partial(name, indent: [], standalone: false))
                case .comment, .delimiters, .pragma:
                    break
                }
            }
        }
        if let open = levels.last {
            throw TemplateError(.error("{{\(open.inverted ? "^" : "#")\(open.name)}} is never closed", at: open.location))
        }
        return (nodes, partials)
    }

    private static func split(_ name: String) -> MustacheTemplate.Name {
        let keys = name == "." ? [] : name.split(separator: ".").map(String.init)
        return MustacheTemplate.Name(first: keys.first, rest: Array(keys.dropFirst()))
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
