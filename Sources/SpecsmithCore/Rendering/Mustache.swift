import Foundation
import SpecsmithDiagnostics

/// A parsed mustache template: text, `{{name}}` and `{{{name}}}` (the same here: output is Swift, not
/// HTML, so nothing is ever escaped), sections `{{#name}}…{{/name}}` and inverted sections
/// `{{^name}}…{{/name}}`, partials `{{> name}}`, comments `{{! … }}` and `{{=<% %>=}}` to change the
/// delimiters, with the mustache specification's rules for standalone lines and indented partials.
/// Pragmas (`{{% … }}`) are accepted and ignored. Lambdas and template inheritance are not supported.
struct MustacheTemplate: Sendable {
    enum Node: Sendable {
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
        let tokens = parser.strippingStandaloneLines(try parser.tokens())
        (nodes, partials) = try parser.tree(tokens)
    }
}

/// The templates of one generation by name, compiled together into one flat program that renders them.
///
/// Compiling resolves what the tree leaves to rendering: every partial becomes the number of the
/// template it runs, every text a range of one shared byte buffer, every section the range of the
/// instructions it repeats, every name indices of its keys (``TemplateKey``s). Running the program then
/// reads only plain integers: stepping through it copies no reference, so it retains and releases nothing,
/// and looks up no template by name, nor compares a string with another.
struct MustacheLibrary: Sendable {
    /// One step of the program. Plain integers only, so that reading one copies no reference.
    ///
    /// A text, variable or section `startsLine` when a line of template text begins just before it: it
    /// first does what ``lineStart`` does. Nearly every line starts so (with its indentation, or a section
    /// whose tag stood alone on its line), and line starts as steps of their own were almost half of the
    /// steps run.
    ///
    /// Likewise a variable writes the texts just before and after it in its template (`    /// ` and the
    /// newline around `{{.}}`), and a section whose body ends where a line begins (its closing tag alone on its
    /// line) `endsLine`: those texts and line starts were steps of their own, each dispatched and checked alone,
    /// about half the steps of a struct's template.
    enum Instruction: Sendable, Equatable {
        /// Writes `text[start..<end]`.
        case text(start: Int, end: Int, startsLine: Bool = false)
        /// Where a line of a template's own text begins: an indented partial's indentation goes here.
        case lineStart
        /// Writes `text[start..<middle]`, the value of `names[name]`, then `text[middle..<end]`.
        case variable(name: Int, start: Int32, middle: Int32, end: Int32, startsLine: Bool = false)
        /// Runs the instructions after this one, up to `end`, for the value of `names[name]`: once for
        /// each item of a list, once in an object or a value that is true. Inverted, once when the value
        /// is false, missing or empty. Then goes on at `end`. With `endsLine`, each run of the body ends with
        /// what ``lineStart`` does.
        case section(name: Int, end: Int, inverted: Bool, startsLine: Bool = false, endsLine: Bool = false)
        /// Runs template number `template`, every line of its own text indented by `text[indentStart..<indentEnd]`
        /// more; `standalone` when the tag stood alone on its line, which starts the partial on a line of its own.
        case partial(template: Int, indentStart: Int, indentEnd: Int, standalone: Bool)
    }

    /// A name as indices in ``keys``.
    struct Name: Sendable {
        /// The key looked up through the context stack; `nil` for `.`, the innermost context itself.
        var first: Int?
        /// The keys looked up each inside what the one before found (after a dot).
        var rest: Range<Int>
    }

    /// Template names by number: in name order.
    fileprivate let templateNames: [String]
    /// Every template's instructions, one after the other.
    private(set) var program: [Instruction] = []
    /// Where each template's instructions are in ``program``, by template number.
    fileprivate var ranges: [Range<Int>] = []
    /// Template numbers by name.
    private var numbers: [String: Int] = [:]
    /// The UTF-8 of every text and partial indentation.
    fileprivate var text: [UInt8] = []
    /// The names that variables and sections look up.
    private(set) var names: [Name] = []
    /// The keys of ``names``, as templates spell them.
    private(set) var keys: [String] = []
    /// The keys of ``names`` that a context can hold, by index in ``keys``; `nil` for one it cannot, which is
    /// never found.
    private var templateKeys: [TemplateKey?] = []

