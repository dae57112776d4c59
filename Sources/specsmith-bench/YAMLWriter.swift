import SpecsmithYAML

/// Writes a ``YAMLNode`` tree as block-style YAML that loads back to the same tree (locations aside):
/// mappings and sequences in block style (`{}`/`[]` when empty), plain scalars as they were, quoted
/// scalars double-quoted, and multi-line literal or folded scalars as literal blocks (`|`, `|-`, `|+`)
/// when their text allows it, else double-quoted with escapes.
struct YAMLWriter {
    /// Spaces per level of nesting.
    var indentWidth = 4
    private(set) var output: [UInt8] = []

    init(indentWidth: Int = 4) {
        self.indentWidth = indentWidth
    }

    /// The YAML text of a document whose root is `root`.
    static func text(of root: YAMLNode, indentWidth: Int = 4) -> [UInt8] {
        var writer = YAMLWriter(indentWidth: indentWidth)
        switch root.content {
        case .mapping(let mapping) where !mapping.isEmpty: writer.mapping(mapping, indent: 0, continuing: false)
        case .sequence(let items) where !items.isEmpty: writer.sequence(items, indent: 0, continuing: false)
        default:
            writer.inline(root, indent: 0)
            writer.append("\n")
        }
        return writer.output
    }

    private mutating func append(_ text: String) {
        output.append(contentsOf: text.utf8)
    }

    private mutating func spaces(_ count: Int) {
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
    }

    /// A mapping's entries, one per line at `indent`; when `continuing`, the first one goes on the
    /// current line (after a sequence's `- `).
    private mutating func mapping(_ mapping: YAMLMapping, indent: Int, continuing: Bool) {
        for (index, entry) in mapping.enumerated() {
            if index > 0 || !continuing { spaces(indent) }
            guard case .scalar(let key) = entry.key.content else {
                preconditionFailure("YAMLWriter: a mapping key that is not a scalar at \(entry.key.location)")
            }
            scalar(key, indent: indent, isKey: true)
            append(":")
            value(entry.value, indent: indent)
        }
    }

    /// A sequence's items, `- ` each at `indent`; when `continuing`, the first on the current line.
    private mutating func sequence(_ items: YAMLSequence, indent: Int, continuing: Bool) {
        for (index, item) in items.enumerated() {
            if index > 0 || !continuing { spaces(indent) }
            append("- ")
            switch item.content {
            case .mapping(let mapping) where !mapping.isEmpty:
                self.mapping(mapping, indent: indent + 2, continuing: true)
            case .sequence(let nested) where !nested.isEmpty: sequence(nested, indent: indent + 2, continuing: true)
            default:
                inline(item, indent: indent)
                append("\n")
            }
        }
    }

    /// What follows `key:` for a value, up to and including the end of its last line.
    private mutating func value(_ node: YAMLNode, indent: Int) {
        switch node.content {
        case .mapping(let mapping) where !mapping.isEmpty:
            append("\n")
            self.mapping(mapping, indent: indent + indentWidth, continuing: false)
        case .sequence(let items) where !items.isEmpty:
            append("\n")
            sequence(items, indent: indent + indentWidth, continuing: false)
        case .scalar(let s) where s.style == .plain && s.tag == nil && s.text.isEmpty:
            append("\n")  // `key:` alone is null, as it was
        default:
            append(" ")
            inline(node, indent: indent)
            append("\n")
        }
    }

    /// A scalar or an empty collection on the current line (a literal block continues on the next
    /// lines, indented one level below `indent`).
    private mutating func inline(_ node: YAMLNode, indent: Int) {
        switch node.content {
        case .mapping: append("{}")
        case .sequence: append("[]")
        case .scalar(let s): scalar(s, indent: indent, isKey: false)
        }
    }

    private mutating func scalar(_ s: YAMLScalar, indent: Int, isKey: Bool) {
        if let tag = s.tag {
            let core = "tag:yaml.org,2002:"
            append(tag.hasPrefix(core) ? "!!" + tag.dropFirst(core.count) + " " : tag == "!" ? "! " : "!<\(tag)> ")
        }
        switch s.style {
        case .plain where !s.text.unicodeScalars.contains(where: { $0 == "\n" || Self.needsEscape($0) }):
            // Its text was plain already; a plain scalar with an empty line in it folds to a line
            // break, a string written double-quoted below.
            append(s.text.isEmpty ? "~" : s.text)
        case .literal, .folded:
            if !isKey && Self.fitsLiteralBlock(s.text) {
                literalBlock(s.text, indent: indent + indentWidth)
            } else {
                doubleQuoted(s.text)
            }
        default:
            doubleQuoted(s.text)
        }
    }

    /// Whether `text` can be a literal block scalar whose indentation is detected from its first
    /// non-empty line: it has a line break and a non-break character, every character is printable,
    /// and its first non-empty line does not start with a space or tab.
    static func fitsLiteralBlock(_ text: String) -> Bool {
        guard text.unicodeScalars.contains("\n"), text.unicodeScalars.contains(where: { $0 != "\n" }) else {
            return false
        }
        guard !text.unicodeScalars.contains(where: { $0 != "\n" && $0 != "\t" && needsEscape($0) }) else {
            return false
        }
        guard let firstLine = text.split(separator: "\n").first else { return false }
        return !(firstLine.hasPrefix(" ") || firstLine.hasPrefix("\t"))
    }

    /// `|`, `|-` or `|+` by the trailing line breaks, then each line at `indent`.
    private mutating func literalBlock(_ text: String, indent: Int) {
        var body = Substring(text)
        var trailing = 0
        while body.hasSuffix("\n") {
            body = body.dropLast()
            trailing += 1
        }
        append(trailing == 0 ? "|-" : trailing == 1 ? "|" : "|+")
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            append("\n")
            if !line.isEmpty {
                spaces(indent)
                output.append(contentsOf: line.utf8)
            }
        }
        // The last line's break is written by the caller; a kept block also keeps its empty lines.
        if trailing > 1 { append(String(repeating: "\n", count: trailing - 1)) }
    }

    /// Not printable in YAML (outside tab, line feed, 0x20-0x7E, 0xA0-0xD7FF, 0xE000-0xFFFD but the BOM,
    /// and 0x10000 up), or a line break other than line feed: written as an escape.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E, 0xA0...0xD7FF, 0x10000...: return scalar.value == 0x2028 || scalar.value == 0x2029
        case 0xE000...0xFFFD: return scalar.value == 0xFEFF
        default: return true
        }
    }

    private mutating func doubleQuoted(_ text: String) {
        output.append(UInt8(ascii: "\""))
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": append("\\\"")
            case "\\": append("\\\\")
            case "\n": append("\\n")
            case "\t": append("\\t")
            case _ where Self.needsEscape(scalar):
                let hex = String(scalar.value, radix: 16, uppercase: true)
                append(scalar.value <= 0xFF ? "\\x" : scalar.value <= 0xFFFF ? "\\u" : "\\U")
                let width = scalar.value <= 0xFF ? 2 : scalar.value <= 0xFFFF ? 4 : 8
                append(String(repeating: "0", count: width - hex.count) + hex)
            default: output.append(contentsOf: String(scalar).utf8)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
