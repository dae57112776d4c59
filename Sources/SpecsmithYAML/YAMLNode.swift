public import SpecsmithDiagnostics

/// A node of a YAML (or JSON) document, with the place it came from.
///
/// Nodes are plain values. Aliases are expanded when the tree is built (within the budget set by
/// ``YAMLLimits``), so the tree has no anchors or aliases left in it.
public struct YAMLNode: Sendable, Hashable {
    public enum Content: Sendable, Hashable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        case mapping(YAMLMapping)
    }

    public var content: Content
    /// Where the node starts: for a mapping or sequence its first key or item (or its `{`/`[`),
    /// for a scalar its first character (the quote, for a quoted scalar).
    public var location: SourceLocation

    public init(_ content: Content, at location: SourceLocation) {
        self.content = content
        self.location = location
    }

    public var scalar: YAMLScalar? {
        if case .scalar(let s) = content { return s }
        return nil
    }

    public var sequence: [YAMLNode]? {
        if case .sequence(let s) = content { return s }
        return nil
    }

    public var mapping: YAMLMapping? {
        if case .mapping(let m) = content { return m }
        return nil
    }
}

/// A scalar as written: its text after unescaping and folding, its style, and its tag if one was given.
public struct YAMLScalar: Sendable, Hashable {
    public enum Style: Sendable, Hashable {
        case plain
        case singleQuoted
        case doubleQuoted
        case literal
        case folded
    }

    public var text: String
    public var style: Style
    /// The resolved tag when the document gave one (`tag:yaml.org,2002:str` for `!!str`), else `nil`.
    public var tag: String?

    public init(_ text: String, style: Style = .plain, tag: String? = nil) {
        self.text = text
        self.style = style
        self.tag = tag
    }
}

/// A mapping whose entries keep document order. Keys are nodes (usually scalars); integer-looking
/// keys such as `200` stay text.
public struct YAMLMapping: Sendable, Hashable, RandomAccessCollection {
    public struct Entry: Sendable, Hashable {
        public var key: YAMLNode
        public var value: YAMLNode

        public init(key: YAMLNode, value: YAMLNode) {
            self.key = key
            self.value = value
        }

        /// The key's text when the key is a scalar, else `nil`.
        public var keyText: String? { key.scalar?.text }
    }

    public var entries: [Entry]

    public init(_ entries: [Entry] = []) {
        self.entries = entries
    }

    public var startIndex: Int { entries.startIndex }
    public var endIndex: Int { entries.endIndex }
    public subscript(position: Int) -> Entry { entries[position] }

    /// The value of the first entry whose scalar key has this text. Linear: iterate the mapping
    /// instead when reading every key of a large mapping.
    public subscript(key: String) -> YAMLNode? {
        index(ofKey: key).map { entries[$0].value }
    }

    /// The position of the first entry whose scalar key has this text.
    public func index(ofKey key: String) -> Int? {
        // Lengths first: they are free, and most keys differ in length.
        let length = key.utf8.count
        for index in entries.indices {
            if case .scalar(let scalar) = entries[index].key.content, scalar.text.utf8.count == length, scalar.text == key {
                return index
            }
        }
        return nil
    }

    /// The entry whose scalar key has this text, with the key's own location.
    public func entry(_ key: String) -> Entry? {
        index(ofKey: key).map { entries[$0] }
    }
}

/// A number exactly as the document wrote it, so that `multipleOf: 0.01` or a 20-digit integer lose
/// nothing on the way to generated code.
public struct YAMLNumber: Sendable, Hashable, CustomStringConvertible {
    /// The number in JSON form: an optional `-`, digits, an optional fraction and exponent
    /// (`0777` becomes `777`, `+5` becomes `5`, `.5` becomes `0.5`). No `inf`/`nan`.
    public var text: String
    /// True when the text has no fraction and no exponent.
    public var isInteger: Bool

    public init(text: String, isInteger: Bool) {
        self.text = text
        self.isInteger = isInteger
    }

    public var description: String { text }
}