    /// The deepest nesting of partials rendering follows before it gives up (a partial that includes
    /// itself without end).
    static let maxPartialDepth = 64

    /// Compiles `templates`, by name. A partial naming none of them renders nothing (``TemplateSet``
    /// reports it as an error first).
    init(_ templates: [String: MustacheTemplate]) {
        templateNames = templates.keys.sorted()
        for (number, name) in templateNames.enumerated() { numbers[name] = number }
        for name in templateNames {
            let start = program.count
            compile(templates[name]!.nodes)
            ranges.append(start..<program.count)
        }
        // Room to read a whole word past the end of any text (``Run/writeText(start:end:)``).
        text += repeatElement(0, count: Self.textPadding)
    }

    /// How many bytes of ``text`` follow the last text: a text that short is copied as two words. Computed rather
    /// than stored, so that it folds to a constant.
    fileprivate static var textPadding: Int { 16 }

    private mutating func compile(_ nodes: [MustacheTemplate.Node]) {
        for (index, node) in nodes.enumerated() {
            // A line start just before, in the same list (so that no section ends between them), is this
            // node's: its instruction replaces the line start's.
            var startsLine = false
            if index > 0, case .lineStart = nodes[index - 1] {
                switch node {
                case .text, .variable, .section:
                    program.removeLast()
                    startsLine = true
                case .lineStart, .partial:
                    break
                }
            }
            // The instruction just before, when it is this list's node just before: a text a variable takes.
            let previous = index > 0 ? program.last : nil
            switch node {
            case .text(let bytes):
                // After a variable that has no text after it yet, the text is the variable's; its bytes follow
                // the variable's text before it, as no text was written since.
                if case .variable(let name, let start, let middle, let end, let variableStartsLine)? = previous,
                    case .variable = nodes[index - 1], middle == end, Int(end) == text.count, !startsLine
                {
                    text += bytes
                    program[program.count - 1] = .variable(
                        name: name, start: start, middle: middle, end: Int32(text.count),
                        startsLine: variableStartsLine)
                    break
                }
                program.append(.text(start: text.count, end: text.count + bytes.count, startsLine: startsLine))
                text += bytes
            case .lineStart:
                program.append(.lineStart)
            case .variable(let name):
                // The text just before, when it is the last text written, is the variable's.
                if case .text(let start, let end, let textStartsLine)? = previous, case .text = nodes[index - 1],
                    end == text.count, !startsLine
                {
                    program[program.count - 1] = .variable(
                        name: add(name), start: Int32(start), middle: Int32(end), end: Int32(end),
                        startsLine: textStartsLine)
                    break
                }
                let here = Int32(text.count)
                program.append(.variable(name: add(name), start: here, middle: here, end: here, startsLine: startsLine))
            case .section(let name, let children, let inverted):
                let name = add(name)
                let index = program.count
                program.append(.lineStart)  // a placeholder until the section's end is known
                compile(children)
                // A line start that ends the body, with no step after it there, is done as part of the section.
                var endsLine = false
                if case .lineStart? = children.last, program.count > index + 1, case .lineStart? = program.last {
                    program.removeLast()
                    endsLine = true
                }
                program[index] = .section(
                    name: name, end: program.count, inverted: inverted, startsLine: startsLine, endsLine: endsLine)
            case .partial(let name, let indent, let standalone):
                guard let template = numbers[name] else { continue }
                program.append(.partial(template: template, indentStart: text.count, indentEnd: text.count + indent.count, standalone: standalone))
                text += indent
            }
        }
    }

    /// Adds `name` to ``names`` and its keys to ``keys``, and returns its index.
    private mutating func add(_ name: MustacheTemplate.Name) -> Int {
        let first = name.first.map { key in
            keys.append(key)
            return keys.count - 1
        }
        keys += name.rest
        templateKeys += keys[templateKeys.count...].map(TemplateKey.named)
        names.append(Name(first: first, rest: keys.count - name.rest.count..<keys.count))
        return names.count - 1
    }

    /// Renders the template `name` with `context`, names it lacks looked up in `base`.
    func render(_ name: String, base: TemplateContext = [:], _ context: TemplateContext) throws(TemplateError) -> String {
        try render(name, base: base, context) { String(decoding: $0, as: UTF8.self) }
    }

    /// Renders the template `name` with `context`, names it lacks looked up in `base`, and returns what
    /// `body` makes of the UTF-8, which is only valid during the call.
    ///
    /// The renderings of one generation run on every core at once, all from this library and the same
    /// `base`: a rendering reads them where they are stored and never copies them, because a copy
    /// writes their reference counts, and cores that write the same counts wait on each other.
    func render<R>(
        _ name: String, base: TemplateContext, _ context: TemplateContext, _ body: (UnsafeBufferPointer<UInt8>) -> R
    ) throws(TemplateError) -> R {
        guard let number = numbers[name] else {
            throw TemplateError(.error("no template named \(name).mustache", at: nil))
        }
        return try withCode { (code) throws(TemplateError) in
            var run = Run(code)
            defer {
                run.output.deallocate()
                run.hints.deallocate()
                run.stack.deallocate()
            }
            try base.withEntries { (base) throws(TemplateError) in
                try context.withEntries { (context) throws(TemplateError) in
                    run.push(.object(base))
                    run.push(.object(context))
                    try run.run(code.ranges[number], depth: 0)
                }
            }
            return body(UnsafeBufferPointer(rebasing: run.output[..<run.count]))
        }
    }

    /// Calls `body` with the library's arrays where they are stored.
    private func withCode<R, E>(_ body: (Code) throws(E) -> R) throws(E) -> R {
        try program.withUnsafeBufferPointer { (program) throws(E) in
            try text.withUnsafeBufferPointer { (text) throws(E) in
                try names.withUnsafeBufferPointer { (names) throws(E) in
                    try keys.withUnsafeBufferPointer { (keys) throws(E) in
                        try templateKeys.withUnsafeBufferPointer { (templateKeys) throws(E) in
                            try ranges.withUnsafeBufferPointer { (ranges) throws(E) in
                                try templateNames.withUnsafeBufferPointer { (templateNames) throws(E) in
                                    try body(
                                        Code(
                                            program: program, text: text, names: names, keys: keys,
                                            templateKeys: templateKeys, ranges: ranges, templateNames: templateNames))
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The library's arrays, where they are stored: reading through these copies no reference.
    private struct Code {
        let program: UnsafeBufferPointer<Instruction>
        let text: UnsafeBufferPointer<UInt8>
        let names: UnsafeBufferPointer<Name>
        let keys: UnsafeBufferPointer<String>
        let templateKeys: UnsafeBufferPointer<TemplateKey?>
        let ranges: UnsafeBufferPointer<Range<Int>>
        let templateNames: UnsafeBufferPointer<String>
    }

    /// A value on the context stack, or the value a name resolves to: where it is, never a copy. A
    /// frame only lives while what it points to is held (the contexts given to render, or the value of
    /// the section being rendered), and pointers copy nothing: looking names up and pushing values
    /// retains and releases nothing, where copies of values would, for every name.
    fileprivate enum Frame {
        /// An object's keys and values.
        case object(UnsafeBufferPointer<(TemplateKey, TemplateValue)>)
        /// Any other value.
        case value(UnsafePointer<TemplateValue>)
        /// A line of a `.lines` list.
        case line(UnsafePointer<String>)
        /// A line of a `.textLines` list, without its newline.
        case bytes(UnsafeBufferPointer<UInt8>)

        /// Calls `body` with the frame of the value at `pointer`.
        static func with(_ pointer: UnsafePointer<TemplateValue>, _ body: (Frame) throws(TemplateError) -> Void) throws(TemplateError) {
            if case .object(let context) = pointer.pointee {
                try context.withEntries { (entries) throws(TemplateError) in try body(.object(entries)) }
            } else {
                try body(.value(pointer))
            }
        }
    }

    /// One rendering: the library's code it runs and what it has written, in a buffer that `render`
    /// frees. Its methods mutate it, so that the closures they run sections and partials in capture
    /// it in place rather than copy it.
    private struct Run {
        let code: Code
        /// The contexts, innermost last, in the first ``stackCount`` frames: a buffer of its own rather than an
        /// array, whose `append` and `removeLast` each asked whether it was shared (some hundred thousand
        /// times per generation). Frames hold no references: nothing to release when they are dropped.
        var stack: UnsafeMutableBufferPointer<Frame>
        var stackCount = 0
        /// For each key of ``Code/keys``, where it was last found in a context
        /// (``TemplateContext/value(of:in:hint:)``).
        var hints: UnsafeMutableBufferPointer<UInt8>
        /// What is written, in the first ``count`` bytes: a buffer of its own rather than an array,
        /// whose `append(contentsOf:)` costs several times the copy for the short texts written here.
        var output: UnsafeMutableBufferPointer<UInt8>
        var count = 0
        /// The indentation of the partials being rendered, outermost first.
        var indent: [UInt8] = []
        /// A line of template text has begun and nothing is written on it yet: an indented partial's
        /// indentation goes before what comes next.
        var lineBegun = false

        init(_ code: Code) {
            self.code = code
            stack = .allocate(capacity: 16)
            output = .allocate(capacity: 8192)
            hints = .allocate(capacity: code.keys.count)
            hints.initialize(repeating: 0)
        }

        mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard !bytes.isEmpty else { return }
            if lineBegun { writeIndent() }
            append(bytes)
        }

        /// Writes the indentation of the partials being rendered, which a line begun is given before what is
        /// written on it. Outside partials there is none: not even an empty copy is made.
        @inline(__always)
        mutating func writeIndent() {
            lineBegun = false
            if !indent.isEmpty { writePartialIndent() }
        }

        /// Writes the indentation of the partials being rendered. Rare: kept out of the inlined steps.
        @inline(never)
        mutating func writePartialIndent() {
            indent.withUnsafeBufferPointer { append($0) }
        }

        /// Writes `code.text[start..<end]`, a text of the templates (never empty). Most are a few bytes: one
        /// that fits in two words is copied as two words, which the padding after the last text leaves room to
        /// read (a call of `memcpy` cost some 30 instructions, as much as the rest of the step). Inlined, as the
        /// call and its prologue cost as much again.
        @inline(__always)
        mutating func writeText(start: Int, end: Int) {
            if lineBegun { writeIndent() }
            let length = end &- start
            let source = code.text.baseAddress! + start
            guard length <= MustacheLibrary.textPadding, count &+ MustacheLibrary.textPadding <= output.count else {
                return appendLong(UnsafeBufferPointer(start: source, count: length))
            }
            let from = UnsafeRawPointer(source)
            let to = UnsafeMutableRawPointer(output.baseAddress! + count)
            to.storeBytes(of: from.loadUnaligned(as: UInt64.self), as: UInt64.self)
            to.storeBytes(of: from.loadUnaligned(fromByteOffset: 8, as: UInt64.self), toByteOffset: 8, as: UInt64.self)
            count &+= length
        }

        /// Puts `frame` on top of the stack.
        mutating func push(_ frame: Frame) {
            if stackCount == stack.count {
                let larger = UnsafeMutableBufferPointer<Frame>.allocate(capacity: 2 * stack.count)
                larger.baseAddress!.initialize(from: stack.baseAddress!, count: stackCount)
                stack.deallocate()
                stack = larger
            }
            (stack.baseAddress! + stackCount).initialize(to: frame)
            stackCount += 1
        }

        /// Takes the top frame off the stack.
        mutating func pop() {
            stackCount -= 1
        }

        /// Appends `bytes`: a text too long, or the output too full, for ``writeText(start:end:)``'s copy.
        @inline(never)
        private mutating func appendLong(_ bytes: UnsafeBufferPointer<UInt8>) {
            append(bytes)
        }

        private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard let source = bytes.baseAddress else { return }
            if count + bytes.count > output.count {
                let larger = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(2 * output.count, count + bytes.count))
                larger.baseAddress!.initialize(from: output.baseAddress!, count: count)
                output.deallocate()
                output = larger
            }
            (output.baseAddress! + count).initialize(from: source, count: bytes.count)
            count += bytes.count
        }

        /// Writes the text's UTF-8 where it is stored (any native or literal string), without copying it first.
        mutating func write(_ text: String) {
            if text.utf8.withContiguousStorageIfAvailable({ write($0) }) == nil {
                Array(text.utf8).withUnsafeBufferPointer { write($0) }
            }
        }

        /// Writes what a variable tag finds: a string or a flag; an object, and no value, write nothing. A list
        /// is an error, not nothing: a template written for a value that has since become lines
        /// (`{{encodeStatement}}`, now `{{#encodeStatement}}{{.}}{{/encodeStatement}}`) would otherwise leave
        /// out code silently. One switch over the value both checks and writes it (a check of its own, a call
        /// and a switch more, was some 20 instructions of every variable).
        mutating func write(_ frame: Frame?, of name: MustacheLibrary.Name) throws(TemplateError) {
            switch frame {
            case nil, .object?: break
            case .line(let line)?: write(line.pointee)
            case .bytes(let bytes)?: write(bytes)
            case .value(let value)?:
                // Written text is the most common value: its bytes are found before they are written, so that its
                // chunk need not be retained around the write.
                if let bytes = Self.writtenText(value) { return write(bytes) }
                switch value.pointee {
                case .string(let text): write(text)
                case .bool(let flag): write(flag ? "true" : "false")
                case .object, .text: break  // Text is written above.
                case .list, .lines, .objects, .textLines: throw Self.listError(name, keys: code.keys)
                }
            }
        }

        /// The bytes of `value` when it is ``TemplateValue/text(_:start:end:)``. The chunk lives as long as the value.
        static func writtenText(_ value: UnsafePointer<TemplateValue>) -> UnsafeBufferPointer<UInt8>? {
            guard case .text(let chunk, let start, let end) = value.pointee else { return nil }
            return chunk.text(start: start, end: end)
        }

        /// The error of a variable tag `name` that finds a list.
        static func listError(_ name: MustacheLibrary.Name, keys: UnsafeBufferPointer<String>) -> TemplateError {
            let spelled = ([name.first.map { keys[$0] } ?? "."] + name.rest.map { keys[$0] })
                .joined(separator: ".")
            return TemplateError(
                .error(
                    "{{\(spelled)}} is a list, which a variable tag cannot write; write its items in a section: "
                        + "{{#\(spelled)}}...{{/\(spelled)}}",
                    at: nil))
        }

        /// Runs `code.program[range]`.
        mutating func run(_ range: Range<Int>, depth: Int) throws(TemplateError) {
            var index = range.lowerBound
            while index < range.upperBound {
                switch code.program[index] {
                case .text(let start, let end, let startsLine):
                    if startsLine { lineBegun = true }
                    writeText(start: start, end: end)
                case .lineStart:
                    lineBegun = true
                case .variable(let name, let start, let middle, let end, let startsLine):
                    if startsLine { lineBegun = true }
                    if start != middle { writeText(start: Int(start), end: Int(middle)) }
                    let name = code.names[name]
                    if name.rest.isEmpty {
                        try write(lookup(name.first), of: name)
                    } else {
                        try lookup(name.rest, in: lookup(name.first)) { (run, found) throws(TemplateError) in
                            try run.write(found, of: name)
                        }
                    }
                    if middle != end { writeText(start: Int(middle), end: Int(end)) }
                case .section(let name, let end, let inverted, let startsLine, let endsLine):
                    if startsLine { lineBegun = true }
                    let body = index + 1..<end
                    index = end
                    let name = code.names[name]
                    // Nearly every section's name is one key: found as a variable's is, without the closure
                    // that a dotted name's path is followed with.
                    if name.rest.isEmpty {
                        try runSection(
                            body, for: lookup(name.first), inverted: inverted, endsLine: endsLine, depth: depth)
                    } else {
                        try lookup(name.rest, in: lookup(name.first)) { (run, found) throws(TemplateError) in
                            try run.runSection(body, for: found, inverted: inverted, endsLine: endsLine, depth: depth)
                        }
                    }
                    continue
                case .partial(let template, let indentStart, let indentEnd, let standalone):
                    guard depth < MustacheLibrary.maxPartialDepth else {
                        throw TemplateError(
                            .error(
                                "partials nest more than \(MustacheLibrary.maxPartialDepth) deep "
                                    + "(does \(code.templateNames[template]).mustache include itself?)",
                                at: nil))
                    }
                    if standalone { lineBegun = true }
                    let outerIndent = indent.count
                    indent += code.text[indentStart..<indentEnd]
                    try run(code.ranges[template], depth: depth + 1)
                    indent.removeLast(indent.count - outerIndent)
                }
                index += 1
            }
        }

        /// Runs the section `body` for `found`: inverted, once when it is false, missing or empty; else as
        /// ``forEachItem(of:_:)`` says. With `endsLine`, a line begins after each run.
        mutating func runSection(
            _ body: Range<Int>, for found: Frame?, inverted: Bool, endsLine: Bool, depth: Int
        ) throws(TemplateError) {
            if inverted {
                if !Self.isTruthy(found) {
                    try run(body, depth: depth)
                    if endsLine { lineBegun = true }
                }
            } else if let found {
                try forEachItem(of: found) { (run) throws(TemplateError) in
                    try run.run(body, depth: depth)
                    if endsLine { run.lineBegun = true }
                }
            }
        }

        /// Runs `body` with `value` pushed on the stack: once for each item of a list, once for any
        /// other value but `false`.
        mutating func forEachItem(of value: Frame, _ body: (inout Run) throws(TemplateError) -> Void) throws(TemplateError) {
            func push(_ frame: Frame) throws(TemplateError) {
                self.push(frame)
                try body(&self)
                pop()
            }
            guard case .value(let pointer) = value else { return try push(value) }
            try Self.forEachFrame(of: pointer.pointee, value, push)
        }

        /// Calls `body` with the frame of each item of `value` (`frame`): what ``forEachItem(of:_:)`` pushes.
        /// `value` is a borrowed parameter rather than the pointee it is, so that most of the arrays it holds
        /// are read where they are rather than retained and released around the items' rendering.
        static func forEachFrame(
            of value: borrowing TemplateValue, _ frame: Frame, _ body: (Frame) throws(TemplateError) -> Void
        ) throws(TemplateError) {
            switch value {
            case .bool(false): break
            case .string, .bool(true), .text: try body(frame)
            case .object(let context):
                try context.withEntries { (entries) throws(TemplateError) in try body(.object(entries)) }
            case .list(let items):
                try items.withUnsafeBufferPointer { (items) throws(TemplateError) in
                    for item in items.indices { try Frame.with(items.baseAddress! + item, body) }
                }
            case .lines(let lines):
                try lines.withUnsafeBufferPointer { (lines) throws(TemplateError) in
                    for line in lines.indices { try body(.line(lines.baseAddress! + line)) }
                }
            case .objects(let objects):
                try objects.withUnsafeBufferPointer { (objects) throws(TemplateError) in
                    for object in objects.indices {
                        try objects[object].withEntries { (entries) throws(TemplateError) in
                            try body(.object(entries))
                        }
                    }
                }
            case .textLines(let chunk, let start, let end):
                // Each line ends with a newline, found by `memchr` (a loop over the bytes took about four
                // instructions a byte, more than 1% of discourse's rendering).
                let text = chunk.text(start: start, end: end)
                guard let base = text.baseAddress else { return }
                var lineStart = 0
                while lineStart < text.count {
                    let newline = memchr(base + lineStart, Int32(UInt8(ascii: "\n")), text.count - lineStart)!
                    let lineEnd = base.distance(to: newline.assumingMemoryBound(to: UInt8.self))
                    try body(.bytes(UnsafeBufferPointer(rebasing: text[lineStart..<lineEnd])))
                    lineStart = lineEnd + 1
                }
            }
        }

        /// False, a missing value and an empty list are false; anything else is true.
        static func isTruthy(_ found: Frame?) -> Bool {
            guard case .value(let value)? = found else { return found != nil }
            switch value.pointee {
            case .bool(let flag): return flag
            case .list(let items): return !items.isEmpty
            case .lines(let lines): return !lines.isEmpty
            case .objects(let objects): return !objects.isEmpty
            case .textLines(_, let start, let end): return start < end
            case .string, .object, .text: return true
            }
        }

        /// Where the value of `code.keys[key]` is, looked up from the innermost context outwards;
        /// the innermost context itself for `nil` (`.`). Mutating only so that it is called on the run in
        /// place: a non-mutating method is called on a copy of the run (some 140 bytes) at every name. Inlined:
        /// the call was a fifth of a look-up that finds its name at once.
        @inline(__always)
        mutating func lookup(_ key: Int?) -> Frame? {
            guard let key else { return stackCount > 0 ? stack[stackCount - 1] : nil }
            guard let wanted = code.templateKeys[key] else { return nil }
            var index = stackCount - 1
            while index >= 0 {
                if case .object(let entries) = stack[index],
                    let value = TemplateContext.value(of: wanted, in: entries, hint: &hints[key])
                {
                    return .value(value)
                }
                index -= 1
            }
            return nil
        }

        /// Runs `body` with where the value of `code.keys[path]` is inside `found`, each key looked
        /// up in what the one before found.
        mutating func lookup(
            _ path: Range<Int>, in found: Frame?, _ body: (inout Run, Frame?) throws(TemplateError) -> Void
        ) throws(TemplateError) {
            guard let key = path.first, let found else { return try body(&self, found) }
            guard case .value(let pointer) = found, case .object(let context) = pointer.pointee,
                let wanted = code.templateKeys[key]
            else { return try body(&self, nil) }
            try context.withEntries { (entries) throws(TemplateError) in
                try lookup(path.dropFirst(), in: TemplateContext.value(of: wanted, in: entries).map(Frame.value), body)
            }
        }
    }
}

/// Turns template text into tokens, then into a tree of ``MustacheTemplate/Node``s.
///
/// It reads the template's UTF-8 bytes: texts are ranges of them until the tree copies them, and a tag's
/// content is trimmed and read as bytes, made a `String` only for the name it holds. (Made of strings,
/// compared a byte at a time with the opening delimiter and trimmed through `String`'s Unicode views,
/// tokens took about 400 instructions for each byte of the default templates, a fresh process's 5.3M.)
private struct MustacheParser {
    enum TagKind {
        case variable, section, inverted, close, comment, partial, delimiters, pragma

        /// Whether a line holding only this tag (and white space) disappears with its line break.
        var canStandAlone: Bool { self != .variable }
    }

    enum Token {
        /// Text, as the range of its bytes, that never holds a line break except as its last byte.
        case text(Range<Int>)
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

    /// `range` without white space (Unicode's) at either end.
    private func trimmingSpaces(_ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end, let length = spaceLength(at: start, end: end) { start += length }
        while end > start {
            // The last scalar starts at the last byte before `end` that is not a continuation byte.
            var scalarStart = end - 1
            while scalarStart > start, bytes[scalarStart] & 0xC0 == 0x80 { scalarStart -= 1 }
            guard spaceLength(at: scalarStart, end: end) != nil else { break }
            end = scalarStart
        }
        return start..<end
    }

    /// The length in bytes of the scalar at `offset` (which ends by `end`) when it is white space
    /// (Unicode's White_Space): told by its byte for ASCII (tab to carriage return, space), else by its
    /// property.
    private func spaceLength(at offset: Int, end: Int) -> Int? {
        let byte = bytes[offset]
        if byte < 0x80 { return byte == 0x20 || (0x09...0x0D).contains(byte) ? 1 : nil }
        var length = 1
        while offset + length < end, bytes[offset + length] & 0xC0 == 0x80 { length += 1 }
        let scalar = text(offset..<offset + length).unicodeScalars.first!
        return scalar.properties.isWhitespace ? length : nil
    }

    mutating func tokens() throws(TemplateError) -> [Token] {
        var tokens: [Token] = []
        var textStart = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\n") {
                position += 1
                tokens.append(.text(textStart..<position))
                line += 1
                lineStart = position
                textStart = position
                continue
            }
            // The delimiter's first byte first: most bytes are not it.
            guard byte == open[0], matches(open, at: position) else {
                position += 1
                continue
            }
            if textStart < position { tokens.append(.text(textStart..<position)) }
            tokens.append(try tag())
            textStart = position
        }
        if textStart < position { tokens.append(.text(textStart..<position)) }
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
        let closingStart = closing[0]
        while position < bytes.count, bytes[position] != closingStart || !matches(closing, at: position) {
            if bytes[position] == UInt8(ascii: "\n") {
                line += 1
                lineStart = position + 1
            }
            position += 1
        }
        guard position < bytes.count else {
            throw TemplateError(.error("tag is not closed with \(String(decoding: closing, as: UTF8.self))", at: start))
        }
        let content = contentStart..<position
        position += closing.count
        if triple { return .tag(.variable, try name(content, at: start), start) }

        let trimmed = trimmingSpaces(content)
        // Every sigil is one ASCII character, one byte: its byte tells, and the rest follows it.
        let sigil = trimmed.isEmpty ? nil : bytes[trimmed.lowerBound]
        let rest = trimmingSpaces(trimmed.dropFirst())
        switch sigil {
        case UInt8(ascii: "#"): return .tag(.section, try name(rest, at: start), start)
        case UInt8(ascii: "^"): return .tag(.inverted, try name(rest, at: start), start)
        case UInt8(ascii: "/"): return .tag(.close, try name(rest, at: start), start)
        case UInt8(ascii: "&"): return .tag(.variable, try name(rest, at: start), start)
        case UInt8(ascii: "!"): return .tag(.comment, "", start)
        case UInt8(ascii: "%"): return .tag(.pragma, "", start)
        case UInt8(ascii: ">"):
            guard !rest.isEmpty else { throw TemplateError(.error("partial tag has no name", at: start)) }
            return .tag(.partial, text(rest), start)
        case UInt8(ascii: "="):
            let trimmed = text(trimmed)
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
        case UInt8(ascii: "<"), UInt8(ascii: "$"):
            throw TemplateError(.error("template inheritance ({{<parent}}, {{$block}}) is not supported", at: start))
        default:
            return .tag(.variable, try name(trimmed, at: start), start)
        }
    }

    private func name(_ range: Range<Int>, at location: SourceLocation) throws(TemplateError) -> String {
        let name = trimmingSpaces(range)
        guard !name.isEmpty else { throw TemplateError(.error("tag has no name", at: location)) }
        // These are ASCII: their bytes are never part of another scalar's.
        let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n")
        let notName = bytes[name].contains { $0 == space || $0 == tab || $0 == newline || $0 == UInt8(ascii: "(") }
        guard !notName else {
            throw TemplateError(
                .error("\"\(text(name))\" is not a name (transforms and lambdas are not supported)", at: location))
        }
        return text(name)
    }

    /// Drops every standalone line: a line whose only tag is a section, inverted section, closing,
    /// comment, partial, delimiter or pragma tag, with nothing but spaces or tabs around it. A partial
    /// standing alone keeps the spaces before it as the indentation of every line it renders.
    func strippingStandaloneLines(_ tokens: [Token]) -> [Token] {
        var result: [Token] = []
        result.reserveCapacity(tokens.count)
        var lineStart = 0
        while lineStart < tokens.count {
            var lineEnd = lineStart
            while lineEnd < tokens.count {
                defer { lineEnd += 1 }
                if case .text(let text) = tokens[lineEnd], bytes[text.upperBound - 1] == UInt8(ascii: "\n") { break }
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
                    let blank = bytes[text].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
                    standalone = standalone && blank
                    if tag == nil { indent += bytes[text] }
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
    func tree(_ tokens: [Token]) throws(TemplateError) -> (
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
                nodes.append(.text(Array(bytes[text])))
                atLineStart = bytes[text.upperBound - 1] == UInt8(ascii: "\n")
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

    /// `name`'s keys, split at its dots (empty keys left out); most names have none, and are their one key.
    private static func split(_ name: String) -> MustacheTemplate.Name {
        let dot = UInt8(ascii: ".")
        // The dot is ASCII: its byte is never part of another scalar's.
        guard name.utf8.contains(dot) else { return MustacheTemplate.Name(first: name, rest: []) }
        let keys = name == "." ? [] : name.utf8.split(separator: dot).map { String(decoding: $0, as: UTF8.self) }
        return MustacheTemplate.Name(first: keys.first, rest: Array(keys.dropFirst()))
    }
}
